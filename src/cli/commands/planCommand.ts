/** `funnel-planner plan [INPUT] [--json] [--out plan.xlsx] [--report plan.html] [--rates-from EXPORT]`: the reverse funnel of a plan. */
import { diagnosisOf } from '../../workbook/layouts/diagnosisLayout';
import { Command } from 'commander';
import { basename } from 'node:path';
import { planToJson } from '../../core/planJson';
import { fractionToNumber } from '../../core/fraction';
import { planTimeline } from '../../core/time/planTimeline';
import { timelineToJson } from '../../core/time/timelineJson';
import { planHeadcount } from '../../core/headcount/planHeadcount';
import { headcountToJson } from '../../core/headcount/headcountJson';
import { headcountText } from '../headcountText';
import { bonusPlan } from '../../core/bonus/bonusPlan';
import { bonusNames } from '../../core/bonus/bonusNames';
import { bonusToJson } from '../../core/bonus/bonusJson';
import { bonusSummaryText } from '../bonusText';
import { headlineLine, monthlyTable } from '../monthlyTable';
import { VERSION } from '../../core/version';
import { historySummaryLayout } from '../../workbook/layouts/historySummaryLayout';
import type { LayoutInput } from '../../workbook/layouts/layoutInput';
import { historyNotes } from '../historyNotes';
import { CliIo } from '../io';
import { readRawPlan, validateRawPlan, warningLine } from '../loadPlan';
import { checkOutputPath, today } from '../outputPaths';
import { checkOverwrite } from '../overwriteGuard';
import { planTable } from '../planTable';
import { PlanHistory, planHistoryJson, ratesFromHistory } from '../ratesFromHistory';
import { htmlReport } from '../../report/htmlReport';
import { planConfidenceWithPool } from '../../core/confidence/planConfidenceWithPool';
import { withoutMeasuredRanges } from '../confidenceRun';
import { historySpread } from '../historySpread';
import { writeFileAtomic } from '../writeFileAtomic';
import { globalOptions } from './globalOptions';
import { RatesFromOptions, ratesFromFlags, ratesFromOptions } from './ratesFromFlags';
import { cliMessages } from '../i18n/cliCatalogue';
import { cliText } from '../cliLang';

interface PlanOptions extends RatesFromOptions {
  json?: boolean;
  monthly?: boolean;
  out?: string;
  report?: string;
  ratesFrom?: string;
  force?: boolean;
}

export function planCommand(io: CliIo): Command {
  const h = cliText().help; // the run's --lang: main sets it before building the commands
  const command = new Command('plan')
    .description(h.planDescription)
    .argument('[input]', h.input)
    .option('--json', h.json)
    .option('--monthly', h.monthly)
    .option('-o, --out <file.xlsx>', h.planOut)
    .option('-r, --report <file.html>', h.planReport)
    .option('--rates-from <export>', h.ratesFrom);
  return ratesFromOptions(command)
    .option('-f, --force', h.planForce)
    .action(async function (this: Command, input: string | undefined, options: PlanOptions) {
      const { lang } = globalOptions(this);
      const inputs = [input, options.ratesFrom];
      if (options.out !== undefined) checkOutputPath('--out', options.out, /\.xlsx$/i, '.xlsx', inputs);
      if (options.report !== undefined) checkOutputPath('--report', options.report, /\.html?$/i, '.html', inputs);
      // Before any work: a refusal should not come after a long --rates-from read.
      if (options.out !== undefined) await checkOverwrite('--out', options.out, 'xlsx', options.force, lang);
      if (options.report !== undefined) await checkOverwrite('--report', options.report, 'html', options.force, lang);
      let raw = await readRawPlan(input, lang);
      for (const warning of raw.warnings ?? []) io.err(warningLine(warning, lang));
      let history: PlanHistory | undefined;
      if (options.ratesFrom) {
        const derived = await ratesFromHistory(raw.input, options.ratesFrom, ratesFromFlags(options), lang);
        raw = { ...raw, input: withoutMeasuredRanges(derived.input, derived.history) };
        history = derived.history;
      }
      const { plan, funnel } = validateRawPlan(raw, lang);
      // The export's lags are in the plan (sources[].lag), as the Inputs sheet of --out shows them.
      const timeline = planTimeline(plan, funnel);
      const headcount = timeline ? planHeadcount(plan, timeline) : undefined;
      const bonus = plan.bonus ? bonusPlan(plan.bonus, plan.revenueTarget.value, plan.currency, headcount) : undefined;
      if (options.json) {
        const overTheYear = timeline ? timelineToJson(timeline, funnel, plan.timing.seasonality.map(fractionToNumber), plan.timing.nextYearGrowthValue) : {};
        // Every warning of the run, also printed on stderr: a script reading only the JSON must see that the input was off.
        const warnings = [...(raw.warnings ?? []), ...(history?.warnings ?? [])];
        io.out(
          `${JSON.stringify({ ...planToJson(funnel), ...overTheYear, ...(headcount ? { headcount: headcountToJson(headcount) } : {}), ...(bonus ? { bonus: bonusToJson(bonus, lang, bonusNames(headcount, lang)) } : {}), ...(history ? { history: planHistoryJson(history) } : {}), ...(warnings.length > 0 ? { warnings } : {}) }, null, 2)}\n`,
        );
      } else {
        const headline = timeline ? headlineLine(timeline, lang) : undefined;
        const monthly = options.monthly && timeline ? `\n${monthlyTable(timeline, funnel, lang)}\n` : '';
        const hiring = headcount ? `\n${headcountText(headcount, lang)}\n` : '';
        const pool = bonus ? `\n${bonusSummaryText(bonus, lang, bonusNames(headcount, lang))}\n` : '';
        io.out(`${planTable(funnel, lang)}\n${headline ? `${headline}\n` : ''}${monthly}${hiring}${pool}${history ? `\n${historyNotes(history, lang)}\n` : ''}`);
      }
      const notice = options.json ? io.err : io.out;
      const stamp = { version: VERSION, generatedOn: today() };
      // The Confidence sheet and the report's section: simulated as `simulate` does by default, the export's rates varying as their counts say.
      const confidence = options.out !== undefined || options.report !== undefined ? planConfidenceWithPool(plan, funnel, { uncertainty: history ? historySpread(history) : {} }, headcount) : undefined;
      const layoutInput: LayoutInput = { plan, funnel, lang, stamp, ...(timeline ? { timeline } : {}), ...(confidence ? { confidence } : {}) };
      if (options.out !== undefined) {
        const extra = history
          ? [
              historySummaryLayout({
                result: history.result,
                origin: history.file,
                notes: history.noteLines,
                lang,
                stamp,
                fed: history.applied.map((a) => ({ planSource: a.source, stage: a.stage, from: a.from.join(', '), previous: a.previous, rate: a.rate, basis: a.basis, sample: a.stat.sample })),
                timing: history.timingFed,
              }),
            ]
          : [];
        const { planXlsx } = await import('../xlsx/planXlsx'); // exceljs loads only when a workbook is written
        writeFileAtomic(options.out, await planXlsx(layoutInput, extra));
        notice(`\n${cliMessages(lang).cli.wroteWorkbook(options.out)}\n`);
      }
      if (options.report !== undefined) {
        const reportHistory = history ? { result: history.result, origin: basename(history.file), matureRates: history.matureRates } : undefined;
        writeFileAtomic(options.report, htmlReport(funnel, { version: VERSION, generatedOn: stamp.generatedOn, lang, ...(reportHistory ? { history: reportHistory } : {}), ...(timeline ? { timeline } : {}), ...(headcount ? { headcount } : {}), ...(bonus ? { bonus } : {}), ...(confidence ? { confidence } : {}), diagnosis: diagnosisOf(layoutInput) }));
        notice(`${options.out ? '' : '\n'}${cliMessages(lang).cli.wroteReport(options.report)}\n`);
      }
    });
}
