/** Streams one sheet of an .xlsx export (Excel "Save As" of a CRM export) row by row with exceljs's streaming reader. */
import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { InputError } from '../cliError';
import type { HeaderHandler, ReadProgress, ReadRowsOptions, ReadRowsResult, RowHandler } from './readCsvRows';

export interface ReadXlsxOptions extends ReadRowsOptions {
  /** The sheet to read; default: the first sheet of the workbook. */
  readonly sheet?: string;
}

interface SheetEntry {
  readonly name: string;
  readonly id: number;
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
  const totalBytes = statSync(path).size;
  let bytesRead = 0;
  const input = createReadStream(path, { highWaterMark: options.chunkBytes ?? 1 << 20 });
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
    entries: 'ignore',
  });
  let header: string[] | null = null;
  let width = 0;
  let rows = 0;
  let found = false;
  const seen: string[] = [];
  const report = () => options.onProgress?.({ bytesRead, totalBytes, rows } satisfies ReadProgress);
  try {
    for await (const worksheet of reader) {
      const entry = worksheet as unknown as SheetEntry;
      const sheets = ((reader as unknown as { model?: { sheets?: SheetEntry[] } }).model?.sheets ?? []).map((s) => s.name);
      const target = options.sheet ?? sheets[0] ?? entry.name;
      seen.push(entry.name);
      // Other sheets must still be read through: the zip is one stream.
      const wanted = !found && entry.name === target;
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
          onHeader(header, row.number);
          continue;
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
    if (header === null) throw new InputError(`${path} could not be read as an .xlsx workbook (${message})`);
    throw error;
  } finally {
    input.destroy();
    counted.destroy();
  }
  report();
  if (!found) {
    throw new InputError(`${path} has no sheet named "${options.sheet}"; its sheets are: ${seen.map((s) => JSON.stringify(s)).join(', ')}`);
  }
  if (header === null) throw new InputError(`${path}: the sheet "${options.sheet ?? seen[0]}" is empty: expected a header row and data rows`);
  return { rows };
}
