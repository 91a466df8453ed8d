/**
 * The second part of a CSV export split between two threads (readCsvHistory): its rows from a
 * byte offset to the end, into an accumulator that keeps sources as written, for the first
 * part's accumulator to merge. Runs in a worker thread (historyPartWorker.ts), or in process.
 */
import { HistoryAccumulator, MAX_SOURCES, type HistoryPartState } from '../../core/history/historyAccumulator';
import type { HistoryMapping, HistoryOptions } from '../../core/history/historyTypes';
import { CsvFileReader, type RaggedRows } from './csvFileReader';

/** Everything a part needs, as plain data (it is posted to a worker). */
export interface HistoryPartJob {
  readonly path: string;
  /** Where the part starts: just after a line break, assumed to be between records. */
  readonly start: number;
  readonly header: readonly string[];
  /** The columns the first part decodes (the mapped ones). */
  readonly columns: readonly number[];
  readonly mapping: HistoryMapping;
  readonly maxSkippedExamples?: number;
  /** The day/month order of a/b/yyyy dates, as the first part reads them (a second reading fixes it). */
  readonly dateOrder?: HistoryOptions['dateOrder'];
}

export interface PartProgress {
  readonly bytesRead: number;
  readonly rows: number;
}

export type HistoryPartOutcome =
  | { readonly ok: true; readonly rows: number; readonly state: HistoryPartState; readonly ragged: RaggedRows }
  /** The part cannot be used: the first part then reads on to the end itself. */
  | { readonly ok: false; readonly reason: string };

/**
 * A part keeps every distinct source text apart (merge groups them); past this many it gives up,
 * as exact grouping is no longer cheap: the first part then reads the whole file. Only a source
 * column with a value per row (an e-mail mapped by mistake) gets here.
 */
export const PART_SOURCE_LIMIT = 4 * MAX_SOURCES;

/**
 * Reads the part and accumulates it. Never throws: an unreadable part (an unclosed quote, which
 * is what a wrong guess at the split looks like, or anything else) is `ok: false`, and the first
 * part, reading on, meets the same problem where it really is and reports it.
 */
export async function readHistoryPart(
  job: HistoryPartJob,
  onProgress?: (progress: PartProgress) => void,
  cancelled: () => boolean = () => false,
): Promise<HistoryPartOutcome> {
  try {
    const accumulator = HistoryAccumulator.forPart(job.header, job.mapping, job.maxSkippedExamples, job.dateOrder);
    const reader = new CsvFileReader(
      job.path,
      () => undefined,
      (cells, line) => accumulator.addRow(cells, line),
      { header: job.header, columns: job.columns },
    );
    let tooManySources = false;
    await reader.read(job.start, {
      ...(onProgress ? { onChunk: () => onProgress({ bytesRead: reader.bytesRead, rows: reader.rows }) } : {}),
      stop: () => {
        tooManySources = accumulator.sourceCount > PART_SOURCE_LIMIT;
        return tooManySources || cancelled();
      },
    });
    if (tooManySources) return { ok: false, reason: `more than ${PART_SOURCE_LIMIT} distinct sources` };
    if (cancelled()) return { ok: false, reason: 'cancelled' };
    reader.finish();
    return { ok: true, rows: reader.rows, state: accumulator.partState(), ragged: reader.ragged };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
