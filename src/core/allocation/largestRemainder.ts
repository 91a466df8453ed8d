/**
 * One way to split a whole number into parts that add back to it exactly: months of a stage,
 * channels of a source, buckets of a bonus pool, cents of a payout (design.md §7). Every
 * split in Funnel Planner goes through here, so they all follow the same stated rule.
 */
import { type Fraction, gcd } from '../fraction';

/** Why a split is impossible; thrown as a RangeError with this text plus the values. */
export const ALLOCATION_ERRORS = {
  negativeTotal: 'allocate: the total must be a whole number ≥ 0',
  negativeWeight: 'allocate: weights must be ≥ 0',
  noWeight: 'allocate: at least one weight must be greater than 0',
} as const;

const ZERO = BigInt(0);
const ONE = BigInt(1);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Splits `total` units in proportion to `weights` by the **largest-remainder** rule: each
 * part gets the floor of its exact quota total·wᵢ/Σw, then the units left over go one each
 * to the parts with the largest fractional remainders, ties to the earlier part.
 *
 * Quotas are exact rationals, so the result never depends on floating point, and
 * - the parts always add up to `total`;
 * - every part is its quota rounded down or up (never further off than one unit);
 * - a zero weight gets zero;
 * - equal weights get equal parts, except that the earlier ones take the remainder.
 *
 * @example
 * // 10 deals over three months weighted 1 : 1 : 1 — quotas 3⅓ each:
 * // floors 3, 3, 3; one unit left, remainders tie, so the earliest month takes it.
 * allocate(10n, [1n, 1n, 1n]); // → [4n, 3n, 3n]
 *
 * @example
 * // 100 leads by weights 0.5 : 0.3 : 0.2 of channels — quotas 50, 30, 20, nothing left over.
 * allocate(100n, [fraction(1n, 2n), fraction(3n, 10n), fraction(1n, 5n)]); // → [50n, 30n, 20n]
 *
 * @example
 * // 7 units by 2 : 0 : 5 : 3 — quotas 1.4, 0, 3.5, 2.1; floors 1, 0, 3, 2 leave 1 unit,
 * // which goes to the largest remainder (0.5, the third part).
 * allocate(7n, [2n, 0n, 5n, 3n]); // → [1n, 0n, 4n, 2n]
 *
 * @throws RangeError when `total` is negative, a weight is negative, or every weight is 0.
 */
export function allocate(total: bigint, weights: readonly (Fraction | bigint)[]): bigint[] {
  if (total < ZERO) throw new RangeError(`${ALLOCATION_ERRORS.negativeTotal}, got ${total}`);
  // Scale every weight by the common denominator: the integer weights have the same ratios, so
  // the quotas — and the split — are the same, without a fraction per part.
  let common = ONE;
  for (let i = 0; i < weights.length; i++) {
    const x = weights[i];
    if (typeof x === 'bigint') {
      if (x < ZERO) throw new RangeError(`${ALLOCATION_ERRORS.negativeWeight}, weight ${i + 1} is ${x}/1`);
      continue;
    }
    if (x.num < ZERO) throw new RangeError(`${ALLOCATION_ERRORS.negativeWeight}, weight ${i + 1} is ${x.num}/${x.den}`);
    if (x.num !== ZERO && common % x.den !== ZERO) common = (common / gcd(common, x.den)) * x.den;
  }
  const scaled = weights.map((x) => (typeof x === 'bigint' ? x * common : x.num === ZERO ? ZERO : x.num * (common / x.den)));
  return allocateIntegers(total, scaled);
}


/**
 * {@link allocate} with whole-number weights (≥ 0): the quota of part i is total·wᵢ/Σw, so
 * floors and remainders are integer division over the one denominator Σw — what every
 * monthly split of a plan runs, with zero weights skipped.
 *
 * @example
 * allocateIntegers(7n, [2n, 0n, 5n, 3n]); // → [1n, 0n, 4n, 2n] (remainders 4, 0, 5, 1 tenths)
 *
 * @throws RangeError when `total` or a weight is negative, or every weight is 0.
 */
export function allocateIntegers(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < ZERO) throw new RangeError(`${ALLOCATION_ERRORS.negativeTotal}, got ${total}`);
  let sum = ZERO;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < ZERO) throw new RangeError(`${ALLOCATION_ERRORS.negativeWeight}, weight ${i + 1} is ${weights[i]}/1`);
    sum += weights[i];
  }
  if (sum === ZERO) throw new RangeError(ALLOCATION_ERRORS.noWeight);
  // Every quota total·wᵢ is at most total·Σw: when that is a safe integer, doubles do the same integer arithmetic exactly.
  if (sum <= MAX_SAFE && total * sum <= MAX_SAFE) return allocateSafeIntegers(Number(total), weights.map(Number)).map(BigInt);
  const parts: bigint[] = new Array(weights.length);
  const remainders: bigint[] = new Array(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === ZERO) {
      parts[i] = ZERO;
      remainders[i] = ZERO;
      continue;
    }
    const quota = total * weights[i];
    parts[i] = quota / sum;
    remainders[i] = quota % sum;
    left -= parts[i];
  }
  if (left === ZERO) return parts;
  // Stable sort by remainder, largest first: equal remainders keep their order (earlier first).
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) if (remainders[i] > ZERO) order.push(i);
  order.sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  for (const i of order) {
    if (left === ZERO) break;
    parts[i] += ONE;
    left -= ONE;
  }
  return parts;
}

/**
 * {@link allocateIntegers} on JavaScript numbers, for callers whose total·Σw is a safe integer
 * (checked): the same floors and remainders, computed exactly in doubles.
 *
 * @example
 * allocateSafeIntegers(40, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]); // → [4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3]
 *
 * @throws RangeError when `total` or a weight is negative or not whole, every weight is 0, or total·Σw is past 2⁵³ − 1.
 */
export function allocateSafeIntegers(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`${ALLOCATION_ERRORS.negativeTotal}, got ${total}`);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!Number.isSafeInteger(weights[i]) || weights[i] < 0) throw new RangeError(`${ALLOCATION_ERRORS.negativeWeight}, weight ${i + 1} is ${weights[i]}/1`);
    sum += weights[i];
  }
  if (sum === 0) throw new RangeError(ALLOCATION_ERRORS.noWeight);
  if (!Number.isSafeInteger(total * sum)) throw new RangeError(`allocateSafeIntegers: ${total} × ${sum} is past 2^53 − 1; use allocateIntegers`);
  const parts: number[] = new Array(weights.length);
  const remainders: number[] = new Array(weights.length);
  let left = total;
  for (let i = 0; i < weights.length; i++) {
    const quota = total * weights[i];
    const part = Math.floor(quota / sum);
    parts[i] = part;
    remainders[i] = quota - part * sum;
    left -= part;
  }
  if (left === 0) return parts;
  const order: number[] = [];
  for (let i = 0; i < weights.length; i++) if (remainders[i] > 0) order.push(i);
  order.sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; k < order.length && left > 0; k++) {
    parts[order[k]] += 1;
    left -= 1;
  }
  return parts;
}

/**
 * {@link allocate} for counts held as JavaScript numbers (safe integers), e.g. a stage's
 * annual count split over months by seasonality weights given as decimals.
 *
 * @example
 * // 365 won deals over twelve equal months: 30 each, and the five left over go to the
 * // first five months (equal remainders, earlier first).
 * allocateCount(365, Array(12).fill(1n)); // → [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30]
 */
export function allocateCount(total: number, weights: readonly (Fraction | bigint)[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`${ALLOCATION_ERRORS.negativeTotal}, got ${total}`);
  return allocate(BigInt(total), weights).map(Number);
}
