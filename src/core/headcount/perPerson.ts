/**
 * Per-person targets (issue "Org-role headcount"): a work-driven role's fiscal-year work per
 * effective FTE — "each SDR: 14.2 SQLs a month, 0.7 a working day". Ramping people count by
 * their productivity, so the target is what a fully ramped person carries. The CLI's hiring
 * plan and the report's show the same numbers.
 */
import type { RolePlan } from './headcountTypes';

/** What one effective FTE of a role carries over the fiscal year, on average. */
export interface PerPersonTarget {
  /** FY work ÷ FY effective FTE-months: a month's work per person (a stage driver), or the average book (accounts). */
  readonly perMonth: number;
  /** FY work ÷ Σ effective FTE × working days; undefined for the account base (a stock, not a flow) and without working days. */
  readonly perDay: number | undefined;
  /** True for an accounts driver: `perMonth` is the average number of accounts each person looks after. */
  readonly book: boolean;
}

/** The months of the plan a target reads: the FY's (from `fyFrom` to the end) and their working days. */
export interface PerPersonMonths {
  readonly fyFrom: number;
  readonly months: readonly string[];
  readonly workingDays: readonly number[];
}

/**
 * The role's FY target per effective FTE; undefined for a role not driven by work (span, ratio,
 * fixed), or with no work or no effective FTE in the FY.
 *
 * @example
 * // 40 SQLs a month over FY 2027 (261 working days); SDRs at 2.5 effective FTE in January, then 4:
 * perPersonTarget(sdrPlan, { fyFrom: 3, months, workingDays });
 * // → { perMonth: 480 / 46.5 = 10.32…, perDay: 480 / (2.5 × 21 + 4 × 240) = 0.474…, book: false }
 */
export function perPersonTarget(p: RolePlan, h: PerPersonMonths): PerPersonTarget | undefined {
  if (!p.work) return undefined;
  let work = 0;
  let fteMonths = 0;
  let fteDays = 0;
  for (let i = h.fyFrom; i < h.months.length; i++) {
    work += p.work[i];
    fteMonths += p.effective[i];
    fteDays += p.effective[i] * h.workingDays[i];
  }
  if (fteMonths <= 0 || work <= 0) return undefined;
  const book = p.role.driver.kind !== 'stage';
  return { perMonth: work / fteMonths, perDay: book || fteDays <= 0 ? undefined : work / fteDays, book };
}
