/**
 * Writes titled tables one below another (a blank row between), from their specs: titles,
 * labels with their notes, shaded input cells in each field's format, record headers and
 * data validation. Returns where everything went, the same shape readTables finds.
 */
import type { Lang } from '../../core/stages';
import type { Area } from '../port';
import { STYLE } from '../formats';
import type { Grid } from '../grid';
import { text } from '../labels';
import type { Cell, CellValue, ValidationRule } from '../port';
import { CellAt, FieldSpec, FieldValidation, TablePlace, TableSpec, isKeyed } from './tableSpec';

export interface TableContent {
  /** Grids: how many record columns. */
  readonly records?: number;
  /** Keyed grids: the row keys in order, each with an optional note. */
  readonly keys?: readonly { readonly key: string; readonly note?: string }[];
  /**
   * The cell of a row (a field id, or a key) for record j (0 in a key–value table): a plain
   * value is an input cell in the field's format; a Cell is written as it is.
   */
  readonly cell: (row: string, j: number) => CellValue | Cell;
  /** Grids with a total column: its cell in a row, given the area of the row's record cells. */
  readonly total?: (row: string, records: Area) => Cell | undefined;
  /** Lists with keyed columns: the keys (the stages above won), and the cell of key `key` for record j. */
  readonly columnKeys?: readonly { readonly key: string; readonly note?: string }[];
  readonly keyCell?: (key: string, j: number) => CellValue | Cell;
  /** Lists with numbered columns: how many (after the keyed ones), and the cell of column n (from 1) for record j. */
  readonly numbered?: number;
  readonly numberedCell?: (n: number, j: number) => CellValue | Cell;
}

export interface WriteOptions {
  readonly lang: Lang;
  readonly sheet: string;
  /** Formats by the keys fields name (`percent`, `money`…). */
  readonly formats: Readonly<Record<string, string>>;
  /** Where the first table's title goes; column 1 unless told. */
  readonly startRow: number;
  readonly startCol?: number;
}

export interface WrittenTables {
  readonly places: ReadonlyMap<string, TablePlace>;
  readonly validations: readonly ValidationRule[];
}

const isCell = (v: CellValue | Cell): v is Cell => typeof v === 'object' && v !== null;

/** Writes `specs` into `grid` in order; `contents` holds each table's data by spec id. */
export function writeTables(specs: readonly TableSpec[], contents: Readonly<Record<string, TableContent>>, grid: Grid, options: WriteOptions): WrittenTables {
  const { lang, formats } = options;
  const col = options.startCol ?? 1;
  const places = new Map<string, TablePlace>();
  const pending: { area: Area; validation: FieldValidation; help: string }[] = [];
  const input = (v: CellValue | Cell, format: string | undefined): Cell =>
    isCell(v) ? v : { value: v, style: STYLE.input, ...(format && formats[format] ? { format: formats[format] } : {}) };
  const label = (row: number, field: FieldSpec) =>
    grid.set(row, col, { value: text(field.label, lang), style: STYLE.label, ...(field.note ? { note: text(field.note, lang) } : {}) });
  let row = options.startRow;

  for (const spec of specs) {
    // A table without content (a caller placing only some sections) is written empty.
    const content: TableContent = contents[spec.id] ?? { cell: () => null };
    const title: Cell = { value: text(spec.title, lang), style: STYLE.section, ...(spec.titleNote ? { note: text(spec.titleNote, lang) } : {}) };
    grid.set(row, col, title);
    const rows = new Map<string, number>();
    const keys: { key: string; row: number }[] = [];
    let last = row;
    if (spec.kind === 'list') {
      // Header row under the title, one row per record below it (a validated row to type into when there is none).
      const header = row + 1;
      const n = content.records ?? 0;
      const recordRows = Array.from({ length: n }, (_, j) => header + 1 + j);
      const down = (c: number): Area => ({ row: header + 1, col: c, rows: Math.max(n, 1), cols: 1 });
      const columns = new Map<string, number>();
      spec.columns.forEach((field, i) => {
        const c = col + i;
        columns.set(field.id, c);
        grid.set(header, c, { value: text(field.label, lang), style: STYLE.header, ...(field.note ? { note: text(field.note, lang) } : {}) });
        recordRows.forEach((r, j) => grid.set(r, c, input(content.cell(field.id, j), field.format)));
        if (field.validation) pending.push({ area: down(c), validation: field.validation, help: field.note ? text(field.note, lang) : '' });
      });
      const keyColumns: { key: string; col: number }[] = [];
      const keyed = spec.keyed;
      if (keyed) {
        (content.columnKeys ?? []).forEach(({ key, note }, k) => {
          const c = col + spec.columns.length + k;
          keyColumns.push({ key, col: c });
          // The note names the stage in words (its label), the header by its id, as the stage rows do.
          grid.set(header, c, { value: text(keyed.header, lang, { stage: key }), style: STYLE.header, ...(keyed.note ? { note: text(keyed.note, lang, { stage: note ?? key }) } : {}) });
          recordRows.forEach((r, j) => grid.set(r, c, input(content.keyCell?.(key, j) ?? null, keyed.format)));
        });
        if (keyed.validation && keyColumns.length > 0) {
          pending.push({ area: { ...down(keyColumns[0].col), cols: keyColumns.length }, validation: keyed.validation, help: spec.titleNote ? text(spec.titleNote, lang) : '' });
        }
      }
      const numberedColumns: { n: number; col: number }[] = [];
      const numbered = spec.numbered;
      if (numbered) {
        const first = col + spec.columns.length + keyColumns.length;
        for (let n = 1; n <= (content.numbered ?? 0); n++) {
          const c = first + n - 1;
          numberedColumns.push({ n, col: c });
          grid.set(header, c, { value: text(numbered.header, lang, { n }), style: STYLE.header, ...(numbered.note ? { note: text(numbered.note, lang) } : {}) });
          recordRows.forEach((r, j) => grid.set(r, c, input(content.numberedCell?.(n, j) ?? null, numbered.format)));
        }
        if (numbered.validation && numberedColumns.length > 0) {
          pending.push({ area: { ...down(first), cols: numberedColumns.length }, validation: numbered.validation, help: numbered.note ? text(numbered.note, lang) : '' });
        }
      }
      places.set(spec.id, { id: spec.id, title: { row, col }, rows, keys, valueCol: col + 1, records: [], list: { headerRow: header, columns, keyColumns, numberedColumns, rows: recordRows } });
      last = header + Math.max(n, 1);
    } else if (spec.kind === 'keyValue') {
      spec.rows.forEach((field, i) => {
        const r = row + 1 + i;
        label(r, field);
        grid.set(r, col + 1, input(content.cell(field.id, 0), field.format));
        rows.set(field.id, r);
        if (field.validation) pending.push({ area: { row: r, col: col + 1, rows: 1, cols: 1 }, validation: field.validation, help: field.note ? text(field.note, lang) : '' });
        last = r;
      });
      places.set(spec.id, { id: spec.id, title: { row, col }, rows, keys, valueCol: col + 1, records: [] });
    } else {
      const n = content.records ?? 0;
      const records = Array.from({ length: n }, (_, j) => ({ col: col + 1 + j, n: j + 1 }));
      records.forEach((r) => grid.set(row, r.col, { value: text(spec.column, lang, { n: r.n }), style: STYLE.header }));
      const totalCol = spec.total ? col + 1 + n : undefined;
      if (spec.total && totalCol) grid.set(row, totalCol, { value: text(spec.total, lang), style: STYLE.header });
      const across = (r: number): Area => ({ row: r, col: col + 1, rows: 1, cols: Math.max(n, 1) });
      const rowCells = (r: number, id: string, format: string | undefined) => {
        records.forEach((rec, j) => grid.set(r, rec.col, input(content.cell(id, j), format)));
        const total = totalCol ? content.total?.(id, across(r)) : undefined;
        if (totalCol && total) grid.set(r, totalCol, total);
      };
      if (isKeyed(spec.rows)) {
        const keyed = spec.rows;
        (content.keys ?? []).forEach(({ key, note }, i) => {
          const r = row + 1 + i;
          grid.set(r, col, { value: key, ...(note ? { note } : {}) });
          rowCells(r, key, keyed.format);
          keys.push({ key, row: r });
          last = r;
        });
        const valued = keys.length - (keyed.lastRowMarker ? 1 : 0);
        if (keyed.validation && valued > 0) pending.push({ area: { row: row + 1, col: col + 1, rows: valued, cols: Math.max(n, 1) }, validation: keyed.validation, help: spec.titleNote ? text(spec.titleNote, lang) : '' });
      } else {
        spec.rows.forEach((field, i) => {
          const r = row + 1 + i;
          label(r, field);
          rowCells(r, field.id, field.format);
          rows.set(field.id, r);
          if (field.validation) pending.push({ area: across(r), validation: field.validation, help: field.note ? text(field.note, lang) : '' });
          last = r;
        });
      }
      places.set(spec.id, { id: spec.id, title: { row, col }, rows, keys, valueCol: col + 1, records, ...(totalCol ? { totalCol } : {}) });
    }
    row = last + 2;
  }

  const validations = pending.flatMap(({ area, validation, help }): ValidationRule[] => {
    if (validation.kind === 'number') return [{ area, help, ...validation }];
    if (validation.kind === 'list') return [{ area, help, kind: 'list', values: validation.values }];
    const source = places.get(validation.table);
    if (!source || source.keys.length === 0) return [];
    return [{ area, help, kind: 'listFromRange', sheet: options.sheet, source: spanArea(source.keys.map((k) => ({ row: k.row, col: source.title.col }))) }];
  });
  return { places, validations };
}

/** The smallest area holding every cell (one cell when there is none). */
export function spanArea(cells: readonly CellAt[]): Area {
  if (cells.length === 0) return { row: 1, col: 1, rows: 1, cols: 1 };
  const rows = cells.map((c) => c.row);
  const cols = cells.map((c) => c.col);
  const row = Math.min(...rows);
  const col = Math.min(...cols);
  return { row, col, rows: Math.max(...rows) - row + 1, cols: Math.max(...cols) - col + 1 };
}

/** Whether the cells fill their span exactly, one after the other in one row or one column. */
export function isLine(cells: readonly CellAt[]): boolean {
  const span = spanArea(cells);
  if (span.rows !== 1 && span.cols !== 1) return false;
  return span.rows * span.cols === cells.length && new Set(cells.map((c) => `${c.row},${c.col}`)).size === cells.length;
}
