/** A1 notation: column letters, cell and range addresses, quoted sheet references. */
import type { Area } from './port';

export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  return letters.toUpperCase().split('').reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** `B7`, or `$B$7` when absolute. */
export function cellAddress(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

/** `B7:C9` (or `B7` for one cell). */
export function areaAddress(area: Area, absolute = false): string {
  const first = cellAddress(area.row, area.col, absolute);
  if (area.rows === 1 && area.cols === 1) return first;
  return `${first}:${cellAddress(area.row + area.rows - 1, area.col + area.cols - 1, absolute)}`;
}

/** A sheet name as formulas need it: `Inputs`, or `'My plan'` when it has spaces or symbols. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, row: number, col: number, absolute = true): string {
  return `${quoteSheet(sheet)}!${cellAddress(row, col, absolute)}`;
}

export function sheetAreaRef(sheet: string, area: Area, absolute = true): string {
  return `${quoteSheet(sheet)}!${areaAddress(area, absolute)}`;
}

export function area(row: number, col: number, rows = 1, cols = 1): Area {
  return { row, col, rows, cols };
}
