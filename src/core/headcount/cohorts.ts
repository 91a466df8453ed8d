/**
 * People by hiring cohort (design.md §9): a cohort of n hired in month s has n·(1 − a_m)^(m−s)
 * people in month m (expected value, a_m the monthly attrition) and n·(1 − a_m)^(m−s)·ramp(m−s)
 * effective FTE; current staff are a cohort already ramped at plan start. Months are indexes
 * from plan start (0 = the plan's first month).
 */

/** One role's people parameters, as the cohort arithmetic uses them. */
export interface CohortParams {
  /** Productivity by tenure month, month 0 = the start month; 1 after the list. */
  readonly ramp: readonly number[];
  readonly attritionPerYear: number;
}

/** Heads, effective FTE and expected leavers by month. */
export interface Staffing {
  readonly heads: readonly number[];
  readonly effective: readonly number[];
  /** People expected to leave during each month (heads of the month before × monthly attrition): what backfills replace. */
  readonly leavers: readonly number[];
}

/**
 * The share of people still there one month later: (1 − a)^(1/12), so that twelve months keep
 * exactly 1 − a of them; the monthly attrition is 1 minus this.
 *
 * @example
 * monthlyRetention(0.3);  // → 0.97071… (a_m = 2.93 % a month; 0.97071^12 = 0.7)
 * monthlyRetention(0);    // → 1
 */
export function monthlyRetention(attritionPerYear: number): number {
  return attritionPerYear === 0 ? 1 : Math.pow(1 - attritionPerYear, 1 / 12);
}

/**
 * Productivity in tenure month `k` (0 = the start month): the ramp's entry, 1 after the list.
 *
 * @example
 * rampAt([0.25, 0.5, 0.75], 0); // → 0.25
 * rampAt([0.25, 0.5, 0.75], 3); // → 1
 * rampAt([], 0);                // → 1 (productive at once)
 */
export function rampAt(ramp: readonly number[], k: number): number {
  return k < ramp.length ? ramp[k] : 1;
}

/**
 * What one hire contributes by tenure month k = 0…months−1: `heads[k]` = r^k people and
 * `effective[k]` = r^k·ramp(k) FTE, r the monthly retention.
 *
 * @example
 * cohortWeights({ ramp: [0.5], attritionPerYear: 0 }, 3);
 * // → { heads: [1, 1, 1], effective: [0.5, 1, 1] }
 */
export function cohortWeights(params: CohortParams, months: number): { heads: number[]; effective: number[] } {
  const r = monthlyRetention(params.attritionPerYear);
  const heads: number[] = [];
  const effective: number[] = [];
  for (let k = 0; k < months; k++) {
    const kept = r === 1 ? 1 : Math.pow(r, k);
    heads.push(kept);
    effective.push(kept * rampAt(params.ramp, k));
  }
  return { heads, effective };
}

/**
 * Heads, effective FTE and leavers by month from the current staff and whole hires by start
 * month (`hires[s]` people start in month s). Sums run in one fixed order — current staff
 * first, then cohorts by start month — so the hiring plan's checks and this report agree to
 * the last bit.
 *
 * @example
 * // 2 ramped SDRs at plan start, 1 hire in month 1, ramp 25/50/75 %, no attrition:
 * staffByMonth(2, [0, 1, 0, 0, 0], { ramp: [0.25, 0.5, 0.75], attritionPerYear: 0 });
 * // → heads [2, 3, 3, 3, 3], effective [2, 2.25, 2.5, 2.75, 3], leavers [0, 0, 0, 0, 0]
 */
export function staffByMonth(current: number, hires: readonly number[], params: CohortParams): Staffing {
  const months = hires.length;
  const w = cohortWeights(params, months);
  const r = monthlyRetention(params.attritionPerYear);
  const heads: number[] = [];
  const effective: number[] = [];
  const leavers: number[] = [];
  for (let m = 0; m < months; m++) {
    let h = current * w.heads[m];
    let e = h;
    for (let s = 0; s <= m; s++) {
      if (hires[s] === 0) continue;
      h += hires[s] * w.heads[m - s];
      e += hires[s] * w.effective[m - s];
    }
    heads.push(h);
    effective.push(e);
    leavers.push(m === 0 ? 0 : heads[m - 1] * (1 - r));
  }
  return { heads, effective, leavers };
}
