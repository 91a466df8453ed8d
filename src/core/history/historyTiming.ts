/**
 * The timing a plan takes from a CRM history (design.md §7), beside the rates of
 * historyPolicy.ts and read from the same grouped result (bySource keyed by plan source id):
 *
 * 1. Lag: per plan source and stage from its entry stage down to the stage above won, the
 *    distribution of whole-month lags of its won records (HistoryResult lagMonths, lagFromCounts)
 *    — when at least MIN_LAG_SAMPLE won records measured it; below that the stage's lag comes
 *    from stage days (typed, or filled below), with a note.
 * 2. Stage days: a stage the plan's `stageDays` does not type gets the export's median days
 *    (rounded to 0.1 day; a negative or missing median fills nothing). Typed days are never
 *    overwritten; what was filled is recorded.
 * 3. Seasonality "history": the export's won dates per calendar month (all sources), in
 *    fiscal-year month order, as exact counts used as weights.
 * 4. What goes into the plan: a used lag becomes the source's `lag` for the stage (its counts),
 *    replacing what the plan had there, as a measured rate replaces the plan's rate; a stage
 *    without a used lag keeps the plan's own `lag`, if any. `plan --rates-from` puts them in the
 *    plan input, Derive rates from History in the Inputs sheet's Lag section, so both plan the
 *    same months, and Generate plans them again from the sheet.
 */
import type { HistoryResult } from './historyTypes';
import { isRecord } from '../isRecord';
import { parseFiscalYearStart } from '../time/fiscalYear';
import { LagDistribution, lagFromCounts } from '../time/salesCycleLag';

/** Fewer won records than this give a lag too noisy to phase on: the stage's median days are used instead. */
export const MIN_LAG_SAMPLE = 10;

export interface TimingSource {
  readonly id: string;
  readonly entryStage?: string;
  /** The plan's own stageDays as typed (any value; blank = not typed). */
  readonly stageDays?: Readonly<Record<string, unknown>>;
}

export interface MeasuredLag {
  readonly source: string;
  readonly stage: string;
  /** Won records by whole-month lag j = 0, 1, … (the last bucket holds 60 and more). */
  readonly counts: readonly number[];
  readonly sample: number;
  /** True when sample ≥ MIN_LAG_SAMPLE and the distribution is used. */
  readonly used: boolean;
}

export interface FilledStageDays {
  readonly source: string;
  readonly stage: string;
  readonly days: number;
  /** Records with both dates behind the median. */
  readonly sample: number;
}

export type TimingNote =
  /** Too few won records measured the lag from the stage: its stage days give it. */
  | { readonly code: 'smallLagSample'; readonly source: string; readonly stage: string; readonly sample: number; readonly min: number };

export interface HistoryTimingResult {
  /** Per plan source, per stage: the distributions used (only stages with enough won records). */
  readonly lags: Readonly<Record<string, Readonly<Record<string, LagDistribution>>>>;
  /** Every stage's measured counts, used or not, in plan order. */
  readonly measured: readonly MeasuredLag[];
  readonly stageDays: readonly FilledStageDays[];
  readonly notes: readonly TimingNote[];
}

const blank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The lags and stage days a plan takes from a grouped history (rules at the top of the file).
 *
 * @example
 * // "web" enters at sql; its 10 won records were won 0, 1, 1, 2, 2, 2, 3, 3, 3, 3 months after sql
 * historyTiming({ stages: ['sql', 'opportunity', 'won'], sources: [{ id: 'web', entryStage: 'sql' }], result })
 * // → { lags: { web: { sql: [1, 2, 3, 4] (fractions), … } }, stageDays: [{ source: 'web', stage: 'sql', days: …, … }], … }
 */
export function historyTiming(input: { readonly stages: readonly string[]; readonly sources: readonly TimingSource[]; readonly result: HistoryResult }): HistoryTimingResult {
  const { stages, result } = input;
  const lags: Record<string, Record<string, LagDistribution>> = {};
  const measured: MeasuredLag[] = [];
  const stageDays: FilledStageDays[] = [];
  const notes: TimingNote[] = [];
  for (const source of input.sources) {
    const stats = result.bySource[source.id];
    if (stats === undefined) continue;
    const entry = Math.max(0, stages.indexOf(source.entryStage ?? stages[0]));
    for (const stage of stages.slice(entry, -1)) {
      const counts = stats.lagMonths?.[stage];
      if (counts !== undefined) {
        const sample = counts.reduce((a, b) => a + b, 0);
        const used = sample >= MIN_LAG_SAMPLE;
        measured.push({ source: source.id, stage, counts: [...counts], sample, used });
        if (used) (lags[source.id] ??= {})[stage] = lagFromCounts(counts);
        else notes.push({ code: 'smallLagSample', source: source.id, stage, sample, min: MIN_LAG_SAMPLE });
      }
      const median = stats.medianDays[stage];
      if (blank(source.stageDays?.[stage]) && median !== null && median !== undefined && median >= 0) {
        stageDays.push({ source: source.id, stage, days: Math.round(median * 10) / 10, sample: stats.durationSamples[stage] ?? 0 });
      }
    }
  }
  return { lags, measured, stageDays, notes };
}

/**
 * Seasonality from a history: won records per calendar month (overall), rotated into FY month
 * order. Undefined when the reader did not count them or no record is won.
 *
 * @example
 * // 3 won in March, 1 in December; FY from April
 * historySeasonality(result, 4); // → [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3] (Apr … Mar)
 */
export function historySeasonality(result: Pick<HistoryResult, 'overall'>, fiscalYearStartMonth: number): number[] | undefined {
  const byMonth = result.overall.wonByCalendarMonth;
  if (byMonth === undefined || byMonth.every((n) => n === 0)) return undefined;
  return Array.from({ length: 12 }, (_, m) => byMonth[(fiscalYearStartMonth - 1 + m) % 12]);
}

/** A lag a plan takes from the export: the won records' counts by month, trailing zeros dropped. */
export interface FedLag {
  readonly source: string;
  readonly stage: string;
  readonly counts: readonly number[];
  readonly sample: number;
}

/**
 * The lags to put into the plan (rule 4): every used measured lag, in plan order.
 *
 * @example
 * lagFeed({ measured: [{ source: 'web', stage: 'sql', counts: [1, 2, 3, 4, 0], sample: 10, used: true },
 *                      { source: 'web', stage: 'opportunity', counts: [4], sample: 4, used: false }], … });
 * // → [{ source: 'web', stage: 'sql', counts: [1, 2, 3, 4], sample: 10 }]
 */
export function lagFeed(timing: Pick<HistoryTimingResult, 'measured'>): FedLag[] {
  return timing.measured
    .filter((m) => m.used)
    .map((m) => {
      let last = m.counts.length - 1;
      while (last > 0 && m.counts[last] === 0) last--;
      return { source: m.source, stage: m.stage, counts: m.counts.slice(0, last + 1), sample: m.sample };
    });
}

/**
 * Whether a plan's raw `timing` asks for its seasonality from the export (`"history"`, any case).
 *
 * @example
 * wantsHistorySeasonality({ seasonality: ' History ' }); // → true
 * wantsHistorySeasonality({ seasonality: [1, 2, 3] });   // → false
 */
export function wantsHistorySeasonality(timing: unknown): boolean {
  return isRecord(timing) && typeof timing.seasonality === 'string' && timing.seasonality.trim().toLowerCase() === 'history';
}

/**
 * The calendar month (1–12) a plan's raw `timing` starts its fiscal year in: its
 * fiscalYearStart's, January when blank (the default fiscal year); undefined when unreadable.
 *
 * @example
 * fiscalYearStartMonth({ fiscalYearStart: '2027-04' }); // → 4
 * fiscalYearStartMonth({});                            // → 1
 * fiscalYearStartMonth({ fiscalYearStart: 'April' });  // → undefined (validation names it)
 */
export function fiscalYearStartMonth(timing: unknown): number | undefined {
  const raw = isRecord(timing) ? timing.fiscalYearStart : undefined;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return 1;
  return typeof raw === 'string' ? parseFiscalYearStart(raw)?.month : undefined;
}
