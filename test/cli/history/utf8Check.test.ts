import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstInvalidUtf8, lineOfByte, Utf8Check } from '../../../src/cli/history/utf8Check';

const failAt = (offset: number) => new Error(`bad at ${offset}`);

function check(chunks: Buffer[], start = 0): string {
  const c = new Utf8Check(start, failAt);
  try {
    for (const chunk of chunks) c.push(chunk);
    c.end();
    return 'ok';
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every way to cut `bytes` into two chunks. */
function cuts(bytes: Buffer): Buffer[][] {
  return Array.from({ length: bytes.length + 1 }, (_, i) => [bytes.subarray(0, i), bytes.subarray(i)]);
}

describe('Utf8Check', () => {
  it('accepts UTF-8 cut anywhere, a character split between chunks included', () => {
    const text = Buffer.from('来源,成交时间\n😀,é\n');
    for (const parts of cuts(text)) expect(check(parts)).toBe('ok');
    expect(check([...text].map((b) => Buffer.from([b])))).toBe('ok'); // one byte at a time
  });

  it('finds the first bad byte wherever the chunks are cut, by its file offset', () => {
    const text = Buffer.concat([Buffer.from('ab,成\n'), Buffer.from([0xe9]), Buffer.from('x\n')]); // 0xE9 at offset 7
    for (const parts of cuts(text)) expect(check(parts)).toBe('bad at 7');
    expect(check([text], 100)).toBe('bad at 107'); // a part starting mid-file
  });

  it('refuses a sequence cut off by the end of the file, and overlong or surrogate forms', () => {
    expect(check([Buffer.from([0x61, 0xe6, 0x88])])).toBe('bad at 1');
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from('成'))).toBe(-1);
  });

  it('lineOfByte counts lines as the CSV parser does: CRLF once, a lone CR or LF once each', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fp-utf8-')), 'lines.csv');
    writeFileSync(path, 'a\r\nb\rc\nd');
    expect([0, 3, 5, 7].map((offset) => lineOfByte(path, offset))).toEqual([1, 2, 3, 4]);
  });
});
