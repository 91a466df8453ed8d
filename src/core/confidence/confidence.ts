/**
 * The plan's confidence (design.md §11), assembled from the simulation: revenue P10 / P50 / P90
 * and mean, P(revenue ≥ target), won deals per source, the entry volume per source for a chosen
 * confidence, and a histogram of revenue — what `simulate`, the report, the sheet and the
 * sidebar show.
 */
import type { FunnelPlan } from '../funnelPlan';
import type { ValidPlan } from '../planInput';
import { Quantiles, Uncertainty, multiplierForConfidence, quantiles, scaledVolume, simulate, simulationModel } from './simulate';
import { bonusCostModel, trialBonusCost } from './bonusCost';

export interface ConfidenceOptions {
  /** Default 10,000. */
  readonly trials?: number;
  /** Default 2027: fixed, so a plan's numbers reproduce. */
  readonly seed?: number;
  /** The confidence the volume is sized for, 0 < c < 1; default 0.9. */
  readonly confidence?: number;
  readonly uncertainty?: Uncertainty;
  /** Histogram bins, default 20. */
  readonly bins?: number;
  /**
   * Whole heads paid per role (headsAtFyEnd of the hiring plan): with them, a plan with a bonus
   * pool gets `bonusCost`, the pool's payout over the trials.
   */
  readonly bonusHeads?: Readonly<Record<string, number>>;
}

export const DEFAULT_TRIALS = 10_000;
export const DEFAULT_SEED = 2027;
export const DEFAULT_CONFIDENCE = 0.9;

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly trials: number;
}

export interface Confidence {
  readonly trials: number;
  readonly seed: number;
  readonly target: number;
  readonly revenue: Quantiles;
  readonly pHitTarget: number;
  readonly bySource: Readonly<Record<string, { readonly won: Quantiles; readonly revenue: Quantiles }>>;
  /** Undefined multiplier: no volume up to 20 × the plan reaches the confidence. */
  readonly forConfidence: {
    readonly confidence: number;
    readonly multiplier: number | undefined;
    /** sourceId → its entry stage and the volume there (each unit's planned volume × multiplier, rounded up, summed). */
    readonly bySource: Readonly<Record<string, { readonly stage: string; readonly volume: number | undefined; readonly planned: number }>>;
  };
  readonly histogram: readonly HistogramBin[];
  /** The shared bonus pool's total payout over the trials (in the currency), when the plan has a pool. */
  readonly bonusCost?: Quantiles;
}

/**
 * Equal-width bins from the lowest to the highest trial, the last one closed.
 *
 * @example
 * histogram(Float64Array.from([1, 2, 2, 3, 4]), 3);
 * // → [{ from: 1, to: 2, trials: 1 }, { from: 2, to: 3, trials: 2 }, { from: 3, to: 4, trials: 2 }]
 */
export function histogram(values: Float64Array, bins: number): HistogramBin[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (values.length === 0) return [];
  if (lo === hi) return [{ from: lo, to: hi, trials: values.length }];
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return counts.map((trials, i) => ({ from: lo + i * width, to: i === bins - 1 ? hi : lo + (i + 1) * width, trials }));
}

/** Quantiles of amounts paid in minor units, the mean (an average of them) rounded to the minor unit too. */
const roundedMean = (q: Quantiles, scale: number): Quantiles => ({ ...q, mean: Math.round(q.mean * scale) / scale });

/**
 * @example
 * const c = planConfidence(plan, funnel);
 * c.pHitTarget;                              // → about 0.5 for the plain template
 * c.forConfidence.bySource.marketing.volume; // → about 13,700 leads for 90 % (12,800 planned)
 */
export function planConfidence(plan: ValidPlan, funnel: FunnelPlan, options: ConfidenceOptions = {}): Confidence {
  const trials = options.trials ?? DEFAULT_TRIALS;
  const seed = options.seed ?? DEFAULT_SEED;
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const model = simulationModel(plan, funnel, options.uncertainty);
  const costModel = plan.bonus && options.bonusHeads ? bonusCostModel(plan, funnel, model, plan.bonus, options.bonusHeads) : undefined;
  const cost = costModel ? new Float64Array(trials) : undefined;
  const run = simulate(model, trials, seed, 1, costModel && cost ? (t, revenue, out) => (cost[t] = trialBonusCost(costModel, revenue, out)) : undefined);
  const multiplier = multiplierForConfidence(model, trials, seed, confidence);
  const bySource = Object.fromEntries(plan.sources.map((s, i) => [s.id, { won: quantiles(run.wonBySource[i]), revenue: quantiles(run.revenueBySource[i]) }]));
  const volumes = Object.fromEntries(
    plan.sources.map((s, i) => {
      const units = model.units.filter((u) => u.sourceIndex === i);
      const planned = units.reduce((a, u) => a + u.volume, 0);
      const volume = multiplier === undefined ? undefined : units.reduce((a, u) => a + scaledVolume(u.volume, multiplier), 0);
      return [s.id, { stage: s.entryStage, volume, planned }];
    }),
  );
  return {
    trials,
    seed,
    target: model.target,
    revenue: quantiles(run.revenue),
    pHitTarget: run.pHitTarget,
    bySource,
    forConfidence: { confidence, multiplier, bySource: volumes },
    histogram: histogram(run.revenue, options.bins ?? 20),
    ...(cost && costModel ? { bonusCost: roundedMean(quantiles(cost), costModel.ctx.scale) } : {}),
  };
}
