/**
 * CRM history → conversion rates and stage durations: the shapes every part agrees on
 * (the core accumulator, the CSV/xlsx readers, the CLI, the sheet, the SQL generator).
 *
 * Definitions (design.md §2, issue 5):
 * - a record has reached stage k when its date for k OR ANY LATER stage is filled in;
 * - rates[k] = reached[k+1] / reached[k], keyed by the from-stage (like a plan's conversionRates);
 * - medianDays[k] / p90Days[k]: over records with BOTH the date of k and of k+1 filled,
 *   of (date[k+1] − date[k]) in days (fractional when times are given); median = mean of the
 *   two middle values for an even count; p90 by linear interpolation (DuckDB quantile_cont);
 * - matureRates[k]: the same rate over only the records that reached k at least p90Days[k]
 *   days before the as-of date (default: the latest date in the file), where the time a record
 *   reached k is its date for k, or, when it skipped k, the earliest date it has after k.
 */

import type { Lang } from '../i18n/lang';
import type { DateOrder } from './parseHistoryDate';

/** Which column holds each stage's date, and which holds the record's source. */
export interface HistoryMapping {
  /** Stage ids top to bottom, the won stage last (the plan's stages). */
  readonly stages: readonly string[];
  /** Column header for each stage that has one; a stage without a column is only reached through later stages. */
  readonly stageColumns: Readonly<Record<string, string>>;
  /** Column header of the record's source (e.g. HubSpot "Original Source"), if any. */
  readonly sourceColumn?: string;
}

export interface RateStat {
  /** converted / sample, or null when sample is 0. */
  readonly rate: number | null;
  /** Records that reached the next stage. */
  readonly converted: number;
  /** Records that reached this stage. */
  readonly sample: number;
  /** Wilson 95% interval (z = 1.96); null when sample is 0. */
  readonly low: number | null;
  readonly high: number | null;
  /** True when sample < 30: the rate is too uncertain to plan on alone. */
  readonly smallSample: boolean;
}

export interface StageStats {
  readonly reached: Readonly<Record<string, number>>;
  /** Keyed by from-stage: every stage but the last. */
  readonly rates: Readonly<Record<string, RateStat>>;
  readonly matureRates: Readonly<Record<string, RateStat>>;
  /** Keyed by from-stage; null when no record has both dates. */
  readonly medianDays: Readonly<Record<string, number | null>>;
  readonly p90Days: Readonly<Record<string, number | null>>;
  /** How many records had both dates (the duration sample), keyed by from-stage. */
  readonly durationSamples: Readonly<Record<string, number>>;
  /**
   * Won records by whole-month lag from each stage above won (design.md §7): lagMonths[k][j]
   * records were won j calendar months after they reached k — (won year · 12 + won month) −
   * (reach year · 12 + reach month), reached as in matureRates (a skipped stage at the earliest
   * later date). Trailing zeros dropped; j ≥ LAG_CAP_MONTHS (60) counted at 60; a won month
   * before the reach month is a data problem (a warning), not a lag. Absent where the reader
   * does not count them (the SQL path).
   */
  readonly lagMonths?: Readonly<Record<string, readonly number[]>>;
  /** Won records by the calendar month of their won date, January first (12 counts). */
  readonly wonByCalendarMonth?: readonly number[];
}

export interface SkippedRow {
  /** 1-based line/row number in the file, counting the header as row 1. */
  readonly row: number;
  /** e.g. `Became a Lead Date: "31/31/2024" is not a date (expected YYYY-MM-DD, M/D/YYYY, …)` */
  readonly reason: string;
}

export interface HistoryResult {
  /** Data rows read (blank lines not counted), including skipped ones. */
  readonly rows: number;
  /**
   * Mapped stage columns with no readable date in any row kept: the rates into and out of
   * such a stage measure nothing (out of it reads 100%) and must not go into a plan. Absent when none.
   */
  readonly emptyColumns?: readonly { readonly stage: string; readonly column: string }[];
  /**
   * Stages recognised in more than one column of the export (recognizeColumns' `ambiguous`),
   * the column read first: a rate through such a stage is not fed into a plan until the user
   * names the column. Set by the readers (deriveHistory, the CLI's export reader); absent when none.
   */
  readonly ambiguousColumns?: readonly { readonly stage: string; readonly columns: readonly string[] }[];
  readonly skipped: { readonly count: number; readonly examples: readonly SkippedRow[] };
  /** ISO date-time (UTC) the maturity rule measured from. */
  readonly asOf: string | null;
  readonly stages: readonly string[];
  readonly overall: StageStats;
  /** Keyed by the source as written in the file (or as grouped by the caller); "(none)" for a blank source. */
  readonly bySource: Readonly<Record<string, StageStats>>;
  /** Human-readable cautions: small samples, negative durations, stages without a column… */
  readonly warnings: readonly string[];
}

/** The streaming interface: feed rows one at a time, then finish. Memory does not grow with whole rows. */
export interface HistoryAccumulatorLike {
  /** `cells` is one data row, in header order; `rowNumber` as in SkippedRow. */
  addRow(cells: readonly unknown[], rowNumber: number): void;
  finish(): HistoryResult;
}

export interface HistoryOptions {
  /** ISO date or date-time (UTC) to measure maturity from; default: the latest date in the file. */
  readonly asOf?: string;
  /** Groups raw sources (as written in the file, trimmed; a blank one as "(none)") into keys, e.g. CRM sources into plan sources. Default: identity. */
  readonly groupSource?: (source: string) => string;
  /** How many skipped rows to describe (all are counted). Default 5. */
  readonly maxSkippedExamples?: number;
  /**
   * How a/b/yyyy dates read: 'mdy' (05/03/2024 = May 3) or 'dmy' (= 5 March) for every
   * column, or per stage id. Default (and stages not listed): decided per column from its
   * dates, see HistoryAccumulator.dateOrderVerdict.
   */
  readonly dateOrder?: DateOrder | Readonly<Record<string, DateOrder>>;
  /** The language of warnings and skip reasons (default English). */
  readonly lang?: Lang;
  /**
   * The user's today, an ISO date (core has no clock: the CLI and Sheets pass it). Without
   * `asOf`, dates after it are warned about (a date in the future is a typo or a placeholder).
   */
  readonly today?: string;
  /** What rows are called in warnings: "line" in a CSV, "row" (default) in a sheet. */
  readonly rowUnit?: 'line' | 'row';
}

/**
 * Built by `new HistoryAccumulator(header, mapping, options)` (historyAccumulator.ts):
 * `header` is the file's header row, used to find the mapped columns.
 */
export type HistoryAccumulatorConstructor = new (
  header: readonly string[],
  mapping: HistoryMapping,
  options?: HistoryOptions,
) => HistoryAccumulatorLike;
