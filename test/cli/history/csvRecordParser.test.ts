/** The hand-written CSV parser against csv-parse and against a model of the records it was written from, on random text in random pieces. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecordParser, UnclosedQuoteError } from '../../../src/cli/history/csvRecordParser';

interface Parsed {
  cells: string[];
  line: number;
  blank: boolean;
}

/** Parses pieces of text; with `select`, the first non-blank record is the header and picks the columns, as readCsvRows does. */
function parseAll(pieces: readonly string[], select?: { columns: number[]; width: number }, utf8Bytes = false): Parsed[] {
  const out: Parsed[] = [];
  let header = false;
  const parser = new CsvRecordParser((cells, line, blank) => {
    out.push({ cells, line, blank });
    if (!header && !blank && select) parser.selectColumns(select.columns, select.width);
    header ||= !blank;
  }, utf8Bytes);
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return out;
}

/** Splits text at the given cut points (any order, duplicates allowed). */
function cut(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = 0;
  for (const p of points) {
    pieces.push(text.slice(at, p));
    at = p;
  }
  pieces.push(text.slice(at));
  return pieces;
}

const isBlankRecord = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
const records = (parsed: Parsed[]) => parsed.filter((p) => !p.blank).map((p) => p.cells);

describe('CsvRecordParser', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, numbering records by their first line', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nlast,,\r\n';
    expect(parseAll([text])).toEqual([
      { cells: ['a', 'b', 'c'], line: 1, blank: false },
      { cells: ['x, y', 'say "hi"', 'two\r\nlines'], line: 2, blank: false },
      { cells: [''], line: 4, blank: true },
      { cells: ['last', '', ''], line: 5, blank: false },
    ]);
  });

  it('takes LF, CRLF and lone CR as line breaks, and a last line without one', () => {
    expect(parseAll(['a\nb\r\nc\rd']).map((p) => [p.cells[0], p.line])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('keeps stray quotes literally, as spreadsheets write them', () => {
    expect(records(parseAll(['5" disk,"quoted"tail,x\n']))).toEqual([['5" disk', 'quotedtail', 'x']]);
  });

  it('flags records of only empty or whitespace fields as blank', () => {
    expect(parseAll([',,\n , \t ,""\nx\n\u00a0\n']).map((p) => p.blank)).toEqual([true, true, false, true]);
  });

  it('names the line where an unclosed quote opens', () => {
    expect(() => parseAll(['a,b\n1,2\n"open,3\n4,5\n'])).toThrow(UnclosedQuoteError);
    expect(() => parseAll(['a,b\n1,2\n"open,3\n4,5\n'])).toThrow('line 3: a quoted field opens here and is never closed');
  });

  it('decodes only the selected columns after the header, padding and trimming to the width', () => {
    const out = parseAll(['h1,h2,h3\na,b,c,d\ne\n'], { columns: [0, 2], width: 3 });
    expect(out.map((p) => p.cells)).toEqual([
      ['h1', 'h2', 'h3'],
      ['a', '', 'c'],
      ['e', '', ''],
    ]);
  });

  it('does not split a CRLF or a doubled quote that falls between two pieces', () => {
    expect(records(parseAll(['a,"x"', '"y"\r', '\nb,c']))).toEqual([
      ['a', 'x"y'],
      ['b', 'c'],
    ]);
    expect(parseAll(['a\r', '\nb']).map((p) => p.line)).toEqual([1, 2]);
  });

  // The model: records as lists of fields, written out the way CSV writers do (quoting what
  // must be quoted, sometimes more), with blank lines between them; parsing must give back
  // the records and the line each starts on, however the text is cut into pieces.
  const field = fc.stringMatching(/^[ab ,"\r\né中]{0,6}$/);
  const doc = fc.record({
    rows: fc.array(
      fc.record({
        fields: fc.array(field, { minLength: 1, maxLength: 5 }),
        quoteAll: fc.boolean(),
        blankLinesBefore: fc.nat({ max: 2 }),
      }),
      { minLength: 0, maxLength: 12 },
    ),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    trailingNewline: fc.boolean(),
    cuts: fc.array(fc.nat(), { maxLength: 8 }),
  });

  interface Doc {
    rows: { fields: string[]; quoteAll: boolean; blankLinesBefore: number }[];
    newline: string;
    trailingNewline: boolean;
  }

  function write(d: Doc): { text: string; expected: { cells: string[]; line: number }[] } {
    let text = '';
    let line = 1;
    const expected: { cells: string[]; line: number }[] = [];
    d.rows.forEach((row, i) => {
      for (let b = 0; b < row.blankLinesBefore; b++) {
        text += d.newline;
        line++;
      }
      const cells = row.fields;
      const written = cells.map((f) => (row.quoteAll || /[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f));
      expected.push({ cells, line });
      text += written.join(',');
      line += cells.join(',').split(/\r\n|\r|\n/).length - 1;
      if (i < d.rows.length - 1 || d.trailingNewline) {
        text += d.newline;
        line++;
      }
    });
    return { text, expected: expected.filter((e) => !isBlankRecord(e.cells)) };
  }

  it('gives back the records and their first lines, whatever the pieces (model-based)', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const { text, expected } = write(d);
        const got = parseAll(cut(text, d.cuts)).filter((p) => !p.blank);
        expect(got.map((p) => ({ cells: p.cells, line: p.line }))).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with csv-parse on every text csv-parse accepts (random CSV text)', () => {
    // Stray quotes make most texts malformed; whole quoted fields keep plenty of them valid.
    const token = fc.constantFrom('a', 'b', ',', '"', '""', ' ', 'é', 'NL', ',"q,""NL",', '"NL"', ',"",');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(), { maxLength: 6 }), (tokens, nl, cuts) => {
        const text = tokens.map((t) => t.replace(/NL/g, nl)).join('');
        let theirs: string[][];
        try {
          theirs = parse(text, { relax_column_count: true, bom: true, record_delimiter: nl }) as string[][];
        } catch {
          return; // malformed for csv-parse: ours may be lenient, nothing to compare
        }
        const ours = records(parseAll(cut(text, cuts)));
        expect(ours).toEqual(theirs.filter((r) => !isBlankRecord(r)));
      }),
      { numRuns: 3000 },
    );
  });

  it('decodes the selected columns exactly as a full parse does (property)', () => {
    fc.assert(
      fc.property(doc, fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (d, columns, width) => {
        const { text } = write(d);
        const full = parseAll([text]).filter((p) => !p.blank);
        const picked = parseAll(cut(text, d.cuts), { columns, width }).filter((p) => !p.blank);
        // The header arrives whole; every later record has `width` cells, only the selected ones filled.
        const expected = full.map((p, i) =>
          i === 0 ? p.cells : Array.from({ length: width }, (_, c) => (columns.includes(c) && c < p.cells.length ? p.cells[c] : '')),
        );
        expect(picked.map((p) => p.cells)).toEqual(expected);
        expect(picked.map((p) => p.line)).toEqual(full.map((p) => p.line));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads UTF-8 bytes given as latin1 text exactly as the decoded text, cut anywhere, even inside a character (property)', () => {
    // No-break spaces make a cell blank only once decoded; 中 and 😀 are three and four bytes.
    const utf8Field = fc.array(fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', 'é', '中', '\u00a0', '😀'), { maxLength: 6 }).map((chars) => chars.join(''));
    const utf8Doc = doc.chain((d) => fc.array(fc.array(utf8Field, { minLength: 1, maxLength: 5 }), { minLength: d.rows.length, maxLength: d.rows.length }).map((fields) => ({ ...d, rows: d.rows.map((r, i) => ({ ...r, fields: fields[i] })) })));
    fc.assert(
      fc.property(utf8Doc, fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 4 }), (d, columns) => {
        const { text } = write(d);
        const bytes = Buffer.from(text, 'utf8').toString('latin1');
        expect(parseAll(cut(bytes, d.cuts), undefined, true)).toEqual(parseAll([text]));
        expect(parseAll(cut(bytes, d.cuts), { columns, width: 5 }, true)).toEqual(parseAll([text], { columns, width: 5 }));
      }),
      { numRuns: 1000 },
    );
  });

  it('turns bytes that are not UTF-8 into U+FFFD in the cells it decodes, as a UTF-8 decoder does', () => {
    const bytes = Buffer.from([0x61, 0x2c, 0xc3, 0x2c, 0x22, 0xff, 0x22, 0x22, 0xa9, 0x22, 0x0a]).toString('latin1'); // a,\xC3,"\xFF""\xA9"
    expect(parseAll([bytes], undefined, true).map((p) => p.cells)).toEqual([['a', '\uFFFD', '\uFFFD"\uFFFD']]);
  });
});
