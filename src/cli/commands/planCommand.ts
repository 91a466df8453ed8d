/** `funnel-planner plan [INPUT] [--json] [--out plan.xlsx] [--report plan.html]`: the reverse funnel of a plan. */
import { Command } from 'commander';
import { planFunnel } from '../../core/funnelPlan';
import { planToJson } from '../../core/planJson';
import { VERSION } from '../../core/version';
import type { LayoutInput } from '../../workbook/layouts/layoutInput';
import { CliIo } from '../io';
import { loadPlan } from '../loadPlan';
import { checkOutputPath, today } from '../outputPaths';
import { planTable } from '../planTable';
import { htmlReport } from '../report/htmlReport';
import { writeFileAtomic } from '../writeFileAtomic';
import { planXlsx } from '../xlsx/planXlsx';
import { globalOptions } from './globalOptions';

interface PlanOptions {
  json?: boolean;
  out?: string;
  report?: string;
}

export function planCommand(io: CliIo): Command {
  return new Command('plan')
    .description('work a revenue target backwards into won deals, opportunities, SQLs, MQLs and leads per source')
    .argument('[input]', 'plan input: a .json plan or an .xlsx workbook with an Inputs sheet; default: the built-in template')
    .option('--json', 'print the result as JSON')
    .option('-o, --out <file.xlsx>', 'write the plan workbook (Summary, Funnel with live formulas, Inputs)')
    .option('-r, --report <file.html>', 'write a self-contained HTML report with charts')
    .action(async function (this: Command, input: string | undefined, options: PlanOptions) {
      const { lang } = globalOptions(this);
      if (options.out) checkOutputPath('--out', options.out, /\.xlsx$/i, '.xlsx', input);
      if (options.report) checkOutputPath('--report', options.report, /\.html?$/i, '.html', input);
      const { plan } = await loadPlan(input, lang);
      const funnel = planFunnel(plan);
      io.out(options.json ? `${JSON.stringify(planToJson(funnel), null, 2)}\n` : `${planTable(funnel, lang)}\n`);
      const notice = options.json ? io.err : io.out;
      const layoutInput: LayoutInput = { plan, funnel, lang, stamp: { version: VERSION, generatedOn: today() } };
      if (options.out) {
        writeFileAtomic(options.out, await planXlsx(layoutInput));
        notice(`\nwrote the workbook to ${options.out}\n`);
      }
      if (options.report) {
        writeFileAtomic(options.report, htmlReport(funnel, { version: VERSION, generatedOn: layoutInput.stamp.generatedOn, lang }));
        notice(`${options.out ? '' : '\n'}wrote the report to ${options.report}\n`);
      }
    });
}
