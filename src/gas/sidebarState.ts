/** getSidebarState: the form's starting point, from the Inputs sheet when it can be read, else the default template. */
import { defaultPlanInput } from '../core/defaultPlan';
import type { PlanInput } from '../core/planInput';
import { contentFingerprint } from '../workbook/contentFingerprint';
import { SHEET } from '../workbook/layouts/sheetNames';
import { readInputs } from '../workbook/readInputs';
import type { GasContext } from './gasContext';
import type { SidebarState } from './sidebarContract';
import { SheetsWorkbook } from './sheetsWorkbook';

export function sidebarState(ctx: GasContext): SidebarState {
  const book = new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
  const fallback = { input: defaultPlanInput(), source: 'default-template' as const, inputsFingerprint: null, lang: ctx.lang };
  if (!book.listSheets().includes(SHEET.inputs)) return { ...fallback, readProblems: [] };
  const reading = readInputs(book, SHEET.inputs, ctx.lang);
  if (!reading.ok) return { ...fallback, readProblems: reading.problems };
  return {
    input: reading.input as unknown as PlanInput,
    source: 'inputs-sheet',
    readProblems: [],
    inputsFingerprint: contentFingerprint(book, SHEET.inputs),
    lang: ctx.lang,
  };
}
