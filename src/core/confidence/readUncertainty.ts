/**
 * The plan's own statements of how unsure it is (design.md §11), read field by field:
 * `sources[i].conversionRanges` — a stage's rate as a range [low, high] around the planned rate,
 * "we convert 30 % to 50 % of MQLs" — and `sources[i].dealSizeCv`, the spread of one deal's size
 * (standard deviation ÷ mean). History's counts, when a plan's rates come from a CRM export,
 * say it better and win over a typed range (simulationModel).
 */
import { FieldError, fieldError } from '../fieldError';
import { fieldPath } from '../knownFields';
import { isBlank, readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import type { Exact, RateRange } from '../planInput';
import { percentText } from '../input/sharesAddUp';

/** The largest deal-size coefficient of variation read: beyond it one deal in a few would be worth more than the rest together. */
export const MAX_DEAL_SIZE_CV = 5;

/**
 * Reads `conversionRanges`: `{ stage: [low, high] }` for stages the source converts, each a share
 * from 0 to 1 and low ≤ the planned rate ≤ high. Undefined when absent or broken (errors say why).
 *
 * @example
 * const errors: FieldError[] = [];
 * readConversionRanges({ mql: ['30%', '50%'] }, 'sources[0].conversionRanges', { mql: rate(0.4) }, errors);
 * // → { mql: { low: 0.3, high: 0.5 } }
 * readConversionRanges({ mql: [0.5, 0.6] }, 'sources[0].conversionRanges', { mql: rate(0.4) }, errors);
 * // → undefined, errors: [{ path: 'sources[0].conversionRanges.mql', code: 'rangeExcludesRate', … }]
 */
export function readConversionRanges(
  raw: unknown,
  path: string,
  rates: Readonly<Record<string, Exact>>,
  errors: FieldError[],
): Record<string, RateRange> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    errors.push(fieldError(path, 'notObject', raw));
    return undefined;
  }
  const before = errors.length;
  const converting = Object.keys(rates);
  const ranges: Record<string, RateRange> = {};
  for (const stage of Object.keys(raw)) {
    const at = fieldPath(path, stage);
    const value = raw[stage];
    if (!converting.includes(stage)) {
      errors.push(fieldError(at, 'unknownRateStage', stage, converting.join(', ')));
      continue;
    }
    if (!Array.isArray(value) || value.length !== 2 || value.some(isBlank)) {
      errors.push(fieldError(at, 'rangePair', value));
      continue;
    }
    const low = readExact(value[0], `${at}[0]`, 'share', errors);
    const high = readExact(value[1], `${at}[1]`, 'share', errors);
    if (!low || !high) continue;
    const rate = rates[stage];
    if (low.value > rate.value || high.value < rate.value) {
      errors.push(fieldError(at, 'rangeExcludesRate', `[${value.join(', ')}]`, percentText(rate.exact)));
      continue;
    }
    ranges[stage] = { low: low.value, high: high.value };
  }
  return errors.length === before ? ranges : undefined;
}

/**
 * Reads `dealSizeCv`: a number from 0 (every deal the average) to {@link MAX_DEAL_SIZE_CV}.
 *
 * @example
 * readDealSizeCv('60%', 'sources[0].dealSizeCv', []); // → 0.6
 * readDealSizeCv(undefined, 'sources[0].dealSizeCv', []); // → undefined
 */
export function readDealSizeCv(raw: unknown, path: string, errors: FieldError[]): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  const cv = readExact(raw, path, 'nonNegative', errors);
  if (!cv) return undefined;
  if (cv.value > MAX_DEAL_SIZE_CV) {
    errors.push(fieldError(path, 'cvRange', raw, String(MAX_DEAL_SIZE_CV)));
    return undefined;
  }
  return cv.value;
}
