/**
 * The Workbook port: the few batched operations every layout needs, implemented once
 * over SpreadsheetApp (Google Sheets), once over exceljs (.xlsx) and once in memory
 * (tests). Each operation is meant to cost one round trip per block, not per cell.
 */

import type { Area, Block, CellValue, ChartSpec, ConditionalFormatRule, NamedRange, OwnerMarker, SheetContents, ValidationRule } from './sheetTypes';

export type { CellValue, CellStyle, Cell, Block, Area, NamedRange, ValidationRule, ConditionalFormatRule, OwnerMarker, ChartSpec, SheetContents, SheetRules } from './sheetTypes';
export { ruleAreas } from './sheetTypes';

export interface WorkbookPort {
  /** Visible sheet names in order. */
  listSheets(): string[];
  /** Adds an empty sheet at the end. */
  addSheet(name: string): void;
  renameSheet(from: string, to: string): void;
  deleteSheet(name: string): void;
  /** Puts the named sheets first, in this order; others keep their order after them. */
  orderSheets(names: readonly string[]): void;
  /** A full copy of a sheet under a new name (for backups). */
  duplicateSheet(from: string, to: string): void;
  /**
   * Replaces everything in `to` (values, formulas, formats, notes, data validations and
   * conditional formats) with the contents of `from`, keeping `to` itself, so other sheets'
   * formulas that point at it stay intact. With `view`, the frozen panes and the column widths
   * follow too (to put a sheet back as its copy holds it after a failed run).
   */
  copySheetContents(from: string, to: string, options?: { readonly view?: boolean }): void;

  /** Writes cells; with valuesOnly, only values and formulas change (formats, styles and notes stay). */
  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void;
  /** Plain values of an area; formula cells give their current result. Blank cells are null. */
  readBlock(sheet: string, area: Area): CellValue[][];
  /** Values of the used range from A1 (one round trip): what the Inputs reader needs. */
  readValues(sheet: string): CellValue[][];
  /** Formulas (without "=") of the used range from A1, "" where a cell has none. */
  readFormulas(sheet: string): string[][];
  /**
   * Everything a user can see and change in the used range from A1, as cells: value, formula
   * (without "="), note, number format and style (bold, italic, font size, font colour, fill,
   * horizontal alignment, wrap); and beside them the merges, the cells with a data validation,
   * the conditional-format rules and the charts this port put there. What the edit fingerprint
   * reads; a fixed number of round trips per sheet (plus a few per rule and per chart).
   */
  readCells(sheet: string): SheetContents;

  setFrozen(sheet: string, rows: number, cols: number): void;
  /** Widths in pixels from column 1; undefined leaves a column as it is. */
  setColumnWidths(sheet: string, widths: readonly (number | undefined)[]): void;
  /** Creates or moves each named range. */
  setNamedRanges(ranges: readonly NamedRange[]): void;
  setValidations(sheet: string, rules: readonly ValidationRule[]): void;
  setConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): void;
  /** Marks the sheet as ours, tied to the sheet itself where the workbook can (Sheets: metadata with the sheet id). */
  setOwner(sheet: string, marker: OwnerMarker): void;
  /**
   * The sheet's marker; undefined when it has none or carries one that belongs to another
   * sheet (a copy of ours); `byNameOnly` when only a row naming the sheet vouches for it.
   * A marker that cannot be read throws CorruptOwnerMarkerError (sheetRefusal.ts).
   */
  getOwner(sheet: string): OwnerMarker | undefined;
  /**
   * Optional, where the workbook can hold native charts (Google Sheets): puts these charts on
   * the sheet beside the ones this port put there before (known by an id it keeps, never by
   * title); charts the user added stay. Two-phase, so a failed run leaves the previous chart
   * as it was: `commit` removes the previous charts once the whole plan is written, `undo`
   * removes the new ones and puts the record of ours back as it was.
   */
  setCharts?(sheet: string, charts: readonly ChartSpec[]): ChartSwap;
}

/** The second phase of setCharts. */
export interface ChartSwap {
  commit(): void;
  undo(): void;
}
