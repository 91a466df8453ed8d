/**
 * The language of this command-line run, set once by main from --lang before anything is read.
 * Messages raised deep in file readers (a missing file, bad JSON, a wrong extension) use it, so
 * their signatures need not carry the language. Core never reads it: core takes `lang` as an argument.
 */
import type { Lang } from '../core/i18n/lang';
import { cliMessages, type CliMessages } from './i18n/cliCatalogue';

let current: Lang = 'en';

export function setCliLang(lang: Lang): void {
  current = lang;
}

export function cliLang(): Lang {
  return current;
}

/** The CLI catalogue in this run's language. */
export function cliText(): CliMessages {
  return cliMessages(current);
}
