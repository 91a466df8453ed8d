/** Streaming an .xlsx export: first or named sheet, Excel row numbers, Date cells, serial numbers, formulas and rich text. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsxRows } from '../../../src/cli/history/readXlsxRows';
import { writeExportXlsx } from './exportFixtures';

const dir = mkdtempSync(join(tmpdir(), 'fp-xlsx-'));

async function readAll(path: string, sheet?: string) {
  let header: string[] = [];
  let headerRow = 0;
  const rows: [unknown[], number][] = [];
  const result = await readXlsxRows(
    path,
    (h, row) => {
      header = h;
      headerRow = row;
    },
    (cells, row) => void rows.push([cells, row]),
    sheet === undefined ? {} : { sheet },
  );
  return { header, headerRow, rows, result };
}

describe('readXlsxRows', () => {
  const path = join(dir, 'export.xlsx');
  beforeAll(() => writeExportXlsx(path));

  it('reads the first sheet: header, then rows with their Excel row numbers; Dates and serials pass through', async () => {
    const { header, headerRow, rows, result } = await readAll(path);
    expect(header).toEqual(['Original Source', 'Became a Lead Date', 'Became a Customer Date', 'Notes']);
    expect(headerRow).toBe(2);
    expect(result.rows).toBe(5);
    expect(rows.map(([, n]) => n)).toEqual([3, 4, 6, 7, 8]);
    const [first, second, third, fourth] = rows.map(([cells]) => cells);
    expect(first.slice(0, 3)).toEqual(['Web', new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 11, 12))]);
    // Column B is date-formatted, so its serial arrives as a Date; column C's bare number stays a serial.
    expect(second.slice(0, 3)).toEqual(['Web', new Date(Date.UTC(2024, 0, 1)), 45302.5]);
    expect(third.slice(0, 3)).toEqual(['Event', '2024-01-05', 45305]);
    expect(fourth.slice(0, 3)).toEqual(['Event', 'soon', '']);
  });

  it('reads a sheet by name, and names the sheets when it is missing', async () => {
    const { header, rows } = await readAll(path, 'Notes');
    expect(header).toEqual(['Only', 'notes']);
    expect(rows).toEqual([]);
    await expect(readAll(path, 'Deals')).rejects.toThrow('has no sheet named "Deals"; its sheets are: "Contacts", "Notes"');
  });

  it('says a file that is not a workbook could not be read as one', async () => {
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, Buffer.from('PK\u0003\u0004 definitely not a zip'));
    await expect(readAll(fake)).rejects.toThrow(/could not be read as an \.xlsx workbook/);
  });
});
