/** The funnel-planner command line: parses arguments, runs a command, maps failures to exit codes. */
import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError } from './cliError';
import { bonusCommand } from './commands/bonusCommand';
import { simulateCommand } from './commands/simulateCommand';
import { diagnoseCommand } from './commands/diagnoseCommand';
import { forwardCommand } from './commands/forwardCommand';
import { parseLang } from './commands/globalOptions';
import { planCommand } from './commands/planCommand';
import { ratesCommand } from './commands/ratesCommand';
import { templateCommand } from './commands/templateCommand';
import type { Lang } from '../core/i18n/lang';
import { commanderText, helpConfig, helpText, langOfArgs } from './commanderText';
import { VERSION } from '../core/version';
import { CliIo, processIo } from './io';
import { cliLang, setCliLang } from './cliLang';
import { cliMessages } from './i18n/cliCatalogue';


export function buildProgram(io: CliIo, lang: Lang = 'en'): Command {
  const output = { writeOut: (text: string) => io.out(helpText(text, lang)), writeErr: io.err, outputError: (text: string, write: (s: string) => void) => write(commanderText(text, lang)) };
  const program = new Command('funnel-planner')
    .description(cliMessages(lang).help.program)
    .version(VERSION)
    .addOption(new Option('--lang <lang>', cliMessages(lang).cli.langOption).argParser(parseLang))
    .option('--debug', cliMessages(lang).help.debug)
    .showHelpAfterError(cliMessages(lang).usage.helpAfterError)
    .exitOverride()
    .configureOutput(output);
  const help = helpConfig(lang);
  program.configureHelp(help);
  for (const command of [planCommand(io), bonusCommand(io), simulateCommand(io), diagnoseCommand(io), forwardCommand(io), templateCommand(io), ratesCommand(io)]) {
    program.addCommand(command.exitOverride().configureOutput(output).configureHelp(help));
  }
  return program;
}

/** Runs the CLI; resolves to the exit code (0 ok, 2 bad input or usage, 1 internal error). */
export async function main(args: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    setCliLang(langOfArgs(args));
    await buildProgram(io, cliLang()).parseAsync([...args], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`funnel-planner: ${error.message}\n${error.details.map((d) => `  - ${d}\n`).join('')}`);
      if (args.includes('--debug') && error.underlying !== undefined) {
        const cause = error.underlying;
        io.err(`underlying error: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`);
      }
      return EXIT_INPUT;
    }
    if (error instanceof CommanderError) {
      // --help and --version succeed; help shown because no command was given is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      return EXIT_INPUT; // commander has already printed the usage problem
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`funnel-planner: ${cliMessages(cliLang()).cliHistory.internalError(message)}\n`);
    if (args.includes('--debug') && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err(`${cliMessages(cliLang()).cliHistory.reportIt}\n`);
    return EXIT_INTERNAL;
  }
}
