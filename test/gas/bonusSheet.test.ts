/**
 * The Bonus sheet through the SpreadsheetApp port (the fake): written with the plan, owned, its
 * attainments shaded input cells, its payouts live formulas of the Inputs Bonus sections, one
 * colour-scale rule over the grid of totals; an attainment the user typed is an edit kept as a
 * backup when Generate runs again; the Bonus sections read back as the same pool in every
 * language; a plan without a pool says so on the sheet.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import type { PlanInput } from '../../src/core/planInput';
import { generatePlanFromInputs } from '../../src/gas/generatePlan';
import { OWNER_KEY } from '../../src/gas/sheetsWorkbook';
import { generatedBySidebar, readBack, rowOf } from './generatedSheets';

describe('the Bonus sheet in Google Sheets', () => {
  it('is written with the plan: owned, attainments shaded inputs, payouts live of the Inputs Bonus sections, a heat map over the grid', () => {
    const { spreadsheet, response } = generatedBySidebar(defaultPlanInput());
    expect(response.sheets).toContain('Bonus');
    const sheet = spreadsheet.sheet('Bonus');
    const meta = sheet.metadata.filter((m) => m.getKey() === OWNER_KEY).map((m) => JSON.parse(m.getValue()));
    expect(meta).toEqual([expect.objectContaining({ kind: 'bonus', sheetId: sheet.id })]);
    const revenue = rowOf(spreadsheet, 'Bonus', 'Revenue');
    expect(sheet.peek(revenue, 2)).toMatchObject({ value: 1, background: '#fff8e1', formula: '' });
    const curves = rowOf(spreadsheet, 'Inputs', 'Bonus curve points');
    // The funding multiplier: the gate, then the (pool) points' INDEX/MATCH, on the Inputs cells.
    const funding = sheet.peek(rowOf(spreadsheet, 'Bonus', 'Funding multiplier'), 2).formula;
    expect(funding).toMatch(/^=IF\(B\d+>=Inputs!\$B\$\d+,IF\(B\d+<INDEX\(Inputs!\$C\$\d+:\$C\$\d+,1\),0,/);
    expect(funding).toContain(`MATCH(B${revenue},Inputs!$C$${curves + 2}:$C$${curves + 5},1)`);
    const ae = rowOf(spreadsheet, 'Bonus', 'AE (ae) — Share of the pool 45%');
    const payout = rowOf(spreadsheet, 'Bonus', 'Payout', ae);
    expect(sheet.peek(payout, 2).formula).toMatch(/^=B\d+\/100$/);
    const gridHeader = rowOf(spreadsheet, 'Bonus', 'Revenue ↓ / marketing share →');
    expect(sheet.conditionalRules).toHaveLength(1);
    expect((sheet.conditionalRules[0] as { setRanges: string[][] }).setRanges[0]).toEqual([`B${gridHeader + 1}:F${gridHeader + 7}`]);
    expect(sheet.conditionalRules[0]).toHaveProperty('setGradientMaxpoint');
  });

  it('an attainment the user typed is an edit: Generate keeps it as a backup and writes the plan again', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const revenue = rowOf(spreadsheet, 'Bonus', 'Revenue');
    spreadsheet.sheet('Bonus').getRange(revenue, 2, 1, 1).setValues([[1.1]]);
    const outcome = generatePlanFromInputs(ctx);
    const backup = 'Bonus (edited, before 2026-11-23 16:40)';
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining(backup) });
    expect(spreadsheet.sheet(backup).peek(revenue, 2).value).toBe(1.1);
    expect(spreadsheet.sheet('Bonus').peek(revenue, 2).value).toBe(1);
  });

  it.each(['en', 'zh-CN', 'zh-TW'] as const)('the Bonus sections read back as the same pool (%s), and Generate from them writes the same Bonus sheet', (lang) => {
    const input = defaultPlanInput();
    const { ctx, spreadsheet } = generatedBySidebar(input, lang);
    const { again, original } = readBack(ctx, input);
    expect(again.plan.bonus).toEqual(original.plan.bonus);
    const written = spreadsheet.sheet('Bonus').snapshot();
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(spreadsheet.sheet('Bonus').snapshot()).toEqual(written);
  });

  it('a plan without a pool: the sheet says so, and Inputs has no Bonus section', () => {
    const { bonus: _bonus, ...input } = defaultPlanInput();
    const { spreadsheet } = generatedBySidebar(input as PlanInput, 'zh-CN');
    expect(spreadsheet.sheet('Bonus').snapshot().values[2][0]).toBe('此计划没有奖金池：在输入表中添加奖金各节（或在计划文件中添加 bonus），然后重新生成。');
    expect(rowOf(spreadsheet, 'Inputs', '奖金池')).toBe(0);
  });
});
