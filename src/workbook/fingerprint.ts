/**
 * A short digest of the values and formulas a layout wrote, kept in the owner marker:
 * when a later run finds different contents, the user edited the sheet and it is backed
 * up before being replaced. FNV-1a, because it runs unchanged in Apps Script and Node.
 */
import type { Block, CellValue } from './port';

export function fingerprintText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Digest of what a user sees and edits: formulas where there are formulas, values elsewhere. */
export function fingerprintBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        const content = cell.formula !== undefined ? `=${cell.formula}` : normalize(cell.value ?? null);
        if (content !== '') parts.push(`${block.row + r},${block.col + c}:${content}`);
      }),
    );
  }
  return fingerprintText(parts.join('\n'));
}

function normalize(value: CellValue): string {
  return value === null ? '' : typeof value === 'number' ? String(Number(value.toPrecision(12))) : String(value);
}
