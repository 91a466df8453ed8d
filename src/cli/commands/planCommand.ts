/** `funnel-planner plan [INPUT] [--json]`: the reverse funnel of a plan, as a table or JSON. */
import { Command } from 'commander';
import { planFunnel } from '../../core/funnelPlan';
import { planToJson } from '../../core/planJson';
import { CliIo } from '../io';
import { loadPlan } from '../loadPlan';
import { planTable } from '../planTable';
import { GlobalOptions, globalOptions } from './globalOptions';

export function planCommand(io: CliIo): Command {
  return new Command('plan')
    .description('work a revenue target backwards into won deals, opportunities, SQLs, MQLs and leads per source')
    .argument('[input]', 'plan input (.json); default: the built-in template (templates/default-plan.json)')
    .option('--json', 'print the result as JSON')
    .action(function (this: Command, input: string | undefined, options: { json?: boolean }) {
      const { lang }: GlobalOptions = globalOptions(this);
      const { plan } = loadPlan(input, lang);
      const funnel = planFunnel(plan);
      io.out(options.json ? `${JSON.stringify(planToJson(funnel), null, 2)}\n` : `${planTable(funnel, lang)}\n`);
    });
}
