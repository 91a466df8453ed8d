/** Streaming CRM history → reached counts, conversion rates, mature rates and stage durations, overall and per source. */
import { GrowableFloat64Array } from './growableFloat64Array';
import { cleanHeader, findColumn } from './headerMatch';
import type {
  HistoryAccumulatorLike,
  HistoryMapping,
  HistoryOptions,
  HistoryResult,
  RateStat,
  SkippedRow,
  StageStats,
} from './historyTypes';
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import { emptyEvidence, mergeEvidence, resolveDateOrders, type DateEvidence, type DateOrderVerdict } from './dateOrder';
import { dateProblemText, isPlaceholderDate, lastSlashKind, parseHistoryDate, type DateError, SlashKind, type DateOrderMode } from './parseHistoryDate';
import { selectQuantiles } from './selectQuantiles';
import { wilsonInterval } from './wilson';

const DAY_MS = 86_400_000;
/** Below this many records a rate is flagged, and a source's own p90 is not trusted for maturity. */
export const SMALL_SAMPLE = 30;
/** The bySource key of records with a blank source, or of every record when there is no source column. */
export const NO_SOURCE = '(none)';
/** The bySource key that absorbs sources beyond MAX_SOURCES. */
export const OTHER_SOURCES = '(other)';
/**
 * A source column with a distinct value per row (an e-mail column mapped by mistake) would
 * otherwise build a million groups; beyond this many, the rest are counted as "(other)".
 */
export const MAX_SOURCES = 1000;
/**
 * Whole-month lags are counted 0 … LAG_CAP_MONTHS; a won record reached LAG_CAP_MONTHS or
 * more months before it was won is counted in the last bucket (five years: a longer sales
 * cycle is a data problem or a dormant record, and a plan cannot phase it anyway).
 */
export const LAG_CAP_MONTHS = 60;
const LAG_BUCKETS = LAG_CAP_MONTHS + 1;

/**
 * What one part of an export added up to (HistoryAccumulator.forPart), for `merge` into the
 * accumulator that read the part before it. Plain data and typed arrays, so it crosses from a
 * worker thread by structured clone (the arrays' buffers can be transferred).
 */
export interface HistoryPartState {
  readonly rows: number;
  readonly skippedCount: number;
  /** The part's first skipped rows, numbered from the part's own line 1. */
  readonly examples: readonly SkippedRow[];
  /** Latest date of a kept row (epoch ms); −Infinity when none. */
  readonly latest: number;
  /** Negative durations per from-stage. */
  readonly negative: readonly number[];
  /**
   * One entry per source as written in the file (trimmed; '' for a blank cell), not yet
   * grouped, in the order the part first met them — merge groups them as addRow would have.
   */
  readonly sources: readonly PartSource[];
  /** Per stage: what its a/b/yyyy dates said about day/month order (rows numbered from the part's line 1). */
  readonly dateEvidence: readonly DateEvidence[];
  /** Per stage: readable dates in kept rows. */
  readonly filled: readonly number[];
  /** Per from-stage: won records dated in a month before the stage was reached (left out of the lag). */
  readonly wonBeforeReached: readonly number[];
  /** Per stage: placeholder dates (isPlaceholderDate) read as blank, and the first one's row (0: none) and date. */
  readonly placeholders: readonly number[];
  readonly placeholderRow: readonly number[];
  readonly placeholderAt: readonly number[];
  /** Per stage: the latest date of a kept row (−Infinity: none) and its row. */
  readonly stageLatest: readonly number[];
  readonly stageLatestRow: readonly number[];
}

export interface PartSource {
  readonly text: string;
  /** Per from-stage, as in SourceLog. */
  readonly convertedAt: readonly Float64Array[];
  readonly stoppedAt: readonly Float64Array[];
  readonly durations: readonly Float64Array[];
  /** As SourceLog.lagCounts and wonByMonth. */
  readonly lagCounts: Float64Array;
  readonly wonByMonth: Float64Array;
}

/** What one source keeps — never rows; per from-stage k, only what the definitions need. */
class SourceLog {
  /** When each record that went on to reach k+1 reached k (epoch ms). */
  readonly convertedAt: GrowableFloat64Array[] = [];
  /** When each record that did not reach k+1 reached k. */
  readonly stoppedAt: GrowableFloat64Array[] = [];
  /** Days from the date of k to the date of k+1, for records with both. */
  readonly durations: GrowableFloat64Array[] = [];
  /** Won records by from-stage k and whole-month lag j (reach month → won month): index k · LAG_BUCKETS + j. */
  readonly lagCounts: Float64Array;
  /** Won records by the calendar month of their won date, January = 0. */
  readonly wonByMonth = new Float64Array(12);

  constructor(pairs: number) {
    this.lagCounts = new Float64Array(pairs * LAG_BUCKETS);
    for (let k = 0; k < pairs; k++) {
      this.convertedAt.push(new GrowableFloat64Array());
      this.stoppedAt.push(new GrowableFloat64Array());
      this.durations.push(new GrowableFloat64Array());
    }
  }
}

/**
 * Feeds a CRM export through one row at a time and derives the funnel's history
 * (historyTypes.ts has the definitions). Memory grows with the dates that matter, 16 bytes per
 * record and stage reached (its reach time and, when both dates exist, its duration), not with
 * rows: a 1,000,000-row, 5-stage export stays well under 100 MB.
 *
 * Choices the definitions leave open:
 * - Maturity for a source uses that source's own p90 when its duration sample has ≥ 30
 *   records, else the overall p90 (a p90 of 4 durations says little). Overall maturity uses
 *   the overall p90, so overall mature counts need not equal the sum of the sources'.
 *   A negative p90 (bad data) counts as 0: a record dated after the as-of date is never mature.
 * - A later stage dated before an earlier one is kept as a negative duration and warned about.
 * - as-of: `options.asOf`, else the latest date in any mapped column of any kept row.
 * - a/b/yyyy dates: unless `options.dateOrder` fixes the order, each column is read month first
 *   (day first where the first part is over 12) while what its dates say is counted; the caller
 *   asks `dateOrderVerdict()` before `finish()` and reads again when a day-first column had
 *   dates that fit both orders (deriveHistory and readHistoryExport do).
 * - A mapped column without one readable date is listed in `emptyColumns` and warned about: the
 *   rates into and out of its stage measure nothing.
 * - A row with an unreadable date is skipped whole; a row whose mapped cells are all blank is
 *   counted in `rows` but reaches nothing (and creates no source group); a row with no cell
 *   filled at all is a blank line and is not counted.
 *
 * @example
 * const acc = new HistoryAccumulator(
 *   ['Source', 'Lead', 'Won'],
 *   { stages: ['lead', 'won'], stageColumns: { lead: 'Lead', won: 'Won' }, sourceColumn: 'Source' },
 * );
 * acc.addRow(['Web', '2024-01-01', '2024-01-11'], 2);
 * acc.addRow(['Web', '2024-01-05', ''], 3);
 * const r = acc.finish();
 * r.overall.reached            // → { lead: 2, won: 1 }
 * r.overall.rates.lead.rate    // → 0.5
 * r.overall.medianDays.lead    // → 10
 * r.asOf                       // → '2024-01-11T00:00:00.000Z'
 */
export class HistoryAccumulator implements HistoryAccumulatorLike {
  private readonly stages: readonly string[];
  /** Header index of each stage's column, −1 for a stage without one. */
  private readonly stageIndex: Int32Array;
  private readonly stageColumnName: string[];
  private readonly sourceIndex: number;
  private readonly groupSource: (source: string) => string;
  private readonly maxExamples: number;
  private readonly asOfMs: number | null;
  /** Scratch for one row's dates (NaN = blank), reused so addRow allocates nothing. */
  private readonly dates: Float64Array;
  private readonly negative: Float64Array;
  private readonly logs = new Map<string, SourceLog>();
  /** Raw cell text → its log, so groupSource runs once per distinct value, not per row. */
  private readonly rawLogs = new Map<string, SourceLog>();
  private rows = 0;
  private skippedCount = 0;
  private readonly lang: Lang;
  private readonly examples: SkippedRow[] = [];
  private latest = -Infinity;
  private overflowed = false;
  /** Set by forPart: sources are kept by their text, ungrouped and uncapped, for merge to group. */
  private part = false;
  /** Per stage: how its a/b/yyyy dates are read ('auto' until the data decides, dateOrder.ts). */
  private readonly stageOrder: DateOrderMode[];
  private readonly dateEvidence: DateEvidence[];
  /** Per stage: readable dates in kept rows (0 for a mapped column: it is empty). */
  private readonly filled: Float64Array;
  /** Per from-stage: won records whose won month is before the month they reached the stage. */
  private readonly wonBeforeReached: Float64Array;
  /** Per stage: placeholder dates read as blank; the first one's row (0: none) and date. */
  private readonly placeholders: Float64Array;
  private readonly placeholderRow: Float64Array;
  private readonly placeholderAt: Float64Array;
  /** Scratch: which stages of the current row held a placeholder. */
  private readonly placeholderHit: Uint8Array;
  /** Per stage: the latest date of a kept row and its row (for the future-date warning). */
  private readonly stageLatest: Float64Array;
  private readonly stageLatestRow: Float64Array;
  /** Dates after this (epoch ms) are warned about: the given as-of date, else the end of `today`; null: no check. */
  private readonly futureAfter: number | null;
  private readonly futureIsAsOf: boolean;
  private readonly rowUnit: 'line' | 'row';

  constructor(header: readonly string[], mapping: HistoryMapping, options: HistoryOptions = {}) {
    this.stages = [...mapping.stages];
    if (this.stages.length < 2) throw new Error(`history: expected at least two stages, got ${this.stages.length}`);
    const K = this.stages.length;
    this.stageIndex = new Int32Array(K).fill(-1);
    this.stageColumnName = [];
    this.stages.forEach((stage, s) => {
      const column = mapping.stageColumns[stage];
      this.stageColumnName.push(column ?? '');
      if (column === undefined) return;
      const index = findColumn(header, column);
      if (index < 0) throw new Error(`history: column "${column}" (stage ${stage}) is not in the header`);
      this.stageIndex[s] = index;
      this.stageColumnName[s] = cleanHeader(header[index]);
    });
    if (mapping.sourceColumn !== undefined) {
      this.sourceIndex = findColumn(header, mapping.sourceColumn);
      if (this.sourceIndex < 0) throw new Error(`history: source column "${mapping.sourceColumn}" is not in the header`);
    } else {
      this.sourceIndex = -1;
    }
    this.groupSource = options.groupSource ?? ((s) => s);
    this.maxExamples = options.maxSkippedExamples ?? 5;
    this.lang = options.lang ?? 'en';
    const asOf = options.asOf === undefined ? null : parseHistoryDate(options.asOf);
    if (asOf !== null && typeof asOf === 'object') throw new Error(`asOf: ${asOf.error}`);
    this.asOfMs = asOf;
    this.dates = new Float64Array(K);
    this.negative = new Float64Array(K - 1);
    const order = options.dateOrder;
    this.stageOrder = this.stages.map((stage) => (order === undefined ? 'auto' : typeof order === 'string' ? order : (order[stage] ?? 'auto')));
    this.dateEvidence = this.stages.map(() => emptyEvidence());
    this.filled = new Float64Array(K);
    this.wonBeforeReached = new Float64Array(K - 1);
    this.placeholders = new Float64Array(K);
    this.placeholderRow = new Float64Array(K);
    this.placeholderAt = new Float64Array(K);
    this.placeholderHit = new Uint8Array(K);
    this.stageLatest = new Float64Array(K).fill(-Infinity);
    this.stageLatestRow = new Float64Array(K);
    const today = options.today === undefined ? null : parseHistoryDate(options.today);
    if (today !== null && typeof today === 'object') throw new Error(`today: ${today.error}`);
    this.futureIsAsOf = asOf !== null;
    this.futureAfter = asOf !== null ? asOf : today !== null ? today + DAY_MS - 1 : null;
    this.rowUnit = options.rowUnit ?? 'row';
  }

  /**
   * Day-first or month-first, per column whose order was not given, from what its a/b/yyyy
   * dates said (dateOrder.ts): call after the last row (and merge), before finish(); on
   * `rerun`, read the export again with `dateOrder: verdict.orders`.
   * @param unit what the rows are called in messages: "line" in a CSV, "row" in a sheet.
   */
  dateOrderVerdict(unit = 'row', lang: Lang = 'en'): DateOrderVerdict {
    const columns = this.stages
      .map((stage, s) => ({ stage, column: this.stageColumnName[s], evidence: this.dateEvidence[s], detect: this.stageIndex[s] >= 0 && this.stageOrder[s] === 'auto' }))
      .filter((c) => c.detect);
    return resolveDateOrders(columns, unit, lang);
  }

  /**
   * An accumulator for a later part of an export (another thread reads the first part): it keeps
   * sources as written, without grouping or the MAX_SOURCES cap, so `merge` can group them in
   * first-seen order exactly as one accumulator reading the whole file would. Read it with
   * `partState()`, not `finish()`; watch `sourceCount` (the part is unbounded in sources).
   */
  static forPart(header: readonly string[], mapping: HistoryMapping, maxSkippedExamples?: number, dateOrder?: HistoryOptions['dateOrder']): HistoryAccumulator {
    const acc = new HistoryAccumulator(header, mapping, {
      ...(maxSkippedExamples === undefined ? {} : { maxSkippedExamples }),
      ...(dateOrder === undefined ? {} : { dateOrder }),
    });
    acc.part = true;
    return acc;
  }

  /** Distinct source groups so far (in a part: distinct source texts). */
  get sourceCount(): number {
    return this.logs.size;
  }

  /** What this part added up to (forPart), for another accumulator's `merge`. */
  partState(): HistoryPartState {
    if (!this.part) throw new Error('history: partState() is for an accumulator made with forPart()');
    return {
      rows: this.rows,
      skippedCount: this.skippedCount,
      examples: [...this.examples],
      latest: this.latest,
      negative: [...this.negative],
      dateEvidence: this.dateEvidence.map((e) => ({ ...e })),
      filled: [...this.filled],
      wonBeforeReached: [...this.wonBeforeReached],
      placeholders: [...this.placeholders],
      placeholderRow: [...this.placeholderRow],
      placeholderAt: [...this.placeholderAt],
      stageLatest: [...this.stageLatest],
      stageLatestRow: [...this.stageLatestRow],
      sources: [...this.logs].map(([text, log]) => ({
        text,
        convertedAt: log.convertedAt.map((a) => a.values()),
        stoppedAt: log.stoppedAt.map((a) => a.values()),
        durations: log.durations.map((a) => a.values()),
        lagCounts: log.lagCounts,
        wonByMonth: log.wonByMonth,
      })),
    };
  }

  /**
   * Adds a part read after everything this accumulator has seen, as if its rows had come
   * through addRow here: `lineOffset` turns the part's line numbers into the file's (the lines
   * before the part). Counts add, the latest date is the later one, skipped-row examples keep the
   * first ones by line, and the part's sources are grouped in the order it met them, so the
   * groups, their order and the MAX_SOURCES cap come out as with one accumulator — the result
   * of finish() is identical. (The durations' order differs, which finish's quantiles ignore.)
   */
  merge(state: HistoryPartState, lineOffset: number): void {
    if (state.negative.length !== this.negative.length) throw new Error('history: merging a part with other stages');
    this.rows += state.rows;
    this.skippedCount += state.skippedCount;
    for (const example of state.examples) {
      if (this.examples.length >= this.maxExamples) break;
      this.examples.push({ row: example.row + lineOffset, reason: example.reason });
    }
    if (state.latest > this.latest) this.latest = state.latest;
    state.negative.forEach((n, k) => {
      this.negative[k] += n;
    });
    state.dateEvidence.forEach((e, s) => mergeEvidence(this.dateEvidence[s], e, lineOffset));
    state.filled.forEach((n, s) => {
      this.filled[s] += n;
    });
    state.wonBeforeReached.forEach((n, k) => {
      this.wonBeforeReached[k] += n;
    });
    state.placeholders.forEach((n, s) => {
      if (n > 0 && this.placeholders[s] === 0) {
        this.placeholderRow[s] = state.placeholderRow[s] + lineOffset;
        this.placeholderAt[s] = state.placeholderAt[s];
      }
      this.placeholders[s] += n;
    });
    state.stageLatest.forEach((ms, s) => {
      if (ms > this.stageLatest[s]) {
        this.stageLatest[s] = ms;
        this.stageLatestRow[s] = state.stageLatestRow[s] + lineOffset;
      }
    });
    for (const source of state.sources) {
      const log = this.logForSource(source.text);
      appendEach(log.convertedAt, source.convertedAt);
      appendEach(log.stoppedAt, source.stoppedAt);
      appendEach(log.durations, source.durations);
      addInto(log.lagCounts, source.lagCounts);
      addInto(log.wonByMonth, source.wonByMonth);
    }
  }

  addRow(cells: readonly unknown[], rowNumber: number): void {
    const K = this.stages.length;
    const dates = this.dates;
    let latest = -Infinity;
    let placeholder = false;
    for (let s = 0; s < K; s++) {
      const index = this.stageIndex[s];
      let parsed: number | null | DateError = null;
      if (index >= 0) {
        const order = this.stageOrder[s];
        parsed = parseHistoryDate(cells[index], order);
        if (order === 'auto') {
          const kind = lastSlashKind();
          if (kind !== SlashKind.None && kind !== SlashKind.Same) this.noteOrder(s, kind, cells[index], rowNumber);
        }
      }
      if (parsed === null) {
        dates[s] = NaN;
      } else if (typeof parsed === 'number') {
        if (isPlaceholderDate(parsed)) {
          // "Never" written as 9999-12-31 or 1900-01-01: blank, counted once the row is kept or blank.
          dates[s] = NaN;
          this.placeholderHit[s] = 1;
          this.placeholderAt[s] = this.placeholders[s] === 0 ? parsed : this.placeholderAt[s];
          placeholder = true;
          continue;
        }
        dates[s] = parsed;
        if (parsed > latest) latest = parsed;
      } else {
        if (placeholder) this.placeholderHit.fill(0);
        this.rows++;
        this.skip(rowNumber, `${this.stageColumnName[s]}: ${this.lang === 'en' ? parsed.error : dateProblemText(parsed.problem, this.lang)}`);
        return;
      }
    }
    if (placeholder) {
      for (let s = 0; s < K; s++) {
        if (this.placeholderHit[s] === 0) continue;
        this.placeholderHit[s] = 0;
        if (this.placeholders[s] === 0) this.placeholderRow[s] = rowNumber;
        this.placeholders[s]++;
      }
    }
    if (latest === -Infinity) {
      if (!isBlankRow(cells)) this.rows++;
      return;
    }
    this.rows++;
    if (latest > this.latest) this.latest = latest;
    for (let s = 0; s < K; s++) {
      const d = dates[s];
      if (d !== d) continue;
      this.filled[s]++;
      if (d > this.stageLatest[s]) {
        this.stageLatest[s] = d;
        this.stageLatestRow[s] = rowNumber;
      }
    }
    const log = this.logFor(cells);

    // Bottom-up, so "reached k" (its date or any later one) and "when" (its date, else the
    // earliest later date) come from one pass. A won record also counts its whole-month lag
    // from each stage it reached (design.md §7) and its won date's calendar month.
    const won = dates[K - 1];
    const wonMonth = won === won ? monthIndex(won) : 0;
    if (won === won) log.wonByMonth[wonMonth % 12]++;
    let earliestLater = Infinity;
    let nextReached = false;
    for (let k = K - 1; k >= 0; k--) {
      const d = dates[k];
      const filled = d === d;
      const reached = filled || earliestLater !== Infinity;
      if (reached && k < K - 1) {
        const at = filled ? d : earliestLater;
        (nextReached ? log.convertedAt[k] : log.stoppedAt[k]).push(at);
        if (won === won) {
          const j = wonMonth - monthIndex(at);
          if (j < 0) this.wonBeforeReached[k]++;
          else log.lagCounts[k * LAG_BUCKETS + (j < LAG_CAP_MONTHS ? j : LAG_CAP_MONTHS)]++;
        }
        const next = dates[k + 1];
        if (filled && next === next) {
          const days = (next - d) / DAY_MS;
          log.durations[k].push(days);
          if (days < 0) this.negative[k]++;
        }
      }
      if (filled && d < earliestLater) earliestLater = d;
      nextReached = reached;
    }
  }

  finish(): HistoryResult {
    if (this.part) throw new Error('history: a part is read with partState(), and merged into the accumulator that finishes');
    const K = this.stages.length;
    const asOf = this.asOfMs ?? (this.latest === -Infinity ? null : this.latest);
    const keys = [...this.logs.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const logs = keys.map((key) => this.logs.get(key) as SourceLog);

    // Durations are summarised by selection, not sorted (selectQuantiles.ts): same numbers, ~60 ms less at 1M rows.
    const overallDurations: DurationStats[] = [];
    for (let k = 0; k < K - 1; k++) {
      let n = 0;
      for (const log of logs) n += log.durations[k].length;
      const all = new Float64Array(n);
      let at = 0;
      for (const log of logs) {
        all.set(log.durations[k].values(), at);
        at += log.durations[k].length;
      }
      overallDurations.push(durationStats(all));
    }
    const overallP90 = overallDurations.map((d) => d.p90);

    const overall = this.stats(logs, overallDurations, overallP90, asOf);
    const bySource: Record<string, StageStats> = {};
    keys.forEach((key, i) => {
      const own = logs[i].durations.map((d) => durationStats(d.values()));
      const maturityP90 = own.map((d, k) => (d.count >= SMALL_SAMPLE ? d.p90 : overallP90[k]));
      bySource[key] = this.stats([logs[i]], own, maturityP90, asOf);
    });

    const emptyColumns = this.latest === -Infinity ? [] : this.emptyColumns();
    return {
      rows: this.rows,
      ...(emptyColumns.length > 0 ? { emptyColumns } : {}),
      skipped: { count: this.skippedCount, examples: [...this.examples] },
      asOf: asOf === null ? null : new Date(asOf).toISOString(),
      stages: [...this.stages],
      overall,
      bySource,
      warnings: this.warnings(overall, bySource, keys),
    };
  }

  private stats(
    logs: readonly SourceLog[],
    durations: readonly DurationStats[],
    maturityP90: readonly (number | null)[],
    asOf: number | null,
  ): StageStats {
    const K = this.stages.length;
    const reached: Record<string, number> = {};
    const rates: Record<string, RateStat> = {};
    const matureRates: Record<string, RateStat> = {};
    const medianDays: Record<string, number | null> = {};
    const p90Days: Record<string, number | null> = {};
    const durationSamples: Record<string, number> = {};
    const lagMonths: Record<string, number[]> = {};
    const wonByCalendarMonth = new Array<number>(12).fill(0);
    for (const log of logs) for (let m = 0; m < 12; m++) wonByCalendarMonth[m] += log.wonByMonth[m];
    for (let k = 0; k < K - 1; k++) {
      const stage = this.stages[k];
      let converted = 0;
      let stopped = 0;
      for (const log of logs) {
        converted += log.convertedAt[k].length;
        stopped += log.stoppedAt[k].length;
      }
      reached[stage] = converted + stopped;
      if (k === K - 2) reached[this.stages[K - 1]] = converted;
      rates[stage] = rateStat(converted, converted + stopped);

      const p90 = maturityP90[k];
      if (asOf === null || p90 === null) {
        matureRates[stage] = rateStat(0, 0);
      } else {
        // Compared in days, computed exactly as durations are, so an age equal to p90 counts.
        const minAge = Math.max(0, p90);
        let matureConverted = 0;
        let matureSample = 0;
        for (const log of logs) {
          const c = countAtLeast(log.convertedAt[k].values(), asOf, minAge);
          matureConverted += c;
          matureSample += c + countAtLeast(log.stoppedAt[k].values(), asOf, minAge);
        }
        matureRates[stage] = rateStat(matureConverted, matureSample);
      }

      const lag = new Array<number>(LAG_BUCKETS).fill(0);
      for (const log of logs) for (let j = 0; j < LAG_BUCKETS; j++) lag[j] += log.lagCounts[k * LAG_BUCKETS + j];
      let last = LAG_BUCKETS - 1;
      while (last >= 0 && lag[last] === 0) last--;
      lagMonths[stage] = lag.slice(0, last + 1);

      durationSamples[stage] = durations[k].count;
      medianDays[stage] = durations[k].median;
      p90Days[stage] = durations[k].p90;
    }
    return { reached, rates, matureRates, medianDays, p90Days, durationSamples, lagMonths, wonByCalendarMonth };
  }

  /** Mapped stage columns without one readable date in the rows kept. */
  private emptyColumns(): { stage: string; column: string }[] {
    return this.stages
      .map((stage, s) => ({ stage, column: this.stageColumnName[s], s }))
      .filter(({ s }) => this.stageIndex[s] >= 0 && this.filled[s] === 0)
      .map(({ stage, column }) => ({ stage, column }));
  }

  private warnings(overall: StageStats, bySource: Readonly<Record<string, StageStats>>, keys: readonly string[]): string[] {
    const K = this.stages.length;
    const t = messages(this.lang).history;
    const out: string[] = [];
    if (this.latest === -Infinity) out.push(t.nothingDated);
    this.stages.forEach((stage, s) => {
      if (this.stageIndex[s] < 0) {
        const pairs = [s > 0 ? `${this.stages[s - 1]} → ${stage}` : '', s < K - 1 ? `${stage} → ${this.stages[s + 1]}` : '']
          .filter((p) => p !== '');
        out.push(t.noColumn(stage, pairs.join(t.and), pairs.length > 1));
      }
    });
    if (this.latest !== -Infinity) {
      for (const { stage, column } of this.emptyColumns()) {
        const s = this.stages.indexOf(stage);
        const pairs = [s > 0 ? `${this.stages[s - 1]} → ${stage}` : '', s < K - 1 ? `${stage} → ${this.stages[s + 1]}` : ''].filter((p) => p !== '');
        out.push(t.emptyStageColumn(column, stage, pairs.join(t.and), s < K - 1 ? this.stages[s + 1] : null, pairs[0], pairs.length > 1));
      }
    }
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    this.stages.forEach((stage, s) => {
      const n = this.placeholders[s];
      if (n > 0) out.push(t.placeholderDates(n, this.stageColumnName[s], stage, t.at(day(this.placeholderAt[s]), this.rowUnit, this.placeholderRow[s])));
    });
    if (this.futureAfter !== null) {
      const after = this.futureAfter;
      this.stages.forEach((stage, s) => {
        if (this.stageLatest[s] > after) {
          out.push(t.futureDates(this.stageColumnName[s], t.at(day(this.stageLatest[s]), this.rowUnit, this.stageLatestRow[s]), day(after), this.futureIsAsOf));
        }
      });
    }
    for (let k = 0; k < K - 1; k++) {
      const n = this.negative[k];
      if (n > 0) {
        const from = this.stages[k];
        const to = this.stages[k + 1];
        out.push(t.negative(n, from, to));
      }
      const early = this.wonBeforeReached[k];
      if (early > 0) out.push(t.wonBeforeReached(early, this.stages[k], this.stages[K - 1]));
    }
    if (this.overflowed) {
      out.push(t.tooManySources(MAX_SOURCES, OTHER_SOURCES));
    }
    const small = (stats: StageStats) => {
      const list: string[] = [];
      for (let k = 0; k < K - 1; k++) {
        const rate = stats.rates[this.stages[k]];
        if (rate.smallSample) list.push(`${this.stages[k]} → ${this.stages[k + 1]} (${rate.sample})`);
      }
      return list;
    };
    const overallSmall = small(overall);
    if (overallSmall.length > 0) {
      out.push(t.smallOverall(SMALL_SAMPLE, overallSmall.join(t.listSeparator)));
    }
    for (const source of keys) {
      const list = small(bySource[source]);
      if (list.length > 0) {
        out.push(t.smallSource(SMALL_SAMPLE, source, list.join(t.listSeparator)));
      }
    }
    return out;
  }

  private noteOrder(s: number, kind: SlashKind, cell: unknown, row: number): void {
    const e = this.dateEvidence[s];
    const example = () => ({ row, text: String(cell).trim() });
    if (kind === SlashKind.DayFirst) {
      e.dayFirst++;
      e.dayFirstExample ??= example();
    } else if (kind === SlashKind.MonthFirst) {
      e.monthFirst++;
      e.monthFirstExample ??= example();
    } else {
      e.ambiguous++;
      e.ambiguousExample ??= example();
    }
  }

  private skip(row: number, reason: string): void {
    this.skippedCount++;
    if (this.examples.length < this.maxExamples) this.examples.push({ row, reason });
  }

  private logFor(cells: readonly unknown[]): SourceLog {
    const raw = this.sourceIndex < 0 ? undefined : cells[this.sourceIndex];
    const text = raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : String(raw);
    const cached = this.rawLogs.get(text);
    if (cached !== undefined) return cached;
    const log = this.logForSource(text.trim());
    if (this.rawLogs.size < 4 * MAX_SOURCES) this.rawLogs.set(text, log);
    return log;
  }

  /**
   * The log of a source as written (trimmed): its group's, created on first sight, or "(other)"'s
   * beyond MAX_SOURCES groups. Depends only on the groups made so far, so merge can call it once
   * per source of a part, in the part's first-seen order, and get what addRow would have.
   * In a part (forPart): the source's own log, by its text.
   */
  private logForSource(trimmed: string): SourceLog {
    if (this.part) {
      let own = this.logs.get(trimmed);
      if (own === undefined) {
        own = new SourceLog(this.stages.length - 1);
        this.logs.set(trimmed, own);
      }
      return own;
    }
    let key = this.groupSource(trimmed === '' ? NO_SOURCE : trimmed);
    if (key === '') key = NO_SOURCE;
    let log = this.logs.get(key);
    if (log === undefined) {
      if (this.logs.size >= MAX_SOURCES) {
        this.overflowed = true;
        key = OTHER_SOURCES;
        log = this.logs.get(key);
      }
      if (log === undefined) {
        log = new SourceLog(this.stages.length - 1);
        this.logs.set(key, log);
      }
    }
    return log;
  }
}

function addInto(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i];
}

/**
 * The calendar month of an epoch-ms UTC time as year · 12 + (month − 1), by arithmetic
 * (H. Hinnant's days → civil date), so addRow allocates no Date.
 *
 * @example
 * monthIndex(Date.UTC(2024, 0, 31)) % 12; // → 0 (January)
 * monthIndex(Date.UTC(2025, 0, 1)) - monthIndex(Date.UTC(2024, 11, 31)); // → 1
 */
export function monthIndex(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month0 = mp < 10 ? mp + 2 : mp - 10; // 0 = January
  const year = yoe + era * 400 + (month0 < 2 ? 1 : 0);
  return year * 12 + month0;
}

function appendEach(into: readonly GrowableFloat64Array[], from: readonly Float64Array[]): void {
  for (let k = 0; k < into.length; k++) {
    const target = into[k];
    const values = from[k];
    for (let i = 0; i < values.length; i++) target.push(values[i]);
  }
}

/** One duration sample, summarised. */
interface DurationStats {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
}

/** Reorders `values` (the order of a log's durations does not matter). */
function durationStats(values: Float64Array): DurationStats {
  const [median, p90] = selectQuantiles(values, [0.5, 0.9]);
  return { count: values.length, median, p90 };
}

function rateStat(converted: number, sample: number): RateStat {
  const interval = wilsonInterval(converted, sample);
  return {
    rate: sample > 0 ? converted / sample : null,
    converted,
    sample,
    low: interval ? interval.low : null,
    high: interval ? interval.high : null,
    smallSample: sample < SMALL_SAMPLE,
  };
}

/** How many reach times are at least `minAgeDays` days before `asOf`. */
function countAtLeast(times: Float64Array, asOf: number, minAgeDays: number): number {
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    if ((asOf - times[i]) / DAY_MS >= minAgeDays) n++;
  }
  return n;
}

function isBlankRow(cells: readonly unknown[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && cell.trim() === '') continue;
    return false;
  }
  return true;
}
