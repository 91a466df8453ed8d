/**
 * The pool's arithmetic on hand-worked cases (design.md §10): the AE example, the gate's
 * edge, a stepped curve, at and beyond a cap, an accelerator segment, fitToPool binding, a
 * percent-of-revenue pool, and cents split so every part adds up.
 */
import { curveValue } from '../../../src/core/bonus/curve';
import { PayContext, payScenario } from '../../../src/core/bonus/payScenario';
import { bonusOf } from './bonusOf';
import { explainScenario } from '../../../src/core/bonus/explainPayout';
import { bonusPlan } from '../../../src/core/bonus/bonusPlan';

const ctx = (heads: Record<string, number>, kpis: string[] = ['revenue', 'marketingShare', 'sql']): PayContext => ({ revenueTarget: 10_000_000, scale: 100, heads, kpis });

const names = { role: (id: string, n?: number) => (id === 'ae' ? (n === 1 ? 'AE' : 'AEs') : id), stage: (id: string) => id.toUpperCase() };

describe('a curve', () => {
  const accelerator = { points: [{ attainment: 0.5, multiplier: 0.5 }, { attainment: 1, multiplier: 1 }, { attainment: 1.5, multiplier: 2 }], stepped: false };
  it('pays 0 below its first point, then linear, steeper on the accelerator, the cap beyond the last point', () => {
    expect(curveValue(accelerator, 0.4999)).toBe(0);
    expect(curveValue(accelerator, 0.5)).toBe(0.5);
    expect(curveValue(accelerator, 0.75)).toBe(0.75);
    expect(curveValue(accelerator, 1.25)).toBe(1.5); // 1 + 0.25 × (1 / 0.5): twice as steep above plan
    expect(curveValue(accelerator, 1.5)).toBe(2);
    expect(curveValue(accelerator, 9)).toBe(2);
  });
  it('stepped: the highest point at or below', () => {
    const stepped = { ...accelerator, stepped: true };
    expect(curveValue(stepped, 0.49)).toBe(0);
    expect(curveValue(stepped, 0.99)).toBe(0.5);
    expect(curveValue(stepped, 1)).toBe(1);
    expect(curveValue(stepped, 1.49)).toBe(1);
    expect(curveValue(stepped, 1.6)).toBe(2);
  });
});

describe('one scenario', () => {
  // The example: revenue 110 % → 1.3 × 0.7, marketing share 95 % → 0.9 × 0.3 = 1.18; 50 % of a 540,000 pool.
  const example = bonusOf({
    pool: { amount: 540_000 },
    buckets: [
      {
        id: 'ae', name: 'AE', share: 0.5, roles: ['ae'],
        kpis: [
          { kpi: 'revenue', weight: 0.7, curve: [[0.8, 0.5], [1, 1], [1.2, 1.6]] },
          { kpi: 'marketingShare', weight: 0.3, curve: [[0.8, 0.6], [1, 1]] },
        ],
      },
      { id: 'rest', share: 0.5, roles: ['marketer'], kpis: [{ kpi: 'sql', weight: 1, curve: [[0, 1]] }] },
    ],
  });

  it("pays the issue's AE 318,600, 39,825 to each of 8, and says so", () => {
    const s = payScenario(example, 'X', { revenue: 1.1, marketingShare: 0.95 }, ctx({ ae: 8, marketer: 3 }));
    const ae = s.buckets[0];
    expect(ae.terms.map((t) => t.curveMultiplier)).toEqual([expect.closeTo(1.3, 12), expect.closeTo(0.9, 12)]);
    expect(ae.multiplier).toBeCloseTo(1.18, 12);
    expect(s.fundedMinor).toBe(54_000_000);
    expect(ae.payoutMinor).toBe(31_860_000);
    expect(ae.roles[0]).toMatchObject({ heads: 8, payoutMinor: 31_860_000, perHeadMinor: 3_982_500, extraMinorHeads: 0 });
    const b = { ...bonusPlan(example, 10_000_000, 'USD', undefined), heads: { ae: 8 } };
    expect(explainScenario(b, s, 'en', names)[0]).toBe('AE: 1.18 × (revenue 110% → 1.3 × 0.7, marketing share 95% → 0.9 × 0.3) × 50% of a 540,000 pool = 318,600; 8 AEs, 39,825 each');
  });

  it('splits a part that does not divide by the heads: some get a cent more, and the heads add up to the part', () => {
    // 270,000 × 1 over 7 heads: 38,571.428…: 38,571.42 each, 6 of them 38,571.43 (7 × 38,571.42 = 269,999.94).
    const s = payScenario(example, 'P', {}, ctx({ ae: 7, marketer: 3 }));
    const r = s.buckets[0].roles[0];
    expect(r).toMatchObject({ payoutMinor: 27_000_000, perHeadMinor: 3_857_142, extraMinorHeads: 6 });
    expect(r.perHeadMinor * 7 + r.extraMinorHeads).toBe(27_000_000);
  });

  const gated = bonusOf({
    pool: { amount: 100_000 },
    gate: { kpi: 'revenue', min: 0.8 },
    fundingCurve: [[0.8, 0.5], [1, 1], [1.2, 1.5]],
    buckets: [{ id: 'sales', share: 1, roles: ['ae', 'salesManager'], roleWeights: { salesManager: 2 }, kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1]] }] }],
  });

  it('funds nothing just below the gate and half the pool at it', () => {
    const c = ctx({ ae: 4, salesManager: 1 });
    const below = payScenario(gated, 'below', { revenue: 0.7999 }, c);
    expect(below).toMatchObject({ gateMet: false, fundedMinor: 0, totalMinor: 0 });
    expect(below.buckets[0].roles.map((r) => r.payoutMinor)).toEqual([0, 0]);
    const at = payScenario(gated, 'at', { revenue: 0.8 }, c);
    expect(at).toMatchObject({ gateMet: true, fundedMinor: 5_000_000, totalMinor: 5_000_000 });
    // 4 AEs at weight 1 and a manager at 2: 4 : 2 of 50,000.
    expect(at.buckets[0].roles.map((r) => [r.payoutMinor, r.perHeadMinor])).toEqual([[3_333_333, 833_333], [1_666_667, 1_666_667]]);
    expect(at.buckets[0].roles[0].extraMinorHeads).toBe(1);
  });

  it('accelerates above plan and stops at the cap', () => {
    const c = ctx({ ae: 1, salesManager: 1 });
    expect(payScenario(gated, 'a', { revenue: 1.1 }, c).fundedMinor).toBe(12_500_000);
    expect(payScenario(gated, 'b', { revenue: 1.2 }, c).fundedMinor).toBe(15_000_000);
    expect(payScenario(gated, 'c', { revenue: 2 }, c).fundedMinor).toBe(15_000_000);
  });

  it('funds a percent of actual revenue: 5 % of 90 % of 10,000,000', () => {
    const pct = bonusOf({ pool: { percentOfRevenue: '5%' }, buckets: [{ id: 'all', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1]] }] }] });
    const s = payScenario(pct, 'x', { revenue: 0.9 }, ctx({ ae: 3 }));
    expect(s.fundedMinor).toBe(45_000_000);
    expect(s.revenueMinor).toBe(900_000_000);
    expect(s.costOfRevenue).toBe(0.05);
  });

  it('fits the buckets into the pool by largest remainder when they would pay more, to the cent', () => {
    const raw = {
      pool: { amount: 1000 },
      buckets: [
        { id: 'a', share: 0.5, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1], [1, 1], [2, 3]] }] },
        { id: 'b', share: 0.5, roles: ['sdr'], kpis: [{ kpi: 'sql', weight: 1, curve: [[0, 1]] }] },
      ],
    };
    const c = ctx({ ae: 1, sdr: 3 });
    // revenue 1.5 → a's multiplier 2: a 1,000, b 500 against a pool of 1,000: 2 : 1 → 666.67 and 333.33.
    const over = payScenario(bonusOf(raw), 'up', { revenue: 1.5 }, c);
    expect(over.buckets.map((p) => p.payoutMinor)).toEqual([100_000, 50_000]);
    expect(over.totalMinor).toBe(150_000);
    const fitted = payScenario(bonusOf({ ...raw, fitToPool: true }), 'up', { revenue: 1.5 }, c);
    expect(fitted.buckets.map((p) => p.payoutMinor)).toEqual([66_667, 33_333]);
    expect(fitted.totalMinor).toBe(100_000);
    expect(fitted.buckets[0].scale).toBeCloseTo(2 / 3, 12);
    expect(fitted.buckets[1].roles[0]).toMatchObject({ perHeadMinor: 11_111, extraMinorHeads: 0 });
    // On plan the buckets fit anyway: nothing is scaled.
    expect(payScenario(bonusOf({ ...raw, fitToPool: true }), 'p', {}, c).buckets.map((p) => [p.payoutMinor, p.scale])).toEqual([[50_000, 1], [50_000, 1]]);
  });

  it('splits the pool over the buckets by largest remainder, so they never pay a cent more than it', () => {
    const b = bonusOf({ pool: { amount: '1000.01' }, buckets: ['a', 'b'].map((id, i) => ({ id, share: 0.5, roles: [i === 0 ? 'ae' : 'sdr'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1]] }] })) });
    const s = payScenario(b, 'p', {}, ctx({ ae: 1, sdr: 1 }));
    expect(s.buckets.map((p) => p.payoutMinor)).toEqual([50_001, 50_000]);
    expect(s.totalMinor).toBe(s.fundedMinor);
  });

  it('pays a bucket with nobody in its roles nothing, reports what it would have paid, and fits the others without it', () => {
    const raw = {
      pool: { amount: 1000 },
      fitToPool: true,
      buckets: [
        { id: 'a', share: 0.5, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1], [1, 1], [2, 3]] }] },
        { id: 'b', share: 0.5, roles: ['sdr'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1]] }] },
      ],
    };
    // Revenue 150 %: a would pay 1,000 and b 500; b has nobody, so a alone is fitted into the 1,000 pool.
    const s = payScenario(bonusOf(raw), 'up', { revenue: 1.5 }, ctx({ ae: 2, sdr: 0 }));
    expect(s.buckets.map((p) => [p.payoutMinor, p.unpaidMinor])).toEqual([[100_000, 0], [0, 50_000]]);
    expect(s.totalMinor).toBe(100_000);
    expect(s.buckets[0].scale).toBe(1);
  });

  it('rounds a half cent up at 15 digits, as a spreadsheet does', () => {
    const b = bonusOf({ pool: { amount: 1.005 }, buckets: [{ id: 'a', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0, 1]] }] }] });
    expect(payScenario(b, 'p', {}, ctx({ ae: 1 })).fundedMinor).toBe(101);
  });

  it('pays a role without heads nothing and gives its part to the bucket\'s other roles', () => {
    const s = payScenario(gated, 'p', {}, ctx({ ae: 0, salesManager: 2 }));
    expect(s.buckets[0].roles.map((r) => r.payoutMinor)).toEqual([0, 10_000_000]);
  });
});
