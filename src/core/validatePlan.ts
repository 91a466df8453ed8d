/**
 * Checks a plan input and reports every problem at once, each naming its field path
 * (`sources[1].conversionRates.sql`), the value and what was expected. Never throws:
 * anything a user, a JSON file or a sheet can hand in comes back as a list of FieldErrors.
 */
import { FieldError, fieldError } from './fieldError';
import { FRACTION_ONE, Fraction, add, compare, fraction, fractionToNumber, multiply, subtract } from './fraction';
import { SPREADSHEET_DIGITS, significantDigits } from './doubleAsFraction';
import { readNumberLike } from './parseNumberText';
import { Exact, ValidPlan, ValidSource } from './planInput';
import { reverseSource } from './reverseFunnel';
import { DEFAULT_HANDOFF_STAGE, DEFAULT_STAGES, stageLabel } from './stages';
import { FUNNEL_ORDER } from './history/knownColumns';
import { HISTORY_FIELDS } from './history/historyPlanOptions';
import { isRecord } from './isRecord';
import { PLAN_FIELDS, SOURCE_FIELDS, checkKnownFields, fieldPath, probableField } from './knownFields';

export type PlanValidation = { ok: true; plan: ValidPlan } | { ok: false; errors: FieldError[] };

/** Keys that would collide with the output's own fields or with JS object internals. */
export const RESERVED_IDS: readonly string[] = [
  'revenue', 'wonRevenue', 'name', 'id', 'kind', 'share', 'avgDealSize', 'entryStage',
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
];

/** Shares typed as rounded decimals (three of 0.333333333333333) miss 1 by a little; anything further off is a mistake. */
const SHARE_SUM_TOLERANCE = fraction(BigInt(1), BigInt(1_000_000_000));
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 10^15: the least count with 16 digits. */
const SIXTEEN_DIGITS = BigInt(10) ** BigInt(SPREADSHEET_DIGITS);
const ZERO = BigInt(0);

type Rule = 'any' | 'positive' | 'nonNegative' | 'share' | 'rate';


function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Reads a number-like field exactly, or records why it cannot. */
export function readExact(value: unknown, path: string, rule: Rule, errors: FieldError[]): Exact | undefined {
  if (isBlank(value)) {
    errors.push(fieldError(path, 'required', value === null ? undefined : value));
    return undefined;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    errors.push(fieldError(path, 'notFinite', value));
    return undefined;
  }
  const exact = readNumberLike(value);
  if ('problem' in exact) {
    const suggestion = exact.problem === 'ambiguousComma' ? exact.suggestion : undefined;
    errors.push(fieldError(path, exact.problem, value, suggestion));
    return undefined;
  }
  const sign = compare(exact, fraction(ZERO));
  const broken =
    (rule === 'positive' && sign <= 0 && 'notPositive') ||
    (rule === 'nonNegative' && sign < 0 && 'negative') ||
    (rule === 'share' && (sign < 0 || compare(exact, FRACTION_ONE) > 0) && 'shareRange') ||
    (rule === 'rate' && (sign <= 0 || compare(exact, FRACTION_ONE) > 0) && 'rateRange');
  if (broken) {
    errors.push(fieldError(path, broken, value));
    return undefined;
  }
  const plain = fractionToNumber(exact);
  if (Math.abs(plain) > Number.MAX_SAFE_INTEGER) {
    errors.push(fieldError(path, 'tooLarge', value, 'the value'));
    return undefined;
  }
  return { exact, value: plain };
}

function readOptionalText(value: unknown, path: string, errors: FieldError[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    errors.push(fieldError(path, 'notString', value));
    return undefined;
  }
  return value.trim() === '' ? undefined : value.trim();
}

function readId(value: unknown, path: string, errors: FieldError[]): string | undefined {
  if (isBlank(value)) {
    errors.push(fieldError(path, 'required', value === null ? undefined : value));
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push(fieldError(path, 'notString', value));
    return undefined;
  }
  const id = value.trim();
  if (RESERVED_IDS.includes(id)) {
    errors.push(fieldError(path, 'reservedId', value, RESERVED_IDS.slice(0, 8).join(', ')));
    return undefined;
  }
  return id;
}

function readStages(value: unknown, errors: FieldError[]): string[] | undefined {
  if (value === undefined || value === null) return [...DEFAULT_STAGES];
  if (!Array.isArray(value)) {
    errors.push(fieldError('stages', 'notArray', value));
    return undefined;
  }
  const before = errors.length;
  const stages: string[] = [];
  value.forEach((raw, i) => {
    const id = readId(raw, `stages[${i}]`, errors);
    if (id === undefined) return;
    if (stages.includes(id)) errors.push(fieldError(`stages[${i}]`, 'duplicateStage', raw));
    stages.push(id);
  });
  if (value.length < 2) errors.push(fieldError('stages', 'tooFewStages', value));
  // Ids the funnel knows carry their order: a plan listing sql above mql would plan nonsense.
  const rank = (id: string) => FUNNEL_ORDER.indexOf(id.toLowerCase());
  let highest = -1;
  stages.forEach((id, i) => {
    if (rank(id) < 0) return;
    if (rank(id) < highest) {
      const order = FUNNEL_ORDER.filter((known) => stages.some((s) => s.toLowerCase() === known)).join(', ');
      errors.push(fieldError(`stages[${i}]`, 'stagesOutOfOrder', value[i], order));
    }
    highest = Math.max(highest, rank(id));
  });
  return errors.length === before ? stages : undefined;
}

function readSource(
  raw: unknown,
  index: number,
  stages: string[] | undefined,
  errors: FieldError[],
): ValidSource | undefined {
  const path = `sources[${index}]`;
  if (!isRecord(raw)) {
    errors.push(fieldError(path, 'notObject', raw));
    return undefined;
  }
  const before = errors.length;
  checkKnownFields(raw, SOURCE_FIELDS, path, errors);
  const id = readId(own(raw, 'id'), `${path}.id`, errors);
  const name = readOptionalText(own(raw, 'name'), `${path}.name`, errors);
  const kind = readOptionalText(own(raw, 'kind'), `${path}.kind`, errors);
  const share = readExact(own(raw, 'share'), `${path}.share`, 'share', errors);
  const avgDealSize = readExact(own(raw, 'avgDealSize'), `${path}.avgDealSize`, 'positive', errors);

  let entryStage = readOptionalText(own(raw, 'entryStage'), `${path}.entryStage`, errors);
  if (stages && entryStage !== undefined && !stages.includes(entryStage)) {
    errors.push(fieldError(`${path}.entryStage`, 'unknownStage', own(raw, 'entryStage'), stages.join(', ')));
    entryStage = undefined;
  } else if (stages && entryStage === undefined && isBlank(own(raw, 'entryStage'))) {
    entryStage = stages[0];
  }

  const rates: Record<string, Exact> = {};
  const rawRates = own(raw, 'conversionRates');
  const ratePath = `${path}.conversionRates`;
  const converting = stages ? stages.slice(0, -1) : undefined;
  const needed =
    stages && entryStage !== undefined ? stages.slice(stages.indexOf(entryStage), -1) : [];
  if (rawRates === undefined || rawRates === null) {
    if (needed.length > 0 || !stages) errors.push(fieldError(ratePath, 'required', undefined));
  } else if (!isRecord(rawRates)) {
    errors.push(fieldError(ratePath, 'notObject', rawRates));
  } else {
    for (const key of Object.keys(rawRates)) {
      if (converting && !converting.includes(key)) {
        // "opportunty": did you mean opportunity? A stage that is there but converts to nothing (won) is told so.
        const meant = stages && !stages.includes(key) ? probableField(key, converting) : undefined;
        errors.push(
          meant === undefined
            ? fieldError(fieldPath(ratePath, key), 'unknownRateStage', key, converting.join(', '))
            : fieldError(fieldPath(ratePath, key), 'misspelledField', rawRates[key], meant),
        );
      } else if (!needed.includes(key)) {
        // A rate above the entry stage is unused, but a broken one is still worth reporting.
        readExact(rawRates[key], `${ratePath}.${key}`, 'rate', errors);
      }
    }
    for (const stage of needed) {
      const rate = readExact(own(rawRates, stage), `${ratePath}.${stage}`, 'rate', errors);
      if (rate) rates[stage] = rate;
    }
  }

  if (errors.length > before || !id || !share || !avgDealSize || entryStage === undefined) return undefined;
  return { index, id, name: name ?? id, kind, share, avgDealSize, entryStage, conversionRates: rates };
}

function percentText(sum: Fraction): string {
  const percent = fractionToNumber(multiply(sum, fraction(BigInt(100))));
  return `${Number(fractionToNumber(sum).toPrecision(12))} (${Number(percent.toPrecision(12))}%)`;
}

/** Why a count cannot be a cell's number: beyond MAX_SAFE_INTEGER, or more than 15 significant digits. */
export function countSizeProblem(count: bigint): 'tooLarge' | 'tooManyDigits' | undefined {
  if (count > MAX_SAFE) return 'tooLarge';
  if (count >= SIXTEEN_DIGITS && (significantDigits(fraction(count)) ?? 0) > SPREADSHEET_DIGITS) return 'tooManyDigits';
  return undefined;
}

/**
 * Counts that would not fit a double exactly, or that have more than 15 significant digits
 * (a spreadsheet keeps 15 and would change the last ones), are input errors, not silent floats.
 * Each names the input that produced the count: the deal size for won deals, else the rate.
 */
function checkCountSizes(
  target: Exact,
  stages: readonly string[],
  sources: readonly ValidSource[],
  errors: FieldError[],
): void {
  const totals = stages.map(() => ZERO);
  const problem = countSizeProblem;
  for (const source of sources) {
    const { counts } = reverseSource(target.exact, stages, {
      share: source.share.exact,
      avgDealSize: source.avgDealSize.exact,
      entryStage: source.entryStage,
      rate: (stage) => source.conversionRates[stage].exact,
    });
    // Report the first (lowest) stage that breaks: counts only grow going up.
    for (let k = stages.length - 1; k >= 0; k--) {
      totals[k] += counts[k];
      const code = problem(counts[k]);
      if (code === undefined) continue;
      const won = k === stages.length - 1;
      const path = won ? `sources[${source.index}].avgDealSize` : `sources[${source.index}].conversionRates.${stages[k]}`;
      const value = won ? source.avgDealSize.value : source.conversionRates[stages[k]].value;
      errors.push({ ...fieldError(path, code, value, `the ${stageLabel(stages[k])} count (${counts[k]})`), count: { stage: stages[k], value: String(counts[k]), total: false } });
      for (let j = k - 1; j >= 0; j--) totals[j] += counts[j];
      break;
    }
  }
  if (errors.length > 0) return;
  totals.forEach((total, k) => {
    const code = problem(total);
    if (code !== undefined) {
      errors.push({ ...fieldError('sources', code, target.value, `the total ${stageLabel(stages[k])} count (${total})`), count: { stage: stages[k], value: String(total), total: true } });
    }
  });
}

export function validatePlan(input: unknown): PlanValidation {
  const errors: FieldError[] = [];
  if (!isRecord(input)) return { ok: false, errors: [fieldError('(input)', 'notObject', input)] };
  checkKnownFields(input, PLAN_FIELDS, '', errors);
  // The history section is read by `plan --rates-from`; a typo in it is still a typo without it.
  const history = own(input, 'history');
  if (isRecord(history)) checkKnownFields(history, HISTORY_FIELDS, 'history', errors);

  const name = readOptionalText(own(input, 'name'), 'name', errors);
  const currency = readOptionalText(own(input, 'currency'), 'currency', errors) ?? 'USD';
  const revenueTarget = readExact(own(input, 'revenueTarget'), 'revenueTarget', 'positive', errors);
  const stages = readStages(own(input, 'stages'), errors);

  let handoffStage = readOptionalText(own(input, 'handoffStage'), 'handoffStage', errors);
  if (stages && handoffStage !== undefined && !stages.includes(handoffStage)) {
    errors.push(fieldError('handoffStage', 'unknownStage', own(input, 'handoffStage'), stages.join(', ')));
  } else if (stages && handoffStage === undefined) {
    handoffStage = stages.includes(DEFAULT_HANDOFF_STAGE) ? DEFAULT_HANDOFF_STAGE : undefined;
  }

  const rawSources = own(input, 'sources');
  const sources: ValidSource[] = [];
  let allSourcesValid = false;
  if (rawSources === undefined || rawSources === null) {
    errors.push(fieldError('sources', 'required', undefined));
  } else if (!Array.isArray(rawSources)) {
    errors.push(fieldError('sources', 'notArray', rawSources));
  } else if (rawSources.length === 0) {
    errors.push(fieldError('sources', 'emptyList', rawSources));
  } else {
    const firstIndexOfId = new Map<string, number>();
    rawSources.forEach((raw, i) => {
      const source = readSource(raw, i, stages, errors);
      const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id.trim() : undefined;
      if (id !== undefined && id !== '') {
        const first = firstIndexOfId.get(id);
        if (first !== undefined) {
          errors.push(fieldError(`sources[${i}].id`, 'duplicateSourceId', raw.id, `sources[${first}]`));
          return;
        }
        firstIndexOfId.set(id, i);
      }
      if (source) sources.push(source);
    });
    allSourcesValid = sources.length === rawSources.length;
    if (allSourcesValid) {
      const sum = sources.reduce((acc, s) => add(acc, s.share.exact), fraction(ZERO));
      const off = subtract(sum, FRACTION_ONE);
      const distance = off.num < ZERO ? fraction(-off.num, off.den) : off;
      if (compare(distance, SHARE_SUM_TOLERANCE) > 0) {
        errors.push(fieldError('sources', 'sharesSum', rawSources.map((s) => s.share), percentText(sum)));
      }
    }
  }

  if (revenueTarget && stages) checkCountSizes(revenueTarget, stages, sources, errors);

  if (errors.length > 0 || !revenueTarget || !stages || !allSourcesValid) {
    return { ok: false, errors };
  }
  return { ok: true, plan: { name, revenueTarget, currency, stages, handoffStage, sources } };
}
