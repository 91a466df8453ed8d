/**
 * The plan's `headcount` section through validatePlan: defaults when it is absent, a default
 * id taking the default's values, and every problem named by its field, the value found and
 * what was expected, in English, simplified and traditional Chinese.
 */
import { formatFieldError } from '../../../src/core/fieldError';
import { DEFAULT_ROLE_IDS, FULL_CYCLE_ID } from '../../../src/core/headcount/defaultRoles';
import type { ValidHeadcount } from '../../../src/core/headcount/headcountTypes';
import { validatePlan } from '../../../src/core/validatePlan';
import { clone, seedExample } from '../fixtures';

const base = { ...clone(seedExample), timing: { fiscalYearStart: '2027-01' } };

function read(headcount: unknown): ValidHeadcount {
  const checked = validatePlan({ ...base, headcount });
  if (!checked.ok) throw new Error(checked.errors.map((e) => formatFieldError(e)).join('\n'));
  return checked.plan.headcount!;
}

function problems(headcount: unknown, lang: 'en' | 'zh-CN' | 'zh-TW' = 'en', plan: object = base): string[] {
  const checked = validatePlan({ ...plan, headcount });
  if (checked.ok) return [];
  return checked.errors.map((e) => formatFieldError(e, lang));
}

const SDR = { id: 'sdr', driver: { stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, hireLeadMonths: 1, monthlyCost: 8000, current: 6 };

describe('reading headcount', () => {
  test('absent: the default roles, in their order, with managers after the roles they manage; plan start left to the default', () => {
    const h = read(undefined);
    expect(h.roles.map((r) => r.id)).toEqual([...DEFAULT_ROLE_IDS]);
    expect(h.planStart).toBeUndefined();
    expect(h.order.indexOf('sdrManager')).toBeGreaterThan(h.order.indexOf('sdr'));
    expect(h.order.indexOf('dataAnalyst')).toBeGreaterThan(h.order.indexOf('csm'));
    expect(h.vertical).toMatchObject({ id: FULL_CYCLE_ID, replaces: ['sdr', 'ae'], driver: { kind: 'stage', stage: 'opportunity' } });
    const sdr = h.roles.find((r) => r.id === 'sdr')!;
    expect(sdr).toMatchObject({ driver: { kind: 'stage', stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], hireLeadMonths: 1, current: 0 });
  });

  test("the issue's SDR reads as written; text numbers read like typed ones", () => {
    const h = read({ planStart: '2026-10', roles: [{ ...SDR, attritionPerYear: '30%', monthlyCost: '8,000', current: '6' }] });
    expect(h.planStart).toEqual({ year: 2026, month: 10 });
    expect(h.roles).toEqual([
      { id: 'sdr', name: undefined, driver: { kind: 'stage', stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, hireLeadMonths: 1, monthlyCost: 8000, current: 6 },
    ]);
    expect(h.vertical).toMatchObject({ replaces: ['sdr'], current: 6, driver: { kind: 'stage', stage: 'sql' } });
  });

  test('a default id takes the default for what it leaves out; a custom one gets [] ramp, 0 attrition, 0 lead, 0 current', () => {
    const h = read({ roles: [{ id: 'ae', current: 4 }, { id: 'ops', driver: { fixed: 2 }, monthlyCost: 6000 }] });
    expect(h.roles[0]).toMatchObject({ driver: { kind: 'stage', stage: 'opportunity' }, capacityPerMonth: 8, ramp: [0, 0.2, 0.4, 0.6, 0.8], attritionPerYear: 0.25, hireLeadMonths: 2, monthlyCost: 16000, current: 4 });
    expect(h.roles[1]).toMatchObject({ driver: { kind: 'fixed', fte: 2 }, capacityPerMonth: undefined, ramp: [], attritionPerYear: 0, hireLeadMonths: 0, current: 0 });
  });

  test('a default manager counts only the roles the plan lists; a channel can drive a role', () => {
    const withChannels = clone(base) as any;
    withChannels.sources[0].channels = [{ id: 'content', share: 0.5 }, { id: 'events', share: 0.5 }];
    const checked = validatePlan({
      ...withChannels,
      headcount: { roles: [{ id: 'contentMarketer', driver: { stage: 'lead', sources: ['content'] }, capacityPerMonth: 400 }, { id: 'sdr' }, { id: 'dataAnalyst' }] },
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.plan.headcount!.roles[2].driver).toEqual({ kind: 'ratio', per: 25, of: ['contentMarketer', 'sdr'] });
    expect(checked.plan.headcount!.roles[0].driver).toEqual({ kind: 'stage', stage: 'lead', sources: ['content'] });
  });

  test('"vertical": null leaves the comparison out; an empty role list plans nobody', () => {
    expect(read({ vertical: null }).vertical).toBeNull();
    expect(read({ roles: [] })).toEqual({ planStart: undefined, roles: [], order: [], vertical: null });
  });
});

describe('headcount problems name the field, the value and what was expected', () => {
  test.each<[string, unknown, string]>([
    ['not an object', 'lots', 'headcount: expected an object with fields, got "lots"'],
    ['a misspelled key', { role: [] }, 'headcount.role: is not a field here; did you mean roles?'],
    ['a plan start that is not a month', { planStart: '2026/10' }, 'headcount.planStart: expected a month as "YYYY-MM" (e.g. "2027-04"), got "2026/10"'],
    [
      'a plan start after the fiscal year',
      { planStart: '2028-01' },
      'headcount.planStart: expected a month from 2024-01 – 2027-12 (at most 36 months before the fiscal year, at the latest its last month), got "2028-01"',
    ],
    ['roles not a list', { roles: { sdr: {} } }, 'headcount.roles: expected a list, got an object'],
    ['a role without an id', { roles: [{ driver: { fixed: 1 }, monthlyCost: 1 }] }, 'headcount.roles[0].id: is required but missing'],
    ['a reserved id', { roles: [{ id: '__proto__', driver: { fixed: 1 }, monthlyCost: 1 }] }, 'headcount.roles[0].id: "__proto__" cannot be used as an id (reserved: revenue, wonRevenue, name, id, kind, share, avgDealSize, entryStage, counts)'],
    ['a role id twice', { roles: [SDR, SDR] }, 'headcount.roles[1].id: role id "sdr" is already used by headcount.roles[0]'],
    ['a misspelled role field', { roles: [{ ...SDR, ramps: [] }] }, 'headcount.roles[0].ramps: is not a field here; did you mean ramp?'],
    ['a custom role without a driver', { roles: [{ id: 'ops', monthlyCost: 1 }] }, 'headcount.roles[0].driver: is required but missing'],
    ['a custom role without a cost', { roles: [{ id: 'ops', driver: { fixed: 1 } }] }, 'headcount.roles[0].monthlyCost: is required but missing'],
    [
      'a driver with two kinds',
      { roles: [{ ...SDR, driver: { stage: 'sql', fixed: 2 } }] },
      'headcount.roles[0].driver: expected exactly one of stage, accounts, span, ratio, fixed (e.g. { "stage": "sql" }, { "span": 8, "of": ["sdr"] } or { "fixed": 1 }), got "stage, fixed"',
    ],
    [
      'a driver with none',
      { roles: [{ ...SDR, driver: {} }] },
      'headcount.roles[0].driver: expected exactly one of stage, accounts, span, ratio, fixed (e.g. { "stage": "sql" }, { "span": 8, "of": ["sdr"] } or { "fixed": 1 }), got nothing',
    ],
    ['an unknown stage', { roles: [{ ...SDR, driver: { stage: 'demo' } }] }, "headcount.roles[0].driver.stage: expected one of the plan's stages (lead, mql, sql, opportunity, won), got \"demo\""],
    ['an unknown source', { roles: [{ ...SDR, driver: { stage: 'sql', sources: ['partners'] } }] }, "headcount.roles[0].driver.sources[0]: expected one of the plan's source ids (marketing, outbound), got \"partners\""],
    ['a source twice', { roles: [{ ...SDR, driver: { stage: 'sql', sources: ['outbound', 'outbound'] } }] }, 'headcount.roles[0].driver.sources[1]: "outbound" is listed more than once'],
    ['no sources', { roles: [{ ...SDR, driver: { stage: 'sql', sources: [] } }] }, 'headcount.roles[0].driver.sources: expected at least one entry, got an empty list'],
    ['sources on a fixed driver', { roles: [{ id: 'ops', driver: { fixed: 1, sources: ['marketing'] }, monthlyCost: 1 }] }, 'headcount.roles[0].driver.sources: is not used by a fixed driver (its demand is already in people, or it counts no sources); remove it'],
    ['capacity on a span driver', { roles: [SDR, { id: 'mgr', driver: { span: 8, of: ['sdr'] }, capacityPerMonth: 8, monthlyCost: 1 }] }, 'headcount.roles[1].capacityPerMonth: is not used by a span driver (its demand is already in people, or it counts no sources); remove it'],
    ['a stage role without a capacity', { roles: [{ id: 'bdr', driver: { stage: 'sql' }, monthlyCost: 1 }] }, 'headcount.roles[0].capacityPerMonth: is required but missing'],
    ['a zero capacity', { roles: [{ ...SDR, capacityPerMonth: 0 }] }, 'headcount.roles[0].capacityPerMonth: expected a number greater than 0, got 0'],
    ['a span of an unknown role', { roles: [SDR, { id: 'mgr', driver: { span: 8, of: ['sdrs'] }, monthlyCost: 1 }] }, "headcount.roles[1].driver.of[0]: expected one of the plan's role ids (sdr, mgr), got \"sdrs\""],
    ['a span of itself', { roles: [{ id: 'mgr', driver: { span: 8, of: ['mgr'] }, monthlyCost: 1 }] }, 'headcount.roles[0].driver.of[0]: these roles count one another in a circle (mgr → mgr): a span or ratio cannot lead back to its own role; drive one of them by a stage, the accounts or a fixed number'],
    [
      'managers in a circle',
      { roles: [{ id: 'a', driver: { ratio: 5, of: ['b'] }, monthlyCost: 1 }, { id: 'b', driver: { span: 8, of: ['c'] }, monthlyCost: 1 }, { id: 'c', driver: { span: 4, of: ['a'] }, monthlyCost: 1 }] },
      'headcount.roles[0].driver.of: these roles count one another in a circle (a → b → c → a): a span or ratio cannot lead back to its own role; drive one of them by a stage, the accounts or a fixed number',
    ],
    ['a zero span', { roles: [SDR, { id: 'mgr', driver: { span: 0, of: ['sdr'] }, monthlyCost: 1 }] }, 'headcount.roles[1].driver.span: expected a number greater than 0, got 0'],
    ['accounts not whole', { roles: [{ id: 'csm', driver: { accounts: 12.5 } }] }, 'headcount.roles[0].driver.accounts: expected a whole number, got 12.5'],
    ['a ramp above 1', { roles: [{ ...SDR, ramp: [0.5, 1.2] }] }, "headcount.roles[0].ramp[1]: expected a productivity from 0 to 1 for this month of tenure (0.25 = a quarter of a fully ramped person's output), got 1.2"],
    ['a ramp not a list', { roles: [{ ...SDR, ramp: '3 months' }] }, 'headcount.roles[0].ramp: expected a list, got "3 months"'],
    ['a ramp too long', { roles: [{ ...SDR, ramp: Array(37).fill(0.5) }] }, 'headcount.roles[0].ramp: expected a ramp of at most 36 months (one productivity per month of tenure; 1 after the list), got a list of 37'],
    ['attrition of 100 %', { roles: [{ ...SDR, attritionPerYear: '100%' }] }, 'headcount.roles[0].attritionPerYear: expected an annual attrition of at least 0 and below 1 (e.g. 0.3 or "30%" for 30 % leaving a year), got "100%"'],
    ['a lead time in parts', { roles: [{ ...SDR, hireLeadMonths: 1.5 }] }, 'headcount.roles[0].hireLeadMonths: expected a whole number, got 1.5'],
    ['a lead time over 2 years', { roles: [{ ...SDR, hireLeadMonths: 30 }] }, 'headcount.roles[0].hireLeadMonths: expected a whole number from 0–24, got 30'],
    ['negative current staff', { roles: [{ ...SDR, current: -2 }] }, 'headcount.roles[0].current: expected a number of 0 or more, got -2'],
    ['a negative cost', { roles: [{ ...SDR, monthlyCost: '-8000' }] }, 'headcount.roles[0].monthlyCost: expected a number of 0 or more, got "-8000"'],
    ['a vertical replacing an unknown role', { roles: [SDR], vertical: { replaces: ['closer'] } }, "headcount.vertical.replaces[0]: expected one of the plan's role ids (sdr), got \"closer\""],
    [
      'a vertical driven by a span',
      { roles: [SDR], vertical: { driver: { span: 3, of: ['sdr'] } } },
      'headcount.vertical.driver: expected exactly one of stage, accounts (e.g. { "stage": "sql" }, { "span": 8, "of": ["sdr"] } or { "fixed": 1 }), got "span"',
    ],
    ['a vertical with nothing to replace and no replaces', { roles: [{ id: 'ops', driver: { fixed: 1 }, monthlyCost: 1 }], vertical: { driver: { stage: 'sql' }, monthlyCost: 1 } }, 'headcount.vertical.replaces: is required but missing'],
  ])('%s', (_name, headcount, message) => {
    expect(problems(headcount)).toEqual([message]);
  });

  test('a channel listed with its own source would count twice', () => {
    const plan = clone(base) as any;
    plan.sources[0].channels = [{ id: 'content', share: 1 }];
    expect(problems({ roles: [{ ...SDR, driver: { stage: 'lead', sources: ['marketing', 'content'] } }] }, 'en', plan)).toEqual([
      'headcount.roles[0].driver.sources[1]: "content" is a channel of source marketing, which is listed too: its work would count twice',
    ]);
  });

  test('every problem at once, in simplified and traditional Chinese', () => {
    const headcount = {
      planStart: 'soon',
      roles: [
        { ...SDR, attritionPerYear: 1.5, ramp: [2] },
        { id: 'mgr', driver: { span: 8, of: ['sdrs'] }, monthlyCost: 1 },
      ],
    };
    expect(problems(headcount, 'zh-CN')).toEqual([
      'headcount.planStart: 应为 "YYYY-MM" 格式的月份（如 "2027-04"），实际为 "soon"',
      'headcount.roles[0].ramp[0]: 该任职月份的产能应在 0 到 1 之间（0.25 表示达到完全上手者产出的四分之一），实际为 2',
      'headcount.roles[0].attritionPerYear: 年流失率应不小于 0 且小于 1（如 0.3 或 "30%" 表示每年流失 30%），实际为 1.5',
      'headcount.roles[1].driver.of[0]: 应为计划中的角色 id 之一（sdr, mgr），实际为 "sdrs"',
    ]);
    expect(problems(headcount, 'zh-TW')).toEqual([
      'headcount.planStart: 應為 "YYYY-MM" 格式的月份（如 "2027-04"），實際為 "soon"',
      'headcount.roles[0].ramp[0]: 該任職月份的產能應在 0 到 1 之間（0.25 表示達到完全上手者產出的四分之一），實際為 2',
      'headcount.roles[0].attritionPerYear: 年流失率應不小於 0 且小於 1（如 0.3 或 "30%" 表示每年流失 30%），實際為 1.5',
      'headcount.roles[1].driver.of[0]: 應為計畫中的角色 id 之一（sdr, mgr），實際為 "sdrs"',
    ]);
  });

  test('the other Chinese messages of the section say something of their own', () => {
    const cases = [
      { roles: [{ ...SDR, driver: { stage: 'sql', fixed: 2 } }] },
      { roles: [{ id: 'mgr', driver: { span: 8, of: ['mgr'] }, monthlyCost: 1 }] },
      { roles: [{ ...SDR, hireLeadMonths: 30 }] },
      { roles: [{ ...SDR, ramp: Array(37).fill(0.5) }] },
      { planStart: '2028-01' },
      { roles: [SDR, SDR] },
      { roles: [{ id: 'ops', driver: { fixed: 1, sources: ['marketing'] }, monthlyCost: 1 }] },
    ];
    for (const headcount of cases) {
      const [en] = problems(headcount);
      for (const lang of ['zh-CN', 'zh-TW'] as const) {
        const [zh] = problems(headcount, lang);
        expect(zh).not.toBe(en);
        expect(zh.split(': ')[0]).toBe(en.split(': ')[0]);
        expect(zh.slice(zh.indexOf(': ') + 2)).not.toMatch(/\b(expected|got|is|the)\b/);
      }
    }
  });
});
