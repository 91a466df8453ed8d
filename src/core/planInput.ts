/**
 * The plan as a user writes it (JSON, the Inputs sheet, the sidebar) and as the engine
 * uses it once validated. Numbers may arrive as numbers or as text ("25%", "120万");
 * the validated plan holds them as exact fractions beside their plain values.
 */
import type { Fraction } from './fraction';

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
  /** How a CRM export maps onto this plan when its rates come from history (see core/history/historyPlanOptions.ts). */
  history?: unknown;
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
}

export interface ValidPlan {
  readonly name: string | undefined;
  readonly revenueTarget: Exact;
  readonly currency: string;
  readonly stages: readonly string[];
  readonly handoffStage: string | undefined;
  readonly sources: readonly ValidSource[];
}
