/** The fingerprint of a sheet as it is now, comparable with the one its owner marker recorded when written. */
import { fingerprintBlocks } from './fingerprint';
import type { Cell, WorkbookPort } from './port';

export function contentFingerprint(port: WorkbookPort, sheet: string): string {
  const values = port.readValues(sheet);
  const formulas = port.readFormulas(sheet);
  const cells: (Cell | null)[][] = values.map((row, r) =>
    row.map((value, c) => {
      const formula = formulas[r]?.[c];
      if (formula) return { formula: formula.replace(/^=/, '') };
      return value === null || value === '' ? null : { value };
    }),
  );
  return fingerprintBlocks([{ row: 1, col: 1, cells }]);
}
