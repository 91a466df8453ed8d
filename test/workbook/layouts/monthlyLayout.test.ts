/** The Monthly sheet: month values from the engine, live quarters and checks that recalculate to the annual counts. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { plan } from '../../../src/core/plan';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { columnLetter } from '../../../src/workbook/a1';
import { monthlyColumns, monthlyLayout } from '../../../src/workbook/layouts/monthlyLayout';
import { OUTPUT_LAYOUTS } from '../../../src/workbook/layouts/planLayouts';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import type { Cell } from '../../../src/workbook/port';
import { formulaMismatches, loadIntoHyperFormula } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';
import { WORKBOOK_PLANS } from '../../cli/xlsx/planPlans';

const STAMP = { version: 't', generatedOn: '2026-11-23' };

function inputOf(input: unknown): LayoutInput {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP };
}

/** A hand-checkable plan: 100 won deals a year, even seasonality, no lag, FY from January. */
const EVEN = {
  revenueTarget: 100_000,
  stages: ['opportunity', 'won'],
  timing: { fiscalYearStart: '2027-01' },
  sources: [{ id: 'web', kind: 'marketing', share: 1, avgDealSize: 1_000, entryStage: 'opportunity', conversionRates: { opportunity: 0.5 } }],
};

function cellsOf(input: LayoutInput): (Cell | null)[][] {
  return monthlyLayout(input).blocks[0].cells.map((r) => [...r]);
}

function rowNamed(cells: (Cell | null)[][], label: string, after = 0): number {
  const i = cells.findIndex((r, k) => k >= after && r[0]?.value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

describe('the Monthly sheet', () => {
  it('is one of the output sheets (Generate and the .xlsx write it)', () => {
    expect(OUTPUT_LAYOUTS).toContain(monthlyLayout);
  });

  it('100 won deals over an even year: 9 a month in January–April, 8 after; quarters and the check are formulas', () => {
    const input = inputOf(EVEN);
    const cells = cellsOf(input);
    const mc = monthlyColumns(0, 12);
    const won = rowNamed(cells, 'Won deals');
    const months = cells[won].slice(mc.firstMonthCol - 1, mc.firstMonthCol - 1 + 12).map((c) => c?.value);
    expect(months).toEqual([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(cells[won][mc.quarterCol - 1]?.formula).toBe(`SUM(B${won + 1}:D${won + 1})`);
    expect(cells[won][mc.checkCol - 1]).toMatchObject({ formula: `SUM(B${won + 1}:M${won + 1})`, value: 100 });
    expect(cells[won][mc.annualCol - 1]).toMatchObject({ formula: 'Funnel!$C$7', value: 100 });
    expect(cells[won][mc.differenceCol - 1]?.formula).toBe(`${columnLetter(mc.checkCol)}${won + 1}-${columnLetter(mc.annualCol)}${won + 1}`);
  });

  it('marks carry-in months before the FY when stage days lag the wins', () => {
    const input = inputOf(WORKBOOK_PLANS.timedWithLag);
    const header = cellsOf(input)[4].map((c) => c?.value);
    // Marketing's leads are 105 days (≈ 3 months) before the win: three carry-in months, 2027-01…03.
    expect(header.slice(1, 5)).toEqual(['2027-01 (before FY)', '2027-02 (before FY)', '2027-03 (before FY)', '2027-04']);
  });

  it('flags a difference between the check and the annual count', () => {
    const layout = monthlyLayout(inputOf(EVEN));
    const mc = monthlyColumns(0, 12);
    const diffRows = layout.blocks[0].cells.flatMap((r, i) => (r[mc.differenceCol - 1]?.formula ? [i + 1] : []));
    // One rule (a fixed number of calls however many blocks) over every difference cell.
    expect(layout.conditionalFormats).toEqual([
      { kind: 'notEqual', value: 0, area: { row: diffRows[0], col: mc.differenceCol, rows: diffRows[diffRows.length - 1] - diffRows[0] + 1, cols: 1 }, background: '#fce8e6', color: '#c5221f' },
    ]);
  });

  it('carries a stacked column chart of the total by month', () => {
    const layout = monthlyLayout(inputOf(EVEN));
    expect(layout.charts).toEqual([expect.objectContaining({ kind: 'stackedColumn', data: expect.objectContaining({ cols: 13, rows: 3 }) })]);
  });

  it('says there are no months when the plan has no fiscal year', () => {
    const { timing: _t, ...untimed } = EVEN;
    const layout = monthlyLayout(inputOf(untimed));
    expect(layout.blocks[0].cells[2][0]?.value).toMatch(/fiscalYearStart/);
  });

  it.each(['timedWithLag'])('HyperFormula recalculates the %s plan: every check and quarter to its cached value', async (name) => {
    const book = await ExcelWorkbook.fromBuffer(await planXlsx(inputOf(WORKBOOK_PLANS[name])));
    const loaded = loadIntoHyperFormula(book.workbook);
    expect(loaded.formulaCells.filter((c) => c.sheet === 'Monthly').length).toBeGreaterThan(50);
    expect(formulaMismatches(loaded)).toEqual([]);
  });
});

describeWithLibreOffice('LibreOffice recalculates the Monthly sheet', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-monthly-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('every check cell equals its annual count and every difference is 0', async () => {
    const input = inputOf(WORKBOOK_PLANS.timedWithLag);
    const file = path.join(tmp, 'timed.xlsx');
    fs.writeFileSync(file, await planXlsx(input));
    const cells = (await readFormulaCells(await recalculateWithLibreOffice(file))).filter((c) => c.sheet === 'Monthly');
    const at = new Map(cells.map((c) => [c.address, c.result]));
    const layout = monthlyLayout(input);
    const mc = monthlyColumns(-3, 15);
    const diffCol = columnLetter(mc.differenceCol);
    const diffs = cells.filter((c) => c.address.startsWith(diffCol) && /^[A-Z]+\d+$/.test(c.address) && c.address.replace(/\d+/, '') === diffCol);
    expect(diffs.length).toBe(layout.blocks[0].cells.filter((r) => r[mc.differenceCol - 1]?.formula).length);
    for (const d of diffs) {
      const row = d.address.slice(diffCol.length);
      expect(d.result).toBe(0);
      expect(at.get(`${columnLetter(mc.checkCol)}${row}`)).toBe(at.get(`${columnLetter(mc.annualCol)}${row}`));
    }
  }, 240_000);
});
