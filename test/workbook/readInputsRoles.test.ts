/**
 * The Inputs sheet's Roles list and Headcount section read back into the plan's `headcount`: a
 * role typed below the last is planned, a ramp column added is read, a default role's name in
 * any language is no name of its own, and a wrong cell is named by its address.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import { validatePlan } from '../../src/core/validatePlan';
import { columnLetter } from '../../src/workbook/a1';
import { inputsLayout } from '../../src/workbook/layouts/inputsLayout';
import type { CellValue } from '../../src/workbook/port';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { MemoryWorkbook, inputsBookOf } from '../support/memoryWorkbook';
import { customRolesPlan } from './headcountPlans';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };

function inputsValues(input = defaultPlanInput(), lang: 'en' | 'zh-CN' = 'en'): CellValue[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, [inputsLayout({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP })], STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}


/** The plan read from these values, or the messages naming what is wrong. */
function planOf(values: CellValue[][]) {
  const reading = readInputs(inputsBookOf(values), 'Inputs', 'en');
  if (!reading.ok) return { errors: reading.problems };
  const checked = validatePlan(reading.input);
  return checked.ok ? { plan: checked.plan } : { errors: checked.errors.map((e) => formatCellError(e, reading.cellOf)) };
}

const header = (values: CellValue[][]) => values.findIndex((r) => r[0] === 'Role id' || r[0] === '岗位 ID');
const colOf = (values: CellValue[][], label: string) => values[header(values)].indexOf(label);
const rowOfRole = (values: CellValue[][], id: string) => values.findIndex((r, i) => i > header(values) && r[0] === id);

describe('the Roles list read back', () => {
  it('plans a role typed below the last, with a ramp column added after the written ones', () => {
    const values = inputsValues();
    const last = rowOfRole(values, 'design');
    const ramp7 = values[header(values)].length;
    values[header(values)][ramp7] = 'Ramp month 7';
    const row: CellValue[] = Array.from({ length: ramp7 + 1 }, () => null);
    const put = (label: string, v: CellValue) => (row[colOf(values, label)] = v);
    put('Role id', 'partnerMgr');
    put('Role name', 'Partner manager');
    put('Driver', 'Stage');
    put('Driver value', 'opportunity');
    put('Sources or roles counted', 'outbound');
    put('Capacity per month', 12);
    put('Monthly cost (fully loaded)', '9,500');
    ['20%', 0.4, 0.6, 0.7, 0.8, 0.85].forEach((v, k) => put(`Ramp month ${k + 1}`, v));
    row[ramp7] = 0.9;
    values.splice(last + 1, 0, row);
    const { plan: read, errors } = planOf(values);
    expect(errors).toBeUndefined();
    const role = read!.headcount!.roles.find((r) => r.id === 'partnerMgr');
    expect(role).toEqual({
      id: 'partnerMgr',
      name: 'Partner manager',
      driver: { kind: 'stage', stage: 'opportunity', sources: ['outbound'] },
      capacityPerMonth: 12,
      ramp: [0.2, 0.4, 0.6, 0.7, 0.8, 0.85, 0.9],
      attritionPerYear: 0,
      hireLeadMonths: 0,
      monthlyCost: 9_500,
      current: 0,
    });
  });

  it("reads a default role's name in another language as no name of its own, and a cleared ramp as productive at once", () => {
    const values = inputsValues(defaultPlanInput(), 'zh-CN');
    const sdr = rowOfRole(values, 'sdr');
    const rampFrom = values[header(values)].indexOf('爬坡第 1 月');
    for (let c = rampFrom; c < rampFrom + 6; c++) values[sdr][c] = null;
    const { plan: read } = planOf(values);
    const role = read!.headcount!.roles.find((r) => r.id === 'sdr')!;
    expect(role.name).toBeUndefined();
    expect(role.ramp).toEqual([]);
  });

  it.each([
    ['an unknown driver keyword', 'Driver', 'stages', /driver/],
    ['a manager counting a role the list does not have', 'Sources or roles counted', 'sdrs', /sdrs/],
    ['an attrition of 100 %', 'Attrition per year', 1, /attrition/i],
    ['a fractional current staff', 'Current staff', 2.5, /whole number/],
  ] as const)('names the cell of %s', (_what, column, value, message) => {
    const values = inputsValues();
    const row = rowOfRole(values, 'sdrManager');
    values[row][colOf(values, column)] = value;
    const { errors } = planOf(values);
    expect(errors!.length).toBeGreaterThan(0);
    for (const error of errors!) expect(error).toMatch(new RegExp(`^Inputs!${columnLetter(colOf(values, column) + 1)}${row + 1} `));
    expect(errors![0]).toMatch(message);
  });

  it('names the blank ramp month inside a ramp', () => {
    const values = inputsValues();
    const row = rowOfRole(values, 'ae');
    const col = colOf(values, 'Ramp month 2');
    values[row][col] = null;
    const { errors } = planOf(values);
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^Inputs!${columnLetter(col + 1)}${row + 1} \\(headcount\\.roles\\[8\\]\\.ramp\\[1\\]\\): is required`))]);
  });

  it('reads "none" for the vertical structure as no comparison, and a plan start typed', () => {
    const values = inputsValues(customRolesPlan());
    const label = (text: string) => values.findIndex((r) => r[0] === text);
    values[label('Full-cycle reps replace (role ids)')][1] = 'None';
    values[label('Plan start (YYYY-MM)')][1] = '2026-11';
    const { plan: read } = planOf(values);
    expect(read!.headcount!.vertical).toBeNull();
    expect(read!.headcount!.planStart).toEqual({ year: 2026, month: 11 });
  });
});
