/**
 * Checks a plan input and reports every problem at once, each naming its field path
 * (`sources[1].conversionRates.sql`), the value and what was expected. Never throws:
 * anything a user, a JSON file or a sheet can hand in comes back as a list of FieldErrors.
 */
import { FieldError, fieldError } from './fieldError';
import { Fraction, fraction, fractionToNumber, multiply } from './fraction';
import { FunnelPlan, funnelFromCounts, reverseSources } from './funnelPlan';
import { checkCountSizes } from './funnel/overflow';
import { isBlank, readExact } from './input/readExact';
import { readConversionRanges, readDealSizeCv } from './confidence/readUncertainty';
import { Exact, ValidPlan, ValidSource } from './planInput';
import { DEFAULT_HANDOFF_STAGE, DEFAULT_STAGES } from './stages';
import { FUNNEL_ORDER } from './history/knownColumns';
import { HISTORY_FIELDS } from './history/historyPlanOptions';
import { isRecord } from './isRecord';
import { PLAN_FIELDS, SOURCE_FIELDS, checkKnownFields, fieldPath, probableField } from './knownFields';
import { readChannels } from './channels/readChannels';
import { readLag } from './time/readLag';
import { percentText, sharesAddUp } from './input/sharesAddUp';
import { readStageDays } from './time/readStageDays';
import { readTiming } from './time/readTiming';
import { readHeadcount } from './headcount/readHeadcount';
import { MAX_PAYOUT_MINOR, largestPayoutMinor, readBonus } from './bonus/readBonus';
import { bonusMinorDigits } from './bonus/bonusPlan';
import { readBenchmarks } from './diagnosis/readBenchmarks';

/**
 * A valid plan comes with its reverse funnel: validation has to compute it anyway (a count too
 * large for a cell is an input error), so callers use this one instead of computing it again.
 */
export type PlanValidation = { ok: true; plan: ValidPlan; funnel: FunnelPlan } | { ok: false; errors: FieldError[] };

/** Keys that would collide with the output's own fields (planJson.ts, with its deprecated flat counts) or with JS object internals. */
export const RESERVED_IDS: readonly string[] = [
  'revenue', 'wonRevenue', 'name', 'id', 'kind', 'share', 'avgDealSize', 'entryStage', 'counts',
  '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf',
];


function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
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
    errors.push(fieldError(path, 'reservedId', value, RESERVED_IDS.slice(0, 9).join(', ')));
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
  channelIds: Set<string>,
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

  const conversionRanges = errors.length === before ? readConversionRanges(own(raw, 'conversionRanges'), `${path}.conversionRanges`, rates, errors) : undefined;
  const dealSizeCv = readDealSizeCv(own(raw, 'dealSizeCv'), `${path}.dealSizeCv`, errors);
  const stageDays = readStageDays(own(raw, 'stageDays'), `${path}.stageDays`, stages, errors);
  const lag = readLag(own(raw, 'lag'), `${path}.lag`, stages, errors);
  const channels =
    avgDealSize && errors.length === before
      ? readChannels(own(raw, 'channels'), { path, avgDealSize, conversionRates: rates, converting: needed, reservedIds: RESERVED_IDS }, channelIds, errors)
      : undefined;

  if (errors.length > before || !id || !share || !avgDealSize || entryStage === undefined || !channels) return undefined;
  return {
    index, id, name: name ?? id, kind, share, avgDealSize, entryStage, conversionRates: rates, stageDays, lag, channels,
    ...(conversionRanges && Object.keys(conversionRanges).length > 0 ? { conversionRanges } : {}),
    ...(dealSizeCv !== undefined ? { dealSizeCv } : {}),
  };
}

export interface ValidateOptions {
  /** "YYYY-MM-DD" in the user's time zone: a plan without a fiscal-year start plans the year of today (the next one from October on). */
  readonly today?: string;
}

/**
 * Checks a plan input field by field and, when it is valid, returns it with its reverse funnel
 * (computed once, here: the overflow check needs it). Every problem is reported, none thrown.
 *
 * @example
 * // The seed's plan: valid, 360 won deals in total.
 * const checked = validatePlan(seedExample);
 * checked.ok && checked.funnel.total.counts.won; // → 360
 *
 * @example
 * validatePlan({ revenueTarget: '10M', sources: [{ id: 'm', share: 1, avgDealSize: 0, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } }] });
 * // → { ok: false, errors: [{ path: 'sources[0].avgDealSize', code: 'notPositive', value: 0 }] }
 *
 * @example
 * // 9×10^15 won deals fit a double; the 1.8×10^16 leads at 50% do not.
 * validatePlan({ revenueTarget: 9e15, stages: ['lead', 'won'], sources: [{ id: 'm', share: 1, avgDealSize: 1, conversionRates: { lead: 0.5 } }] });
 * // → { ok: false, errors: [{ path: 'sources[0].conversionRates.lead', code: 'tooLarge', value: 0.5, detail: 'the Leads count (18000000000000000)' }] }
 */
export function validatePlan(input: unknown, options: ValidateOptions = {}): PlanValidation {
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
    const channelIds = new Set<string>();
    rawSources.forEach((raw, i) => {
      const source = readSource(raw, i, stages, channelIds, errors);
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
      const { sum, ok } = sharesAddUp(sources.map((s) => s.share.exact));
      if (!ok) {
        errors.push(fieldError('sources', 'sharesSum', rawSources.map((s) => s.share), percentText(sum)));
      }
    }
  }

  const timing = readTiming(own(input, 'timing'), stages, options.today, errors);
  const channelSources = new Map<string, string>();
  for (const s of sources) for (const c of s.channels) channelSources.set(c.id, s.id);
  const headcount = readHeadcount(
    own(input, 'headcount'),
    { stages, handoffStage, sourceIds: allSourcesValid ? sources.map((s) => s.id) : undefined, channelSources, fiscalYearStart: timing?.fiscalYearStart, reservedIds: RESERVED_IDS },
    errors,
  );

  const bonus = readBonus(own(input, 'bonus'), { stages, roleIds: headcount ? headcount.roles.map((r) => r.id) : undefined, reservedIds: RESERVED_IDS }, errors);
  if (bonus && revenueTarget) {
    const largest = largestPayoutMinor(bonus, revenueTarget.value, bonusMinorDigits(currency));
    const raw = own(input, 'bonus') as Record<string, unknown>;
    if (largest > MAX_PAYOUT_MINOR) errors.push(fieldError('bonus.pool', 'poolTooLarge', raw.pool, `${Number(largest / 10 ** bonusMinorDigits(currency)).toPrecision(3)} ${currency}`));
  }

  const benchmarks = readBenchmarks(own(input, 'benchmarks'), stages, errors);

  // The plan's one reverse-funnel computation: checked here, then returned as the funnel.
  const reversed = revenueTarget && stages ? reverseSources(revenueTarget.exact, stages, sources) : undefined;
  if (revenueTarget && stages && reversed) checkCountSizes(revenueTarget, stages, sources, reversed, errors);

  if (errors.length > 0 || !revenueTarget || !stages || !reversed || !allSourcesValid || !timing || !headcount || bonus === undefined || !benchmarks) {
    return { ok: false, errors };
  }
  const plan: ValidPlan = { name, revenueTarget, currency, stages, handoffStage, sources, timing, headcount, ...(bonus ? { bonus } : {}), ...(Object.keys(benchmarks).length > 0 ? { benchmarks } : {}) };
  return { ok: true, plan, funnel: funnelFromCounts(plan, reversed) };
}
