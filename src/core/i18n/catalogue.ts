/**
 * One message catalogue, one module per language: en.ts defines the keys, zh-CN.ts and
 * zh-TW.ts are typed against it (`satisfies Messages`), so a missing key is a compile error.
 * To add a language: add its code to LANGS (lang.ts), write `xx.ts` as `{…} satisfies Messages`,
 * and list it below — the compiler then points at every key still to translate. The command
 * line's own words (tables, file and usage errors, flag hints) are a second catalogue of the same
 * shape in src/cli/i18n, so core and the sidebar never carry them.
 *
 * @example
 * messages('zh-TW').stages.opportunity // → '商機'
 * messages('en').stages.demo            // (compile error: no such key)
 */
import { en, type Messages } from './en';
import type { Lang } from './lang';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

export type { Messages } from './en';
export { LANGS, isLang, type Lang } from './lang';

const CATALOGUE: Readonly<Record<Lang, Messages>> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };

/**
 * The messages of `lang`; English for anything that is not a known language (a stale caller, a bad argument).
 *
 * @example
 * messages('zh-TW').stages.won            // → '成交客戶'
 * messages('en').sidebar.headline('1,280', 'SQLs') // → 'Marketing must deliver 1,280 SQLs'
 */
export function messages(lang: Lang): Messages {
  return CATALOGUE[lang] ?? en;
}

/**
 * Fills `{name}` placeholders of a catalogue label; an unknown name is left as written.
 *
 * @example
 * fill('Source {n}', { n: 2 })     // → 'Source 2'
 * fill('{stage} required', {})     // → '{stage} required'
 */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, p: string) => (params[p] === undefined ? m : String(params[p])));
}
