/**
 * The Headcount layout on its own: the cached values are the engine's, the summary adds up, roles
 * fall into teams, the structures and the trade-off are there; without a Roles section on the
 * Inputs sheet it inlines the role's inputs and still computes the engine's numbers; without a
 * fiscal year it says so.
 */
import { plan } from '../../../src/core/plan';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import type { PlanInput } from '../../../src/core/planInput';
import { headcountToJson } from '../../../src/core/headcount/headcountJson';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { cellAddress } from '../../../src/workbook/a1';
import { headcountLayout, headcountOf, roleTeam } from '../../../src/workbook/layouts/headcountLayout';
import { inputsGeometryOf } from '../../../src/workbook/layouts/inputsLayout';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import { planLayouts } from '../../../src/workbook/layouts/planLayouts';
import type { Cell } from '../../../src/workbook/port';
import { writeLayouts } from '../../../src/workbook/writeLayouts';
import { formulaMismatches, loadIntoHyperFormula } from '../../support/hyperformula';
import { customRolesPlan, rolesInYenPlan } from '../headcountPlans';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };

function inputOf(input: PlanInput, lang: LayoutInput['lang'] = 'en'): LayoutInput {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP };
}

function cells(input: LayoutInput): (Cell | null)[][] {
  return headcountLayout(input).blocks[0].cells.map((row) => [...row]);
}

const rowOf = (grid: (Cell | null)[][], label: string, from = 0) => grid.findIndex((row, r) => r >= from && row[0]?.value === label) + 1;

describe('the Headcount layout', () => {
  it('sums the team rows and the totals from the roles, the FY cost to the cent, as the engine has them', () => {
    const input = inputOf(defaultPlanInput());
    const h = headcountOf(input)!;
    const json = headcountToJson(h);
    const grid = cells(input);
    const total = rowOf(grid, 'Total cost');
    const fyCol = 2 + h.months.length + 1;
    expect(grid[total - 1][fyCol - 1]).toMatchObject({ value: json.total.yearCost, formula: expect.stringMatching(/^ROUND\(SUM\(E\d+:P\d+\),2\)$/) });
    const heads = rowOf(grid, 'Total heads');
    h.months.forEach((m, i) => expect(grid[heads - 1][1 + i]?.value).toBe(json.total.heads[m]));
    // The teams: leadership, marketing, SDR (with its manager), AE (with its manager), CSM, analytics and design.
    expect(grid.map((row) => row[0]?.value).filter((v) => typeof v === 'string' && v.endsWith(': heads'))).toEqual([
      'Leadership: heads',
      'Marketing: heads',
      'SDR: heads',
      'AE: heads',
      'CSM: heads',
      'Analytics and design: heads',
    ]);
    const sdrTeam = rowOf(grid, 'SDR: heads');
    const sdrHeads = rowOf(grid, 'Heads', rowOf(grid, 'SDR (sdr)'));
    const managerHeads = rowOf(grid, 'Heads', rowOf(grid, 'SDR manager (sdrManager)'));
    expect(grid[sdrTeam - 1][1]?.formula).toBe(`B${sdrHeads}+B${managerHeads}`);
  });

  it('shows the structures side by side with the trade-off in words, and leaves them out when the plan compares none', () => {
    const grid = cells(inputOf(defaultPlanInput()));
    const title = rowOf(grid, 'Structures: horizontal against vertical (as generated)');
    expect(grid[title].slice(0, 6).map((c) => c?.value)).toEqual(['Structure', 'Heads at FY end', 'Cost for the FY', 'Hires', 'Months with someone ramping', 'Months short']);
    expect(grid[title + 1][0]?.value).toBe('Horizontal (SDR → AE → CSM)');
    expect(grid[title + 2][0]?.value).toBe('Vertical (full-cycle reps)');
    expect(String(grid[title + 3][0]?.value)).toMatch(/^Vertical: \d+\.\d heads at FY end against \d+\.\d in the horizontal structure, USD [\d,]+\.\d\d more for the year/);
    expect(rowOf(cells(inputOf(rolesInYenPlan())), 'Structures: horizontal against vertical (as generated)')).toBe(0);
  });

  it('rounds a typed half cent up as the engine does (1.005 a month is 1.01), in HyperFormula too', async () => {
    const input = inputOf(customRolesPlan());
    const grid = cells(input);
    const cost = rowOf(grid, 'Cost', rowOf(grid, 'intern (intern)'));
    expect(grid[cost - 1][1]?.value).toBe(1.01);
    const book = new ExcelWorkbook();
    writeLayouts(book, planLayouts(input), STAMP);
    const loaded = loadIntoHyperFormula((await ExcelWorkbook.fromBuffer(await book.toBuffer())).workbook);
    expect(loaded.value('Headcount', `B${cost}`)).toBe(1.01);
  });

  it('rounds the cost to the currency\'s minor unit: whole yen', () => {
    const input = inputOf(rolesInYenPlan());
    const grid = cells(input);
    const cost = rowOf(grid, 'Cost', rowOf(grid, 'SDR (sdr)'));
    expect(grid[cost - 1][1]?.formula).toMatch(/^IF\(B\d+\*Inputs!\$I\$\d+\*1=0,0,ROUND\(ROUND\(B\d+\*Inputs!\$I\$\d+\*1,MAX\(0,14-INT\(LOG10\(ABS\(B\d+\*Inputs!\$I\$\d+\*1\)\)\)\)\),0\)\)\/1$/);
    expect(grid[5 - 1][1]?.value).toBe('2027-02'); // plan start inside the FY: no month before it
  });

  it('puts a role of the user\'s own in the team that works its stage, a manager with his reports, a ratio role with analytics', () => {
    const input = inputOf(customRolesPlan());
    const roles = input.plan.headcount!.roles;
    const team = (id: string) => roleTeam(roles.find((r) => r.id === id)!, roles, input.plan.stages, input.plan.handoffStage);
    expect(team('partnerManager')).toBe('ae'); // opportunities
    expect(team('ops')).toBe('support');
    const custom = [{ ...roles[0], id: 'nurture', driver: { kind: 'stage', stage: 'mql', sources: [] } }, { ...roles[0], id: 'leadsDesk', driver: { kind: 'stage', stage: 'lead', sources: [] } }, { ...roles[0], id: 'lead', driver: { kind: 'span', per: 5, of: ['nurture'] } }] as typeof roles;
    expect(custom.map((r) => roleTeam(r, custom, input.plan.stages, input.plan.handoffStage))).toEqual(['sdr', 'marketing', 'sdr']);
  });

  it("without a Roles section on Inputs (a sheet from before it) the role's inputs are in the formulas, and they compute the engine's numbers", async () => {
    const input = inputOf(customRolesPlan());
    const { headcount: _cells, ...older } = inputsGeometryOf(input);
    const layout = headcountLayout({ ...input, inputsGeometry: older });
    const text = JSON.stringify(layout.blocks);
    expect(text).not.toContain('Inputs!');
    expect(text).toContain('POWER(POWER(1-0.32,1/12),');
    const book = new ExcelWorkbook();
    writeLayouts(book, [...planLayouts(input).filter((l) => l.name !== 'Headcount'), layout], STAMP);
    const loaded = loadIntoHyperFormula((await ExcelWorkbook.fromBuffer(await book.toBuffer())).workbook);
    expect(loaded.formulaCells.filter((c) => c.sheet === 'Headcount').length).toBeGreaterThan(500);
    expect(formulaMismatches(loaded)).toEqual([]);
  });

  it('says what it needs without a fiscal year', () => {
    const { timing: _timing, ...noTiming } = defaultPlanInput();
    const grid = cells(inputOf(noTiming as PlanInput));
    expect(grid[2][0]?.value).toBe('No fiscal year: add timing.fiscalYearStart to the plan to see its months.');
    expect(grid).toHaveLength(3);
  });

  it('has a block per role in the plan\'s order; a ratio role\'s demand is live of the heads it counts', () => {
    const input = inputOf(customRolesPlan());
    const grid = cells(input);
    const titles = grid.map((row) => row[0]?.value).filter((v) => typeof v === 'string' && /\([a-z]\w*\)$/.test(v));
    expect(titles).toEqual(['CSO/CGO (cso)', 'SDR (sdr)', 'AE (ae)', 'CSM (csm)', 'SDR manager (sdrManager)', 'Partner manager (partnerManager)', 'Sales ops (ops)', 'intern (intern)']);
    const demand = rowOf(grid, 'Demand (FTE)', rowOf(grid, 'Sales ops (ops)'));
    const sdrHeads = rowOf(grid, 'Heads', rowOf(grid, 'SDR (sdr)'));
    const aeHeads = rowOf(grid, 'Heads', rowOf(grid, 'AE (ae)'));
    expect(grid[demand - 1][2]?.formula).toMatch(new RegExp(`^\\(${cellAddress(sdrHeads, 3)}\\+${cellAddress(aeHeads, 3)}\\)/Inputs!\\$D\\$\\d+$`));
  });
});
