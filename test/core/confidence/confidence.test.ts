/** The confidence block: the histogram's bins hold every trial; the volume for 90 % is each unit's planned volume × the multiplier, rounded up, and reaches 90 %. */
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import { histogram, planConfidence } from '../../../src/core/confidence/confidence';
import { simulate, simulationModel } from '../../../src/core/confidence/simulate';

describe('the plan\'s confidence', () => {
  it('bins every trial, lowest to highest', () => {
    expect(histogram(Float64Array.from([1, 2, 2, 3, 4]), 3)).toEqual([
      { from: 1, to: 2, trials: 1 },
      { from: 2, to: 3, trials: 2 },
      { from: 3, to: 4, trials: 2 },
    ]);
    expect(histogram(Float64Array.from([5, 5]), 4)).toEqual([{ from: 5, to: 5, trials: 2 }]);
  });

  it('sizes the entry volumes for 90 % and they reach it on the same trials', () => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('template');
    const c = planConfidence(outcome.plan, outcome.funnel, { trials: 3000, seed: 9 });
    expect(c.histogram.reduce((a, b) => a + b.trials, 0)).toBe(3000);
    const k = c.forConfidence.multiplier!;
    // Marketing's channels: 6,400, 3,840 and 2,560 leads, each × k rounded up.
    expect(c.forConfidence.bySource.marketing).toEqual({ stage: 'lead', planned: 12_800, volume: Math.ceil(6400 * k) + Math.ceil(3840 * k) + Math.ceil(2560 * k) });
    expect(c.forConfidence.bySource.outbound).toEqual({ stage: 'sql', planned: 1668, volume: Math.ceil(1668 * k) });
    expect(simulate(simulationModel(outcome.plan, outcome.funnel), 3000, 9, k).pHitTarget).toBeGreaterThanOrEqual(0.9);
    expect(c.revenue.p10).toBeLessThan(c.target);
    expect(c.revenue.p90).toBeGreaterThan(c.target);
  });
});
