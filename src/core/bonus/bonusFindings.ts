/**
 * What is wrong with a pool's design, found before it is rolled out (design.md §10): a bucket
 * that pays less when a KPI it is paid on improves, a gate that makes the pool all or nothing,
 * a cap that already binds on plan, payouts above the funded pool, a bucket with nobody to pay.
 */
import type { BonusFinding, Curve, ScenarioResult, ValidBonus } from './bonusTypes';
import { capAttainment, curveValue, isNonDecreasing } from './curve';
import type { PayContext } from './payScenario';
import { hasHeads, payScenario } from './payScenario';

/**
 * A jump at the gate to at least this share of the plan scenario's pool makes the pool all or
 * nothing there: missing the gate by a hair then costs most of the bonus. A gate that opens at
 * half the pool or less is the usual threshold design (seed 003's reward and penalty), not a cliff.
 */
export const CLIFF_SHARE = 0.75;

const curvesOf = (bonus: ValidBonus): Curve[] => [...(bonus.fundingCurve ? [bonus.fundingCurve] : []), ...bonus.buckets.flatMap((b) => b.kpis.map((k) => k.curve))];

/**
 * Attainments to try a KPI at: every curve point, just below and above it, the gate, and a 5 % grid
 * to a quarter past the last point.
 *
 * @example
 * probes(bonusOf({ pool: { amount: 1 }, buckets: [{ …, curve: [[1, 1]] }] })); // → [0, 0.05, …, 0.999999, 1, 1.000001, …, 1.5]
 */
export function probes(bonus: ValidBonus): number[] {
  const xs = new Set<number>();
  let top = 1.5;
  for (const c of curvesOf(bonus)) {
    for (const p of c.points) {
      for (const x of [p.attainment - 1e-6, p.attainment, p.attainment + 1e-6]) if (x >= 0) xs.add(x);
      top = Math.max(top, p.attainment + 0.25);
    }
  }
  if (bonus.gate) for (const x of [bonus.gate.min - 1e-6, bonus.gate.min]) if (x >= 0) xs.add(x);
  for (let i = 0; i * 0.05 <= top + 1e-9; i++) xs.add(Math.round(i * 5) / 100);
  return [...xs].sort((a, b) => a - b);
}

/**
 * Where the other KPIs stand while one is moved: on plan; at every revenue of the grid (where
 * fitToPool may bind off plan); at the caps; and with the gate's KPI just open, so a plan below
 * its own gate is still scanned.
 */
function baselines(bonus: ValidBonus, kpis: readonly string[], caps: Readonly<Record<string, number>>): Record<string, number>[] {
  const open = (b: Record<string, number>) => (bonus.gate && (b[bonus.gate.kpi] ?? 1) < bonus.gate.min ? { ...b, [bonus.gate.kpi]: bonus.gate.min } : b);
  const plan = Object.fromEntries(kpis.map((k) => [k, 1]));
  return [plan, ...bonus.grid.revenue.map((r) => ({ ...plan, revenue: r })), { ...caps }].map(open);
}

function notMonotone(bonus: ValidBonus, ctx: PayContext, caps: Readonly<Record<string, number>>): BonusFinding[] {
  const xs = probes(bonus);
  const bases = baselines(bonus, ctx.kpis, caps).filter((b, i, all) => all.findIndex((o) => JSON.stringify(o) === JSON.stringify(b)) === i);
  // With a funding curve or a percent pool revenue funds the pool, so every bucket is paid on it too.
  const poolOnRevenue = bonus.fundingCurve !== null || bonus.pool.kind === 'percentOfRevenue';
  const paidOn = bonus.buckets.map((b) => new Set([...(poolOnRevenue ? ['revenue'] : []), ...b.kpis.map((k) => k.kpi)]));
  const worst = new Map<string, BonusFinding & { kind: 'notMonotone' }>();
  for (const kpi of [...new Set(paidOn.flatMap((set) => [...set]))]) {
    const watched = bonus.buckets.map((_, i) => i).filter((i) => paidOn[i].has(kpi));
    for (const base of bases) {
      // One payScenario per attainment pays every bucket: the largest fall after a peak, against the best so far, one minor unit of rounding allowed.
      const best: ({ x: number; minor: number } | undefined)[] = bonus.buckets.map(() => undefined);
      for (const x of xs) {
        const paid = payScenario(bonus, '', { ...base, [kpi]: x }, ctx).buckets;
        for (const i of watched) {
          const minor = paid[i].payoutMinor;
          const top = best[i];
          if (!top || minor > top.minor) best[i] = { x, minor };
          else if (minor < top.minor - 1) {
            const key = `${i}:${kpi}`;
            const found = worst.get(key);
            if (!found || top.minor - minor > found.fromMinor - found.toMinor) worst.set(key, { kind: 'notMonotone', bucket: bonus.buckets[i].id, kpi, from: top.x, to: x, fromMinor: top.minor, toMinor: minor });
          }
        }
      }
    }
  }
  const found: BonusFinding[] = [];
  for (const [i, bucket] of bonus.buckets.entries()) {
    for (const kpi of paidOn[i]) {
      const f = worst.get(`${i}:${kpi}`);
      if (f) found.push(f);
    }
    // A falling segment is a finding even where the pool happens to hide it.
    for (const k of bucket.kpis) {
      if (isNonDecreasing(k.curve) || worst.has(`${i}:${k.kpi}`)) continue;
      const at = k.curve.points.findIndex((p, j) => j > 0 && p.multiplier < k.curve.points[j - 1].multiplier);
      const pay = (x: number) => payScenario(bonus, '', { ...bases[0], [k.kpi]: x }, ctx).buckets[i].payoutMinor;
      const from = k.curve.points[at - 1].attainment;
      const to = k.curve.points[at].attainment;
      found.push({ kind: 'notMonotone', bucket: bucket.id, kpi: k.kpi, from, to, fromMinor: pay(from), toMinor: pay(to) });
    }
  }
  return found;
}

function gateCliff(bonus: ValidBonus, plan: ScenarioResult, ctx: PayContext): BonusFinding[] {
  // The pool's threshold: the gate, or the funding curve's first point when that comes later.
  const candidates: { kpi: string; at: number }[] = [];
  if (bonus.gate) candidates.push({ kpi: bonus.gate.kpi, at: bonus.gate.min });
  if (bonus.fundingCurve) candidates.push({ kpi: 'revenue', at: bonus.fundingCurve.points[0].attainment });
  const found: BonusFinding[] = [];
  for (const c of candidates) {
    if (c.at <= 0) continue;
    const below = payScenario(bonus, '', { [c.kpi]: c.at - 1e-9 }, ctx).fundedMinor;
    const at = payScenario(bonus, '', { [c.kpi]: c.at }, ctx).fundedMinor;
    const jump = at - below;
    if (below === 0 && plan.fundedMinor > 0 && jump >= CLIFF_SHARE * plan.fundedMinor && !found.some((f) => f.kind === 'gateCliff' && f.kpi === c.kpi)) {
      found.push({ kind: 'gateCliff', kpi: c.kpi, at: c.at, jumpMinor: jump, planFundedMinor: plan.fundedMinor });
    }
  }
  return found;
}

/** The first attainment at which a curve that rises somewhere pays its most (undefined for a flat curve: a plain threshold bonus has no upside by design). */
function topsOutAt(curve: Curve): number | undefined {
  const top = Math.max(...curve.points.map((p) => p.multiplier));
  if (!curve.points.some((p, i) => i > 0 && p.multiplier > curve.points[i - 1].multiplier)) return undefined;
  return curve.points.find((p) => curveValue(curve, p.attainment) === top)!.attainment;
}

function capInPlan(bonus: ValidBonus): BonusFinding[] {
  const found: BonusFinding[] = [];
  const check = (curve: Curve, bucket: string | null, kpi: string) => {
    const cap = topsOutAt(curve);
    if (cap !== undefined && cap <= 1 && capAttainment(curve) >= cap) found.push({ kind: 'capInPlan', bucket, kpi, cap });
  };
  if (bonus.fundingCurve) check(bonus.fundingCurve, null, 'revenue');
  for (const b of bonus.buckets) for (const k of b.kpis) check(k.curve, b.id, k.kpi);
  return found;
}

/** Payouts above the funded pool by more than a minor unit per bucket (what rounding each to the cent may add). */
function overPool(bonus: ValidBonus, scenarios: readonly ScenarioResult[], cells: readonly ScenarioResult[]): BonusFinding[] {
  if (bonus.fitToPool) return [];
  const over = (s: ScenarioResult) => s.totalMinor > s.fundedMinor + bonus.buckets.length;
  const names = scenarios.filter(over).map((s) => s.name);
  const overCells = cells.filter(over);
  if (names.length === 0 && overCells.length === 0) return [];
  const excessMinor = Math.max(...[...scenarios, ...cells].filter(over).map((s) => s.totalMinor - s.fundedMinor));
  return [{ kind: 'overPool', scenarios: names, cells: overCells.length, excessMinor }];
}

function noHeads(bonus: ValidBonus, heads: Readonly<Record<string, number>>): BonusFinding[] {
  return bonus.buckets.filter((b) => !hasHeads(b, heads)).map((b) => ({ kind: 'noHeads', bucket: b.id, roles: b.roles }));
}

/**
 * @example
 * // A gate at 80 % that funds the whole pool there, and a cap at 100 % on the AE bucket's revenue curve:
 * bonusFindings(bonus, plan, [plan], [], ctx, caps);
 * // → [{ kind: 'gateCliff', kpi: 'revenue', at: 0.8, … }, { kind: 'capInPlan', bucket: 'ae', kpi: 'revenue', cap: 1 }]
 */
export function bonusFindings(
  bonus: ValidBonus,
  plan: ScenarioResult,
  scenarios: readonly ScenarioResult[],
  cells: readonly ScenarioResult[],
  ctx: PayContext,
  caps: Readonly<Record<string, number>>,
): BonusFinding[] {
  return [...notMonotone(bonus, ctx, caps), ...gateCliff(bonus, plan, ctx), ...capInPlan(bonus), ...overPool(bonus, [plan, ...scenarios.filter((s) => s.name !== plan.name)], cells), ...noHeads(bonus, ctx.heads)];
}
