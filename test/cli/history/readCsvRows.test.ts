/** Streaming a messy CSV export from disk: BOM, CRLF, quoted line breaks, blank lines, extra and ragged columns, any chunk size. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../src/cli/cliError';
import { readCsvRows, type ReadProgress } from '../../../src/cli/history/readCsvRows';

const dir = mkdtempSync(join(tmpdir(), 'fp-csv-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// Line numbers as an editor shows them:
//  1 header (after a BOM)          5 "…second line of the note"   9 (blank)
//  2 Müller, all five dates        6 a row with an extra cell     10 ragged: two cells only
//  3 (blank)                       7 ,,,,, (only empty cells)     11 last row, no final CRLF
//  4 a quoted note starts here     8 (spaces)
const MESSY =
  '\uFEFFEmail,Notes,Became a Lead Date,Original Source,Became a Customer Date\r\n' +
  'müller@example.com,"Müller, Jürgen",2024-01-01,Web,2024-03-01\r\n' +
  '\r\n' +
  'b@example.com,"a note ""quoted""\r\nsecond line of the note",2024-01-02,Event,\r\n' +
  'c@example.com,,2024-01-03,Web,,EXTRA\r\n' +
  ',,,,\r\n' +
  '   \r\n' +
  '\r\n' +
  'd@example.com,x\r\n' +
  'e@example.com,"",2024-01-05,"Web",2024-02-01';

const EXPECTED_HEADER = ['Email', 'Notes', 'Became a Lead Date', 'Original Source', 'Became a Customer Date'];
const EXPECTED_ROWS: [string[], number][] = [
  [['müller@example.com', 'Müller, Jürgen', '2024-01-01', 'Web', '2024-03-01'], 2],
  [['b@example.com', 'a note "quoted"\r\nsecond line of the note', '2024-01-02', 'Event', ''], 4],
  [['c@example.com', '', '2024-01-03', 'Web', ''], 6],
  [['d@example.com', 'x', '', '', ''], 10],
  [['e@example.com', '', '2024-01-05', 'Web', '2024-02-01'], 11],
];

async function readAll(path: string, options: Parameters<typeof readCsvRows>[3] = {}, columns?: number[]) {
  let header: string[] = [];
  let headerLine = 0;
  const rows: [unknown[], number][] = [];
  const result = await readCsvRows(
    path,
    (h, line) => {
      header = h;
      headerLine = line;
      return columns;
    },
    (cells, line) => void rows.push([cells, line]),
    options,
  );
  return { header, headerLine, rows, result };
}

describe('readCsvRows', () => {
  const messy = file('messy.csv', MESSY);

  it('reads the header without the BOM and every row with the line it starts on; blank lines are skipped, not counted', async () => {
    const { header, headerLine, rows, result } = await readAll(messy);
    expect(header).toEqual(EXPECTED_HEADER);
    expect(headerLine).toBe(1);
    expect(rows).toEqual(EXPECTED_ROWS);
    expect(result.rows).toBe(5);
  });

  it('gives the same rows whatever the chunk size, even with characters and CRLFs split between chunks', async () => {
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      const { header, rows } = await readAll(messy, { chunkBytes });
      expect(header).toEqual(EXPECTED_HEADER);
      expect(rows).toEqual(EXPECTED_ROWS);
    }
  });

  it('decodes only the columns the header handler asks for', async () => {
    const { rows } = await readAll(messy, { chunkBytes: 16 }, [2, 4]);
    expect(rows.map(([cells]) => cells)).toEqual(EXPECTED_ROWS.map(([cells]) => cells.map((c, i) => (i === 2 || i === 4 ? c : ''))));
    expect(rows.map(([, line]) => line)).toEqual([2, 4, 6, 10, 11]);
  });

  it('numbers rows after leading blank lines and LF-only files by their lines too', async () => {
    const { headerLine, rows } = await readAll(file('lf.csv', '\n\nA,B\n1,2\n\n3,4\n'));
    expect(headerLine).toBe(3);
    expect(rows).toEqual([
      [['1', '2'], 4],
      [['3', '4'], 6],
    ]);
  });

  it('reports progress in bytes and rows', async () => {
    const seen: ReadProgress[] = [];
    await readAll(messy, { chunkBytes: 32, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(3);
    const last = seen[seen.length - 1];
    expect(last.totalBytes).toBe(Buffer.byteLength(MESSY));
    expect(last.bytesRead).toBe(last.totalBytes);
    expect(seen.map((p) => p.rows)).toEqual([...seen.map((p) => p.rows)].sort((a, b) => a - b));
  });

  it('reads a file shorter than a BOM, and a BOM cut between chunks, and a cell of only no-break spaces as blank', async () => {
    expect((await readAll(file('tiny.csv', 'A'))).header).toEqual(['A']);
    for (const chunkBytes of [1, 2, 4]) {
      const { header, rows } = await readAll(file('bom.csv', '\uFEFFA,B\n\u00a0,\u00a0\n1,é\n'), { chunkBytes });
      expect(header).toEqual(['A', 'B']);
      expect(rows).toEqual([[['1', 'é'], 3]]);
    }
  });

  it('stops after the header when asked', async () => {
    const { header, rows } = await readAll(messy, { headerOnly: true, chunkBytes: 100 });
    expect(header).toEqual(EXPECTED_HEADER);
    expect(rows).toEqual([]);
  });

  it('refuses an empty file, a UTF-16 file and an unclosed quote with input errors naming the file and line', async () => {
    await expect(readAll(file('empty.csv', '\r\n\r\n'))).rejects.toThrow(/empty\.csv is empty/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A,B\r\n1,2\r\n', 'utf16le')]);
    await expect(readAll(file('utf16.csv', utf16))).rejects.toThrow(/UTF-16.*CSV UTF-8/);
    const open = readAll(file('open.csv', 'A,B\n1,2\n3,"never closed\n4,5\n'));
    await expect(open).rejects.toBeInstanceOf(InputError);
    await expect(readAll(file('open2.csv', 'A,B\n1,2\n3,"never closed\n4,5\n'))).rejects.toThrow(/open2\.csv, line 3: a quoted field opens here/);
  });
});
