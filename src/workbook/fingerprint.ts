/**
 * A short digest of what a user sees and can change on a sheet, kept in the owner marker:
 * when a later run finds a different digest, the user edited the sheet and it is backed up
 * before being replaced. It covers, for every cell of the used range (from A1 to the last row
 * and column holding a value, formula or note), the formula or value, the note, the number format,
 * bold, italic, the font colour and the fill; beyond it, the fill (all a user sees on an empty cell). What a layout wrote and what a port reads back
 * digest alike: defaults ("General", white fill, black text, no note) count as nothing, colours
 * are compared in lower case and formulas in canonical form (canonicalFormula), so an untouched
 * sheet never looks edited. FNV-1a, because it runs unchanged in Apps Script and Node.
 */
import { canonicalFormula } from './canonicalFormula';
import type { Block, Cell, CellValue } from './sheetTypes';

export function fingerprintText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Number formats Sheets and Excel show for a cell nobody formatted. */
const DEFAULT_FORMATS = new Set(['', 'general', '0.###############']);

function normalizeValue(value: CellValue): string {
  return value === null ? '' : typeof value === 'number' ? String(Number(value.toPrecision(15))) : String(value);
}

/** What makes a cell count for the used range: a value, a formula or a note (a note on an empty cell is the user's work too). */
const hasContent = (cell: Cell): boolean => cell.formula !== undefined || normalizeValue(cell.value ?? null) !== '' || Boolean(cell.note);

/** The fill of a cell outside the used range: the one thing a user can see there. */
function describeOutside(cell: Cell): string {
  const background = cell.style?.background?.toLowerCase();
  return background && background !== '#ffffff' ? `fill:${background}` : '';
}

/** The cell as one line of text, or "" when it holds nothing a user could have put there. */
function describe(cell: Cell): string {
  const parts: string[] = [];
  const content = cell.formula !== undefined ? `=${canonicalFormula(cell.formula)}` : normalizeValue(cell.value ?? null);
  if (content !== '') parts.push(content);
  if (cell.note) parts.push(`note:${cell.note}`);
  if (cell.format && !DEFAULT_FORMATS.has(cell.format.toLowerCase())) parts.push(`format:${cell.format}`);
  const style = cell.style ?? {};
  if (style.bold) parts.push('bold');
  if (style.italic) parts.push('italic');
  const color = style.color?.toLowerCase();
  if (color && color !== '#000000') parts.push(`color:${color}`);
  const background = style.background?.toLowerCase();
  if (background && background !== '#ffffff') parts.push(`fill:${background}`);
  return parts.join('|');
}

/** Digest of blocks as a sheet holds them (later blocks over earlier ones), cell by cell in reading order. */
export function fingerprintBlocks(blocks: readonly Block[]): string {
  const cells = new Map<string, { row: number; col: number; cell: Cell }>();
  for (const block of blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        const row = block.row + r;
        const col = block.col + c;
        if (cell) cells.set(`${row},${col}`, { row, col, cell });
        else cells.delete(`${row},${col}`);
      }),
    );
  }
  let rows = 0;
  let cols = 0;
  for (const { row, col, cell } of cells.values()) {
    if (!hasContent(cell)) continue;
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  }
  const lines = [...cells.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(({ row, col, cell }) => ({ at: `${row},${col}`, text: row <= rows && col <= cols ? describe(cell) : describeOutside(cell) }))
    .filter(({ text }) => text !== '')
    .map(({ at, text }) => `${at}:${text}`);
  return fingerprintText(lines.join('\n'));
}
