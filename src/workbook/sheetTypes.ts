/**
 * The data a layout hands to a Workbook port and reads back from it: cells, blocks, areas,
 * rules, owner markers, charts. Plain types with no imports, so the port, the layouts and the
 * fingerprint can all use them without importing each other.
 */

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
  /**
   * Highlight cells whose value differs from `value` (e.g. shares that do not add up to 100%).
   * `moreAreas`: further areas under the same one rule (each role's shortfall row on Headcount),
   * so the number of rules — and of calls to write and read them — does not grow with the areas
   * (a port writes a rule with `moreAreas`, even empty, as a list of areas).
   */
  | { readonly area: Area; readonly moreAreas?: readonly Area[]; readonly kind: 'notEqual'; readonly value: number; readonly background: string; readonly color: string };

/** Every area a rule covers, its first one first. */
export function ruleAreas(rule: ConditionalFormatRule): readonly Area[] {
  return rule.kind === 'notEqual' && rule.moreAreas ? [rule.area, ...rule.moreAreas] : [rule.area];
}

/** Marks a sheet as written by Funnel Planner, so only such sheets are ever replaced. */
export interface OwnerMarker {
  /** Which layout wrote it: "funnel", "summary", "inputs"… */
  readonly kind: string;
  readonly version: string;
  readonly generatedOn: string;
  /** A digest of the contents as written (fingerprint.ts), to notice later edits by the user. */
  readonly fingerprint: string;
  /**
   * Set by a port that found the marker by the sheet's name only (the owner table of an
   * uploaded .xlsx), not attached to the sheet itself: a regenerate trusts it only while the
   * sheet still has this fingerprint.
   */
  readonly byNameOnly?: boolean;
}

/**
 * A chart of an area of its sheet. `bar` (the default): two columns, labels then values.
 * `column`: the same columns drawn as vertical columns (a histogram).
 * `stackedColumn`: a table whose first row labels the categories (the months) and whose
 * every next row is one stacked series, its name in the first column.
 */
export interface ChartSpec {
  readonly kind?: 'bar' | 'column' | 'stackedColumn';
  readonly title: string;
  readonly data: Area;
  /** Top-left cell where the chart sits. */
  readonly anchor: { readonly row: number; readonly col: number };
}

/**
 * What a sheet holds beside its cells that a user can change and a regenerate replaces, as
 * readCells reports it for the edit fingerprint. Ranges in A1 notation (`B8:B12`, `B8`).
 */
export interface SheetRules {
  /** Merged areas. */
  readonly merges?: readonly string[];
  /** Areas whose cells carry a data validation (a dropdown, a number rule…). */
  readonly validated?: readonly string[];
  /** Conditional-format rules: a gradient (colour scale) or a boolean condition, and where. */
  readonly conditionalFormats?: readonly { readonly kind: 'gradient' | 'boolean'; readonly ranges: readonly string[] }[];
  /** The charts the port itself put on the sheet (not the user's own): title, where it sits, its data. */
  readonly charts?: readonly { readonly title: string; readonly row: number; readonly col: number; readonly offsetX: number; readonly offsetY: number; readonly ranges: readonly string[] }[];
}

/** A sheet as readCells reads it: every cell from A1, and the rules beside them. */
export interface SheetContents extends Block, SheetRules {}
