/**
 * Doubles a spreadsheet computes (=1/7, =1/3) mean the fractions they compute: the engine, the
 * numbers cached in the .xlsx and the live formulas recalculated by HyperFormula and by
 * LibreOffice all give 7,000 won deals for seven shares of =1/7, and 3,000 / 9,000 for =1/3 rates.
 * The Inputs cells hold the formulas themselves, as a user would type them.
 */
import { writeFileSync } from 'node:fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { plan } from '../../../src/core/plan';
import { PlanInput } from '../../../src/core/planInput';
import { validatePlan } from '../../../src/core/validatePlan';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { cellAddress } from '../../../src/workbook/a1';
import { funnelGeometry } from '../../../src/workbook/layouts/funnelLayout';
import { inputsGeometry } from '../../../src/workbook/layouts/inputsGeometry';
import { readInputs } from '../../../src/workbook/readInputs';
import { formulaMismatches, loadIntoHyperFormula } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-12-01' };

/** Seven sources, each a share of =1/7 of 7,000,000 at 1,000 a deal, entering at opportunity (25%). */
const SEVENTHS: PlanInput = {
  revenueTarget: 7_000_000,
  stages: ['opportunity', 'won'],
  sources: Array.from({ length: 7 }, (_, i) => ({
    id: `s${i + 1}`,
    kind: i === 0 ? 'marketing' : 'sales',
    share: 1 / 7,
    avgDealSize: 1_000,
    conversionRates: { opportunity: 0.25 },
  })),
};

/** One source, 1,000,000 at 1,000 a deal, with rates of =1/3 from SQL to opportunity to won. */
const THIRDS: PlanInput = {
  revenueTarget: 1_000_000,
  stages: ['sql', 'opportunity', 'won'],
  sources: [{ id: 'web', kind: 'marketing', share: 1, avgDealSize: 1_000, conversionRates: { sql: 1 / 3, opportunity: 1 / 3 } }],
};

/**
 * By hand: 7,000,000 × 1/7 = 1,000,000 per source; / 1,000 = 1,000 won each, 7,000 in all;
 * / 0.25 = 4,000 opportunities each, 28,000 in all. And 1,000,000 / 1,000 = 1,000 won;
 * / (1/3) = 3,000 opportunities; / (1/3) = 9,000 SQLs.
 */
const EXPECTED = {
  sevenths: { won: 7_000, opportunities: 28_000 },
  thirds: { won: 1_000, opportunities: 3_000, sqls: 9_000 },
};

/** Funnel total cells: stage k of S, with n sources. */
const funnelTotal = (S: number, n: number, k: number) => {
  const fg = funnelGeometry(S, n);
  return cellAddress(fg.firstStage + k, fg.totalCol);
};

/** The Inputs cells a user would fill with =1/7 (the shares) or =1/3 (the rates). */
function formulaCells(input: PlanInput): { address: string; formula: string; value: number }[] {
  const g = inputsGeometry(input.stages!.length, input.sources.length);
  if (input === SEVENTHS) return g.sources.map(({ share }) => ({ address: cellAddress(share.row, share.col), formula: '1/7', value: 1 / 7 }));
  return [0, 1].map((k) => ({ address: cellAddress(g.sources[0].rates[k].row, g.sources[0].rates[k].col), formula: '1/3', value: 1 / 3 }));
}

async function workbookOf(input: PlanInput): Promise<ExcelJS.Workbook> {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return (await ExcelWorkbook.fromBuffer(await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP }))).workbook;
}

/** The plan's total counts, read back from a workbook's Inputs sheet by the CLI's own reader. */
function planOfWorkbook(workbook: ExcelJS.Workbook): Record<string, number> {
  const reading = readInputs(new ExcelWorkbook(workbook));
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  const outcome = plan(reading.input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.funnel.total.counts;
}

describe('the engine reads spreadsheet doubles as the fractions they compute', () => {
  it('seven shares of =1/7: 7,000 won deals, not 7,007', () => {
    // The trap, for the record: read at 15 digits, 1/7 is 0.142857142857143, a source's revenue is
    // 1,000,000.000000001 and it needs ceil(1,000.000000000001) = 1,001 deals.
    const revenue = BigInt(7_000_000) * BigInt('142857142857143'); // × 10^-15
    const scale = BigInt(1_000) * BigInt(10) ** BigInt(15);
    expect(revenue / scale + (revenue % scale > BigInt(0) ? BigInt(1) : BigInt(0))).toBe(BigInt(1_001));
    const outcome = plan(SEVENTHS);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.funnel.total.counts).toEqual({ won: EXPECTED.sevenths.won, opportunity: EXPECTED.sevenths.opportunities });
  });

  it('rates of =1/3: 3,000 opportunities and 9,000 SQLs, not 3,001 and 9,004', () => {
    const outcome = plan(THIRDS);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.funnel.total.counts).toEqual({ won: 1_000, opportunity: EXPECTED.thirds.opportunities, sql: EXPECTED.thirds.sqls });
  });

  it('the doubles a workbook stores read back as the same plan', async () => {
    for (const input of [SEVENTHS, THIRDS]) {
      const reading = readInputs(new ExcelWorkbook(await workbookOf(input)));
      if (!reading.ok) throw new Error(reading.problems.join('; '));
      const again = validatePlan(reading.input);
      const original = validatePlan(input);
      if (!again.ok || !original.ok) throw new Error('both valid');
      expect(again.plan.sources.map((s) => [s.share.exact, s.conversionRates])).toEqual(original.plan.sources.map((s) => [s.share.exact, s.conversionRates]));
    }
  });
});

/**
 * HyperFormula rounds every result to 10 significant digits by default (smartRounding), so the
 * Summary's marketing share, 1/7, shows as 0.14285714286 against the 0.142857142857143 cached:
 * compare the counts, which are whole numbers.
 */
const countMismatches = (loaded: ReturnType<typeof loadIntoHyperFormula>) =>
  formulaMismatches(loaded).filter((m) => typeof m.cached !== 'number' || Number.isInteger(m.cached));

describe('HyperFormula recalculates the same numbers, with =1/7 and =1/3 typed into Inputs', () => {
  it.each([
    ['sevenths', SEVENTHS],
    ['thirds', THIRDS],
  ] as const)('%s', async (name, input) => {
    const loaded = loadIntoHyperFormula(await workbookOf(input));
    expect(countMismatches(loaded)).toEqual([]); // the cached engine numbers, before any edit
    for (const cell of formulaCells(input)) loaded.set('Inputs', cell.address, `=${cell.formula}`);
    const S = input.stages!.length;
    const n = input.sources.length;
    if (name === 'sevenths') {
      expect(loaded.value('Inputs', formulaCells(input)[0].address)).toBeCloseTo(1 / 7, 10);
      expect(loaded.value('Funnel', funnelTotal(S, n, 1))).toBe(EXPECTED.sevenths.won);
      expect(loaded.value('Funnel', funnelTotal(S, n, 0))).toBe(EXPECTED.sevenths.opportunities);
    } else {
      expect(loaded.value('Funnel', funnelTotal(S, n, 2))).toBe(EXPECTED.thirds.won);
      expect(loaded.value('Funnel', funnelTotal(S, n, 1))).toBe(EXPECTED.thirds.opportunities);
      expect(loaded.value('Funnel', funnelTotal(S, n, 0))).toBe(EXPECTED.thirds.sqls);
    }
    // Every other count still computes what the engine cached: the formulas in Inputs changed nothing.
    expect(countMismatches(loaded)).toEqual([]);
  });
});

describeWithLibreOffice('LibreOffice recalculates the same numbers, with =1/7 and =1/3 typed into Inputs', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-doubles-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each([
    ['sevenths', SEVENTHS],
    ['thirds', THIRDS],
  ] as const)('%s', async (name, input) => {
    const workbook = await workbookOf(input);
    const inputs = workbook.getWorksheet('Inputs')!;
    for (const cell of formulaCells(input)) inputs.getCell(cell.address).value = { formula: cell.formula, result: cell.value };
    const file = path.join(tmp, `${name}.xlsx`);
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const cached = await readFormulaCells(file);

    const recalculatedFile = await recalculateWithLibreOffice(file);
    const recalculated = await readFormulaCells(recalculatedFile);
    const computed = new Map(recalculated.map((c) => [`${c.sheet}!${c.address}`, c.result]));
    const S = input.stages!.length;
    const n = input.sources.length;
    const total = (k: number) => computed.get(`Funnel!${funnelTotal(S, n, k)}`);
    if (name === 'sevenths') {
      expect([total(1), total(0)]).toEqual([EXPECTED.sevenths.won, EXPECTED.sevenths.opportunities]);
    } else {
      expect([total(2), total(1), total(0)]).toEqual([EXPECTED.thirds.won, EXPECTED.thirds.opportunities, EXPECTED.thirds.sqls]);
    }
    // Every count LibreOffice computes is the engine's (the cache in the file we wrote).
    const disagreements = cached
      .filter((c) => c.sheet !== 'Inputs' && typeof c.result === 'number' && Number.isInteger(c.result))
      .filter((c) => computed.get(`${c.sheet}!${c.address}`) !== c.result)
      .map((c) => `${c.sheet}!${c.address} =${c.formula}: engine ${String(c.result)}, LibreOffice ${JSON.stringify(computed.get(`${c.sheet}!${c.address}`))}`);
    expect(disagreements).toEqual([]);

    // The CLI reading the file LibreOffice saved (its =1/7 cached as 0.142857142857143) plans the same.
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.readFile(recalculatedFile);
    const counts = planOfWorkbook(saved);
    if (name === 'sevenths') expect(counts).toEqual({ won: 7_000, opportunity: 28_000 });
    else expect(counts).toEqual({ won: 1_000, opportunity: 3_000, sql: 9_000 });
    fs.rmSync(path.dirname(path.dirname(recalculatedFile)), { recursive: true, force: true });
  }, 240_000);
});
