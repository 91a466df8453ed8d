/**
 * Quantiles of an unsorted sample in linear time, by selection: the very numbers
 * quantileSorted gives on the sorted sample, without sorting it.
 *
 * Why: finish() needs only the median and p90 of each duration sample. Sorting the 1,000,000-row
 * benchmark export's durations (each source's, then all of them again) took ~60 ms, the
 * largest step after the file is read; selecting the same order statistics takes a few ms.
 */
import { quantileSorted } from './quantile';

/** Below this many values a range is sorted outright. */
const SMALL = 16;

/**
 * Reorders a[lo, hi) so that a[k] is the value sorting would put there, with no larger value
 * before it and no smaller one after it (Hoare's selection, median-of-three pivots). Falls back
 * to sorting the range if the partitions keep coming out lopsided, so it is never worse than
 * O(n log n).
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  let right = hi - 1;
  let left = lo;
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 1)) + 8;
  while (right > left) {
    if (right - left < SMALL || budget-- === 0) {
      a.subarray(left, right + 1).sort();
      return;
    }
    const x = a[left];
    const y = a[(left + right) >>> 1];
    const z = a[right];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[left..j] ≤ pivot ≤ a[i..right], and anything between equals the pivot.
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** The smallest of a[from, to). */
function minimum(a: Float64Array, from: number, to: number): number {
  let m = a[from];
  for (let i = from + 1; i < to; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * The q-quantiles of `values` for each q of `qs` (ascending), as quantileSorted computes them on
 * the sorted values (linear interpolation between the two nearest ranks). Reorders `values`.
 *
 * @returns one number per q; nulls for an empty sample.
 * @example
 * selectQuantiles(Float64Array.from([10, 1, 4, 2, 3]), [0.5, 0.9])  // → [3, 7.6] (h = 3.6: 4 + 0.6·(10 − 4))
 */
export function selectQuantiles(values: Float64Array, qs: readonly number[]): (number | null)[] {
  const n = values.length;
  if (n === 0) return qs.map(() => null);
  if (n <= SMALL) {
    values.sort();
    return qs.map((q) => quantileSorted(values, q));
  }
  const out: (number | null)[] = [];
  // Each selection works right of the last one: what lies left of it is no larger.
  let from = 0;
  for (const q of qs) {
    const h = q * (n - 1);
    const lo = Math.floor(h);
    if (lo < from) throw new Error('selectQuantiles: qs must be ascending');
    select(values, lo, from, n);
    from = lo;
    const a = values[lo];
    const frac = h - lo;
    if (frac === 0 || lo >= n - 1) {
      out.push(lo >= n - 1 ? values[n - 1] : a);
      continue;
    }
    // The next order statistic: the smallest of everything after position lo.
    out.push(a + frac * (minimum(values, lo + 1, n) - a));
  }
  return out;
}
