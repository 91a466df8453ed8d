/** RFC 4180 CSV records from text fed in pieces, each with the 1-based line it starts on. */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export interface CsvRecordSink {
  /**
   * One record. `cells` holds every field for the header, and later only the columns the
   * filter asks for (others are ''); `blank` is true when every field is empty or whitespace;
   * `fields`: how many fields the record really has (a filtered record is padded or cut to the width).
   */
  (cells: string[], line: number, blank: boolean, fields: number): void;
}

export class UnclosedQuoteError extends Error {
  constructor(readonly line: number) {
    super(`line ${line}: a quoted field opens here and is never closed (a stray " in the file?)`);
    this.name = 'UnclosedQuoteError';
  }
}

/** Counts line breaks in s[from, to): CRLF counts once, a lone CR or LF once each. */
function countBreaks(s: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** indexOf, with "none" as the end of the text so it compares as the farthest position. */
function find(s: string, ch: string, from: number): number {
  const at = s.indexOf(ch, from);
  return at === -1 ? s.length : at;
}

/** True when s[from, to) has a character past ASCII. */
function hasNonAscii(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

/** Text whose characters are UTF-8 bytes (latin1-decoded) → the text those bytes spell. */
function utf8(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/**
 * True when s[from, to) is only whitespace, as String.prototype.trim sees it (the history
 * core's idea of blank); `bytes`: s holds UTF-8 bytes (a no-break space is two of them).
 */
function isSpaces(s: string, from: number, to: number, bytes: boolean): boolean {
  const c = s.charCodeAt(from);
  if (c > 32 && c < 128) return false; // the usual case, decided by the first character
  const text = s.slice(from, to);
  return (bytes ? utf8(text) : text).trim() === '';
}

/**
 * Hand-written rather than csv-parse or papaparse. Reading the 1,000,000-row, 97 MB benchmark
 * export (bench/crmExportCsv.ts) into records, whole process, Node 20 on 2 shared cores, 3 runs:
 *   csv-parse 7 (stream; bom, relax_column_count)   3.0–3.9 s  (~15% more with `info`, for line numbers)
 *   papaparse 5 (stream, step)                      1.2–1.3 s  (no line numbers at all)
 *   this parser, every column                       0.7–1.0 s
 *   this parser, only the columns `rates` reads     0.7–0.9 s  (the whole `rates` run: 5–10% faster, 10–30 MB smaller)
 * The goal is the whole `rates` run within 2× of DuckDB on that file (0.6 s for a bare
 * reached-and-median query, 1.7 s for historySql's full answer). With dates and statistics on
 * top, csv-parse alone is over budget; papaparse leaves too little, and cannot say which line a
 * bad row is on. Here lines are counted while scanning, delimiters are found with native
 * indexOf rather than a per-character loop (2× faster), and columns nobody reads are skipped
 * without allocating strings. test/cli/history/csvRecordParser.test.ts checks it against
 * csv-parse on random CSV text, and against the records a random CSV was written from.
 *
 * Dialect: comma-separated; a field is quoted when it starts with `"`, `""` inside quotes is
 * one `"`, and quoted fields may hold commas and line breaks; a `"` inside an unquoted field
 * and text between a closing quote and the next comma are kept literally (exports from
 * spreadsheets do this); line breaks are LF, CRLF or a lone CR. A quote left open at the end
 * of the text is an error naming the line it opened on.
 */
export class CsvRecordParser {
  private rest = '';
  /** The line the next record starts on. */
  private nextLine = 1;
  /** wanted[i] = 1 when column i is decoded; null: every column. */
  private wanted: Uint8Array | null = null;
  private width = 0;
  /** `width` empty cells: copying a packed array is cheaper than building one. */
  private blankRow: string[] = [];

  /**
   * `utf8Bytes`: the text pushed is UTF-8 bytes, one character per byte (Buffer's latin1
   * decoding), and the cells handed out are decoded from UTF-8 — only the cells, which for the
   * history reader are a handful of short columns out of every row. Splitting fields works on
   * bytes as it does on characters, because the delimiters are ASCII and in UTF-8 an ASCII
   * byte is never part of another character. Decoding a whole 97 MB export as UTF-8 took
   * ~190 ms; as latin1 ~30 ms, and decoding the cells that need it costs little more.
   */
  constructor(
    private readonly sink: CsvRecordSink,
    private readonly utf8Bytes = false,
  ) {}

  /**
   * From now on decode only `columns`, and give every record `width` cells (ragged rows are
   * padded with '', cells past the width are dropped).
   */
  selectColumns(columns: readonly number[] | null, width: number): void {
    this.width = width;
    this.blankRow = new Array<string>(width).fill('');
    if (columns === null) {
      this.wanted = null;
      return;
    }
    this.wanted = new Uint8Array(width);
    for (const c of columns) if (c >= 0 && c < width) this.wanted[c] = 1;
  }

  /** Feeds the next piece of text; a record cut off at its end waits for the next piece. */
  push(text: string): void {
    this.parse(this.rest.length === 0 ? text : this.rest + text, false);
  }

  /** The text has ended: parses what is left. */
  end(): void {
    this.parse(this.rest, true);
    this.rest = '';
  }

  /** The line the next record starts on (1 before any text). */
  get line(): number {
    return this.nextLine;
  }

  /** Text held back waiting for the rest of its record (bounded by the longest record). */
  get pending(): number {
    return this.rest.length;
  }

  private parse(s: string, final: boolean): void {
    const n = s.length;
    let i = 0;
    let line = this.nextLine;
    let recordStart = 0;
    // Where the next delimiter of each kind is: native indexOf searches each stretch of text
    // once, several times faster than testing every character in a loop.
    let nextComma = -1;
    let nextLf = -1;
    let nextCr = -1;
    const bytes = this.utf8Bytes;
    records: while (i < n) {
      recordStart = i;
      const startLine = line;
      const wanted = this.wanted;
      const cells: string[] = wanted === null ? [] : this.blankRow.slice();
      let col = 0;
      let blank = true;
      for (;;) {
        let value = '';
        const first = s.charCodeAt(i);
        if (first === COMMA) {
          // An empty field, the commonest kind in an export (stages not reached): no search.
          if (wanted === null) cells.push('');
          i++;
          col++;
          continue;
        }
        if (first === QUOTE) {
          // A column nobody reads is only stepped over (once the record is known not to be blank).
          const keep = blank || wanted === null || wanted[col] === 1;
          let j = i + 1;
          let segment = j;
          for (;;) {
            const q = s.indexOf('"', j);
            // At the end of a piece a quote may be the first of a doubled pair: wait for more.
            if (q === -1 || (q + 1 === n && !final)) {
              if (!final) break records;
              throw new UnclosedQuoteError(startLine);
            }
            if (s.charCodeAt(q + 1) === QUOTE) {
              if (keep) value += s.slice(segment, q + 1);
              j = q + 2;
              segment = j;
              continue;
            }
            if (keep) value += s.slice(segment, q);
            line += countBreaks(s, i + 1, q);
            i = q + 1;
            break;
          }
          // Text between the closing quote and the delimiter is kept as written.
          if (nextComma < i) nextComma = find(s, ',', i);
          if (nextLf < i) nextLf = find(s, '\n', i);
          if (nextCr < i) nextCr = find(s, '\r', i);
          const k = nextComma < nextLf ? (nextComma < nextCr ? nextComma : nextCr) : nextLf < nextCr ? nextLf : nextCr;
          if (k === n && !final) break records;
          if (keep) {
            if (k > i) value += s.slice(i, k);
            if (blank && value.length > 0 && !isSpaces(value, 0, value.length, bytes)) blank = false;
            if (bytes && (wanted === null || wanted[col] === 1) && hasNonAscii(value, 0, value.length)) value = utf8(value);
          }
          i = k;
        } else {
          if (nextComma < i) nextComma = find(s, ',', i);
          if (nextLf < i) nextLf = find(s, '\n', i);
          if (nextCr < i) nextCr = find(s, '\r', i);
          const j = nextComma < nextLf ? (nextComma < nextCr ? nextComma : nextCr) : nextLf < nextCr ? nextLf : nextCr;
          if (j === n && !final) break records;
          if (blank && j > i && !isSpaces(s, i, j, bytes)) blank = false;
          if (wanted === null || wanted[col] === 1) {
            value = s.slice(i, j);
            if (bytes && hasNonAscii(s, i, j)) value = utf8(value);
          }
          i = j;
        }
        if (wanted === null) cells.push(value);
        else if (wanted[col] === 1) cells[col] = value;
        if (i === n) break; // the last record, without a line break
        const c = s.charCodeAt(i);
        if (c === COMMA) {
          i++;
          col++;
          continue;
        }
        if (c === CR && i + 1 === n && !final) break records; // its LF may start the next piece
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        break;
      }
      this.nextLine = line;
      recordStart = i;
      this.sink(cells, startLine, blank, col + 1);
    }
    // Whatever follows the last whole record waits for the next piece.
    this.rest = final ? '' : s.slice(recordStart);
  }
}
