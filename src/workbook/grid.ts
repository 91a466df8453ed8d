/** Builds one rectangular Block cell by cell, so a layout writes a whole sheet in one call. */
import type { Block, Cell } from './port';

export class Grid {
  private readonly rows: (Cell | null)[][] = [];
  private width = 0;

  set(row: number, col: number, cell: Cell): this {
    while (this.rows.length < row) this.rows.push([]);
    this.rows[row - 1][col - 1] = cell;
    this.width = Math.max(this.width, col);
    return this;
  }

  /** The grid from A1, every row padded to the same width. */
  toBlock(): Block {
    const cells = this.rows.map((row) => Array.from({ length: this.width }, (_, c) => row[c] ?? null));
    return { row: 1, col: 1, cells };
  }
}
