/**
 * Generate plan: read Inputs in one call, plan in the core, and replace only the sheets
 * Funnel Planner owns (backing up edited ones), all under the document lock so a second
 * click gets "already running" instead of a half-written plan.
 */
import { validatePlan } from '../core/validatePlan';
import type { PlanInput } from '../core/planInput';
import { effectiveKinds, headcountSections, inputsLayout, inputsNamedRanges } from '../workbook/layouts/inputsLayout';
import { areaAddress } from '../workbook/a1';
import type { LayoutInput } from '../workbook/layouts/layoutInput';
import { OUTPUT_LAYOUTS, planLayouts } from '../workbook/layouts/planLayouts';
import { SHEET } from '../workbook/layouts/sheetNames';
import { formatCellError, readInputs } from '../workbook/readInputs';
import { ReplaceResult, replaceOwnedSheets } from '../workbook/replaceOwnedSheets';
import { SheetRefusal } from '../workbook/sheetRefusal';
import { writeLayouts } from '../workbook/writeLayouts';
import { inputsOnlyHoldTheirPlan } from '../workbook/inputsCaptured';
import { defaultPlanInput } from '../core/defaultPlan';
import { plan } from '../core/plan';
import type { GasContext } from './gasContext';
import { planForSidebar } from './planResponse';
import { readConfidence } from './readConfidence';
import type { GenerateResponse } from './sidebarContract';
import { SheetsWorkbook } from './sheetsWorkbook';
import { sidebarSummary } from './sidebarSummary';
import { gasText } from './gasText';
import { locked } from './locked';

export type MenuOutcome = { readonly ok: boolean; readonly title: string; readonly message: string };

function port(ctx: GasContext): SheetsWorkbook {
  return new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
}

function stamp(ctx: GasContext) {
  return { version: ctx.version, generatedOn: ctx.today };
}

/** Writes the default Inputs sheet into a spreadsheet that has none; the caller holds the lock. */
function writeDefaultInputs(ctx: GasContext, book: SheetsWorkbook): void {
  const outcome = plan(defaultPlanInput());
  if (!outcome.ok) throw new Error('the default template is invalid');
  writeLayouts(book, [inputsLayout({ plan: outcome.plan, funnel: outcome.funnel, lang: ctx.lang, stamp: stamp(ctx) })], stamp(ctx));
}

/** Writes the default Inputs sheet (menu: Insert Inputs sheet). Never touches an existing one. */
export function insertInputsSheet(ctx: GasContext): MenuOutcome {
  const t = gasText(ctx.lang);
  return locked(
    ctx,
    () => ({ ok: false, title: t.busyTitle, message: t.busy }),
    () => {
      const book = port(ctx);
      if (book.listSheets().includes(SHEET.inputs)) return { ok: false, title: t.inputsExistTitle, message: t.inputsExist };
      writeDefaultInputs(ctx, book);
      return { ok: true, title: t.inputsInsertedTitle, message: t.inputsInserted };
    },
  );
}

function describeResult(ctx: GasContext, result: ReplaceResult, headline: string, added?: string): string {
  const t = gasText(ctx.lang);
  const lines = [t.wrote(result.written.join(', ')), headline, added ? t.rolesAdded(added) : ''];
  if (result.backups.length > 0) lines.push(t.backedUp(result.backups.join(', ')));
  return lines.filter(Boolean).join('\n');
}

/** Menu: Generate plan, from the Inputs sheet as the user left it (inserting the default one first if missing). */
export function generatePlanFromInputs(ctx: GasContext): MenuOutcome {
  const t = gasText(ctx.lang);
  return locked(
    ctx,
    () => ({ ok: false, title: t.busyTitle, message: t.busy }),
    () => {
      // Checked under the lock: another run may have written Inputs while this one waited.
      const book = port(ctx);
      if (!book.listSheets().includes(SHEET.inputs)) writeDefaultInputs(ctx, book);
      const values = book.readValues(SHEET.inputs);
      const reading = readInputs(book, SHEET.inputs, ctx.lang, values);
      if (!reading.ok) return { ok: false, title: t.unreadableTitle, message: reading.problems.join('\n') };
      const checked = validatePlan(reading.input, { today: ctx.today });
      if (!checked.ok) {
        const hints = checked.errors.some((e) => e.code === 'seasonalityNeedsHistory') ? [t.seasonalityHistoryHint] : [];
        return { ok: false, title: t.invalidTitle, message: [...checked.errors.map((e) => formatCellError(e, reading.cellOf, ctx.lang)), ...hints].join('\n') };
      }
      const funnel = checked.funnel;
      let geometry = reading.geometry;
      let added: string | undefined;
      if (!geometry.headcount) {
        // An Inputs sheet from before the Roles list: the roles this plan uses go below its last row, so the user can edit them and the Headcount sheet reads them.
        const sections = headcountSections(checked.plan, ctx.lang, values.length + 2, reading.places);
        book.writeBlock(SHEET.inputs, sections.block);
        if (sections.validations.length > 0) book.setValidations(SHEET.inputs, sections.validations);
        geometry = { ...geometry, headcount: sections.cells };
        added = areaAddress({ row: sections.block.row, col: 1, rows: sections.block.cells.length, cols: sections.block.cells[0]?.length ?? 1 });
      }
      // No confidence: the simulation must not run in Apps Script (its time limits), so the Confidence sheet says it runs in the sidebar.
      const input: LayoutInput = { plan: checked.plan, funnel, lang: ctx.lang, stamp: stamp(ctx), inputsGeometry: geometry };
      try {
        const result = replaceOwnedSheets(book, OUTPUT_LAYOUTS.map((layout) => layout(input)), stamp(ctx), { now: ctx.now });
        // Inputs is the user's sheet: only its names are re-pointed, in case rows moved.
        book.setNamedRanges(inputsNamedRanges(reading.geometry, effectiveKinds(input)));
        return { ok: true, title: t.doneTitle, message: describeResult(ctx, result, t.headline(funnel.marketingTarget?.count), added) };
      } catch (error) {
        if (error instanceof SheetRefusal) return { ok: false, title: t.conflictTitle, message: t.refusal(error.reason, error.sheet) };
        throw error;
      }
    },
  );
}

/**
 * Sidebar: write the submitted plan into every sheet. `confidence` is what the page simulated for
 * this input (null or absent: it could not, and the Confidence sheet says where the simulation
 * runs); it is checked before anything is written, and refused when malformed or of another plan.
 */
export function generateFromSidebarInput(ctx: GasContext, input: PlanInput, inputsFingerprint: string | null, confidence: unknown = null): GenerateResponse {
  const t = gasText(ctx.lang);
  const planned = planForSidebar(input, ctx.lang, ctx.today);
  if (!planned.ok) return planned.response;
  const simulated = readConfidence(confidence, planned.plan, planned.funnel, ctx.lang);
  if (!simulated.ok) return { ok: false, reason: 'failed', message: simulated.message };
  return locked<GenerateResponse>(
    ctx,
    () => ({ ok: false, reason: 'busy', message: t.busy }),
    () => {
      const book = port(ctx);
      // The months the sidebar shows are the Monthly and Teams sheets' own: one timeline for both.
      const layouts = planLayouts({
        plan: planned.plan,
        funnel: planned.funnel,
        lang: ctx.lang,
        stamp: stamp(ctx),
        timeline: planned.timeline,
        ...(simulated.confidence ? { confidence: simulated.confidence } : {}),
      });
      try {
        const captured = inputsFingerprint && inputsOnlyHoldTheirPlan(book, inputsFingerprint) ? { [SHEET.inputs]: inputsFingerprint } : undefined;
        const result = replaceOwnedSheets(book, layouts, stamp(ctx), { now: ctx.now, captured });
        return { ok: true, summary: sidebarSummary(planned.funnel, ctx.lang, planned.timeline, planned.headcount, planned.plan.bonus), sheets: result.written, backups: result.backups };
      } catch (error) {
        if (error instanceof SheetRefusal) return { ok: false, reason: 'failed', message: t.refusal(error.reason, error.sheet) };
        throw error;
      }
    },
  );
}
