/**
 * The headcount plan (design.md §9): for every role, in dependency order, its demand from the
 * plan over the year, whole hires by start month (hiringPlan.ts), heads, effective FTE,
 * expected leavers, the ramp-up gap and cost by month; the totals; and the horizontal and
 * vertical structures side by side. Months run from plan start to the FY's last month.
 */
import { minorDigits } from '../money/money';
import type { ValidPlan } from '../planInput';
import { FiscalYearStart, calendarMonth, fiscalMonthIndex, monthKey } from '../time/fiscalYear';
import { workingDays as countWorkingDays } from '../time/workingDays';
import type { PlanTimeline } from '../time/planTimeline';
import { staffByMonth } from './cohorts';
import { defaultRoles, defaultVertical } from './defaultRoles';
import type { RolePlan, ValidHeadcount, ValidRole } from './headcountTypes';
import { covers, planHiring } from './hiringPlan';
import { driverWork, roleDemand, WorkSource } from './roleDemand';
import { roleOrder } from './roleOrder';
import { StructureComparison, compareStructures, verticalCapacity } from './structures';
import { roundMinor } from '../money/roundMinor';

/** Default plan start: this many months before the fiscal year. */
export const DEFAULT_MONTHS_BEFORE_FY = 3;

export interface HeadcountPlan {
  readonly start: FiscalYearStart;
  /** FY month index of the plan's first month (−3 by default). */
  readonly planStart: number;
  /** "YYYY-MM" from plan start to the FY's last month. */
  readonly months: readonly string[];
  /** Index in `months` of the FY's first month (0 when the plan starts inside the FY). */
  readonly fyFrom: number;
  /** Working days of each month (for per-day targets). */
  readonly workingDays: readonly number[];
  readonly currency: string;
  /** Decimals of the currency's minor unit (2 for cents). */
  readonly minorDigits: number;
  /** In the order the plan lists them. */
  readonly roles: readonly RolePlan[];
  readonly total: { readonly heads: readonly number[]; readonly costMinor: readonly number[] };
  /** Undefined when the plan has no vertical structure to compare. */
  readonly structures: StructureComparison | undefined;
}

/** A currency code minorDigits() does not know (not three letters) is counted in hundredths. */
function digitsOf(currency: string): number {
  return /^[A-Za-z]{3}$/.test(currency) ? minorDigits(currency) : 2;
}

/**
 * Heads × monthly cost in minor units, rounded half up. The product is read at 15 significant
 * digits first (as a spreadsheet's ROUND does), so that a typed decimal tie rounds up: one
 * person at 1.005 a month is 101 cents, where 1.005 × 100 = 100.49999999999999 in binary floating
 * point would round to 100 (design.md §3). Above 1e15 minor units a double has no cents to keep.
 *
 * @example
 * costMinorOf(1, 1.005, 100);   // → 101
 * costMinorOf(0.97, 8000, 100); // → 776000
 */
export function costMinorOf(heads: number, monthlyCost: number, scale: number): number {
  return roundMinor(heads * monthlyCost * scale);
}

/**
 * One role's plan from its demand: hires, then heads, effective FTE, leavers, shortfall and cost
 * recomputed from the hires by the cohort arithmetic (cohorts.ts), as a reader would check them.
 *
 * @example
 * planRole(sdr, [150, 165, 180, …], [10, 11, 12, …], 100);
 * // → { hires: [0, 3, 1, …], heads, effective, shortfall: [0.5, 0, …], costMinor: heads × 8,000 × 100, … }
 */
export function planRole(role: ValidRole, work: readonly number[] | undefined, demand: readonly number[], scale: number): RolePlan {
  const hiring = planHiring({ demand, current: role.current, ramp: role.ramp, attritionPerYear: role.attritionPerYear, hireLeadMonths: role.hireLeadMonths });
  const staff = staffByMonth(role.current, hiring.hires, role);
  const shortfall = demand.map((d, i) => (covers(staff.effective[i], d) ? 0 : d - staff.effective[i]));
  return {
    role,
    work,
    demand,
    hires: hiring.hires,
    heads: staff.heads,
    effective: staff.effective,
    leavers: staff.leavers,
    shortfall,
    costMinor: staff.heads.map((h) => costMinorOf(h, role.monthlyCost, scale)),
    earliestStart: hiring.earliestStart,
    firstCovered: hiring.firstCovered,
  };
}

/**
 * The plan's headcount over its months; undefined without a timeline (no fiscal year). A plan
 * with no `headcount` section gets the default roles from 3 months before its fiscal year.
 *
 * @example
 * // The seed plan over FY 2027 (no lag), default roles, plan start 2026-10:
 * const h = planHeadcount(plan, timeline)!;
 * h.months[0];                                        // → "2026-10"
 * h.roles.find((r) => r.role.id === 'sdr')!.hires;   // → whole SDR hires by month, none before 2026-11
 */
export function planHeadcount(plan: ValidPlan, timeline: PlanTimeline): HeadcountPlan {
  const headcount = headcountSection(plan);
  const start = timeline.start;
  const planStart = headcount.planStart ? fiscalMonthIndex(start, headcount.planStart.year, headcount.planStart.month) : -DEFAULT_MONTHS_BEFORE_FY;
  const count = 12 - planStart;
  const months = Array.from({ length: count }, (_, i) => monthKey(start, planStart + i));
  const holidays = new Set(plan.timing.holidays);
  const workingDays = months.map((_, i) => countWorkingDays(calendarMonth(start, planStart + i), holidays));
  const work: WorkSource = { bySource: timeline.bySource, byChannel: timeline.byChannel, wonStage: plan.stages[plan.stages.length - 1] };
  const digits = digitsOf(plan.currency);
  const scale = 10 ** digits;

  const byId = new Map<string, RolePlan>();
  const headsOf = (id: string) => byId.get(id)?.heads ?? [];
  const roleById = new Map(headcount.roles.map((r) => [r.id, r]));
  for (const id of headcount.order) {
    const role = roleById.get(id)!;
    const roleWork = driverWork(role.driver, work, planStart, count);
    byId.set(id, planRole(role, roleWork, roleDemand(role, roleWork, headsOf, count), scale));
  }
  const roles = headcount.roles.map((r) => byId.get(r.id)!);

  const heads = months.map((_, i) => roles.reduce((sum, r) => sum + r.heads[i], 0));
  const costMinor = months.map((_, i) => roles.reduce((sum, r) => sum + r.costMinor[i], 0));
  const fyFrom = Math.max(0, -planStart);

  let structures: StructureComparison | undefined;
  const vertical = headcount.vertical;
  if (vertical) {
    const replaced = vertical.replaces.map((id) => byId.get(id)!);
    const fullWork = driverWork(vertical.driver, work, planStart, count);
    const capacityPerMonth = vertical.capacityPerMonth ?? verticalCapacity(fullWork ?? [], replaced.map((p) => p.demand));
    const fullRole: ValidRole = { ...vertical, capacityPerMonth };
    const fullCycle = planRole(fullRole, fullWork, roleDemand(fullRole, fullWork, headsOf, count), scale);
    const shared = roles.filter((r) => r.role.driver.kind === 'accounts' && !vertical.replaces.includes(r.role.id));
    structures = compareStructures(replaced, fullCycle, shared, fyFrom);
  }

  return { start, planStart, months, fyFrom, workingDays, currency: plan.currency, minorDigits: digits, roles, total: { heads, costMinor }, structures };
}

/**
 * The plan's headcount section as used: as validated, or — for a plan built by hand without
 * one — the default roles and vertical from plan start by default.
 *
 * @example
 * headcountSection(plan).roles.map((r) => r.id); // → ['cso', 'marketingDirector', …, 'sdr', 'ae', 'csm', …] for a plan with no roles of its own
 */
export function headcountSection(plan: ValidPlan): ValidHeadcount {
  return plan.headcount ?? defaultSection(plan);
}

/** The section a plan without one gets: the default roles and vertical, plan start by default. */
function defaultSection(plan: ValidPlan): ValidHeadcount {
  const roles = defaultRoles({ stages: plan.stages, handoffStage: plan.handoffStage, sourceIds: plan.sources.map((s) => s.id) });
  const order = roleOrder(roles);
  return { planStart: undefined, roles, order: order.ok ? order.order : roles.map((r) => r.id), vertical: defaultVertical(roles) };
}
