/**
 * The Workbook port over SpreadsheetApp. Each block costs a fixed number of calls (one
 * setValues for values and formulas, one call per kind of format), never one per cell.
 */
import type {
  Area,
  Block,
  Cell,
  CellStyle,
  ChartSwap,
  CellValue,
  ConditionalFormatRule,
  NamedRange,
  OwnerMarker,
  SheetContents,
  ValidationRule,
  WorkbookPort,
} from '../workbook/port';
import { areaAddress, cellAddress } from '../workbook/a1';
import { type ChartSpec, ruleAreas } from '../workbook/sheetTypes';
import { OWNER_SHEET, ownerFromTable } from '../workbook/ownerTable';
import { isDate } from './wallClockDates';
import { CorruptOwnerMarkerError } from '../workbook/sheetRefusal';
import { isRecord } from '../core/isRecord';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
/** The builders we need from SpreadsheetApp, passed in so tests can give a fake. */
export type SheetsBuilders = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

export const OWNER_KEY = 'funnelPlanner';
/** Developer metadata listing the ids of the charts we put on a sheet. */
export const CHARTS_KEY = 'funnelPlannerCharts';

function chartIds(json: string | null): number[] {
  try {
    const ids: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is number => typeof id === 'number') : [];
  } catch {
    return []; // a damaged list only means an old chart of ours may stay
  }
}

/**
 * The chart type of a ChartSpec: a bar chart of labels and values without a legend, or
 * a stacked column chart whose series are the rows of its table (months across).
 */
function chartBuilder(builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder, chart: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
  if (chart.kind === 'stackedColumn') {
    return builder.asColumnChart().setStacked().setTransposeRowsAndColumns(true).setNumHeaders(1).setOption('legend', { position: 'right' });
  }
  if (chart.kind === 'column') return builder.asColumnChart().setOption('legend', { position: 'none' });
  return builder.asBarChart().setOption('legend', { position: 'none' });
}

/**
 * Text goes in with a leading apostrophe: Sheets would otherwise turn "=…", "+…", "-…",
 * "@…" into formulas and "1-2" or "TRUE" into dates and booleans. The apostrophe is not
 * part of the value getValues returns.
 */
export function sheetsValue(cell: Cell | null): CellValue {
  if (!cell) return '';
  if (cell.formula !== undefined) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return v;
}

/** A date cell is an instant: it reads as the wall clock the sheet shows (GasContext.wallClock). */
function plain(value: unknown, wallClock: (date: Date) => string): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (isDate(value)) return wallClock(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

const grid = <T>(block: Block, pick: (cell: Cell | null) => T): T[][] => block.cells.map((row) => row.map(pick));

/** What Spreadsheet.insertSheet makes: a grid of 1,000 rows and 26 columns (A–Z). */
export const NEW_SHEET_SIZE = { rows: 1000, cols: 26 } as const;

/** A sheet's grid as this port knows it; `measured` when read from the sheet, not assumed from NEW_SHEET_SIZE. */
interface GridSize {
  rows: number;
  cols: number;
  measured: boolean;
}

export class SheetsWorkbook implements WorkbookPort {
  /**
   * The grid size of the sheets this port inserted (NEW_SHEET_SIZE, taken on trust: no call),
   * measured (two calls, once per sheet) or grew: a block beyond it grows the sheet once, so
   * writing costs the same calls for a plan of one source as for six sources of five channels.
   */
  private readonly sizes = new Map<string, GridSize>();

  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly builders: SheetsBuilders,
    private readonly wallClock: (date: Date) => string,
  ) {}

  private plain = (value: unknown): CellValue => plain(value, this.wallClock);

  private sheet(name: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  private range(sheet: string, area: Area): Range {
    return this.sheet(sheet).getRange(area.row, area.col, area.rows, area.cols);
  }

  listSheets(): string[] {
    return this.spreadsheet.getSheets().map((s) => s.getName());
  }

  addSheet(name: string): void {
    this.spreadsheet.insertSheet(name, this.spreadsheet.getNumSheets());
    this.sizes.set(name, { ...NEW_SHEET_SIZE, measured: false });
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).setName(to);
    const size = this.sizes.get(from);
    this.sizes.delete(from);
    if (size) this.sizes.set(to, size);
  }

  deleteSheet(name: string): void {
    this.spreadsheet.deleteSheet(this.sheet(name));
    this.sizes.delete(name);
  }

  private size(name: string, sheet: Sheet): GridSize {
    let size = this.sizes.get(name);
    if (!size) {
      size = { rows: sheet.getMaxRows(), cols: sheet.getMaxColumns(), measured: true };
      this.sizes.set(name, size);
    }
    return size;
  }

  /** Grows the sheet (at its end) to hold rows 1…lastRow and columns 1…lastCol: at most one call each way. */
  private fit(name: string, sheet: Sheet, lastRow: number, lastCol: number): void {
    const size = this.size(name, sheet);
    if (lastRow > size.rows) {
      sheet.insertRowsAfter(size.rows, lastRow - size.rows);
      size.rows = lastRow;
    }
    if (lastCol > size.cols) {
      sheet.insertColumnsAfter(size.cols, lastCol - size.cols);
      size.cols = lastCol;
    }
  }

  orderSheets(names: readonly string[]): void {
    names.forEach((name, i) => {
      this.spreadsheet.setActiveSheet(this.sheet(name));
      this.spreadsheet.moveActiveSheet(i + 1);
    });
    if (names.length > 0) this.spreadsheet.setActiveSheet(this.sheet(names[0]));
  }

  /** Never leaves a stray "Copy of …" behind: a copy that cannot be named is deleted again. */
  duplicateSheet(from: string, to: string): void {
    this.sizes.delete(to); // a copy is as big as its sheet: measured when written to
    const copy = this.sheet(from).copyTo(this.spreadsheet);
    try {
      copy.setName(to);
    } catch (error) {
      this.spreadsheet.deleteSheet(copy);
      throw error;
    }
  }

  /**
   * The whole grid, not only the data range, so formatting and notes in cells without values
   * travel too (a restore after a failed swap must give back the user's sheet as it was).
   */
  copySheetContents(from: string, to: string, options?: { readonly view?: boolean }): void {
    const source = this.sheet(from);
    const target = this.sheet(to);
    const rows = source.getMaxRows();
    const cols = source.getMaxColumns();
    const targetRows = target.getMaxRows();
    const targetCols = target.getMaxColumns();
    if (targetRows < rows) target.insertRowsAfter(targetRows, rows - targetRows);
    if (targetCols < cols) target.insertColumnsAfter(targetCols, cols - targetCols);
    this.sizes.set(to, { rows: Math.max(rows, targetRows), cols: Math.max(cols, targetCols), measured: true });
    const everything = target.getRange(1, 1, Math.max(rows, targetRows), Math.max(cols, targetCols));
    everything.clearDataValidations();
    everything.breakApart(); // merges travel with the paste: the target keeps only the source's
    target.clearConditionalFormatRules();
    target.clear();
    target.clearNotes();
    // One call copies values, formulas, formats, notes, validation and conditional formats
    // (a normal paste); references to the target survive.
    source.getRange(1, 1, rows, cols).copyTo(target.getRange(1, 1));
    if (!options?.view) return;
    // Only when putting a sheet back after a failed run: a read per column is acceptable there.
    target.setFrozenRows(source.getFrozenRows());
    target.setFrozenColumns(source.getFrozenColumns());
    this.setColumnWidths(to, Array.from({ length: cols }, (_, c) => source.getColumnWidth(c + 1)));
  }

  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void {
    const rows = block.cells.length;
    const cols = rows > 0 ? block.cells[0].length : 0;
    if (rows === 0 || cols === 0) return;
    const target = this.sheet(sheet);
    // A block beyond the grid (Inputs or Funnel with 25+ sources) grows it once.
    const lastRow = block.row + rows - 1;
    const lastCol = block.col + cols - 1;
    this.fit(sheet, target, lastRow, lastCol);
    let range: Range;
    try {
      range = target.getRange(block.row, block.col, rows, cols);
    } catch (error) {
      // The size of a new sheet was taken on trust: if the sheet is smaller after all, measure it and grow it.
      if (this.sizes.get(sheet)?.measured !== false) throw error;
      this.sizes.delete(sheet);
      this.fit(sheet, target, lastRow, lastCol);
      range = target.getRange(block.row, block.col, rows, cols);
    }
    const style = (cell: Cell | null) => cell?.style ?? {};
    range.setValues(grid(block, sheetsValue));
    if (options?.valuesOnly) return;
    range.setNumberFormats(grid(block, (c) => c?.format ?? 'General'));
    range.setFontWeights(grid(block, (c) => (style(c).bold ? 'bold' : 'normal')));
    range.setFontStyles(grid(block, (c) => (style(c).italic ? 'italic' : 'normal')));
    range.setFontSizes(grid(block, (c) => style(c).fontSize ?? 10));
    range.setFontColors(grid(block, (c) => style(c).color ?? '#000000'));
    range.setBackgrounds(grid(block, (c) => style(c).background ?? '#ffffff'));
    range.setHorizontalAlignments(grid(block, (c) => style(c).align ?? null));
    range.setWraps(grid(block, (c) => style(c).wrap ?? false));
    range.setNotes(grid(block, (c) => c?.note ?? ''));
  }

  readBlock(sheet: string, area: Area): CellValue[][] {
    return this.range(sheet, area).getValues().map((row) => row.map(this.plain));
  }

  readValues(sheet: string): CellValue[][] {
    return this.sheet(sheet).getDataRange().getValues().map((row) => row.map(this.plain));
  }

  readFormulas(sheet: string): string[][] {
    return this.sheet(sheet).getDataRange().getFormulas().map((row) => row.map((f) => f.replace(/^=/, '')));
  }

  /**
   * Nine reads of the data range; notes, fills, validations and merges of the whole grid; the
   * conditional-format rules; our charts. Whatever the size, a fixed number of calls (plus a
   * few per rule and per chart): a note, a fill or a dropdown on an empty cell (outside the data
   * range) is the user's work too. Borders are not read: Apps Script has no batch getter for
   * them (only Range.getBorder() of one cell), and one call per cell is not affordable.
   */
  readCells(sheet: string): SheetContents {
    const target = this.sheet(sheet);
    const range = target.getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const weights = range.getFontWeights();
    const styles = range.getFontStyles();
    const sizes = range.getFontSizes();
    const colors = range.getFontColors();
    const alignments = range.getHorizontalAlignments();
    // Not getWraps(): its documentation calls wrapping "the default", so a cell nobody touched
    // could read as wrapped. WRAP is what a user (or a layout asking for wrap) sets.
    const wraps = range.getWrapStrategies();
    const whole = target.getRange(1, 1, target.getMaxRows(), target.getMaxColumns());
    const notes = whole.getNotes();
    const backgrounds = whole.getBackgrounds();
    const validations = whole.getDataValidations();
    const merges = whole.getMergedRanges().map((m) => m.getA1Notation());
    const validated: string[] = [];
    validations.forEach((line, r) => line.forEach((rule, c) => rule && validated.push(cellAddress(r + 1, c + 1))));
    const conditionalFormats = target.getConditionalFormatRules().map((rule) => ({
      kind: rule.getGradientCondition() ? ('gradient' as const) : ('boolean' as const),
      ranges: rule.getRanges().map((r) => r.getA1Notation()),
    }));
    const ours = new Set(target.getDeveloperMetadata().filter((m) => m.getKey() === CHARTS_KEY).flatMap((m) => chartIds(m.getValue())));
    const charts = ours.size === 0 ? [] : target.getCharts().filter((chart) => ours.has(chart.getChartId() ?? NaN)).map((chart) => {
      const at = chart.getContainerInfo();
      return {
        title: String(chart.getOptions().get('title') ?? ''),
        row: at.getAnchorRow(),
        col: at.getAnchorColumn(),
        offsetX: at.getOffsetX(),
        offsetY: at.getOffsetY(),
        ranges: chart.getRanges().map((r) => r.getA1Notation()),
      };
    });
    let rows = values.length;
    let cols = values[0]?.length ?? 0;
    notes.forEach((line, r) =>
      line.forEach((note, c) => {
        if (!note && backgrounds[r][c].toLowerCase() === '#ffffff') return;
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }),
    );
    const align = (value: string): CellStyle['align'] => {
      const a = String(value ?? '').toLowerCase();
      return a === 'left' || a === 'center' || a === 'right' ? a : undefined; // "general…" is nobody's choice
    };
    const cells = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c): Cell => {
        const note = notes[r][c] ? { note: notes[r][c] } : {};
        if (r >= values.length || c >= values[r].length) return { value: null, ...note, style: { background: backgrounds[r][c] } };
        const formula = formulas[r][c];
        return {
          value: this.plain(values[r][c]),
          ...(formula ? { formula: formula.replace(/^=/, '') } : {}),
          ...note,
          format: formats[r][c],
          style: {
            bold: weights[r][c] === 'bold',
            italic: styles[r][c] === 'italic',
            fontSize: sizes[r][c],
            color: colors[r][c],
            background: backgrounds[r][c],
            align: align(alignments[r][c]),
            wrap: String(wraps[r][c]) === 'WRAP',
          },
        };
      }),
    );
    return { row: 1, col: 1, cells, merges, validated, conditionalFormats, charts };
  }

  setFrozen(sheet: string, rows: number, cols: number): void {
    const target = this.sheet(sheet);
    target.setFrozenRows(rows);
    target.setFrozenColumns(cols);
  }

  /** Equal neighbouring widths go in one call, so six sources cost what one does. */
  setColumnWidths(sheet: string, widths: readonly (number | undefined)[]): void {
    const target = this.sheet(sheet);
    let start = 0;
    while (start < widths.length) {
      let end = start + 1;
      while (end < widths.length && widths[end] === widths[start]) end++;
      const width = widths[start];
      if (width !== undefined) target.setColumnWidths(start + 1, end - start, width);
      start = end;
    }
  }

  /** An existing name is moved (NamedRange.setRange), never removed and re-added: no moment without it. */
  setNamedRanges(ranges: readonly NamedRange[]): void {
    if (ranges.length === 0) return;
    const existing = new Map(this.spreadsheet.getNamedRanges().map((r) => [r.getName(), r]));
    for (const range of ranges) {
      const found = existing.get(range.name);
      if (found) found.setRange(this.range(range.sheet, range.area));
      else this.spreadsheet.setNamedRange(range.name, this.range(range.sheet, range.area));
    }
  }

  setValidations(sheet: string, rules: readonly ValidationRule[]): void {
    for (const rule of rules) {
      let builder = this.builders.newDataValidation();
      if (rule.kind === 'number') {
        builder =
          rule.greaterThan !== undefined
            ? builder.requireNumberGreaterThan(rule.greaterThan)
            : builder.requireNumberBetween(rule.min ?? -1e300, rule.max ?? 1e300);
      } else if (rule.kind === 'list') {
        builder = builder.requireValueInList([...rule.values], true);
      } else {
        builder = builder.requireValueInRange(this.range(rule.sheet, rule.source), true);
      }
      // A kind other than the listed ones is allowed (with a warning): it is free text.
      const validation = builder.setAllowInvalid(rule.kind === 'list').setHelpText(rule.help).build();
      this.range(sheet, rule.area).setDataValidation(validation);
    }
  }

  setConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): void {
    const built = rules.map((rule) => {
      // A rule over a list of areas: one getRangeList for all of them, however many.
      const ranges = rule.kind === 'notEqual' && rule.moreAreas ? this.sheet(sheet).getRangeList(ruleAreas(rule).map((a) => areaAddress(a))).getRanges() : [this.range(sheet, rule.area)];
      const builder = this.builders.newConditionalFormatRule().setRanges(ranges);
      return rule.kind === 'colorScale'
        ? builder.setGradientMinpoint(rule.minColor).setGradientMaxpoint(rule.maxColor).build()
        : builder.whenNumberNotEqualTo(rule.value).setBackground(rule.background).setFontColor(rule.color).build();
    });
    this.sheet(sheet).setConditionalFormatRules(built);
  }

  /**
   * The marker is developer metadata on the sheet, with the sheet's id: a copy of the sheet
   * (a backup, a duplicate the user renamed) carries the metadata but not the id, so it is
   * not taken for ours. A row of an uploaded .xlsx's owner table for this sheet is used up:
   * from now on the metadata speaks for it, and a sheet made later under the name is not ours.
   */
  setOwner(sheet: string, marker: OwnerMarker): void {
    const target = this.sheet(sheet);
    for (const m of target.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.remove();
    const { byNameOnly, ...kept } = marker;
    void byNameOnly;
    target.addDeveloperMetadata(OWNER_KEY, JSON.stringify({ ...kept, sheetId: target.getSheetId() }));
    const table = this.spreadsheet.getSheetByName(OWNER_SHEET);
    if (!table) return;
    const names = table.getDataRange().getValues().map((row) => row[0]);
    for (let r = names.length - 1; r >= 1; r--) if (names[r] === sheet) table.deleteRow(r + 1);
  }

  getOwner(sheet: string): OwnerMarker | undefined {
    const target = this.sheet(sheet);
    const found = target.getDeveloperMetadata().find((m) => m.getKey() === OWNER_KEY);
    if (!found) {
      // An .xlsx written by the CLI and uploaded to Drive keeps its hidden owner table.
      const table = this.spreadsheet.getSheetByName(OWNER_SHEET);
      return table ? ownerFromTable(table.getDataRange().getValues().map((row) => row.map(this.plain)), sheet) : undefined;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(found.getValue() ?? '');
    } catch {
      throw new CorruptOwnerMarkerError(sheet);
    }
    const marker = parsed as Partial<OwnerMarker> & { sheetId?: unknown };
    if (!isRecord(parsed) || typeof marker.kind !== 'string' || typeof marker.fingerprint !== 'string') throw new CorruptOwnerMarkerError(sheet);
    // Markers written before they carried the id are trusted as they were.
    if (marker.sheetId !== undefined && marker.sheetId !== target.getSheetId()) return undefined;
    return { kind: marker.kind, version: String(marker.version ?? ''), generatedOn: String(marker.generatedOn ?? ''), fingerprint: marker.fingerprint };
  }

  /**
   * Our charts are known by their ids (EmbeddedChart.getChartId(), stable and unique in the
   * spreadsheet), kept in the sheet's developer metadata: not by title, which changes with
   * the language and which a user's chart may share. Until the swap is committed, the record
   * lists the previous charts and the new ones, so a run killed in between leaves no chart of
   * ours the next run would not recognise.
   */
  setCharts(sheet: string, charts: readonly ChartSpec[]): ChartSwap {
    const target = this.sheet(sheet);
    const metadata = target.getDeveloperMetadata().filter((m) => m.getKey() === CHARTS_KEY);
    const recorded = metadata.map((m) => m.getValue());
    const ours = new Set(recorded.flatMap(chartIds));
    // A sheet written by version 0.1.0 has no list yet: once, its chart is known by title as it was then.
    const titles = new Set(charts.map((c) => c.title));
    const legacy = metadata.length === 0;
    const existing = target.getCharts();
    const previous = existing
      .filter((old) => ours.has(old.getChartId() ?? NaN) || (legacy && titles.has(String(old.getOptions().get('title')))))
      .map((old) => old.getChartId())
      .filter((id): id is number => id !== null);
    const before = new Set(existing.map((c) => c.getChartId()));
    const record = (values: readonly (string | null)[]) => {
      for (const m of target.getDeveloperMetadata()) if (m.getKey() === CHARTS_KEY) m.remove();
      for (const value of values) target.addDeveloperMetadata(CHARTS_KEY, value ?? '[]');
    };
    const remove = (ids: readonly number[] | ((id: number | null) => boolean)) => {
      const gone = typeof ids === 'function' ? ids : (id: number | null) => ids.includes(id ?? NaN);
      for (const chart of target.getCharts()) if (gone(chart.getChartId())) target.removeChart(chart);
    };
    try {
      return this.insertCharts(sheet, target, charts, before, previous, recorded, record, remove);
    } catch (error) {
      // Failed half-way: what was inserted goes again, the record is put back.
      try {
        remove((id) => !before.has(id));
        record(recorded);
      } catch {
        // a chart of ours left behind is listed nowhere: the next run leaves it (never the user's)
      }
      throw error;
    }
  }

  private insertCharts(
    sheet: string,
    target: Sheet,
    charts: readonly ChartSpec[],
    before: ReadonlySet<number | null>,
    previous: readonly number[],
    recorded: readonly (string | null)[],
    record: (values: readonly (string | null)[]) => void,
    remove: (ids: readonly number[]) => void,
  ): ChartSwap {
    for (const chart of charts) {
      const built = chartBuilder(target.newChart(), chart)
        .addRange(this.range(sheet, chart.data))
        .setPosition(chart.anchor.row, chart.anchor.col, 0, 0)
        .setOption('title', chart.title)
        .build();
      target.insertChart(built);
    }
    // The inserted charts, not the built objects, carry the ids.
    const added = target.getCharts().map((c) => c.getChartId()).filter((id): id is number => id !== null && !before.has(id));
    record([JSON.stringify([...previous, ...added])]);
    return {
      commit: () => {
        remove(previous);
        record([JSON.stringify(added)]);
      },
      undo: () => {
        remove(added);
        record(recorded);
      },
    };
  }
}
