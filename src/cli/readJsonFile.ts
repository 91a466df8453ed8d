/** Reads a JSON file, saying where it is malformed (line and column) rather than throwing; UTF-8, or UTF-16 with a byte-order mark. */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { InputError } from './cliError';
import { firstInvalidUtf8 } from './history/utf8Check';
import { cliText } from './cliLang';


export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function readTextFile(path: string): string {
  return readFileBytes(path).toString('utf8');
}

function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const t = cliText().files;
    const why = code === 'ENOENT' ? t.noSuchFile : code === 'EISDIR' ? t.isFolder : code === 'EACCES' ? t.permissionDenied : String(code ?? error);
    throw new InputError(t.cannotRead(path, why));
  }
}

export function parseJsonText(text: string, where: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new InputError(cliText().files.emptyPlan(where));
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = errors[0];
    const { line, column } = lineAndColumn(source, first.offset);
    const code = printParseErrorCode(first.error);
    const problems: Readonly<Record<string, string>> = cliText().files.jsonProblems;
    throw new InputError(cliText().files.notJson(where, problems[code] ?? code, line, column));
  }
  return value;
}

/**
 * A plan file's bytes as text. UTF-8 (a BOM is dropped later); UTF-16 with its byte-order
 * mark, as Windows Notepad saves "Unicode", is decoded (LE or BE). Anything else is refused
 * naming the line of the first byte that is not UTF-8, rather than read as U+FFFD into names.
 */
export function decodePlanText(bytes: Buffer, where: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  if (isUtf8(bytes)) return bytes.toString('utf8');
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) {
    throw new InputError(cliText().files.utf16NoBom(where));
  }
  const before = bytes.subarray(0, Math.max(0, firstInvalidUtf8(bytes))).toString('utf8');
  const { line } = lineAndColumn(before, before.length);
  throw new InputError(cliText().files.planNotUtf8(where, line));
}

export function readJsonFile(path: string): unknown {
  return parseJsonText(decodePlanText(readFileBytes(path), path), path);
}
