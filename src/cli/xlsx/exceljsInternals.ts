/**
 * The one place that writes exceljs state its types do not offer: the order sheets are written
 * in. Kept here, behind one function, with a test on the written file (exceljsInternals.test.ts),
 * so an exceljs upgrade that renames the field fails that test instead of silently writing
 * sheets in the wrong order.
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
