/**
 * The hiring plan's promises as properties, over generated roles (ramps with zeros and dips,
 * attrition, lead times, current staff) and demand shapes (flat, growing, seasonal, spiky,
 * zero): recomputing effective FTE from the reported hires — by the definition, written out
 * here again — covers demand in every covered month; every month short is reported, with how
 * much; no hire can be removed or started a month later without opening a shortfall in a
 * covered month; hires are whole and never before the earliest start.
 */
import fc from 'fast-check';
import { covers } from '../../../src/core/headcount/hiringPlan';
import type { ValidRole } from '../../../src/core/headcount/headcountTypes';
import { planRole } from '../../../src/core/headcount/planHeadcount';

/** Effective FTE by the definition (design.md §9): Σ cohorts n·(1 − a_m)^(m−s)·ramp(m−s), current staff ramped. */
function effectiveByDefinition(role: ValidRole, hires: readonly number[]): number[] {
  const r = role.attritionPerYear === 0 ? 1 : Math.pow(1 - role.attritionPerYear, 1 / 12);
  const kept = (k: number) => (r === 1 ? 1 : Math.pow(r, k));
  return hires.map((_, m) => {
    let e = role.current * kept(m);
    for (let s = 0; s <= m; s++) if (hires[s] !== 0) e += hires[s] * (kept(m - s) * (m - s < role.ramp.length ? role.ramp[m - s] : 1));
    return e;
  });
}

function shortMonths(role: ValidRole, hires: readonly number[], demand: readonly number[], from: number): number[] {
  const eff = effectiveByDefinition(role, hires);
  return demand.flatMap((d, m) => (m >= from && !covers(eff[m], d) ? [m] : []));
}

const rampArb = fc.oneof(
  fc.constant<number[]>([]),
  fc.array(fc.integer({ min: 0, max: 100 }).map((p) => p / 100), { minLength: 1, maxLength: 7 }),
  fc.constantFrom([0.25, 0.5, 0.75], [0, 0.2, 0.4, 0.6, 0.8], [0, 0], [0.5, 0.3, 0.9], [1, 1], [0.25, 0.25, 0.25, 0.6, 0.6, 0.6, 0.85, 0.85, 0.85]),
);

const roleArb: fc.Arbitrary<ValidRole> = fc.record({
  ramp: rampArb,
  attritionPerYear: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }).map((p) => p / 100), fc.constant(1 - Math.pow(0.98, 12))),
  hireLeadMonths: fc.integer({ min: 0, max: 4 }),
  current: fc.integer({ min: 0, max: 30 }),
  monthlyCost: fc.integer({ min: 0, max: 30_000 }),
}).map((r) => ({ id: 'r', name: undefined, driver: { kind: 'fixed', fte: 0 }, capacityPerMonth: undefined, ...r }));

/** Demand in FTE: flat, growing, seasonal, spiky, with zeros — as work ÷ capacity would make it. */
const demandArb = fc.integer({ min: 4, max: 24 }).chain((months) =>
  fc.oneof(
    fc.array(fc.integer({ min: 0, max: 400 }).map((w) => w / 15), { minLength: months, maxLength: months }),
    fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -5, max: 15 })).map(([start, growth]) => Array.from({ length: months }, (_, m) => Math.max(0, start * Math.pow(1 + growth / 100, m)))),
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.nat({ max: months - 1 }), fc.integer({ min: 1, max: 60 })).map(([base, at, spike]) => Array.from({ length: months }, (_, m) => (m === at ? base + spike : base))),
    fc.integer({ min: 1, max: 30 }).map((base) => Array.from({ length: months }, (_, m) => base * (1 + 0.3 * Math.sin((m * Math.PI) / 6)))),
  ),
);

const caseArb = fc.tuple(roleArb, demandArb);
const RUNS = { numRuns: 400, seed: 20_270_111 };

describe('hiring plan properties', () => {
  it('hires are whole, never negative, never before the earliest start (plan start + lead time)', () => {
    fc.assert(
      fc.property(caseArb, ([role, demand]) => {
        const plan = planRole(role, undefined, demand, 100);
        expect(plan.earliestStart).toBe(role.hireLeadMonths);
        plan.hires.forEach((n, m) => {
          expect(Number.isInteger(n) && n >= 0).toBe(true);
          if (m < role.hireLeadMonths) expect(n).toBe(0);
        });
      }),
      RUNS,
    );
  });

  it('recomputing effective FTE from the reported hires covers demand in every covered month', () => {
    fc.assert(
      fc.property(caseArb, ([role, demand]) => {
        const plan = planRole(role, undefined, demand, 100);
        expect(plan.firstCovered).toBe(role.hireLeadMonths + role.ramp.length);
        expect(shortMonths(role, plan.hires, demand, plan.firstCovered)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every month short is reported with its shortfall, and only those (they all lie in the ramp-up gap)', () => {
    fc.assert(
      fc.property(caseArb, ([role, demand]) => {
        const plan = planRole(role, undefined, demand, 100);
        const eff = effectiveByDefinition(role, plan.hires);
        demand.forEach((d, m) => {
          const short = !covers(eff[m], d);
          expect([m, plan.shortfall[m] > 0]).toEqual([m, short]);
          if (short) {
            expect(plan.shortfall[m]).toBeCloseTo(d - eff[m], 9);
            expect(m).toBeLessThan(plan.firstCovered);
          }
        });
      }),
      RUNS,
    );
  });

  it('is minimal: removing any one hire, or starting it a month later, opens a shortfall in a covered month', () => {
    fc.assert(
      fc.property(caseArb, ([role, demand]) => {
        const plan = planRole(role, undefined, demand, 100);
        plan.hires.forEach((n, s) => {
          if (n === 0) return;
          const removed = [...plan.hires];
          removed[s] -= 1;
          expect([s, 'removed', shortMonths(role, removed, demand, plan.firstCovered).length > 0]).toEqual([s, 'removed', true]);
          const later = [...removed];
          if (s + 1 < later.length) later[s + 1] += 1; // past the last month, later is gone
          expect([s, 'later', shortMonths(role, later, demand, plan.firstCovered).length > 0]).toEqual([s, 'later', true]);
        });
      }),
      RUNS,
    );
  });

  it('heads, leavers and cost follow from the hires: heads = before − leavers + hires; cost = heads × monthly cost in cents', () => {
    fc.assert(
      fc.property(caseArb, ([role, demand]) => {
        const plan = planRole(role, undefined, demand, 100);
        plan.heads.forEach((h, m) => {
          const before = m === 0 ? role.current : plan.heads[m - 1];
          expect(h).toBeCloseTo(before - plan.leavers[m] + plan.hires[m], 8);
          expect(plan.costMinor[m]).toBe(Math.round(h * role.monthlyCost * 100));
          expect(plan.effective[m]).toBeLessThanOrEqual(h + 1e-9);
        });
      }),
      RUNS,
    );
  });

  it('a plan that needs nobody hires nobody: demand within the current staff after attrition', () => {
    fc.assert(
      fc.property(roleArb, fc.integer({ min: 4, max: 24 }), (role, months) => {
        const r = Math.pow(1 - role.attritionPerYear, 1 / 12);
        const demand = Array.from({ length: months }, (_, m) => role.current * Math.pow(r, m) * 0.999);
        expect(planRole(role, undefined, demand, 100).hires.every((n) => n === 0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the generated cases reach hires, gaps and minimality moves', () => {
    const cases = fc.sample(caseArb, { numRuns: 300, seed: 7 }).map(([role, demand]) => planRole(role, undefined, demand, 100));
    expect(cases.filter((p) => p.hires.some((n) => n > 0)).length).toBeGreaterThan(150);
    expect(cases.filter((p) => p.shortfall.some((s) => s > 0)).length).toBeGreaterThan(50);
    expect(cases.filter((p) => p.hires.some((n, m) => n > 0 && m > p.earliestStart)).length).toBeGreaterThan(50);
  });
});
