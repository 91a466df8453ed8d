/** An in-memory WorkbookPort: the reference implementation layouts are tested against. */
import type {
  Area,
  Block,
  Cell,
  CellValue,
  ConditionalFormatRule,
  NamedRange,
  OwnerMarker,
  SheetContents,
  ValidationRule,
  WorkbookPort,
} from '../../src/workbook/port';
import { areaAddress } from '../../src/workbook/a1';
import { ruleAreas } from '../../src/workbook/sheetTypes';

export interface MemorySheet {
  readonly cells: Map<string, Cell>;
  frozen: { rows: number; cols: number };
  widths: (number | undefined)[];
  validations: ValidationRule[];
  conditionalFormats: ConditionalFormatRule[];
  owner: OwnerMarker | undefined;
}

const key = (row: number, col: number) => `${row},${col}`;

export class MemoryWorkbook implements WorkbookPort {
  readonly sheets = new Map<string, MemorySheet>();
  readonly namedRanges = new Map<string, NamedRange>();
  private order: string[] = [];

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  listSheets(): string[] {
    return [...this.order];
  }

  addSheet(name: string): void {
    if (this.sheets.has(name)) throw new Error(`a sheet named "${name}" already exists`);
    this.sheets.set(name, { cells: new Map(), frozen: { rows: 0, cols: 0 }, widths: [], validations: [], conditionalFormats: [], owner: undefined });
    this.order.push(name);
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (this.sheets.has(to)) throw new Error(`a sheet named "${to}" already exists`);
    this.sheets.delete(from);
    this.sheets.set(to, sheet);
    this.order = this.order.map((n) => (n === from ? to : n));
    for (const [name, range] of this.namedRanges) if (range.sheet === from) this.namedRanges.set(name, { ...range, sheet: to });
  }

  deleteSheet(name: string): void {
    this.sheet(name);
    this.sheets.delete(name);
    this.order = this.order.filter((n) => n !== name);
    for (const [rangeName, range] of this.namedRanges) if (range.sheet === name) this.namedRanges.delete(rangeName);
  }

  orderSheets(names: readonly string[]): void {
    const first = names.filter((n) => this.sheets.has(n));
    this.order = [...first, ...this.order.filter((n) => !first.includes(n))];
  }

  duplicateSheet(from: string, to: string): void {
    const source = this.sheet(from);
    this.addSheet(to);
    const copy = this.sheet(to);
    for (const [k, cell] of source.cells) copy.cells.set(k, { ...cell });
    Object.assign(copy, { frozen: { ...source.frozen }, widths: [...source.widths], validations: [...source.validations], conditionalFormats: [...source.conditionalFormats], owner: undefined }); // a copy is not ours: it is never replaced
  }

  copySheetContents(from: string, to: string, options?: { readonly view?: boolean }): void {
    const source = this.sheet(from);
    const target = this.sheet(to);
    target.cells.clear();
    for (const [k, cell] of source.cells) target.cells.set(k, { ...cell });
    target.validations = [...source.validations];
    target.conditionalFormats = [...source.conditionalFormats];
    if (options?.view) Object.assign(target, { frozen: { ...source.frozen }, widths: [...source.widths] });
  }

  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void {
    const target = this.sheet(sheet);
    const width = block.cells[0]?.length ?? 0;
    block.cells.forEach((row, r) => {
      if (row.length !== width) throw new Error(`block row ${r} has ${row.length} cells, expected ${width}`);
      row.forEach((cell, c) => {
        const k = key(block.row + r, block.col + c);
        if (options?.valuesOnly) {
          const { value, formula, ...kept } = target.cells.get(k) ?? {};
          void value;
          void formula;
          target.cells.set(k, { ...kept, ...(cell?.formula !== undefined ? { formula: cell.formula } : {}), value: cell?.value ?? null });
        } else if (cell) target.cells.set(k, cell);
        else target.cells.delete(k);
      });
    });
  }

  readBlock(sheet: string, area: Area): CellValue[][] {
    const source = this.sheet(sheet);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.cols }, (_, c) => source.cells.get(key(area.row + r, area.col + c))?.value ?? null),
    );
  }

  readValues(sheet: string): CellValue[][] {
    const { rows, cols } = this.usedSize(sheet);
    return this.readBlock(sheet, { row: 1, col: 1, rows, cols });
  }

  readFormulas(sheet: string): string[][] {
    const { rows, cols } = this.usedSize(sheet);
    const cells = this.sheet(sheet).cells;
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cells.get(key(r + 1, c + 1))?.formula ?? ''));
  }

  /** Every cell held, up to the last one with anything in it (a note or a style counts too). */
  readCells(sheet: string): SheetContents {
    const cells = this.sheet(sheet).cells;
    let { rows, cols } = this.usedSize(sheet);
    for (const [k] of cells) {
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    const { validations, conditionalFormats } = this.sheet(sheet);
    return {
      row: 1,
      col: 1,
      cells: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cells.get(key(r + 1, c + 1)) ?? null)),
      validated: validations.map((v) => areaAddress(v.area)),
      conditionalFormats: conditionalFormats.map((rule) => ({ kind: rule.kind === 'colorScale' ? 'gradient' : 'boolean', ranges: ruleAreas(rule).map((a) => areaAddress(a)) })),
    };
  }

  private usedSize(sheet: string): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, cell] of this.sheet(sheet).cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return { rows, cols };
  }

  /** The cell at (row, col), for tests. */
  cell(sheet: string, row: number, col: number): Cell | undefined {
    return this.sheet(sheet).cells.get(key(row, col));
  }

  setFrozen(sheet: string, rows: number, cols: number): void {
    this.sheet(sheet).frozen = { rows, cols };
  }

  setColumnWidths(sheet: string, widths: readonly (number | undefined)[]): void {
    const target = this.sheet(sheet);
    widths.forEach((w, i) => {
      if (w !== undefined) target.widths[i] = w;
    });
  }

  setNamedRanges(ranges: readonly NamedRange[]): void {
    for (const range of ranges) this.namedRanges.set(range.name, range);
  }

  setValidations(sheet: string, rules: readonly ValidationRule[]): void {
    this.sheet(sheet).validations = [...rules];
  }

  setConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): void {
    this.sheet(sheet).conditionalFormats = [...rules];
  }

  setOwner(sheet: string, marker: OwnerMarker): void {
    this.sheet(sheet).owner = marker;
  }

  getOwner(sheet: string): OwnerMarker | undefined {
    return this.sheet(sheet).owner;
  }
}

/** A workbook whose Inputs sheet holds these values (a blank or missing cell is an empty one), as a user's edited sheet reads. */
export function inputsBookOf(values: readonly (readonly CellValue[])[]): MemoryWorkbook {
  const book = new MemoryWorkbook();
  book.addSheet('Inputs');
  const width = Math.max(...values.map((r) => r.length));
  book.writeBlock('Inputs', { row: 1, col: 1, cells: values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? null : { value: r[c] }))) });
  return book;
}
