/**
 * An independent review of the hiring plan against design.md §9 and docs/headcount.md. The
 * reference below is written from the definition only — it imports nothing of the engine's
 * cohort or coverage code (cohorts.ts, hiringPlan.ts): the engine is reached through planRole and
 * planHeadcount, the way the CLI reaches it, and its reported hires, heads, effective FTE and
 * shortfall are compared with what the definition makes of those hires.
 *
 * - Effective FTE(m) = current·r^m + Σ_s hires[s]·r^(m−s)·ramp(m−s), r = (1 − a)^(1/12);
 *   heads the same without ramp; ramp(k) = ramp[k], 1 after the list.
 * - Earliest start E = hireLeadMonths (months from plan start); covered months m ≥ E + ramp length.
 * - Covered: effective ≥ demand − max(1e-9, 1e-12·demand) (the documented tolerance).
 * - Minimal: removing any one hire, or starting it one month later (past the last month: removed),
 *   opens a shortfall in a covered month.
 */
import fc from 'fast-check';
import type { ValidRole } from '../../../src/core/headcount/headcountTypes';
import { headcountToJson } from '../../../src/core/headcount/headcountJson';
import { planHeadcount, planRole } from '../../../src/core/headcount/planHeadcount';
import { monthValue } from '../../../src/core/time/monthSeries';
import { planTimeline } from '../../../src/core/time/planTimeline';
import { validatePlan } from '../../../src/core/validatePlan';
import { clone, seedExample } from '../fixtures';

// ---------------------------------------------------------------------------------------------
// The reference, from the definition

interface People {
  readonly ramp: readonly number[];
  readonly attritionPerYear: number;
  readonly current: number;
}

const retention = (a: number) => Math.pow(1 - a, 1 / 12);
const kept = (a: number, k: number) => Math.pow(retention(a), k); // r^0 = 1, a = 0 → 1
const productivity = (ramp: readonly number[], k: number) => (k < ramp.length ? ramp[k] : 1);

function refHeads(p: People, hires: readonly number[]): number[] {
  return hires.map((_, m) => {
    let h = p.current * kept(p.attritionPerYear, m);
    for (let s = 0; s <= m; s++) h += hires[s] * kept(p.attritionPerYear, m - s);
    return h;
  });
}

function refEffective(p: People, hires: readonly number[]): number[] {
  return hires.map((_, m) => {
    let e = p.current * kept(p.attritionPerYear, m);
    for (let s = 0; s <= m; s++) e += hires[s] * kept(p.attritionPerYear, m - s) * productivity(p.ramp, m - s);
    return e;
  });
}

const tolerance = (d: number) => Math.max(1e-9, 1e-12 * Math.abs(d));
const refCovers = (eff: number, d: number) => eff >= d - tolerance(d);
/** Agreement between two computations of the same FTE: 1e-9, or 1e-12 relative for big numbers. */
const close = (x: number, y: number) => Math.abs(x - y) <= Math.max(1e-9, 1e-12 * Math.max(Math.abs(x), Math.abs(y)));

/** Covered months (≥ first) that the hires leave short. */
function refShortCovered(p: People, hires: readonly number[], demand: readonly number[], first: number): number[] {
  const eff = refEffective(p, hires);
  return demand.flatMap((d, m) => (m >= first && !refCovers(eff[m], d) ? [m] : []));
}

function role(p: People & { hireLeadMonths: number; monthlyCost?: number }): ValidRole {
  return { id: 'r', name: undefined, driver: { kind: 'fixed', fte: 0 }, capacityPerMonth: undefined, monthlyCost: 8000, ...p };
}

/** Everything the definition says about one role's reported plan; returns a list of violations (empty = fine). */
function violations(r: ValidRole, demand: readonly number[]): string[] {
  const plan = planRole(r, undefined, demand, 100);
  const out: string[] = [];
  const E = r.hireLeadMonths;
  const first = E + r.ramp.length;
  if (plan.earliestStart !== E) out.push(`earliestStart ${plan.earliestStart} ≠ ${E}`);
  if (plan.firstCovered !== first) out.push(`firstCovered ${plan.firstCovered} ≠ ${first}`);
  if (plan.hires.length !== demand.length) out.push('hires length');
  plan.hires.forEach((n, m) => {
    if (!Number.isInteger(n) || n < 0) out.push(`hires[${m}] = ${n} not a whole number ≥ 0`);
    if (m < E && n !== 0) out.push(`hires[${m}] = ${n} before the earliest start ${E}`);
  });
  const heads = refHeads(r, plan.hires);
  const eff = refEffective(r, plan.hires);
  demand.forEach((d, m) => {
    if (!close(plan.heads[m], heads[m])) out.push(`heads[${m}] ${plan.heads[m]} ≠ ${heads[m]}`);
    if (!close(plan.effective[m], eff[m])) out.push(`effective[${m}] ${plan.effective[m]} ≠ ${eff[m]}`);
    const short = refCovers(eff[m], d) ? 0 : d - eff[m];
    if (m >= first && short > 0) out.push(`covered month ${m} short by ${short}`);
    if ((short > 0) !== (plan.shortfall[m] > 0)) out.push(`shortfall[${m}] ${plan.shortfall[m]}, the definition says ${short}`);
    else if (!close(plan.shortfall[m], short)) out.push(`shortfall[${m}] ${plan.shortfall[m]} ≠ ${short}`);
    const cents = plan.heads[m] * r.monthlyCost * 100; // rounded to a whole cent, within rounding of the product
    if (!Number.isInteger(plan.costMinor[m]) || Math.abs(plan.costMinor[m] - cents) > 0.5 + 1e-6 * Math.max(1, cents)) out.push(`cost[${m}] ${plan.costMinor[m]} for ${cents}`);
  });
  // No covered month at all: nothing to hire for.
  if (first >= demand.length && plan.hires.some((n) => n > 0)) out.push('hires without a covered month');
  // Minimality, by brute force over every hire.
  plan.hires.forEach((n, s) => {
    if (n === 0) return;
    const removed = [...plan.hires];
    removed[s] -= 1;
    if (refShortCovered(r, removed, demand, first).length === 0) out.push(`a hire in month ${s} can be removed`);
    if (s + 1 < demand.length) {
      const later = [...removed];
      later[s + 1] += 1;
      if (refShortCovered(r, later, demand, first).length === 0) out.push(`a hire in month ${s} can start a month later`);
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generated hidden role sets and demand shapes

const rampArb = fc.oneof(
  fc.constant<number[]>([]),
  fc.array(fc.constantFrom(0, 0, 0.1, 0.25, 0.33, 0.5, 0.6, 0.75, 0.85, 0.9, 1), { minLength: 1, maxLength: 6 }),
  fc.constantFrom([0], [0, 0, 0], [1], [0.25, 0.5, 0.75], [0, 0.2, 0.4, 0.6, 0.8], [0.9, 0.1], [0.5, 0, 0.5]),
);

const peopleArb = fc.record({
  ramp: rampArb,
  attritionPerYear: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 }).map((p) => p / 100)),
  hireLeadMonths: fc.integer({ min: 0, max: 3 }),
  current: fc.integer({ min: 0, max: 12 }),
  monthlyCost: fc.integer({ min: 0, max: 25_000 }),
});

/** Demand shapes in FTE over `n` months, given the role (the gap's position depends on it). */
function demandArb(n: number, gapEnd: number, current: number): fc.Arbitrary<number[]> {
  const fte = fc.integer({ min: 0, max: 600 }).map((x) => x / 15);
  const series = (f: (m: number) => number) => Array.from({ length: n }, (_, m) => Math.max(0, f(m)));
  return fc.oneof(
    fte.map((d) => series(() => d)), // flat
    fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 25 })).map(([d, g]) => series((m) => d * Math.pow(1 + g / 100, m))), // rising
    fc.tuple(fte, fc.nat({ max: n - 1 }), fc.integer({ min: 1, max: 40 })).map(([d, at, x]) => series((m) => (m === at ? d + x : d))), // a spike
    fc.tuple(fte, fc.nat({ max: n - 1 })).map(([d, at]) => series((m) => (m < at ? d : 0))), // drops to zero
    fc.tuple(fte, fc.integer({ min: 1, max: 40 })).map(([d, x]) => series((m) => (m < gapEnd ? d + x : d))), // spike inside the ramp-up gap
    fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 8 })).map(([frac, tail]) => series((m) => (current * frac) / 10 + (m > n - 2 ? tail : 0))), // current staff above demand (mostly)
    fc.array(fte, { minLength: n, maxLength: n }), // anything
  );
}

const caseArb = fc
  .tuple(peopleArb, fc.integer({ min: 1, max: 15 }))
  .chain(([p, n]) => demandArb(n, p.hireLeadMonths + p.ramp.length, p.current).map((demand) => ({ r: role(p), demand })));

describe('the hiring plan against an independent reference (design.md §9)', () => {
  test('hidden role sets: hires whole, ≥ 0, none before the earliest start; heads, effective FTE, shortfall and cost as the definition computes them; covered months covered; minimal', () => {
    fc.assert(
      fc.property(caseArb, ({ r, demand }) => {
        expect(violations(r, demand)).toEqual([]);
      }),
      { numRuns: 3000, seed: 11_2027 },
    );
  });

  test('the generator reaches what it must: hires, gap shortfalls, hires after the earliest start, current above demand', () => {
    const plans = fc.sample(caseArb, { numRuns: 1000, seed: 5 }).map(({ r, demand }) => ({ r, demand, p: planRole(r, undefined, demand, 100) }));
    expect(plans.filter(({ p }) => p.hires.some((n) => n > 0)).length).toBeGreaterThan(300);
    expect(plans.filter(({ p }) => p.shortfall.some((s) => s > 0)).length).toBeGreaterThan(200);
    expect(plans.filter(({ p }) => p.hires.some((n, m) => n > 0 && m > p.earliestStart)).length).toBeGreaterThan(150);
    expect(plans.filter(({ r, demand }) => demand.every((d) => d < r.current) && r.current > 0).length).toBeGreaterThan(20);
    expect(plans.filter(({ p, demand }) => p.firstCovered >= demand.length).length).toBeGreaterThan(20);
  });
});

describe('hand-checked cases and edges', () => {
  test('demand 0 everywhere: no hires, no shortfall, heads are the current staff after attrition', () => {
    const r = role({ ramp: [0.25, 0.5], attritionPerYear: 0.3, current: 4, hireLeadMonths: 1 });
    const p = planRole(r, undefined, new Array(15).fill(0), 100);
    expect(p.hires.every((n) => n === 0)).toBe(true);
    expect(p.shortfall.every((s) => s === 0)).toBe(true);
    p.heads.forEach((h, m) => expect(h).toBeCloseTo(4 * Math.pow(0.7, m / 12), 12));
  });

  test('ramp longer than the plan: no covered month, so no hires and every month short is reported', () => {
    const r = role({ ramp: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], attritionPerYear: 0.2, current: 1, hireLeadMonths: 2 });
    const demand = [1, 2, 3, 4, 5, 6];
    const p = planRole(r, undefined, demand, 100);
    expect(p.firstCovered).toBe(10);
    expect(p.hires).toEqual([0, 0, 0, 0, 0, 0]);
    demand.forEach((d, m) => expect(p.shortfall[m]).toBeCloseTo(d - Math.pow(0.8, m / 12), 12));
  });

  test('attrition 0 and ramp []: hires exactly the increments of demand, in the month they are needed', () => {
    const r = role({ ramp: [], attritionPerYear: 0, current: 2, hireLeadMonths: 1 });
    const p = planRole(r, undefined, [5, 2, 3, 3, 6, 6.5, 4], 100);
    expect(p.hires).toEqual([0, 0, 1, 0, 3, 1, 0]);
    expect(p.shortfall).toEqual([3, 0, 0, 0, 0, 0, 0]); // month 0 is before the earliest start
  });

  test('current staff above demand: nobody is hired, heads fall by attrition alone', () => {
    const r = role({ ramp: [0.5], attritionPerYear: 0.25, current: 20, hireLeadMonths: 0 });
    const p = planRole(r, undefined, Array.from({ length: 15 }, (_, m) => 10 + m / 4), 100);
    expect(p.hires.every((n) => n === 0)).toBe(true);
    expect(p.shortfall.every((s) => s === 0)).toBe(true);
  });

  test('a spike inside the ramp-up gap is reported as shortfall, not hired away', () => {
    const r = role({ ramp: [0.25, 0.5, 0.75], attritionPerYear: 0, current: 2, hireLeadMonths: 1 });
    // E = 1, covered from month 4. The spike of 10 FTE in month 2 would take 40 hires at 25 %.
    const p = planRole(r, undefined, [2, 2, 10, 2, 2, 2], 100);
    expect(p.hires).toEqual([0, 0, 0, 0, 0, 0]);
    expect(p.shortfall).toEqual([0, 0, 8, 0, 0, 0]);
  });

  test('the published reference: 25 heads over ramp 25/60/85/100 % are 19.75 ramped-rep equivalents', () => {
    // 5 reps in their first month, 3 in their second, 2 in their third, 15 ramped.
    const hires = [0, 0, 0, 2, 3, 5];
    const p: People = { ramp: [0.25, 0.6, 0.85], attritionPerYear: 0, current: 15 };
    expect(refEffective(p, hires)[5]).toBeCloseTo(19.75, 12);
    expect(refHeads(p, hires)[5]).toBe(25);
  });

  test('huge demand (1e6 FTE): correct and fast', () => {
    const months = 15;
    const cases = [
      { r: role({ ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.32, current: 0, hireLeadMonths: 1 }), demand: Array.from({ length: months }, (_, m) => 1e6 * (1 + 0.1 * m)) },
      { r: role({ ramp: [0, 0.2, 0.4, 0.6, 0.8], attritionPerYear: 0.6, current: 1000, hireLeadMonths: 2 }), demand: Array.from({ length: months }, (_, m) => (m % 3 === 0 ? 1e6 : 2.5e5 + m * 0.37)) },
      { r: role({ ramp: [0.5, 0.51, 0.3], attritionPerYear: 0.01, current: 3, hireLeadMonths: 0 }), demand: Array.from({ length: months }, (_, m) => (m > 8 ? 0 : 1e6 / 3)) },
    ];
    for (const { r, demand } of cases) {
      const t0 = performance.now();
      const v = violations(r, demand);
      const ms = performance.now() - t0;
      expect(v).toEqual([]);
      expect(ms).toBeLessThan(2000);
    }
  });

  test('the engine alone on 1e6 FTE over 18 months stays fast (12 roles well under a second)', () => {
    const r = role({ ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, current: 0, hireLeadMonths: 1 });
    const demand = Array.from({ length: 18 }, (_, m) => 1e6 * (1 + 0.05 * Math.sin(m)));
    const t0 = performance.now();
    for (let i = 0; i < 12; i++) planRole(r, undefined, demand, 100);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------
// Whole plans: drivers, managers, costs

function planned(input: unknown) {
  const checked = validatePlan(input, { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel)!;
  const h = planHeadcount(checked.plan, timeline);
  return { plan: checked.plan, timeline, h, json: headcountToJson(h) };
}

const base = { ...clone(seedExample), timing: { fiscalYearStart: '2027-01' } };
const roles = [
  { id: 'sdr', driver: { stage: 'sql' }, capacityPerMonth: 15, ramp: [0.25, 0.5, 0.75], attritionPerYear: 0.3, hireLeadMonths: 1, monthlyCost: 8000.33, current: 3 },
  { id: 'ae', driver: { stage: 'opportunity' }, capacityPerMonth: 8, ramp: [0, 0.2, 0.4, 0.6, 0.8], attritionPerYear: 0.25, hireLeadMonths: 2, monthlyCost: 16000, current: 2 },
  { id: 'mgr', driver: { span: 6, of: ['sdr', 'ae'] }, ramp: [0.5], attritionPerYear: 0.2, hireLeadMonths: 0, monthlyCost: 20000.5, current: 0 },
  { id: 'analyst', driver: { ratio: 25, of: ['sdr', 'ae', 'mgr'] }, monthlyCost: 10300, current: 1 },
  { id: 'csm', driver: { accounts: 40 }, capacityPerMonth: 40, ramp: [0.5, 0.75], attritionPerYear: 0.2, hireLeadMonths: 2, monthlyCost: 11000, current: 1 },
  { id: 'cso', driver: { fixed: 1 }, monthlyCost: 27000, current: 0, hireLeadMonths: 2 },
];

describe('whole plans against the reference', () => {
  for (const planStart of ['2026-04', '2026-10', '2027-01', '2027-06', '2027-12']) {
    test(`plan start ${planStart}: managers and ratios count heads of reports; accounts = existing + won to date; each role checks against the reference; costs add to yearCost in cents`, () => {
      const { h, json, timeline } = planned({ ...base, headcount: { planStart, roles, vertical: null } });
      const startIndex = h.planStart; // FY month index of the plan's first month
      expect(json.months[0]).toBe(planStart);
      expect(json.months[json.months.length - 1]).toBe('2027-12');
      const months = json.months;
      const R = json.roles;
      months.forEach((m, i) => {
        expect(R.mgr.demandFte[m]).toBeCloseTo((R.sdr.heads[m] + R.ae.heads[m]) / 6, 12);
        expect(R.analyst.demandFte[m]).toBeCloseTo((R.sdr.heads[m] + R.ae.heads[m] + R.mgr.heads[m]) / 25, 12);
        expect(R.cso.demandFte[m]).toBe(1);
        let won = 0;
        for (let t = 0; t <= startIndex + i; t++) won += monthValue(timeline.total.won.thisYear, t);
        expect(R.csm.demandFte[m]).toBeCloseTo((40 + won) / 40, 12);
      });
      // Each role's reported plan obeys the definition, given its reported demand.
      for (const p of h.roles) expect([p.role.id, violations(p.role, p.demand)]).toEqual([p.role.id, []]);
      // Costs: cents per role and month; yearCost = the FY months; the total = Σ roles.
      const fy = months.filter((m) => m >= '2027-01');
      const cents = (x: number) => Math.round(x * 100);
      for (const p of h.roles) {
        p.costMinor.forEach((c, i) => expect(Math.abs(c - p.heads[i] * p.role.monthlyCost * 100)).toBeLessThanOrEqual(0.5 + 1e-6));
        expect(cents(R[p.role.id].yearCost)).toBe(fy.reduce((s, m) => s + cents(R[p.role.id].cost[m]), 0));
      }
      months.forEach((m) => expect(cents(json.total.cost[m])).toBe(Object.values(R).reduce((s, r) => s + cents(r.cost[m]), 0)));
      expect(cents(json.total.yearCost)).toBe(Object.values(R).reduce((s, r) => s + cents(r.yearCost), 0));
    });
  }

  test('plan start == the FY end month: one month, hires only where lead and ramp allow', () => {
    const { json } = planned({ ...base, headcount: { planStart: '2027-12', roles, vertical: null } });
    expect(json.months).toEqual(['2027-12']);
    // Only the analyst (lead 0, ramp []) is covered in its only month; mgr has ramp [0.5] so is never covered.
    expect(json.roles.mgr.hires['2027-12']).toBe(0);
    expect(json.roles.analyst.firstCoveredMonth).toBe('2027-12');
    expect(json.roles.sdr.firstCoveredMonth).toBe(null);
    expect(json.roles.sdr.hires['2027-12']).toBe(0);
  });
});

describe('cost rounds half up to the cent, exactly for typed decimals (docs/headcount.md, design.md §3)', () => {
  /** Whole heads × a cost typed with at most 3 decimals, in cents, half up — in integers, no floating point. */
  function exactCents(heads: number, cost: string): number {
    const [int, frac = ''] = cost.split('.');
    const thousandths = Number(int) * 1000 + Number(frac.padEnd(3, '0'));
    return Math.floor((heads * thousandths + 5) / 10);
  }

  test('one person at 1.005 a month costs 1.01, not 1.00 (1.005 × 100 = 100.49999999999999 in floating point)', () => {
    const r = role({ ramp: [], attritionPerYear: 0, current: 1, hireLeadMonths: 0, monthlyCost: 1.005 });
    expect(planRole(r, undefined, [1, 1], 100).costMinor).toEqual([101, 101]);
  });

  test('whole heads × typed costs with a half cent: every month as the exact decimal product rounds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3_000_000 }), (current, thousandths) => {
        const typed = `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;
        const r = role({ ramp: [], attritionPerYear: 0, current, hireLeadMonths: 0, monthlyCost: Number(typed) });
        expect([typed, planRole(r, undefined, [0], 100).costMinor[0]]).toEqual([typed, exactCents(current, typed)]);
      }),
      { numRuns: 3000, seed: 1005 },
    );
  });
});
