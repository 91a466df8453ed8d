/**
 * The plan as a user writes it (JSON, the Inputs sheet, the sidebar) and as the engine
 * uses it once validated. Numbers may arrive as numbers or as text ("25%", "120万");
 * the validated plan holds them as exact fractions beside their plain values.
 */
import type { Fraction } from './fraction';
import type { ValidHeadcount } from './headcount/headcountTypes';
import type { ValidBonus } from './bonus/bonusTypes';
import type { ValidTiming } from './time/timingTypes';
import type { LagDistribution } from './time/salesCycleLag';
import type { Band } from './diagnosis/benchmarks';

export type NumberLike = number | string;

export interface SourceInput {
  id: string;
  name?: string;
  /** "marketing" marks a marketing-sourced source: its handoff-stage count is marketing's target. */
  kind?: string;
  /** Share of the revenue target, 0..1. */
  share: NumberLike;
  avgDealSize: NumberLike;
  /** Stage where this source's records enter the funnel; default: the first stage. */
  entryStage?: string;
  /** Rate from each stage to the next, keyed by the from-stage: `{ "lead": 0.25 }`. */
  conversionRates: Record<string, NumberLike>;
  /** How far each rate may fall or rise, keyed by the from-stage: `{ "mql": ["30%", "50%"] }` (low ≤ rate ≤ high); the confidence simulation draws the rate from it. */
  conversionRanges?: Record<string, NumberLike[]>;
  /** Spread of one deal's size: standard deviation ÷ average (0.6 = "60%"); the confidence simulation varies deal sizes by it. */
  dealSizeCv?: NumberLike;
  /** Median days from each stage to the next, keyed by the from-stage: the sales-cycle lag. */
  stageDays?: Record<string, NumberLike>;
  /**
   * Won deals by whole months from reaching each stage to being won (index 0 = the same month),
   * keyed by the from-stage: `{ "sql": [1, 2, 3, 4] }`. Measured from a CRM export's won records
   * by `plan --rates-from` and Derive rates from History; wins over stageDays for its stages.
   */
  lag?: Record<string, NumberLike[]>;
  /** The source split into channels, each reverse-funnelled on its own (design.md §8). */
  channels?: ChannelInput[];
}

export interface ChannelInput {
  id: string;
  name?: string;
  /** Share of the source's revenue, 0..1; a source's channels add up to 1. */
  share: NumberLike;
  /** Cost of one record entering at the source's entry stage (a lead, for most). */
  costPerLead?: NumberLike;
  /** Overrides the source's. */
  avgDealSize?: NumberLike;
  /** Overrides some of the source's rates; the rest are inherited. */
  conversionRates?: Record<string, NumberLike>;
}

export interface TimingInput {
  /** "YYYY-MM": FY month 0. */
  fiscalYearStart?: string;
  /** 12 weights of won deals by FY month, or "even". */
  seasonality?: NumberLike[] | string;
  /** Next year's target = this year's × (1 + growth). */
  nextYearGrowth?: NumberLike;
  /** "YYYY-MM-DD" days off (Mon–Fri otherwise count as working days). */
  holidays?: string[];
  /** Records already at each stage on FY start. */
  openPipeline?: Record<string, NumberLike>;
}

export interface PlanInput {
  name?: string;
  revenueTarget: NumberLike;
  currency?: string;
  /** Stage ids top to bottom; the last is the won stage. */
  stages?: string[];
  /** The stage whose marketing-sourced count is marketing's headline target; default "sql". */
  handoffStage?: string;
  sources: SourceInput[];
  /** When the plan happens: fiscal year, seasonality, growth, holidays (design.md §7). */
  timing?: TimingInput;
  /** How a CRM export maps onto this plan when its rates come from history (see core/history/historyPlanOptions.ts). */
  history?: unknown;
  /** Roles, plan start and the vertical structure for the headcount plan (core/headcount/readHeadcount.ts). */
  headcount?: unknown;
  /** The shared bonus pool: pool, gate, funding curve, buckets, scenarios and grid (core/bonus/readBonus.ts). */
  bonus?: unknown;
  /** Benchmark bands of the conversion rates by from-stage, replacing the defaults (core/diagnosis/benchmarks.ts): `{ "mql": { "low": 0.2, "high": 0.4 } }`. */
  benchmarks?: Record<string, { low: NumberLike; high: NumberLike }>;
}

/** A rate's typed range (sources[].conversionRanges): the lowest and highest it is expected to be, the planned rate between them. */
export interface RateRange {
  readonly low: number;
  readonly high: number;
}

/** An exact input number, with the double it stands for. */
export interface Exact {
  readonly exact: Fraction;
  readonly value: number;
}

export interface ValidSource {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: string | undefined;
  readonly share: Exact;
  readonly avgDealSize: Exact;
  readonly entryStage: string;
  /** Rates for every stage from the entry stage down to the one above won. */
  readonly conversionRates: Readonly<Record<string, Exact>>;
  /** Median days from a stage to the next; undefined when not given (no lag, unless history says). */
  readonly stageDays: Readonly<Record<string, Fraction>> | undefined;
  /** Lag distributions by stage (core/time/readLag.ts); undefined when none is given. */
  readonly lag: Readonly<Record<string, LagDistribution>> | undefined;
  /** Empty when the source is not split. */
  readonly channels: readonly ValidChannel[];
  /** Typed rate ranges by stage (confidence/readUncertainty.ts); undefined when none is given. */
  readonly conversionRanges?: Readonly<Record<string, RateRange>>;
  /** One deal's size spread, sd ÷ mean; undefined when not given. */
  readonly dealSizeCv?: number;
}

export interface ValidChannel {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** Share of its source's revenue. */
  readonly share: Exact;
  readonly costPerLead: Exact | undefined;
  /** Its own, or its source's. */
  readonly avgDealSize: Exact;
  /** Every rate the source has, with the channel's overrides. */
  readonly conversionRates: Readonly<Record<string, Exact>>;
  /** What the channel gives itself (not inherited), as a sheet shows it: its deal size and rate overrides. */
  readonly own: { readonly avgDealSize?: Exact; readonly conversionRates: Readonly<Record<string, Exact>> };
}

export interface ValidPlan {
  readonly name: string | undefined;
  readonly revenueTarget: Exact;
  readonly currency: string;
  readonly stages: readonly string[];
  readonly handoffStage: string | undefined;
  readonly sources: readonly ValidSource[];
  readonly timing: ValidTiming;
  /** The headcount section as read, defaults filled in; undefined only for plans built by hand (planHeadcount then takes the defaults). */
  readonly headcount?: ValidHeadcount;
  /** The bonus section as read; undefined: the plan has no pool. */
  readonly bonus?: ValidBonus;
  /** The plan's own benchmark bands by from-stage (core/diagnosis/readBenchmarks.ts); undefined or {}: the defaults. */
  readonly benchmarks?: Readonly<Record<string, Band>>;
}
