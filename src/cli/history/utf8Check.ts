/**
 * Is a CSV export UTF-8? Checked chunk by chunk as it streams (Node's native isUtf8, a few ms
 * per 100 MB), so a GBK or Latin-1 value anywhere in the file is refused, naming its line,
 * before it can be read as a mangled source name or a missed column.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/**
 * Length of the trailing bytes of `buf` that start a UTF-8 sequence the buffer does not
 * finish (0–3): they are checked with the next chunk.
 */
function incompleteTail(buf: Buffer): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back];
    if (b < 0x80) return 0; // ASCII: whatever came before is complete
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
    // a continuation byte: look further back
  }
  return 0;
}

/** Index of the first byte of `buf` that is not part of valid UTF-8 (−1 when all is valid); the slow path, after isUtf8 said no. */
export function firstInvalidUtf8(buf: Buffer): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of byte `offset` of a file (CRLF, LF or a lone CR end a line, as the CSV parser counts). */
export function lineOfByte(path: string, offset: number): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  let line = 1;
  let at = 0;
  let prev = 0;
  try {
    while (at < offset) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, offset - at), at);
      if (got === 0) break;
      for (let i = 0; i < got; i++) {
        const c = buf[i];
        // CR ends a line; LF ends one unless it completes a CRLF.
        if (c === 13 || (c === 10 && prev !== 13)) line++;
        prev = c;
      }
      at += got;
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

/** Validates a file's bytes as they stream past; throws `fail(offset)` at the first byte that is not UTF-8. */
export class Utf8Check {
  private tail: Buffer | null = null;
  /** File offset of the first byte of the next chunk. */
  private offset: number;

  constructor(
    start: number,
    private readonly fail: (offset: number, bytes: Buffer) => Error,
  ) {
    this.offset = start;
  }

  /** The next chunk of the file (the first may start mid-file, at a line break). */
  push(chunk: Buffer): void {
    let from = 0;
    const tail = this.tail;
    if (tail !== null) {
      // Finish the sequence the last chunk cut off, without copying the whole chunk.
      const b = tail[0];
      const need = (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) - tail.length;
      if (chunk.length < need) {
        this.tail = Buffer.concat([tail, chunk]);
        this.offset += chunk.length;
        return;
      }
      const joined = Buffer.concat([tail, chunk.subarray(0, need)]);
      if (!isUtf8(joined)) this.raise(joined, this.offset - tail.length);
      this.tail = null;
      from = need;
    }
    const body = from === 0 ? chunk : chunk.subarray(from);
    const start = this.offset + from;
    this.offset += chunk.length;
    const keep = incompleteTail(body);
    const whole = keep === 0 ? body : body.subarray(0, body.length - keep);
    if (keep > 0) this.tail = Buffer.from(body.subarray(body.length - keep));
    if (!isUtf8(whole)) this.raise(whole, start);
  }

  /** The file has ended: a sequence cut off at its end is not UTF-8 either. */
  end(): void {
    if (this.tail !== null) this.raise(this.tail, this.offset - this.tail.length, 0);
  }

  private raise(buf: Buffer, start: number, at = firstInvalidUtf8(buf)): never {
    const i = Math.max(0, at);
    throw this.fail(start + i, buf.subarray(i, i + 4));
  }
}
