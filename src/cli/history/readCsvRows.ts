/** Streams a CSV export from disk a megabyte at a time: header first, then each data row with the line it starts on. */
import { cliText } from '../cliLang';
import { statSync } from 'node:fs';
import { InputError } from '../cliError';
import { CsvFileReader, type RaggedRows } from './csvFileReader';
import type { HeaderHandler, RowHandler } from './rowHandlers';

export type { HeaderHandler, RowHandler } from './rowHandlers';

export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  /** Data rows so far (blank lines not counted). */
  readonly rows: number;
}

export interface ReadRowsOptions {
  /** Called after each chunk of the file. */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** Bytes read at a time; large chunks keep per-chunk overhead negligible. */
  readonly chunkBytes?: number;
  /** Stop after the header row (for `rates --sql`, which needs only the column names). */
  readonly headerOnly?: boolean;
}

export interface ReadRowsResult {
  /** Data rows read; blank lines and rows of only empty cells are skipped and not counted. */
  readonly rows: number;
  /** CSV rows with fewer or more cells than the header (not for .xlsx). */
  readonly ragged?: RaggedRows;
}

/** Reads the whole file (or only its header) in order, on this thread. */
export async function readCsvRows(
  path: string,
  onHeader: HeaderHandler,
  onRow: RowHandler,
  options: ReadRowsOptions = {},
): Promise<ReadRowsResult> {
  const totalBytes = statSync(path).size;
  const reader = new CsvFileReader(path, onHeader, onRow);
  const onProgress = options.onProgress;
  await reader.read(0, {
    ...(options.chunkBytes !== undefined ? { chunkBytes: options.chunkBytes } : {}),
    ...(onProgress ? { onChunk: () => onProgress({ bytesRead: reader.bytesRead, totalBytes, rows: reader.rows }) } : {}),
    ...(options.headerOnly ? { stop: () => reader.headerRow !== null } : {}),
  });
  if (!(options.headerOnly && reader.headerRow !== null)) reader.finish();
  if (reader.headerRow === null) throw new InputError(cliText().readers.empty(path));
  return { rows: reader.rows, ragged: reader.ragged };
}
