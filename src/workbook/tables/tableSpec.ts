/**
 * The table model of an input sheet: titled sections, each a key–value list or a grid of
 * records across. One spec both writes a section (writeTables) and reads it back (readTables):
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

export type TableSpec = KeyValueSpec | GridSpec;

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
}
