/** `funnel-planner template [--out FILE]`: the default plan input, to copy and edit. */
import { Command } from 'commander';
import { defaultPlanInput } from '../../core/defaultPlan';
import { CliIo } from '../io';
import { writeFileAtomic } from '../writeFileAtomic';

export function templateCommand(io: CliIo): Command {
  return new Command('template')
    .description('print the default plan input as JSON (or write it with --out) to start your own plan')
    .option('-o, --out <file>', 'write to this .json file instead of printing')
    .action((options: { out?: string }) => {
      const text = `${JSON.stringify(defaultPlanInput(), null, 2)}\n`;
      if (!options.out) {
        io.out(text);
        return;
      }
      writeFileAtomic(options.out, text);
      io.out(`wrote ${options.out}\n`);
    });
}
