/** The plan's timeline for the Monthly and Teams sheets, computed once per funnel however many layouts ask. */
import type { FunnelPlan } from '../../core/funnelPlan';
import { PlanTimeline, planTimeline } from '../../core/time/planTimeline';
import type { LayoutInput } from './layoutInput';

const computed = new WeakMap<FunnelPlan, PlanTimeline | undefined>();

export function timelineOf(input: LayoutInput): PlanTimeline | undefined {
  if (input.timeline) return input.timeline;
  if (!computed.has(input.funnel)) computed.set(input.funnel, planTimeline(input.plan, input.funnel));
  return computed.get(input.funnel);
}
