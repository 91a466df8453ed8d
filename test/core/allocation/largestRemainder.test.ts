/** Largest-remainder allocation: worked examples by hand, and the rule's invariants as properties. */
import fc from 'fast-check';
import { ALLOCATION_ERRORS, allocate, allocateCount, allocateIntegers, allocateSafeIntegers } from '../../../src/core/allocation/largestRemainder';
import { add, compare, divide, floorFraction, fraction, multiply, subtract } from '../../../src/core/fraction';

describe('allocate: worked examples', () => {
  test('10 over three equal months: 4, 3, 3 (the tie goes to the earliest)', () => {
    expect(allocate(BigInt(10), [BigInt(1), BigInt(1), BigInt(1)])).toEqual([4, 3, 3].map(BigInt));
  });

  test('100 by 0.5 : 0.3 : 0.2 is exact: 50, 30, 20', () => {
    expect(allocate(BigInt(100), [fraction(BigInt(1), BigInt(2)), fraction(BigInt(3), BigInt(10)), fraction(BigInt(1), BigInt(5))])).toEqual(
      [50, 30, 20].map(BigInt),
    );
  });

  test('7 by 2 : 0 : 5 : 3: quotas 1.4, 0, 3.5, 2.1 → 1, 0, 4, 2', () => {
    expect(allocate(BigInt(7), [2, 0, 5, 3].map(BigInt))).toEqual([1, 0, 4, 2].map(BigInt));
  });

  test('365 over twelve equal months: the first five get 31', () => {
    expect(allocateCount(365, Array(12).fill(BigInt(1)))).toEqual([31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30]);
  });

  test('weights of 1/3 in thirds are exact: 0.1 + 0.2 style float drift cannot move a unit', () => {
    // 3 units by 1/3 : 1/3 : 1/3 — as doubles 0.333… would sum to 0.9999999999999999.
    const third = fraction(BigInt(1), BigInt(3));
    expect(allocate(BigInt(3), [third, third, third])).toEqual([1, 1, 1].map(BigInt));
  });

  test('0 to split gives zeros; a single weight takes all', () => {
    expect(allocate(BigInt(0), [BigInt(1), BigInt(2)])).toEqual([BigInt(0), BigInt(0)]);
    expect(allocate(BigInt(9), [BigInt(0), BigInt(4)])).toEqual([BigInt(0), BigInt(9)]);
  });

  test('impossible splits say why', () => {
    expect(() => allocate(BigInt(-1), [BigInt(1)])).toThrow('the total must be a whole number ≥ 0, got -1');
    expect(() => allocate(BigInt(5), [BigInt(1), BigInt(-2)])).toThrow('weights must be ≥ 0, weight 2 is -2/1');
    expect(() => allocate(BigInt(5), [BigInt(0), BigInt(0)])).toThrow('at least one weight must be greater than 0');
    expect(() => allocate(BigInt(5), [])).toThrow('at least one weight must be greater than 0');
    expect(() => allocateCount(1.5, [BigInt(1)])).toThrow('got 1.5');
  });
});

const weightsArb = fc
  .array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 14 })
  .filter((w) => w.some((x) => x > 0))
  .map((w) => w.map(BigInt));
const totalArb = fc.bigInt({ min: BigInt(0), max: BigInt(10) ** BigInt(15) });

describe('allocate: properties', () => {
  test('the parts add up to the total', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        expect(allocate(total, weights).reduce((s, p) => s + p, BigInt(0))).toBe(total);
      }),
    );
  });

  test('each part is its quota rounded down or up, and zero weights get zero', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const sum = weights.reduce((s, w) => s + w, BigInt(0));
        allocate(total, weights).forEach((part, i) => {
          // part·Σw − total·wᵢ is the rounding error times Σw: strictly within one unit.
          const error = part * sum - total * weights[i];
          expect(error > -sum && error < sum).toBe(true);
          if (weights[i] === BigInt(0)) expect(part).toBe(BigInt(0));
        });
      }),
    );
  });

  test('extra units go to the largest remainders, ties to the earlier part', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, (total, weights) => {
        const sum = weights.reduce((s, w) => s + w, BigInt(0));
        const parts = allocate(total, weights);
        // Remainder of part i, scaled by Σw: (total·wᵢ) mod Σw; rounded up when part > floor.
        const rem = weights.map((w) => (total * w) % sum);
        const up = parts.map((p, i) => p > (total * weights[i]) / sum);
        for (let i = 0; i < parts.length; i++) {
          for (let j = 0; j < parts.length; j++) {
            if (up[i] && !up[j]) expect(rem[i] > rem[j] || (rem[i] === rem[j] && i < j)).toBe(true);
          }
        }
      }),
    );
  });

  test('permuting equal weights only moves the remainder: the multiset of parts is the same', () => {
    fc.assert(
      fc.property(totalArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), (total, n, w) => {
        const parts = allocate(total, Array(n).fill(BigInt(w)));
        const base = total / BigInt(n);
        const extra = Number(total % BigInt(n));
        expect(parts).toEqual(Array.from({ length: n }, (_, i) => base + (i < extra ? BigInt(1) : BigInt(0))));
      }),
    );
  });

  test('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(totalArb, weightsArb, fc.integer({ min: 2, max: 1000 }), (total, weights, k) => {
        expect(allocate(total, weights.map((w) => w * BigInt(k)))).toEqual(allocate(total, weights));
      }),
    );
  });
});

describe('allocate over a common denominator (the fast path) equals the rule on exact fractions', () => {
  // The rule as design.md §7 states it, one fraction per quota: the reference the integer path must match.
  function reference(total: bigint, weights: readonly ReturnType<typeof fraction>[]): bigint[] {
    const sum = weights.reduce((s, x) => add(s, x), fraction(BigInt(0)));
    const quotas = weights.map((x) => multiply(fraction(total), divide(x, sum)));
    const parts = quotas.map(floorFraction);
    let left = total - parts.reduce((s, p) => s + p, BigInt(0));
    const rem = quotas.map((q, i) => subtract(q, fraction(parts[i])));
    const order = rem.map((_, i) => i).filter((i) => rem[i].num > BigInt(0)).sort((a, b) => compare(rem[b], rem[a]) || a - b);
    for (const i of order) if (left > BigInt(0)) (parts[i] += BigInt(1)), (left -= BigInt(1));
    return parts;
  }

  test('random totals and fractional weights, zeros included', () => {
    const weight = fc.oneof(fc.constant(fraction(BigInt(0))), fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 997 })).map(([n, d]) => fraction(BigInt(n), BigInt(d))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(weight, { minLength: 1, maxLength: 40 }), (total, weights) => {
        fc.pre(weights.some((w) => w.num > BigInt(0)));
        expect(allocate(BigInt(total), weights)).toEqual(reference(BigInt(total), weights));
      }),
      { numRuns: 500 },
    );
  });

  test('allocateIntegers is allocate on whole weights', () => {
    expect(allocateIntegers(BigInt(7), [2, 0, 5, 3].map(BigInt))).toEqual([1, 0, 4, 2].map(BigInt));
    expect(() => allocateIntegers(BigInt(3), [BigInt(0), BigInt(0)])).toThrow(ALLOCATION_ERRORS.noWeight);
  });
});

describe('allocateSafeIntegers (doubles) equals allocateIntegers (BigInt)', () => {
  test('random whole weights; the same weights × 2⁶⁰ take the BigInt path and give the same split', () => {
    const big = BigInt(2) ** BigInt(60);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((w) => w > 0));
        expect(allocateSafeIntegers(total, weights)).toEqual(allocateIntegers(BigInt(total), weights.map((w) => BigInt(w) * big)).map(Number));
      }),
      { numRuns: 500 },
    );
    expect(() => allocateSafeIntegers(Number.MAX_SAFE_INTEGER, [1, 1])).toThrow('past 2^53');
  });
});
