/** A CRM export on disk (.csv or .xlsx) → recognised columns → history, streamed through the accumulator. */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { findColumn } from '../../core/history/headerMatch';
import { HistoryAccumulator } from '../../core/history/historyAccumulator';
import type { HistoryMapping, HistoryOptions, HistoryResult } from '../../core/history/historyTypes';
import { recognizeColumns, type AmbiguousStage, type RecognizeOptions } from '../../core/history/recognizeColumns';
import { nothingMeasured } from '../../core/history/nothingMeasured';
import { InputError } from '../cliError';
import { readCsvHistory, type CsvHistorySetup, type CsvSplitOptions } from './readCsvHistory';
import { readCsvRows, type ReadProgress } from './readCsvRows';
import { readXlsxRows } from './readXlsxRows';
import { cliLang, cliText } from '../cliLang';
import { today } from '../outputPaths';

export interface ReadHistoryOptions extends RecognizeOptions, HistoryOptions {
  /** The sheet of an .xlsx export; default: the first. */
  readonly sheet?: string;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** How a big CSV is split between two threads (readCsvHistory.ts); tests set it. */
  readonly split?: CsvSplitOptions;
}

export interface HistoryExport {
  readonly result: HistoryResult;
  readonly mapping: HistoryMapping;
  readonly recognized: readonly { stage: string; column: string }[];
  readonly format: 'csv' | 'xlsx';
}

/** .xlsx by its zip signature, whatever the name says (an export renamed .csv still reads). */
function exportFormat(path: string): 'csv' | 'xlsx' {
  if (!existsSync(path)) throw new InputError(cliText().files.exportMissing(path));
  if (statSync(path).isDirectory()) throw new InputError(cliText().files.exportFolder(path));
  const ext = extname(path).toLowerCase();
  if (ext === '.xls') throw new InputError(cliText().files.oldXls(path));
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4);
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  return head.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/** The header row of an export, without reading its data (for `rates --sql`). */
export async function readExportHeader(path: string, sheet?: string): Promise<string[]> {
  const format = exportFormat(path);
  let header: string[] = [];
  const onHeader = (h: string[]) => {
    header = h;
  };
  if (format === 'xlsx') await readXlsxRows(path, onHeader, () => undefined, { sheet, headerOnly: true });
  else await readCsvRows(path, onHeader, () => undefined, { headerOnly: true });
  return header;
}

/** What recognition says, as an input error, with a hint when the header shows why: not UTF-8, or not comma-separated. */
function recognitionError(path: string, message: string, header: readonly string[], needsMapping: boolean): InputError {
  const hints: string[] = needsMapping ? [cliText().cliHistory.mapHint] : [];
  if (header.some((h) => h.includes('\uFFFD'))) {
    hints.push(cliText().files.headerNotUtf8);
  }
  if (header.length === 1 && /[;\t]/.test(header[0])) {
    hints.push(cliText().files.oneColumn(header[0].includes(';')));
  }
  return new InputError(`${path}: ${message}`, hints);
}

/**
 * Reads the whole export once, holding only what the statistics need (never the rows): the
 * header is recognised first (overrides from `--map` / `--source-column` win), then every row
 * goes through a HistoryAccumulator with the line (CSV) or sheet row (.xlsx) it is on. A CSV of
 * 32 MB or more is read by two threads and merged, with the same result (readCsvHistory.ts).
 */
export async function readHistoryExport(path: string, options: ReadHistoryOptions = {}): Promise<HistoryExport> {
  const first = await readOnce(path, options);
  const unit = first.format === 'xlsx' ? 'row' : 'line';
  const verdict = first.accumulator.dateOrderVerdict(unit, cliLang());
  if (!verdict.ok) {
    throw new InputError(
      `${path}: ${verdict.message}`,
      verdict.kind === 'ambiguous'
        ? [cliText().cliHistory.dateOrderHint]
        : [],
    );
  }
  const read = verdict.rerun ? await readOnce(path, { ...options, dateOrder: verdict.orders }) : first;
  const finished = read.accumulator.finish();
  // The reader saw every cell; with unread columns left blank the accumulator cannot tell a row
  // whose stage cells are all empty from a blank line, so the reader's count is the true one.
  const result = { ...finished, rows: read.rows, ...(read.ambiguous.length > 0 ? { ambiguousColumns: read.ambiguous } : {}), warnings: [...read.warnings, ...finished.warnings] };
  const empty = nothingMeasured(result, unit, cliLang());
  if (empty !== null) throw new InputError(`${path}: ${empty}`);
  return { result, mapping: read.mapping, recognized: read.recognized, format: read.format };
}

interface OneReading {
  readonly accumulator: HistoryAccumulator;
  readonly mapping: HistoryMapping;
  readonly recognized: readonly { stage: string; column: string }[];
  readonly format: 'csv' | 'xlsx';
  readonly rows: number;
  /** Recognition's and the reader's warnings (a stage in two columns, ragged rows). */
  readonly warnings: readonly string[];
  /** Stages recognised in more than one column, as data. */
  readonly ambiguous: readonly AmbiguousStage[];
}

async function readOnce(path: string, options: ReadHistoryOptions): Promise<OneReading> {
  const format = exportFormat(path);
  let warnings: string[] = [];
  let ambiguous: readonly AmbiguousStage[] = [];
  let headerWidth = 0;
  let accumulator: HistoryAccumulator | null = null;
  let mapping: HistoryMapping | null = null;
  let recognized: { stage: string; column: string }[] = [];
  const setup = (header: string[]): CsvHistorySetup => {
    const found = recognizeColumns(header, { ...options, lang: cliLang() });
    if (!found.ok) throw recognitionError(path, found.message, header, found.needsMapping === true);
    mapping = found.mapping;
    recognized = found.recognized;
    warnings = [...found.warnings];
    ambiguous = found.ambiguous;
    headerWidth = header.length;
    let created: HistoryAccumulator;
    try {
      // Core has no clock: today is the user's, for the warning about dates in the future.
      created = new HistoryAccumulator(header, found.mapping, { today: today(), ...options, lang: cliLang(), rowUnit: format === 'csv' ? 'line' : 'row' });
    } catch (error) {
      throw new InputError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    accumulator = created;
    // Only these columns are decoded; the rest of each CSV row is skipped over.
    const columns = [...Object.values(found.mapping.stageColumns), ...(found.mapping.sourceColumn ? [found.mapping.sourceColumn] : [])];
    return { accumulator: created, mapping: found.mapping, columns: columns.map((c) => findColumn(header, c)) };
  };
  const read =
    format === 'xlsx'
      ? await readXlsxRows(path, (header) => setup(header).columns, (cells, line) => (accumulator as HistoryAccumulator | null)?.addRow(cells, line), {
          sheet: options.sheet,
          onProgress: options.onProgress,
        })
      : await readCsvHistory(path, setup, {
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.maxSkippedExamples !== undefined ? { maxSkippedExamples: options.maxSkippedExamples } : {}),
          ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
          ...(options.split ? { split: options.split } : {}),
        });
  const done = accumulator as HistoryAccumulator | null;
  if (!done || !mapping) throw new InputError(cliText().files.noHeaderRow(path));
  const ragged = read.ragged;
  if (ragged && ragged.count > 0) warnings.push(raggedWarning(ragged.count, ragged.lines, headerWidth));
  return { accumulator: done, mapping, recognized, format, rows: read.rows, warnings, ambiguous };
}

/** Rows that do not have the header's cells: often a value with an unquoted comma, which shifts every cell after it. */
function raggedWarning(count: number, lines: readonly number[], width: number): string {
  const shown = lines.join(', ');
  const more = count > lines.length ? ` and ${count - lines.length} more` : '';
  return (
    `${count} ${count === 1 ? 'row has' : 'rows have'} fewer or more cells than the header's ${width} (line${lines.length === 1 ? '' : 's'} ${shown}${more}): ` +
    'read with missing cells blank and extra ones dropped. A value with an unquoted comma shifts the cells after it; check those lines.'
  );
}
