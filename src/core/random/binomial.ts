/**
 * Binomial draws for the confidence simulation (design.md §11): the conversions of n records at
 * rate p. Small means (n·min(p, 1 − p) ≤ 30) by inversion, walking the probabilities up from 0
 * (O(np), a few steps); large means by BTPE — Kachitvichyanukul & Schmeiser, "Binomial random
 * variate generation", CACM 31(2), 1988 — a triangle, two parallelograms and two exponential
 * tails under the distribution with squeeze tests, O(1) per draw however large n is (the same
 * algorithm NumPy's legacy generator uses). Only the seeded source's uniforms are used, so a
 * seed gives the same counts in Node, Apps Script and the browser.
 */
import type { RandomSource } from './seededRandom';

/** A uniform in [0, 1) from 32 random bits: enough resolution for the acceptance tests, at half the cost of 53. */
const U32 = 2.3283064365386963e-10;

/** Stirling's correction terms of the final acceptance test. */
const stirling = (x: number, x2: number) => (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;

/** BTPE for p ≤ 0.5; its constants are locals, so a draw allocates nothing. */
function btpe(n: number, r: number, rng: RandomSource): number {
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const nrq = n * r * q;
  const p1 = Math.floor(2.195 * Math.sqrt(nrq) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  for (;;) {
    const u = rng.nextUint32() * U32 * p4;
    let v = rng.nextUint32() * U32;
    let y: number;
    if (u <= p1) return Math.floor(xm - p1 * v + u); // the triangle: accepted at once
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
      if (v > 1) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + Math.log(v) / laml);
      if (y < 0 || v === 0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - Math.log(v) / lamr);
      if (y > n || v === 0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (k <= 20 || k >= nrq / 2 - 1) {
      // Explicit ratio f(y) / f(m), by recursion.
      const s = r / q;
      const g = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= g / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= g / i - s;
      if (v > f) continue;
      return y;
    }
    // Squeeze on log f(y) / f(m), then the exact test with Stirling's formula.
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return y;
    if (logV > t + rho) continue;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    const bound =
      xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log((w * r) / (x1 * q)) +
      stirling(f1, f1 * f1) + stirling(z, z * z) + stirling(x1, x1 * x1) + stirling(w, w * w);
    if (logV > bound) continue;
    return y;
  }
}

function inversion(n: number, p: number, rng: RandomSource): number {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log(q));
  const np = n * p;
  const bound = Math.min(n, Math.floor(np + 10 * Math.sqrt(np * q + 1)));
  for (;;) {
    let x = 0;
    let px = qn;
    let u = rng.nextUint32() * U32;
    while (u > px) {
      x++;
      if (x > bound) break;
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
    if (x <= bound) return x;
  }
}

/** Above this mean of the rarer outcome BTPE is used. */
export const INVERSION_LIMIT = 30;

/**
 * A Binomial(n, p) count: how many of n records convert at rate p.
 *
 * @example
 * const rng = seededRandom(7);
 * binomial(rng, 0, 0.4);        // → 0
 * binomial(rng, 3200, 1);       // → 3200
 * binomial(rng, 3200, 0.4);     // → about 1,280 (sd 27.7), e.g. 1,263
 * binomial(rng, 1e9, 0.25);     // → about 250,000,000, in the same time as n = 100
 * @throws RangeError unless n is a whole number ≥ 0 and 0 ≤ p ≤ 1.
 */
export function binomial(rng: RandomSource, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !(p >= 0 && p <= 1)) throw new RangeError(`binomial: n must be a whole number ≥ 0 and p in [0, 1], got n = ${n}, p = ${p}`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const r = flip ? 1 - p : p;
  const y = n * r <= INVERSION_LIMIT ? inversion(n, r, rng) : btpe(n, r, rng);
  return flip ? n - y : y;
}
