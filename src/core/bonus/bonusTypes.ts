/**
 * The validated `bonus` section of a plan (readBonus.ts) and what the pool pays under it
 * (bonusPlan.ts): design.md §10. Attainments are actual ÷ plan (1 = on plan); money is in
 * minor units (cents) of the plan's currency.
 */

/** One point of a curve: at this attainment, this multiplier. */
export interface CurvePoint {
  readonly attainment: number;
  readonly multiplier: number;
}

/**
 * Piecewise linear through its points (attainments strictly increasing): 0 below the first
 * point (a hard threshold), linear between points, the last point's multiplier beyond it (the
 * cap). Stepped: the multiplier of the highest point at or below the attainment.
 */
export interface Curve {
  readonly points: readonly CurvePoint[];
  readonly stepped: boolean;
}

/** A target pool, or a share of actual revenue (actual revenue = revenue attainment × target). */
export type BonusPool = { readonly kind: 'amount'; readonly amount: number } | { readonly kind: 'percentOfRevenue'; readonly percent: number };

/** Nothing is funded while this KPI's attainment is below `min`. */
export interface BonusGate {
  readonly kpi: string;
  readonly min: number;
}

export interface BucketKpi {
  readonly kpi: string;
  /** The bucket's weights add up to 1. */
  readonly weight: number;
  readonly curve: Curve;
}

export interface ValidBucket {
  readonly id: string;
  /** As written; undefined: the id. */
  readonly name: string | undefined;
  /** Of the funded pool; the buckets' shares add up to 1. */
  readonly share: number;
  /** Role ids of the headcount plan, paid in this order. */
  readonly roles: readonly string[];
  /** Per head of each role (every role listed, default 1). */
  readonly roleWeights: Readonly<Record<string, number>>;
  readonly kpis: readonly BucketKpi[];
}

/** A named set of attainments; a KPI it does not list is at 1 (on plan). */
export interface ValidScenario {
  readonly name: string;
  readonly kpis: Readonly<Record<string, number>>;
}

export interface ValidBonus {
  readonly pool: BonusPool;
  readonly gate: BonusGate | null;
  /** Null: the pool is funded in full at any attainment past the gate. */
  readonly fundingCurve: Curve | null;
  readonly buckets: readonly ValidBucket[];
  /** Scale every bucket down (by largest remainder, to the cent) when together they would pay more than the funded pool. */
  readonly fitToPool: boolean;
  readonly scenarios: readonly ValidScenario[];
  readonly grid: { readonly revenue: readonly number[]; readonly marketingShare: readonly number[] };
}

/** One KPI of a bucket in a scenario. */
export interface KpiTermResult {
  readonly kpi: string;
  readonly attainment: number;
  readonly weight: number;
  /** The curve's multiplier at the attainment. */
  readonly curveMultiplier: number;
}

export interface RolePayout {
  readonly roleId: string;
  /** Whole people paid: the headcount plan's heads at the fiscal year's end, rounded half up. */
  readonly heads: number;
  readonly weight: number;
  /** The role's part of the bucket (largest remainder over weight × heads). */
  readonly payoutMinor: number;
  /** What every head gets at least: ⌊part ÷ heads⌋; `extraMinorHeads` of them get one minor unit more, so the heads add up to the part exactly. */
  readonly perHeadMinor: number;
  readonly extraMinorHeads: number;
}

export interface BucketPayout {
  readonly id: string;
  readonly share: number;
  readonly terms: readonly KpiTermResult[];
  /** Σ weight × curve multiplier. */
  readonly multiplier: number;
  /** share × funded × multiplier before rounding, in minor units; 0 when the bucket has nobody to pay. */
  readonly rawMinor: number;
  /** What a bucket with nobody to pay would have paid (share × funded × multiplier, rounded); 0 otherwise. It is not paid and not in the total. */
  readonly unpaidMinor: number;
  /** fitToPool's factor, funded ÷ Σ raw (1 when it does not bind). */
  readonly scale: number;
  readonly payoutMinor: number;
  readonly roles: readonly RolePayout[];
}

export interface ScenarioResult {
  readonly name: string;
  /** Every KPI the bonus reads, at its attainment (1 unless the scenario says otherwise). */
  readonly kpis: Readonly<Record<string, number>>;
  readonly gateMet: boolean;
  /** The funding curve's multiplier at the revenue attainment (1 without a curve; 0 below the gate). */
  readonly fundingMultiplier: number;
  readonly fundedMinor: number;
  readonly buckets: readonly BucketPayout[];
  /** Σ bucket payouts: their raw sum rounded, or the funded pool when fitToPool binds. */
  readonly totalMinor: number;
  /** Actual revenue: revenue attainment × the target, in minor units. */
  readonly revenueMinor: number;
  /** total ÷ actual revenue; null at no revenue. */
  readonly costOfRevenue: number | null;
}

export type BonusFinding =
  /** The bucket pays less at `to` than at `from` (> `from`) of a KPI it is paid on, the others on plan. */
  | { readonly kind: 'notMonotone'; readonly bucket: string; readonly kpi: string; readonly from: number; readonly to: number; readonly fromMinor: number; readonly toMinor: number }
  /** At `at` the pool jumps from 0 to `jumpMinor`, at least CLIFF_SHARE (three quarters) of the plan scenario's pool. */
  | { readonly kind: 'gateCliff'; readonly kpi: string; readonly at: number; readonly jumpMinor: number; readonly planFundedMinor: number }
  /** On plan (attainment 1) the curve is already at its cap (its last point, at `cap`): no upside. `bucket` null: the funding curve. */
  | { readonly kind: 'capInPlan'; readonly bucket: string | null; readonly kpi: string; readonly cap: number }
  /** Payouts above the funded pool, without fitToPool: in these scenarios (or `cells` grid cells), by up to `excessMinor`. */
  | { readonly kind: 'overPool'; readonly scenarios: readonly string[]; readonly cells: number; readonly excessMinor: number }
  /** None of the bucket's roles has a head at the fiscal year's end: its payout has nobody to go to. */
  | { readonly kind: 'noHeads'; readonly bucket: string; readonly roles: readonly string[] };

export interface BonusPlan {
  readonly currency: string;
  readonly minorDigits: number;
  readonly bonus: ValidBonus;
  /** Every KPI the bonus reads, in first-use order (gate, funding, buckets). */
  readonly kpis: readonly string[];
  /** Whole heads paid per role. */
  readonly heads: Readonly<Record<string, number>>;
  /** Every KPI on plan. */
  readonly plan: ScenarioResult;
  readonly scenarios: readonly ScenarioResult[];
  /** The most the pool pays: the caps, the scenarios, the grid and every probe tried (bonusPlan.ts). */
  readonly worstCase: ScenarioResult;
  /** True for a percent-of-revenue pool, which keeps growing with revenue past every cap. */
  readonly uncapped: boolean;
  /** cells[i][j]: revenue[i] × marketingShare[j], the other KPIs on plan. */
  readonly grid: { readonly revenue: readonly number[]; readonly marketingShare: readonly number[]; readonly cells: readonly (readonly ScenarioResult[])[] };
  readonly findings: readonly BonusFinding[];
}
