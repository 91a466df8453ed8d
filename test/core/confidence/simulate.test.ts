/**
 * The simulation against what it must be, with tolerances from the distribution (not tuned):
 * the mean revenue within 4 standard errors of the analytic mean (Σ volume × Π rates × deal
 * size); P(hit) of the plain template near one half; more volume never lowers P(hit) on common
 * random numbers; rate and deal-size spreads widen the range and keep the mean; the same seed
 * reproduces; the multiplier found for a confidence reaches it, and one a step lower does not.
 */
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import { multiplierForConfidence, quantiles, simulate, simulationModel } from '../../../src/core/confidence/simulate';

function templateModel(uncertainty = {}) {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error('template');
  return { model: simulationModel(outcome.plan, outcome.funnel, uncertainty), outcome };
}

const TRIALS = 10_000;
const sd = (xs: Float64Array, mean: number) => Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));

describe('the confidence simulation', () => {
  it('has a unit per marketing channel and one for outbound, at the planned entry volumes', () => {
    const { model } = templateModel();
    expect(model.units.map((u) => [u.sourceId, u.volume, u.rates])).toEqual([
      ['marketing', 6400, [0.25, 0.4, 0.5, 0.25]],
      ['marketing', 3840, [0.25, 0.4, 0.5, 0.25]],
      ['marketing', 2560, [0.25, 0.4, 0.5, 0.25]],
      ['outbound', 1668, [0.4, 0.3]],
    ]);
  });

  it('averages the analytic mean revenue, within 4 standard errors', () => {
    const { model } = templateModel();
    const analytic = model.units.reduce((a, u) => a + u.volume * u.rates.reduce((p, r) => p * r, 1) * u.avgDealSize, 0);
    // 12,800 × 1.25 % × 25,000 + 1,668 × 12 % × 30,000 = 4,000,000 + 6,004,800.
    expect(analytic).toBeCloseTo(10_004_800, 6);
    const s = simulate(model, TRIALS, 2027);
    const q = quantiles(s.revenue);
    expect(Math.abs(q.mean - analytic)).toBeLessThan((4 * sd(s.revenue, q.mean)) / Math.sqrt(TRIALS));
    expect(q.p10).toBeLessThan(q.p50);
    expect(q.p50).toBeLessThan(q.p90);
  });

  it('hits the plain template\'s target about half the time', () => {
    const s = simulate(templateModel().model, TRIALS, 7);
    const se = Math.sqrt(0.25 / TRIALS);
    // Revenue is a sum of whole deals: the trials exactly on target count as hits, above one half.
    const onTarget = s.revenue.filter((r) => r === 10_000_000).length / TRIALS;
    expect(s.pHitTarget).toBeGreaterThan(0.5 - 4 * se);
    expect(s.pHitTarget).toBeLessThan(0.5 + onTarget + 0.01 + 4 * se);
  });

  it('never loses P(hit) to more volume on the same trials', () => {
    const { model } = templateModel();
    for (const seed of [1, 2, 3]) {
      const ps = [0.95, 1, 1.02, 1.05, 1.1].map((k) => simulate(model, 4000, seed, k).pHitTarget);
      ps.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(ps[i]));
    }
  });

  it('never loses P(hit) step by step either: every thousandth from 1.050 to 1.080, where the 90 % search looks', () => {
    // Each stage draws from its own stream: a stage whose draw took more uniforms at one volume does not move the next stage's luck.
    const { model } = templateModel();
    const ps = Array.from({ length: 31 }, (_, i) => simulate(model, 10_000, 2027, (1050 + i) / 1000).pHitTarget);
    ps.slice(1).forEach((p, i) => expect(p).toBeGreaterThanOrEqual(ps[i]));
    expect(ps[0]).toBeLessThan(0.9);
    expect(ps[30]).toBeGreaterThan(0.9);
  });

  it('widens the range, not the mean, with rate and deal-size spreads', () => {
    const plain = simulate(templateModel().model, TRIALS, 3);
    // Marketing's MQL → SQL measured as 400 of 1,000: Beta(401, 601); outbound deals vary by 50 %.
    const spread = simulate(templateModel({ rates: { marketing: { mql: { a: 401, b: 601 } } }, dealSizeCv: { outbound: 0.5 } }).model, TRIALS, 3);
    const a = quantiles(plain.revenue);
    const b = quantiles(spread.revenue);
    expect(b.p90 - b.p10).toBeGreaterThan(a.p90 - a.p10);
    const se = Math.sqrt(sd(plain.revenue, a.mean) ** 2 / TRIALS + sd(spread.revenue, b.mean) ** 2 / TRIALS);
    // The Beta's mean is 401/1002, a hair above 0.4: 4,000,000 × (401/1002)/0.4 for marketing.
    const shift = 4_000_000 * (401 / 1002 / 0.4 - 1);
    expect(Math.abs(b.mean - a.mean - shift)).toBeLessThan(4 * se);
  });

  it('reproduces with the same seed', () => {
    const { model } = templateModel();
    expect(simulate(model, 500, 11).revenue).toEqual(simulate(model, 500, 11).revenue);
    expect(simulate(model, 500, 12).revenue).not.toEqual(simulate(model, 500, 11).revenue);
  });

  it('finds the smallest multiplier that reaches the confidence on the same trials', () => {
    const { model } = templateModel();
    const k = multiplierForConfidence(model, 4000, 5, 0.9)!;
    expect(k).toBeGreaterThan(1);
    expect(simulate(model, 4000, 5, k).pHitTarget).toBeGreaterThanOrEqual(0.9);
    expect(simulate(model, 4000, 5, k - 0.002).pHitTarget).toBeLessThan(0.9);
  });
});
