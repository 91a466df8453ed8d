/**
 * Loads a workbook written through the exceljs port into HyperFormula, so tests can
 * evaluate every formula, compare it with the cached engine value, and edit Inputs cells
 * to watch the plan recalculate.
 */
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { META_SHEET } from '../../src/cli/xlsx/excelWorkbook';

export interface FormulaCheck {
  sheet: string;
  address: string;
  formula: string;
  cached: unknown;
  computed: unknown;
}

export interface LoadedFormulas {
  hf: HyperFormula;
  sheetId: (name: string) => number;
  formulaCells: { sheet: string; row: number; col: number; address: string; formula: string; cached: unknown }[];
  value: (sheet: string, address: string) => unknown;
  set: (sheet: string, address: string, value: string | number | null) => void;
}

function decode(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`bad address ${address}`);
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function loadIntoHyperFormula(workbook: ExcelJS.Workbook): LoadedFormulas {
  // Results to 14 significant digits (HyperFormula's default rounds them to 10): the Headcount
  // sheet's FTE are full doubles, compared with the engine's to 1e-12; 14 digits still snap a
  // product like 10,000,000 × 0.57 (5,699,999.999999999) to the whole number a sheet shows.
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', precisionRounding: 14 });
  const sheets = workbook.worksheets.filter((w) => w.name !== META_SHEET);
  for (const ws of sheets) hf.addSheet(ws.name);
  const sheetId = (name: string) => {
    const id = hf.getSheetId(name);
    if (id === undefined) throw new Error(`no sheet ${name}`);
    return id;
  };
  const names = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  for (const { name, ranges } of names) hf.addNamedExpression(name, `=${ranges[0]}`);

  const formulaCells: LoadedFormulas['formulaCells'] = [];
  for (const ws of sheets) {
    const content: (string | number | boolean | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: (string | number | boolean | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const v = cell.value as unknown;
        if (v && typeof v === 'object' && 'formula' in (v as object)) {
          const { formula } = v as { formula: string };
          // cell.result, not value.result: exceljs's value drops a cached 0
          formulaCells.push({ sheet: ws.name, row: r, col: c, address: cell.address, formula, cached: cell.result });
          out[c - 1] = `=${formula}`;
        } else if (typeof v === 'string') {
          out[c - 1] = v.startsWith('=') ? `'${v}` : v; // literal text stays text
        } else if (typeof v === 'number' || typeof v === 'boolean') {
          out[c - 1] = v;
        } else {
          out[c - 1] = null;
        }
      });
      content[r - 1] = out;
    });
    hf.setSheetContent(sheetId(ws.name), Array.from({ length: content.length }, (_, i) => content[i] ?? []));
  }
  return {
    hf,
    sheetId,
    formulaCells,
    value: (sheet, address) => hf.getCellValue({ sheet: sheetId(sheet), ...decode(address) }),
    set: (sheet, address, value) => hf.setCellContents({ sheet: sheetId(sheet), ...decode(address) }, value),
  };
}

/** Every formula whose computed value differs from its cached one (numbers within 1e-12 relative). */
export function formulaMismatches(loaded: LoadedFormulas): FormulaCheck[] {
  const bad: FormulaCheck[] = [];
  for (const cell of loaded.formulaCells) {
    const computed = loaded.hf.getCellValue({ sheet: loaded.sheetId(cell.sheet), row: cell.row - 1, col: cell.col - 1 });
    if (!sameValue(cell.cached, computed)) bad.push({ sheet: cell.sheet, address: cell.address, formula: cell.formula, cached: cell.cached, computed });
  }
  return bad;
}

export function sameValue(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isInteger(expected)) return expected === actual;
    return Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected));
  }
  return expected === actual;
}
