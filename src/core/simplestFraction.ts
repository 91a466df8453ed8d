/**
 * The simplest fraction in a closed interval, exactly, over BigInt: the Stern–Brocot descent,
 * taken a run at a time (each run is one continued-fraction term).
 */
import { Fraction, fraction } from './fraction';

const ZERO = BigInt(0);
const ONE = BigInt(1);

/**
 * The fraction with the smallest denominator in the closed interval [lo, hi] (lo ≤ hi); among
 * several with that denominator — which happens only for whole numbers, when the interval is at
 * least 1 wide — the one nearest zero. That fraction also has the smallest numerator in absolute value,
 * and it is the first node of the Stern–Brocot tree that falls inside the interval.
 *
 * Examples: [0.142857142857142, 0.142857142857143] → 1/7; [0.33, 0.34] → 1/3;
 * [0.2999999999999995, 0.3000000000000005] → 3/10; [2.5, 7] → 3; [−0.5, 0.2] → 0.
 *
 * @example
 * simplestFractionIn(fraction(33n, 100n), fraction(34n, 100n)); // → 1/3
 * simplestFractionIn(fraction(5n, 2n), fraction(7n));          // → 3/1
 *
 * @throws RangeError when lo > hi.
 *
 * Method: if the interval holds a whole number, the answer is the one nearest zero. Otherwise
 * lo and hi share their whole part n, and lo = n + 1/y for y in [1/(hi − n), 1/(lo − n)]: the
 * simplest x is n + 1/(the simplest y), so the loop collects the terms n of a continued fraction
 * and folds them back: as many steps as the answer has continued-fraction terms (a few dozen at
 * most for a 15-digit interval, even at the ends of the double range).
 */
export function simplestFractionIn(lo: Fraction, hi: Fraction): Fraction {
  if (lo.num * hi.den > hi.num * lo.den) throw new RangeError('simplestFractionIn: lo > hi');
  if (lo.num <= ZERO && hi.num >= ZERO) return fraction(ZERO);
  if (hi.num < ZERO) {
    const mirrored = simplestFractionIn({ num: -hi.num, den: hi.den }, { num: -lo.num, den: lo.den });
    return { num: -mirrored.num, den: mirrored.den };
  }
  // 0 < lo ≤ hi from here on; (ln/ld, hn/hd) is the interval of the current term.
  let ln = lo.num;
  let ld = lo.den;
  let hn = hi.num;
  let hd = hi.den;
  const terms: bigint[] = [];
  for (;;) {
    const n = ln / ld; // floor: both positive
    if (n * ld === ln) {
      terms.push(n); // lo itself is whole
      break;
    }
    if ((n + ONE) * hd <= hn) {
      terms.push(n + ONE); // the least whole number above lo is still ≤ hi
      break;
    }
    terms.push(n);
    // lo, hi in (n, n + 1): continue with [1 / (hi − n), 1 / (lo − n)].
    const nextLn = hd;
    const nextLd = hn - n * hd;
    const nextHn = ld;
    const nextHd = ln - n * ld;
    ln = nextLn;
    ld = nextLd;
    hn = nextHn;
    hd = nextHd;
  }
  // Fold [t0; t1, …, tk] back: p/q = t_i + 1/(p/q), from the last term to the first.
  let p = terms[terms.length - 1];
  let q = ONE;
  for (let i = terms.length - 2; i >= 0; i--) {
    const next = terms[i] * p + q;
    q = p;
    p = next;
  }
  return fraction(p, q);
}
