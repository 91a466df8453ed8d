/** The seeded generator reproduces the reference C implementation and draws evenly. */
import fc from 'fast-check';
import { seededRandom } from '../../../src/core/random/seededRandom';

/** Printed by xoshiro128starstar.c beside this file (the authors' code, seeded by splitmix32). */
const REFERENCE: Record<number, number[]> = {
  0: [3809008728, 1133695204, 53579671, 2891528803, 139681546, 2203266335],
  1: [2442144158, 3238099751, 3819917871, 2104621829, 2021136066, 4223536128],
  42: [2837322924, 544945897, 479756282, 3500138142, 339756180, 113173290],
  4294967295: [835879718, 1921286648, 2356205009, 1885780724, 980451116, 1053911718],
};

describe('seededRandom', () => {
  test.each(Object.entries(REFERENCE))('seed %s gives the reference C output', (seed, expected) => {
    const rng = seededRandom(Number(seed));
    expect(expected.map(() => rng.nextUint32())).toEqual(expected);
  });

  test('a text seed is stable and differs from another text', () => {
    const a = seededRandom('FY2027 plan').nextUint32();
    expect(seededRandom('FY2027 plan').nextUint32()).toBe(a);
    expect(seededRandom('FY2028 plan').nextUint32()).not.toBe(a);
  });

  test('bad seeds and bounds say what is expected', () => {
    expect(() => seededRandom(-1)).toThrow('a whole number from 0 to 4294967295 or a non-empty text, got -1');
    expect(() => seededRandom(1.5)).toThrow('got 1.5');
    expect(() => seededRandom('')).toThrow('non-empty text');
    expect(() => seededRandom(1).nextInt(0)).toThrow('the bound must be a whole number from 1 to 4294967296, got 0');
  });

  test('floats lie in [0, 1) and ints in [0, n)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const f = rng.nextFloat();
          expect(f >= 0 && f < 1).toBe(true);
          const k = rng.nextInt(n);
          expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        }
      }),
    );
  });

  test('a die is fair: chi-square over 60,000 rolls stays below the 0.1% critical value', () => {
    const rng = seededRandom(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) counts[rng.nextInt(6)]++;
    const chi2 = counts.reduce((s, c) => s + (c - 10_000) ** 2 / 10_000, 0);
    expect(chi2).toBeLessThan(20.52); // χ²(5) at p = 0.001
  });

  test('the mean of 100,000 floats is 1/2 within 4 standard errors', () => {
    const rng = seededRandom(2026);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += rng.nextFloat();
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / 100_000));
  });
});
