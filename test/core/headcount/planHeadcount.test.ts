/**
 * The headcount plan of a whole plan: demand from the plan over the year (carry-in months
 * after plan start included), the account base, managers from heads, dependency order, the
 * default plan start, costs that add up, the structures, and `headcount` in the JSON.
 */
import fc from 'fast-check';
import { headcountToJson } from '../../../src/core/headcount/headcountJson';
import { hiringSummary } from '../../../src/core/headcount/hiringSummary';
import { planHeadcount } from '../../../src/core/headcount/planHeadcount';
import { tradeOff } from '../../../src/core/headcount/structures';
import { monthValue } from '../../../src/core/time/monthSeries';
import { planTimeline } from '../../../src/core/time/planTimeline';
import { validatePlan } from '../../../src/core/validatePlan';
import { clone, seedExample } from '../fixtures';

function planned(input: unknown) {
  const checked = validatePlan(input, { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel)!;
  const h = planHeadcount(checked.plan, timeline);
  return { plan: checked.plan, timeline, h, json: headcountToJson(h) };
}

const SDR = { id: 'sdr', driver: { stage: 'sql', sources: ['marketing', 'outbound'] }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, hireLeadMonths: 1, monthlyCost: 8000, current: 6 };
/** The seed plan over FY 2027 with a lag: outbound SQLs are worked 2 months before their wins (45 + 14 days). */
const lagged = {
  ...clone(seedExample),
  timing: { fiscalYearStart: '2027-01' },
  sources: [seedExample.sources[0], { ...seedExample.sources[1], stageDays: { sql: 14, opportunity: 45 } }],
};

describe('demand from the plan over the year', () => {
  test('plan start defaults to 3 months before the FY; months run to the FY end', () => {
    const { json } = planned({ ...lagged, headcount: { roles: [SDR] } });
    expect(json.planStart).toBe('2026-10');
    expect(json.months).toEqual(['2026-10', '2026-11', '2026-12', ...Array.from({ length: 12 }, (_, i) => `2027-${String(i + 1).padStart(2, '0')}`)]);
  });

  test("an SDR's demand is the SQL work of its sources (this year's + next year's part) ÷ capacity, carry-in months included", () => {
    const { timeline, json } = planned({ ...lagged, headcount: { roles: [SDR] } });
    const work = (t: number) =>
      ['marketing', 'outbound'].reduce((sum, id) => sum + monthValue(timeline.bySource[id].sql.thisYear, t) + monthValue(timeline.bySource[id].sql.nextYear, t), 0);
    json.months.forEach((month, i) => expect([month, json.roles.sdr.demandFte[month]]).toEqual([month, work(i - 3) / 15]));
    // The lag puts outbound SQL work in November and December before the FY; October has none.
    expect(json.roles.sdr.demandFte['2026-10']).toBe(0);
    expect(json.roles.sdr.demandFte['2026-11']).toBeGreaterThan(0);
  });

  test('a later plan start leaves the carry-in before it out', () => {
    const { json } = planned({ ...lagged, headcount: { planStart: '2026-12', roles: [SDR] } });
    expect(json.months[0]).toBe('2026-12');
    expect(Object.keys(json.roles.sdr.demandFte)).toHaveLength(13);
  });

  test('one source only, or one channel only', () => {
    const input = clone(lagged) as any;
    input.sources[0].channels = [{ id: 'content', share: 0.25 }, { id: 'events', share: 0.75 }];
    const { timeline, json } = planned({ ...input, headcount: { roles: [{ ...SDR, driver: { stage: 'lead', sources: ['content'] }, capacityPerMonth: 100 }, { ...SDR, id: 'outboundSdr', driver: { stage: 'sql', sources: ['outbound'] } }] } });
    expect(json.roles.sdr.demandFte['2027-03']).toBe(monthValue(timeline.byChannel.content.lead.thisYear, 2) / 100 + monthValue(timeline.byChannel.content.lead.nextYear, 2) / 100);
    expect(json.roles.outboundSdr.demandFte['2027-03']).toBe((monthValue(timeline.bySource.outbound.sql.thisYear, 2) + monthValue(timeline.bySource.outbound.sql.nextYear, 2)) / 15);
  });

  test('a CSM follows the account base: existing accounts plus the FY\'s won deals to date', () => {
    const { timeline, json } = planned({ ...lagged, headcount: { roles: [{ id: 'csm', driver: { accounts: 200 }, capacityPerMonth: 40 }] } });
    let accounts = 200;
    json.months.forEach((month, i) => {
      const t = i - 3;
      if (t >= 0) accounts += monthValue(timeline.total.won.thisYear, t);
      expect([month, json.roles.csm.demandFte[month]]).toEqual([month, accounts / 40]);
    });
    expect(accounts).toBe(200 + 360);
  });
});

describe('managers and support roles', () => {
  const roles = [
    { id: 'sdrManager', driver: { span: 8, of: ['sdr'] }, monthlyCost: 15000, ramp: [0.5], hireLeadMonths: 1 },
    SDR,
    { id: 'analyst', driver: { ratio: 20, of: ['sdr', 'sdrManager'] }, monthlyCost: 10000 },
    { id: 'director', driver: { fixed: 1 }, monthlyCost: 20000, current: 1 },
  ];

  test("a manager's demand is the heads of its reports ÷ span — heads, not effective FTE — whatever the order listed", () => {
    const { json } = planned({ ...lagged, headcount: { roles } });
    for (const month of json.months) {
      expect(json.roles.sdrManager.demandFte[month]).toBe(json.roles.sdr.heads[month] / 8);
      expect(json.roles.analyst.demandFte[month]).toBe((json.roles.sdr.heads[month] + json.roles.sdrManager.heads[month]) / 20);
      expect(json.roles.director.demandFte[month]).toBe(1);
    }
    // Ramping SDRs count as heads: in the month they start, effective < heads, and the span follows heads.
    const start = json.months.find((m) => json.roles.sdr.hires[m] > 0)!;
    expect(json.roles.sdr.effectiveFte[start]).toBeLessThan(json.roles.sdr.heads[start]);
    expect(Object.keys(json.roles)).toEqual(['sdrManager', 'sdr', 'analyst', 'director']); // the order written
  });

  test('costs add up: each month and the FY, per role and in total, to the cent', () => {
    const { h, json } = planned({ ...lagged, headcount: { roles } });
    const cents = (x: number) => Math.round(x * 100);
    for (const month of json.months) {
      const sum = Object.values(json.roles).reduce((s, r) => s + cents(r.cost[month]), 0);
      expect([month, cents(json.total.cost[month])]).toEqual([month, sum]);
      expect(json.total.heads[month]).toBeCloseTo(Object.values(json.roles).reduce((s, r) => s + r.heads[month], 0), 9);
    }
    for (const r of Object.values(json.roles)) {
      expect(cents(r.yearCost)).toBe(json.months.slice(3).reduce((s, m) => s + cents(r.cost[m]), 0));
      for (const m of json.months) expect(cents(r.cost[m])).toBe(Math.round(r.heads[m] * r.monthlyCost * 100));
    }
    expect(cents(json.total.yearCost)).toBe(Object.values(json.roles).reduce((s, r) => s + cents(r.yearCost), 0));
    expect(h.total.costMinor.every(Number.isInteger)).toBe(true);
  });

  test('costs add up for generated role sets and plan starts (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -12, max: 6 }), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 20 }), (start, cost, current) => {
        const planStart = `${start < 0 ? 2026 : 2027}-${String(((start + 12) % 12) + 1).padStart(2, '0')}`;
        const { json } = planned({ ...lagged, headcount: { planStart, roles: [{ ...SDR, monthlyCost: cost, current }, roles[0], roles[2]] } });
        const cents = (x: number) => Math.round(x * 100);
        const fy = json.months.filter((m) => m >= '2027-01');
        expect(cents(json.total.yearCost)).toBe(fy.reduce((s, m) => s + cents(json.total.cost[m]), 0));
        expect(cents(json.total.yearCost)).toBe(Object.values(json.roles).reduce((s, r) => s + cents(r.yearCost), 0));
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe('headcount in the JSON', () => {
  const { json } = planned({ ...lagged, headcount: { roles: [SDR] } });
  const sdr = json.roles.sdr;

  test('every month has a whole number of hires; shortfall has only the months short', () => {
    expect(Object.keys(sdr.hires)).toEqual(json.months);
    expect(Object.values(sdr.hires).every(Number.isInteger)).toBe(true);
    for (const [month, short] of Object.entries(sdr.shortfall)) {
      expect(short).toBeGreaterThan(0);
      expect(short).toBeCloseTo(sdr.demandFte[month] - sdr.effectiveFte[month], 9);
    }
    for (const month of json.months) if (!(month in sdr.shortfall)) expect(sdr.effectiveFte[month]).toBeGreaterThanOrEqual(sdr.demandFte[month] - 1e-9);
  });

  test('the parameters as used, and where coverage starts', () => {
    expect(sdr).toMatchObject({
      name: 'SDR',
      driver: { stage: 'sql', sources: ['marketing', 'outbound'] },
      capacityPerMonth: 15,
      ramp: [0.25, 0.5, 0.75],
      attritionPerYear: 0.3,
      hireLeadMonths: 1,
      monthlyCost: 8000,
      current: 6,
      earliestStart: '2026-11',
      firstCoveredMonth: '2027-02',
    });
    expect(Object.keys(json)).toEqual(['planStart', 'months', 'tolerance', 'roles', 'total', 'structures']);
    expect(Object.keys(json.total)).toEqual(['heads', 'cost', 'yearCost']);
  });

  test('per effective FTE: the SQLs each SDR must deliver in a month, and per working day', () => {
    for (const [month, x] of Object.entries(sdr.perFte!)) expect(x).toBeCloseTo((sdr.demandFte[month] * 15) / sdr.effectiveFte[month], 9);
    // January 2027 has 21 weekdays (no holidays given).
    expect(sdr.perFteDay!['2027-01']).toBeCloseTo(sdr.perFte!['2027-01'] / 21, 12);
    expect(Object.keys(sdr.perFteDay!)).toEqual(Object.keys(sdr.perFte!));
  });
});

describe('the default roles and the structures on the seed plan', () => {
  const { h, json } = planned({ ...clone(seedExample), timing: { fiscalYearStart: '2027-01' } });

  test('fourteen default roles; the sentence lists who to hire when', () => {
    expect(Object.keys(json.roles)).toHaveLength(14);
    const first = json.months.find((m) => json.roles.sdr.hires[m] > 0)!;
    expect(hiringSummary(h, 'en')).toContain(`Hire ${json.roles.sdr.hires[first]} SDRs in ${first}`);
    expect(hiringSummary(h, 'zh-CN')).toContain(`${first} 招聘 ${json.roles.sdr.hires[first]} 名销售开发代表 (SDR)`);
    expect(hiringSummary(h, 'zh-TW')).toContain(`${first} 招聘 ${json.roles.sdr.hires[first]} 名銷售開發代表 (SDR)`);
  });

  test('horizontal (SDR, AE, CSM) against vertical (full-cycle reps and the same CSMs): heads at FY end and the cost of the year add up from the roles', () => {
    const s = json.structures!;
    expect(s.horizontal.roles).toEqual(['sdr', 'ae', 'csm']);
    expect(s.vertical.roles).toEqual(['fullCycleRep', 'csm']);
    expect(s.horizontal.headsAtFyEnd).toBeCloseTo(json.roles.sdr.heads['2027-12'] + json.roles.ae.heads['2027-12'] + json.roles.csm.heads['2027-12'], 9);
    expect(Math.round(s.horizontal.yearCost * 100)).toBe(Math.round((json.roles.sdr.yearCost + json.roles.ae.yearCost + json.roles.csm.yearCost) * 100));
    expect(Math.round(s.vertical.yearCost * 100)).toBe(Math.round((s.vertical.role.yearCost + json.roles.csm.yearCost) * 100));
    // The full-cycle reps work the AE's opportunities at the specialists' combined pace:
    // opportunities ÷ (SDR FTE-months + AE FTE-months) over the plan's months.
    const fteMonths = json.months.reduce((sum, m) => sum + json.roles.sdr.demandFte[m] + json.roles.ae.demandFte[m], 0);
    const opportunities = json.months.reduce((sum, m) => sum + json.roles.ae.demandFte[m] * 8, 0);
    expect(s.vertical.role.capacityPerMonth).toBeCloseTo(opportunities / fteMonths, 9);
    expect(s.vertical.role.driver).toEqual({ stage: 'opportunity', sources: ['marketing', 'outbound'] });
  });

  test('the trade-off in words, in three languages', () => {
    const money = (minor: number) => `USD ${(minor / 100).toFixed(0)}`;
    const en = tradeOff(h.structures!, 'en', money);
    expect(en).toMatch(/^Vertical: \d+\.\d heads at FY end against \d+\.\d in the horizontal structure, USD \d+ (more|less) for the year/);
    expect(en).toContain('every handoff (SDR → AE → CSM) has to work');
    expect(tradeOff(h.structures!, 'zh-CN', money)).toMatch(/^纵向结构：财年末 \d+\.\d 人，横向结构 \d+\.\d 人；全年成本(多|少) USD \d+/);
    expect(tradeOff(h.structures!, 'zh-TW', money)).toMatch(/^縱向結構：財年末 \d+\.\d 人，橫向結構 \d+\.\d 人；全年成本(多|少) USD \d+/);
  });

  test('without a fiscal year there is no timeline, so no headcount (the CLI and the sheet pass today)', () => {
    const checked = validatePlan(clone(seedExample));
    expect(checked.ok && planTimeline(checked.plan, checked.funnel)).toBe(undefined);
  });
});
