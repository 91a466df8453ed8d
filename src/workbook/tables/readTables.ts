/**
 * Finds the tables of an input sheet wherever the user put them, from the same specs that
 * wrote them: a section by its title in any cell (any language the labels know), a row by its
 * first cell below the title, a record column by its header. Blank rows and columns inside a
 * table and notes beside it are passed over. Pure: it reads a grid of values, nothing else.
 */
import { columnLetter } from '../a1';
import { TextKey, labelVariants, normalizeLabel } from '../labels';
import type { CellValue } from '../port';
import { CellAt, FieldSpec, GridSpec, KeyedRows, ListSpec, Parse, TablePlace, TableSpec, isKeyed } from './tableSpec';

/** One cell read for the plan: its path (segments, then as text), where it is, and what it holds. */
export interface ReadEntry {
  readonly path: string;
  readonly segments: readonly (string | number)[];
  readonly cell: CellAt;
  readonly raw: CellValue | undefined;
  readonly parse: Parse;
}

/** What is missing, and where it was looked for; the caller words it. */
export type TableProblem =
  | { readonly kind: 'missingSection'; readonly table: string; readonly title: TextKey }
  | { readonly kind: 'missingRow'; readonly table: string; readonly column: string; readonly label: TextKey }
  | { readonly kind: 'missingColumn'; readonly table: string; readonly range: string; readonly header: TextKey; readonly n: number };

export interface TablesReading {
  readonly places: ReadonlyMap<string, TablePlace>;
  readonly entries: readonly ReadEntry[];
  readonly problems: readonly TableProblem[];
}

export const isBlank = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A plan value from a cell: trimmed text (ids and stages typed as numbers are still text), or the value itself. */
export function parseCell(v: CellValue | undefined, parse: Parse): unknown {
  if (isBlank(v)) return undefined;
  return parse === 'text' ? (typeof v === 'string' ? v.trim() : String(v)) : v;
}

/** `sources[{i}].conversionRates.{key}` → ['sources', 1, 'conversionRates', key]: a key with dots stays one segment. */
export function pathSegments(template: string, i: number, key = ''): (string | number)[] {
  return template
    .split(/\.|(?=\[)/)
    .map((part) => {
      const index = /^\[(.*)\]$/.exec(part);
      const filled = (index ? index[1] : part).replace('{i}', String(i));
      if (filled === '{key}') return key;
      return index ? Number(filled) : filled;
    });
}

export function segmentsText(segments: readonly (string | number)[]): string {
  return segments.map((s, k) => (typeof s === 'number' ? `[${s}]` : k === 0 ? s : `.${s}`)).join('');
}

/** "Source {n}" → a matcher giving n back from "Source 3" / "来源 3". */
function numberedHeader(key: TextKey): (v: CellValue | undefined) => number | undefined {
  const patterns = labelVariants(key).map(
    (variant) => new RegExp(`^${variant.split('{n}').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(\\d+)')}$`),
  );
  return (v) => {
    const label = normalizeLabel(typeof v === 'number' ? String(v) : v);
    for (const p of patterns) {
      const m = p.exec(label);
      if (m) return Number(m[1]);
    }
    return undefined;
  };
}

export function readTables(specs: readonly TableSpec[], values: readonly (readonly CellValue[])[], sheet: string): TablesReading {
  const rowCount = values.length;
  const colCount = values.reduce((max, row) => Math.max(max, row.length), 0);
  const at = (row: number, col: number): CellValue | undefined => values[row - 1]?.[col - 1];
  const labelAt = (row: number, col: number) => normalizeLabel(at(row, col));
  const places = new Map<string, TablePlace>();
  const entries: ReadEntry[] = [];
  const problems: TableProblem[] = [];
  const columnRange = (col: number) => `${sheet}!${columnLetter(col)}:${columnLetter(col)}`;

  // Every cell that reads like a title, of any table: a table ends where the next title in its column starts.
  let titles: { spec: string; row: number; col: number }[] = [];
  const variants = specs.map((s) => [s.id, labelVariants(s.title)] as const);
  for (let r = 1; r <= rowCount; r++) {
    for (let c = 1; c <= colCount; c++) {
      const label = labelAt(r, c);
      if (label === '') continue;
      for (const [id, v] of variants) if (v.includes(label)) titles.push({ spec: id, row: r, col: c });
    }
  }
  const extentEnd = (row: number, col: number) => {
    const next = titles.filter((t) => t.col === col && t.row > row).map((t) => t.row);
    return next.length > 0 ? Math.min(...next) - 1 : rowCount;
  };
  /** The first row in col, rows from..to, whose first cell is the label. */
  const findRow = (key: TextKey, col: number, from: number, to: number) => {
    const wanted = labelVariants(key);
    for (let r = from; r <= to; r++) if (wanted.includes(labelAt(r, col))) return r;
    return undefined;
  };
  const fixedRows = (fields: readonly FieldSpec[], title: CellAt, to: number) => {
    const rows = new Map<string, number>();
    for (const f of fields) {
      const r = findRow(f.label, title.col, title.row + 1, to);
      if (r !== undefined) rows.set(f.id, r);
    }
    return rows;
  };

  /** The title cell of a table: the candidate under which most of its rows are found; else where its rows are. */
  const locate = (spec: TableSpec): { title: CellAt; to: number } | undefined => {
    if (spec.kind === 'list') {
      // The title with most of the list's headers in the row below it; an optional list is there with its title alone.
      const candidates = titles.filter((t) => t.spec === spec.id).map((t) => ({ title: { row: t.row, col: t.col }, to: extentEnd(t.row, t.col) }));
      const score = ({ title, to }: { title: CellAt; to: number }) =>
        Math.max(listHeaders(spec, title.row + 1, title.col).columns.size, spec.across && !isKeyed(spec.across.rows) ? fixedRows(spec.across.rows, title, to).size : 0);
      return candidates.reduce<(typeof candidates)[number] | undefined>((b, c) => (b === undefined || score(c) > score(b) ? c : b), undefined);
    }
    const fields = spec.kind === 'keyValue' ? spec.rows : isKeyed(spec.rows) ? undefined : spec.rows;
    const candidates = titles.filter((t) => t.spec === spec.id).map((t) => ({ title: { row: t.row, col: t.col }, to: extentEnd(t.row, t.col) }));
    if (!fields) {
      // A keyed table (the rates) is the title with "Source n" headers beside it and a row key below, not a note that repeats its words.
      const header = numberedHeader((spec as GridSpec).column);
      const score = ({ title }: { title: CellAt }) =>
        (isBlank(at(title.row + 1, title.col)) ? 0 : 1) + (header(at(title.row, title.col + 1)) !== undefined ? 1 : 0);
      return candidates.reduce<(typeof candidates)[number] | undefined>((b, c) => (b === undefined || score(c) > score(b) ? c : b), undefined);
    }
    const scored = candidates.map((c) => ({ ...c, score: fixedRows(fields, c.title, c.to).size }));
    const best = scored.reduce<(typeof scored)[number] | undefined>((b, c) => (b === undefined || c.score > b.score ? c : b), undefined);
    if (best && best.score > 0) return best;
    // An optional section is there only with its title: its labels alone may be another table's ("Source id").
    if (spec.optional) return best;
    // No title (retyped, deleted): the rows alone, in the column holding most of them.
    let found: { title: CellAt; to: number; score: number } | undefined;
    for (let c = 1; c <= colCount; c++) {
      const rows = [...fixedRows(fields, { row: 0, col: c }, rowCount).values()];
      if (rows.length > 0 && (!found || rows.length > found.score)) found = { title: { row: Math.min(...rows) - 1, col: c }, to: rowCount, score: rows.length };
    }
    return found ?? best;
  };

  // A cell that only reads like a title (a scenario named "Plan" in a list) is data: once every
  // table is located, only their titles end the tables above them.
  const located = specs.map(locate).filter((w): w is { title: CellAt; to: number } => w !== undefined);
  titles = titles.filter((t) => located.some((w) => w.title.row === t.row && w.title.col === t.col));

  for (const spec of specs) {
    const where = locate(spec);
    if (!where) {
      if (!spec.optional) problems.push({ kind: 'missingSection', table: spec.id, title: spec.title });
      continue;
    }
    const { title, to } = where;
    if (spec.kind === 'keyValue') {
      const rows = fixedRows(spec.rows, title, to);
      for (const f of spec.rows) {
        const r = rows.get(f.id);
        if (r === undefined) {
          if (f.required) problems.push({ kind: 'missingRow', table: spec.id, column: columnRange(title.col), label: f.label });
          continue;
        }
        const segments = pathSegments(f.path, 0);
        entries.push({ path: segmentsText(segments), segments, cell: { row: r, col: title.col + 1 }, raw: at(r, title.col + 1), parse: f.parse });
      }
      places.set(spec.id, { id: spec.id, title, rows, keys: [], valueCol: title.col + 1, records: [] });
    } else if (spec.kind === 'list') {
      // An older sheet's layout of the section (one column per record, fields down) where its rows are what the title heads.
      const across = spec.across && !isKeyed(spec.across.rows) ? spec.across.rows : undefined;
      if (across && spec.across && fixedRows(across, title, to).size > listHeaders(spec, title.row + 1, title.col).columns.size) readFixedGrid(spec.across, across, title, to);
      else readList(spec, title, to);
    } else if (!isKeyed(spec.rows)) {
      readFixedGrid(spec, spec.rows, title, to);
    } else {
      readKeyedGrid(spec, spec.rows, title, to);
    }
  }
  return { places, entries, problems };

  /** The keys a list's keyed columns may have: the row keys of `keysOf` but its last (the won stage). */
  function columnKeys(spec: ListSpec): readonly string[] {
    const keysOf = spec.keyed ? places.get(spec.keyed.keysOf) : undefined;
    return keysOf ? keysOf.keys.slice(0, -1).map((k) => k.key) : [];
  }

  /** The columns of a list's header row, from `col` rightwards: fields by their labels, keyed columns by "Rate from {stage}". */
  function listHeaders(
    spec: ListSpec,
    row: number,
    col: number,
  ): { columns: Map<string, number>; keyColumns: { key: string; col: number }[]; numberedColumns: { n: number; col: number }[] } {
    const columns = new Map<string, number>();
    const keyColumns: { key: string; col: number }[] = [];
    const numberedColumns: { n: number; col: number }[] = [];
    const numbered = spec.numbered ? numberedHeader(spec.numbered.header) : undefined;
    const keys = columnKeys(spec);
    const keyHeader = spec.keyed
      ? labelVariants(spec.keyed.header).map((v) => new RegExp(`^${v.split('{stage}').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(.+)')}$`))
      : [];
    for (let c = col; c <= colCount; c++) {
      const label = labelAt(row, c);
      if (label === '') continue;
      const field = spec.columns.find((f) => !columns.has(f.id) && labelVariants(f.label).includes(label));
      if (field) {
        columns.set(field.id, c);
        continue;
      }
      const n = numbered?.(at(row, c));
      if (n !== undefined) {
        if (n >= 1 && !numberedColumns.some((k) => k.n === n)) numberedColumns.push({ n, col: c });
        continue;
      }
      for (const pattern of keyHeader) {
        const m = pattern.exec(label);
        const key = m ? keys.find((k) => normalizeLabel(k) === m[1].trim()) : undefined;
        if (key !== undefined && !keyColumns.some((k) => k.key === key)) {
          keyColumns.push({ key, col: c });
          break;
        }
      }
    }
    numberedColumns.sort((a, b) => a.n - b.n);
    return { columns, keyColumns, numberedColumns };
  }

  function readList(spec: ListSpec, title: CellAt, to: number): void {
    const headerRow = title.row + 1;
    const { columns, keyColumns, numberedColumns } = listHeaders(spec, headerRow, title.col);
    const lastCol = Math.max(title.col, ...columns.values(), ...keyColumns.map((k) => k.col), ...numberedColumns.map((k) => k.col));
    for (const f of spec.columns) {
      if (f.required && !columns.has(f.id)) {
        problems.push({ kind: 'missingColumn', table: spec.id, range: `${sheet}!${columnLetter(title.col)}${headerRow}:${columnLetter(Math.max(lastCol, title.col + spec.columns.length - 1))}${headerRow}`, header: f.label, n: 0 });
      }
    }
    // Records down to the first row with nothing in any of the list's columns (or the next section's title).
    const cols = [...columns.values(), ...keyColumns.map((k) => k.col), ...numberedColumns.map((k) => k.col)];
    const rows: number[] = [];
    for (let r = headerRow + 1; r <= to; r++) {
      if (cols.every((c) => isBlank(at(r, c)))) break;
      rows.push(r);
    }
    rows.forEach((r, i) => {
      for (const f of spec.columns) {
        const c = columns.get(f.id);
        if (c === undefined) continue;
        const segments = pathSegments(f.path, i);
        entries.push({ path: segmentsText(segments), segments, cell: { row: r, col: c }, raw: at(r, c), parse: f.parse });
      }
      for (const k of keyColumns) {
        const segments = pathSegments(spec.keyed!.path, i, k.key);
        entries.push({ path: segmentsText(segments), segments, cell: { row: r, col: k.col }, raw: at(r, k.col), parse: spec.keyed!.parse });
      }
      for (const k of numberedColumns) {
        const segments = pathSegments(spec.numbered!.path, i, String(k.n));
        entries.push({ path: segmentsText(segments), segments, cell: { row: r, col: k.col }, raw: at(r, k.col), parse: spec.numbered!.parse });
      }
    });
    places.set(spec.id, { id: spec.id, title, rows: new Map(), keys: [], valueCol: title.col + 1, records: [], list: { headerRow, columns, keyColumns, numberedColumns, rows } });
  }

  function readFixedGrid(spec: GridSpec, fields: readonly FieldSpec[], title: CellAt, to: number): void {
    const rows = fixedRows(fields, title, to);
    const missing = fields.filter((f) => f.required && !rows.has(f.id));
    for (const f of missing) problems.push({ kind: 'missingRow', table: spec.id, column: columnRange(title.col), label: f.label });
    const totals = spec.total ? labelVariants(spec.total) : [];
    const header = numberedHeader(spec.column);
    let totalCol: number | undefined;
    for (let c = title.col + 1; c <= colCount && title.row > 0; c++) {
      if (totals.includes(labelAt(title.row, c))) {
        totalCol = c;
        break;
      }
    }
    const records: { col: number; n?: number }[] = [];
    const found = [...rows.values()];
    for (let c = title.col + 1; c <= (totalCol ? totalCol - 1 : colCount); c++) {
      const n = title.row > 0 ? header(at(title.row, c)) : undefined;
      if (found.every((r) => isBlank(at(r, c)))) {
        // Bounded by its total column, a table passes over a blank column; unbounded, a blank column ends it —
        // unless it is headed as a record ("Month 5"): then it is one, left blank, so the records after it keep their places.
        if (totalCol) continue;
        if (n === undefined) break;
      }
      records.push({ col: c, ...(n !== undefined ? { n } : {}) });
    }
    records.forEach((rec, i) => {
      for (const f of fields) {
        const r = rows.get(f.id);
        if (r === undefined) continue;
        const segments = pathSegments(f.path, i);
        entries.push({ path: segmentsText(segments), segments, cell: { row: r, col: rec.col }, raw: at(r, rec.col), parse: f.parse });
      }
    });
    places.set(spec.id, { id: spec.id, title, rows, keys: [], valueCol: title.col + 1, records, ...(totalCol ? { totalCol } : {}) });
  }

  function readKeyedGrid(spec: GridSpec, keyed: KeyedRows, title: CellAt, to: number): void {
    const parent = spec.recordsOf ? places.get(spec.recordsOf) : undefined;
    const header = numberedHeader(spec.column);
    // Record headers along the title row, over blank cells, up to the first other text (a table beside this one).
    const headed = new Map<number, number>();
    let lastLooked = title.col + 1;
    for (let c = title.col + 1; c <= colCount; c++) {
      const v = at(title.row, c);
      if (isBlank(v)) continue;
      lastLooked = c;
      const n = header(v);
      if (n === undefined) break;
      if (!headed.has(n)) headed.set(n, c);
    }
    const own = [...headed.entries()].map(([n, col]) => ({ col, n }));
    const wanted = parent ? parent.records : own;
    const records: { col: number; n?: number }[] = [];
    wanted.forEach((rec) => {
      if (!parent) return records.push(rec);
      // Older sheets have no headers here, and a source typed into a new column has none: such columns line up with the parent table's.
      if (headed.size === 0 || rec.n === undefined) return records.push({ col: title.col + (rec.col - parent.title.col), ...(rec.n !== undefined ? { n: rec.n } : {}) });
      const col = rec.n !== undefined ? headed.get(rec.n) : undefined;
      if (col === undefined) {
        const range = `${sheet}!${columnLetter(title.col)}${title.row}:${columnLetter(lastLooked)}${title.row}`;
        problems.push({ kind: 'missingColumn', table: spec.id, range, header: spec.column, n: rec.n ?? records.length + 1 });
        return;
      }
      records.push({ col, n: rec.n });
    });

    // Rows run to the one marked as last (the won stage), over blank rows; without a marker, to the first blank row.
    const markers = keyed.lastRowMarker ? labelVariants(keyed.lastRowMarker) : [];
    let end: number | undefined;
    for (let r = title.row + 1; r <= to && markers.length > 0; r++) {
      if (!isBlank(at(r, title.col)) && records.some((rec) => markers.includes(labelAt(r, rec.col)))) {
        end = r;
        break;
      }
    }
    const keys: { key: string; row: number }[] = [];
    for (let r = title.row + 1; r <= (end ?? to); r++) {
      if (isBlank(at(r, title.col))) {
        if (end === undefined) break;
        continue;
      }
      keys.push({ key: parseCell(at(r, title.col), 'text') as string, row: r });
    }
    const keysPath = keyed.keysPath;
    if (keysPath !== undefined) keys.forEach((k, idx) => {
      const segments = [...pathSegments(keysPath, 0), idx];
      entries.push({ path: segmentsText(segments), segments, cell: { row: k.row, col: title.col }, raw: at(k.row, title.col), parse: 'text' });
    });
    const valued = keyed.lastRowMarker ? keys.slice(0, -1) : keys;
    records.forEach((rec, i) => {
      for (const k of valued) {
        const segments = pathSegments(keyed.path, i, k.key);
        entries.push({ path: segmentsText(segments), segments, cell: { row: k.row, col: rec.col }, raw: at(k.row, rec.col), parse: keyed.parse });
      }
    });
    places.set(spec.id, { id: spec.id, title, rows: new Map(), keys, valueCol: title.col + 1, records });
  }
}
