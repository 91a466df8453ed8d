/**
 * What is wrong with a pool's design, found before it is rolled out (design.md §10): a bucket
 * that pays less when a KPI it is paid on improves, a gate that makes the pool all or nothing,
 * a cap that already binds on plan, payouts above the funded pool, a bucket with nobody to pay.
 */
import type { BonusFinding, Curve, ScenarioResult, ValidBonus } from './bonusTypes';
import { capAttainment } from './curve';
import type { PayContext } from './payScenario';
import { payScenario } from './payScenario';

/**
 * A jump at the gate to at least this share of the plan scenario's pool makes the pool all or
 * nothing there: missing the gate by a hair then costs most of the bonus. A gate that opens at
 * half the pool or less is the usual threshold design (seed 003's reward and penalty), not a cliff.
 */
export const CLIFF_SHARE = 0.75;

/** Attainments to try a KPI at: every curve point, just below and above it, and a 5 % grid to past the last cap. */
function probes(bonus: ValidBonus): number[] {
  const xs = new Set<number>();
  const curves = [...(bonus.fundingCurve ? [bonus.fundingCurve] : []), ...bonus.buckets.flatMap((b) => b.kpis.map((k) => k.curve))];
  let top = 1.5;
  for (const c of curves) {
    for (const p of c.points) {
      for (const x of [p.attainment - 1e-6, p.attainment, p.attainment + 1e-6]) if (x >= 0) xs.add(x);
      top = Math.max(top, p.attainment + 0.25);
    }
  }
  if (bonus.gate) for (const x of [bonus.gate.min - 1e-6, bonus.gate.min]) if (x >= 0) xs.add(x);
  for (let i = 0; i * 0.05 <= top + 1e-9; i++) xs.add(Math.round(i * 5) / 100);
  return [...xs].sort((a, b) => a - b);
}

function notMonotone(bonus: ValidBonus, ctx: PayContext): BonusFinding[] {
  const found: BonusFinding[] = [];
  const xs = probes(bonus);
  for (const [i, bucket] of bonus.buckets.entries()) {
    // Revenue funds the pool, so every bucket is paid on it.
    const kpis = [...new Set(['revenue', ...bucket.kpis.map((k) => k.kpi)])];
    for (const kpi of kpis) {
      // Against the best so far, one minor unit of rounding allowed: a real fall grows past it.
      let best: { x: number; minor: number } | undefined;
      for (const x of xs) {
        const minor = payScenario(bonus, '', { [kpi]: x }, ctx).buckets[i].payoutMinor;
        if (best && minor < best.minor - 1) {
          found.push({ kind: 'notMonotone', bucket: bucket.id, kpi, from: best.x, to: x, fromMinor: best.minor, toMinor: minor });
          break;
        }
        if (!best || minor > best.minor) best = { x, minor };
      }
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

/** A curve that rises somewhere and reaches its cap by plan: beating the plan earns nothing more. A flat curve (one point, a plain threshold) has no upside by design and is not flagged. */
const capsOnPlan = (curve: Curve): boolean => capAttainment(curve) <= 1 && curve.points.some((p, i) => i > 0 && p.multiplier > curve.points[i - 1].multiplier);

function capInPlan(bonus: ValidBonus): BonusFinding[] {
  const found: BonusFinding[] = [];
  if (bonus.fundingCurve && capsOnPlan(bonus.fundingCurve)) found.push({ kind: 'capInPlan', bucket: null, kpi: 'revenue', cap: capAttainment(bonus.fundingCurve) });
  for (const b of bonus.buckets) for (const k of b.kpis) if (capsOnPlan(k.curve)) found.push({ kind: 'capInPlan', bucket: b.id, kpi: k.kpi, cap: capAttainment(k.curve) });
  return found;
}

function overPool(bonus: ValidBonus, scenarios: readonly ScenarioResult[], cells: readonly ScenarioResult[]): BonusFinding[] {
  if (bonus.fitToPool) return [];
  const over = (s: ScenarioResult) => s.totalMinor > s.fundedMinor;
  const names = scenarios.filter(over).map((s) => s.name);
  const overCells = cells.filter(over);
  if (names.length === 0 && overCells.length === 0) return [];
  const excessMinor = Math.max(...[...scenarios, ...cells].filter(over).map((s) => s.totalMinor - s.fundedMinor));
  return [{ kind: 'overPool', scenarios: names, cells: overCells.length, excessMinor }];
}

function noHeads(bonus: ValidBonus, heads: Readonly<Record<string, number>>): BonusFinding[] {
  return bonus.buckets.filter((b) => b.roles.every((r) => !(heads[r] > 0) || !(b.roleWeights[r] > 0))).map((b) => ({ kind: 'noHeads', bucket: b.id, roles: b.roles }));
}

/**
 * @example
 * // A gate at 80 % that funds the whole pool there, and a cap at 100 % on the AE bucket's revenue curve:
 * bonusFindings(bonus, plan, [plan], [], ctx);
 * // → [{ kind: 'gateCliff', kpi: 'revenue', at: 0.8, … }, { kind: 'capInPlan', bucket: 'ae', kpi: 'revenue', cap: 1 }]
 */
export function bonusFindings(bonus: ValidBonus, plan: ScenarioResult, scenarios: readonly ScenarioResult[], cells: readonly ScenarioResult[], ctx: PayContext): BonusFinding[] {
  return [...notMonotone(bonus, ctx), ...gateCliff(bonus, plan, ctx), ...capInPlan(bonus), ...overPool(bonus, [plan, ...scenarios.filter((s) => s.name !== plan.name)], cells), ...noHeads(bonus, ctx.heads)];
}
