/** The fingerprint of a sheet as it is now, comparable with the one its owner marker recorded when written. */
import { fingerprintSheet, legacyFingerprint } from './fingerprint';
import type { SheetContents, WorkbookPort } from './port';

export function contentFingerprint(port: WorkbookPort, sheet: string): string {
  const contents = port.readCells(sheet);
  return fingerprintSheet([contents], contents);
}

/** Whether the sheet still holds what a marker's fingerprint recorded (by this version, or by 0.1: legacyFingerprint); one read. */
export function matchesFingerprint(port: WorkbookPort, sheet: string, recorded: string | undefined): { now: string; matches: boolean; contents: SheetContents } {
  const contents = port.readCells(sheet);
  const now = fingerprintSheet([contents], contents);
  return { now, matches: recorded !== undefined && (recorded === now || recorded === legacyFingerprint([contents])), contents };
}
