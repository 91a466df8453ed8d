/** Continuous quantiles of a sorted sample, the same numbers DuckDB's quantile_cont and numpy's 'linear' method give. */

/**
 * The q-quantile (0 ≤ q ≤ 1) of the first `count` values of `sorted` (ascending), by linear
 * interpolation between the two nearest ranks: h = q·(n − 1), result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * So the median of an even count is the mean of the two middle values.
 *
 * @returns `null` for an empty sample.
 * @example
 * const x = Float64Array.from([1, 2, 3, 4, 10]);
 * quantileSorted(x, 0.9)  // h = 0.9·4 = 3.6 → 4 + 0.6·(10 − 4) = 7.6
 * quantileSorted(Float64Array.from([1, 2, 4, 7]), 0.5) // h = 1.5 → 2 + 0.5·(4 − 2) = 3
 */
export function quantileSorted(sorted: Float64Array, q: number, count: number = sorted.length): number | null {
  if (count <= 0) return null;
  const h = q * (count - 1);
  const lo = Math.floor(h);
  if (lo >= count - 1) return sorted[count - 1];
  const frac = h - lo;
  const a = sorted[lo];
  return frac === 0 ? a : a + frac * (sorted[lo + 1] - a);
}
