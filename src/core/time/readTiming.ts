/**
 * The plan's `timing` section (design.md §7): fiscal-year start, seasonality of won deals,
 * next year's growth, holidays and the open pipeline at FY start — read and checked, every
 * problem named by its field, as validatePlan reads the rest of the plan.
 */
import { FieldError, fieldError } from '../fieldError';
import { Fraction, fraction } from '../fraction';
import { isBlank, readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import { checkKnownFields } from '../knownFields';
import { FiscalYearStart, parseFiscalYearStart } from './fiscalYear';
import { EVEN_SEASONALITY } from './phasing';

/** Fields of `timing`. */
export const TIMING_FIELDS: readonly string[] = ['fiscalYearStart', 'seasonality', 'nextYearGrowth', 'holidays', 'openPipeline'];

export interface ValidTiming {
  /** Undefined when neither the plan nor the caller's today names a year: no months then. */
  readonly fiscalYearStart: FiscalYearStart | undefined;
  /** 12 weights of won deals by FY month, exact. */
  readonly seasonality: readonly Fraction[];
  /** Whether the weights were typed (false: even). */
  readonly seasonalityGiven: boolean;
  /** Next year's target = this year's × (1 + growth); 0 = steady state. */
  readonly nextYearGrowth: Fraction;
  readonly nextYearGrowthValue: number;
  /** "YYYY-MM-DD", sorted, unique. */
  readonly holidays: readonly string[];
  /** Records already at a stage on FY start, by stage id. */
  readonly openPipeline: Readonly<Record<string, number>>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Reads `timing`. A missing fiscal-year start defaults to January of `today`'s year, or of the
 * next year from October on (callers pass today; core has no clock); missing seasonality is
 * even; growth 0; no holidays.
 *
 * @example
 * const errors: FieldError[] = [];
 * readTiming({ fiscalYearStart: '2027-04', nextYearGrowth: '20%' }, ['lead', 'won'], '2026-12-01', errors);
 * // → { fiscalYearStart: { year: 2027, month: 4 }, seasonality: 12 × 1, nextYearGrowth: 1/5, holidays: [], … }
 *
 * @example
 * readTiming({ seasonality: [1, 2, 3] }, ['lead', 'won'], undefined, errors);
 * // errors gets { path: 'timing.seasonality', code: 'seasonalityLength', value: [1, 2, 3] }
 */
export function readTiming(raw: unknown, stages: readonly string[] | undefined, today: string | undefined, errors: FieldError[]): ValidTiming | undefined {
  const before = errors.length;
  const timing = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(timing)) {
    errors.push(fieldError('timing', 'notObject', raw));
    return undefined;
  }
  checkKnownFields(timing, TIMING_FIELDS, 'timing', errors);

  let fiscalYearStart: FiscalYearStart | undefined;
  const rawStart = timing.fiscalYearStart;
  if (isBlank(rawStart)) {
    // Planning in October–December is planning the coming year; earlier, the current one.
    const year = today === undefined ? NaN : Number(today.slice(0, 4));
    const month = today === undefined ? NaN : Number(today.slice(5, 7));
    fiscalYearStart = Number.isInteger(year) && Number.isInteger(month) ? { year: month >= 10 ? year + 1 : year, month: 1 } : undefined;
  } else if (typeof rawStart !== 'string' || !(fiscalYearStart = parseFiscalYearStart(rawStart))) {
    errors.push(fieldError('timing.fiscalYearStart', 'notMonth', rawStart));
  }

  let seasonality: readonly Fraction[] = EVEN_SEASONALITY;
  let seasonalityGiven = false;
  const rawSeason = timing.seasonality;
  if (typeof rawSeason === 'string' && rawSeason.trim().toLowerCase() === 'history') {
    errors.push(fieldError('timing.seasonality', 'seasonalityNeedsHistory', rawSeason));
  } else if (typeof rawSeason === 'string' && rawSeason.trim().toLowerCase() === 'even') {
    // the default, said explicitly
  } else if (!isBlank(rawSeason)) {
    if (!Array.isArray(rawSeason)) {
      errors.push(fieldError('timing.seasonality', 'notArray', rawSeason));
    } else if (rawSeason.length !== 12) {
      errors.push(fieldError('timing.seasonality', 'seasonalityLength', rawSeason));
    } else {
      const weights = rawSeason.map((w, m) => readExact(w, `timing.seasonality[${m}]`, 'nonNegative', errors));
      if (weights.every((w) => w !== undefined)) {
        if (weights.every((w) => w!.exact.num === BigInt(0))) errors.push(fieldError('timing.seasonality', 'seasonalityZero', rawSeason));
        else {
          seasonality = weights.map((w) => w!.exact);
          seasonalityGiven = true;
        }
      }
    }
  }

  let nextYearGrowth = fraction(BigInt(0));
  let nextYearGrowthValue = 0;
  if (!isBlank(timing.nextYearGrowth)) {
    // −100 % would plan no next year at all; anything from −99 % up is a plan.
    const growth = readExact(timing.nextYearGrowth, 'timing.nextYearGrowth', 'any', errors);
    if (growth && growth.exact.num * BigInt(100) <= -growth.exact.den * BigInt(100)) {
      errors.push(fieldError('timing.nextYearGrowth', 'growthRange', timing.nextYearGrowth));
    } else if (growth) {
      nextYearGrowth = growth.exact;
      nextYearGrowthValue = growth.value;
    }
  }

  const holidays = new Set<string>();
  if (!isBlank(timing.holidays)) {
    if (!Array.isArray(timing.holidays)) errors.push(fieldError('timing.holidays', 'notArray', timing.holidays));
    else
      timing.holidays.forEach((h, i) => {
        if (typeof h === 'string' && isCalendarDate(h.trim())) holidays.add(h.trim());
        else errors.push(fieldError(`timing.holidays[${i}]`, 'notDate', h));
      });
  }

  const openPipeline: Record<string, number> = {};
  if (!isBlank(timing.openPipeline)) {
    if (!isRecord(timing.openPipeline)) errors.push(fieldError('timing.openPipeline', 'notObject', timing.openPipeline));
    else
      for (const [stage, count] of Object.entries(timing.openPipeline)) {
        const path = `timing.openPipeline.${stage}`;
        if (stages && !stages.includes(stage)) {
          errors.push(fieldError(path, 'unknownStage', stage, stages.join(', ')));
          continue;
        }
        const n = readExact(count, path, 'nonNegative', errors);
        if (n && n.exact.den !== BigInt(1)) errors.push(fieldError(path, 'notInteger', count));
        else if (n) openPipeline[stage] = n.value;
      }
  }

  if (errors.length > before) return undefined;
  return {
    fiscalYearStart,
    seasonality,
    seasonalityGiven,
    nextYearGrowth,
    nextYearGrowthValue,
    holidays: [...holidays].sort(),
    openPipeline,
  };
}
