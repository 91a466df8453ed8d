/**
 * The plan's `benchmarks` field: benchmark bands replacing the defaults (benchmarks.ts), keyed
 * like conversionRates by the from-stage: `{ "mql": { "low": 0.2, "high": 0.4 } }`. Checked
 * field by field: each band's low and high are rates from 0 to 1, low at most high.
 */
import { FieldError, fieldError } from '../fieldError';
import { FRACTION_ONE, FRACTION_ZERO, compare } from '../fraction';
import { readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import { checkKnownFields, fieldPath, probableField } from '../knownFields';
import type { Band } from './benchmarks';

/** Fields of one band. */
export const BAND_FIELDS: readonly string[] = ['low', 'high'];

/**
 * The bands a plan gives, or undefined after pushing an error per problem (a missing or blank
 * field is none given: `{}`). `stages` undefined (they were invalid): keys are not checked.
 *
 * @example
 * const errors: FieldError[] = [];
 * readBenchmarks({ mql: { low: '20%', high: 0.4 } }, ['lead', 'mql', 'sql', 'won'], errors); // → { mql: { low: 0.2, high: 0.4 } }
 * readBenchmarks({ mql: { low: 0.5, high: 0.4 } }, ['lead', 'mql', 'sql', 'won'], errors);
 * // → undefined; errors gets { path: 'benchmarks.mql.high', code: 'bandOrder', value: 0.4, detail: '0.5' }
 */
export function readBenchmarks(raw: unknown, stages: readonly string[] | undefined, errors: FieldError[]): Record<string, Band> | undefined {
  if (raw === undefined || raw === null) return {};
  if (!isRecord(raw)) {
    errors.push(fieldError('benchmarks', 'notObject', raw));
    return undefined;
  }
  const before = errors.length;
  const converting = stages?.slice(0, -1);
  const bands: Record<string, Band> = {};
  for (const key of Object.keys(raw)) {
    const path = fieldPath('benchmarks', key);
    if (converting && !converting.includes(key)) {
      const meant = stages && !stages.includes(key) ? probableField(key, converting) : undefined;
      errors.push(meant === undefined ? fieldError(path, 'unknownRateStage', key, converting.join(', ')) : fieldError(path, 'misspelledField', raw[key], meant));
      continue;
    }
    const band = raw[key];
    if (!isRecord(band)) {
      errors.push(fieldError(path, 'notObject', band));
      continue;
    }
    checkKnownFields(band, BAND_FIELDS, path, errors);
    const low = readBandEnd(band.low, `${path}.low`, errors);
    const high = readBandEnd(band.high, `${path}.high`, errors);
    if (!low || !high) continue;
    if (compare(low.exact, high.exact) > 0) {
      errors.push(fieldError(`${path}.high`, 'bandOrder', band.high, String(low.value)));
      continue;
    }
    bands[key] = { low: low.value, high: high.value };
  }
  return errors.length > before ? undefined : bands;
}

function readBandEnd(value: unknown, path: string, errors: FieldError[]) {
  const read = readExact(value, path, 'any', errors);
  if (!read) return undefined;
  if (compare(read.exact, FRACTION_ZERO) < 0 || compare(read.exact, FRACTION_ONE) > 0) {
    errors.push(fieldError(path, 'bandRange', value));
    return undefined;
  }
  return read;
}
