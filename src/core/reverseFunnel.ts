/**
 * The reverse funnel (design.md §3), exact for decimal inputs:
 *
 *     revenue_s = revenueTarget × share_s
 *     won_s     = ceil(revenue_s / avgDealSize_s)
 *     N_k       = ceil(N_(k+1) / rate_k)   from the stage above won up to the entry stage
 *     N_k       = 0                        above the entry stage
 *
 * Example (the seed's 40% case): 10,000,000 × 0.4 = 4,000,000; / 25,000 = 160 won;
 * / 0.25 = 640 opportunities; / 0.5 = 1,280 SQLs; / 0.4 = 3,200 MQLs; / 0.25 = 12,800 leads.
 */
import { Fraction, multiply } from './fraction';

/** The tolerances as 1/scale: relative 10^−12, absolute 10^−6. */
const RELATIVE_TOLERANCE_SCALE = BigInt(10) ** BigInt(12);
const ABSOLUTE_TOLERANCE_SCALE = BigInt(1_000_000);
const ZERO = BigInt(0);
const ONE = BigInt(1);

/**
 * Rounds a quotient up to a whole count, except that one within 1e-12 (relative, at most
 * 1e-6) above a whole number is that number — the rule the workbook's live formulas must use
 * (workbook/formulas.ts: a spreadsheet has only doubles), so the engine, the cached values
 * and a recalculating spreadsheet always agree. A true excess that small needs inputs of 13+
 * significant digits (a rate typed as 0.33333333333333 means 1/3 to anyone).
 *
 * @example
 * ceilAsSheets(fraction(5700n, 57n));                   // → 100n (exactly 100)
 * ceilAsSheets(fraction(4_300_000_00n, 20_476_19n));    // → 211n (210.0000049: a real excess)
 * ceilAsSheets(divide(fraction(1000n), fraction(33333333333333n, 10n ** 14n))); // → 3000n, not 3001n
 */
export function ceilAsSheets(q: Fraction): bigint {
  return ceilQuotientAsSheets(q.num, q.den);
}

/**
 * {@link ceilAsSheets} of num/den (den > 0), in lowest terms or not: with whole = ⌊num/den⌋ and
 * r = num − whole·den, the excess r/den is within min(|q|·10^−12, 10^−6) exactly when
 * r·10^12 ≤ |num| and r·10^6 ≤ den — the same test, scale-free, with no fraction to reduce.
 */
function ceilQuotientAsSheets(num: bigint, den: bigint): bigint {
  let whole = num / den; // truncates toward zero
  let r = num - whole * den;
  if (r < ZERO) {
    whole -= ONE;
    r += den;
  }
  if (r === ZERO) return whole;
  const size = num < ZERO ? -num : num;
  return r * RELATIVE_TOLERANCE_SCALE <= size && r * ABSOLUTE_TOLERANCE_SCALE <= den ? whole : whole + ONE;
}

export interface ReverseSourceInput {
  readonly share: Fraction;
  readonly avgDealSize: Fraction;
  readonly entryStage: string;
  /** Looked up only for stages from the entry stage down to the one above won. */
  readonly rate: (stage: string) => Fraction;
}

export interface ReverseSourceCounts {
  /** revenueTarget × share, exact. */
  readonly revenue: Fraction;
  /** Count per stage, in the order of `stages`; 0 above the entry stage. */
  readonly counts: readonly bigint[];
}


/**
 * One source's counts per stage, worked backwards from the revenue target (the formulas above).
 *
 * @example
 * // The seed's marketing source: 40% of 10,000,000 at 25,000 a deal, rates 25% / 40% / 50% / 25%.
 * const rates: Record<string, Fraction> = { lead: fraction(1n, 4n), mql: fraction(2n, 5n), sql: fraction(1n, 2n), opportunity: fraction(1n, 4n) };
 * reverseSource(fraction(10_000_000n), ['lead', 'mql', 'sql', 'opportunity', 'won'], {
 *   share: fraction(2n, 5n), avgDealSize: fraction(25_000n), entryStage: 'lead', rate: (stage) => rates[stage],
 * });
 * // → { revenue: 4000000/1, counts: [12800n, 3200n, 1280n, 640n, 160n] }
 */
export function reverseSource(
  revenueTarget: Fraction,
  stages: readonly string[],
  source: ReverseSourceInput,
): ReverseSourceCounts {
  const revenue = multiply(revenueTarget, source.share);
  const counts: bigint[] = stages.map(() => ZERO);
  const wonIndex = stages.length - 1;
  const entryIndex = stages.indexOf(source.entryStage);
  counts[wonIndex] = ceilQuotient(revenue, source.avgDealSize);
  for (let k = wonIndex - 1; k >= entryIndex; k--) {
    counts[k] = ceilQuotient({ num: counts[k + 1], den: ONE }, source.rate(stages[k]));
  }
  return { revenue, counts };
}

/** ceilAsSheets(divide(a, b)), without reducing the quotient (the rounding does not depend on it). */
function ceilQuotient(a: Fraction, b: Fraction): bigint {
  if (b.num === ZERO) throw new RangeError('divide: division by zero');
  return b.num < ZERO ? ceilQuotientAsSheets(-a.num * b.den, a.den * -b.num) : ceilQuotientAsSheets(a.num * b.den, a.den * b.num);
}
