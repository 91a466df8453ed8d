import fc from 'fast-check';
import { quantileSorted } from '../../../src/core/history/quantile';
import { wilsonInterval } from '../../../src/core/history/wilson';

describe('wilsonInterval', () => {
  it('8 of 10, worked by hand: 0.4902 to 0.9433', () => {
    // z² = 3.8416; 1 + z²/n = 1.38416; centre = 0.99208 / 1.38416 = 0.716738;
    // half = 1.96 · √0.025604 / 1.38416 = 0.313625 / 1.38416 = 0.226581
    const r = wilsonInterval(8, 10)!;
    expect(r.low).toBeCloseTo(0.490157, 6);
    expect(r.high).toBeCloseTo(0.943319, 6);
  });

  it('0 of 10 and 10 of 10: one end pinned, the other z²/n / (1 + z²/n) = 0.277540 away', () => {
    // centre = half = 0.19208 / 1.38416 = 0.138770
    expect(wilsonInterval(0, 10)!.low).toBe(0);
    expect(wilsonInterval(0, 10)!.high).toBeCloseTo(0.27754, 5);
    expect(wilsonInterval(10, 10)!.high).toBe(1);
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.72246, 5);
  });

  it('all or none converted: the pinned end is exactly 1 or 0 for any sample (never 0.9999999999999998)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        expect(wilsonInterval(n, n)!.high).toBe(1);
        expect(wilsonInterval(0, n)!.low).toBe(0);
      }),
    );
  });

  it('250 of 1000: 0.2242 to 0.2778, close to the normal approximation 0.25 ± 0.0268 for a big sample', () => {
    // centre = 0.2519208 / 1.0038416 = 0.2509567; half = 1.96 · √(0.0001875 + 0.00000096) / 1.0038416
    //        = 1.96 · 0.0137281 / 1.0038416 = 0.0268041
    const r = wilsonInterval(250, 1000)!;
    expect(r.low).toBeCloseTo(0.2241526, 6);
    expect(r.high).toBeCloseTo(0.2777608, 6);
  });

  it('has no interval without a sample', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('always holds the observed rate, inside [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(n * f);
        const r = wilsonInterval(k, n)!;
        expect(r.low).toBeGreaterThanOrEqual(0);
        expect(r.high).toBeLessThanOrEqual(1);
        expect(r.low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(r.high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }),
    );
  });
});

describe('quantileSorted', () => {
  const x = (...v: number[]) => Float64Array.from(v);

  it('median of an even count is the mean of the middle two', () => {
    expect(quantileSorted(x(1, 2, 4, 7), 0.5)).toBe(3);
    expect(quantileSorted(x(1, 3), 0.5)).toBe(2);
  });

  it('p90 by linear interpolation: [1, 2, 3, 4, 10] → h = 3.6 → 4 + 0.6 · 6 = 7.6', () => {
    expect(quantileSorted(x(1, 2, 3, 4, 10), 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileSorted(x(1, 2, 3, 4, 10), 0.5)).toBe(3);
  });

  it('ends and edge cases', () => {
    expect(quantileSorted(x(), 0.5)).toBeNull();
    expect(quantileSorted(x(5), 0.9)).toBe(5);
    expect(quantileSorted(x(1, 2, 3), 0)).toBe(1);
    expect(quantileSorted(x(1, 2, 3), 1)).toBe(3);
    // only the first `count` values: [1, 2, 3] of [1, 2, 3, 99]
    expect(quantileSorted(x(1, 2, 3, 99), 0.5, 3)).toBe(2);
  });

  it('agrees with a plain reference implementation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const h = (sorted.length - 1) * q;
        const lo = Math.floor(h);
        const hi = Math.ceil(h);
        const expected = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        expect(quantileSorted(Float64Array.from(sorted), q)).toBeCloseTo(expected, 9);
      }),
    );
  });
});
