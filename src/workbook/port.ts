/**
 * The Workbook port: the few batched operations every layout needs, implemented once
 * over SpreadsheetApp (Google Sheets), once over exceljs (.xlsx) and once in memory
 * (tests). Each operation is meant to cost one round trip per block, not per cell.
 */

import type { ChartSpec } from './sheetLayout';

/** What a cell holds as a plain value. Text is always literal, never parsed as a formula. */
export type CellValue = string | number | boolean | null;

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** #RRGGBB */
  readonly color?: string;
  /** #RRGGBB */
  readonly background?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
}

export interface Cell {
  /** A literal value; for a formula cell, the result the engine computed (cached in .xlsx). */
  readonly value?: CellValue;
  /** A formula without the leading "=", in English function names with "," separators. */
  readonly formula?: string;
  /** A number format such as `#,##0` or `0.0%`. */
  readonly format?: string;
  readonly style?: CellStyle;
  /** A note (comment) shown on hover. */
  readonly note?: string;
}

/** A rectangle of cells whose top-left corner is (row, col), 1-based; every row has the same length. */
export interface Block {
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly (Cell | null)[])[];
}

/** A rectangle of a sheet, 1-based. */
export interface Area {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface NamedRange {
  readonly name: string;
  readonly sheet: string;
  readonly area: Area;
}

export type ValidationRule =
  | { readonly area: Area; readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly greaterThan?: number; readonly help: string }
  | { readonly area: Area; readonly kind: 'list'; readonly values: readonly string[]; readonly help: string }
  | { readonly area: Area; readonly kind: 'listFromRange'; readonly sheet: string; readonly source: Area; readonly help: string };

export type ConditionalFormatRule =
  /** A two-colour gradient from the smallest to the largest value: the funnel narrowing at a glance. */
  | { readonly area: Area; readonly kind: 'colorScale'; readonly minColor: string; readonly maxColor: string }
  /** Highlight cells whose value differs from `value` (e.g. shares that do not add up to 100%). */
  | { readonly area: Area; readonly kind: 'notEqual'; readonly value: number; readonly background: string; readonly color: string };

/** Marks a sheet as written by Funnel Planner, so only such sheets are ever replaced. */
export interface OwnerMarker {
  /** Which layout wrote it: "funnel", "summary", "inputs"… */
  readonly kind: string;
  readonly version: string;
  readonly generatedOn: string;
  /** A digest of the values as written, to notice later edits by the user. */
  readonly fingerprint: string;
}

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
   * Replaces everything in `to` (values, formulas, formats, notes) with the contents of
   * `from`, keeping `to` itself, so other sheets' formulas that point at it stay intact.
   */
  copySheetContents(from: string, to: string): void;

  /** Writes cells; with valuesOnly, only values and formulas change (formats, styles and notes stay). */
  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void;
  /** Plain values of an area; formula cells give their current result. Blank cells are null. */
  readBlock(sheet: string, area: Area): CellValue[][];
  /** Values of the used range from A1 (one round trip): what the Inputs reader needs. */
  readValues(sheet: string): CellValue[][];
  /** Formulas (without "=") of the used range from A1, "" where a cell has none. */
  readFormulas(sheet: string): string[][];

  setFrozen(sheet: string, rows: number, cols: number): void;
  /** Widths in pixels from column 1; undefined leaves a column as it is. */
  setColumnWidths(sheet: string, widths: readonly (number | undefined)[]): void;
  /** Creates or moves each named range. */
  setNamedRanges(ranges: readonly NamedRange[]): void;
  setValidations(sheet: string, rules: readonly ValidationRule[]): void;
  setConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): void;
  setOwner(sheet: string, marker: OwnerMarker): void;
  getOwner(sheet: string): OwnerMarker | undefined;
  /** Optional: where the workbook can hold native charts (Google Sheets). */
  addChart?(sheet: string, chart: ChartSpec): void;
}
