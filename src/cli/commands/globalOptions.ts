/** Options every command shares (--lang, --debug), read from the root program. */
import { Command, InvalidArgumentError } from 'commander';
import { messages } from '../../core/i18n/catalogue';
import { langOfTag } from '../../core/i18n/lang';
import { Lang } from '../../core/stages';

export interface GlobalOptions {
  readonly lang: Lang;
  readonly debug: boolean;
}

export function parseLang(value: string): Lang {
  // zh-TW, zh-HK, zh-Hant: traditional characters; zh, zh-CN, zh-SG, zh-Hans: simplified.
  const lang = langOfTag(value);
  if (lang) return lang;
  throw new InvalidArgumentError(messages('en').cli.badLang(value));
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals() as { lang?: Lang; debug?: boolean };
  return { lang: opts.lang ?? 'en', debug: Boolean(opts.debug) };
}
