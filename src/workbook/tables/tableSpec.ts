/**
 * The table model of an input sheet: titled sections, each a key–value list, a grid of
 * records across, or a list of records down. One spec both writes a section (writeTables) and reads it back (readTables):
 * a section is found by its title, a row by its first cell, a record column by its header.
 */
import type { TextKey } from '../labels';

/** How a cell's value becomes a plan value: trimmed text (ids typed as numbers stay ids), or the value as it is. */
export type Parse = 'text' | 'value';

/** Data validation for a field's cells; `help` is the field's note. */
export type FieldValidation =
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly greaterThan?: number }
  | { readonly kind: 'list'; readonly values: readonly string[] }
  /** A drop-down of the row keys of another table (the stages). */
  | { readonly kind: 'rowKeysOf'; readonly table: string };

/** A row found by its first cell: a key–value row, or a row of a grid with fixed rows. */
export interface FieldSpec {
  readonly id: string;
  readonly label: TextKey;
  /** Where the value goes in the plan; `{i}` is the record's index in a grid. */
  readonly path: string;
  readonly parse: Parse;
  /** A missing row is an error: planning on with a default would be silent. */
  readonly required: boolean;
  readonly note?: TextKey;
  /** A key into the formats the writer is given (`percent`, `money`…). */
  readonly format?: string;
  readonly validation?: FieldValidation;
}

export interface KeyValueSpec {
  readonly kind: 'keyValue';
  readonly id: string;
  readonly title: TextKey;
  readonly titleNote?: TextKey;
  /** A section older sheets lack: not finding it is no problem. */
  readonly optional?: boolean;
  /** Label in the title's column, value in the next one. */
  readonly rows: readonly FieldSpec[];
}

/** Rows named by the data (the stages), in order; the last one carries a marker instead of values. */
export interface KeyedRows {
  readonly keyed: true;
  /** Where the list of row keys goes in the plan (`stages`); none when another table already gave them. */
  readonly keysPath?: string;
  /** Where a cell goes: `{i}` the record's index, `{key}` the row's key. */
  readonly path: string;
  readonly parse: Parse;
  readonly format?: string;
  readonly validation?: FieldValidation;
  /** The text in the record cells of the last row (the won stage), which ends the table. */
  readonly lastRowMarker?: TextKey;
}

/**
 * Records across, one per column under a numbered header (`Source {n}`), rows down. A grid
 * with `recordsOf` holds more fields of another grid's records: its columns are matched to
 * them by header number (by position when it has no headers, as older sheets do).
 */
export interface GridSpec {
  readonly kind: 'grid';
  readonly id: string;
  readonly title: TextKey;
  readonly titleNote?: TextKey;
  /** The header of each record column, with `{n}` its number from 1. */
  readonly column: TextKey;
  /** The header after the last record column; it ends the table, so notes beside it are not records. */
  readonly total?: TextKey;
  readonly recordsOf?: string;
  /** A section older sheets lack: not finding it is no problem. */
  readonly optional?: boolean;
  readonly rows: readonly FieldSpec[] | KeyedRows;
}

/** One column per key of another table (the stages above won), headed `header` with `{stage}` the key. */
export interface KeyedColumns {
  /** The table whose row keys name the columns (its last key, the won stage, has none). */
  readonly keysOf: string;
  readonly header: TextKey;
  readonly note?: TextKey;
  /** Where a cell goes: `{i}` the record's index, `{key}` the column's key. */
  readonly path: string;
  readonly parse: Parse;
  readonly format?: string;
  readonly validation?: FieldValidation;
}

/**
 * Numbered columns after a list's fixed ones, headed `header` with `{n}` their number from 1
 * ("Ramp month 1", "Ramp month 2"…): as many as the writer is given, any number the reader finds.
 */
export interface NumberedColumns {
  readonly header: TextKey;
  readonly note?: TextKey;
  /** Where a cell goes: `{i}` the record's index, `{key}` the column's number (from 1). */
  readonly path: string;
  readonly parse: Parse;
  readonly format?: string;
  readonly validation?: FieldValidation;
}

/**
 * Records down, one per row under a header row of field labels, as a CRM list is kept: each
 * column found by its header (in any order, any language; a column headed otherwise is the
 * user's own and not read), the records running down to the first blank row. Rows are added
 * by typing below the last, so a list is the last section of its sheet.
 */
export interface ListSpec {
  readonly kind: 'list';
  readonly id: string;
  readonly title: TextKey;
  readonly titleNote?: TextKey;
  readonly optional?: boolean;
  /** Fixed columns, left to right; `label` heads the column, `required` ones must be there. */
  readonly columns: readonly FieldSpec[];
  readonly keyed?: KeyedColumns;
  readonly numbered?: NumberedColumns;
  /** How older sheets laid the same section out (records across): read instead when its rows, not the list's headers, are under the title. */
  readonly across?: GridSpec;
}

export type TableSpec = KeyValueSpec | GridSpec | ListSpec;

export function isKeyed(rows: GridSpec['rows']): rows is KeyedRows {
  return !Array.isArray(rows);
}

/** A cell position, 1-based. */
export interface CellAt {
  readonly row: number;
  readonly col: number;
}

/** Where a table is on the sheet: what the writer put there, or what the reader found. */
export interface TablePlace {
  readonly id: string;
  readonly title: CellAt;
  /** Fixed rows: the row of each field id found. */
  readonly rows: ReadonlyMap<string, number>;
  /** Keyed rows: each key with its row, in order. */
  readonly keys: readonly { readonly key: string; readonly row: number }[];
  /** Key–value tables: the column of the values. */
  readonly valueCol: number;
  /** Grids: the record columns in order; `n` is the header's number when it has one. */
  readonly records: readonly { readonly col: number; readonly n?: number }[];
  readonly totalCol?: number;
  /** Lists: the header row, the column of each field id found, the keyed columns in order and the record rows. */
  readonly list?: {
    readonly headerRow: number;
    readonly columns: ReadonlyMap<string, number>;
    readonly keyColumns: readonly { readonly key: string; readonly col: number }[];
    /** The numbered columns found, by number (not necessarily contiguous). */
    readonly numberedColumns?: readonly { readonly n: number; readonly col: number }[];
    readonly rows: readonly number[];
  };
}
