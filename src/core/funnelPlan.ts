/**
 * A validated plan worked backwards into counts per source and stage, with totals and
 * the headline the seed articles call marketing's real target: the number of SQLs
 * (the handoff stage) marketing-sourced leads must produce.
 */
import { Fraction, add, fraction, fractionToNumber, multiply } from './fraction';
import { ValidPlan, ValidSource } from './planInput';
import { ReverseSourceCounts, reverseSource } from './reverseFunnel';

export interface SourceFunnel {
  readonly id: string;
  readonly name: string;
  readonly kind: string | undefined;
  readonly share: number;
  readonly avgDealSize: number;
  readonly entryStage: string;
  /** revenueTarget × share. */
  readonly revenue: number;
  /** Won deals × average deal size: what the planned deals bring in (≥ revenue, by rounding up). */
  readonly wonRevenue: number;
  /** Count per stage id; 0 above the entry stage. */
  readonly counts: Readonly<Record<string, number>>;
}

export interface FunnelPlan {
  readonly name: string | undefined;
  readonly currency: string;
  readonly revenueTarget: number;
  readonly stages: readonly string[];
  readonly sources: readonly SourceFunnel[];
  readonly total: { readonly revenue: number; readonly wonRevenue: number; readonly counts: Readonly<Record<string, number>> };
  /** Marketing's own target: the handoff-stage count of the marketing-sourced sources. */
  readonly marketingTarget:
    | { readonly stage: string; readonly count: number; readonly sourceIds: readonly string[] }
    | undefined;
}

/**
 * Sources counted as marketing-sourced: kind "marketing" (any case), or, for a source
 * with no kind, the id "marketing".
 *
 * @example
 * marketingSources([
 *   { id: 'marketing', kind: undefined },
 *   { id: 'events', kind: 'Marketing' },
 *   { id: 'outbound', kind: 'sales' },
 * ]); // → ['marketing', 'events']
 */
export function marketingSources(sources: readonly { id: string; kind: string | undefined }[]): string[] {
  return sources
    .filter((s) => (s.kind !== undefined ? s.kind.toLowerCase() === 'marketing' : s.id === 'marketing'))
    .map((s) => s.id);
}

interface ExactSourceFunnel {
  readonly funnel: SourceFunnel;
  readonly revenue: Fraction;
  readonly wonRevenue: Fraction;
}

/**
 * The reverse funnel of each source, in the order given: the one computation a plan's counts,
 * its overflow check and its forward what-ifs all read.
 *
 * @example
 * // The seed's marketing source: 10,000,000 × 0.4 = 4,000,000 revenue, / 25,000 = 160 won,
 * // then / 0.25, / 0.5, / 0.4, / 0.25 up to the leads.
 * reverseSources(fraction(10_000_000n), ['lead', 'mql', 'sql', 'opportunity', 'won'], [marketing]);
 * // → [{ revenue: 4,000,000, counts: [12800n, 3200n, 1280n, 640n, 160n] }]
 */
export function reverseSources(
  revenueTarget: Fraction,
  stages: readonly string[],
  sources: readonly ValidSource[],
): ReverseSourceCounts[] {
  return sources.map((source) =>
    reverseSource(revenueTarget, stages, {
      share: source.share.exact,
      avgDealSize: source.avgDealSize.exact,
      entryStage: source.entryStage,
      rate: (stage) => source.conversionRates[stage].exact,
    }),
  );
}

function sourceFunnel(plan: ValidPlan, source: ValidSource, reversed: ReverseSourceCounts): ExactSourceFunnel {
  const { revenue, counts } = reversed;
  const won = counts[counts.length - 1];
  const byStage: Record<string, number> = {};
  plan.stages.forEach((stage, k) => {
    byStage[stage] = Number(counts[k]);
  });
  const wonRevenue = multiply(fraction(won), source.avgDealSize.exact);
  const funnel: SourceFunnel = {
    id: source.id,
    name: source.name,
    kind: source.kind,
    share: source.share.value,
    avgDealSize: source.avgDealSize.value,
    entryStage: source.entryStage,
    revenue: fractionToNumber(revenue),
    wonRevenue: fractionToNumber(wonRevenue),
    counts: byStage,
  };
  return { funnel, revenue, wonRevenue };
}

/**
 * Works a validated plan backwards: `reversed[i]` is the reverse funnel of `plan.sources[i]`
 * (from {@link reverseSources}), here summed into totals and marketing's target. Counts fit
 * in safe integers: validatePlan checked. validatePlan calls this with the counts it already
 * computed for its overflow check, so a plan's funnel is computed once.
 *
 * @example
 * // The seed's plan: marketing 40% (12,800 leads … 160 won), outbound 60% entering at sql
 * // (1,668 SQLs, 667 opportunities, 200 won).
 * const f = funnelFromCounts(plan, reverseSources(plan.revenueTarget.exact, plan.stages, plan.sources));
 * f.total.counts;     // → { lead: 12800, mql: 3200, sql: 2948, opportunity: 1307, won: 360 }
 * f.marketingTarget;  // → { stage: 'sql', count: 1280, sourceIds: ['marketing'] }
 */
export function funnelFromCounts(plan: ValidPlan, reversed: readonly ReverseSourceCounts[]): FunnelPlan {
  const exact = plan.sources.map((s, i) => sourceFunnel(plan, s, reversed[i]));
  const sources = exact.map((e) => e.funnel);
  const sum = (pick: (e: ExactSourceFunnel) => Fraction) => fractionToNumber(exact.map(pick).reduce(add, fraction(BigInt(0))));
  const counts: Record<string, number> = {};
  for (const stage of plan.stages) counts[stage] = sources.reduce((sum, s) => sum + s.counts[stage], 0);
  const marketingIds = marketingSources(sources);
  const handoff = plan.handoffStage;
  return {
    name: plan.name,
    currency: plan.currency,
    revenueTarget: plan.revenueTarget.value,
    stages: plan.stages,
    sources,
    total: {
      revenue: sum((e) => e.revenue),
      wonRevenue: sum((e) => e.wonRevenue),
      counts,
    },
    marketingTarget:
      handoff !== undefined && marketingIds.length > 0
        ? {
            stage: handoff,
            count: sources.filter((s) => marketingIds.includes(s.id)).reduce((sum, s) => sum + s.counts[handoff], 0),
            sourceIds: marketingIds,
          }
        : undefined,
  };
}

/**
 * Works a validated plan backwards from scratch. Prefer the `funnel` that validatePlan (or
 * plan()) returns beside the plan: it is the same result, without computing it again.
 *
 * @example
 * // The seed's plan, 10,000,000 target: 160 + 200 = 360 won deals.
 * planFunnel(plan).total.counts.won; // → 360
 */
export function planFunnel(plan: ValidPlan): FunnelPlan {
  return funnelFromCounts(plan, reverseSources(plan.revenueTarget.exact, plan.stages, plan.sources));
}
