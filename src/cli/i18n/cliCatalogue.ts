/** The CLI catalogue: one module per language, as core/i18n; a language of LANGS without its file does not compile. */
import type { Lang } from '../../core/i18n/lang';
import { cliEn, type CliMessages } from './en';
import { cliZhCN } from './zh-CN';
import { cliZhTW } from './zh-TW';

export type { CliMessages } from './en';

const CLI_CATALOGUE: Readonly<Record<Lang, CliMessages>> = { en: cliEn, 'zh-CN': cliZhCN, 'zh-TW': cliZhTW };

/** The command line's words in `lang` (English for an unknown one). */
export function cliMessages(lang: Lang): CliMessages {
  return CLI_CATALOGUE[lang] ?? cliEn;
}
