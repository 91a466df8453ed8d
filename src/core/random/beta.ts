/**
 * Beta draws for a conversion rate measured from history (design.md §11): a stage that
 * converted c of s records has the rate Beta(1 + c, 1 + s − c) — the posterior of a uniform
 * prior. Drawn as X / (X + Y) of two gamma variates, each by Marsaglia & Tsang's method ("A
 * simple method for generating gamma variables", ACM TOMS 26(3), 2000: a squeezed rejection from
 * a cubed normal, about 1.03 normals per draw for shape ≥ 1, which every Beta(1 + c, …) has).
 */
import type { RandomSource } from './seededRandom';

/**
 * A standard normal by the polar (Marsaglia) method; its second variate is dropped so each draw
 * depends only on the stream's position, not on what was drawn before.
 *
 * @example
 * standardNormal(seededRandom(1)); // → a value with mean 0 and variance 1, e.g. -0.41
 */
export function standardNormal(rng: RandomSource): number {
  for (;;) {
    const u = 2 * rng.nextFloat() - 1;
    const v = 2 * rng.nextFloat() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * A Gamma(shape, 1) variate for any shape > 0. Below 1 it is Gamma(shape + 1) · U^(1/shape)
 * (Marsaglia & Tsang's own boost): the sum of a few deals whose sizes vary a lot has a shape
 * under 1.
 *
 * @example
 * gamma(seededRandom(3), 5);   // → mean 5, variance 5, e.g. 4.3
 * gamma(seededRandom(3), 0.5); // → mean 0.5, variance 0.5
 * @throws RangeError for a shape of 0 or less, or not finite.
 */
export function gamma(rng: RandomSource, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma: the shape must be a finite number > 0, got ${shape}`);
  if (shape < 1) {
    const g = gamma(rng, shape + 1);
    let u = rng.nextFloat();
    while (u === 0) u = rng.nextFloat();
    return g * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(a, b) variate for a, b ≥ 1.
 *
 * @example
 * // 400 SQLs of 1,000 MQLs converted: the rate is Beta(401, 601), mean 0.4002, sd 0.0155.
 * beta(seededRandom(5), 401, 601); // → e.g. 0.392
 */
export function beta(rng: RandomSource, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}
