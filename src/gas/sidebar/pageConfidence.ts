/**
 * The plan's Confidence as `funnel-planner simulate` computes it without a CRM export
 * (src/cli/confidenceRun.ts, runConfidence): simulate's defaults, the plan's own typed spreads,
 * and the bonus pool paid by the hiring plan's heads at FY end. The plan is read with the
 * browser's today, as the CLI reads it with the machine's, so a plan without a fiscal-year start
 * gets the same months, and so the same heads.
 */
import { headsAtFyEnd } from '../../core/bonus/bonusPlan';
import { Confidence, planConfidence } from '../../core/confidence/confidence';
import { planHeadcount } from '../../core/headcount/planHeadcount';
import type { PlanInput, ValidPlan } from '../../core/planInput';
import { planTimeline } from '../../core/time/planTimeline';
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
  let bonusHeads: Record<string, number> | undefined;
  if (plan.bonus) {
    const timeline = planTimeline(plan, funnel);
    bonusHeads = headsAtFyEnd(timeline ? planHeadcount(plan, timeline) : undefined);
  }
  return { plan, confidence: planConfidence(plan, funnel, bonusHeads ? { bonusHeads } : {}) };
}
