/** Streams one sheet of an .xlsx export (Excel "Save As" of a CRM export) row by row with exceljs's streaming reader. */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { InputError } from '../cliError';
import { onStreamedSheetPart } from '../xlsx/exceljsInternals';
import { dropRootPrefix, relsPartOf, sheetParts, workbookPart, type SheetPart } from '../xlsx/xlsxPackage';
import { readZip, readZipFileEntries, zipFileEntryNames } from '../xlsx/zipArchive';
import { quoteSheet, cellAddress } from '../../workbook/a1';
import { cliText } from '../cliLang';
import type { HeaderHandler, ReadProgress, ReadRowsOptions, ReadRowsResult, RowHandler } from './readCsvRows';

export interface ReadXlsxOptions extends ReadRowsOptions {
  /** The sheet to read; default: the first sheet of the workbook. */
  readonly sheet?: string;
}

/** Where exceljs's streaming reader finds a sheet: it reads only parts named like this. */
const STREAMED_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

interface PackageLayout {
  /** The sheets in workbook order. */
  readonly sheets: readonly SheetPart[];
  /** Whether exceljs can stream the file as it is, or needs a tidied copy (xlsxPackage.ts). */
  readonly streamable: boolean;
}

/**
 * The sheet names, read from the workbook part and its relationships before streaming. exceljs
 * names a streamed sheet only when its relationship target is exactly `worksheets/sheetN.xml`;
 * openpyxl (so pandas) writes `/xl/worksheets/sheet1.xml`, and every sheet came out "undefined".
 */
function packageLayout(path: string): PackageLayout {
  const read = (wanted: readonly string[]) => {
    const found = readZipFileEntries(path, (name) => wanted.includes(name.replace(/^\/+/, '')));
    return { parts: new Map([...found].map(([name, data]) => [name.replace(/^\/+/, ''), data] as const)), slashed: [...found.keys()].some((n) => n.startsWith('/')) };
  };
  const root = read(['_rels/.rels']);
  const book = workbookPart(root.parts);
  const { parts, slashed } = read([book, relsPartOf(book)]);
  const sheets = sheetParts(parts, book);
  const bookXml = parts.get(book)?.toString('utf8') ?? '';
  // exceljs's streaming reader loses a sheet that is the zip's last entry when sheets wait for
  // the workbook part in temporary files (no shared strings): seen with pandas' parts reordered.
  const entries = zipFileEntryNames(path).filter((n) => !n.endsWith('/'));
  const sheetLast = STREAMED_PART.test(entries[entries.length - 1] ?? '');
  // Nor does it wait for the workbook part when sheets come first (exceljs writes it last): it then
  // sometimes parses a sheet before the workbook ("reading 'sheets'" of undefined, under load).
  const firstSheet = entries.findIndex((n) => STREAMED_PART.test(n));
  const bookFirst = firstSheet < 0 || (entries.indexOf(book) >= 0 && entries.indexOf(book) < firstSheet);
  const streamable =
    !slashed && !sheetLast && bookFirst && book === 'xl/workbook.xml' && dropRootPrefix(bookXml) === bookXml && sheets.every((s) => s.part === undefined || STREAMED_PART.test(s.part));
  return { sheets, streamable };
}

/**
 * A cell as the history core reads it: text, a number (an Excel serial for dates the file
 * did not format as dates), a Date (exceljs turns date-formatted cells into naive-UTC Dates),
 * a boolean, or null. Formulas give their cached result; rich text and hyperlinks their text.
 */
function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
  if ('result' in v) return plainValue(v.result);
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('text' in v) return plainValue(v.text);
  if (typeof v.error === 'string') return v.error;
  return '';
}

/**
 * A formula whose result the file does not hold (openpyxl and pandas write `=A2+1` with no
 * cached value): it would read as blank, "not reached". exceljs's streaming reader also drops a
 * cached 0 or "" the same way, so those are refused too — only in the columns that are read.
 */
function isFormulaWithoutResult(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  const v = value as { formula?: unknown; sharedFormula?: unknown; result?: unknown };
  return (v.formula !== undefined || v.sharedFormula !== undefined) && (v.result === undefined || v.result === null || v.result === '');
}

function isBlank(cells: readonly unknown[]): boolean {
  return cells.every((c) => c === '' || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Reads the header (the first non-empty row) and then every data row, each with its Excel row
 * number — the number the user sees at the left of the sheet. Empty rows are skipped and not
 * counted. Memory stays flat: exceljs parses the sheet's XML as it is unzipped.
 */
export async function readXlsxRows(
  path: string,
  onHeader: HeaderHandler,
  onRow: RowHandler,
  options: ReadXlsxOptions = {},
): Promise<ReadRowsResult> {
  let layout: PackageLayout;
  try {
    layout = packageLayout(path);
  } catch {
    // A zip this reader does not follow (zip64, a damaged directory): exceljs streams it as it can,
    // and its own failure, if any, is reported below.
    layout = { sheets: [], streamable: true };
  }
  // The streaming reader tells the N of each sheetN.xml it reads; this says which sheet that is.
  const namesByNumber = (sheets: readonly SheetPart[]) =>
    new Map(sheets.flatMap((s) => (s.part && STREAMED_PART.test(s.part) ? [[(STREAMED_PART.exec(s.part) as RegExpExecArray)[1], s.name] as const] : [])));
  let names = namesByNumber(layout.sheets);
  const target = options.sheet ?? layout.sheets[0]?.name;
  let input: Readable;
  let totalBytes: number;
  if (layout.streamable) {
    totalBytes = statSync(path).size;
    input = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
  } else {
    // Parts named or prefixed in a way the streaming reader does not follow: read a tidied copy
    // from memory instead (such files come from small tools, not from 200 MB CRM exports).
    const { tidyXlsxPackage } = await import('../xlsx/xlsxPackage');
    const tidied = tidyXlsxPackage(readFileSync(path));
    totalBytes = tidied.length;
    input = Readable.from([tidied]);
    names = namesByNumber(sheetParts(readZip(tidied)));
  }
  let bytesRead = 0;
  const counted = input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytesRead += chunk.length;
        done(null, chunk);
      },
    }),
  );
  // Loaded on demand: exceljs takes a fifth of a second to load, and most exports are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed to know which numbers are dates
    hyperlinks: 'ignore',
    entries: 'emit', // tells which sheet part each streamed sheet is
  });
  let sheetNo = '';
  onStreamedSheetPart(reader, (n) => {
    sheetNo = n;
  });
  let header: string[] | null = null;
  let width = 0;
  /** The columns the caller reads (all, when it did not say): a formula without a result there is refused. */
  let checked: readonly number[] = [];
  let rows = 0;
  let found = false;
  const seen: string[] = [];
  const report = () => options.onProgress?.({ bytesRead, totalBytes, rows } satisfies ReadProgress);
  try {
    for await (const worksheet of reader) {
      const name = names.get(sheetNo) ?? (worksheet as unknown as { name: string }).name;
      seen.push(name);
      // Other sheets must still be read through: the zip is one stream.
      const wanted = !found && (target === undefined ? seen.length === 1 : name === target);
      for await (const row of worksheet) {
        if (!wanted || (options.headerOnly && header !== null)) continue;
        const values = row.values as unknown[];
        if (header === null) {
          const cells = values.slice(1).map((v) => {
            const p = plainValue(v);
            return p instanceof Date ? p.toISOString() : String(p);
          });
          if (isBlank(cells)) continue;
          header = cells;
          width = cells.length;
          const read = onHeader(header, row.number);
          checked = read ? read.filter((c) => c >= 0 && c < width) : cells.map((_, c) => c);
          continue;
        }
        for (const c of checked) {
          if (isFormulaWithoutResult(values[c + 1])) throw new InputError(`${path}: ${cliText().files.formulaNoResult(`${quoteSheet(name)}!${cellAddress(row.number, c + 1)}`)}`);
        }
        const cells = new Array<unknown>(width);
        for (let c = 0; c < width; c++) cells[c] = plainValue(values[c + 1]);
        if (isBlank(cells)) continue;
        rows++;
        onRow(cells, row.number);
        if ((rows & 0x3fff) === 0) report();
      }
      if (wanted) found = true;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // A CSV renamed to .xlsx, or a damaged file, fails inside unzip with a cryptic message.
    if (header === null) throw new InputError(cliText().readers.notXlsx(path, message), [], error);
    throw error;
  } finally {
    input.destroy();
    counted.destroy();
  }
  report();
  if (!found) {
    const all = layout.sheets.length > 0 ? layout.sheets.map((s) => s.name) : seen;
    if (options.sheet === undefined) throw new InputError(cliText().readers.noSheets(path));
    throw new InputError(cliText().readers.noSuchSheet(path, JSON.stringify(target), all.map((s) => JSON.stringify(s)).join(', ')));
  }
  if (header === null) throw new InputError(cliText().readers.emptySheet(path, String(target ?? seen[0])));
  return { rows };
}
