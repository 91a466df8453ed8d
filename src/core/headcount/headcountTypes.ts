/**
 * The validated `headcount` section of a plan (readHeadcount.ts reads it, defaultRoles.ts
 * supplies what it leaves out): roles with their driver, capacity, ramp, attrition, hiring lead
 * time and cost, the first month a hire can be made, and the vertical structure to compare.
 */
import type { FiscalYearStart } from '../time/fiscalYear';

/** What a role's demand follows (design.md §9). */
export type RoleDriver =
  /** A stage's monthly work (this year's part + next year's part) over sources or channels. */
  | { readonly kind: 'stage'; readonly stage: string; readonly sources: readonly string[] }
  /** The account base: `existing` accounts plus this FY's won deals to date. */
  | { readonly kind: 'accounts'; readonly existing: number }
  /** Heads of other roles ÷ `per` (a manager's span of control). */
  | { readonly kind: 'span'; readonly per: number; readonly of: readonly string[] }
  /** Heads of other roles ÷ `per` (a support role's ratio). */
  | { readonly kind: 'ratio'; readonly per: number; readonly of: readonly string[] }
  /** A fixed number of FTE every month. */
  | { readonly kind: 'fixed'; readonly fte: number };

export interface ValidRole {
  readonly id: string;
  /** As the user wrote it; undefined: the catalogue's name for a default role, else the id. */
  readonly name: string | undefined;
  readonly driver: RoleDriver;
  /** Work one fully ramped person does in a month, in the driver's unit; undefined for span, ratio and fixed (their demand is already in people). */
  readonly capacityPerMonth: number | undefined;
  /** Productivity by tenure month (month 0 = the start month), 1 after the list. */
  readonly ramp: readonly number[];
  /** Share of the role's people who leave in a year, 0 ≤ a < 1. */
  readonly attritionPerYear: number;
  /** Months from plan start to the first month a new hire can start. */
  readonly hireLeadMonths: number;
  /** Fully loaded cost of one person for a month. */
  readonly monthlyCost: number;
  /** People in the role at plan start, already ramped. */
  readonly current: number;
}

/** Full-cycle reps who prospect, qualify and close (seed 004's vertical structure), in place of `replaces`. */
export interface ValidVertical extends Omit<ValidRole, 'capacityPerMonth'> {
  /** Undefined: the replaced roles' pace (see structures.ts). */
  readonly capacityPerMonth: number | undefined;
  /** The horizontal roles the full-cycle reps take over (default SDR and AE). */
  readonly replaces: readonly string[];
}

export interface ValidHeadcount {
  /** The first month a hire can be made; undefined: 3 months before the fiscal year. */
  readonly planStart: FiscalYearStart | undefined;
  /** In the order written (or the default roles' order). */
  readonly roles: readonly ValidRole[];
  /** Role ids in an order where every span or ratio role comes after the roles it counts. */
  readonly order: readonly string[];
  /** Null when there is nothing to compare (no role to replace) or the plan says `"vertical": null`. */
  readonly vertical: ValidVertical | null;
}

/** One role's hiring plan, month by month from plan start (planHeadcount.ts). */
export interface RolePlan {
  /** As used: a vertical's derived capacity filled in. */
  readonly role: ValidRole;
  /** The driver's work by month (stage and accounts drivers), in its unit. */
  readonly work: readonly number[] | undefined;
  readonly demand: readonly number[];
  /** Whole hires by start month. */
  readonly hires: readonly number[];
  readonly heads: readonly number[];
  readonly effective: readonly number[];
  readonly leavers: readonly number[];
  /** Demand − effective FTE where effective FTE fall short (only ever in the ramp-up gap), else 0. */
  readonly shortfall: readonly number[];
  /** Heads × monthly cost, in minor units (cents) of the plan's currency, rounded half up. */
  readonly costMinor: readonly number[];
  /** Month index of the first month a hire can start. */
  readonly earliestStart: number;
  /** Month index of the first covered month (earliest start + ramp length). */
  readonly firstCovered: number;
}
