/**
 * A role's demand in FTE by month (design.md §9): its driver's work ÷ the capacity of one fully
 * ramped person — a stage's monthly work from the plan over the year (this year's part plus
 * next year's part, carry-in months after plan start included), the account base (existing
 * accounts plus this FY's won deals to date) — or, for managers and support roles, the heads of
 * the roles they count ÷ their span or ratio, or a fixed number.
 */
import { monthValue } from '../time/monthSeries';
import type { StageMonths } from '../time/planMonths';
import type { RoleDriver, ValidRole } from './headcountTypes';

/** The plan's monthly work where a driver reads it: stages by source and by channel, months as FY indexes. */
export interface WorkSource {
  readonly bySource: Readonly<Record<string, Readonly<Record<string, StageMonths>>>>;
  readonly byChannel: Readonly<Record<string, Readonly<Record<string, StageMonths>>>>;
  /** The won stage's id. */
  readonly wonStage: string;
}

/**
 * The work a stage or accounts driver counts in each month from plan start (FY month
 * `planStart`) for `months` months: a stage's this-year and next-year parts summed over the
 * driver's sources or channels; the account base as existing accounts plus the FY's won deals
 * up to and including the month (none before the FY starts). Undefined for span, ratio and
 * fixed drivers (they count people, not work).
 *
 * @example
 * // 12 SQLs a month for marketing (no lag), plan start two months before the FY:
 * driverWork({ kind: 'stage', stage: 'sql', sources: ['marketing'] }, work, -2, 4); // → [0, 0, 12, 12]
 * driverWork({ kind: 'accounts', existing: 40 }, work, -2, 4);                     // → [40, 40, 52, 64] (12 won a month)
 */
export function driverWork(driver: RoleDriver, work: WorkSource, planStart: number, months: number): number[] | undefined {
  if (driver.kind === 'stage') {
    const series = driver.sources.map((id) => (work.bySource[id] ?? work.byChannel[id])?.[driver.stage]).filter((s): s is StageMonths => s !== undefined);
    const out: number[] = [];
    for (let i = 0; i < months; i++) {
      let sum = 0;
      for (const s of series) sum += monthValue(s.thisYear, planStart + i) + monthValue(s.nextYear, planStart + i);
      out.push(sum);
    }
    return out;
  }
  if (driver.kind === 'accounts') {
    const won = Object.values(work.bySource).map((stages) => stages[work.wonStage]?.thisYear).filter((s) => s !== undefined);
    const out: number[] = [];
    let accounts = driver.existing;
    for (let t = 0; t < planStart; t++) for (const s of won) accounts += monthValue(s, t); // a plan starting inside the FY
    for (let i = 0; i < months; i++) {
      const t = planStart + i;
      if (t >= 0) for (const s of won) accounts += monthValue(s, t);
      out.push(accounts);
    }
    return out;
  }
  return undefined;
}

/**
 * Demand in FTE by month: work ÷ capacity for stage and accounts drivers; Σ heads of the
 * counted roles ÷ span (or ratio) — heads, not effective FTE: a manager manages the people,
 * ramping or not; the fixed number for a fixed driver.
 *
 * @example
 * // an SDR at 15 SQLs a month; an SDR manager with a span of 8 over the SDRs; a fixed CSO:
 * roleDemand(sdr, [150, 165], () => []);             // → [10, 11]
 * roleDemand(sdrManager, undefined, () => [16, 17]); // → [2, 2.125]
 * roleDemand(cso, undefined, () => [], 3);           // → [1, 1, 1]
 */
export function roleDemand(role: ValidRole, work: readonly number[] | undefined, headsOf: (id: string) => readonly number[], months = work?.length ?? 0): number[] {
  const driver = role.driver;
  if (driver.kind === 'stage' || driver.kind === 'accounts') return (work ?? []).map((w) => w / role.capacityPerMonth!);
  if (driver.kind === 'fixed') return new Array<number>(months).fill(driver.fte);
  const counted = driver.of.map(headsOf);
  const out: number[] = [];
  for (let i = 0; i < months; i++) {
    let heads = 0;
    for (const h of counted) heads += h[i] ?? 0;
    out.push(heads / driver.per);
  }
  return out;
}
