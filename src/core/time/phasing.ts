/**
 * Annual counts become monthly work (design.md §7), every split by largest remainder so the
 * months add up to the annual count exactly.
 */
import { allocateCount, allocateIntegers, allocateSafeIntegers } from '../allocation/largestRemainder';
import { Fraction, fraction, gcd } from '../fraction';
import type { MonthSeries } from './monthSeries';
import type { LagDistribution } from './salesCycleLag';

const ZERO = BigInt(0);
const ONE = BigInt(1);


interface ScaledLag {
  /** q(j) over one common denominator: whole-number weights with the same ratios give the same split. */
  readonly scaledLag: readonly bigint[];
  readonly small: readonly number[];
  /** Σ of `small`, or undefined when a weight is past 2⁵³ − 1 (the BigInt path then). */
  readonly smallSum: number | undefined;
}

/** A source's lag arrays are shared by its channels and both years: scale each once. */
const SCALED = new WeakMap<LagDistribution, ScaledLag>();

function scaledLagOf(lag: LagDistribution): ScaledLag {
  const known = SCALED.get(lag);
  if (known) return known;
  let common = ONE;
  for (const q of lag) if (q.num > ZERO && common % q.den !== ZERO) common = (common / gcd(common, q.den)) * q.den;
  const scaledLag = lag.map((q) => (q.num > ZERO ? q.num * (common / q.den) : ZERO));
  const small = scaledLag.map(Number);
  const smallSum = small.every((q) => Number.isSafeInteger(q)) ? small.reduce((a, b) => a + b, 0) : undefined;
  const scaled = { scaledLag, small, smallSum };
  SCALED.set(lag, scaled);
  return scaled;
}

/** Equal weights for the twelve FY months. */
export const EVEN_SEASONALITY: readonly Fraction[] = Array.from({ length: 12 }, () => fraction(BigInt(1)));

/**
 * A year's won deals by FY month, split by seasonality weights (FY month order) with the
 * largest-remainder rule. `firstMonth` is 0 for this fiscal year, 12 for the next.
 *
 * @example
 * // 160 deals over an even year: 13⅓ a month → the first four months get 14, the rest 13.
 * wonByMonth(160, EVEN_SEASONALITY);
 * // → { first: 0, values: [14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13] }
 */
export function wonByMonth(total: number, seasonality: readonly Fraction[], firstMonth = 0): MonthSeries {
  if (seasonality.length !== 12) throw new RangeError(`wonByMonth: expected 12 seasonality weights, got ${seasonality.length}`);
  const values = total === 0 ? seasonality.map(() => 0) : allocateCount(total, seasonality);
  return { first: firstMonth, values };
}

/**
 * The monthly work at a stage for one year's deals: the stage's weight in month t is
 * v(t) = Σ_j q(j) · W(t + j), with W the won deals by month and q the stage's lag; the
 * annual count is split over t by v (largest remainder). Months run from the earliest one
 * with weight (before W's first month: carry-in) to the last month of W; W's own months are
 * always present, zeros included.
 *
 * @param count the stage's annual count from the reverse funnel
 * @param won the won deals by month of the same year (wonByMonth)
 * @param lag q(j) of the stage (salesCycleLag.ts)
 * @example
 * // 40 SQLs for 12 deals won one a month, every deal won two months after its SQL:
 * // v(t) = W(t + 2), so months −2…9 carry 1 each and the 40 split 4, 4, 4, 4, 3 … 3.
 * stageByMonth(40, wonByMonth(12, EVEN_SEASONALITY), [0n, 0n, 1n].map((n) => fraction(n)))
 * // → { first: -2, values: [4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0] }
 */
export function stageByMonth(count: number, won: MonthSeries, lag: LagDistribution): MonthSeries {
  if (lag.length === 0) throw new RangeError('stageByMonth: the lag distribution is empty');
  const from = won.first - (lag.length - 1);
  const to = won.first + won.values.length - 1;
  const { scaledLag, small, smallSum } = scaledLagOf(lag);
  const wonSum = won.values.reduce((a, b) => a + b, 0);
  if (smallSum !== undefined && Number.isSafeInteger(smallSum * wonSum * Math.max(1, count))) {
    const numeric: number[] = [];
    const wonValues = won.values;
    for (let t = from; t <= to; t++) {
      let v = 0;
      for (let j = 0; j < small.length; j++) {
        const q = small[j];
        const i = t + j - won.first;
        if (q === 0 || i < 0 || i >= wonValues.length) continue; // adds nothing
        const w = wonValues[i];
        if (w > 0) v += q * w;
      }
      numeric.push(v);
    }
    let begin = 0;
    while (from + begin < won.first && numeric[begin] === 0) begin++;
    const part = numeric.slice(begin);
    if (count === 0 || part.every((w) => w === 0)) {
      if (count !== 0) throw new RangeError(`stageByMonth: ${count} to split but no deals are won in any month`);
      return { first: from + begin, values: part.map(() => 0) };
    }
    if (!Number.isSafeInteger(count)) throw new RangeError(`stageByMonth: expected a whole count, got ${count}`);
    return { first: from + begin, values: allocateSafeIntegers(count, part) };
  }
  const weights: bigint[] = [];
  for (let t = from; t <= to; t++) {
    let v = ZERO;
    for (let j = 0; j < scaledLag.length; j++) {
      const w = won.values[t + j - won.first];
      if (w !== undefined && w > 0 && scaledLag[j] > ZERO) v += scaledLag[j] * BigInt(w);
    }
    weights.push(v);
  }
  // Carry-in months with no weight are not part of the plan's months; the year's own months always are.
  let start = 0;
  while (from + start < won.first && weights[start] === ZERO) start++;
  const used = weights.slice(start);
  const hasWeight = used.some((w) => w > ZERO);
  if (count === 0 || !hasWeight) {
    if (count !== 0) throw new RangeError(`stageByMonth: ${count} to split but no deals are won in any month`);
    return { first: from + start, values: used.map(() => 0) };
  }
  if (!Number.isSafeInteger(count)) throw new RangeError(`stageByMonth: expected a whole count, got ${count}`);
  return { first: from + start, values: allocateIntegers(BigInt(count), used).map(Number) };
}
