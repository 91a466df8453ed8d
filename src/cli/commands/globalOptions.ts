/** Options every command shares (--lang, --debug), read from the root program. */
import { Command, InvalidArgumentError } from 'commander';
import { Lang } from '../../core/stages';

export interface GlobalOptions {
  readonly lang: Lang;
  readonly debug: boolean;
}

export function parseLang(value: string): Lang {
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v.startsWith('zh')) return 'zh-CN';
  throw new InvalidArgumentError(`expected "en" or "zh-CN", got "${value}"`);
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals() as { lang?: Lang; debug?: boolean };
  return { lang: opts.lang ?? 'en', debug: Boolean(opts.debug) };
}
