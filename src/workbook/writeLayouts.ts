/**
 * Writes sheets into a workbook that does not have them yet (a new .xlsx, a first Inputs
 * sheet): each layout, then the named ranges, then the order. Regenerating over existing
 * sheets goes through replaceOwnedSheets instead.
 */
import type { SheetLayout } from './sheetLayout';
import { LayoutStamp, writeLayout } from './sheetLayout';
import type { WorkbookPort } from './port';

export function writeLayouts(port: WorkbookPort, layouts: readonly SheetLayout[], stamp: LayoutStamp): void {
  for (const layout of layouts) {
    if (!port.listSheets().includes(layout.name)) port.addSheet(layout.name);
    writeLayout(port, layout, stamp);
  }
  port.setNamedRanges(layouts.flatMap((l) => l.namedRanges));
  port.orderSheets(layouts.map((l) => l.name));
}
