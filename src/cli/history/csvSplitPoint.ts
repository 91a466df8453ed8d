/** Where to cut a CSV file in two for two threads: just after a line break near the middle. */
import { closeSync, openSync, readSync } from 'node:fs';

/** How far past the middle to look for a line break (a record longer than this: no split). */
const SEARCH_BYTES = 1 << 16;
const LF = 10;

/**
 * The byte just after the first LF at or after the middle of a file of `size` bytes, or null
 * when there is none within 64 KB (a file of lone-CR line breaks, or one huge record).
 *
 * The cut is speculative: it assumes that LF is outside quotes. Whoever reads up to it must
 * check that it arrived there at a record boundary (CsvFileReader.atRecordBoundary) before
 * trusting what was read after it. An LF is one byte in UTF-8 and never part of another
 * character, and a CRLF ends at its LF, so the cut never splits a character or a line break.
 */
export function csvSplitPoint(path: string, size: number): number | null {
  const middle = Math.floor(size / 2);
  const buffer = Buffer.alloc(Math.min(SEARCH_BYTES, size - middle));
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, middle);
  } finally {
    closeSync(fd);
  }
  const at = buffer.subarray(0, length).indexOf(LF);
  if (at < 0) return null;
  const split = middle + at + 1;
  return split < size ? split : null;
}
