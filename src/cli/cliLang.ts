/**
 * The language of this command-line run, set once by main from --lang before anything is read.
 * Messages raised deep in file readers (a missing file, bad JSON, a wrong extension) use it, so
 * their signatures need not carry the language. Core never reads it: core takes `lang` as an argument.
 */
import { messages, type Messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/i18n/lang';

let current: Lang = 'en';

export function setCliLang(lang: Lang): void {
  current = lang;
}

export function cliLang(): Lang {
  return current;
}

/** The catalogue in this run's language. */
export function cliMessages(): Messages {
  return messages(current);
}
