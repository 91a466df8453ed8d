/**
 * The Inputs sheet's Bonus sections read back into the plan's `bonus`: the template's pool, in
 * every language, is the same pool; a plan without one writes no Bonus section; a point, a role
 * and a scenario typed in are read; TRUE typed as text is a boolean; and a wrong cell is named by
 * its address.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import type { PlanInput } from '../../src/core/planInput';
import type { Lang } from '../../src/core/stages';
import { validatePlan } from '../../src/core/validatePlan';
import { columnLetter } from '../../src/workbook/a1';
import { inputsLayout } from '../../src/workbook/layouts/inputsLayout';
import type { CellValue } from '../../src/workbook/port';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { MemoryWorkbook, inputsBookOf } from '../support/memoryWorkbook';
import { insertRow } from '../support/sheetEdits';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };

function inputsValues(input: PlanInput = defaultPlanInput(), lang: Lang = 'en'): CellValue[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, [inputsLayout({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP })], STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}

function planOf(values: CellValue[][], lang: Lang = 'en') {
  const reading = readInputs(inputsBookOf(values), 'Inputs', lang);
  if (!reading.ok) return { errors: reading.problems };
  const checked = validatePlan(reading.input);
  return checked.ok ? { plan: checked.plan, reading } : { errors: checked.errors.map((e) => formatCellError(e, reading.cellOf)) };
}

const original = () => {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error('template');
  return outcome.plan.bonus!;
};

/** The row (1-based) whose first cells are these. */
const rowOf = (values: CellValue[][], ...cells: CellValue[]) => values.findIndex((r) => cells.every((c, i) => r[i] === c)) + 1;
const cellName = (row: number, col: number) => `Inputs!${columnLetter(col)}${row}`;

describe('the Bonus sections read back', () => {
  it.each(['en', 'zh-CN', 'zh-TW'] as const)('are the same pool (%s): pool, gate, funding curve, buckets, KPIs, curves, scenarios and grid', (lang) => {
    const values = inputsValues(defaultPlanInput(), lang);
    const { plan: read, errors } = planOf(values, lang);
    expect(errors).toBeUndefined();
    expect(read!.bonus).toEqual(original());
    // A sanity check of the pool read, by hand from the template: 600,000 gated at revenue 80 %, four buckets.
    expect(read!.bonus!.pool).toEqual({ kind: 'amount', amount: 600_000 });
    expect(read!.bonus!.buckets.map((b) => [b.id, b.share, b.roles.length, b.kpis.length])).toEqual([
      ['marketing', 0.2, 5, 3],
      ['sdr', 0.2, 2, 2],
      ['ae', 0.45, 3, 2],
      ['csm', 0.15, 1, 2],
    ]);
  });

  it('labels the sections in the sheet language: zh-CN', () => {
    const values = inputsValues(defaultPlanInput(), 'zh-CN');
    const labels = values.map((r) => r[0]);
    expect(labels).toEqual(expect.arrayContaining(['奖金池', '奖金池金额', '奖金桶', '奖金岗位', '奖金 KPI', '奖金曲线点', '奖金情景', '(奖金池)']));
  });

  it('a plan without a pool writes no Bonus section and reads back without one', () => {
    const { bonus: _bonus, ...input } = defaultPlanInput();
    const values = inputsValues(input as PlanInput);
    expect(values.some((r) => r.includes('Bonus pool') || r.includes('Bonus buckets'))).toBe(false);
    const { plan: read, errors } = planOf(values);
    expect(errors).toBeUndefined();
    expect(read!.bonus).toBeUndefined();
  });

  it('reads a point inserted into a curve, a role inserted into a bucket, a stepped curve typed as text, a percent-of-revenue pool and a new scenario', () => {
    let values = inputsValues();
    // The SDR bucket's SQL curve [[0.7, 0.5], [1, 1], [1.3, 1.6]] gets a point at 1.15 → 1.2.
    const sqlPoint = rowOf(values, 'sdr', 'sql', 1);
    values = insertRow(values, sqlPoint + 1);
    values[sqlPoint] = ['sdr', 'sql', '115%', 1.2];
    // The CSM bucket pays its data analysts too, at half weight.
    const csmRole = rowOf(values, 'csm', 'csm', 1);
    values = insertRow(values, csmRole + 1);
    values[csmRole] = ['csm', 'dataAnalyst', 0.5];
    values[rowOf(values, 'csm', 'won') - 1][3] = 'TRUE';
    // 6 % of actual revenue instead of 600,000.
    values[rowOf(values, 'Pool amount') - 1][1] = null;
    values[rowOf(values, 'Pool as a share of actual revenue') - 1][1] = '6%';
    values[rowOf(values, 'Fit payouts to the pool (TRUE/FALSE)') - 1][1] = false;
    const last = rowOf(values, 'Upside', 'won');
    values[last] = ['Stretch', 'revenue', 1.4];
    const { plan: read, errors } = planOf(values);
    expect(errors).toBeUndefined();
    const bonus = read!.bonus!;
    expect(bonus.pool).toEqual({ kind: 'percentOfRevenue', percent: 0.06 });
    expect(bonus.fitToPool).toBe(false);
    const sdr = bonus.buckets.find((b) => b.id === 'sdr')!;
    expect(sdr.kpis[0].curve.points).toEqual([
      { attainment: 0.7, multiplier: 0.5 },
      { attainment: 1, multiplier: 1 },
      { attainment: 1.15, multiplier: 1.2 },
      { attainment: 1.3, multiplier: 1.6 },
    ]);
    const csm = bonus.buckets.find((b) => b.id === 'csm')!;
    expect(csm.roles).toEqual(['csm', 'dataAnalyst']);
    expect(csm.roleWeights).toEqual({ csm: 1, dataAnalyst: 0.5 });
    expect(csm.kpis.map((k) => k.curve.stepped)).toEqual([false, true]);
    expect(bonus.scenarios.map((s) => s.name)).toEqual(['Downside', 'Plan', 'Upside', 'Stretch']);
    expect(bonus.scenarios[3].kpis).toEqual({ revenue: 1.4 });
  });

  it('every scenario row deleted: no named scenarios (not the defaults)', () => {
    const values = inputsValues();
    const header = rowOf(values, 'Scenario', 'KPI', 'Attainment');
    const cleared = values.map((r, i) => (i >= header ? r.map(() => null) : r));
    const { plan: read } = planOf(cleared);
    expect(read!.bonus!.scenarios).toEqual([]);
  });

  it.each([
    ['a bucket share that is not a number', () => ['ae', 'AE', 0.45], 3, 'lots', /^Inputs!C\d+ \(bonus\.buckets\[2\]\.share\): expected/],
    ['a curve point below the one before', () => ['ae', 'revenue', 1.2], 3, 0.9, /^Inputs!C\d+ \(bonus\.buckets\[2\]\.kpis\[0\]\.curve\.points\[2\]\[0\]\): expected an attainment above the previous point's 1/],
    ['a funding curve multiplier that is negative', () => ['(pool)', 'revenue', 1], 4, -1, /^Inputs!D\d+ \(bonus\.fundingCurve\.points\[1\]\[1\]\): expected a number of 0 or more/],
    ['a gate KPI the plan does not have', () => ['Gate KPI'], 2, 'leadz', /^Inputs!B\d+ \(bonus\.gate\.kpi\): expected a KPI/],
    ['a scenario KPI the plan does not have', () => ['Downside', 'won'], 2, 'wins', /^Inputs!C\d+ \(bonus\.scenarios\[0\]\.wins\): is not a field here/],
  ] as const)('names the cell of %s', (_what, rowCells, col, value, message) => {
    const values = inputsValues();
    const row = rowOf(values, ...rowCells());
    values[row - 1][col - 1] = value;
    const { errors } = planOf(values);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    // The cell named is the one edited (a scenario's KPI named by its attainment cell, beside it).
    const named = errors!.find((e) => message.test(e))!;
    expect(named).toContain(col === 2 && rowCells()[0] === 'Downside' ? cellName(row, 3) : cellName(row, col));
  });

  it('names the cell of a role, KPI or curve point whose bucket is not in the buckets list, and of both pool kinds filled in', () => {
    const values = inputsValues();
    const role = rowOf(values, 'sdr', 'sdrManager');
    values[role - 1][0] = 'sdrs';
    const { errors } = planOf(values);
    expect(errors).toEqual([`${cellName(role, 1)}: bucket "sdrs" is not in the Bonus buckets list (expected one of marketing, sdr, ae, csm)`]);

    const again = inputsValues();
    const percent = rowOf(again, 'Pool as a share of actual revenue');
    again[percent - 1][1] = 0.05;
    const both = planOf(again).errors!;
    expect(both).toEqual([expect.stringMatching(new RegExp(`^${cellName(rowOf(again, 'Pool amount'), 2)} \\(bonus\\.pool\\): expected exactly one of amount`))]);

    // A KPI renamed leaves its curve's points without a KPI row: each point is named.
    const renamed = inputsValues();
    const kpi = rowOf(renamed, 'marketing', 'mqlToSql');
    renamed[kpi - 1][1] = 'sql';
    const points = [0.8, 1, 1.2].map((a) => rowOf(renamed, 'marketing', 'mqlToSql', a));
    expect(planOf(renamed).errors).toEqual(points.map((r) => `${cellName(r, 2)}: the Bonus KPIs list has no KPI "mqlToSql" of bucket "marketing" (a curve point belongs to a Bonus KPIs row, or to (pool) for the funding curve)`));
  });
});
