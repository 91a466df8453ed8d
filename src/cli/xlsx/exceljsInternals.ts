/**
 * The places that lean on exceljs beyond its types: the order sheets are written in (an untyped
 * field), re-pointing a named range, and which sheet part a streamed sheet came from (an untyped
 * event). Kept here with tests on written and streamed files (exceljsInternals.test.ts), so an
 * exceljs upgrade that changes them fails those tests instead of silently writing sheets in the
 * wrong order or reading the wrong sheet.
 */
import type ExcelJS from 'exceljs';

/**
 * Sheets in `ordered` order in the written file. exceljs 4 sorts worksheets by an untyped
 * `orderNo` field when it writes (lib/doc/workbook.js); there is no public way to move a sheet.
 */
export function setWorksheetOrder(ordered: readonly ExcelJS.Worksheet[]): void {
  ordered.forEach((worksheet, i) => {
    (worksheet as unknown as { orderNo: number }).orderNo = i;
  });
}

/**
 * Points `name` at `ref` alone. exceljs's `definedNames.add` only adds cells to a name, so the
 * old cells are dropped through the public `model` (name → ranges), which it rebuilds from.
 */
export function replaceDefinedName(workbook: ExcelJS.Workbook, name: string, ref: string): void {
  const others = workbook.definedNames.model.filter((d) => d.name !== name);
  workbook.definedNames.model = others;
  workbook.definedNames.add(ref, name);
}

/**
 * Calls `onSheet` with N before the streaming reader yields the sheet stored as
 * `xl/worksheets/sheetN.xml`: its `entries: 'emit'` option announces each part with an untyped
 * 'entry' event ({ type: 'worksheet', id: N }) right before the sheet. The reader's own sheet
 * names are not used: it names a sheet only when the relationship target is exactly
 * `worksheets/sheetN.xml`, and openpyxl writes `/xl/worksheets/sheetN.xml`.
 */
export function onStreamedSheetPart(reader: ExcelJS.stream.xlsx.WorkbookReader, onSheet: (sheetNumber: string) => void): void {
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type?: string; id?: unknown }) => {
    if (entry.type === 'worksheet') onSheet(String(entry.id));
  });
}
