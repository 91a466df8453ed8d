/**
 * The zip container of an .xlsx, read and written with node:zlib alone: enough to look at a
 * package's parts before exceljs does (which sheet is which, parts other tools name their own
 * way) and to hand exceljs a tidied copy. No zip64, no encryption: .xlsx files do not use them
 * below 4 GB, and a file that does is reported as unreadable rather than misread.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_TAIL = 22 + 0xffff;

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/** Random access to the bytes of an archive: a buffer in memory or an open file. */
interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Buffer;
}

function bufferSource(data: Buffer): ByteSource {
  return { size: data.length, read: (offset, length) => data.subarray(offset, offset + length) };
}

function directory(source: ByteSource): ZipEntryInfo[] {
  const tailLength = Math.min(source.size, MAX_TAIL);
  const tail = source.read(source.size - tailLength, tailLength);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory)');
  const count = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const cd = source.read(offset, size);
  const entries: ZipEntryInfo[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error('damaged zip central directory');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    entries.push({
      name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(source: ByteSource, entry: ZipEntryInfo): Buffer {
  const header = source.read(entry.localOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`damaged zip entry ${entry.name}`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = source.read(start, entry.compressedSize);
  if (entry.method === STORED) return Buffer.from(raw);
  if (entry.method === DEFLATED) return inflateRawSync(raw);
  throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
}

/** Every entry of an archive in memory, by name, in archive order. */
export function readZip(data: Buffer): Map<string, Buffer> {
  const source = bufferSource(data);
  return new Map(directory(source).map((e) => [e.name, entryData(source, e)] as const));
}

/**
 * The entries of an archive on disk that `wanted` picks, reading only the directory and those
 * entries (a 200 MB export's workbook.xml costs a few kilobytes, not the sheet).
 */
export function readZipFileEntries(path: string, wanted: (name: string) => boolean): Map<string, Buffer> {
  const fd = openSync(path, 'r');
  try {
    const source: ByteSource = {
      size: fstatSync(fd).size,
      read: (offset, length) => {
        const out = Buffer.alloc(length);
        const n = readSync(fd, out, 0, length, offset);
        return out.subarray(0, n);
      },
    };
    return new Map(directory(source).filter((e) => wanted(e.name)).map((e) => [e.name, entryData(source, e)] as const));
  } finally {
    closeSync(fd);
  }
}

/** All entry names of an archive on disk. */
export function zipFileEntryNames(path: string): string[] {
  const names: string[] = [];
  readZipFileEntries(path, (name) => {
    names.push(name);
    return false;
  });
  return names;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of the zip format (zlib's own where Node has it, from 20.15). */
function crc32(data: Buffer): number {
  if (typeof zlibCrc32 === 'function') return zlibCrc32(data);
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deflated archive of `entries`, in their order. */
export function writeZip(entries: ReadonlyMap<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(DEFLATED, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(DEFLATED, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
