/**
 * The Workbook port over exceljs, for .xlsx files. Formula cells carry the engine's result
 * as their cached value, so the file reads right in viewers that do not recalculate; user
 * text is always stored as a string, never as a formula.
 */
import ExcelJS from 'exceljs';
import { area as makeArea, areaAddress, quoteSheet } from '../../workbook/a1';
import type {
  Area,
  Block,
  Cell,
  CellStyle,
  CellValue,
  ConditionalFormatRule,
  NamedRange,
  OwnerMarker,
  SheetContents,
  ValidationRule,
  WorkbookPort,
} from '../../workbook/port';
import { OWNER_HEADER, OWNER_SHEET, ownerFromTable } from '../../workbook/ownerTable';
import { ruleAreas } from '../../workbook/sheetTypes';
import { replaceDefinedName, setWorksheetOrder } from './exceljsInternals';
import { tidyXlsxPackage } from './xlsxPackage';

/** Hidden sheet holding the owner markers (Google Sheets uses developer metadata instead). */
export const META_SHEET = OWNER_SHEET;
const PX_PER_CHAR = 7;

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

function cellsOf(area: Area, visit: (row: number, col: number) => void): void {
  for (let r = 0; r < area.rows; r++) for (let c = 0; c < area.cols; c++) visit(area.row + r, area.col + c);
}

/** A cell's value as a plain CellValue, whatever exceljs holds (formula results, rich text, dates, errors). */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
      return plainValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as { text: unknown }).text);
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

/** exceljs's `value` drops a formula's cached 0, false or "" (it reads as no result); `result` keeps it. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  return cell.formula ? plainValue(cell.result ?? null) : plainValue(cell.value);
}

function applyStyle(target: ExcelJS.Cell, style: CellStyle): void {
  if (style.bold || style.italic || style.fontSize || style.color) {
    target.font = {
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    };
  }
  if (style.background) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.background) } };
  if (style.align || style.wrap) {
    target.alignment = { ...(style.align ? { horizontal: style.align } : {}), ...(style.wrap ? { wrapText: true } : {}) };
  }
}

export class ExcelWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {
    // Excel recalculates on open; the cached results are only for viewers that do not.
    workbook.calcProperties.fullCalcOnLoad = true;
  }

  /** A workbook saved by any tool: parts other tools name their own way are tidied first (xlsxPackage.ts). */
  static async fromBuffer(data: Buffer | ArrayBuffer): Promise<ExcelWorkbook> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(tidyXlsxPackage(Buffer.from(data as ArrayBuffer)) as unknown as ArrayBuffer);
    return new ExcelWorkbook(workbook);
  }

  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}"`);
    return sheet;
  }

  listSheets(): string[] {
    return this.workbook.worksheets.filter((w) => w.name !== META_SHEET).map((w) => w.name);
  }

  addSheet(name: string): void {
    // Printed plans fit the page width instead of spilling columns onto extra pages.
    this.workbook.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
  }

  deleteSheet(name: string): void {
    this.workbook.removeWorksheet(this.sheet(name).id);
  }

  orderSheets(names: readonly string[]): void {
    const all = this.workbook.worksheets;
    const first = names.map((n) => all.find((w) => w.name === n)).filter((w): w is ExcelJS.Worksheet => w !== undefined);
    const ordered = [...first, ...all.filter((w) => !first.includes(w))];
    setWorksheetOrder(ordered);
  }

  duplicateSheet(from: string, to: string): void {
    this.addSheet(to);
    this.copySheetContents(from, to);
  }

  copySheetContents(from: string, to: string, options?: { readonly view?: boolean }): void {
    const source = this.sheet(from);
    const target = this.sheet(to);
    const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    // exceljs keeps validations and conditional formats on the worksheet, outside its typings.
    type Rules = { dataValidations: { remove(address: string): void }; conditionalFormattings: unknown[] };
    const rules = (ws: ExcelJS.Worksheet) => ws as unknown as Rules;
    target.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.value = null;
        cell.style = {};
        rules(target).dataValidations.remove(cell.address);
      }),
    );
    source.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const copy = target.getCell(r, c);
        copy.value = cell.value;
        copy.style = clone(cell.style ?? {}) as Partial<ExcelJS.Style>;
        if (cell.note) copy.note = cell.note;
        if (cell.dataValidation) copy.dataValidation = clone(cell.dataValidation);
      }),
    );
    rules(target).conditionalFormattings = clone(rules(source).conditionalFormattings ?? []);
    if (!options?.view) return;
    target.views = clone(source.views);
    for (let c = 1; c <= source.columnCount; c++) target.getColumn(c).width = source.getColumn(c).width;
  }

  writeBlock(sheet: string, block: Block, options?: { readonly valuesOnly?: boolean }): void {
    const ws = this.sheet(sheet);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const target = ws.getCell(block.row + r, block.col + c);
        if (cell && options?.valuesOnly) this.writeCell(target, { value: cell.value, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) });
        else if (cell) this.writeCell(target, cell);
        else target.value = null;
      }),
    );
  }

  private writeCell(target: ExcelJS.Cell, cell: Cell): void {
    if (cell.formula !== undefined) {
      target.value = { formula: cell.formula, result: cell.value ?? undefined } as ExcelJS.CellFormulaValue;
    } else {
      target.value = cell.value ?? null;
    }
    if (cell.format) target.numFmt = cell.format;
    if (cell.style) applyStyle(target, cell.style);
    if (cell.note) target.note = cell.note;
  }

  readBlock(sheet: string, area: Area): CellValue[][] {
    const ws = this.sheet(sheet);
    return Array.from({ length: area.rows }, (_, r) =>
      Array.from({ length: area.cols }, (_, c) => cellValue(ws.getCell(area.row + r, area.col + c))),
    );
  }

  readValues(sheet: string): CellValue[][] {
    const ws = this.sheet(sheet);
    return this.readBlock(sheet, makeArea(1, 1, ws.rowCount, ws.columnCount));
  }

  readFormulas(sheet: string): string[][] {
    const ws = this.sheet(sheet);
    return Array.from({ length: ws.rowCount }, (_, r) =>
      Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r + 1, c + 1).formula ?? ''),
    );
  }

  /**
   * What exceljs can read of all a user can change: the cells with their fonts, fills, number
   * formats, alignment and wrap, notes and validations; the merges and the conditional formats.
   * (Borders are not part of the fingerprint, as in Sheets; exceljs holds no charts.)
   */
  readCells(sheet: string): SheetContents {
    const ws = this.sheet(sheet);
    const hex = (color: Partial<ExcelJS.Color> | undefined) => (color?.argb ? `#${color.argb.slice(-6).toLowerCase()}` : undefined);
    const noteText = (note: ExcelJS.Cell['note']) =>
      typeof note === 'string' ? note : note ? (note.texts ?? []).map((t) => t.text).join('') : '';
    const cells = Array.from({ length: ws.rowCount }, (_, r) =>
      Array.from({ length: ws.columnCount }, (_, c): Cell => {
        const cell = ws.getCell(r + 1, c + 1);
        const fill = cell.fill?.type === 'pattern' ? hex(cell.fill.fgColor) : undefined;
        const horizontal = cell.alignment?.horizontal;
        return {
          value: cellValue(cell),
          ...(cell.formula ? { formula: cell.formula } : {}),
          ...(noteText(cell.note) ? { note: noteText(cell.note) } : {}),
          ...(cell.numFmt ? { format: cell.numFmt } : {}),
          style: {
            bold: cell.font?.bold === true,
            italic: cell.font?.italic === true,
            ...(cell.font?.size !== undefined ? { fontSize: cell.font.size } : {}),
            color: hex(cell.font?.color),
            background: fill,
            align: horizontal === 'left' || horizontal === 'center' || horizontal === 'right' ? horizontal : undefined,
            wrap: cell.alignment?.wrapText === true,
          },
        };
      }),
    );
    // exceljs keeps merges, validations (by address, also of empty cells beyond the used range)
    // and conditional formats on the worksheet, outside its typings.
    const inside = ws as unknown as {
      _merges?: Record<string, { range: string }>;
      dataValidations?: { model?: Record<string, unknown> };
      conditionalFormattings?: { ref: string; rules: { type: string }[] }[];
    };
    const merges = Object.values(inside._merges ?? {}).map((m) => m.range);
    const validated = Object.entries(inside.dataValidations?.model ?? {}).filter(([, rule]) => rule).map(([address]) => address);
    const conditionalFormats = (inside.conditionalFormattings ?? []).flatMap((cf) =>
      cf.rules.map((rule) => ({ kind: rule.type === 'colorScale' ? ('gradient' as const) : ('boolean' as const), ranges: cf.ref.split(/\s+/) })),
    );
    return { row: 1, col: 1, cells, merges, validated, conditionalFormats };
  }

  setFrozen(sheet: string, rows: number, cols: number): void {
    this.sheet(sheet).views = rows || cols ? [{ state: 'frozen', xSplit: cols, ySplit: rows }] : [{ state: 'normal' }];
  }

  setColumnWidths(sheet: string, widths: readonly (number | undefined)[]): void {
    const ws = this.sheet(sheet);
    widths.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = Math.round((w / PX_PER_CHAR) * 10) / 10;
    });
  }

  setNamedRanges(ranges: readonly NamedRange[]): void {
    for (const range of ranges) replaceDefinedName(this.workbook, range.name, `${quoteSheet(range.sheet)}!${areaAddress(range.area, true)}`);
  }

  setValidations(sheet: string, rules: readonly ValidationRule[]): void {
    const ws = this.sheet(sheet);
    for (const rule of rules) {
      const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, prompt: rule.help, error: rule.help };
      let validation: ExcelJS.DataValidation;
      if (rule.kind === 'number') {
        validation =
          rule.greaterThan !== undefined
            ? { ...common, type: 'decimal', operator: 'greaterThan', formulae: [rule.greaterThan] }
            : { ...common, type: 'decimal', operator: 'between', formulae: [rule.min ?? -1e300, rule.max ?? 1e300] };
      } else if (rule.kind === 'list') {
        validation = { ...common, type: 'list', errorStyle: 'warning', formulae: [`"${rule.values.join(',')}"`] };
      } else {
        validation = { ...common, type: 'list', formulae: [`${quoteSheet(rule.sheet)}!${areaAddress(rule.source, true)}`] };
      }
      cellsOf(rule.area, (row, col) => {
        ws.getCell(row, col).dataValidation = validation;
      });
    }
  }

  setConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): void {
    const ws = this.sheet(sheet);
    rules.forEach((rule, i) => {
      const ref = ruleAreas(rule).map((a) => areaAddress(a)).join(' ');
      if (rule.kind === 'colorScale') {
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: 'colorScale',
              priority: i + 1,
              cfvo: [{ type: 'min' }, { type: 'max' }],
              color: [{ argb: argb(rule.minColor) }, { argb: argb(rule.maxColor) }],
            },
          ],
        });
      } else {
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: 'cellIs',
              priority: i + 1,
              operator: 'notEqual' as 'equal', // valid OOXML; exceljs's type lists fewer operators than it writes
              formulae: [String(rule.value)],
              style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.background) } }, font: { color: { argb: argb(rule.color) } } },
            },
          ],
        });
      }
    });
  }

  private metaSheet(): ExcelJS.Worksheet {
    const existing = this.workbook.getWorksheet(META_SHEET);
    if (existing) return existing;
    const ws = this.workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
    ws.addRow([...OWNER_HEADER]);
    return ws;
  }

  setOwner(sheet: string, marker: OwnerMarker): void {
    const ws = this.metaSheet();
    const row = this.ownerRow(sheet) ?? ws.rowCount + 1;
    ws.getRow(row).values = [sheet, marker.kind, marker.version, marker.generatedOn, marker.fingerprint];
  }

  private ownerRow(sheet: string): number | undefined {
    const ws = this.workbook.getWorksheet(META_SHEET);
    if (!ws) return undefined;
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === sheet) return r;
    return undefined;
  }

  getOwner(sheet: string): OwnerMarker | undefined {
    return this.workbook.getWorksheet(META_SHEET) ? ownerFromTable(this.readValues(META_SHEET), sheet) : undefined;
  }
}
