import { FieldError, formatFieldError } from '../../src/core/fieldError';
import { PlanInput } from '../../src/core/planInput';
import { validatePlan } from '../../src/core/validatePlan';
import { clone, seedExample } from './fixtures';

function errorsOf(input: unknown): FieldError[] {
  const result = validatePlan(input);
  if (result.ok) throw new Error('expected the plan to be invalid');
  return result.errors;
}

function messagesOf(input: unknown): string[] {
  return errorsOf(input).map((e) => formatFieldError(e));
}

function edited(edit: (p: Record<string, any>) => void): unknown {
  const p = clone(seedExample) as unknown as Record<string, any>;
  edit(p);
  return p;
}

describe('validatePlan', () => {
  it('accepts the seed example', () => {
    expect(validatePlan(seedExample).ok).toBe(true);
  });

  it('reports every problem at once, each with its path', () => {
    const errors = errorsOf(
      edited((p) => {
        delete p.revenueTarget;
        p.sources[0].conversionRates.mql = 1.4;
        p.sources[1].avgDealSize = 0;
        p.sources[1].conversionRates.sql = 'abc';
      }),
    );
    expect(errors.map((e) => e.path)).toEqual([
      'revenueTarget',
      'sources[0].conversionRates.mql',
      'sources[1].avgDealSize',
      'sources[1].conversionRates.sql',
    ]);
  });

  it.each<[string, (p: Record<string, any>) => void, string]>([
    ['missing target', (p) => delete p.revenueTarget, 'revenueTarget: is required but missing'],
    ['non-numeric target', (p) => (p.revenueTarget = 'lots'), 'revenueTarget: expected a number'],
    ['NaN', (p) => (p.revenueTarget = NaN), 'revenueTarget: expected a finite number, got NaN'],
    ['Infinity', (p) => (p.sources[0].avgDealSize = Infinity), 'sources[0].avgDealSize: expected a finite number, got Infinity'],
    ['negative target', (p) => (p.revenueTarget = -5), 'revenueTarget: expected a number greater than 0, got -5'],
    ['rate of 0', (p) => (p.sources[0].conversionRates.lead = 0), 'sources[0].conversionRates.lead: expected a conversion rate greater than 0 and at most 1'],
    ['rate above 1', (p) => (p.sources[1].conversionRates.sql = 1.5), 'sources[1].conversionRates.sql: expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got 1.5'],
    ['rate typed as 25', (p) => (p.sources[0].conversionRates.lead = 25), 'got 25'],
    ['negative rate', (p) => (p.sources[0].conversionRates.lead = -0.2), 'sources[0].conversionRates.lead'],
    ['missing rate', (p) => delete p.sources[0].conversionRates.sql, 'sources[0].conversionRates.sql: is required but missing'],
    ['missing rates object', (p) => delete p.sources[1].conversionRates, 'sources[1].conversionRates: is required but missing'],
    ['unknown entry stage', (p) => (p.sources[1].entryStage = 'deal'), 'sources[1].entryStage: expected one of the plan\'s stages (lead, mql, sql, opportunity, won), got "deal"'],
    ['deal size 0', (p) => (p.sources[0].avgDealSize = 0), 'sources[0].avgDealSize: expected a number greater than 0, got 0'],
    ['negative deal size', (p) => (p.sources[0].avgDealSize = '-25000'), 'sources[0].avgDealSize: expected a number greater than 0, got "-25000"'],
    ['duplicate id', (p) => (p.sources[1].id = 'marketing'), 'sources[1].id: source id "marketing" is already used by sources[0]'],
    ['share above 1', (p) => (p.sources[0].share = 1.4), 'sources[0].share: expected a share from 0 to 1'],
    ['shares not summing to 1', (p) => (p.sources[0].share = 0.3), 'sources: the shares of all sources must add up to 1 (100%), but they add up to 0.9 (90%)'],
    ['typo in a rate key', (p) => (p.sources[0].conversionRates.opportunty = 0.2), 'sources[0].conversionRates.opportunty: is not a field here; did you mean opportunity?'],
    ['a rate key that is no stage', (p) => (p.sources[0].conversionRates.deal = 0.2), 'sources[0].conversionRates.deal: "deal" is not a stage that converts to a next one; rates are keyed by the from-stage (lead, mql, sql, opportunity)'],
    ['rate keyed by won', (p) => (p.sources[0].conversionRates.won = 0.2), 'sources[0].conversionRates.won'],
    ['sources not a list', (p) => (p.sources = {}), 'sources: expected a list, got an object'],
    ['no sources', (p) => (p.sources = []), 'sources: expected at least one entry'],
    ['source not an object', (p) => (p.sources[1] = 7), 'sources[1]: expected an object with fields, got 7'],
    ['duplicate stage', (p) => (p.stages = ['lead', 'sql', 'sql', 'won']), 'stages[2]: stage "sql" appears more than once'],
    ['one stage', (p) => (p.stages = ['won']), 'stages: expected at least two stages'],
    ['known stages out of funnel order', (p) => (p.stages = ['lead', 'sql', 'mql', 'opportunity', 'won']), 'stages[2]: "mql" is listed after a later stage of the funnel; list the stages top to bottom, won last (lead, mql, sql, opportunity, won)'],
    ['reserved stage id', (p) => (p.stages = ['lead', 'revenue', 'won']), 'stages[1]: "revenue" cannot be used as an id'],
    ['unreadable text number', (p) => (p.sources[0].share = '4O%'), 'sources[0].share: expected a number'],
    ['a decimal comma', (p) => (p.sources[0].share = '0,25'), 'sources[0].share: "0,25" is ambiguous: is the comma a decimal point? If so, write 0.25 ("." is the decimal point here; "," only separates groups of three digits)'],
    ['a sign inside parentheses', (p) => (p.sources[0].avgDealSize = '($-500)'), 'sources[0].avgDealSize: expected one sign at most (write -500 or (500)), got "($-500)"'],
    ['a sign before and after the currency', (p) => (p.sources[0].avgDealSize = '-$-5'), 'sources[0].avgDealSize: expected one sign at most (write -500 or (500)), got "-$-5"'],
    ['a 16-digit target', (p) => (p.revenueTarget = 1234567890123456), 'revenueTarget: expected at most 15 significant digits (a spreadsheet keeps 15 and would change the rest), got 1234567890123456'],
    ['a 16-digit target as text', (p) => (p.revenueTarget = '1,234,567,890,123,456'), 'revenueTarget: expected at most 15 significant digits (a spreadsheet keeps 15 and would change the rest), got "1,234,567,890,123,456"'],
    ['unknown handoff stage', (p) => (p.handoffStage = 'deal'), 'handoffStage: expected one of the plan\'s stages'],
    ['target over the safe range', (p) => (p.revenueTarget = 1e20), 'revenueTarget: the value would exceed 9007199254740991'],
  ])('%s', (_name, edit, expected) => {
    expect(messagesOf(edited(edit)).join('\n')).toContain(expected);
  });

  it('a count beyond MAX_SAFE_INTEGER is an input error naming the rate that causes it', () => {
    const errors = errorsOf(
      edited((p) => {
        p.sources[0].conversionRates.lead = 1e-15;
      }),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe('sources[0].conversionRates.lead');
    expect(formatFieldError(errors[0])).toMatch(/the Leads count \(\d+\) would exceed 9007199254740991/);
  });

  it('a won count beyond MAX_SAFE_INTEGER names the deal size', () => {
    const errors = errorsOf(edited((p) => (p.sources[1].avgDealSize = 1e-10)));
    expect(errors[0].path).toBe('sources[1].avgDealSize');
  });

  it('totals beyond MAX_SAFE_INTEGER are reported too', () => {
    const input: PlanInput = {
      revenueTarget: 9e15,
      sources: [
        { id: 'a', share: 0.5, avgDealSize: 1, entryStage: 'won', conversionRates: {} },
        { id: 'b', share: 0.5, avgDealSize: 1, entryStage: 'won', conversionRates: {} },
      ],
    };
    // 4,500,000,000,000,000 / 0.4 = 1.125e16 won deals for source a alone
    input.sources[0].avgDealSize = 0.4;
    expect(errorsOf(input).map((e) => e.path)).toEqual(['sources[0].avgDealSize']);
    // each 5e15 fits, but together 1e16 do not
    input.sources[0].avgDealSize = 0.9;
    input.sources[1].avgDealSize = 0.9;
    const errors = errorsOf(input);
    expect(errors.map((e) => e.path)).toEqual(['sources']);
    expect(formatFieldError(errors[0])).toContain('the total Won deals count');
  });

  it('a count of more than 15 significant digits is refused, naming the rate that produces it', () => {
    const input: PlanInput = {
      revenueTarget: 123_456_789_012_345,
      stages: ['opportunity', 'won'],
      sources: [{ id: 'a', share: 1, avgDealSize: 1, conversionRates: { opportunity: 0.11 } }],
    };
    // By hand: 123,456,789,012,345 won; / 0.11 = 1,122,334,445,566,772.7…, up to 1,122,334,445,566,773: 16 digits.
    const errors = errorsOf(input);
    expect(errors.map((e) => formatFieldError(e))).toEqual([
      'sources[0].conversionRates.opportunity: the Opportunities count (1122334445566773) would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from 0.11',
    ]);
    expect(formatFieldError(errors[0], 'zh-CN')).toBe(
      'sources[0].conversionRates.opportunity: 商机数量（1122334445566773）将超过 15 位有效数字，电子表格无法精确保存（会改动末尾几位），来自 0.11',
    );
    // 123,456,789,012,345 / 0.1 = 1,234,567,890,123,450: 16 digits but 15 significant ones, exact in a sheet.
    input.sources[0].conversionRates.opportunity = 0.1;
    expect(validatePlan(input).ok).toBe(true);
  });

  it('a total of more than 15 significant digits is refused too', () => {
    const input: PlanInput = {
      revenueTarget: 1_000_000_000_000_010,
      sources: [
        { id: 'a', share: 0.5, avgDealSize: 1, entryStage: 'won', conversionRates: {} },
        { id: 'b', share: 0.5, avgDealSize: 1, entryStage: 'won', conversionRates: {} },
      ],
    };
    input.sources[1].avgDealSize = 0.999;
    // a: 500,000,000,000,005 won; b: 500,000,000,000,005 / 0.999 = 500,500,500,500,505.5…, up to …506; total 1,000,500,500,500,511.
    expect(errorsOf(input).map((e) => formatFieldError(e))).toEqual([
      'sources: the total Won deals count (1000500500500511) would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from 1000000000000010',
    ]);
  });

  it('input messages for digits, signs and commas speak Chinese too', () => {
    const messages = (edit: (p: Record<string, any>) => void) => errorsOf(edited(edit)).map((e) => formatFieldError(e, 'zh-CN'));
    expect(messages((p) => (p.revenueTarget = 1234567890123456))).toEqual([
      'revenueTarget: 最多只能有 15 位有效数字（电子表格只保留 15 位，会改动其余各位），实际为 1234567890123456',
    ]);
    expect(messages((p) => (p.sources[0].avgDealSize = '($-500)'))).toEqual(['sources[0].avgDealSize: 只能有一个正负号（请写 -500 或 (500)），实际为 "($-500)"']);
    expect(messages((p) => (p.sources[0].share = '0,25'))).toEqual([
      'sources[0].share: "0,25" 有歧义：逗号是小数点吗？若是，请写 0.25（此处 "." 是小数点，"," 只用于每三位数字的分隔）',
    ]);
  });

  it('seven shares of =1/7 are exactly 1, as numbers or as the text a program prints for them', () => {
    const sources = (share: number | string) =>
      Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, share, avgDealSize: 1000, entryStage: 'won', conversionRates: {} }));
    for (const share of [1 / 7, String(1 / 7), '0.14285714285714285']) {
      const checked = validatePlan({ revenueTarget: 7_000_000, sources: sources(share) });
      if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
      expect(checked.plan.sources[0].share.exact).toEqual({ num: BigInt(1), den: BigInt(7) });
    }
    // Typed with 15 digits or fewer, text is the decimal typed: 7 × 0.142857142857143 = 1.000000000000001.
    const typed = validatePlan({ revenueTarget: 7_000_000, sources: sources('0.142857142857143') });
    if (!typed.ok) throw new Error('within the share tolerance');
    expect(typed.plan.sources[0].share.exact).toEqual({ num: BigInt(142857142857143), den: BigInt(10) ** BigInt(15) });
  });

  it('anything that is not an object is one clear error, never a throw', () => {
    for (const bad of [null, undefined, 42, 'plan', [], true]) {
      expect(errorsOf(bad)).toEqual([{ path: '(input)', code: 'notObject', value: bad }]);
    }
  });

  it('a rate above the entry stage is not needed, but a broken one is reported', () => {
    const p = clone(seedExample);
    p.sources[1].conversionRates.lead = 0.3;
    expect(validatePlan(p).ok).toBe(true);
    p.sources[1].conversionRates.lead = 3;
    expect(errorsOf(p).map((e) => e.path)).toEqual(['sources[1].conversionRates.lead']);
  });

  it('shares from =1/3 formulas are accepted despite float noise', () => {
    const p: PlanInput = {
      revenueTarget: 300,
      sources: ['a', 'b', 'c'].map((id) => ({ id, share: 1 / 3, avgDealSize: 1, entryStage: 'won', conversionRates: {} })),
    };
    expect(validatePlan(p).ok).toBe(true);
  });

  it('reads numbers pasted as text', () => {
    const p = edited((x) => {
      x.revenueTarget = '1000万';
      x.sources[0].share = '40%';
      x.sources[0].avgDealSize = '$25,000';
      x.sources[0].conversionRates.lead = '25%';
      x.sources[1].share = '60%';
    });
    const result = validatePlan(p);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.plan.revenueTarget.value).toBe(10_000_000);
      expect(result.plan.sources[0].share.value).toBe(0.4);
    }
  });

  it('speaks Chinese when asked', () => {
    const [error] = errorsOf(edited((p) => (p.sources[0].conversionRates.mql = 1.4)));
    expect(formatFieldError(error, 'zh-CN')).toBe(
      'sources[0].conversionRates.mql: 转化率应大于 0 且不超过 1（如 0.25 或 "25%"），实际为 1.4',
    );
  });

  it('ignores prototype keys in user objects', () => {
    const p = JSON.parse('{"revenueTarget": 100, "sources": [{"id": "constructor", "share": 1, "avgDealSize": 1, "entryStage": "won", "conversionRates": {"__proto__": 0.5}}]}');
    const errors = errorsOf(p);
    expect(errors.map((e) => e.path)).toEqual(['sources[0].id', 'sources[0].conversionRates.__proto__']);
  });
});
