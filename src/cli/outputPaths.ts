/** Checks where a command may write: the right extension, and never over its own input file. */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './cliError';

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Refuses a wrong extension, and any output that is one of the command's input files. */
export function checkOutputPath(option: string, path: string, extension: RegExp, expected: string, inputs: string | undefined | readonly (string | undefined)[]): void {
  if (!extension.test(path)) throw new InputError(`${option} ${JSON.stringify(path)}: expected a ${expected} file name`);
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.some((input) => input !== undefined && canonical(path) === canonical(input))) {
    throw new InputError(`${option} ${path}: refusing to write over an input file; choose another name`);
  }
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
