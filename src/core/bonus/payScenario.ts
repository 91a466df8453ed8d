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
 * The funded pool is (pool amount, or percent × actual revenue) × the funding curve at the
 * revenue attainment, 0 below the gate, rounded to the minor unit. A bucket pays share ×
 * funded × Σ weight × curve(attainment), rounded; with fitToPool, when the buckets would pay
 * more than the pool, the pool is split over them by largest remainder instead, in proportion.
 *
 * @example
 * // Pool 100,000; gate revenue ≥ 0.8; one bucket, revenue weight 1 on [[0.8, 0.5], [1, 1], [1.2, 1.5]]:
 * payScenario(bonus, 'Plan', { revenue: 1.1 }, ctx).buckets[0].payoutMinor; // → 12_500_000 (1.25 × 100,000.00)
 * payScenario(bonus, 'Miss', { revenue: 0.79 }, ctx).fundedMinor;            // → 0 (below the gate)
 */
export function payScenario(bonus: ValidBonus, name: string, given: Readonly<Record<string, number>>, ctx: PayContext): ScenarioResult {
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
  const raws = bonus.buckets.map((b, i) => b.share * fundedMinor * multipliers[i]);
  const rounded = raws.map(roundMinor);
  const over = rounded.reduce((a, b) => a + b, 0) > fundedMinor;
  const fit = bonus.fitToPool && over;
  const payouts = fit ? split(fundedMinor, raws) : rounded;
  const rawTotal = raws.reduce((a, b) => a + b, 0);
  const scale = fit ? fundedMinor / rawTotal : 1;

  const buckets: BucketPayout[] = bonus.buckets.map((b, i) => ({
    id: b.id,
    share: b.share,
    terms: terms[i],
    multiplier: multipliers[i],
    rawMinor: raws[i],
    scale,
    payoutMinor: payouts[i],
    roles: payRoles(b, payouts[i], ctx.heads),
  }));
  const totalMinor = payouts.reduce((a, b) => a + b, 0);
  const revenueMinor = roundMinor(ctx.revenueTarget * revenue * ctx.scale);
  return { name, kpis, gateMet, fundingMultiplier, fundedMinor, buckets, totalMinor, revenueMinor, costOfRevenue: revenueMinor > 0 ? totalMinor / revenueMinor : null };
}
