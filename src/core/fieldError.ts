/**
 * Input problems, each naming the field path as it appears in the input
 * (`sources[1].conversionRates.sql`), the value found and what was expected,
 * in the user's language (core/i18n: `fieldErrors`). Validation collects every problem; it never throws.
 */
import type { ErrorCode, FieldError } from './fieldErrorTypes';
import { messages } from './i18n/catalogue';
import type { Lang } from './i18n/lang';
import { stageLabel } from './stages';

export type { ErrorCode, FieldError } from './fieldErrorTypes';

/**
 * How a found value reads in a message: strings quoted, missing as "nothing" (in `lang`).
 *
 * @example
 * describeValue('25%');              // → '"25%"'
 * describeValue(undefined);          // → 'nothing'
 * describeValue([1, 2]);             // → 'a list of 2'
 * describeValue(undefined, 'zh-TW'); // → '空'
 */
export function describeValue(value: unknown, lang: Lang = 'en'): string {
  const t = messages(lang).value;
  if (value === undefined) return t.nothing;
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return t.list(value.length);
  if (typeof value === 'object') return t.object;
  return String(value);
}

/**
 * One error as a line for the user: the field path, what was expected, what was found.
 *
 * @example
 * formatFieldError(fieldError('sources[1].conversionRates.sql', 'rateRange', 1.5));
 * // → 'sources[1].conversionRates.sql: expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got 1.5'
 * formatFieldError(fieldError('revenueTarget', 'notPositive', -1), 'zh-TW');
 * // → 'revenueTarget: 應為大於 0 的數字，實際為 -1'
 */
export function formatFieldError(error: FieldError, lang: Lang = 'en'): string {
  const t = messages(lang);
  const named = error.count ? { ...error, detail: t.value.count(stageLabel(error.count.stage, lang), error.count.value, error.count.total) } : error;
  const text = t.fieldErrors[error.code](named, describeValue(error.value, lang));
  return `${error.path}: ${text}`;
}

/**
 * Builds a FieldError; `detail` is left out when there is none, so errors compare equal in tests.
 *
 * @example
 * fieldError('sources[0].share', 'shareRange', 1.4); // → { path: 'sources[0].share', code: 'shareRange', value: 1.4 }
 */
export function fieldError(path: string, code: ErrorCode, value: unknown, detail?: string): FieldError {
  return detail === undefined ? { path, code, value } : { path, code, value, detail };
}
