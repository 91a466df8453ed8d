/**
 * A source's `lag`: for each stage, how its won deals spread over the months after the record
 * reached the stage (design.md §7) — `{ "sql": [1, 2, 3, 4] }` is 1 deal won in the month the
 * record became an SQL, 2 a month later, 3 two months later, 4 three. What `plan --rates-from`
 * and Derive rates from History measure from a CRM export's won records (the counts), kept in
 * the plan so the months can be planned again without the export; it can be typed too (shares
 * or counts: only the proportions matter). A stage without one takes its lag from stage days.
 */
import { FieldError, fieldError } from '../fieldError';
import { fraction, type Fraction } from '../fraction';
import { readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import type { LagDistribution } from './salesCycleLag';

/** Months 0 … 60: a CRM export's last lag bucket holds 60 months and more; five years of carry-in is plenty. */
export const MAX_LAG_MONTHS = 61;

/**
 * Reads `lag` of a source: each key a stage above won, each value a list of weights ≥ 0 by
 * month (at most MAX_LAG_MONTHS), not all 0. Trailing zeros are dropped. Undefined when absent or empty.
 *
 * @example
 * const errors: FieldError[] = [];
 * readLag({ sql: [1, 2, 3, 4, 0] }, 'sources[0].lag', ['sql', 'opportunity', 'won'], errors);
 * // → { sql: [1, 2, 3, 4] } (as fractions)
 * readLag({ sql: [0, 0] }, 'sources[0].lag', ['sql', 'opportunity', 'won'], errors);
 * // errors gets { path: 'sources[0].lag.sql', code: 'lagZero', value: [0, 0] }
 */
export function readLag(raw: unknown, path: string, stages: readonly string[] | undefined, errors: FieldError[]): Record<string, LagDistribution> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    errors.push(fieldError(path, 'notObject', raw));
    return undefined;
  }
  const converting = stages ? stages.slice(0, -1) : [];
  const lags: Record<string, LagDistribution> = {};
  for (const [stage, value] of Object.entries(raw)) {
    const at = `${path}.${stage}`;
    if (stages && !converting.includes(stage)) {
      errors.push(fieldError(at, 'unknownRateStage', stage, converting.join(', ')));
      continue;
    }
    if (value === null) continue;
    if (!Array.isArray(value)) {
      errors.push(fieldError(at, 'notArray', value));
      continue;
    }
    if (value.length > MAX_LAG_MONTHS) {
      errors.push(fieldError(at, 'lagTooLong', value, String(MAX_LAG_MONTHS)));
      continue;
    }
    const before = errors.length;
    const weights = value.map((w, j) => readExact(w, `${at}[${j}]`, 'nonNegative', errors));
    if (errors.length > before) continue;
    let last = weights.length - 1;
    while (last >= 0 && weights[last]!.exact.num === BigInt(0)) last--;
    if (last < 0) {
      errors.push(fieldError(at, 'lagZero', value));
      continue;
    }
    lags[stage] = weights.slice(0, last + 1).map((w): Fraction => w?.exact ?? fraction(BigInt(0)));
  }
  return Object.keys(lags).length > 0 ? lags : undefined;
}
