/**
 * Writes a whole plan workbook (Summary, Funnel, Inputs) into an empty workbook through
 * the port: the CLI's .xlsx and the tests use this. Google Sheets replaces owned sheets
 * with more care (src/gas).
 */
import type { SheetLayout } from './sheetLayout';
import { LayoutStamp, writeLayout } from './sheetLayout';
import type { LayoutInput } from './layouts/layoutInput';
import { planLayouts } from './layouts/planLayouts';
import type { WorkbookPort } from './port';

export function writeLayouts(port: WorkbookPort, layouts: readonly SheetLayout[], stamp: LayoutStamp): void {
  for (const layout of layouts) {
    if (!port.listSheets().includes(layout.name)) port.addSheet(layout.name);
    writeLayout(port, layout, stamp);
  }
  port.setNamedRanges(layouts.flatMap((l) => l.namedRanges));
  port.orderSheets(layouts.map((l) => l.name));
}

export function writePlanWorkbook(port: WorkbookPort, input: LayoutInput): SheetLayout[] {
  const layouts = planLayouts(input);
  writeLayouts(port, layouts, input.stamp);
  return layouts;
}
