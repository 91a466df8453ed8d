/** Shared steps of the sheet tests through the SpreadsheetApp fake: Generate from the sidebar, find a row, read Inputs back as a plan. */
import type { PlanInput } from '../../src/core/planInput';
import type { Lang } from '../../src/core/stages';
import { validatePlan } from '../../src/core/validatePlan';
import type { GasContext } from '../../src/gas/gasContext';
import { generateFromSidebarInput } from '../../src/gas/generatePlan';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';
import { readInputs } from '../../src/workbook/readInputs';
import type { FakeSpreadsheet } from './fakes/fakeSpreadsheet';
import { fakeContext } from './fakes/gasFakes';

/** A fresh fake spreadsheet with `input` generated into it from the sidebar, in `lang`. */
export function generatedBySidebar(input: PlanInput, lang: Lang = 'en') {
  const { ctx, spreadsheet } = fakeContext();
  const response = generateFromSidebarInput({ ...ctx, lang }, input, null);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return { ctx: { ...ctx, lang }, spreadsheet, response };
}

/** The 1-based row whose first cell is `label`, from row `from` on; 0 when there is none. */
export const rowOf = (spreadsheet: FakeSpreadsheet, sheet: string, label: string, from = 0) =>
  spreadsheet.sheet(sheet).snapshot().values.findIndex((row, r) => r >= from && row[0] === label) + 1;

/** The Inputs sheet read back and validated, beside `input` validated: what a round trip must keep. */
export function readBack(ctx: GasContext & { lang: Lang }, input: PlanInput) {
  const reading = readInputs(new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock), 'Inputs', ctx.lang);
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  const again = validatePlan(reading.input, { today: ctx.today });
  const original = validatePlan(input, { today: ctx.today });
  if (!again.ok || !original.ok) throw new Error(JSON.stringify(again.ok ? [] : again.errors));
  return { again, original };
}
