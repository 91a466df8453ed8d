/**
 * One way to split a whole number into parts that add back to it exactly: months of a stage,
 * channels of a source, buckets of a bonus pool, cents of a payout (design.md §7). Every
 * split in Funnel Planner goes through here, so they all follow the same stated rule.
 */
import { Fraction, compare, divide, floorFraction, fraction, multiply, subtract } from '../fraction';

/** Why a split is impossible; thrown as a RangeError with this text plus the values. */
export const ALLOCATION_ERRORS = {
  negativeTotal: 'allocate: the total must be a whole number ≥ 0',
  negativeWeight: 'allocate: weights must be ≥ 0',
  noWeight: 'allocate: at least one weight must be greater than 0',
} as const;

const ZERO = BigInt(0);
const ONE = BigInt(1);

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
  const w = weights.map((x) => (typeof x === 'bigint' ? fraction(x) : x));
  const bad = w.findIndex((x) => x.num < ZERO);
  if (bad >= 0) throw new RangeError(`${ALLOCATION_ERRORS.negativeWeight}, weight ${bad + 1} is ${w[bad].num}/${w[bad].den}`);
  const sum = w.reduce((s, x) => fraction(s.num * x.den + x.num * s.den, s.den * x.den), fraction(ZERO));
  if (sum.num === ZERO) throw new RangeError(ALLOCATION_ERRORS.noWeight);

  const quotas = w.map((x) => multiply(fraction(total), divide(x, sum)));
  const parts = quotas.map(floorFraction);
  let left = total - parts.reduce((s, p) => s + p, ZERO);
  if (left === ZERO) return parts;

  const remainders = quotas.map((q, i) => subtract(q, fraction(parts[i])));
  // Stable sort by remainder, largest first: equal remainders keep their order (earlier first).
  const order = remainders
    .map((_, i) => i)
    .filter((i) => remainders[i].num > ZERO)
    .sort((a, b) => compare(remainders[b], remainders[a]) || a - b);
  for (const i of order) {
    if (left === ZERO) break;
    parts[i] += ONE;
    left -= ONE;
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
