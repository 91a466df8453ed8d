/**
 * Commander's usage errors in the user's language. Commander words them in English; we know
 * each of its few shapes (unknown option or command, missing or invalid argument, too many
 * arguments, a suggestion) and reword them from the catalogue. Anything else passes through.
 */
import type { HelpConfiguration, Option } from 'commander';
import { langOfTag, type Lang } from '../core/i18n/lang';
import { cliMessages } from './i18n/cliCatalogue';

/** The --lang of a command line, read before commander parses it (its errors come first). */
export function langOfArgs(args: readonly string[]): Lang {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return langOfTag(value) ?? 'en';
    if (arg === '--') break;
  }
  return 'en';
}

function reason(why: string, lang: Lang): string {
  const t = cliMessages(lang).usage;
  const cli = cliMessages(lang).cli;
  let m = /^Allowed choices are (.*)\.$/.exec(why);
  if (m) return t.choices(m[1]);
  m = /^expected (\S+) such as (.+), got "(.*)"$/.exec(why);
  if (m) return t.keyValue(m[1], m[2], m[3]);
  m = /^expected "en", "zh-CN" or "zh-TW", got "(.*)"$/.exec(why);
  if (m) return cli.badLang(m[1]);
  return why;
}

/** One error text as commander writes it (may end in a "(Did you mean …?)" line). */
export function commanderText(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const t = cliMessages(lang).usage;
  const [first, ...rest] = text.replace(/\n$/, '').split('\n');
  const line = (): string => {
    let m = /^error: unknown option '(.*)'$/.exec(first);
    if (m) return t.unknownOption(m[1]);
    m = /^error: unknown command '(.*)'$/.exec(first);
    if (m) return t.unknownCommand(m[1]);
    m = /^error: option '(.*)' argument missing$/.exec(first);
    if (m) return t.argumentMissing(m[1]);
    m = /^error: missing required argument '(.*)'$/.exec(first);
    if (m) return t.missingArgument(m[1]);
    m = /^error: option '(.*?)' argument '(.*?)' is invalid\. (.*)$/.exec(first);
    if (m) return t.invalidArgument(m[1], m[2], reason(m[3], lang));
    m = /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first);
    if (m) return t.tooManyArguments(m[1] ?? 'funnel-planner', Number(m[2]), Number(m[3]));
    return first;
  };
  const more = rest.map((r) => {
    const m = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(r);
    return m ? t.didYouMean(m[1]) : r;
  });
  return `${[line(), ...more].join('\n')}\n`;
}

/**
 * Commander's own words in a help text (its headings, the help and version options, defaults
 * and choices) in the user's language; the descriptions come translated from the catalogue.
 */
export function helpText(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const t = cliMessages(lang).help;
  return text
    .replace(/^Usage: /gm, t.usage)
    .replace(/^Arguments:$/gm, t.arguments)
    .replace(/^Options:$/gm, t.options)
    .replace(/^Commands:$/gm, t.commands)
    .replace(/display help for command/g, t.helpFor)
    .replace(/output the version number/g, t.version)
    .replace(/\(default: ([^()\n]*)\)/g, (_m, value: string) => t.defaultIs(value))
    .replace(/\(choices: ([^()\n]*)\)/g, (_m, list: string) => t.choicesAre(list));
}

/** How an option's choices and default read in help, in the user's language (commander words them in English). */
export function helpConfig(lang: Lang): HelpConfiguration {
  if (lang === 'en') return {};
  const t = cliMessages(lang).help;
  return {
    optionDescription: (option: Option): string => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(t.choicesAre(option.argChoices.map((c) => JSON.stringify(c)).join(', ')));
      // Collected options start from {} or []: nothing worth showing as a default.
      const value: unknown = option.defaultValue;
      if (value !== undefined && typeof value !== 'object' && typeof value !== 'boolean') extra.push(t.defaultIs(option.defaultValueDescription ?? JSON.stringify(value)));
      return [option.description, ...extra].join(' ');
    },
  };
}
