/**
 * Values fed into the Inputs sheet, the user's own (Derive rates from History): per section,
 * one block over the cells it feeds, values only, every other cell in the block written back
 * as it was — its formula, or its value — so a note typed between the rates or a formula in a
 * cell not fed stays. One write per section fed, whatever the number of sources; no block spans
 * two sections, so what lies between them (the Timing section's text) is never rewritten.
 */
import type { CellAt } from './tables/tableSpec';
import { spanArea } from './tables/writeTables';
import type { Area, Block, Cell, CellValue } from './port';

export interface FeedSection {
  /** Puts `value` into `cell` (a cell of this section). */
  set(cell: CellAt, value: CellValue): void;
  /** Whether any cell was set. */
  changed(): boolean;
}

export class InputsFeed {
  private readonly sections: { box: Area; fed: Map<string, CellValue> }[] = [];

  /** `formulas` as WorkbookPort.readFormulas gives them (without "="). */
  constructor(
    private readonly values: readonly (readonly CellValue[])[],
    private readonly formulas: readonly (readonly string[])[],
  ) {}

  /** What a cell holds, as the history summary records what was replaced: its formula with "=", or its value. */
  previous(cell: CellAt): CellValue {
    const formula = this.formulas[cell.row - 1]?.[cell.col - 1];
    return formula ? `=${formula}` : (this.values[cell.row - 1]?.[cell.col - 1] ?? null);
  }

  /** A section to feed: the cells it may set (their span is what gets written). */
  section(cells: readonly CellAt[]): FeedSection {
    const section = { box: spanArea(cells), fed: new Map<string, CellValue>() };
    this.sections.push(section);
    return {
      set: (cell, value) => {
        const { box } = section;
        if (cell.row < box.row || cell.row >= box.row + box.rows || cell.col < box.col || cell.col >= box.col + box.cols) {
          throw new RangeError(`InputsFeed: ${cell.row},${cell.col} is outside its section`);
        }
        section.fed.set(`${cell.row},${cell.col}`, value);
      },
      changed: () => section.fed.size > 0,
    };
  }

  /** One values-only block per section that was fed. */
  blocks(): Block[] {
    return this.sections
      .filter((s) => s.fed.size > 0)
      .map(({ box, fed }) => ({
        row: box.row,
        col: box.col,
        cells: Array.from({ length: box.rows }, (_, r) =>
          Array.from({ length: box.cols }, (_, c): Cell => {
            const row = box.row + r;
            const col = box.col + c;
            const key = `${row},${col}`;
            if (fed.has(key)) return { value: fed.get(key) ?? null };
            const formula = this.formulas[row - 1]?.[col - 1];
            return formula ? { formula } : { value: this.values[row - 1]?.[col - 1] ?? null };
          }),
        ),
      }));
  }
}
