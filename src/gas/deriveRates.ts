/**
 * Menu: Derive rates from History. Reads the export pasted into the History sheet in one
 * call, writes the History summary sheet (rates with intervals, durations), and feeds rates
 * into the Inputs sheet's rate cells under the one history policy (core/history/historyPolicy.ts,
 * the same as `plan --rates-from`): CRM sources are placed by the Source map sheet, else by a
 * plan source's id or name; a CRM source none of them places stops the run (Inputs unchanged)
 * and is listed on a new Source map sheet. The rates it replaced are listed on History summary,
 * so nothing typed by hand is lost. With the rates, the timing of the won records goes in as
 * `plan --rates-from` takes it (deriveTiming.ts): blank stage days, the lags (the Lag section),
 * seasonality "history" — so Generate then plans the CLI's months.
 */
import { deriveHistory } from '../core/history/deriveHistory';
import type { DateOrder } from '../core/history/parseHistoryDate';
import { STYLE } from '../workbook/formats';
import { applyHistoryPolicy, type HistoryPolicyResult, type PolicyNote, type PolicySource, type SourceMapping, sourceGrouping } from '../core/history/historyPolicy';
import { describePolicyNote, hint } from '../core/history/historyPolicyText';
import { readSourceMap, SOURCE_MAP_SHEET, sourceMapBlock } from '../workbook/sourceMapSheet';
import { FedRate, FedTiming, historySummaryLayout } from '../workbook/layouts/historySummaryLayout';
import { InputsFeed } from '../workbook/inputsFeed';
import { appendSections, feedTiming } from './deriveTiming';
import { SHEET } from '../workbook/layouts/sheetNames';
import { readInputs } from '../workbook/readInputs';
import { replaceOwnedSheets } from '../workbook/replaceOwnedSheets';
import { SheetRefusal } from '../workbook/sheetRefusal';
import type { GasContext } from './gasContext';
import { gasText } from './gasText';
import type { MenuOutcome } from './generatePlan';
import { locked } from './locked';
import { SheetsWorkbook } from './sheetsWorkbook';

/** Warnings shown in the alert; the rest are on History summary. */
const MAX_NOTES = 5;

/** The plan's stages and sources as read from Inputs, as the policy needs them (rates come from the cells). */
function planSources(input: Record<string, unknown>): { stages: string[]; sources: PolicySource[] } {
  const stages = (input.stages as string[] | undefined) ?? [];
  const sources = ((input.sources as { id?: string; name?: string; entryStage?: string }[] | undefined) ?? []).map((s, j) => ({
    id: s.id ?? `#${j + 1}`,
    ...(s.name !== undefined ? { name: s.name } : {}),
    ...(s.entryStage !== undefined ? { entryStage: s.entryStage } : {}),
    own: {},
  }));
  return { stages, sources };
}

/**
 * When text dates in History read either day or month first, the user is asked which (outside
 * the document lock, so a dialog left open blocks no one) and the run starts again with it.
 */
export function deriveRatesFromHistory(ctx: GasContext): MenuOutcome {
  const first = deriveRatesWith(ctx, undefined);
  if (!('needsDateOrder' in first)) return first;
  const t = gasText(ctx.lang);
  const answer = ctx.ask?.(t.dateOrderTitle, t.dateOrderQuestion(first.message)) ?? 'cancel';
  if (answer === 'cancel') return { ok: false, title: t.historyUnreadableTitle, message: `${first.message}\n${t.dateOrderHint}` };
  const second = deriveRatesWith(ctx, answer === 'yes' ? 'dmy' : 'mdy');
  return 'needsDateOrder' in second ? { ok: false, title: t.historyUnreadableTitle, message: second.message } : second;
}

type FirstPass = MenuOutcome | { readonly needsDateOrder: true; readonly message: string };

function deriveRatesWith(ctx: GasContext, dateOrder: DateOrder | undefined): FirstPass {
  const t = gasText(ctx.lang);
  const book = new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
  return locked<FirstPass>(
    ctx,
    () => ({ ok: false, title: t.busyTitle, message: t.busy }),
    () => {
      const sheets = book.listSheets();
      if (!sheets.includes(SHEET.history)) {
        book.addSheet(SHEET.history);
        book.writeBlock(SHEET.history, { row: 1, col: 1, cells: [[{ value: t.historyPasteHere, style: STYLE.help }]] });
        return { ok: false, title: t.historyMissingTitle, message: t.historyMissing };
      }
      // Inputs is read once: its values (the plan and the rate cells) and, when it reads, its formulas.
      const values = sheets.includes(SHEET.inputs) ? book.readValues(SHEET.inputs) : undefined;
      const reading = values ? readInputs(book, SHEET.inputs, ctx.lang, values) : undefined;
      const plan = reading?.ok ? planSources(reading.input) : undefined;
      let mapping: SourceMapping = { sourceMap: {} };
      if (plan && sheets.includes(SOURCE_MAP_SHEET)) {
        const map = readSourceMap(book.readValues(SOURCE_MAP_SHEET), plan.sources, ctx.lang);
        if (!map.ok) return { ok: false, title: t.sourceMapTitle, message: map.problems.join('\n') };
        mapping = map.mapping;
      }
      const grouping = plan ? sourceGrouping(plan.sources, mapping) : undefined;

      // Date cells read as the sheet's wall clock (ctx.wallClock), as =FUNNEL_RATES reads them; the plan's stages, as `plan --rates-from` reads an export.
      const derived = deriveHistory(book.readValues(SHEET.history), {
        ...(dateOrder ? { dateOrder } : {}),
        ...(grouping ? { groupSource: grouping.group } : {}),
        ...(plan && plan.stages.length >= 2 ? { stages: plan.stages } : {}),
        lang: ctx.lang,
        today: ctx.today,
      });
      if (!derived.ok) {
        if (derived.needsDateOrder && !dateOrder) return { needsDateOrder: true, message: derived.message };
        return { ok: false, title: t.historyUnreadableTitle, message: derived.needsMapping ? `${derived.message} ${t.mapHint}` : derived.message };
      }
      const result = derived.result;

      const fed: FedRate[] = [];
      const timingFed: FedTiming[] = [];
      const timingLines: string[] = [];
      let policy: HistoryPolicyResult | undefined;
      let feed: (() => void) | undefined;
      if (values && reading?.ok && plan && grouping) {
        const g = reading.geometry;
        const { stages, sources } = plan;
        const cells = new InputsFeed(values, book.readFormulas(SHEET.inputs));
        // The policy records what each fed rate replaces: the cell's formula (with "=") or its value.
        const own = (j: number) => Object.fromEntries(stages.slice(0, -1).map((stage, k) => [stage, cells.previous(g.sources[j].rates[k])]));
        policy = applyHistoryPolicy({ stages, sources: sources.map((s, j) => ({ ...s, own: own(j) })), result, grouping });
        // The rate cells wherever the table is; the block spans them all (blank rows or notes between them are written back as they are).
        const ratesBox = cells.section(g.sources.flatMap((s) => s.rates));
        for (const rate of policy.rates) {
          const j = sources.findIndex((s) => s.id === rate.source);
          fed.push({ planSource: rate.source, stage: rate.stage, from: rate.from.join(', '), previous: rate.previous, rate: rate.rate, basis: rate.basis, sample: rate.stat.sample });
          ratesBox.set(g.sources[j].rates[stages.indexOf(rate.stage)], rate.rate);
        }
        if (policy.ok) {
          const timed = feedTiming(reading.input, reading.places, stages, sources, result, cells, ctx.lang);
          timingFed.push(...timed.fed);
          timingLines.push(...timed.lines);
          const appended = timed.missing.length > 0 ? appendSections(timed.missing, values.length + 2, reading.input, stages, ctx.lang) : undefined;
          if (ratesBox.changed() || timed.fed.length > 0) {
            feed = () => {
              for (const block of cells.blocks()) book.writeBlock(SHEET.inputs, block, { valuesOnly: true });
              if (appended) {
                book.writeBlock(SHEET.inputs, appended.block);
                book.setValidations(SHEET.inputs, appended.validations);
              }
            };
          }
        }
      }
      const line = (note: PolicyNote) =>
        note.code === 'ambiguous'
          ? `${describePolicyNote(note, ctx.lang)}. ${t.ambiguousHint(note.ambiguousStage)}`
          : hint(note) === 'sourceMapping'
            ? `${describePolicyNote(note, ctx.lang)}. ${t.sourceMapHint(SOURCE_MAP_SHEET)}`
            : describePolicyNote(note, ctx.lang);
      const notes = policy ? [...policy.errors, ...policy.warnings].map(line) : [];
      // An alert shows the first few; History summary lists them all.
      const capped = (lines: string[]) => (lines.length > MAX_NOTES ? [...lines.slice(0, MAX_NOTES), t.moreNotes(lines.length - MAX_NOTES)] : lines);

      // The summary (with the rates being replaced) is written first; only then do the rates change.
      const stamp = { version: ctx.version, generatedOn: ctx.today };
      // It refuses before changing anything: a History summary sheet of the user's own is never touched.
      try {
        replaceOwnedSheets(book, [historySummaryLayout({ result, origin: t.historySheetName, fed, timing: timingFed, notes: [...notes, ...timingLines], lang: ctx.lang, stamp })], stamp, { now: ctx.now });
      } catch (error) {
        if (error instanceof SheetRefusal) return { ok: false, title: t.conflictTitle, message: t.refusal(error.reason, error.sheet) };
        throw error;
      }
      if (policy && !policy.ok) {
        // Nothing is fed, as `plan --rates-from` plans nothing: CRM sources without a home get a Source map sheet to place them in.
        const unmapped = policy.errors.flatMap((e) => (e.code === 'unmappedSources' ? e.crmSources : []));
        if (unmapped.length > 0 && !sheets.includes(SOURCE_MAP_SHEET)) {
          book.addSheet(SOURCE_MAP_SHEET);
          book.writeBlock(SOURCE_MAP_SHEET, sourceMapBlock(unmapped, ctx.lang));
        }
        return { ok: false, title: t.historyNotFedTitle, message: capped(policy.errors.map(line)).join('\n') };
      }
      feed?.();
      const done = [t.historyDone(result.rows, fed.length), ...(timingFed.length > 0 ? [t.historyTimingDone(timingFed.length)] : [])].join(' ');
      const notFed = [...new Set((policy?.warnings ?? []).flatMap((w) => (w.code === 'unmeasured' ? [`"${w.column}"`] : [])))];
      const others = (policy?.warnings ?? []).filter((w) => w.code !== 'unmeasured').map(line);
      const message = [done, ...(notFed.length > 0 ? [t.historyNotFedEmpty(notFed.join(', '))] : []), ...capped(others)];
      return { ok: true, title: t.historyDoneTitle, message: message.join('\n') };
    },
  );
}
