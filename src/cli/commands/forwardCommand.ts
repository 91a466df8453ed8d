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
import { cliText } from '../cliLang';

const collectVolume = keyValueCollector('SOURCE=COUNT', 'marketing=9000');

export function forwardCommand(io: CliIo): Command {
  const h = cliText().help; // the run's --lang: main sets it before building the commands
  return new Command('forward')
    .description(h.forwardDescription)
    .argument('[input]', h.input)
    .option('-v, --volume <source=count>', h.volume, collectVolume, {})
    .option('--json', h.json)
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
