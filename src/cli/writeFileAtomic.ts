/** Writes a file through a temporary sibling and a rename, so a failed write never leaves half a file. */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from './cliError';

export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EROFS') {
      throw new InputError(`cannot write ${path}: ${code === 'ENOENT' ? 'the folder does not exist' : code === 'EISDIR' ? 'it is a folder' : 'permission denied'}`);
    }
    throw error;
  }
}
