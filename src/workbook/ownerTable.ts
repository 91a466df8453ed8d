/**
 * Owner markers kept as rows of a hidden sheet: how an .xlsx records which sheets Funnel
 * Planner wrote (exceljs has no developer metadata). Google Sheets reads the same rows
 * when such a workbook is uploaded, so its plan sheets are still recognised as ours.
 */
import type { CellValue, OwnerMarker } from './port';

export const OWNER_SHEET = '_funnel_planner';
export const OWNER_HEADER = ['sheet', 'kind', 'version', 'generatedOn', 'fingerprint'] as const;

/** The marker row for `sheet` in the owner table's values (header first), if any. */
export function ownerFromTable(values: readonly (readonly CellValue[])[], sheet: string): OwnerMarker | undefined {
  const row = values.slice(1).find((r) => r[0] === sheet);
  if (!row) return undefined;
  const [kind, version, generatedOn, fingerprint] = row.slice(1, 5).map((v) => String(v ?? ''));
  return { kind, version, generatedOn, fingerprint };
}
