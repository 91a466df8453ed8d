/** The languages Funnel Planner speaks; adding one is adding its catalogue file (see catalogue.ts). */
export const LANGS = ['en', 'zh-CN', 'zh-TW'] as const;

export type Lang = (typeof LANGS)[number];

/**
 * Whether a value (a stored setting, a query parameter) is one of the languages.
 *
 * @example
 * isLang('zh-TW') // → true
 * isLang('zh')    // → false (langOfTag reads tags like that)
 */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language of a locale or language tag, in any of the spellings Sheets, browsers and
 * users write (`zh_TW`, `zh-Hant-HK`, `en-GB`, `zh`): Taiwan, Hong Kong, Macau and Hant read
 * traditional characters, other Chinese simplified; undefined when it is neither English nor Chinese.
 *
 * @example
 * langOfTag('zh_TW')  // → 'zh-TW'
 * langOfTag('zh-HK')  // → 'zh-TW'
 * langOfTag('zh_CN')  // → 'zh-CN'
 * langOfTag('en_US')  // → 'en'
 * langOfTag('de')     // → undefined
 */
export function langOfTag(tag: string): Lang | undefined {
  const t = tag.trim().toLowerCase();
  if (t === 'en' || /^en[-_]/.test(t)) return 'en';
  if (t === 'zh' || /^zh[-_]/.test(t)) return /^zh[-_](tw|hk|mo|hant)\b/.test(t) ? 'zh-TW' : 'zh-CN';
  return undefined;
}
