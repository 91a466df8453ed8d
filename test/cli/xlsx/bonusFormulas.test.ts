/**
 * The Bonus sheet is live: attainments typed into its shaded cells, and curve points edited on
 * the Inputs sheet's Bonus sections, recalculate — in HyperFormula and in LibreOffice, a real
 * spreadsheet — to what the engine's payScenario pays, to the cent: the funded pool, every
 * bucket, every role's part, every head's share and the total. The attainment sets are typed in
 * here: just below the gate and at it (worked by hand), beyond every cap and with fitToPool
 * binding (the total is the funded pool), a stepped curve, a pool that is a share of revenue.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { bonusNames } from '../../../src/core/bonus/bonusNames';
import { bonusPlan } from '../../../src/core/bonus/bonusPlan';
import type { BonusPlan, ScenarioResult } from '../../../src/core/bonus/bonusTypes';
import { payScenario } from '../../../src/core/bonus/payScenario';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { planHeadcount } from '../../../src/core/headcount/planHeadcount';
import { plan } from '../../../src/core/plan';
import type { PlanInput } from '../../../src/core/planInput';
import { planTimeline } from '../../../src/core/time/planTimeline';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { cellAddress } from '../../../src/workbook/a1';
import { inputsCell } from './inputsCell';
import { formulaMismatches, loadIntoHyperFormula } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-11-23' };

type Attainments = Readonly<Record<string, number>>;

function planned(input: PlanInput) {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const timeline = planTimeline(outcome.plan, outcome.funnel)!;
  const headcount = planHeadcount(outcome.plan, timeline);
  const b = bonusPlan(outcome.plan.bonus!, outcome.plan.revenueTarget.value, outcome.plan.currency, headcount);
  return { b, headcount, layoutInput: { plan: outcome.plan, funnel: outcome.funnel, lang: 'en' as const, stamp: STAMP } };
}

/** What the engine pays at these attainments (the others on plan). */
function engine(b: BonusPlan, kpis: Attainments, revenueTarget = 10_000_000): ScenarioResult {
  return payScenario(b.bonus, 'typed', kpis, { revenueTarget, scale: 100, heads: b.heads, kpis: b.kpis });
}

/** The Bonus sheet's rows, found by their labels. */
function rowsOf(sheet: ExcelJS.Worksheet, b: BonusPlan, names: ReturnType<typeof bonusNames>) {
  const labels: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => (labels[r] = String(row.getCell(1).value ?? '')));
  const find = (label: string, from = 1) => {
    const r = labels.findIndex((l, i) => i >= from && l === label);
    if (r < 0) throw new Error(`no row ${label}`);
    return r;
  };
  const att = find('Attainment (actual ÷ plan)');
  return {
    attainment: (kpi: string) => att + 1 + b.kpis.indexOf(kpi),
    funded: find('Funded pool'),
    total: find('Total paid'),
    buckets: b.bonus.buckets.map((bucket) => {
      const title = labels.findIndex((l) => (l ?? "").startsWith(`${bucket.name ?? bucket.id} (${bucket.id}) — `));
      return {
        payout: find('Payout', title),
        roles: bucket.roles.map((role) => ({
          part: find(`${names.role(role)}: part`, title),
          perHead: find(`${names.role(role)}: per head`, title),
          extra: find(`${names.role(role)}: heads paid one minor unit more`, title),
        })),
      };
    }),
    grid: (i: number) => find('Revenue ↓ / marketing share →') + 1 + i,
  };
}

/** Where the sheet and the engine differ in column `col`, in cents ("funded: expected 30000000, got …"). */
function differences(rows: ReturnType<typeof rowsOf>, col: number, want: ScenarioResult, value: (row: number, col: number) => unknown): string[] {
  const wrong: string[] = [];
  const cents = (row: number, expected: number, what: string, unit = 100) => {
    const got = value(row, col);
    if (typeof got !== 'number' || Math.round(got * unit) !== expected) wrong.push(`${what} ${cellAddress(row, col)}: expected ${expected}, got ${JSON.stringify(got)}`);
  };
  cents(rows.funded, want.fundedMinor, 'funded');
  cents(rows.total, want.totalMinor, 'total');
  want.buckets.forEach((p, i) => {
    cents(rows.buckets[i].payout, p.payoutMinor, `${p.id} payout`);
    p.roles.forEach((r, j) => {
      cents(rows.buckets[i].roles[j].part, r.payoutMinor, `${p.id}/${r.roleId} part`);
      cents(rows.buckets[i].roles[j].perHead, r.perHeadMinor, `${p.id}/${r.roleId} per head`);
      cents(rows.buckets[i].roles[j].extra, r.extraMinorHeads, `${p.id}/${r.roleId} extra`, 1);
    });
  });
  return wrong;
}

/** The default template's pool (600,000, gate revenue ≥ 80 %, fitToPool) and four attainment sets, one per scenario column. */
const DEFAULT_SETS: readonly [string, Attainments][] = [
  ['just below the gate', { revenue: 0.7999 }],
  ['at the gate', { revenue: 0.8 }],
  ['beyond every cap', { revenue: 2, marketingShare: 1.6, mqlToSql: 1.5, sql: 1.5, won: 1.5 }],
  ['fitToPool binding', { revenue: 1.1, marketingShare: 1.15, sql: 1.2 }],
];

/** The template with 5 % of actual revenue as the pool, no fitToPool, and the CSM bucket's won-deals curve stepped. */
function steppedPercentPlan(): PlanInput {
  const input = defaultPlanInput() as PlanInput & { bonus: Record<string, any> };
  input.bonus.pool = { percentOfRevenue: 0.05 };
  input.bonus.fitToPool = false;
  const csm = input.bonus.buckets.find((b: { id: string }) => b.id === 'csm');
  csm.kpis[1].curve = { points: csm.kpis[1].curve, stepped: true };
  return input;
}

const STEPPED_SETS: readonly [string, Attainments][] = [
  ['on plan, won deals 110 % on the step', { revenue: 1, won: 1.1 }],
  ['revenue 130 %, won deals past the last step', { revenue: 1.3, won: 1.25 }],
  ['revenue 90 %', { revenue: 0.9, marketingShare: 0.95 }],
  ['revenue 105.5 %', { revenue: 1.055, sql: 0.85 }],
];

/** Types each set into its scenario column (every KPI the bonus reads: the set's, else 1). */
function typeSets(b: BonusPlan, rows: ReturnType<typeof rowsOf>, sets: readonly [string, Attainments][], set: (row: number, col: number, v: number) => void) {
  sets.forEach(([, kpis], s) => b.kpis.forEach((kpi) => set(rows.attainment(kpi), 2 + s, kpis[kpi] ?? 1)));
}

async function bookOf(input: PlanInput) {
  const p = planned(input);
  const book = (await ExcelWorkbook.fromBuffer(await planXlsx(p.layoutInput))).workbook;
  const rows = rowsOf(book.getWorksheet('Bonus')!, p.b, bonusNames(p.headcount, 'en'));
  return { ...p, book, rows };
}

/** The AE bucket's revenue curve [[0.8, 0.5], [1, 1], [1.2, 1.6], [1.5, 2]] with 1.8 at 120 %, in the plan and on Inputs. */
const AE_POINT = 'bonus.buckets[2].kpis[0].curve.points[2][1]';
function editedPlan(): PlanInput {
  const input = defaultPlanInput() as PlanInput & { bonus: Record<string, any> };
  input.bonus.buckets[2].kpis[0].curve[2][1] = 1.8;
  return input;
}

describe('the Bonus sheet recalculated by HyperFormula', () => {
  it('caches what its formulas compute, and on plan pays the template pool by hand: 600,000 as 120,000 + 120,000 + 270,000 + 90,000', async () => {
    const { book, rows } = await bookOf(defaultPlanInput());
    const hf = loadIntoHyperFormula(book);
    expect(formulaMismatches(hf).filter((m) => m.sheet === 'Bonus')).toEqual([]);
    expect(rows.buckets.map((r) => hf.value('Bonus', cellAddress(r.payout, 2)))).toEqual([120_000, 120_000, 270_000, 90_000]);
    expect(hf.value('Bonus', cellAddress(rows.total, 2))).toBe(600_000);
  });

  it('attainments typed in pay what the engine pays, to the cent (the gate, the caps, fitToPool)', async () => {
    const { b, book, rows } = await bookOf(defaultPlanInput());
    const hf = loadIntoHyperFormula(book);
    typeSets(b, rows, DEFAULT_SETS, (r, c, v) => hf.set('Bonus', cellAddress(r, c), v));
    const value = (r: number, c: number) => hf.value('Bonus', cellAddress(r, c));
    expect(DEFAULT_SETS.flatMap(([, kpis], s) => differences(rows, 2 + s, engine(b, kpis), value))).toEqual([]);
    // By hand: just below the gate nothing; at it the funding curve's 0.5 funds 300,000, and the buckets' multipliers
    // (0.85, 0.8, 0.65, 0.7) × their shares pay 51,000, 48,000, 87,750 and 31,500 (218,250, within the pool).
    expect(value(rows.total, 2)).toBe(0);
    expect(value(rows.funded, 3)).toBe(300_000);
    expect(rows.buckets.map((r) => value(r.payout, 3))).toEqual([51_000, 48_000, 87_750, 31_500]);
    // Past every cap the funding curve's 2 funds 1,200,000 and the buckets would pay 1.6975 × it: fitted, they pay the pool exactly.
    expect(value(rows.funded, 4)).toBe(1_200_000);
    expect(value(rows.total, 4)).toBe(1_200_000);
    // Revenue 110 % funds 1.3 × 600,000 = 780,000, which binds too.
    expect(value(rows.total, 5)).toBe(780_000);
  });

  it('a stepped curve and a pool of 5 % of revenue, without fitToPool', async () => {
    const { b, book, rows } = await bookOf(steppedPercentPlan());
    const hf = loadIntoHyperFormula(book);
    expect(formulaMismatches(hf).filter((m) => m.sheet === 'Bonus')).toEqual([]);
    typeSets(b, rows, STEPPED_SETS, (r, c, v) => hf.set('Bonus', cellAddress(r, c), v));
    const value = (r: number, c: number) => hf.value('Bonus', cellAddress(r, c));
    expect(STEPPED_SETS.flatMap(([, kpis], s) => differences(rows, 2 + s, engine(b, kpis), value))).toEqual([]);
    // By hand: 5 % of 10,000,000 is 500,000; the stepped won-deals curve pays 1 at 110 % (not 1.15), so CSM gets 15 % of it.
    expect(value(rows.funded, 2)).toBe(500_000);
    expect(value(rows.buckets[3].payout, 2)).toBe(75_000);
  });

  it('splits a pool with a cent to spare by largest remainder, and pays a bucket whose heads are typed to 0 nothing, as the engine does', async () => {
    const input = defaultPlanInput() as PlanInput & { bonus: Record<string, any> };
    input.bonus.pool = { amount: '600000.01' };
    const { b, book, rows } = await bookOf(input);
    const hf = loadIntoHyperFormula(book);
    expect(formulaMismatches(hf).filter((m) => m.sheet === 'Bonus')).toEqual([]);
    const value = (r: number, c: number) => hf.value('Bonus', cellAddress(r, c));
    // 20 / 20 / 45 / 15 % of 60,000,001 cents: quotas …000.2, …000.2, …000.45, …000.15; the one cent left goes to the AE bucket.
    expect(rows.buckets.map((r) => value(r.payout, 2))).toEqual([120_000, 120_000, 270_000.01, 90_000]);
    expect(value(rows.total, 2)).toBe(600_000.01);
    // Nobody left in the CSM role: its 15 % is not paid; the others pay round(0.85 × 60,000,001) = 51,000,001 cents.
    const sheet = book.getWorksheet('Bonus')!;
    let csmHeads = 0;
    sheet.eachRow((row, r) => {
      if (String(row.getCell(1).value ?? '').includes('(csm)')) csmHeads = csmHeads || r;
    });
    hf.set('Bonus', cellAddress(csmHeads, 2), 0);
    const want = payScenario(b.bonus, 'p', {}, { revenueTarget: 10_000_000, scale: 100, heads: { ...b.heads, csm: 0 }, kpis: b.kpis });
    expect(want.buckets.map((p) => p.payoutMinor)).toEqual([12_000_000, 12_000_000, 27_000_001, 0]);
    expect(rows.buckets.map((r) => value(r.payout, 2))).toEqual([120_000, 120_000, 270_000.01, 0]);
    expect(value(rows.total, 2)).toBe(510_000.01);
  });

  it('a curve point edited on Inputs moves every payout and the grid to what the engine pays under the edited plan', async () => {
    const { book, rows } = await bookOf(defaultPlanInput());
    const edited = planned(editedPlan()).b;
    const hf = loadIntoHyperFormula(book);
    hf.set('Inputs', inputsCell(book, AE_POINT), 1.8);
    const kpis = { revenue: 1.1, marketingShare: 0.9 };
    edited.kpis.forEach((kpi) => hf.set('Bonus', cellAddress(rows.attainment(kpi), 2), kpis[kpi as keyof typeof kpis] ?? 1));
    const value = (r: number, c: number) => hf.value('Bonus', cellAddress(r, c));
    const want = engine(edited, kpis);
    // The AE multiplier at revenue 110 %: 0.7 × (1 + 0.1 × 0.8/0.2) + 0.3 × 0.75 = 1.205 (1.1 before the edit).
    expect(want.buckets[2].multiplier).toBeCloseTo(1.205, 12);
    expect(differences(rows, 2, want, value)).toEqual([]);
    const grid = edited.grid.cells.flatMap((line, i) => line.map((cell, j) => [Math.round((value(rows.grid(i), 2 + j) as number) * 100), cell.totalMinor]));
    expect(grid.filter(([got, wanted]) => got !== wanted)).toEqual([]);
  });
});

describeWithLibreOffice('LibreOffice recalculates the Bonus sheet to the engine', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-bonus-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function recalculated(book: ExcelJS.Workbook, name: string): Promise<(row: number, col: number) => unknown> {
    const file = path.join(tmp, `${name}.xlsx`);
    await book.xlsx.writeFile(file);
    const cells = new Map((await readFormulaCells(await recalculateWithLibreOffice(file))).map((c) => [`${c.sheet}!${c.address}`, c.result]));
    return (row, col) => cells.get(`Bonus!${cellAddress(row, col)}`);
  }

  it.each([
    ['the template (gate, caps, fitToPool)', defaultPlanInput, DEFAULT_SETS],
    ['a stepped curve and a pool of 5 % of revenue', steppedPercentPlan, STEPPED_SETS],
  ] as const)('%s: typed attainments pay what the engine pays, to the cent', async (name, input, sets) => {
    const { b, book, rows } = await bookOf(input());
    const sheet = book.getWorksheet('Bonus')!;
    typeSets(b, rows, sets, (r, c, v) => (sheet.getCell(r, c).value = v));
    const value = await recalculated(book, name.replace(/\W+/g, '-'));
    expect(sets.flatMap(([, kpis], s) => differences(rows, 2 + s, engine(b, kpis), value))).toEqual([]);
  }, 240_000);

  it('a curve point edited on Inputs: the payouts and the grid of the edited plan', async () => {
    const { book, rows } = await bookOf(defaultPlanInput());
    const edited = planned(editedPlan()).b;
    book.getWorksheet('Inputs')!.getCell(inputsCell(book, AE_POINT)).value = 1.8;
    book.getWorksheet('Bonus')!.getCell(rows.attainment('revenue'), 2).value = 1.1;
    const value = await recalculated(book, 'edited');
    expect(differences(rows, 2, engine(edited, { revenue: 1.1 }), value)).toEqual([]);
    const grid = edited.grid.cells.flatMap((line, i) => line.map((cell, j) => [Math.round((value(rows.grid(i), 2 + j) as number) * 100), cell.totalMinor]));
    expect(grid.filter(([got, wanted]) => got !== wanted)).toEqual([]);
  }, 240_000);
});
