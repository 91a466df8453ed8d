/**
 * A CSV export through the history accumulator, on two cores when it is big: this thread reads
 * the first half while a worker reads the second, and the worker's part is merged in.
 *
 * Why: reading is all CPU (splitting fields, parsing dates, accumulating): on the 1,000,000-row
 * benchmark export (97 MB) about 0.85 s of it on one core, against DuckDB's 0.6–0.8 s for a
 * minimal query using both cores of the same machine. Numbers for two threads below.
 *
 * The split is speculative (csvSplitPoint.ts): the second part starts just after the first LF
 * past the middle, assuming it lies outside quotes. This thread reads up to that byte, then
 * checks it got there at a record boundary: if so, the worker's part is exactly the rest of the
 * file, and merging it (HistoryAccumulator.merge, line numbers offset by the lines before the
 * cut) gives the very result one thread would have. If not (a quoted line break just at the
 * cut), or if the part failed for any reason (PART_SOURCE_LIMIT, an error), the worker is
 * stopped and this thread reads on to the end itself: correct always, only slower.
 */
import { cliText } from '../cliLang';
import { statSync } from 'node:fs';
import type { HistoryAccumulator } from '../../core/history/historyAccumulator';
import type { HistoryMapping, HistoryOptions } from '../../core/history/historyTypes';
import { InputError } from '../cliError';
import { CsvFileReader, mergeRagged, type RaggedRows } from './csvFileReader';
import { csvSplitPoint } from './csvSplitPoint';
import { workerPartRunner, type PartRunner } from './historyPartRunner';
import type { HistoryPartOutcome, PartProgress } from './readHistoryPart';
import type { ReadProgress, ReadRowsResult } from './readCsvRows';

/**
 * Below this size one thread reads the file. A worker costs ~50 ms to start (its isolate, its
 * modules, its own JIT warm-up) and ~60 MB of memory; whole `rates --json` runs, median wall,
 * one thread → two (first rows of the benchmark export, Node 20, 2 shared cores):
 *   100k rows (10 MB)   0.25 → 0.30 s      160k rows (16 MB)   0.36 → 0.40 s
 *   320k rows (32 MB)   0.53 → 0.49 s      1M rows (97 MB)     0.98 → 0.80 s, 150 → 225 MB peak RSS
 */
export const SPLIT_MIN_BYTES = 32 << 20;

/** What the caller makes of the header: the accumulator for the rows, its mapping, the columns it reads. */
export interface CsvHistorySetup {
  readonly accumulator: HistoryAccumulator;
  readonly mapping: HistoryMapping;
  readonly columns: readonly number[];
}

export interface CsvSplitOptions {
  /** Files of at least this many bytes are split in two (default SPLIT_MIN_BYTES). */
  readonly minBytes?: number;
  /** Who reads the second part (default: a worker thread; null from it: no split). */
  readonly runner?: () => PartRunner | null;
  /** Told how a split went: the part merged, or this thread read on (and why). For tests. */
  readonly onSplit?: (report: SplitReport) => void;
}

export interface SplitReport {
  /** The byte the second part started at. */
  readonly cut: number;
  readonly merged: boolean;
  /** Why the part was not used. */
  readonly reason?: string;
}

export interface ReadCsvHistoryOptions {
  readonly onProgress?: (progress: ReadProgress) => void;
  readonly maxSkippedExamples?: number;
  /** How the part read by the other thread takes a/b/yyyy dates (HistoryOptions.dateOrder). */
  readonly dateOrder?: HistoryOptions['dateOrder'];
  readonly split?: CsvSplitOptions;
}

export async function readCsvHistory(
  path: string,
  setup: (header: string[], line: number) => CsvHistorySetup,
  options: ReadCsvHistoryOptions = {},
): Promise<ReadRowsResult> {
  const totalBytes = statSync(path).size;
  const splitAt = totalBytes >= (options.split?.minBytes ?? SPLIT_MIN_BYTES) ? csvSplitPoint(path, totalBytes) : null;
  const runner = splitAt === null ? null : (options.split?.runner ?? workerPartRunner)();
  const cut = runner === null ? null : splitAt;

  // Set by the header handler, as the reader meets the header.
  const read: { accumulator: HistoryAccumulator | null; part: Promise<HistoryPartOutcome> | null } = { accumulator: null, part: null };
  let partProgress: PartProgress = { bytesRead: 0, rows: 0 };
  let abandoned = false;
  const onProgress = options.onProgress;
  const report = onProgress
    ? () => onProgress({ bytesRead: reader.bytesRead + partProgress.bytesRead, totalBytes, rows: reader.rows + partProgress.rows })
    : undefined;
  const onPartProgress = report
    ? (progress: PartProgress) => {
        if (abandoned) return;
        partProgress = progress;
        report();
      }
    : undefined;

  const reader = new CsvFileReader(
    path,
    (header, line) => {
      const s = setup(header, line);
      read.accumulator = s.accumulator;
      if (runner !== null && cut !== null) {
        const job = { path, start: cut, header, columns: s.columns, mapping: s.mapping, maxSkippedExamples: options.maxSkippedExamples, dateOrder: options.dateOrder };
        read.part = runner.run(job, onPartProgress);
      }
      return s.columns;
    },
    (cells, line) => read.accumulator?.addRow(cells, line),
  );

  try {
    if (cut !== null) {
      await reader.read(0, { end: cut, ...(report ? { onChunk: report } : {}) });
      const merged = await mergePart(read.part, reader, read.accumulator);
      options.split?.onSplit?.(merged.ok ? { cut, merged: true } : { cut, merged: false, reason: merged.reason });
      if (merged.ok) return { rows: reader.rows + merged.rows, ragged: mergeRagged(reader.ragged, merged.ragged, reader.nextLine - 1) };
      abandoned = true;
      runner?.close();
      partProgress = { bytesRead: 0, rows: 0 };
    }
    await reader.read(cut ?? 0, report ? { onChunk: report } : {});
    reader.finish();
  } finally {
    runner?.close();
  }
  if (reader.headerRow === null) throw new InputError(cliText().readers.empty(path));
  return { rows: reader.rows, ragged: reader.ragged };
}

/**
 * Once this thread has read up to the cut: waits for the part and merges it, its line numbers
 * offset by the lines before the cut. Its row count when merged, else why it cannot be used.
 */
async function mergePart(
  part: Promise<HistoryPartOutcome> | null,
  reader: CsvFileReader,
  accumulator: HistoryAccumulator | null,
): Promise<{ ok: true; rows: number; ragged: RaggedRows } | { ok: false; reason: string }> {
  if (part === null || accumulator === null) return { ok: false, reason: 'the header does not end before the cut' };
  // Not at a record boundary: the cut fell inside a quoted field, and the part read garbage.
  if (!reader.atRecordBoundary) return { ok: false, reason: 'the cut is inside a record' };
  const outcome = await part;
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  accumulator.merge(outcome.state, reader.nextLine - 1);
  return { ok: true, rows: outcome.rows, ragged: outcome.ragged };
}
