/**
 * The plan's own spreads: conversionRanges (a PERT spread around the planned rate) and dealSizeCv
 * (a deal's size varying by its coefficient of variation, one deal lognormal), read field by field and simulated —
 * moments checked against the distributions worked by hand, within 4 standard errors.
 */
import { validatePlan } from '../../../src/core/validatePlan';
import { formatFieldError } from '../../../src/core/fieldError';
import { pertSpread, quantiles, simulate, simulationModel } from '../../../src/core/confidence/simulate';

const TRIALS = 20_000;

/** One source entering at the lead stage and won straight from it: won ~ Binomial(volume, rate). */
function oneStage(extra: Record<string, unknown>, revenueTarget = 1_000_000, avgDealSize = 10_000, rate: number | string = 0.3) {
  return { revenueTarget, stages: ['lead', 'won'], sources: [{ id: 'm', share: 1, avgDealSize, conversionRates: { lead: rate }, ...extra }] };
}

function valid(input: unknown) {
  const checked = validatePlan(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked;
}

function moments(xs: Float64Array) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const m4 = xs.reduce((a, x) => a + (x - mean) ** 4, 0) / n;
  return { mean, variance, m4 };
}

function expectMoments(xs: Float64Array, mean: number, variance: number): void {
  const s = moments(xs);
  expect(Math.abs(s.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / xs.length));
  expect(Math.abs(s.variance - variance)).toBeLessThan(4 * Math.sqrt((s.m4 - variance * variance) / xs.length));
}

describe('conversionRanges and dealSizeCv in the plan', () => {
  it('reads a range per stage and a coefficient of variation', () => {
    const checked = valid(oneStage({ conversionRanges: { lead: ['20%', '60%'] }, dealSizeCv: '60%' }));
    expect(checked.plan.sources[0].conversionRanges).toEqual({ lead: { low: 0.2, high: 0.6 } });
    expect(checked.plan.sources[0].dealSizeCv).toBe(0.6);
  });

  it('names the field, the value and what was expected', () => {
    const errors = (extra: Record<string, unknown>, lang: 'en' | 'zh-CN' = 'en') => {
      const checked = validatePlan(oneStage(extra));
      if (checked.ok) throw new Error('expected errors');
      return checked.errors.map((e) => formatFieldError(e, lang));
    };
    expect(errors({ conversionRanges: { lead: [0.4, 0.5] } })).toEqual([
      'sources[0].conversionRanges.lead: expected a range [low, high] that contains the planned rate 0.3 (30%) (low ≤ rate ≤ high), got "[0.4, 0.5]"',
    ]);
    expect(errors({ conversionRanges: { lead: 0.4 } })[0]).toMatch(/^sources\[0\]\.conversionRanges\.lead: expected a range as \[low, high\]/);
    expect(errors({ conversionRanges: { lead: [0.1, 1.5] } })[0]).toMatch(/^sources\[0\]\.conversionRanges\.lead\[1\]: expected a share from 0 to 1/);
    expect(errors({ conversionRanges: { mql: [0.1, 0.5] } })[0]).toMatch(/^sources\[0\]\.conversionRanges\.mql: .*mql.* is not a stage that converts/);
    expect(errors({ dealSizeCv: 6 })[0]).toMatch(/^sources\[0\]\.dealSizeCv: expected a coefficient of variation of one deal's size from 0 to 5/);
    expect(errors({ dealSizeCv: -0.1 })[0]).toMatch(/^sources\[0\]\.dealSizeCv: expected a number of 0 or more/);
    expect(errors({ dealSzeCv: 0.5 })[0]).toMatch(/did you mean dealSizeCv/);
    expect(errors({ conversionRanges: { lead: [0.4, 0.5] } }, 'zh-CN')[0]).toContain('应包含计划转化率 0.3 (30%)');
  });

  it('is a PERT spread: Beta(1 + 4 (m − L) / (H − L), 1 + 4 (H − m) / (H − L)) on [L, H]', () => {
    expect(pertSpread({ low: 0.2, high: 0.6 }, 0.3, 0.3)).toEqual({ a: 2, b: 4, low: 0.2, high: 0.6 });
    // A channel converting at half its source's rate keeps the range's relative width.
    const half = pertSpread({ low: 0.2, high: 0.6 }, 0.3, 0.15)!;
    expect([half.a, half.b, half.low ?? NaN, half.high ?? NaN].map((x) => Number(x.toFixed(12)))).toEqual([2, 4, 0.1, 0.3]);
    expect(pertSpread({ low: 0.3, high: 0.3 }, 0.3, 0.3)).toBeUndefined();
  });

  it('draws won deals with the PERT mean and the mixed binomial variance', () => {
    // Range [0.2, 0.6] around 0.3: p = 0.2 + 0.4 · Beta(2, 4); E p = 0.2 + 0.4 / 3, Var p = 0.16 · 8 / (36 · 7).
    const checked = valid(oneStage({ conversionRanges: { lead: [0.2, 0.6] } }));
    const model = simulationModel(checked.plan, checked.funnel);
    const n = model.units[0].volume;
    expect(n).toBe(334); // 100 won ÷ 0.3, rounded up
    const ep = 0.2 + 0.4 / 3;
    const vp = (0.16 * 8) / (36 * 7);
    const ep2 = vp + ep * ep;
    // Var W = n E[p(1 − p)] + n² Var p (the law of total variance).
    const s = simulate(model, TRIALS, 11);
    expectMoments(s.wonBySource[0], n * ep, n * (ep - ep2) + n * n * vp);
  });

  it('without a range keeps only the binomial noise', () => {
    const checked = valid(oneStage({}));
    const s = simulate(simulationModel(checked.plan, checked.funnel), TRIALS, 11);
    expectMoments(s.wonBySource[0], 334 * 0.3, 334 * 0.3 * 0.7);
  });

  it.each([
    [1, 1],
    [4, 0.5],
    [40, 0.6],
  ])('values %d won deals with a cv of %d as a lognormal of mean W · avg and variance W · (avg · cv)²', (won, cv) => {
    // Rate 1: every lead is won, so only the deal sizes vary.
    const checked = valid(oneStage({ dealSizeCv: cv }, won * 10_000, 10_000, 1));
    const s = simulate(simulationModel(checked.plan, checked.funnel), TRIALS, 5);
    expect(s.wonBySource[0].every((w) => w === won)).toBe(true);
    expectMoments(s.revenue, won * 10_000, won * (10_000 * cv) ** 2);
  });

  it('a range and a deal-size spread widen P10–P90 around the same median', () => {
    const plain = valid(oneStage({}, 10_000_000));
    const spread = valid(oneStage({ conversionRanges: { lead: [0.2, 0.4] }, dealSizeCv: 0.6 }, 10_000_000));
    const qPlain = quantiles(simulate(simulationModel(plain.plan, plain.funnel), TRIALS, 3).revenue);
    const qSpread = quantiles(simulate(simulationModel(spread.plan, spread.funnel), TRIALS, 3).revenue);
    expect(qSpread.p90 - qSpread.p10).toBeGreaterThan(2 * (qPlain.p90 - qPlain.p10));
    // A symmetric range keeps the mean: 3,334 leads × 0.3 × 10,000 either way, within 4 standard errors of the wider run.
    const sdSpread = (qSpread.p90 - qSpread.p10) / 2.56;
    expect(Math.abs(qSpread.mean - 3334 * 0.3 * 10_000)).toBeLessThan((4 * sdSpread) / Math.sqrt(TRIALS));
  });
});

describe('history spreads and channels', () => {
  it('a channel with its own rate draws the source\'s measured rate scaled to its own, so its mean stays its plan', () => {
    const checked = valid({
      revenueTarget: 1_000_000,
      stages: ['lead', 'won'],
      sources: [{ id: 'm', share: 1, avgDealSize: 10_000, conversionRates: { lead: 0.1 }, channels: [{ id: 'a', share: 0.5 }, { id: 'b', share: 0.5, conversionRates: { lead: 0.3 } }] }],
    });
    // The export measured 100 of 1,000 leads won: Beta(101, 901), mean 0.1008.
    const model = simulationModel(checked.plan, checked.funnel, { rates: { m: { lead: { a: 101, b: 901 } } } });
    expect(model.units.map((u) => u.volume)).toEqual([500, 167]);
    expect(model.units[0].spreads[0]).toEqual({ a: 101, b: 901 });
    expect(model.units[1].spreads[0]).toMatchObject({ a: 101, b: 901 });
    expect(model.units[1].spreads[0]?.scale).toBeCloseTo(3, 12);
    const s = simulate({ ...model, units: [model.units[1]] }, TRIALS, 4);
    // Channel b: 167 leads at 3 × Beta(101, 901): E p = 0.3024, Var p = 9 · 101 · 901 / (1002² · 1003).
    const ep = (3 * 101) / 1002;
    const vp = (9 * 101 * 901) / (1002 ** 2 * 1003);
    expectMoments(s.wonBySource[0], 167 * ep, 167 * (ep - (vp + ep * ep)) + 167 * 167 * vp);
  });
});
