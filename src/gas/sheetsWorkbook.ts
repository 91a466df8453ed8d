/**
 * The Workbook port over SpreadsheetApp. Each block costs a fixed number of calls (one
 * setValues for values and formulas, one call per kind of format), never one per cell.
 */
import type {
  Area,
  Block,
  Cell,
  CellValue,
  ConditionalFormatRule,
  NamedRange,
  OwnerMarker,
  ValidationRule,
  WorkbookPort,
} from '../workbook/port';
import type { ChartSpec } from '../workbook/sheetTypes';
import { OWNER_SHEET, ownerFromTable } from '../workbook/ownerTable';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
/** The builders we need from SpreadsheetApp, passed in so tests can give a fake. */
export type SheetsBuilders = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

export const OWNER_KEY = 'funnelPlanner';

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

function plain(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

const grid = <T>(block: Block, pick: (cell: Cell | null) => T): T[][] => block.cells.map((row) => row.map(pick));

export class SheetsWorkbook implements WorkbookPort {
  constructor(
    private readonly spreadsheet: Spreadsheet,
    private readonly builders: SheetsBuilders,
  ) {}

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
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).setName(to);
  }

  deleteSheet(name: string): void {
    this.spreadsheet.deleteSheet(this.sheet(name));
  }

  orderSheets(names: readonly string[]): void {
    names.forEach((name, i) => {
      this.spreadsheet.setActiveSheet(this.sheet(name));
      this.spreadsheet.moveActiveSheet(i + 1);
    });
    if (names.length > 0) this.spreadsheet.setActiveSheet(this.sheet(names[0]));
  }

  duplicateSheet(from: string, to: string): void {
    this.sheet(from).copyTo(this.spreadsheet).setName(to);
  }

  copySheetContents(from: string, to: string): void {
    const source = this.sheet(from);
    const target = this.sheet(to);
    target.getDataRange().clearDataValidations();
    target.clear();
    target.clearNotes();
    // One call copies values, formulas, formats and notes; references to the target survive.
    source.getDataRange().copyTo(target.getRange(1, 1));
  }

  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void {
    const rows = block.cells.length;
    const cols = rows > 0 ? block.cells[0].length : 0;
    if (rows === 0 || cols === 0) return;
    const range = this.sheet(sheet).getRange(block.row, block.col, rows, cols);
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
    return this.range(sheet, area).getValues().map((row) => row.map(plain));
  }

  readValues(sheet: string): CellValue[][] {
    return this.sheet(sheet).getDataRange().getValues().map((row) => row.map(plain));
  }

  readFormulas(sheet: string): string[][] {
    return this.sheet(sheet).getDataRange().getFormulas().map((row) => row.map((f) => f.replace(/^=/, '')));
  }

  /** Eight reads of the data range, whatever its size. */
  readCells(sheet: string): Block {
    const range = this.sheet(sheet).getDataRange();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const notes = range.getNotes();
    const formats = range.getNumberFormats();
    const weights = range.getFontWeights();
    const styles = range.getFontStyles();
    const colors = range.getFontColors();
    const backgrounds = range.getBackgrounds();
    const cells = values.map((row, r) =>
      row.map((value, c): Cell => {
        const formula = formulas[r][c];
        return {
          value: plain(value),
          ...(formula ? { formula: formula.replace(/^=/, '') } : {}),
          ...(notes[r][c] ? { note: notes[r][c] } : {}),
          format: formats[r][c],
          style: { bold: weights[r][c] === 'bold', italic: styles[r][c] === 'italic', color: colors[r][c], background: backgrounds[r][c] },
        };
      }),
    );
    return { row: 1, col: 1, cells };
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

  setNamedRanges(ranges: readonly NamedRange[]): void {
    if (ranges.length === 0) return;
    const existing = new Set(this.spreadsheet.getNamedRanges().map((r) => r.getName()));
    for (const range of ranges) {
      if (existing.has(range.name)) this.spreadsheet.removeNamedRange(range.name);
      this.spreadsheet.setNamedRange(range.name, this.range(range.sheet, range.area));
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
      const builder = this.builders.newConditionalFormatRule().setRanges([this.range(sheet, rule.area)]);
      return rule.kind === 'colorScale'
        ? builder.setGradientMinpoint(rule.minColor).setGradientMaxpoint(rule.maxColor).build()
        : builder.whenNumberNotEqualTo(rule.value).setBackground(rule.background).setFontColor(rule.color).build();
    });
    this.sheet(sheet).setConditionalFormatRules(built);
  }

  setOwner(sheet: string, marker: OwnerMarker): void {
    const target = this.sheet(sheet);
    for (const m of target.getDeveloperMetadata()) if (m.getKey() === OWNER_KEY) m.remove();
    target.addDeveloperMetadata(OWNER_KEY, JSON.stringify(marker));
  }

  getOwner(sheet: string): OwnerMarker | undefined {
    const found = this.sheet(sheet).getDeveloperMetadata().find((m) => m.getKey() === OWNER_KEY);
    if (!found) {
      // An .xlsx written by the CLI and uploaded to Drive keeps its hidden owner table.
      const table = this.spreadsheet.getSheetByName(OWNER_SHEET);
      return table ? ownerFromTable(table.getDataRange().getValues().map((row) => row.map(plain)), sheet) : undefined;
    }
    try {
      return JSON.parse(found.getValue() ?? '') as OwnerMarker;
    } catch {
      return undefined;
    }
  }

  addChart(sheet: string, chart: ChartSpec): void {
    const target = this.sheet(sheet);
    // Only our own chart (known by its title) is replaced; charts the user added stay.
    for (const old of target.getCharts()) if (old.getOptions().get('title') === chart.title) target.removeChart(old);
    const built = target
      .newChart()
      .asBarChart()
      .addRange(this.range(sheet, chart.data))
      .setPosition(chart.anchor.row, chart.anchor.col, 0, 0)
      .setOption('title', chart.title)
      .setOption('legend', { position: 'none' })
      .build();
    target.insertChart(built);
  }
}
