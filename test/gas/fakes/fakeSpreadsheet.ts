/**
 * A small fake of SpreadsheetApp's Spreadsheet / Sheet / Range that behaves like the real
 * API where our adapter depends on it: setValues checks dimensions, a string starting with
 * "=" becomes a formula and a leading apostrophe forces text, numbers typed as text become
 * numbers, getValues returns "" for blanks, names of sheets are unique. Every call is counted.
 */
import { CallLog } from './callLog';

type Value = string | number | boolean | Date;

interface FakeCell {
  value: Value;
  formula: string;
  format: string;
  note: string;
  fontWeight: string;
  fontStyle: string;
  fontColor: string;
  background: string;
  fontSize: number;
  /** What getHorizontalAlignments gives: "general" unless set. */
  align: string;
  /** A WrapStrategy name: OVERFLOW unless set. */
  wrap: string;
}

const blank = (): FakeCell => ({
  value: '',
  formula: '',
  format: 'General',
  note: '',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontColor: '#000000',
  background: '#ffffff',
  fontSize: 10,
  align: 'general',
  wrap: 'OVERFLOW',
});

/**
 * How Sheets stores a formula typed or written through setValues: function names and cell
 * references in upper case, spaces outside string literals dropped (`=sum(a1, b1) + 1` reads
 * back as `=SUM(A1,B1)+1`). String literals and quoted sheet names stay as they are; named
 * ranges keep their case. Written on its own, not with the code under test's canonical form.
 */
export function sheetsFormulaText(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, '')
            .replace(/(?<![A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.]*)\(/g, (_m, name: string) => `${name.toUpperCase()}(`)
            .replace(/(?<![A-Za-z0-9_.])(\$?[A-Za-z]{1,3}\$?\d+)(?![A-Za-z0-9_(])/g, (ref: string) => ref.toUpperCase()),
    )
    .join('');
}

/** A formula in the notation of a decimal-comma locale: ";" between arguments, "," in numbers (no array literals). */
function localeNotation(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/,/g, ';').replace(/(\d)\.(\d)/g, '$1,$2')))
    .join('');
}

/** What Sheets does with a value written through setValues (USER_ENTERED semantics). */
export function enteredValue(input: unknown): { value: Value; formula: string } {
  if (typeof input === 'string') {
    if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
    if (input.startsWith('=')) return { value: '', formula: sheetsFormulaText(input) };
    const trimmed = input.trim();
    if (trimmed !== '' && !Number.isNaN(Number(trimmed))) return { value: Number(trimmed), formula: '' };
    if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true', formula: '' };
    return { value: input, formula: '' };
  }
  if (input === null || input === undefined) return { value: '', formula: '' };
  if (typeof input === 'number' || typeof input === 'boolean' || input instanceof Date) return { value: input, formula: '' };
  throw new Error(`Exception: The parameters (${typeof input}) don't match the method signature`);
}

export class FakeMetadata {
  removed = false;
  constructor(
    private readonly owner: FakeSheet,
    private readonly key: string,
    private readonly value: string,
  ) {}
  getKey(): string {
    this.owner.log.hit('DeveloperMetadata.getKey');
    return this.key;
  }
  getValue(): string {
    this.owner.log.hit('DeveloperMetadata.getValue');
    return this.value;
  }
  remove(): void {
    this.owner.log.hit('DeveloperMetadata.remove');
    this.owner.metadata = this.owner.metadata.filter((m) => m !== this);
  }
  /** The same key and value on another sheet, without counting calls (Sheet.copyTo does it in one). */
  cloneFor(sheet: FakeSheet): FakeMetadata {
    return new FakeMetadata(sheet, this.key, this.value);
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  private hit(name: string): void {
    this.sheet.log.hit(`Range.${name}`);
    this.sheet.rangeCalls.hit(name);
  }

  private checkGrid(name: string, grid: unknown): unknown[][] {
    if (!Array.isArray(grid) || grid.length !== this.rows || grid.some((r) => !Array.isArray(r) || r.length !== this.cols)) {
      const got = Array.isArray(grid) ? `${grid.length} x ${Array.isArray(grid[0]) ? grid[0].length : '?'}` : typeof grid;
      throw new Error(`Exception: The number of rows or columns in the data does not match the range (${name}: range ${this.rows} x ${this.cols}, data ${got}).`);
    }
    return grid as unknown[][];
  }

  private each(grid: unknown[][], set: (cell: FakeCell, v: unknown) => void): void {
    grid.forEach((row, r) => row.forEach((v, c) => set(this.sheet.cellAt(this.row + r, this.col + c), v)));
  }

  private map<T>(get: (cell: FakeCell) => T): T[][] {
    // Blank cells first, then the stored ones: a whole-sheet read (1000 x 26) stays cheap.
    const empty = get(blank());
    const grid = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => empty));
    for (const [key, cell] of this.sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      if (r >= this.row && r < this.row + this.rows && c >= this.col && c < this.col + this.cols) grid[r - this.row][c - this.col] = get(cell);
    }
    return grid;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.cols;
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  setValues(values: unknown): this {
    this.hit('setValues');
    const failure = this.sheet.spreadsheet.failOnSetValues;
    if (failure && failure.after-- <= 0) throw new Error('Exception: Service Spreadsheets timed out while accessing document');
    this.each(this.checkGrid('setValues', values), (cell, v) => Object.assign(cell, enteredValue(v)));
    return this;
  }
  getValues(): Value[][] {
    this.hit('getValues');
    return this.map((c) => (c.formula ? this.sheet.spreadsheet.formulaResult(c) : c.value));
  }
  getFormulas(): string[][] {
    this.hit('getFormulas');
    const locale = this.sheet.spreadsheet.formulasInLocaleNotation;
    return this.map((c) => (locale ? localeNotation(c.formula) : c.formula));
  }
  setNumberFormats(formats: unknown): this {
    this.hit('setNumberFormats');
    this.each(this.checkGrid('setNumberFormats', formats), (cell, v) => (cell.format = String(v)));
    return this;
  }
  getNumberFormats(): string[][] {
    this.hit('getNumberFormats');
    return this.map((c) => c.format);
  }
  setFontWeights(w: unknown): this {
    this.hit('setFontWeights');
    this.each(this.checkGrid('setFontWeights', w), (cell, v) => (cell.fontWeight = String(v)));
    return this;
  }
  getFontWeights(): string[][] {
    this.hit('getFontWeights');
    return this.map((c) => c.fontWeight);
  }
  setBackgrounds(b: unknown): this {
    this.hit('setBackgrounds');
    // Sheets stores colours as lower-case #rrggbb.
    this.each(this.checkGrid('setBackgrounds', b), (cell, v) => (cell.background = v === null ? '#ffffff' : String(v).toLowerCase()));
    return this;
  }
  getBackgrounds(): string[][] {
    this.hit('getBackgrounds');
    return this.map((c) => c.background);
  }
  setNotes(n: unknown): this {
    this.hit('setNotes');
    this.each(this.checkGrid('setNotes', n), (cell, v) => (cell.note = String(v ?? '')));
    return this;
  }
  getNotes(): string[][] {
    this.hit('getNotes');
    return this.map((c) => c.note);
  }
  setFontStyles(g: unknown): this {
    this.hit('setFontStyles');
    this.each(this.checkGrid('setFontStyles', g), (cell, v) => (cell.fontStyle = v === null ? 'normal' : String(v)));
    return this;
  }
  getFontStyles(): string[][] {
    this.hit('getFontStyles');
    return this.map((c) => c.fontStyle);
  }
  setFontSizes(g: unknown): this {
    this.hit('setFontSizes');
    this.each(this.checkGrid('setFontSizes', g), (cell, v) => (cell.fontSize = v === null ? 10 : Number(v)));
    return this;
  }
  getFontSizes(): number[][] {
    this.hit('getFontSizes');
    return this.map((c) => c.fontSize);
  }
  setFontColors(g: unknown): this {
    this.hit('setFontColors');
    this.each(this.checkGrid('setFontColors', g), (cell, v) => (cell.fontColor = v === null ? '#000000' : String(v).toLowerCase()));
    return this;
  }
  getFontColors(): string[][] {
    this.hit('getFontColors');
    return this.map((c) => c.fontColor);
  }
  setHorizontalAlignments(g: unknown): this {
    this.hit('setHorizontalAlignments');
    this.each(this.checkGrid('setHorizontalAlignments', g), (cell, v) => (cell.align = v === null ? 'general' : String(v)));
    return this;
  }
  getHorizontalAlignments(): string[][] {
    this.hit('getHorizontalAlignments');
    return this.map((c) => c.align);
  }
  setWraps(g: unknown): this {
    this.hit('setWraps');
    this.each(this.checkGrid('setWraps', g), (cell, v) => (cell.wrap = v === true ? 'WRAP' : 'OVERFLOW'));
    return this;
  }
  getWrapStrategies(): string[][] {
    this.hit('getWrapStrategies');
    return this.map((c) => c.wrap);
  }
  /** The rule of each cell (the last one set over it), null where none. */
  getDataValidations(): (unknown | null)[][] {
    this.hit('getDataValidations');
    const grid: (unknown | null)[][] = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => null));
    for (const v of this.sheet.validations) {
      for (let r = Math.max(v.range.row, this.row); r < Math.min(v.range.row + v.range.rows, this.row + this.rows); r++) {
        for (let c = Math.max(v.range.col, this.col); c < Math.min(v.range.col + v.range.cols, this.col + this.cols); c++) grid[r - this.row][c - this.col] = v.rule;
      }
    }
    return grid;
  }
  merge(): this {
    this.hit('merge');
    this.sheet.merges = [...this.sheet.merges.filter((m) => !overlaps(m, this)), this];
    return this;
  }
  breakApart(): this {
    this.hit('breakApart');
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this));
    return this;
  }
  getMergedRanges(): FakeRange[] {
    this.hit('getMergedRanges');
    return this.sheet.merges.filter((m) => overlaps(m, this));
  }
  clearDataValidations(): this {
    this.hit('clearDataValidations');
    this.sheet.validations = this.sheet.validations.filter((v) => !overlaps(v.range, this));
    return this;
  }
  /**
   * Paste-normal: values, formulas, formats, notes, data validation and conditional formats,
   * at the same relative positions (blank cells too).
   */
  copyTo(destination: FakeRange): void {
    this.hit('copyTo');
    const dr = destination.row - this.row;
    const dc = destination.col - this.col;
    const target = destination.sheet;
    const validations = this.sheet.validations.filter((v) => overlaps(v.range, this));
    const rules = this.sheet.conditionalRules.filter((rule) => ruleRanges(rule).some((a1) => overlaps(fromA1(this.sheet, a1), this)));
    target.validations = [
      ...target.validations.filter((v) => !overlaps(v.range, new FakeRange(target, destination.row, destination.col, this.rows, this.cols))),
      ...validations.map((v) => ({ range: new FakeRange(target, v.range.row + dr, v.range.col + dc, v.range.rows, v.range.cols), rule: v.rule })),
    ];
    target.conditionalRules = [...target.conditionalRules, ...rules.map((rule) => moveRule(rule, target, dr, dc))];
    const merges = this.sheet.merges.filter((m) => overlaps(m, this)).map((m) => new FakeRange(target, m.row + dr, m.col + dc, m.rows, m.cols));
    target.merges = [...target.merges.filter((m) => !merges.some((n) => overlaps(m, n))), ...merges];
    const inside = (key: string, row: number, col: number) => {
      const [r, c] = key.split(',').map(Number);
      return r >= row && r < row + this.rows && c >= col && c < col + this.cols ? [r - row, c - col] : undefined;
    };
    const copied = [...this.sheet.cells.entries()].map(([k, cell]) => [inside(k, this.row, this.col), { ...cell }] as const);
    for (const [k, cell] of destination.sheet.cells) if (inside(k, destination.row, destination.col)) Object.assign(cell, blank());
    for (const [at, cell] of copied) if (at) Object.assign(destination.sheet.cellAt(destination.row + at[0], destination.col + at[1]), cell);
  }
  setDataValidation(rule: unknown): this {
    this.hit('setDataValidation');
    this.sheet.validations.push({ range: this, rule });
    return this;
  }
  getA1Notation(): string {
    const letter = (c: number): string => (c > 26 ? letter(Math.floor((c - 1) / 26)) : '') + String.fromCharCode(65 + ((c - 1) % 26));
    const first = `${letter(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1 ? first : `${first}:${letter(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }
}

/** The A1 ranges of a conditional-format rule the fake builders built. */
function ruleRanges(rule: unknown): string[] {
  const ranges = (rule as { setRanges?: unknown[] }).setRanges?.[0];
  return Array.isArray(ranges) ? ranges.map(String) : [];
}

function fromA1(sheet: FakeSheet, a1: string): FakeRange {
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [first, last = first] = a1.split(':');
  const parse = (ref: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`bad A1 ${ref}`);
    return { row: Number(m[2]), col: col(m[1]) };
  };
  const a = parse(first);
  const b = parse(last);
  return new FakeRange(sheet, a.row, a.col, b.row - a.row + 1, b.col - a.col + 1);
}

/** The rule as pasted into `sheet` moved by (dr, dc). */
function moveRule(rule: unknown, sheet: FakeSheet, dr: number, dc: number): unknown {
  const moved = ruleRanges(rule).map((a1) => {
    const r = fromA1(sheet, a1);
    return new FakeRange(sheet, r.row + dr, r.col + dc, r.rows, r.cols).getA1Notation();
  });
  return { ...(rule as object), setRanges: [moved] };
}

function overlaps(a: FakeRange, b: FakeRange): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  metadata: FakeMetadata[] = [];
  validations: { range: FakeRange; rule: unknown }[] = [];
  conditionalRules: unknown[] = [];
  merges: FakeRange[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  widths = new Map<number, number>();
  /** Range calls on this sheet alone (also counted in the spreadsheet's log). */
  readonly rangeCalls = new CallLog();
  /** Like a gid: unique in the spreadsheet, never reused, not copied by copyTo. */
  readonly id: number;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private name: string,
  ) {
    this.id = spreadsheet.allocateSheetId();
  }

  get log(): CallLog {
    return this.spreadsheet.log;
  }

  /** A new sheet has 1000 rows and 26 columns; it grows when cells beyond are set. */
  maxRows = 1000;
  maxColumns = 26;

  cellAt(row: number, col: number): FakeCell {
    this.maxRows = Math.max(this.maxRows, row);
    this.maxColumns = Math.max(this.maxColumns, col);
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = blank();
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, col: number): FakeCell {
    return this.cells.get(`${row},${col}`) ?? blank();
  }

  /** The used range: up to the last row and column holding a value or formula. */
  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value === '' && cell.formula === '') continue;
      const [r, c] = key.split(',').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    return { rows, cols };
  }

  getName(): string {
    this.log.hit('Sheet.getName');
    return this.name;
  }
  getSheetId(): number {
    this.log.hit('Sheet.getSheetId');
    return this.id;
  }
  /** Deletes row `position` (1-based); the rows below move up. */
  deleteRow(position: number): this {
    this.log.hit('Sheet.deleteRow');
    const moved = [...this.cells.entries()].map(([k, cell]) => [k.split(',').map(Number), cell] as const);
    this.cells.clear();
    for (const [[r, c], cell] of moved) if (r !== position) this.cells.set(`${r > position ? r - 1 : r},${c}`, cell);
    return this;
  }
  setName(name: string): this {
    this.log.hit('Sheet.setName');
    if (this.spreadsheet.sheets.some((s) => s !== this && s.name === name)) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.name = name;
    return this;
  }
  /** Name without counting a call, for assertions. */
  get currentName(): string {
    return this.name;
  }
  getRange(row: number, col: number, rows = 1, cols = 1): FakeRange {
    this.log.hit('Sheet.getRange');
    if (row < 1 || col < 1 || rows < 1 || cols < 1 || row + rows - 1 > this.maxRows || col + cols - 1 > this.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, rows, cols);
  }
  getRangeList(a1Notations: readonly string[]): { getRanges(): FakeRange[] } {
    this.log.hit('Sheet.getRangeList');
    const ranges = a1Notations.map((a1) => fromA1(this, a1));
    return {
      getRanges: () => {
        this.log.hit('RangeList.getRanges');
        return ranges;
      },
    };
  }
  getDataRange(): FakeRange {
    this.log.hit('Sheet.getDataRange');
    const { rows, cols } = this.extent();
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1));
  }
  getMaxRows(): number {
    this.log.hit('Sheet.getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.log.hit('Sheet.getMaxColumns');
    return this.maxColumns;
  }
  /** As Apps Script: inserts `count` ≥ 1 rows after row `after` (the fake: only at the end). */
  insertRowsAfter(after: number, count: number): this {
    this.log.hit('Sheet.insertRowsAfter');
    if (!Number.isInteger(count) || count < 1) throw new Error('Exception: The number of rows to insert must be at least 1.');
    if (after !== this.maxRows) throw new Error('the fake inserts rows only at the end');
    this.maxRows += count;
    return this;
  }
  /** As Apps Script: inserts `count` ≥ 1 columns after column `after` (the fake: only at the end). */
  insertColumnsAfter(after: number, count: number): this {
    this.log.hit('Sheet.insertColumnsAfter');
    if (!Number.isInteger(count) || count < 1) throw new Error('Exception: The number of columns to insert must be at least 1.');
    if (after !== this.maxColumns) throw new Error('the fake inserts columns only at the end');
    this.maxColumns += count;
    return this;
  }
  getLastRow(): number {
    this.log.hit('Sheet.getLastRow');
    return this.extent().rows;
  }
  setFrozenRows(n: number): void {
    this.log.hit('Sheet.setFrozenRows');
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    this.log.hit('Sheet.setFrozenColumns');
    this.frozenColumns = n;
  }
  getFrozenRows(): number {
    this.log.hit('Sheet.getFrozenRows');
    return this.frozenRows;
  }
  getFrozenColumns(): number {
    this.log.hit('Sheet.getFrozenColumns');
    return this.frozenColumns;
  }
  /** 100 pixels unless set, as in a new sheet. */
  getColumnWidth(col: number): number {
    this.log.hit('Sheet.getColumnWidth');
    return this.widths.get(col) ?? 100;
  }
  /** The rules as Apps Script hands them out: getRanges() and getGradientCondition() (null for a boolean rule). */
  getConditionalFormatRules(): { getRanges(): { getA1Notation(): string }[]; getGradientCondition(): unknown }[] {
    this.log.hit('Sheet.getConditionalFormatRules');
    return this.conditionalRules.map((rule) => ({
      getRanges: () => {
        this.log.hit('ConditionalFormatRule.getRanges');
        return ruleRanges(rule).map((a1) => fromA1(this, a1));
      },
      getGradientCondition: () => {
        this.log.hit('ConditionalFormatRule.getGradientCondition');
        const spec = rule as Record<string, unknown>;
        return 'setGradientMinpoint' in spec || 'setGradientMaxpoint' in spec ? { gradient: true } : null;
      },
    }));
  }
  clearConditionalFormatRules(): void {
    this.log.hit('Sheet.clearConditionalFormatRules');
    this.conditionalRules = [];
  }
  setColumnWidths(start: number, count: number, width: number): this {
    this.log.hit('Sheet.setColumnWidths');
    for (let c = start; c < start + count; c++) this.widths.set(c, width);
    return this;
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this.log.hit('Sheet.setConditionalFormatRules');
    this.conditionalRules = [...rules];
  }
  getDeveloperMetadata(): FakeMetadata[] {
    this.log.hit('Sheet.getDeveloperMetadata');
    return [...this.metadata];
  }
  addDeveloperMetadata(key: string, value: string): this {
    this.log.hit('Sheet.addDeveloperMetadata');
    this.metadata.push(new FakeMetadata(this, key, value));
    return this;
  }
  getCharts(): FakeChart[] {
    this.log.hit('Sheet.getCharts');
    return [...this.charts];
  }
  clear(): this {
    this.log.hit('Sheet.clear');
    for (const cell of this.cells.values()) Object.assign(cell, { ...blank(), note: cell.note });
    return this;
  }
  clearNotes(): this {
    this.log.hit('Sheet.clearNotes');
    for (const cell of this.cells.values()) cell.note = '';
    return this;
  }
  /** Sheet.copyTo(spreadsheet): a full copy named "Copy of …", appended. */
  copyTo(spreadsheet: FakeSpreadsheet): FakeSheet {
    this.log.hit('Sheet.copyTo');
    const copy = spreadsheet.insertSheetQuietly(`Copy of ${this.name}`);
    for (const [k, cell] of this.cells) copy.cells.set(k, { ...cell });
    Object.assign(copy, { maxRows: this.maxRows, maxColumns: this.maxColumns, frozenRows: this.frozenRows, frozenColumns: this.frozenColumns, widths: new Map(this.widths) });
    copy.metadata = this.metadata.map((m) => m.cloneFor(copy));
    copy.validations = this.validations.map((v) => ({ range: new FakeRange(copy, v.range.row, v.range.col, v.range.rows, v.range.cols), rule: v.rule }));
    copy.conditionalRules = this.conditionalRules.map((rule) => moveRule(rule, copy, 0, 0));
    copy.merges = this.merges.map((m) => new FakeRange(copy, m.row, m.col, m.rows, m.cols));
    copy.charts = this.charts.map((c) => new FakeChart({ ...c.spec, options: { ...(c.spec.options as Record<string, unknown>) } }, spreadsheet.allocateChartId())); // copies get ids of their own
    return copy;
  }
  removeChart(chart: FakeChart): void {
    this.log.hit('Sheet.removeChart');
    this.charts = this.charts.filter((c) => c.id !== chart.id);
  }
  /** As in Sheets, the chart in the sheet is a new object with its id; the built one keeps getChartId() null. */
  insertChart(chart: FakeChart): void {
    this.log.hit('Sheet.insertChart');
    this.charts.push(new FakeChart(chart.spec, this.spreadsheet.allocateChartId()));
  }
  newChart(): ChartBuilder {
    this.log.hit('Sheet.newChart');
    return new ChartBuilder(this.log);
  }
  /** Plain values of the used range, without counting calls, for assertions. */
  snapshot(): { values: Value[][]; formulas: string[][] } {
    const { rows, cols } = this.extent();
    const grid = <T>(pick: (c: FakeCell) => T) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => pick(this.peek(r + 1, c + 1))));
    return { values: grid((c) => c.value), formulas: grid((c) => c.formula) };
  }
}

/** Records the chart the adapter builds; every setter is chainable, as in Apps Script. */
export class ChartBuilder {
  readonly spec: Record<string, unknown> = { options: {} };
  constructor(private readonly log: CallLog) {}
  private step(name: string, apply: () => void): this {
    this.log.hit(`EmbeddedChartBuilder.${name}`);
    apply();
    return this;
  }
  asBarChart(): this {
    return this.step('asBarChart', () => (this.spec.type = 'bar'));
  }
  asColumnChart(): this {
    return this.step('asColumnChart', () => (this.spec.type = 'column'));
  }
  /** As in Apps Script, only a chart type's builder (after asColumnChart/asBarChart…) stacks. */
  setStacked(): this {
    return this.step('setStacked', () => {
      if (this.spec.type === undefined) throw new TypeError('setStacked is not a function');
      this.spec.stacked = true;
    });
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.step('setTransposeRowsAndColumns', () => (this.spec.transpose = transpose));
  }
  setNumHeaders(headers: number): this {
    return this.step('setNumHeaders', () => (this.spec.numHeaders = headers));
  }
  addRange(range: FakeRange): this {
    return this.step('addRange', () => (this.spec.range = range.getA1Notation()));
  }
  setPosition(row: number, col: number, x: number, y: number): this {
    return this.step('setPosition', () => (this.spec.position = [row, col, x, y]));
  }
  setOption(key: string, value: unknown): this {
    return this.step('setOption', () => ((this.spec.options as Record<string, unknown>)[key] = value));
  }
  build(): FakeChart {
    this.log.hit('EmbeddedChartBuilder.build');
    return new FakeChart({ ...this.spec, options: { ...(this.spec.options as Record<string, unknown>) } }, null);
  }
}

/** An EmbeddedChart: getChartId() is stable and unique in the spreadsheet once the chart is in a sheet, else null. */
export class FakeChart {
  constructor(
    readonly spec: Record<string, unknown>,
    readonly id: number | null,
  ) {}
  getChartId(): number | null {
    return this.id;
  }
  getOptions(): { get: (key: string) => unknown } {
    const options = this.spec.options as Record<string, unknown>;
    return { get: (key: string) => options[key] };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const [row, col, x, y] = (this.spec.position as number[] | undefined) ?? [1, 1, 0, 0];
    return { getAnchorRow: () => row, getAnchorColumn: () => col, getOffsetX: () => x, getOffsetY: () => y };
  }
  /** The data ranges (on the sheet the chart was built on: the fake keeps only their A1 notation). */
  getRanges(): { getA1Notation(): string }[] {
    const range = this.spec.range;
    return typeof range === 'string' ? [{ getA1Notation: () => range }] : [];
  }
  /** The user customises the chart (Edit chart): the same chart, other options or position. */
  customise(options: Record<string, unknown>, position?: number[]): void {
    Object.assign(this.spec.options as Record<string, unknown>, options);
    if (position) this.spec.position = position;
  }
  /** [row, col, offsetX, offsetY], for assertions. */
  get position(): unknown {
    return this.spec.position;
  }
  /** The title, for assertions. */
  get title(): unknown {
    return (this.spec.options as Record<string, unknown>).title;
  }
}

export class FakeNamedRange {
  constructor(
    readonly name: string,
    public range: FakeRange,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): FakeRange {
    return this.range;
  }
  setRange(range: FakeRange): this {
    this.range = range;
    return this;
  }
}

export class FakeSpreadsheet {
  readonly log = new CallLog();
  sheets: FakeSheet[] = [];
  named: FakeNamedRange[] = [];
  active: FakeSheet | undefined;
  private sheetIds = 0;
  allocateSheetId(): number {
    return this.sheetIds++;
  }
  private chartIds = 1000;
  allocateChartId(): number {
    return this.chartIds++;
  }
  /**
   * What we could not confirm from Google's documentation: that getFormulas answers in the
   * spreadsheet locale's notation (`=ROUND(A1;0,5)` in de_DE). Off by default; a test turns it
   * on to show an untouched sheet is still not taken for edited if it does.
   */
  formulasInLocaleNotation = false;
  /** Set to make the nth setValues call from now throw, to test failure handling. */
  failOnSetValues: { after: number } | undefined;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.sheets.push(new FakeSheet(this, name));
  }

  /** The fake does not calculate: a formula cell shows the value a test gave it, else "". */
  formulaResult(cell: FakeCell): Value {
    return cell.value;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.log.hit('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.currentName === name) ?? null;
  }
  getSheets(): FakeSheet[] {
    this.log.hit('Spreadsheet.getSheets');
    return [...this.sheets];
  }
  getNumSheets(): number {
    this.log.hit('Spreadsheet.getNumSheets');
    return this.sheets.length;
  }
  /**
   * As Spreadsheet.insertSheet(sheetName, sheetIndex): a new sheet of 1,000 rows and 26 columns
   * (FakeSheet's size). Its third argument, `{ template }`, is not faked: the add-on never uses it.
   */
  insertSheet(name: string, index: number): FakeSheet {
    this.log.hit('Spreadsheet.insertSheet');
    if (this.sheets.some((s) => s.currentName === name)) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }
  /** Appends a sheet without counting a call (for copies made by Sheet.copyTo). */
  insertSheetQuietly(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.log.hit('Spreadsheet.deleteSheet');
    if (this.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.named = this.named.filter((n) => n.range.sheet !== sheet);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.log.hit('Spreadsheet.setActiveSheet');
    this.active = sheet;
    return sheet;
  }
  moveActiveSheet(position: number): void {
    this.log.hit('Spreadsheet.moveActiveSheet');
    const sheet = this.active;
    if (!sheet) throw new Error('no active sheet');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position - 1, 0, sheet);
  }
  getNamedRanges(): FakeNamedRange[] {
    this.log.hit('Spreadsheet.getNamedRanges');
    return [...this.named];
  }
  setNamedRange(name: string, range: FakeRange): void {
    this.log.hit('Spreadsheet.setNamedRange');
    if (this.named.some((n) => n.name === name)) throw new Error(`Exception: A named range "${name}" already exists.`);
    this.named.push(new FakeNamedRange(name, range));
  }
  removeNamedRange(name: string): void {
    this.log.hit('Spreadsheet.removeNamedRange');
    this.named = this.named.filter((n) => n.name !== name);
  }
  getRangeByName(name: string): FakeRange | null {
    this.log.hit('Spreadsheet.getRangeByName');
    return this.named.find((n) => n.name === name)?.range ?? null;
  }
  locale = 'en_US';
  getSpreadsheetLocale(): string {
    this.log.hit('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }
  /** File > Settings > Time zone: date cells are instants, shown on this zone's wall clock. */
  timeZone = 'Asia/Shanghai';
  getSpreadsheetTimeZone(): string {
    this.log.hit('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }
  /** Sheet names in order, without counting calls. */
  names(): string[] {
    return this.sheets.map((s) => s.currentName);
  }
  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => s.currentName === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }
}

/** Chainable builders that record what was asked, like SpreadsheetApp.newDataValidation(). */
export function fakeBuilders(log: CallLog) {
  const builder = (kind: string) => {
    const spec: Record<string, unknown> = { kind };
    const proxy: Record<string, unknown> = new Proxy(
      {},
      {
        get: (_t, method: string) => {
          if (method === 'build') {
            return () => {
              log.hit(`${kind}.build`);
              return { ...spec };
            };
          }
          return (...args: unknown[]) => {
            log.hit(`${kind}.${method}`);
            spec[method] = args.map((a) => (a instanceof FakeRange ? a.getA1Notation() : Array.isArray(a) ? a.map((x) => (x instanceof FakeRange ? x.getA1Notation() : x)) : a));
            return proxy;
          };
        },
      },
    );
    return proxy;
  };
  return {
    newDataValidation: () => {
      log.hit('SpreadsheetApp.newDataValidation');
      return builder('DataValidationBuilder');
    },
    newConditionalFormatRule: () => {
      log.hit('SpreadsheetApp.newConditionalFormatRule');
      return builder('ConditionalFormatRuleBuilder');
    },
  };
}

/** A document lock that can be held by "someone else". */
export class FakeLock {
  heldElsewhere = false;
  held = false;
  /** Runs once while this caller waits for the lock: what another run holding it did meanwhile. */
  whileWaiting: (() => void) | undefined;
  tryLock(): boolean {
    const other = this.whileWaiting;
    this.whileWaiting = undefined;
    other?.();
    if (this.heldElsewhere || this.held) return false;
    this.held = true;
    return true;
  }
  releaseLock(): void {
    this.held = false;
  }
}
