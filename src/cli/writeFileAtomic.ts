/** Writes a file through a temporary sibling and a rename, so a failed write never leaves half a file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './cliError';

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the name is too long',
};

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
    if (typeof code === 'string') throw new InputError(`cannot write ${path}: ${WHY[code] ?? code}`);
    throw error;
  }
}
