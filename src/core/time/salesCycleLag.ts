/**
 * The sales-cycle lag of a stage (design.md §7): q(j), the share of deals won j whole calendar
 * months after the record reached the stage. Measured from a CRM export's won records, or,
 * from typed stage days, all at one month: j = round-half-up(days to won / 30.4375).
 */
import { Fraction, add, divide, floorFraction, fraction, fractionFromDecimalText } from '../fraction';

/** q(j) for j = 0, 1, 2 …: non-negative weights with a positive sum (need not be normalised). */
export type LagDistribution = readonly Fraction[];

/** Every deal won in the month the stage was reached. */
export const NO_LAG: LagDistribution = [fraction(BigInt(1))];

/** The average Gregorian month: 365.2425 / 12 = 30.436875, rounded as design.md §7 fixes it. */
const DAYS_PER_MONTH = fraction(BigInt(487), BigInt(16)); // 30.4375

/**
 * Whole months of lag for `days` from a stage to won, rounded half up: 45 days is 1.48
 * months → 1; 46 days is 1.51 → 2.
 *
 * @example
 * lagMonths(45);    // → 1
 * lagMonths(46);    // → 2
 * lagMonths(15.25); // → 1 (15.25 / 30.4375 = 0.501…)
 * lagMonths(0);     // → 0
 */
export function lagMonths(days: number | Fraction): number {
  const exact = typeof days === 'number' ? fractionFromDecimalText(String(days)) : days;
  if (!exact || exact.num < BigInt(0)) throw new RangeError(`lagMonths: expected days ≥ 0, got ${String(days)}`);
  return Number(floorFraction(add(divide(exact, DAYS_PER_MONTH), fraction(BigInt(1), BigInt(2)))));
}

/**
 * The lag of each stage from typed stage days: lag_k = Σ days from stage k to won (the
 * stage's own days to the next stage, and every later stage's), all deals at one month.
 *
 * @param stages the plan's stages, won last
 * @param stageDays median days from each stage to the next, keyed by the from-stage; a
 *   missing stage counts 0 days
 * @example
 * // lead 20 days to MQL, MQL 10 to SQL, SQL 30 to opportunity, opportunity 45 to won:
 * // opportunity 45 d → 1 month, SQL 75 d → 2, MQL 85 d → 3 (2.79), lead 105 d → 3 (3.45)
 * lagsFromStageDays(['lead', 'mql', 'sql', 'opportunity', 'won'], { lead: 20, mql: 10, sql: 30, opportunity: 45 })
 * // → { lead: [0, 0, 0, 1], mql: [0, 0, 0, 1], sql: [0, 0, 1], opportunity: [0, 1], won: [1] } (as fractions)
 */
export function lagsFromStageDays(stages: readonly string[], stageDays: Readonly<Record<string, number | Fraction>>): Record<string, LagDistribution> {
  const lags: Record<string, LagDistribution> = {};
  let days = fraction(BigInt(0));
  for (let k = stages.length - 1; k >= 0; k--) {
    if (k < stages.length - 1) {
      const own = stageDays[stages[k]];
      const exact = own === undefined ? fraction(BigInt(0)) : typeof own === 'number' ? fractionFromDecimalText(String(own)) : own;
      if (!exact || exact.num < BigInt(0)) throw new RangeError(`lagsFromStageDays: ${stages[k]}: expected days ≥ 0, got ${String(own)}`);
      days = add(days, exact);
    }
    const j = lagMonths(days);
    lags[stages[k]] = [...Array.from({ length: j }, () => fraction(BigInt(0))), fraction(BigInt(1))];
  }
  return lags;
}

/**
 * A measured lag: `counts[j]` won records reached the stage j calendar months before they
 * were won. Trailing zeros are dropped; an empty or all-zero count is no lag (NO_LAG), since
 * there is nothing to spread by.
 *
 * @example
 * lagFromCounts([2, 5, 3, 0]); // → [2, 5, 3] as fractions: 20 % same month, 50 % one month later, 30 % two
 */
export function lagFromCounts(counts: readonly number[]): LagDistribution {
  let last = counts.length - 1;
  while (last >= 0 && counts[last] === 0) last--;
  if (last < 0) return NO_LAG;
  return counts.slice(0, last + 1).map((n) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`lagFromCounts: expected whole counts ≥ 0, got ${n}`);
    return fraction(BigInt(n));
  });
}
