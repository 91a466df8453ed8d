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
import { Fraction, ceilFraction, divide, fraction, multiply } from './fraction';

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

const ZERO = BigInt(0);

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
  counts[wonIndex] = ceilFraction(divide(revenue, source.avgDealSize));
  for (let k = wonIndex - 1; k >= entryIndex; k--) {
    counts[k] = ceilFraction(divide(fraction(counts[k + 1]), source.rate(stages[k])));
  }
  return { revenue, counts };
}
