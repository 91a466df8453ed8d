/**
 * The headcount plan as JSON for machines (`plan --json`, issue "Org-role headcount"):
 * `headcount.months` from plan start to the FY's end; per role its demand, heads, effective FTE
 * and cost by month, whole hires for every month, shortfall only in the months short, the cost
 * of the FY and the parameters as used; the totals; and the two structures side by side.
 * Money is rounded to the currency's minor unit per role and month, so every sum adds up exactly.
 */
import { monthKey } from '../time/fiscalYear';
import type { RoleDriver, RolePlan } from './headcountTypes';
import { FTE_RELATIVE_TOLERANCE, FTE_TOLERANCE } from './hiringPlan';
import type { HeadcountPlan } from './planHeadcount';
import { roleName } from './roleName';
import type { StructureNumbers } from './structures';

export type MonthValues = Record<string, number>;

export type DriverJson =
  | { stage: string; sources: string[] }
  | { accounts: number }
  | { span: number; of: string[] }
  | { ratio: number; of: string[] }
  | { fixed: number };

export interface RoleJson {
  name: string;
  driver: DriverJson;
  /** Null for span, ratio and fixed drivers (their demand is already in people). */
  capacityPerMonth: number | null;
  ramp: number[];
  attritionPerYear: number;
  hireLeadMonths: number;
  monthlyCost: number;
  current: number;
  /** The first month a hire can start; null when that is past the FY. */
  earliestStart: string | null;
  /** The first month that must be covered (earliest start + ramp length); null when past the FY. */
  firstCoveredMonth: string | null;
  demandFte: MonthValues;
  heads: MonthValues;
  effectiveFte: MonthValues;
  cost: MonthValues;
  /** Every month, 0 where nobody starts. */
  hires: MonthValues;
  /** Only the months short (demand − effective FTE). */
  shortfall: MonthValues;
  /** Expected leavers in each month: what backfills replace. */
  leavers: MonthValues;
  /** The driver's work per effective FTE (stage and accounts drivers), months with effective FTE. */
  perFte?: MonthValues;
  /** A stage's work per effective FTE and working day (Mon–Fri less holidays), months with both. */
  perFteDay?: MonthValues;
  /** Cost of the FY's months. */
  yearCost: number;
}

export interface StructureJson {
  roles: string[];
  headsAtFyEnd: number;
  yearCost: number;
  hires: number;
  rampMonths: number;
  shortfallMonths: number;
}

export interface HeadcountJson {
  planStart: string;
  months: string[];
  /** "Effective FTE ≥ demand" holds up to `fte` FTE, or `relative` × the demand when that is more (hiringPlan.ts). */
  tolerance: { fte: number; relative: number };
  roles: Record<string, RoleJson>;
  total: { heads: MonthValues; cost: MonthValues; yearCost: number };
  structures: { horizontal: StructureJson; vertical: StructureJson & { role: RoleJson } } | null;
}

function driverJson(driver: RoleDriver): DriverJson {
  switch (driver.kind) {
    case 'stage':
      return { stage: driver.stage, sources: [...driver.sources] };
    case 'accounts':
      return { accounts: driver.existing };
    case 'span':
      return { span: driver.per, of: [...driver.of] };
    case 'ratio':
      return { ratio: driver.per, of: [...driver.of] };
    case 'fixed':
      return { fixed: driver.fte };
  }
}

function byMonth(h: HeadcountPlan, values: readonly number[], keep: (v: number, i: number) => boolean = () => true): MonthValues {
  const out: MonthValues = {};
  h.months.forEach((key, i) => {
    if (keep(values[i], i)) out[key] = values[i];
  });
  return out;
}

function money(h: HeadcountPlan, minor: number): number {
  return minor / 10 ** h.minorDigits;
}

function fyMinor(h: HeadcountPlan, minor: readonly number[]): number {
  let sum = 0;
  for (let i = h.fyFrom; i < minor.length; i++) sum += minor[i];
  return sum;
}

function roleJson(h: HeadcountPlan, p: RolePlan): RoleJson {
  const r = p.role;
  const monthOf = (i: number) => (i < h.months.length ? monthKey(h.start, h.planStart + i) : null);
  const work = p.work;
  const perFte = work && {
    perFte: byMonth(
      h,
      work.map((w, i) => w / p.effective[i]),
      (_v, i) => p.effective[i] > 0,
    ),
    ...(r.driver.kind === 'stage'
      ? {
          perFteDay: byMonth(
            h,
            work.map((w, i) => w / p.effective[i] / h.workingDays[i]),
            (_v, i) => p.effective[i] > 0 && h.workingDays[i] > 0,
          ),
        }
      : {}),
  };
  return {
    name: roleName(r, 'en'),
    driver: driverJson(r.driver),
    capacityPerMonth: r.capacityPerMonth ?? null,
    ramp: [...r.ramp],
    attritionPerYear: r.attritionPerYear,
    hireLeadMonths: r.hireLeadMonths,
    monthlyCost: r.monthlyCost,
    current: r.current,
    earliestStart: monthOf(p.earliestStart),
    firstCoveredMonth: monthOf(p.firstCovered),
    demandFte: byMonth(h, p.demand),
    heads: byMonth(h, p.heads),
    effectiveFte: byMonth(h, p.effective),
    cost: byMonth(h, p.costMinor.map((c) => money(h, c))),
    hires: byMonth(h, p.hires),
    shortfall: byMonth(h, p.shortfall, (v) => v > 0),
    leavers: byMonth(h, p.leavers),
    ...(perFte ?? {}),
    yearCost: money(h, fyMinor(h, p.costMinor)),
  };
}

function structureJson(h: HeadcountPlan, s: StructureNumbers): StructureJson {
  return {
    roles: [...s.roles],
    headsAtFyEnd: s.headsAtFyEnd,
    yearCost: money(h, s.yearCostMinor),
    hires: s.hires,
    rampMonths: s.rampMonths,
    shortfallMonths: s.shortfallMonths,
  };
}

/**
 * The headcount plan's JSON.
 *
 * @example
 * const json = headcountToJson(planHeadcount(plan, timeline));
 * json.months[0];                  // → "2026-10" (3 months before an FY starting 2027-01)
 * json.roles.sdr.hires['2026-10']; // → 0 (a hire starts after the 1-month lead time at the earliest)
 * json.total.yearCost;             // → Σ roles' yearCost, to the cent
 */
export function headcountToJson(h: HeadcountPlan): HeadcountJson {
  const roles: Record<string, RoleJson> = {};
  for (const p of h.roles) roles[p.role.id] = roleJson(h, p);
  const s = h.structures;
  return {
    planStart: h.months[0],
    months: [...h.months],
    tolerance: { fte: FTE_TOLERANCE, relative: FTE_RELATIVE_TOLERANCE },
    roles,
    total: {
      heads: byMonth(h, h.total.heads),
      cost: byMonth(h, h.total.costMinor.map((c) => money(h, c))),
      yearCost: money(h, fyMinor(h, h.total.costMinor)),
    },
    structures: s
      ? {
          horizontal: structureJson(h, s.horizontal),
          vertical: { ...structureJson(h, s.vertical), role: roleJson(h, s.fullCycle) },
        }
      : null,
  };
}

