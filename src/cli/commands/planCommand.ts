/** `funnel-planner plan [INPUT] [--json] [--out plan.xlsx] [--report plan.html] [--rates-from EXPORT]`: the reverse funnel of a plan. */
import { Command, Option } from 'commander';
import { basename } from 'node:path';
import { planToJson } from '../../core/planJson';
import { fractionToNumber } from '../../core/fraction';
import { planTimeline } from '../../core/time/planTimeline';
import { timelineToJson } from '../../core/time/timelineJson';
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
import { writeFileAtomic } from '../writeFileAtomic';
import { globalOptions } from './globalOptions';
import { keyValueCollector } from './keyValueOption';
import { cliMessages } from '../i18n/cliCatalogue';

interface PlanOptions {
  json?: boolean;
  out?: string;
  report?: string;
  ratesFrom?: string;
  unmappedSource?: string;
  allRecords?: boolean;
  map: Record<string, string>;
  sourceColumn?: string;
  force?: boolean;
  dateOrder?: 'dmy' | 'mdy';
}

export function planCommand(io: CliIo): Command {
  return new Command('plan')
    .description('work a revenue target backwards into won deals, opportunities, SQLs, MQLs and leads per source')
    .argument('[input]', 'plan input: a .json plan or an .xlsx workbook with an Inputs sheet; default: the built-in template')
    .option('--json', 'print the result as JSON')
    .option('-o, --out <file.xlsx>', 'write the plan workbook (Summary, Funnel with live formulas, Inputs)')
    .option('-r, --report <file.html>', 'write a self-contained HTML report with charts')
    .option('--rates-from <export>', 'take conversion rates from a CRM export (.csv or .xlsx); see the "history" section of the plan input')
    .option('--unmapped-source <id>', 'with --rates-from: the plan source that gets CRM sources not in history.sourceMap')
    .option('--all-records', 'with --rates-from: use every record, not only mature ones')
    .option('--map <stage=Column>', 'with --rates-from: the export column of a stage (repeatable); same as history.stageColumns', keyValueCollector('stage=Column', 'lead="Created"'), {})
    .option('-f, --force', 'replace --out / --report even if they hold work Funnel Planner did not write (another file, or edits since)')
    .option('--source-column <column>', 'with --rates-from: the export column of the record source; same as history.sourceColumn')
    .addOption(new Option('--date-order <order>', 'with --rates-from: how the export\'s a/b/yyyy dates read, dmy or mdy (default: told by each column\'s dates)').choices(['dmy', 'mdy']))
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
        const derived = await ratesFromHistory(raw.input, options.ratesFrom, options, lang);
        raw = { ...raw, input: derived.input };
        history = derived.history;
      }
      const { plan, funnel } = validateRawPlan(raw, lang);
      const timeline = planTimeline(plan, funnel);
      if (options.json) {
        const overTheYear = timeline ? timelineToJson(timeline, funnel, plan.timing.seasonality.map(fractionToNumber), plan.timing.nextYearGrowthValue) : {};
        io.out(`${JSON.stringify({ ...planToJson(funnel), ...overTheYear, ...(history ? { history: planHistoryJson(history) } : {}) }, null, 2)}\n`);
      } else {
        io.out(`${planTable(funnel, lang)}\n${history ? `\n${historyNotes(history, lang)}\n` : ''}`);
      }
      const notice = options.json ? io.err : io.out;
      const stamp = { version: VERSION, generatedOn: today() };
      const layoutInput: LayoutInput = { plan, funnel, lang, stamp };
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
              }),
            ]
          : [];
        const { planXlsx } = await import('../xlsx/planXlsx'); // exceljs loads only when a workbook is written
        writeFileAtomic(options.out, await planXlsx(layoutInput, extra));
        notice(`\n${cliMessages(lang).cli.wroteWorkbook(options.out)}\n`);
      }
      if (options.report !== undefined) {
        const reportHistory = history ? { result: history.result, origin: basename(history.file), matureRates: history.matureRates } : undefined;
        writeFileAtomic(options.report, htmlReport(funnel, { version: VERSION, generatedOn: stamp.generatedOn, lang, ...(reportHistory ? { history: reportHistory } : {}) }));
        notice(`${options.out ? '' : '\n'}${cliMessages(lang).cli.wroteReport(options.report)}\n`);
      }
    });
}
