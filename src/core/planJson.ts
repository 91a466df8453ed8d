/**
 * The plan as JSON for machines: `funnel.bySource.<sourceId>.<stageId>`,
 * `funnel.bySource.<sourceId>.revenue` and `funnel.total.<stageId>`, counts as integers
 * (0 above a source's entry stage).
 */
import { FunnelPlan } from './funnelPlan';

export interface PlanJson {
  name: string | null;
  currency: string;
  revenueTarget: number;
  stages: string[];
  funnel: {
    bySource: Record<string, Record<string, unknown>>;
    total: Record<string, number>;
  };
  marketingTarget: { stage: string; count: number; sourceIds: string[] } | null;
}

/**
 * The worked plan as plain JSON (`plan --json`): numbers, strings and nulls only.
 *
 * @example
 * // The default template: 10,000,000 target, marketing's target 1,280 SQLs.
 * const json = planToJson(funnel);
 * json.revenueTarget;   // → 10000000
 * json.marketingTarget; // → { stage: 'sql', count: 1280, sourceIds: ['marketing'] }
 */
export function planToJson(funnel: FunnelPlan): PlanJson {
  const bySource: Record<string, Record<string, unknown>> = {};
  for (const s of funnel.sources) {
    bySource[s.id] = {
      name: s.name,
      kind: s.kind ?? null,
      share: s.share,
      avgDealSize: s.avgDealSize,
      entryStage: s.entryStage,
      revenue: s.revenue,
      wonRevenue: s.wonRevenue,
      ...s.counts,
    };
  }
  return {
    name: funnel.name ?? null,
    currency: funnel.currency,
    revenueTarget: funnel.revenueTarget,
    stages: [...funnel.stages],
    funnel: {
      bySource,
      total: { revenue: funnel.total.revenue, wonRevenue: funnel.total.wonRevenue, ...funnel.total.counts },
    },
    marketingTarget: funnel.marketingTarget
      ? { ...funnel.marketingTarget, sourceIds: [...funnel.marketingTarget.sourceIds] }
      : null,
  };
}
