/**
 * A short digest of what a user sees and can change on a sheet, kept in the owner marker:
 * when a later run finds a different digest, the user edited the sheet and it is backed up
 * before being replaced. It covers, for every cell of the used range (from A1 to the last row
 * and column holding a value, formula or note), the formula or value, the note, the number format,
 * bold, italic, the font size, the font colour, the fill, the horizontal alignment and wrapping;
 * beyond it, the fill (all a user sees on an empty cell). Beside the cells (fingerprintSheet):
 * merges, the cells that carry a data validation, the conditional-format rules (kind and
 * ranges) and our charts (title, position, data range). What a layout wrote and what a port
 * reads back digest alike: defaults ("General", white fill, black text, size 10 or 11, general
 * alignment, no wrap, no note) count as nothing, colours are compared in lower case, formulas
 * in canonical form (canonicalFormula) and ranges without "$", so an untouched sheet never looks
 * edited. FNV-1a, because it runs unchanged in Apps Script and Node.
 *
 * Not covered: borders (Apps Script has no batch getter for them, and one call per cell is not
 * affordable), the criteria of a validation or a rule (only where they are), a chart's style.
 */
import { columnNumber } from './a1';
import { canonicalFormula } from './canonicalFormula';
import type { Block, Cell, CellValue, SheetRules } from './sheetTypes';

export function fingerprintText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Font sizes of a cell nobody formatted: 10 in Sheets, 11 in Excel (an uploaded .xlsx keeps it). */
const DEFAULT_SIZES = new Set([10, 11]);

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

/** The cell as one line of text, or "" when it holds nothing a user could have put there (legacy: as version 0.1 described it). */
function describe(cell: Cell, legacy = false): string {
  const parts: string[] = [];
  const content = cell.formula !== undefined ? `=${canonicalFormula(cell.formula)}` : normalizeValue(cell.value ?? null);
  if (content !== '') parts.push(content);
  if (cell.note) parts.push(`note:${cell.note}`);
  if (cell.format && !DEFAULT_FORMATS.has(cell.format.toLowerCase())) parts.push(`format:${cell.format}`);
  const style = cell.style ?? {};
  if (style.bold) parts.push('bold');
  if (style.italic) parts.push('italic');
  if (!legacy && style.fontSize !== undefined && !DEFAULT_SIZES.has(style.fontSize)) parts.push(`size:${style.fontSize}`);
  if (!legacy && style.align) parts.push(`align:${style.align}`);
  if (!legacy && style.wrap) parts.push('wrap');
  const color = style.color?.toLowerCase();
  if (color && color !== '#000000') parts.push(`color:${color}`);
  const background = style.background?.toLowerCase();
  if (background && background !== '#ffffff') parts.push(`fill:${background}`);
  return parts.join('|');
}

/** Digest of blocks as a sheet holds them (later blocks over earlier ones), cell by cell in reading order, with no rules beside them. */
export function fingerprintBlocks(blocks: readonly Block[]): string {
  return fingerprintSheet(blocks, {});
}

/**
 * Digest of a whole sheet: its cells and the rules beside them. It starts from a version line,
 * so it never equals the digest version 0.1 recorded (legacyFingerprint) for other contents.
 */
export function fingerprintSheet(blocks: readonly Block[], rules: SheetRules): string {
  return fingerprintText(['fingerprint 2', ...cellLines(blocks), ...ruleLines(rules)].join('\n'));
}

/**
 * The digest version 0.1 recorded: the cells without size, alignment or wrap, nothing beside
 * them. A sheet whose marker holds it and still digests to it is as that version wrote it
 * (what it did not cover, it cannot tell, as before); accepted so an upgrade keeps no needless
 * backup and an uploaded .xlsx of that version is still recognised.
 */
export function legacyFingerprint(blocks: readonly Block[]): string {
  return fingerprintText(cellLines(blocks, true).join('\n'));
}

/** `$B$8:b8` → `B8`: how both sides spell a range. */
export function canonicalRange(a1: string): string {
  const plain = a1.replace(/\$/g, '').toUpperCase();
  const [first, last] = plain.split(':');
  return last === undefined || last === first ? first : `${first}:${last}`;
}

/** Every cell of an A1 range, as "row,col". */
function cellsOf(a1: string): string[] {
  const [first, last = first] = canonicalRange(a1).split(':');
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : undefined;
  };
  const a = parse(first);
  const b = parse(last);
  if (!a || !b) return [`?${a1}`];
  const out: string[] = [];
  for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(`${r},${c}`);
  return out;
}

function ruleLines(rules: SheetRules): string[] {
  const sorted = (lines: Iterable<string>) => [...lines].sort();
  const ranges = (list: readonly string[]) => sorted(list.map(canonicalRange)).join(',');
  return [
    ...sorted((rules.merges ?? []).map((a1) => `merge:${canonicalRange(a1)}`)),
    ...sorted(new Set((rules.validated ?? []).flatMap(cellsOf))).map((at) => `valid:${at}`),
    ...sorted((rules.conditionalFormats ?? []).map((r) => `rule:${r.kind}:${ranges(r.ranges)}`)),
    ...sorted((rules.charts ?? []).map((c) => `chart:${c.title}@${c.row},${c.col}+${c.offsetX},${c.offsetY}:${ranges(c.ranges)}`)),
  ];
}

function cellLines(blocks: readonly Block[], legacy = false): string[] {
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
    .map(({ row, col, cell }) => ({ at: `${row},${col}`, text: row <= rows && col <= cols ? describe(cell, legacy) : describeOutside(cell) }))
    .filter(({ text }) => text !== '')
    .map(({ at, text }) => `${at}:${text}`);
  return lines;
}
