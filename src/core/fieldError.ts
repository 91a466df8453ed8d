/**
 * Input problems, each naming the field path as it appears in the input
 * (`sources[1].conversionRates.sql`), the value found and what was expected,
 * in English or Chinese. Validation collects every problem; it never throws.
 */
import type { Lang } from './stages';

export type ErrorCode =
  | 'notObject'
  | 'required'
  | 'notNumber'
  | 'notFinite'
  | 'negative'
  | 'notPositive'
  | 'rateRange'
  | 'shareRange'
  | 'sharesSum'
  | 'notString'
  | 'notArray'
  | 'emptyList'
  | 'tooFewStages'
  | 'duplicateStage'
  | 'stagesOutOfOrder'
  | 'duplicateSourceId'
  | 'unknownStage'
  | 'unknownRateStage'
  | 'reservedId'
  | 'tooLarge'
  | 'unknownSource'
  | 'notInteger'
  | 'tooManyDigits'
  | 'twoSigns'
  | 'ambiguousComma'
  | 'notBoolean'
  | 'unknownField'
  | 'misspelledField'
  | 'notMonth'
  | 'notDate'
  | 'seasonalityLength'
  | 'seasonalityZero'
  | 'seasonalityNeedsHistory'
  | 'growthRange'
  | 'duplicateChannelId'
  | 'channelSharesSum';

export interface FieldError {
  /** Path of the field in the input, e.g. `sources[1].conversionRates.sql`; `(input)` for the whole input. */
  readonly path: string;
  readonly code: ErrorCode;
  /** The value found (undefined when missing). */
  readonly value: unknown;
  /** Extra facts the message needs: the sum of shares, the list of stages, a stage name… */
  readonly detail?: string;
}

type Template = (e: FieldError, got: string) => string;

const EN: Record<ErrorCode, Template> = {
  notObject: (_e, got) => `expected an object with fields, got ${got}`,
  required: () => `is required but missing`,
  notNumber: (_e, got) =>
    `expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got ${got}`,
  notFinite: (_e, got) => `expected a finite number, got ${got}`,
  negative: (_e, got) => `expected a number of 0 or more, got ${got}`,
  notPositive: (_e, got) => `expected a number greater than 0, got ${got}`,
  rateRange: (_e, got) => `expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got ${got}`,
  shareRange: (_e, got) => `expected a share from 0 to 1 (e.g. 0.4 or "40%"), got ${got}`,
  sharesSum: (e) => `the shares of all sources must add up to 1 (100%), but they add up to ${e.detail}`,
  notString: (_e, got) => `expected text, got ${got}`,
  notArray: (_e, got) => `expected a list, got ${got}`,
  emptyList: () => `expected at least one entry, got an empty list`,
  tooFewStages: (_e, got) => `expected at least two stages (an entry stage and the won stage), got ${got}`,
  duplicateStage: (_e, got) => `stage ${got} appears more than once`,
  stagesOutOfOrder: (e, got) => `${got} is listed after a later stage of the funnel; list the stages top to bottom, won last (${e.detail})`,
  duplicateSourceId: (e, got) => `source id ${got} is already used by ${e.detail}`,
  unknownStage: (e, got) => `expected one of the plan's stages (${e.detail}), got ${got}`,
  unknownRateStage: (e, got) =>
    `${got} is not a stage that converts to a next one; rates are keyed by the from-stage (${e.detail})`,
  reservedId: (e, got) => `${got} cannot be used as an id (reserved: ${e.detail})`,
  tooLarge: (e, got) => `${e.detail ?? 'the count'} would exceed ${Number.MAX_SAFE_INTEGER} (the largest exact number), from ${got}`,
  unknownSource: (e, got) => `expected one of the plan's source ids (${e.detail}), got ${got}`,
  notInteger: (_e, got) => `expected a whole number, got ${got}`,
  tooManyDigits: (e, got) =>
    e.detail === undefined
      ? `expected at most 15 significant digits (a spreadsheet keeps 15 and would change the rest), got ${got}`
      : `${e.detail} would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from ${got}`,
  twoSigns: (_e, got) => `expected one sign at most (write -500 or (500)), got ${got}`,
  ambiguousComma: (e, got) =>
    `${got} is ambiguous: is the comma a decimal point? If so, write ${e.detail} ("." is the decimal point here; "," only separates groups of three digits)`,
  notBoolean: (_e, got) => `expected true or false, got ${got}`,
  unknownField: (e) => `is not a field here (expected one of: ${e.detail})`,
  misspelledField: (e) => `is not a field here; did you mean ${e.detail}?`,
  notMonth: (_e, got) => `expected a month as "YYYY-MM" (e.g. "2027-04"), got ${got}`,
  notDate: (_e, got) => `expected a date as "YYYY-MM-DD" (e.g. "2027-01-01"), got ${got}`,
  seasonalityLength: (_e, got) => `expected 12 weights, one per fiscal-year month (or "even"), got ${got}`,
  seasonalityZero: () => 'expected at least one month with a weight above 0: with all twelve at 0 no deal is ever won',
  seasonalityNeedsHistory: () => '"history" takes the seasonality from a CRM export: plan with rates from a CRM export, or give 12 weights',
  growthRange: (_e, got) => `expected a growth above -100% (e.g. 0.2 or "20%" for 20% more next year), got ${got}`,
  duplicateChannelId: (_e, got) => `channel id ${got} is already used by another channel`,
  channelSharesSum: (e) => `the shares of a source's channels must add up to 1 (100%), but they add up to ${e.detail}`,
};

const ZH: Record<ErrorCode, Template> = {
  notObject: (_e, got) => `应为带字段的对象，实际为 ${got}`,
  required: () => `为必填项，但缺失`,
  notNumber: (_e, got) => `应为数字（如 1200000、"1,200,000"、"$1.2M"、"120万" 或 "25%"），实际为 ${got}`,
  notFinite: (_e, got) => `应为有限的数字，实际为 ${got}`,
  negative: (_e, got) => `应为 0 或更大的数字，实际为 ${got}`,
  notPositive: (_e, got) => `应为大于 0 的数字，实际为 ${got}`,
  rateRange: (_e, got) => `转化率应大于 0 且不超过 1（如 0.25 或 "25%"），实际为 ${got}`,
  shareRange: (_e, got) => `占比应在 0 到 1 之间（如 0.4 或 "40%"），实际为 ${got}`,
  sharesSum: (e) => `所有来源的占比之和应为 1（100%），实际为 ${e.detail}`,
  notString: (_e, got) => `应为文本，实际为 ${got}`,
  notArray: (_e, got) => `应为列表，实际为 ${got}`,
  emptyList: () => `至少需要一项，实际为空列表`,
  tooFewStages: (_e, got) => `至少需要两个阶段（进入阶段和成单阶段），实际为 ${got}`,
  duplicateStage: (_e, got) => `阶段 ${got} 重复出现`,
  stagesOutOfOrder: (e, got) => `${got} 排在漏斗中更靠后的阶段之后；请按从上到下的顺序列出阶段，成单阶段放在最后（${e.detail}）`,
  duplicateSourceId: (e, got) => `来源 id ${got} 已被 ${e.detail} 使用`,
  unknownStage: (e, got) => `应为计划中的阶段之一（${e.detail}），实际为 ${got}`,
  unknownRateStage: (e, got) => `${got} 不是有下一阶段的阶段；转化率按起始阶段填写（${e.detail}）`,
  reservedId: (e, got) => `${got} 不能用作 id（保留字：${e.detail}）`,
  tooLarge: (e, got) => `${e.detail ?? '数量'} 将超过 ${Number.MAX_SAFE_INTEGER}（可精确表示的最大数），来自 ${got}`,
  unknownSource: (e, got) => `应为计划中的来源 id 之一（${e.detail}），实际为 ${got}`,
  notInteger: (_e, got) => `应为整数，实际为 ${got}`,
  tooManyDigits: (e, got) =>
    e.detail === undefined
      ? `最多只能有 15 位有效数字（电子表格只保留 15 位，会改动其余各位），实际为 ${got}`
      : `${e.detail} 将超过 15 位有效数字，电子表格无法精确保存（会改动末尾几位），来自 ${got}`,
  twoSigns: (_e, got) => `只能有一个正负号（请写 -500 或 (500)），实际为 ${got}`,
  ambiguousComma: (e, got) => `${got} 有歧义：逗号是小数点吗？若是，请写 ${e.detail}（此处 "." 是小数点，"," 只用于每三位数字的分隔）`,
  notBoolean: (_e, got) => `应为 true 或 false，实际为 ${got}`,
  unknownField: (e) => `不是此处的字段（可用字段：${e.detail}）`,
  misspelledField: (e) => `不是此处的字段；是否想写 ${e.detail}？`,
  notMonth: (_e, got) => `应为 "YYYY-MM" 格式的月份（如 "2027-04"），实际为 ${got}`,
  notDate: (_e, got) => `应为 "YYYY-MM-DD" 格式的日期（如 "2027-01-01"），实际为 ${got}`,
  seasonalityLength: (_e, got) => `应为 12 个权重，每个财年月份一个（或 "even"），实际为 ${got}`,
  seasonalityZero: () => '至少需要一个月份的权重大于 0：十二个月都为 0 时不会有成单',
  seasonalityNeedsHistory: () => '"history" 表示从 CRM 导出数据中取季节性：请使用 CRM 导出数据的转化率来做计划，或填写 12 个权重',
  growthRange: (_e, got) => `应为大于 -100% 的增长率（如 0.2 或 "20%" 表示明年增长 20%），实际为 ${got}`,
  duplicateChannelId: (_e, got) => `渠道 id ${got} 已被另一个渠道使用`,
  channelSharesSum: (e) => `同一来源下各渠道的占比之和必须为 1（100%），实际为 ${e.detail}`,
};

/**
 * How a found value reads in a message: strings quoted, missing as "nothing".
 *
 * @example
 * describeValue('25%');     // → '"25%"'
 * describeValue(undefined); // → 'nothing'
 * describeValue([1, 2]);    // → 'a list of 2'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * One error as a line for the user: the field path, what was expected, what was found.
 *
 * @example
 * formatFieldError(fieldError('sources[1].conversionRates.sql', 'rateRange', 1.5));
 * // → 'sources[1].conversionRates.sql: expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got 1.5'
 */
export function formatFieldError(error: FieldError, lang: Lang = 'en'): string {
  const table = lang === 'zh-CN' ? ZH : EN;
  const got = lang === 'zh-CN' && error.value === undefined ? '空' : describeValue(error.value);
  const text = table[error.code](error, got);
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
