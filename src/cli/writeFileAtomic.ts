/** Writes a file through a temporary sibling and a rename, so a failed write never leaves half a file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './cliError';
import { cliText } from './cliLang';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The temporary file could not even be created there: nothing to clean up.
    }
    const code = (error as NodeJS.ErrnoException).code;
    // Any file-system refusal is about the path the user gave: exit 2 with a reason, not a bug report.
    if (typeof code === 'string') {
      const why: Readonly<Record<string, string>> = cliText().files.writeProblems;
      throw new InputError(cliText().files.cannotWrite(path, why[code] ?? code));
    }
    throw error;
  }
}
