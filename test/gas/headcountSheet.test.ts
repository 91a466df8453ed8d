/**
 * The Headcount sheet and the Inputs Roles list through the SpreadsheetApp port (the fake): written
 * in one block like every sheet, at a cost that does not grow with the number of roles; owned like
 * Monthly and Teams, so a moved hire (an edit) is kept as a backup when Generate runs again; read
 * back from Inputs as the same headcount, in every language; and added to an Inputs sheet that
 * predates it, below its last row, nothing above moved.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import type { PlanInput } from '../../src/core/planInput';
import { generatePlanFromInputs } from '../../src/gas/generatePlan';
import { OWNER_KEY } from '../../src/gas/sheetsWorkbook';
import { customRolesPlan } from '../workbook/headcountPlans';
import { generatedBySidebar, readBack, rowOf } from './generatedSheets';

/** The template with only these default roles (each with a current staff, so every block differs), without its pool (whose buckets pay the others). */
function withRoles(ids: readonly string[]): PlanInput {
  const { bonus: _bonus, ...input } = defaultPlanInput();
  return { ...input, headcount: { roles: ids.map((id) => ({ id })) } } as PlanInput;
}

/** The template without its pool: the same sheets as withRoles, so the calls compare like with like. */
function withoutPool(): PlanInput {
  const { bonus: _bonus, ...input } = defaultPlanInput();
  return input as PlanInput;
}

describe('the Headcount sheet in Google Sheets', () => {
  it('is written with the plan: owned, its hires shaded input cells, its formulas live, one red rule over every role\'s shortfall row', () => {
    const { spreadsheet, response } = generatedBySidebar(defaultPlanInput());
    expect(response.sheets).toContain('Headcount');
    const sheet = spreadsheet.sheet('Headcount');
    const meta = sheet.metadata.filter((m) => m.getKey() === OWNER_KEY).map((m) => JSON.parse(m.getValue()));
    expect(meta).toEqual([expect.objectContaining({ kind: 'headcount', sheetId: sheet.id })]);
    const sdr = rowOf(spreadsheet, 'Headcount', 'SDR (sdr)');
    const hires = rowOf(spreadsheet, 'Headcount', 'Hires (by start month)', sdr);
    expect(sheet.peek(hires, 3)).toMatchObject({ value: 2, background: '#fff8e1', formula: '' }); // 2 SDRs in 2026-11, beside the template's current staff
    expect(sheet.peek(hires + 1, 3).formula).toMatch(/^=Inputs!\$J\$\d+\*C\d+\+B\d+\*C\d+\+C\d+\*B\d+$/);
    expect(sheet.peek(hires + 3, 3).formula).toMatch(/^=IF\(C\d+>=C\d+-MAX\(0\.000000001,0\.000000000001\*ABS\(C\d+\)\),0,C\d+-C\d+\)$/);
    expect(sheet.conditionalRules).toHaveLength(1);
    const ranges = (sheet.conditionalRules[0] as { setRanges: string[][] }).setRanges[0];
    expect(ranges).toHaveLength(14); // the default roles
    expect(ranges).toContain(`B${hires + 3}:P${hires + 3}`);
  });

  it('costs the same number of SpreadsheetApp calls for 2 roles and for the 14 default roles', () => {
    const two = generatedBySidebar(withRoles(['sdr', 'ae'])).spreadsheet;
    const all = generatedBySidebar(withoutPool()).spreadsheet;
    expect(rowOf(two, 'Headcount', 'CSM (csm)')).toBe(0);
    expect(rowOf(all, 'Headcount', 'Designer (design)')).toBeGreaterThan(0);
    expect(Object.fromEntries(all.log.counts)).toEqual(Object.fromEntries(two.log.counts));
  });

  it('a regenerate costs the same whatever the number of roles', () => {
    const counts = (input: PlanInput) => {
      const { ctx, spreadsheet } = generatedBySidebar(input);
      spreadsheet.log.reset();
      expect(generatePlanFromInputs(ctx).ok).toBe(true);
      return spreadsheet.log;
    };
    const two = counts(withRoles(['sdr', 'ae']));
    const all = counts(withoutPool());
    expect(Object.fromEntries(all.counts)).toEqual(Object.fromEntries(two.counts));
  });

  it('a hire the user moved is an edit: Generate keeps the edited sheet as a backup and writes the plan\'s hires again', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const sheet = spreadsheet.sheet('Headcount');
    const hires = rowOf(spreadsheet, 'Headcount', 'Hires (by start month)', rowOf(spreadsheet, 'Headcount', 'SDR (sdr)'));
    expect(sheet.getRange(hires, 3, 1, 3).getValues()).toEqual([[2, 4, 0]]);
    sheet.getRange(hires, 3, 1, 3).setValues([[1, 4, 1]]); // one of November's 2 SDRs moved to January
    const outcome = generatePlanFromInputs(ctx);
    const backup = 'Headcount (edited, before 2026-11-23 16:40)';
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining(`it is kept as ${backup}`) });
    expect(spreadsheet.sheet(backup).peek(hires, 3).value).toBe(1);
    expect(spreadsheet.sheet(backup).peek(hires, 5).value).toBe(1);
    expect(spreadsheet.sheet('Headcount').peek(hires, 3).value).toBe(2);
    expect(spreadsheet.sheet('Headcount').peek(hires, 5).value).toBe(0);
    // Unedited, the next run keeps no backup.
    expect(generatePlanFromInputs(ctx).message).not.toContain('kept as');
  });

  it.each(['en', 'zh-CN', 'zh-TW'] as const)('the Roles list reads back as the same headcount (%s), and Generate from it writes the same Headcount sheet', (lang) => {
    const input = customRolesPlan();
    const { ctx, spreadsheet } = generatedBySidebar(input, lang);
    const { again, original } = readBack(ctx, input);
    expect(again.plan.headcount).toEqual(original.plan.headcount);
    const written = spreadsheet.sheet('Headcount').snapshot();
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(spreadsheet.sheet('Headcount').snapshot()).toEqual(written);
  });

  it('labels the sheet in the language of the document', () => {
    const zh = generatedBySidebar(defaultPlanInput(), 'zh-CN').spreadsheet.sheet('Headcount').snapshot().values.map((row) => row[0]);
    expect(zh).toEqual(expect.arrayContaining(['人员编制 — 招聘谁、何时招聘、成本多少', '销售开发代表 (SDR)（sdr）', '招聘（按入职月）', '有效 FTE', '缺口（FTE）', '按团队汇总', '总人数']));
    const tw = generatedBySidebar(defaultPlanInput(), 'zh-TW').spreadsheet.sheet('Headcount').snapshot().values.map((row) => row[0]);
    expect(tw).toEqual(expect.arrayContaining(['人員編制 — 招聘誰、何時招聘、成本多少', '招聘（按入職月）', '缺口（FTE）', '按團隊彙總', '總人數']));
  });
});

describe('an Inputs sheet written before the Roles list', () => {
  /** A workbook whose Inputs sheet ends with the Channels list, as sheets written before issue 11 do. */
  function olderWorkbook() {
    const generated = generatedBySidebar(defaultPlanInput());
    const inputs = generated.spreadsheet.sheet('Inputs');
    const from = rowOf(generated.spreadsheet, 'Inputs', 'Headcount');
    for (const key of [...inputs.cells.keys()]) if (Number(key.split(',')[0]) >= from) inputs.cells.delete(key);
    return { ...generated, from };
  }

  it('Generate adds the Headcount and Roles sections below its last row with the roles it planned, and points the Headcount sheet at them', () => {
    const { ctx, spreadsheet, from } = olderWorkbook();
    const above = spreadsheet.sheet('Inputs').snapshot().values;
    expect(above.length).toBeLessThan(from);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining('Added the Headcount and Roles sections to Inputs (A') });
    const values = spreadsheet.sheet('Inputs').snapshot().values;
    expect(values.slice(0, above.length).map((row) => row.slice(0, above[0].length))).toEqual(above);
    const header = values.findIndex((row) => row[0] === 'Role id') + 1;
    expect(header).toBeGreaterThan(from);
    expect(values[header].slice(0, 3)).toEqual(['cso', 'CSO/CGO', 'fixed']);
    const sdrRow = values.findIndex((row) => row[0] === 'sdr') + 1;
    const headcount = spreadsheet.sheet('Headcount');
    const heads = rowOf(spreadsheet, 'Headcount', 'Heads', rowOf(spreadsheet, 'Headcount', 'SDR (sdr)'));
    expect(headcount.peek(heads, 2).formula).toContain(`Inputs!$J$${sdrRow}*`);
    // The next run finds the sections: nothing is added twice, and the same plan is written.
    const sheetBefore = headcount.snapshot();
    const again = generatePlanFromInputs(ctx);
    expect(again.message).not.toContain('Added the Headcount');
    expect(spreadsheet.sheet('Inputs').snapshot().values.filter((row) => row[0] === 'Role id')).toHaveLength(1);
    expect(headcount.snapshot()).toEqual(sheetBefore);
  });
});
