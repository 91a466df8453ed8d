/**
 * Menu: Derive rates from History. Reads the export pasted into the History sheet in one
 * call, writes the History summary sheet (rates with intervals, durations), and feeds the
 * mature rates into the Inputs sheet's rate cells: a plan source takes the rates of the CRM
 * source with its id or name, else the overall rates. The rates it replaced are listed on
 * History summary, so nothing typed by hand is lost.
 */
import { deriveHistory } from '../core/history/deriveHistory';
import type { DateOrder } from '../core/history/parseHistoryDate';
import type { HistoryResult, RateStat, StageStats } from '../core/history/historyTypes';
import { STYLE } from '../workbook/formats';
import { planningRate, unmeasuredThrough } from '../core/history/applyHistoryRates';
import { FedRate, historySummaryLayout } from '../workbook/layouts/historySummaryLayout';
import { SHEET } from '../workbook/layouts/sheetNames';
import { readInputs } from '../workbook/readInputs';
import { replaceOwnedSheets } from '../workbook/replaceOwnedSheets';
import { SheetRefusal } from '../workbook/sheetRefusal';
import type { Cell, CellValue } from '../workbook/port';
import type { GasContext } from './gasContext';
import { gasText } from './gasText';
import type { MenuOutcome } from './generatePlan';
import { locked } from './locked';
import { SheetsWorkbook } from './sheetsWorkbook';

/** The stats a plan source takes: its own CRM source by id or name, else overall. */
function statsFor(result: HistoryResult, id: string, name: string): { from: string; stats: StageStats } {
  const wanted = [id, name].map((s) => s.trim().toLowerCase());
  const match = Object.keys(result.bySource).find((source) => wanted.includes(source.trim().toLowerCase()));
  return match ? { from: match, stats: result.bySource[match] } : { from: 'Overall', stats: result.overall };
}

function usable(stat: RateStat | undefined): stat is RateStat & { rate: number } {
  return stat !== undefined && stat.rate !== null && stat.rate > 0;
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
      // Date cells read as the sheet's wall clock (ctx.wallClock), as =FUNNEL_RATES reads them.
      const derived = deriveHistory(book.readValues(SHEET.history), dateOrder ? { dateOrder, lang: ctx.lang } : { lang: ctx.lang });
      if (!derived.ok) {
        if (derived.needsDateOrder && !dateOrder) return { needsDateOrder: true, message: derived.message };
        return { ok: false, title: t.historyUnreadableTitle, message: derived.needsMapping ? `${derived.message} ${t.mapHint}` : derived.message };
      }
      const result = derived.result;

      // Inputs is read once: its values (the plan and the rate cells) and its formulas.
      const values = sheets.includes(SHEET.inputs) ? book.readValues(SHEET.inputs) : undefined;
      const reading = values ? readInputs(book, SHEET.inputs, ctx.lang, values) : undefined;
      const fed: FedRate[] = [];
      const notFed = new Set<string>();
      let feed: (() => void) | undefined;
      if (values && reading?.ok) {
        const g = reading.geometry;
        const stages = (reading.input.stages as string[] | undefined) ?? [];
        const sources = (reading.input.sources as { id?: string; name?: string; entryStage?: string }[]) ?? [];
        const rows = Math.max(stages.length - 1, 1);
        const cols = Math.max(sources.length, 1);
        const at = <T>(grid: readonly (readonly T[])[], k: number, j: number) => grid[g.firstStage - 1 + k]?.[g.firstSourceCol - 1 + j];
        const current: CellValue[][] = Array.from({ length: rows }, (_, k) => Array.from({ length: cols }, (_, j) => at(values, k, j) ?? null));
        const formulas = book.readFormulas(SHEET.inputs);
        // Cells not fed keep what they hold, a formula included; only values are written.
        const cells: Cell[][] = current.map((row, k) =>
          row.map((value: CellValue, j) => {
            const formula = at(formulas, k, j);
            return formula ? { formula: formula.replace(/^=/, '') } : { value };
          }),
        );
        sources.forEach((source, j) => {
          const { from, stats } = statsFor(result, source.id ?? '', source.name ?? '');
          const entry = Math.max(0, stages.indexOf(source.entryStage ?? stages[0]));
          stages.slice(entry, -1).forEach((stage) => {
            const k = stages.indexOf(stage);
            // A rate through a stage column with no dates measures nothing (100 % or 0 %): never fed.
            const empty = unmeasuredThrough(result, stages, stage);
            if (empty) {
              notFed.add(empty.column);
              return;
            }
            const mature = stats.matureRates[stage];
            const stat = usable(mature) ? mature : stats.rates[stage];
            if (!usable(stat)) return;
            const previous = cells[k][j].formula !== undefined ? `=${cells[k][j].formula}` : current[k][j];
            fed.push({ planSource: source.id ?? `#${j + 1}`, stage, from, previous, rate: planningRate(stat.rate), basis: stat === mature ? 'mature' : 'all records', sample: stat.sample });
            cells[k][j] = { value: planningRate(stat.rate) };
          });
        });
        if (fed.length > 0) feed = () => book.writeBlock(SHEET.inputs, { row: g.firstStage, col: g.firstSourceCol, cells }, { valuesOnly: true });
      }

      // The summary (with the rates being replaced) is written first; only then do the rates change.
      const stamp = { version: ctx.version, generatedOn: ctx.today };
      // It refuses before changing anything: a History summary sheet of the user's own is never touched.
      try {
        replaceOwnedSheets(book, [historySummaryLayout({ result, origin: t.historySheetName, fed, lang: ctx.lang, stamp })], stamp, { now: ctx.now });
      } catch (error) {
        if (error instanceof SheetRefusal) return { ok: false, title: t.conflictTitle, message: t.refusal(error.reason, error.sheet) };
        throw error;
      }
      feed?.();
      const done = t.historyDone(result.rows, fed.length);
      const message = notFed.size > 0 ? `${done}\n${t.historyNotFedEmpty([...notFed].map((c) => `"${c}"`).join(', '))}` : done;
      return { ok: true, title: t.historyDoneTitle, message };
    },
  );
}
