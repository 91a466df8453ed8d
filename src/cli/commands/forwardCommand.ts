/** `funnel-planner forward [INPUT] --volume marketing=9000`: what revenue the given volumes bring in. */
import { Command } from 'commander';
import { forwardPlan, validateVolumes } from '../../core/forwardFunnel';
import { invalidPlanError } from '../cliError';
import { CliIo } from '../io';
import { forwardTable } from '../forwardTable';
import { loadPlan, warningLine } from '../loadPlan';
import { globalOptions } from './globalOptions';
import { keyValueCollector } from './keyValueOption';
import { cliMessages } from '../i18n/cliCatalogue';

const collectVolume = keyValueCollector('SOURCE=COUNT', 'marketing=9000');

export function forwardCommand(io: CliIo): Command {
  return new Command('forward')
    .description('what-if: from volumes at each source\'s entry stage to expected deals and revenue')
    .argument('[input]', 'plan input: a .json plan or an .xlsx workbook with an Inputs sheet; default: the built-in template')
    .option('-v, --volume <source=count>', 'volume entering a source, e.g. marketing=9000 (repeatable); other sources keep their planned volume', collectVolume, {})
    .option('--json', 'print the result as JSON')
    .action(async function (this: Command, input: string | undefined, options: { volume: Record<string, string>; json?: boolean }) {
      const { lang } = globalOptions(this);
      const { plan, funnel, where, warnings } = await loadPlan(input, lang);
      for (const warning of warnings ?? []) io.err(warningLine(warning, lang));
      const checked = validateVolumes(plan, options.volume);
      if (!checked.ok) throw invalidPlanError(cliMessages(lang).cliHistory.volumeWhere(where), checked.errors, lang);
      const result = forwardPlan(plan, funnel, checked.volumes);
      io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${forwardTable(result, lang)}\n`);
    });
}
