/** Test helper: what a user does to a sheet's values by hand — cut and paste a section, insert a row or a column. */
import type { CellValue } from '../../src/workbook/port';

/** Cut rows×cols at (row, col) and paste them at (toRow, toCol), as a user moving a section does. */
export function cutPaste(values: CellValue[][], from: { row: number; col: number; rows: number; cols: number }, toRow: number, toCol: number): CellValue[][] {
  const out = values.map((r) => [...r]);
  const block = Array.from({ length: from.rows }, (_, r) => Array.from({ length: from.cols }, (_, c) => values[from.row - 1 + r]?.[from.col - 1 + c] ?? null));
  for (let r = 0; r < from.rows; r++) for (let c = 0; c < from.cols; c++) if (out[from.row - 1 + r]) out[from.row - 1 + r][from.col - 1 + c] = null;
  block.forEach((line, r) =>
    line.forEach((v, c) => {
      while (out.length < toRow + r) out.push([]);
      out[toRow - 1 + r][toCol - 1 + c] = v;
    }),
  );
  return out;
}

/** Insert a blank row before `before` / a blank column before `before`. */
export const insertRow = (values: CellValue[][], before: number) => [...values.slice(0, before - 1), [], ...values.slice(before - 1)];
export const insertColumn = (values: CellValue[][], before: number) => values.map((r) => [...r.slice(0, before - 1), null, ...r.slice(before - 1)]);

