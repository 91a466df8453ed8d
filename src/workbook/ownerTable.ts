/**
 * Owner markers kept as rows of a hidden sheet: how an .xlsx records which sheets Funnel
 * Planner wrote (exceljs has no developer metadata). Google Sheets reads the same rows
 * when such a workbook is uploaded. A row names a sheet by name only, so a sheet the user
 * made later under that name would match it too: such markers come back with `byNameOnly`,
 * and a regenerate trusts them only while the sheet's contents still match the fingerprint.
 */
import { CorruptOwnerMarkerError } from './sheetRefusal';
import type { CellValue, OwnerMarker } from './sheetTypes';

export const OWNER_SHEET = '_funnel_planner';
export const OWNER_HEADER = ['sheet', 'kind', 'version', 'generatedOn', 'fingerprint'] as const;

/** The marker row for `sheet` in the owner table's values (header first), if any; a row we cannot read throws CorruptOwnerMarkerError. */
export function ownerFromTable(values: readonly (readonly CellValue[])[], sheet: string): OwnerMarker | undefined {
  const row = values.slice(1).find((r) => r[0] === sheet);
  if (!row) return undefined;
  const [kind, version, generatedOn, fingerprint] = row.slice(1, 5).map((v) => String(v ?? ''));
  if (kind === '' || !/^[0-9a-f]{8}$/.test(fingerprint)) throw new CorruptOwnerMarkerError(sheet);
  return { kind, version, generatedOn, fingerprint, byNameOnly: true };
}
