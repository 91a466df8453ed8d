/**
 * Two ways to staff the same funnel (seed 004): horizontal — specialists per stage, SDR → AE →
 * CSM — and vertical — full-cycle reps who prospect, qualify and close, with the post-sale team
 * (CSM) the same in both. Side by side: heads at FY end, cost for the year, hires, the months
 * exposed to ramp, the months short, and the trade-off in words.
 */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { RolePlan } from './headcountTypes';

export interface StructureNumbers {
  /** Role ids counted in this structure. */
  readonly roles: readonly string[];
  /** Expected heads in the FY's last month. */
  readonly headsAtFyEnd: number;
  /** Cost of the FY's months, in minor units. */
  readonly yearCostMinor: number;
  /** Whole hires over the plan's months. */
  readonly hires: number;
  /** Months in which someone is still ramping (effective FTE below heads). */
  readonly rampMonths: number;
  /** Months in which some role of the structure is short. */
  readonly shortfallMonths: number;
}

export interface StructureComparison {
  readonly horizontal: StructureNumbers;
  readonly vertical: StructureNumbers;
  /** The full-cycle role's own plan. */
  readonly fullCycle: RolePlan;
}

/**
 * A full-cycle rep's capacity when the plan gives none: the replaced specialists' pace, i.e. the
 * work at the full-cycle driver over the plan's months ÷ the FTE-months the replaced roles'
 * demand adds up to — so a full-cycle team's demand equals the specialists' combined demand
 * (month by month when the mix of work is steady). 1 when there is no work to measure.
 *
 * @example
 * // 1,307 opportunities a year worked; SDRs need 196.5 FTE-months (2,948 SQLs ÷ 15), AEs 163.4 (1,307 ÷ 8):
 * verticalCapacity([1307], [[196.53], [163.38]]); // → 3.63 opportunities a month per full-cycle rep
 */
export function verticalCapacity(work: readonly number[], replacedDemand: readonly (readonly number[])[]): number {
  const total = work.reduce((a, b) => a + b, 0);
  const fteMonths = replacedDemand.reduce((sum, d) => sum + d.reduce((a, b) => a + b, 0), 0);
  return total > 0 && fteMonths > 0 ? total / fteMonths : 1;
}

/**
 * The numbers of one structure from its roles' plans; `fyFrom` is the month index of the FY's
 * first month in the plan's months (the last month is the FY's last).
 *
 * @example
 * structureNumbers([sdrPlan, aePlan, csmPlan], 3).headsAtFyEnd; // → Σ heads in the last month
 */
export function structureNumbers(plans: readonly RolePlan[], fyFrom: number): StructureNumbers {
  const months = plans[0]?.heads.length ?? 0;
  let rampMonths = 0;
  let shortfallMonths = 0;
  for (let i = 0; i < months; i++) {
    let ramping = 0;
    for (const p of plans) ramping += p.heads[i] - p.effective[i];
    if (ramping > 1e-9) rampMonths++;
    if (plans.some((p) => p.shortfall[i] > 0)) shortfallMonths++;
  }
  let yearCostMinor = 0;
  for (const p of plans) for (let i = Math.max(0, fyFrom); i < months; i++) yearCostMinor += p.costMinor[i];
  return {
    roles: plans.map((p) => p.role.id),
    headsAtFyEnd: plans.reduce((sum, p) => sum + (p.heads[months - 1] ?? 0), 0),
    yearCostMinor,
    hires: plans.reduce((sum, p) => sum + p.hires.reduce((a, b) => a + b, 0), 0),
    rampMonths,
    shortfallMonths,
  };
}

/**
 * Horizontal (the replaced specialists and the post-sale roles) against vertical (the
 * full-cycle reps and the same post-sale roles).
 *
 * @example
 * compareStructures([sdrPlan, aePlan], fullCyclePlan, [csmPlan], 3);
 * // → { horizontal: { roles: ['sdr', 'ae', 'csm'], … }, vertical: { roles: ['fullCycleRep', 'csm'], … }, fullCycle }
 */
export function compareStructures(replaced: readonly RolePlan[], fullCycle: RolePlan, shared: readonly RolePlan[], fyFrom: number): StructureComparison {
  return {
    horizontal: structureNumbers([...replaced, ...shared], fyFrom),
    vertical: structureNumbers([fullCycle, ...shared], fyFrom),
    fullCycle,
  };
}

/**
 * The trade-off in words, from the numbers: which structure needs fewer people and costs less
 * this year, which is exposed to ramp longer, and what each asks of hiring (seed 004). Heads
 * read with one decimal (expected values); `money` formats an amount of minor units.
 *
 * @example
 * tradeOff(comparison, 'en', (minor) => `USD ${minor / 100}`);
 * // → "Vertical: 31.2 heads at FY end against 34.6 in the horizontal structure, USD 120000 more for the year, …"
 */
export function tradeOff(comparison: StructureComparison, lang: Lang, money: (minor: number) => string): string {
  const t = messages(lang).headcount;
  const { horizontal: h, vertical: v } = comparison;
  return t.tradeOff({
    horizontalHeads: h.headsAtFyEnd.toFixed(1),
    verticalHeads: v.headsAtFyEnd.toFixed(1),
    costDifference: money(Math.abs(v.yearCostMinor - h.yearCostMinor)),
    verticalCheaper: v.yearCostMinor < h.yearCostMinor,
    sameCost: v.yearCostMinor === h.yearCostMinor,
    horizontalRampMonths: h.rampMonths,
    verticalRampMonths: v.rampMonths,
  });
}
