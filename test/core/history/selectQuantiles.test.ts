/** selectQuantiles gives exactly what quantileSorted gives on the sorted sample. */
import fc from 'fast-check';
import { quantileSorted } from '../../../src/core/history/quantile';
import { selectQuantiles } from '../../../src/core/history/selectQuantiles';

const QS = [0.5, 0.9];
const sortedQuantiles = (values: readonly number[], qs: readonly number[]) => {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => quantileSorted(sorted, q));
};

describe('selectQuantiles', () => {
  it('the documented example, and an empty sample', () => {
    expect(selectQuantiles(Float64Array.from([10, 1, 4, 2, 3]), QS)).toEqual(sortedQuantiles([1, 2, 3, 4, 10], QS)); // [3, ≈ 7.6]
    expect(selectQuantiles(new Float64Array(0), QS)).toEqual([null, null]);
  });

  it('equals quantileSorted on the sorted values: few or many, ties, negatives, fractions (property)', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 40 }), fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }));
    const qs = fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 4 }).map((a) => a.sort((x, y) => x - y).map((i) => i / 20));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), qs, (values, q) => {
        expect(selectQuantiles(Float64Array.from(values), q)).toEqual(sortedQuantiles(values, q));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays exact and fast on large samples: sorted, reversed, all equal, a few distinct values', () => {
    const n = 200_001;
    const samples = [
      Float64Array.from({ length: n }, (_, i) => i / 7),
      Float64Array.from({ length: n }, (_, i) => (n - i) / 3),
      new Float64Array(n).fill(2.5),
      Float64Array.from({ length: n }, (_, i) => (i * 7919) % 13),
      Float64Array.from({ length: n }, (_, i) => ((i * 2654435761) % 1000003) / 1000),
    ];
    for (const sample of samples) {
      const expected = sortedQuantiles([...sample], [0.1, 0.5, 0.9, 1]);
      expect(selectQuantiles(sample, [0.1, 0.5, 0.9, 1])).toEqual(expected);
    }
  });
});
