/** Reads a JSON file, saying where it is malformed (line and column) rather than throwing. */
import { readFileSync } from 'node:fs';
import { ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import { InputError } from './cliError';

const PROBLEMS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon (:) was expected',
  CommaExpected: 'a comma (,) was expected',
  CloseBraceExpected: 'a closing brace (}) was expected',
  CloseBracketExpected: 'a closing bracket (]) was expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'an unfinished comment',
  UnexpectedEndOfString: 'an unfinished string',
  UnexpectedEndOfNumber: 'an unfinished number',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape character',
  InvalidCharacter: 'an invalid character in a string',
};

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
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : String(code ?? error);
    throw new InputError(`cannot read ${path}: ${why}`);
  }
}

export function parseJsonText(text: string, where: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new InputError(`${where} is empty: expected a JSON plan`);
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = errors[0];
    const { line, column } = lineAndColumn(source, first.offset);
    const code = printParseErrorCode(first.error);
    throw new InputError(`${where} is not valid JSON: ${PROBLEMS[code] ?? code} at line ${line}, column ${column}`);
  }
  return value;
}

export function readJsonFile(path: string): unknown {
  return parseJsonText(readTextFile(path), path);
}
