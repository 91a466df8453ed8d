/**
 * The CSV rows of one file, read a byte range at a time: the whole file in order (readCsvRows),
 * or, for a file split between two threads, its first part, then, only if the split turns out
 * not to fall between records, the rest (readCsvHistory).
 */
import { createReadStream } from 'node:fs';
import { InputError } from '../cliError';
import { CsvRecordParser, UnclosedQuoteError } from './csvRecordParser';
import type { HeaderHandler, RowHandler } from './rowHandlers';
import { lineOfByte, Utf8Check } from './utf8Check';
import { cliText } from '../cliLang';

/** Bytes read at a time: large chunks keep per-chunk overhead negligible. */
export const CHUNK_BYTES = 1 << 20;

/** For a reader that starts after the header: the header as read, and the columns to decode. */
export interface KnownHeader {
  readonly header: readonly string[];
  readonly columns: readonly number[] | null;
}

export interface ReadRangeOptions {
  /** Default: the end of the file. */
  readonly end?: number;
  readonly chunkBytes?: number;
  /** Called after each chunk. */
  readonly onChunk?: () => void;
  /** Checked after each chunk: true stops reading (what was read stays read). */
  readonly stop?: () => boolean;
}

function unsupportedEncoding(path: string, first: Buffer): InputError | null {
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
    return new InputError(cliText().readers.utf16(path));
  }
  // UTF-16 without a byte-order mark: every other byte of ASCII text is a NUL, which UTF-8 allows.
  if (first.length >= 2 && (first[0] === 0 || first[1] === 0)) {
    return new InputError(cliText().readers.utf16NoBom(path));
  }
  return null;
}

/** How many ragged rows' lines are kept to name them. */
export const MAX_RAGGED_LINES = 10;

export interface RaggedRows {
  readonly count: number;
  /** The first MAX_RAGGED_LINES of them, by the line they start on. */
  readonly lines: readonly number[];
}

/** Merges the ragged rows of a part read after `first` (its lines offset by `lineOffset`). */
export function mergeRagged(first: RaggedRows, part: RaggedRows, lineOffset: number): RaggedRows {
  return { count: first.count + part.count, lines: [...first.lines, ...part.lines.map((l) => l + lineOffset)].slice(0, MAX_RAGGED_LINES) };
}

export class CsvFileReader {
  private header: readonly string[] | null = null;
  private rowCount = 0;
  private readonly parser: CsvRecordParser;
  /** False until the first bytes of the file are seen: the BOM and UTF-16 checks apply there only. */
  private started: boolean;
  /** The file's first bytes, while there are too few to tell whether they are a BOM. */
  private head: Buffer | null = null;
  private bytes = 0;
  private raggedCount = 0;
  private readonly raggedLines: number[] = [];
  /** Every byte read is checked to be UTF-8; created at the first read, from its start offset. */
  private utf8: Utf8Check | null = null;

  /**
   * `known`: this reader starts after the header, at a record boundary (its line 1 is the
   * first line it reads); `onHeader` is then not called.
   */
  constructor(
    private readonly path: string,
    onHeader: HeaderHandler,
    onRow: RowHandler,
    known?: KnownHeader,
  ) {
    // The parser takes bytes as latin1 text and decodes cells from UTF-8 (csvRecordParser.ts):
    // no StringDecoder, whose UTF-8 decoding of every byte was 15% of the benchmark's time.
    // (TextDecoder decodes faster but returns two-byte strings for any non-ASCII text, which
    // made parsing slower and peak memory 40 MB higher.)
    this.parser = new CsvRecordParser((cells, line, blank, fields) => {
      if (blank) return;
      const header = this.header;
      if (header === null) {
        this.header = cells;
        const columns = onHeader(cells, line);
        this.parser.selectColumns(columns ?? null, cells.length);
        return;
      }
      this.rowCount++;
      if (fields !== header.length) {
        this.raggedCount++;
        if (this.raggedLines.length < MAX_RAGGED_LINES) this.raggedLines.push(line);
      }
      // Before selectColumns runs with a filter, rows come back as long as they are written.
      if (cells.length !== header.length) cells = padTo(cells, header.length);
      onRow(cells, line);
    }, true);
    if (known) {
      this.header = known.header;
      this.parser.selectColumns(known.columns, known.header.length);
      this.started = true;
    } else {
      this.parser.selectColumns(null, 0);
      this.started = false;
    }
  }

  /** Data rows so far (blank lines and rows of only empty cells are not counted). */
  get rows(): number {
    return this.rowCount;
  }

  /** Data rows with fewer or more cells than the header (read padded with '' or cut), and the first lines of them. */
  get ragged(): RaggedRows {
    return { count: this.raggedCount, lines: [...this.raggedLines] };
  }

  get headerRow(): readonly string[] | null {
    return this.header;
  }

  get bytesRead(): number {
    return this.bytes;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.parser.line;
  }

  /** True when everything read so far ends with a whole record (not inside quotes, not mid-line). */
  get atRecordBoundary(): boolean {
    return this.parser.pending === 0;
  }

  /** Feeds bytes [start, options.end) of the file, continuing where the last read left off. */
  async read(start: number, options: ReadRangeOptions = {}): Promise<void> {
    const end = options.end ?? Infinity;
    if (start >= end) return;
    this.utf8 ??= new Utf8Check(start, (offset, bytes) => notUtf8(this.path, offset, bytes));
    const stream = createReadStream(this.path, {
      start,
      ...(end === Infinity ? {} : { end: end - 1 }),
      highWaterMark: options.chunkBytes ?? CHUNK_BYTES,
    });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.write(chunk);
        options.onChunk?.();
        if (options.stop?.()) return;
      }
    } finally {
      stream.destroy();
    }
  }

  /** The file has ended: parses what is left (a last record without a line break). */
  finish(): void {
    if (this.head !== null) this.begin(this.head);
    this.utf8?.end();
    this.guard(() => this.parser.end());
  }

  private write(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.started) {
      this.utf8?.push(chunk);
      this.push(chunk);
      return;
    }
    const head = this.head === null ? chunk : Buffer.concat([this.head, chunk]);
    if (head.length < 3) this.head = head;
    else this.begin(head);
  }

  /** The file's first bytes (all of them, or at least three). */
  private begin(head: Buffer): void {
    this.head = null;
    this.started = true;
    const bad = unsupportedEncoding(this.path, head);
    if (bad) throw bad;
    this.utf8?.push(head);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf; // the UTF-8 BOM Excel writes
    this.push(bom ? head.subarray(3) : head);
  }

  private push(bytes: Buffer): void {
    const text = bytes.toString('latin1');
    this.guard(() => this.parser.push(text));
  }

  private guard(parse: () => void): void {
    try {
      parse();
    } catch (error) {
      if (error instanceof UnclosedQuoteError) throw new InputError(cliText().readers.unclosedQuote(this.path, error.line));
      throw error;
    }
  }
}

/** A byte that is not UTF-8, by the line it is on (counted from the file's start), with what it looks like. */
function notUtf8(path: string, offset: number, bytes: Buffer): InputError {
  const hex = [...bytes].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  const t = cliText().files;
  return new InputError(t.exportNotUtf8(path, lineOfByte(path, offset), hex), [t.saveAsUtf8]);
}

function padTo(cells: string[], width: number): string[] {
  if (cells.length > width) return cells.slice(0, width);
  const out = cells.slice();
  while (out.length < width) out.push('');
  return out;
}
