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
  /** Count per stage id; 0 above the entry stage. With channels: the sums of theirs. */
  readonly counts: Readonly<Record<string, number>>;
  /** Empty when the source is not split into channels. */
  readonly channels: readonly ChannelFunnel[];
}

/** One channel of a source, reverse-funnelled on its own (design.md §8). */
export interface ChannelFunnel {
  readonly id: string;
  readonly name: string;
  readonly sourceId: string;
  /** Share of its source's revenue. */
  readonly share: number;
  readonly avgDealSize: number;
  /** Cost of a record entering at the source's entry stage; undefined when not given. */
  readonly costPerLead: number | undefined;
  readonly revenue: number;
  readonly wonRevenue: number;
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
): SourceCounts[] {
  return sources.map((source) => {
    if (source.channels.length === 0) {
      const counts = reverseSource(revenueTarget, stages, {
        share: source.share.exact,
        avgDealSize: source.avgDealSize.exact,
        entryStage: source.entryStage,
        rate: (stage) => source.conversionRates[stage].exact,
      });
      return { ...counts, wonRevenue: multiply(fraction(counts.counts[counts.counts.length - 1]), source.avgDealSize.exact), channels: [] };
    }
    // Each channel is a funnel of its own: its team gets a whole number at every stage, and
    // the source's counts are the sums (which may exceed one funnel of the source's revenue).
    const channels = source.channels.map((channel) => {
      const counts = reverseSource(revenueTarget, stages, {
        share: multiply(source.share.exact, channel.share.exact),
        avgDealSize: channel.avgDealSize.exact,
        entryStage: source.entryStage,
        rate: (stage) => channel.conversionRates[stage].exact,
      });
      return { ...counts, wonRevenue: multiply(fraction(counts.counts[counts.counts.length - 1]), channel.avgDealSize.exact), id: channel.id };
    });
    const counts = stages.map((_, k) => channels.reduce((sum, c) => sum + c.counts[k], BigInt(0)));
    return {
      revenue: channels.reduce((sum, c) => add(sum, c.revenue), fraction(BigInt(0))),
      counts,
      wonRevenue: channels.reduce((sum, c) => add(sum, c.wonRevenue), fraction(BigInt(0))),
      channels,
    };
  });
}

/** A source's reverse funnel with its channels' (empty when it has none). */
export interface SourceCounts extends ReverseSourceCounts {
  /** Won deals × deal size, per channel where there are channels. */
  readonly wonRevenue: Fraction;
  readonly channels: readonly (ReverseSourceCounts & { readonly id: string; readonly wonRevenue: Fraction })[];
}

function byStage(stages: readonly string[], counts: readonly bigint[]): Record<string, number> {
  const out: Record<string, number> = {};
  stages.forEach((stage, k) => {
    out[stage] = Number(counts[k]);
  });
  return out;
}

function sourceFunnel(plan: ValidPlan, source: ValidSource, reversed: SourceCounts): ExactSourceFunnel {
  const { revenue, counts, wonRevenue } = reversed;
  const channels: ChannelFunnel[] = source.channels.map((channel, i) => {
    const c = reversed.channels[i];
    return {
      id: channel.id,
      name: channel.name,
      sourceId: source.id,
      share: channel.share.value,
      avgDealSize: channel.avgDealSize.value,
      costPerLead: channel.costPerLead?.value,
      revenue: fractionToNumber(c.revenue),
      wonRevenue: fractionToNumber(c.wonRevenue),
      counts: byStage(plan.stages, c.counts),
    };
  });
  const funnel: SourceFunnel = {
    id: source.id,
    name: source.name,
    kind: source.kind,
    share: source.share.value,
    avgDealSize: source.avgDealSize.value,
    entryStage: source.entryStage,
    revenue: fractionToNumber(revenue),
    wonRevenue: fractionToNumber(wonRevenue),
    counts: byStage(plan.stages, counts),
    channels,
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
export function funnelFromCounts(plan: ValidPlan, reversed: readonly SourceCounts[]): FunnelPlan {
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
