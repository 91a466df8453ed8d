/**
 * The plan's Confidence as `funnel-planner simulate` computes it without a CRM export
 * (core/confidence/planConfidenceWithPool.ts, as the CLI runs it): simulate's defaults, the plan's own typed spreads,
 * and the bonus pool paid by the hiring plan's heads at FY end. The plan is read with the
 * browser's today, as the CLI reads it with the machine's, so a plan without a fiscal-year start
 * gets the same months, and so the same heads.
 */
import type { Confidence } from '../../core/confidence/confidence';
import { planConfidenceWithPool } from '../../core/confidence/planConfidenceWithPool';
import type { PlanInput, ValidPlan } from '../../core/planInput';
import { validatePlan } from '../../core/validatePlan';

export interface PageConfidence {
  readonly plan: ValidPlan;
  readonly confidence: Confidence;
}

/** "YYYY-MM-DD" on the browser's clock, as the CLI's today(). */
export function localToday(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** Null when the input is no plan. */
export function pageConfidence(input: PlanInput, today: string): PageConfidence | null {
  const checked = validatePlan(input, { today });
  if (!checked.ok) return null;
  const { plan, funnel } = checked;
  return { plan, confidence: planConfidenceWithPool(plan, funnel) };
}
