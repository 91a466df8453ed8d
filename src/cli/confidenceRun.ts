/**
 * The confidence simulation as the CLI runs it (`simulate`, and `plan --out/--report` for the
 * Confidence sheet and section): the plan's rates from a CRM export when --rates-from is given,
 * each such rate varying as its counts say, and the bonus pool paid by the hiring plan's heads.
 */
import { planConfidenceWithPool } from '../core/confidence/planConfidenceWithPool';
import type { Uncertainty } from '../core/confidence/simulate';
import type { PlanInput, ValidPlan } from '../core/planInput';
import { isRecord } from '../core/isRecord';
import type { PlanHistory } from './ratesFromHistory';
import type { SpreadKinds } from './simulateText';

/**
 * The plan input with each source's typed conversionRanges dropped for the stages the export
 * measured: their rate is the export's now, and so is its spread (a typed range around the old
 * rate need not hold the new one).
 *
 * @example
 * withoutMeasuredRanges(input, history).sources[0].conversionRanges; // → { opportunity: [0.2, 0.3] } when the export measured lead, mql and sql
 */
export function withoutMeasuredRanges(input: PlanInput, history: PlanHistory): PlanInput {
  const measured = new Set(history.applied.map((a) => `${a.source}\u0000${a.stage}`));
  const sources = input.sources.map((s) => {
    if (!isRecord(s) || !isRecord(s.conversionRanges)) return s;
    const kept = Object.fromEntries(Object.entries(s.conversionRanges).filter(([stage]) => !measured.has(`${s.id}\u0000${stage}`)));
    return { ...s, conversionRanges: kept };
  });
  return { ...input, sources };
}

/** What varies in a run besides the binomial counts. */
export function spreadKinds(plan: ValidPlan, uncertainty: Uncertainty): SpreadKinds {
  return {
    history: Object.keys(uncertainty.rates ?? {}).length > 0,
    ranges: plan.sources.some((s) => s.conversionRanges !== undefined),
    dealSize: plan.sources.some((s) => (s.dealSizeCv ?? 0) > 0) || Object.values(uncertainty.dealSizeCv ?? {}).some((cv) => cv > 0),
  };
}

/** planConfidence with the pool's heads (core/confidence/planConfidenceWithPool.ts), as the sidebar runs it. */
export const runConfidence = planConfidenceWithPool;
