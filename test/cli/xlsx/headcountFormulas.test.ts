/**
 * The Headcount sheet is live: heads, effective FTE, shortfall and cost are formulas of the hire
 * cells and of each role's ramp, attrition, current staff and cost on the Inputs sheet's Roles
 * list. Recalculated by a spreadsheet engine (HyperFormula; LibreOffice, a real one) they are the
 * engine's numbers; a hire moved two months later — or a role's inputs edited — recalculates to
 * what the core's cohort arithmetic (cohorts.ts, hiringPlan.ts's coverage test) gives for the
 * edited hires, computed here from the core functions, not from the sheet's formulas.
 */
import { writeFileSync } from 'node:fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { plan } from '../../../src/core/plan';
import type { PlanInput } from '../../../src/core/planInput';
import { staffByMonth } from '../../../src/core/headcount/cohorts';
import { covers } from '../../../src/core/headcount/hiringPlan';
import { roleDemand } from '../../../src/core/headcount/roleDemand';
import { HeadcountPlan, costMinorOf, planHeadcount } from '../../../src/core/headcount/planHeadcount';
import { headcountToJson } from '../../../src/core/headcount/headcountJson';
import type { RolePlan, ValidRole } from '../../../src/core/headcount/headcountTypes';
import { roleName } from '../../../src/core/headcount/roleName';
import { planTimeline } from '../../../src/core/time/planTimeline';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { cellAddress } from '../../../src/workbook/a1';
import { inputsCell } from './inputsCell';
import { loadIntoHyperFormula } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';
import { customRolesPlan } from '../../workbook/headcountPlans';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-11-23' };

function planned(input: PlanInput): { headcount: HeadcountPlan; layoutInput: Parameters<typeof planXlsx>[0] } {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const timeline = planTimeline(outcome.plan, outcome.funnel)!;
  return { headcount: planHeadcount(outcome.plan, timeline), layoutInput: { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP } };
}

/** A role's rows on the Headcount sheet, found by their labels under the role's title. */
interface Rows {
  readonly demand: number;
  readonly hires: number;
  readonly heads: number;
  readonly effective: number;
  readonly shortfall: number;
  readonly cost: number;
}

function rowsOf(sheet: ExcelJS.Worksheet, role: ValidRole): Rows {
  const labels: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => (labels[r] = String(row.getCell(1).value ?? '')));
  const title = labels.indexOf(`${roleName(role, 'en')} (${role.id})`);
  if (title < 0) throw new Error(`no block for ${role.id}`);
  const below = (label: string) => {
    for (let r = title + 1; r < labels.length && labels[r] !== ''; r++) if (labels[r] === label) return r;
    throw new Error(`${role.id}: no row ${label}`);
  };
  return {
    demand: below('Demand (FTE)'),
    hires: below('Hires (by start month)'),
    heads: below('Heads'),
    effective: below('Effective FTE'),
    shortfall: below('Shortfall (FTE)'),
    cost: below('Cost'),
  };
}

/** What a role's rows must show, month by month. */
interface Expected {
  readonly demand: readonly number[];
  readonly heads: readonly number[];
  readonly effective: readonly number[];
  readonly shortfall: readonly number[];
  readonly cost: readonly number[];
}

/** The engine's own numbers for a role (its `plan --json`). */
function engineRole(h: HeadcountPlan, id: string): Expected {
  const json = headcountToJson(h).roles[id];
  const byMonth = (values: Record<string, number>, fill = false) => h.months.map((m) => values[m] ?? (fill ? 0 : NaN));
  return {
    demand: byMonth(json.demandFte),
    heads: byMonth(json.heads),
    effective: byMonth(json.effectiveFte),
    shortfall: byMonth(json.shortfall, true),
    cost: byMonth(json.cost),
  };
}

/** The cohort arithmetic for `hires` (and a role's parameters as edited), from the core: what the sheet must recalculate to. */
function recomputed(p: RolePlan, hires: readonly number[], demand: readonly number[], role: ValidRole = p.role): Expected {
  const staff = staffByMonth(role.current, hires, role);
  return {
    demand,
    heads: staff.heads,
    effective: staff.effective,
    shortfall: demand.map((d, i) => (covers(staff.effective[i], d) ? 0 : d - staff.effective[i])),
    cost: staff.heads.map((x) => costMinorOf(x, role.monthlyCost, 100) / 100),
  };
}

/** Differences beyond 1e-9 (relative above 1) between what a sheet computed and what was expected. */
function differences(id: string, rows: Rows, expected: Expected, value: (row: number, col: number) => unknown): string[] {
  const wrong: string[] = [];
  for (const key of ['demand', 'heads', 'effective', 'shortfall', 'cost'] as const) {
    expected[key].forEach((want, i) => {
      const got = value(rows[key], 2 + i);
      const ok = typeof got === 'number' && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
      if (!ok) wrong.push(`${id} ${key}[${i}] ${cellAddress(rows[key], 2 + i)}: expected ${want}, got ${JSON.stringify(got)}`);
    });
  }
  return wrong;
}

/** One hire of the role moved from its first hiring month s (with s + 2 inside the plan) to s + 2. */
function movedHire(hires: readonly number[]): { hires: number[]; from: number; to: number } {
  const from = hires.findIndex((n, s) => n > 0 && s + 2 < hires.length);
  if (from < 0) throw new Error('no hire to move');
  const moved = [...hires];
  moved[from]--;
  moved[from + 2]++;
  return { hires: moved, from, to: from + 2 };
}

const PLANS: readonly [string, () => PlanInput][] = [
  ['the default roles', defaultPlanInput],
  ['roles of its own', customRolesPlan],
];

describe.each(PLANS)('the Headcount sheet of a plan with %s, recalculated by HyperFormula', (_name, input) => {
  it("every role's rows are the engine's numbers", async () => {
    const { headcount, layoutInput } = planned(input());
    const book = (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput))).workbook;
    const loaded = loadIntoHyperFormula(book);
    const sheet = book.getWorksheet('Headcount')!;
    const wrong = headcount.roles.flatMap((p) => differences(p.role.id, rowsOf(sheet, p.role), engineRole(headcount, p.role.id), (r, c) => loaded.value('Headcount', cellAddress(r, c))));
    expect(wrong).toEqual([]);
  });

  it('a hire moved two months later opens the shortfall the cohort arithmetic gives, its manager\'s demand follows, and moving it back closes it', async () => {
    const { headcount, layoutInput } = planned(input());
    const book = (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput))).workbook;
    const loaded = loadIntoHyperFormula(book);
    const sheet = book.getWorksheet('Headcount')!;
    const sdr = headcount.roles.find((p) => p.role.id === 'sdr')!;
    const manager = headcount.roles.find((p) => p.role.id === 'sdrManager')!;
    const rows = rowsOf(sheet, sdr.role);
    const moved = movedHire(sdr.hires);
    const setHires = (hires: readonly number[]) => hires.forEach((n, i) => loaded.set('Headcount', cellAddress(rows.hires, 2 + i), n));
    setHires(moved.hires);

    const expected = recomputed(sdr, moved.hires, sdr.demand);
    // The plan is minimal: a hire started two months later leaves a covered month short.
    expect(expected.shortfall.some((s, i) => s > 0 && i >= sdr.firstCovered)).toBe(true);
    const managerDemand = roleDemand(manager.role, undefined, (id) => (id === 'sdr' ? expected.heads : []), headcount.months.length);
    const value = (r: number, c: number) => loaded.value('Headcount', cellAddress(r, c));
    expect([
      ...differences('sdr', rows, expected, value),
      ...differences('sdrManager', rowsOf(sheet, manager.role), recomputed(manager, manager.hires, managerDemand), value),
    ]).toEqual([]);

    setHires(sdr.hires);
    expect(differences('sdr', rows, engineRole(headcount, 'sdr'), value)).toEqual([]);
  });

  it("a role's capacity, ramp, attrition, current staff and cost edited on Inputs recalculate its rows", async () => {
    const { headcount, layoutInput } = planned(input());
    const book = (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput))).workbook;
    const loaded = loadIntoHyperFormula(book);
    const j = headcount.roles.findIndex((p) => p.role.id === 'ae');
    const ae = headcount.roles[j];
    const edits = { capacityPerMonth: 6, attritionPerYear: 0.4, current: ae.role.current + 3, monthlyCost: 17_250.25, 'ramp[1]': 0.1 };
    for (const [field, v] of Object.entries(edits)) loaded.set('Inputs', inputsCell(book, `headcount.roles[${j}].${field}`), v);
    const ramp = [...ae.role.ramp];
    ramp[1] = 0.1;
    const role: ValidRole = { ...ae.role, ...edits, ramp };
    const expected = recomputed(ae, ae.hires, ae.work!.map((w) => w / 6), role);
    const rows = rowsOf(book.getWorksheet('Headcount')!, ae.role);
    expect(differences('ae', rows, expected, (r, c) => loaded.value('Headcount', cellAddress(r, c)))).toEqual([]);
  });
});

describeWithLibreOffice('LibreOffice recalculates the Headcount sheet to the engine', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-headcount-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function recalculated(book: ExcelJS.Workbook, name: string): Promise<(sheet: string, row: number, col: number) => unknown> {
    const file = path.join(tmp, `${name}.xlsx`);
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const cells = new Map((await readFormulaCells(await recalculateWithLibreOffice(file))).map((c) => [`${c.sheet}!${c.address}`, c.result]));
    return (sheet, row, col) => cells.get(`${sheet}!${cellAddress(row, col)}`);
  }

  it.each(PLANS)("a plan with %s: every role's rows are the engine's numbers", async (name, input) => {
    const { headcount, layoutInput } = planned(input());
    const book = (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput))).workbook;
    const value = await recalculated(book, name.replace(/\W+/g, '-'));
    const sheet = book.getWorksheet('Headcount')!;
    const wrong = headcount.roles.flatMap((p) => differences(p.role.id, rowsOf(sheet, p.role), engineRole(headcount, p.role.id), (r, c) => value('Headcount', r, c)));
    expect(wrong).toEqual([]);
  }, 240_000);

  it('an SDR hire moved two months later and the AE\'s inputs edited: the shortfall, heads, cost and the manager\'s demand the cohort arithmetic gives', async () => {
    const { headcount, layoutInput } = planned(customRolesPlan());
    const book = (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInput))).workbook;
    const sheet = book.getWorksheet('Headcount')!;
    const sdr = headcount.roles.find((p) => p.role.id === 'sdr')!;
    const manager = headcount.roles.find((p) => p.role.id === 'sdrManager')!;
    const j = headcount.roles.findIndex((p) => p.role.id === 'ae');
    const ae = headcount.roles[j];
    const rows = rowsOf(sheet, sdr.role);
    const moved = movedHire(sdr.hires);
    moved.hires.forEach((n, i) => (sheet.getCell(rows.hires, 2 + i).value = n));
    const inputs = book.getWorksheet('Inputs')!;
    const edits = { attritionPerYear: 0.35, current: ae.role.current + 2, 'ramp[0]': 0.25 };
    for (const [field, v] of Object.entries(edits)) inputs.getCell(inputsCell(book, `headcount.roles[${j}].${field}`)).value = v;
    const value = await recalculated(book, 'moved');

    const sdrExpected = recomputed(sdr, moved.hires, sdr.demand);
    expect(sdrExpected.shortfall.some((s, i) => s > 0 && i >= sdr.firstCovered)).toBe(true);
    const managerDemand = roleDemand(manager.role, undefined, () => sdrExpected.heads, headcount.months.length);
    const aeRole: ValidRole = { ...ae.role, attritionPerYear: 0.35, current: ae.role.current + 2, ramp: [0.25, ...ae.role.ramp.slice(1)] };
    const at = (r: number, c: number) => value('Headcount', r, c);
    expect([
      ...differences('sdr', rows, sdrExpected, at),
      ...differences('sdrManager', rowsOf(sheet, manager.role), recomputed(manager, manager.hires, managerDemand), at),
      ...differences('ae', rowsOf(sheet, ae.role), recomputed(ae, ae.hires, ae.demand, aeRole), at),
    ]).toEqual([]);
  }, 240_000);
});
