/** Checks where a command may write: the right extension, and never over its own input file. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './cliError';
import { cliText } from './cliLang';

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses a wrong extension, and any output that is one of the command's input files. */
export function checkOutputPath(option: string, path: string, extension: RegExp, expected: string, inputs: string | undefined | readonly (string | undefined)[]): void {
  if (!extension.test(path)) throw new InputError(cliText().files.wrongExtension(option, JSON.stringify(path), expected));
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.some((input) => input !== undefined && canonical(path) === canonical(input))) {
    throw new InputError(cliText().files.overInput(option, path));
  }
}

/**
 * The user's calendar date, YYYY-MM-DD, in the machine's time zone (TZ): what "Generated on"
 * shows. Not UTC's date, which in Shanghai before 08:00 is still yesterday.
 *
 * @example today(new Date('2026-12-01T23:00:00Z')) // → '2026-12-02' with TZ=Asia/Shanghai
 */
export function today(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
