/** `funnel-planner template [--out FILE]`: the default plan input as JSON, or as an Inputs-only .xlsx to fill in. */
import { Command } from 'commander';
import { dirname } from 'node:path';
import { defaultPlanInput } from '../../core/defaultPlan';
import { plan } from '../../core/plan';
import { VERSION } from '../../core/version';
import { CliIo } from '../io';
import { checkOutputPath, today } from '../outputPaths';
import { checkOverwrite } from '../overwriteGuard';
import { planSchemaRef } from '../planSchemaRef';
import { writeFileAtomic } from '../writeFileAtomic';
import { globalOptions } from './globalOptions';
import { cliMessages } from '../i18n/cliCatalogue';
import { cliText } from '../cliLang';

export function templateCommand(io: CliIo): Command {
  const h = cliText().help; // the run's --lang: main sets it before building the commands
  return new Command('template')
    .description(h.templateDescription)
    .option('-o, --out <file>', h.templateOut)
    .option('-f, --force', h.force)
    .action(async function (this: Command, options: { out?: string; force?: boolean }) {
      const { lang } = globalOptions(this);
      const input = defaultPlanInput();
      // JSON points editors at the shipped schema, from where the file lands (stdout: the current folder).
      const withSchema = (folder: string) => ({ $schema: planSchemaRef(folder), ...input });
      if (options.out === undefined) {
        io.out(`${JSON.stringify(withSchema(process.cwd()), null, 2)}\n`);
        return;
      }
      checkOutputPath('--out', options.out, /\.(json|xlsx)$/i, '.json or .xlsx', undefined);
      if (/\.xlsx$/i.test(options.out)) {
        const outcome = plan(input);
        if (!outcome.ok) throw new Error('the default template is invalid');
        const stamp = { version: VERSION, generatedOn: today() };
        const { inputsXlsx } = await import('../xlsx/planXlsx'); // exceljs loads only when a workbook is written
        await checkOverwrite('--out', options.out, 'xlsx', options.force, lang);
        writeFileAtomic(options.out, await inputsXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp }));
      } else {
        const json = `${JSON.stringify(withSchema(dirname(options.out)), null, 2)}\n`;
        await checkOverwrite('--out', options.out, 'json', options.force, lang, json);
        writeFileAtomic(options.out, json);
      }
      io.out(`${cliMessages(lang).cli.wroteFile(options.out)}\n`);
    });
}
