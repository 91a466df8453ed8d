/**
 * What the pool pays in one scenario (design.md §10): the funded pool, each bucket's
 * multiplier and payout, and each role's and head's part, in whole minor units that add up.
 */
import { allocate } from '../allocation/largestRemainder';
import { fractionFromNumber } from '../doubleAsFraction';
import { roundMinor } from '../money/roundMinor';
import type { BucketPayout, RolePayout, ScenarioResult, ValidBonus, ValidBucket } from './bonusTypes';
import { curveValue } from './curve';

export interface PayContext {
  /** The plan's revenue target, in currency units. */
  readonly revenueTarget: number;
  /** Minor units per currency unit (100 for cents). */
  readonly scale: number;
  /** Whole heads paid per role id. */
  readonly heads: Readonly<Record<string, number>>;
  /** Every KPI the bonus reads. */
  readonly kpis: readonly string[];
}

const attainmentOf = (kpis: Readonly<Record<string, number>>, kpi: string): number => kpis[kpi] ?? 1;

/** Largest remainder of `total` over float weights, read exactly; all-zero weights get nothing. */
function split(total: number, weights: readonly number[]): number[] {
  if (total === 0 || !weights.some((w) => w > 0)) return weights.map(() => 0);
  return allocate(BigInt(total), weights.map((w) => fractionFromNumber(w))).map(Number);
}

function payRoles(bucket: ValidBucket, payoutMinor: number, heads: Readonly<Record<string, number>>): RolePayout[] {
  const weights = bucket.roles.map((r) => bucket.roleWeights[r] * (heads[r] ?? 0));
  const parts = split(payoutMinor, weights);
  return bucket.roles.map((roleId, i) => {
    const n = heads[roleId] ?? 0;
    const part = parts[i];
    return {
      roleId,
      heads: n,
      weight: bucket.roleWeights[roleId],
      payoutMinor: part,
      perHeadMinor: n > 0 ? Math.floor(part / n) : 0,
      extraMinorHeads: n > 0 ? part % n : 0,
    };
  });
}

/**
 * Whether a bucket has someone to pay: a role with a head (or heads not known) and a weight above 0.
 *
 * @example
 * hasHeads({ roles: ['csm'], roleWeights: { csm: 1 }, … }, { csm: 0 }); // → false
 * hasHeads({ roles: ['csm'], roleWeights: { csm: 1 }, … }, {});         // → true (heads not known)
 */
export function hasHeads(bucket: ValidBucket, heads: Readonly<Record<string, number>>): boolean {
  return bucket.roles.some((r) => bucket.roleWeights[r] > 0 && (heads[r] === undefined || heads[r] > 0));
}

/**
 * The funded pool is (pool amount, or percent × actual revenue) × the funding curve at the
 * revenue attainment, 0 below the gate, rounded to the minor unit. A bucket's raw amount is
 * share × funded × Σ weight × curve(attainment); a bucket with nobody to pay gets nothing and
 * takes no part of the pool. The buckets together pay their raw sum rounded — or the funded pool,
 * with fitToPool, when that sum would pay more — split over their raw amounts by largest
 * remainder, so they add up to it exactly (1,000.01 at 50 / 50 pays 500.01 and 500.00, never a
 * cent more than the pool).
 *
 * @example
 * // Pool 100,000; gate revenue ≥ 0.8; one bucket, revenue weight 1 on [[0.8, 0.5], [1, 1], [1.2, 1.5]]:
 * payScenario(bonus, 'Plan', { revenue: 1.1 }, ctx).buckets[0].payoutMinor; // → 12_500_000 (1.25 × 100,000.00)
 * payScenario(bonus, 'Miss', { revenue: 0.79 }, ctx).fundedMinor;            // → 0 (below the gate)
 */
export function payScenario(bonus: ValidBonus, name: string, given: Readonly<Record<string, number>>, ctx: PayContext): ScenarioResult {
  const { kpis, revenue, gateMet, fundingMultiplier, fundedMinor, terms, multipliers, paid, raws, rawTotal, fit, totalMinor } = fund(bonus, given, ctx);
  const payouts = split(totalMinor, raws);
  const scale = fit ? fundedMinor / rawTotal : 1;

  const buckets: BucketPayout[] = bonus.buckets.map((b, i) => ({
    id: b.id,
    share: b.share,
    terms: terms[i],
    multiplier: multipliers[i],
    rawMinor: raws[i],
    unpaidMinor: paid[i] ? 0 : roundMinor(b.share * fundedMinor * multipliers[i]),
    scale,
    payoutMinor: payouts[i],
    roles: payRoles(b, payouts[i], ctx.heads),
  }));
  const revenueMinor = roundMinor(ctx.revenueTarget * revenue * ctx.scale);
  return { name, kpis, gateMet, fundingMultiplier, fundedMinor, buckets, totalMinor, revenueMinor, costOfRevenue: revenueMinor > 0 ? totalMinor / revenueMinor : null };
}

/**
 * What the pool pays in all at these attainments, in minor units: payScenario's total without the
 * split over buckets, roles and heads (the confidence simulation asks it once per trial).
 *
 * @example
 * scenarioTotalMinor(bonus, { revenue: 1.1 }, ctx); // → payScenario(bonus, '', { revenue: 1.1 }, ctx).totalMinor
 */
export function scenarioTotalMinor(bonus: ValidBonus, given: Readonly<Record<string, number>>, ctx: PayContext): number {
  return fund(bonus, given, ctx).totalMinor;
}

/** The funded pool and each bucket's raw amount; the total the buckets pay together. */
function fund(bonus: ValidBonus, given: Readonly<Record<string, number>>, ctx: PayContext) {
  const kpis = Object.fromEntries(ctx.kpis.map((k) => [k, attainmentOf(given, k)]));
  const revenue = attainmentOf(kpis, 'revenue');
  const gateMet = bonus.gate === null || attainmentOf(kpis, bonus.gate.kpi) >= bonus.gate.min;
  const fundingMultiplier = !gateMet ? 0 : bonus.fundingCurve ? curveValue(bonus.fundingCurve, revenue) : 1;
  const base = bonus.pool.kind === 'amount' ? bonus.pool.amount : bonus.pool.percent * ctx.revenueTarget * revenue;
  const fundedMinor = roundMinor(base * fundingMultiplier * ctx.scale);

  const terms = bonus.buckets.map((b) =>
    b.kpis.map((t) => {
      const attainment = attainmentOf(kpis, t.kpi);
      return { kpi: t.kpi, attainment, weight: t.weight, curveMultiplier: curveValue(t.curve, attainment) };
    }),
  );
  const multipliers = terms.map((ts) => ts.reduce((sum, t) => sum + t.weight * t.curveMultiplier, 0));
  const paid = bonus.buckets.map((b) => hasHeads(b, ctx.heads));
  const raws = bonus.buckets.map((b, i) => (paid[i] ? b.share * fundedMinor * multipliers[i] : 0));
  const rawTotal = raws.reduce((a, b) => a + b, 0);
  const wanted = roundMinor(rawTotal);
  const fit = bonus.fitToPool && wanted > fundedMinor;
  return { kpis, revenue, gateMet, fundingMultiplier, fundedMinor, terms, multipliers, paid, raws, rawTotal, fit, totalMinor: fit ? fundedMinor : wanted };
}
