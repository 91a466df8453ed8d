/** Options every command shares (--lang, --debug), read from the root program. */
import { Command, InvalidArgumentError } from 'commander';
import { langOfTag } from '../../core/i18n/lang';
import { Lang } from '../../core/stages';
import { cliMessages } from '../i18n/cliCatalogue';

export interface GlobalOptions {
  readonly lang: Lang;
  readonly debug: boolean;
}

export function parseLang(value: string): Lang {
  // zh-TW, zh-HK, zh-Hant: traditional characters; zh, zh-CN, zh-SG, zh-Hans: simplified.
  const lang = langOfTag(value);
  if (lang) return lang;
  throw new InvalidArgumentError(cliMessages('en').cli.badLang(value));
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals() as { lang?: Lang; debug?: boolean };
  return { lang: opts.lang ?? 'en', debug: Boolean(opts.debug) };
}
