/**
 * Whole hires by start month for one role (design.md §9): no hire before the earliest start
 * E = plan start + hiring lead time; every covered month — from E + the ramp's length on, the
 * first month a new hire could be fully productive — has effective FTE ≥ demand; the months
 * before are the ramp-up gap, reported as shortfall and never hired away. The plan is minimal:
 * no hire can be removed, or start a month later, without opening a shortfall in a covered month.
 *
 * FTE are real numbers (attrition makes expected heads fractional), so "effective ≥ demand" is
 * read with a tolerance: 1e-9 FTE, or 1e-12 of the demand above 1,000 FTE — 14.999999999999998
 * effective FTE cover a demand of 15 (the difference is rounding in the sums, not a missing
 * person). A double carries 16 digits and a month's sum has a few dozen terms, so rounding stays
 * near 1e-14 of the amount; the tolerance is a hundred times that, and a billionth of a person
 * below any real shortfall.
 */
import { CohortParams, cohortWeights } from './cohorts';

/** Absolute tolerance of the coverage test, in FTE. */
export const FTE_TOLERANCE = 1e-9;
/** Relative tolerance of the coverage test, for demands above 1,000 FTE. */
export const FTE_RELATIVE_TOLERANCE = 1e-12;

/** The least effective FTE that cover `demand`. */
function threshold(demand: number): number {
  return demand - Math.max(FTE_TOLERANCE, FTE_RELATIVE_TOLERANCE * Math.abs(demand));
}

/**
 * Whether `effective` FTE cover `demand`, up to the tolerance ({@link FTE_TOLERANCE} FTE, or
 * {@link FTE_RELATIVE_TOLERANCE} of a demand above 1,000 FTE).
 *
 * @example
 * covers(14.999999999999998, 15); // → true  (floating-point rounding)
 * covers(14.99, 15);              // → false (0.01 FTE short)
 * covers(0, 0);                   // → true
 */
export function covers(effective: number, demand: number): boolean {
  return effective >= threshold(demand);
}

export interface HiringInput extends CohortParams {
  /** Demand in FTE by month from plan start. */
  readonly demand: readonly number[];
  /** Ramped people at plan start. */
  readonly current: number;
  readonly hireLeadMonths: number;
}

export interface HiringPlan {
  /** Whole hires by start month. */
  readonly hires: readonly number[];
  /** The first month a hire can start (may be past the last month: no hire possible). */
  readonly earliestStart: number;
  /** The first covered month: earliest start + ramp length. */
  readonly firstCovered: number;
}

/** Effective FTE in month m of `hires`, summed in staffByMonth's order (cohorts.ts). */
function effectiveAt(m: number, current: number, hires: readonly number[], headsW: readonly number[], effW: readonly number[]): number {
  let e = current * headsW[m];
  for (let s = 0; s <= m; s++) if (hires[s] !== 0) e += hires[s] * effW[m - s];
  return e;
}

/**
 * The hiring plan of one role: a greedy pass over the covered months in order, each deficit
 * closed by the fewest hires and, for that number, the latest start that closes it; then
 * hires are removed, or moved a month later, while every covered month stays covered, until
 * none can be (so the result is minimal by construction, not by luck).
 *
 * @example
 * // 2 ramped SDRs, demand 2 → 3 FTE from month 4 on, ramp 25/50/75 %, no attrition, 1 month lead:
 * // E = 1, covered from month 4. One hire started in month 1 is fully ramped by month 4; started
 * // in month 2 it would give 0.75 there, 0.25 short. For 2.5 FTE it would start in month 2.
 * planHiring({ demand: [2, 2, 2, 2, 3, 3], current: 2, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0, hireLeadMonths: 1 });
 * // → { hires: [0, 1, 0, 0, 0, 0], earliestStart: 1, firstCovered: 4 }
 * planHiring({ demand: [2, 2, 2, 2, 2.5, 2.5], current: 2, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0, hireLeadMonths: 1 });
 * // → { hires: [0, 0, 0, 1, 0, 0], … } (started in month 3 it gives 0.5 in month 4: enough, and the latest start that is)
 */
export function planHiring(input: HiringInput): HiringPlan {
  const months = input.demand.length;
  const earliestStart = input.hireLeadMonths;
  const firstCovered = earliestStart + input.ramp.length;
  const hires: number[] = new Array<number>(months).fill(0);
  if (firstCovered >= months) return { hires, earliestStart, firstCovered };

  const { heads: headsW, effective: effW } = cohortWeights(input, months);
  const { current, demand } = input;
  const eff = (m: number) => effectiveAt(m, current, hires, headsW, effW);
  const need = (m: number) => threshold(demand[m]);
  const coveredFrom = (from: number) => {
    for (let m = Math.max(from, firstCovered); m < months; m++) if (!covers(eff(m), demand[m])) return false;
    return true;
  };
  /** Applies `change` for the largest n ≤ `bound` (at least 1 is tried) that keeps the months from `from` on covered; returns n or 0. */
  const largestThatKeepsCover = (bound: number, from: number, change: (n: number) => void): number => {
    for (let n = Math.max(1, bound); n > 0; n = Math.min(n - 1, bound)) {
      change(n);
      if (coveredFrom(from)) return n;
      change(-n);
    }
    return 0;
  };

  // Greedy: each covered month in order, its deficit closed by the fewest hires, started as late as that count allows.
  for (let m = firstCovered; m < months; m++) {
    for (let short = need(m) - eff(m); short > 0; short = need(m) - eff(m)) {
      let bestStart = m;
      for (let s = m; s >= earliestStart; s--) if (effW[m - s] > effW[m - bestStart]) bestStart = s;
      const count = Math.max(1, Math.ceil(short / effW[m - bestStart]));
      let start = bestStart;
      for (let s = m; s > bestStart; s--) {
        if (count * effW[m - s] >= short) {
          start = s;
          break;
        }
      }
      hires[start] += count; // rounding in the sum can leave a hair short: the loop looks again
    }
  }

  // Pruning: remove, or move a month later, as many hires as the covered months allow, until nothing moves.
  for (let changed = true; changed; ) {
    changed = false;
    for (let s = months - 1; s >= earliestStart; s--) {
      if (hires[s] === 0) continue;
      // Remove: each covered month m ≥ s loses effW[m − s] per hire; its slack bounds how many can go.
      let bound = hires[s];
      for (let m = Math.max(s, firstCovered); m < months && bound > 0; m++) {
        if (effW[m - s] > 0) bound = Math.min(bound, Math.floor((eff(m) - need(m)) / effW[m - s]));
      }
      if (largestThatKeepsCover(Math.min(bound, hires[s]), s, (n) => (hires[s] -= n)) > 0) changed = true;
      if (hires[s] === 0 || s + 1 >= months) continue; // past the last month "later" is "removed", tried above
      // Move later: month s loses effW[0] per hire moved, month m > s gains effW[m − s − 1] − effW[m − s].
      bound = hires[s];
      for (let m = Math.max(s, firstCovered); m < months && bound > 0; m++) {
        const delta = (m > s ? effW[m - s - 1] : 0) - effW[m - s];
        if (delta < 0) bound = Math.min(bound, Math.floor((eff(m) - need(m)) / -delta));
      }
      const moved = largestThatKeepsCover(Math.min(bound, hires[s]), s, (n) => {
        hires[s] -= n;
        hires[s + 1] += n;
      });
      if (moved > 0) changed = true;
    }
  }
  return { hires, earliestStart, firstCovered };
}
