/**
 * The plan as JSON for machines (`plan --json`), schema version 2: a source's fields and its
 * stage counts live apart, so no stage id can collide with a field —
 * `funnel.bySource.<sourceId>.counts.<stageId>` and `funnel.total.counts.<stageId>`, integers,
 * 0 above a source's entry stage. The README's "plan --json" table lists every key.
 *
 * Version 1 spread the counts beside the fields (`funnel.bySource.<sourceId>.<stageId>`,
 * `funnel.total.<stageId>`). Version 2 still writes those flat keys, with the same numbers, so
 * scripts written against version 1 keep working for one version; they are deprecated and go
 * in version 3. `counts` is a reserved id (validatePlan.ts), so a flat key is never ambiguous.
 */
import { FunnelPlan } from './funnelPlan';

/** 2: counts nested under `counts` (version 1 had them only flat). Bumped when a key changes meaning or goes. */
export const PLAN_JSON_SCHEMA_VERSION = 2;

/** Count per stage id, in stage order. */
export type StageCounts = Record<string, number>;

export interface SourceJson {
  name: string;
  kind: string | null;
  share: number;
  avgDealSize: number;
  entryStage: string;
  revenue: number;
  wonRevenue: number;
  counts: StageCounts;
  /** Deprecated (schema version 1): the counts again, flat, keyed by stage id. */
  [stageId: string]: unknown;
}

export interface TotalJson {
  revenue: number;
  wonRevenue: number;
  counts: StageCounts;
  /** Deprecated (schema version 1): the counts again, flat, keyed by stage id. */
  [stageId: string]: unknown;
}

export interface PlanJson {
  schemaVersion: number;
  name: string | null;
  currency: string;
  revenueTarget: number;
  stages: string[];
  funnel: {
    bySource: Record<string, SourceJson>;
    total: TotalJson;
  };
  marketingTarget: { stage: string; count: number; sourceIds: string[] } | null;
}

function stageCounts(stages: readonly string[], counts: Readonly<Record<string, number>>): StageCounts {
  return Object.fromEntries(stages.map((stage) => [stage, counts[stage] ?? 0]));
}

/**
 * The JSON of a worked plan. For the seed's plan (10,000,000, 40 % marketing at 25,000 a deal):
 *
 * @example
 * planToJson(planFunnel(plan)).funnel.bySource.marketing.counts
 * // → { lead: 12800, mql: 3200, sql: 1280, opportunity: 640, won: 160 }
 */
export function planToJson(funnel: FunnelPlan): PlanJson {
  const bySource: Record<string, SourceJson> = {};
  for (const s of funnel.sources) {
    const counts = stageCounts(funnel.stages, s.counts);
    bySource[s.id] = {
      name: s.name,
      kind: s.kind ?? null,
      share: s.share,
      avgDealSize: s.avgDealSize,
      entryStage: s.entryStage,
      revenue: s.revenue,
      wonRevenue: s.wonRevenue,
      counts,
      ...counts,
    };
  }
  const totalCounts = stageCounts(funnel.stages, funnel.total.counts);
  return {
    schemaVersion: PLAN_JSON_SCHEMA_VERSION,
    name: funnel.name ?? null,
    currency: funnel.currency,
    revenueTarget: funnel.revenueTarget,
    stages: [...funnel.stages],
    funnel: {
      bySource,
      total: { revenue: funnel.total.revenue, wonRevenue: funnel.total.wonRevenue, counts: totalCounts, ...totalCounts },
    },
    marketingTarget: funnel.marketingTarget
      ? { ...funnel.marketingTarget, sourceIds: [...funnel.marketingTarget.sourceIds] }
      : null,
  };
}
