/**
 * The pool's promises over generated designs (pools, gates, funding curves, buckets with
 * threshold, accelerator, capped and stepped curves, role weights, heads) and attainments:
 * payouts are whole and never negative; every head's amount adds up to its role's part, the
 * roles to the bucket, the buckets to the total; with fitToPool the total never exceeds the
 * funded pool; and when every curve rises or stays flat and nothing is fitted, no bucket pays
 * less when any KPI improves.
 */
import fc from 'fast-check';
import type { FieldError } from '../../../src/core/fieldError';
import { payScenario } from '../../../src/core/bonus/payScenario';
import { readBonus } from '../../../src/core/bonus/readBonus';

const KPIS = ['revenue', 'marketingShare', 'sql', 'won'];
const ROLES = ['ae', 'sdr', 'csm', 'manager'];

/** Points with rising attainments; `rising` keeps multipliers non-decreasing. */
const curveArb = (rising: boolean) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 300 })), { minLength: 1, maxLength: 5 })
    .map((steps) => {
      let x = 0;
      let y = 0;
      return steps.map(([dx, dy]) => {
        x += dx / 20;
        y = rising ? y + dy / 200 : dy / 100;
        return [Math.round(x * 100) / 100, Math.round(y * 1000) / 1000];
      });
    })
    .chain((points) => fc.constantFrom<unknown>(points, { points, stepped: true }));

/** Weights that add up to 1 exactly, as hundredths. */
const weightsArb = (n: number) =>
  fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }).map((ws) => {
    const sum = ws.reduce((a, b) => a + b, 0);
    const hundredths = ws.map((w) => Math.floor((w * 100) / sum));
    hundredths[0] += 100 - hundredths.reduce((a, b) => a + b, 0);
    return hundredths.map((h) => h / 100);
  });

const bucketArb = (rising: boolean) =>
  fc
    .tuple(fc.subarray(KPIS, { minLength: 1 }), fc.subarray(ROLES, { minLength: 1 }))
    .chain(([kpis, roles]) =>
      fc.record({
        kpis: fc.tuple(weightsArb(kpis.length), fc.array(curveArb(rising), { minLength: kpis.length, maxLength: kpis.length })).map(([ws, curves]) => kpis.map((kpi, i) => ({ kpi, weight: ws[i], curve: curves[i] }))),
        roles: fc.constant(roles),
        roleWeights: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: roles.length, maxLength: roles.length }).map((ws) => Object.fromEntries(roles.map((r, i) => [r, i === 0 ? Math.max(1, ws[i]) : ws[i] / 2]))),
      }),
    );

const designArb = (rising: boolean, fit: boolean | undefined) =>
  fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      pool: fc.oneof(fc.integer({ min: 1, max: 5_000_000 }).map((cents) => ({ amount: cents / 100 })), fc.integer({ min: 1, max: 2000 }).map((bp) => ({ percentOfRevenue: bp / 10_000 }))),
      gate: fc.option(fc.record({ kpi: fc.constantFrom(...KPIS), min: fc.integer({ min: 0, max: 120 }).map((p) => p / 100) }), { nil: undefined }),
      fundingCurve: fc.option(curveArb(rising), { nil: undefined }),
      fitToPool: fit === undefined ? fc.boolean() : fc.constant(fit),
      buckets: fc.tuple(weightsArb(n), fc.array(bucketArb(rising), { minLength: n, maxLength: n })).map(([shares, buckets]) => buckets.map((b, i) => ({ id: `b${i}`, share: shares[i], ...b }))),
    }),
  );

const headsArb = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: ROLES.length, maxLength: ROLES.length }).map((hs) => Object.fromEntries(ROLES.map((r, i) => [r, hs[i]])));
const attainmentsArb = fc.array(fc.integer({ min: 0, max: 250 }), { minLength: KPIS.length, maxLength: KPIS.length }).map((as) => Object.fromEntries(KPIS.map((k, i) => [k, as[i] / 100])));

function read(raw: unknown) {
  const errors: FieldError[] = [];
  const b = readBonus(raw, { stages: ['sql', 'won'], roleIds: ROLES, reservedIds: [] }, errors);
  if (!b) throw new Error(`generated an invalid design: ${JSON.stringify(errors)}`);
  return b;
}

const ctx = (heads: Record<string, number>) => ({ revenueTarget: 12_345_678, scale: 100, heads, kpis: KPIS });

describe('the pool, over generated designs', () => {
  it('pays whole, non-negative amounts that add up: heads to roles, roles to buckets, buckets to the total', () => {
    fc.assert(
      fc.property(designArb(false, undefined), headsArb, attainmentsArb, (raw, heads, kpis) => {
        const s = payScenario(read(raw), 's', kpis, ctx(heads));
        expect(Number.isInteger(s.fundedMinor) && s.fundedMinor >= 0).toBe(true);
        let total = 0;
        for (const p of s.buckets) {
          expect(Number.isInteger(p.payoutMinor) && p.payoutMinor >= 0).toBe(true);
          total += p.payoutMinor;
          const anyone = p.roles.some((r) => r.heads > 0 && r.weight > 0);
          const parts = p.roles.reduce((sum, r) => sum + r.payoutMinor, 0);
          expect(parts).toBe(anyone ? p.payoutMinor : 0);
          for (const r of p.roles) {
            expect(r.perHeadMinor >= 0 && r.extraMinorHeads >= 0 && r.extraMinorHeads < Math.max(1, r.heads)).toBe(true);
            expect(r.perHeadMinor * r.heads + r.extraMinorHeads).toBe(r.payoutMinor);
          }
        }
        expect(s.totalMinor).toBe(total);
      }),
      { numRuns: 400 },
    );
  });

  it('with fitToPool never pays more than the funded pool', () => {
    fc.assert(
      fc.property(designArb(false, true), headsArb, attainmentsArb, (raw, heads, kpis) => {
        const s = payScenario(read(raw), 's', kpis, ctx(heads));
        expect(s.totalMinor).toBeLessThanOrEqual(s.fundedMinor);
        // When it binds the buckets share out exactly the funded pool.
        if (s.buckets[0].scale < 1) expect(s.totalMinor).toBe(s.fundedMinor);
      }),
      { numRuns: 300 },
    );
  });

  // Largest remainder may move one cent between buckets as their raw amounts change: that cent is allowed.
  it('when every curve rises or stays flat and nothing is fitted, no bucket pays less when a KPI improves (beyond the one cent rounding moves)', () => {
    fc.assert(
      fc.property(designArb(true, false), headsArb, attainmentsArb, fc.constantFrom(...KPIS), fc.integer({ min: 1, max: 80 }), (raw, heads, kpis, kpi, up) => {
        const b = read(raw);
        const before = payScenario(b, 'a', kpis, ctx(heads));
        const after = payScenario(b, 'b', { ...kpis, [kpi]: kpis[kpi] + up / 100 }, ctx(heads));
        after.buckets.forEach((p, i) => expect(p.payoutMinor).toBeGreaterThanOrEqual(before.buckets[i].payoutMinor - 1));
      }),
      { numRuns: 400 },
    );
  });
});
