/**
 * The Inputs sheet through the SpreadsheetApp port (the fake, which stores what setValues is
 * given as Sheets does: text after its apostrophe, numbers as numbers): every workbook plan —
 * channels with their own rates and deal sizes, lag distributions, timing — is written by
 * Generate from the sidebar and read back by the menu's Generate as the same plan, nothing lost;
 * the .xlsx path has the same test in test/cli/xlsx/planXlsx.test.ts.
 */
import { validatePlan } from '../../src/core/validatePlan';
import { generateFromSidebarInput, generatePlanFromInputs } from '../../src/gas/generatePlan';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';
import { readInputs } from '../../src/workbook/readInputs';
import { WORKBOOK_PLANS } from '../cli/xlsx/planPlans';
import { fakeContext } from './fakes/gasFakes';

describe.each(Object.entries(WORKBOOK_PLANS))('the %s plan through Google Sheets', (_name, input) => {
  it('reads back from the Inputs sheet as the same plan', () => {
    const { ctx } = fakeContext();
    const written = generateFromSidebarInput(ctx, input, null);
    expect(written).toMatchObject({ ok: true });
    const reading = readInputs(new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock), 'Inputs', 'en');
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const again = validatePlan(reading.input, { today: ctx.today });
    const original = validatePlan(input, { today: ctx.today });
    if (!again.ok || !original.ok) throw new Error(JSON.stringify(again.ok ? [] : again.errors));
    // The sheet shows the kind the engine infers ("marketing" for the source with that id).
    const strip = (p: typeof original.plan) => ({ ...p, sources: p.sources.map((s) => ({ ...s, kind: s.kind ?? (s.id === 'marketing' ? 'marketing' : undefined) })) });
    expect(strip(again.plan)).toEqual(strip(original.plan));
  });
});

test('a channel\'s own rates and deal size survive, blank cells inherit', () => {
  const { ctx, spreadsheet } = fakeContext();
  generateFromSidebarInput(ctx, WORKBOOK_PLANS.channelsWithTiming, null);
  const values = spreadsheet.sheet('Inputs').snapshot().values;
  const header = values.findIndex((row) => row[0] === 'Source id' && row[1] === 'Channel id');
  expect(values.slice(header + 1, header + 4).map((row) => row.slice(0, 10))).toEqual([
    ['marketing', 'content', 'Content', 0.5, 120, 25_000, '', '', '', ''],
    ['marketing', 'events', 'Events', 0.3, 250, 40_000, 0.3, '', '', ''],
    ['marketing', 'sem', 'SEM', 0.2, 200.5, '', '', 0.45, '', 0.2],
  ]);
});

test('Generate from an Inputs sheet whose channel rows were reordered points each channel row of the Funnel at its own Inputs row', () => {
  const { ctx, spreadsheet } = fakeContext();
  generateFromSidebarInput(ctx, WORKBOOK_PLANS.channelsWithTiming, null);
  const inputs = spreadsheet.sheet('Inputs');
  const header = inputs.snapshot().values.findIndex((row) => row[0] === 'Source id' && row[1] === 'Channel id') + 1;
  // Swap the content (first) and sem (third) rows, every column of them.
  for (let c = 1; c <= 10; c++) {
    const a = inputs.cellAt(header + 1, c);
    const b = inputs.cellAt(header + 3, c);
    const held = { ...a };
    Object.assign(a, b);
    Object.assign(b, held);
  }
  expect(generatePlanFromInputs(ctx)).toMatchObject({ ok: true });
  const funnel = spreadsheet.sheet('Funnel').snapshot();
  const row = funnel.values.findIndex((r) => r[0] === 'Marketing-sourced — channel SEM');
  expect(row).toBe(funnel.values.findIndex((r) => r[0] === 'Channel') + 1); // listed first now
  // Its won deals: target × marketing's share × SEM's share (now on the first channel row) ÷ its deal size (blank: marketing's).
  const won = funnel.formulas[row][5];
  expect(won).toContain(`RevenueTarget*Inputs!$B$15*Inputs!$D$${header + 1}/IF(Inputs!$F$${header + 1}="",Inputs!$B$16,Inputs!$F$${header + 1})`);
});
