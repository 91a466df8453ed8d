/** The fingerprint of a sheet as it is now, comparable with the one its owner marker recorded when written. */
import { fingerprintSheet } from './fingerprint';
import type { WorkbookPort } from './port';

export function contentFingerprint(port: WorkbookPort, sheet: string): string {
  const contents = port.readCells(sheet);
  return fingerprintSheet([contents], contents);
}
