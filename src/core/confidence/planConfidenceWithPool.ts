/**
 * planConfidence as every caller runs it (the CLI's `simulate` and workbook, the sidebar's card):
 * the bonus pool paid by the hiring plan's heads at FY end — the plan's own hiring plan when the
 * caller has it, else computed here — so the Node and browser numbers are one function's.
 */
import { headsAtFyEnd } from '../bonus/bonusPlan';
import type { FunnelPlan } from '../funnelPlan';
import { HeadcountPlan, planHeadcount } from '../headcount/planHeadcount';
import type { ValidPlan } from '../planInput';
import { planTimeline } from '../time/planTimeline';
import { Confidence, ConfidenceOptions, planConfidence } from './confidence';

/**
 * @example
 * planConfidenceWithPool(plan, funnel, {}).bonusCost?.p90; // → 717,900 for the template (seed 2027, 10,000 trials)
 * planConfidenceWithPool(planWithoutPool, funnel, {}).bonusCost; // → undefined
 */
export function planConfidenceWithPool(plan: ValidPlan, funnel: FunnelPlan, options: ConfidenceOptions = {}, headcount?: HeadcountPlan): Confidence {
  if (!plan.bonus) return planConfidence(plan, funnel, options);
  const timeline = headcount ? undefined : planTimeline(plan, funnel);
  const bonusHeads = headsAtFyEnd(headcount ?? (timeline ? planHeadcount(plan, timeline) : undefined));
  return planConfidence(plan, funnel, { ...options, bonusHeads });
}
