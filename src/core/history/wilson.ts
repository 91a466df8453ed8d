/** Wilson score interval for a conversion rate: honest bounds for small samples and for rates near 0 or 1. */

/** z for a two-sided 95% interval. */
export const Z95 = 1.96;

/**
 * The Wilson score interval of `converted` successes in `sample` trials:
 *
 *     centre = (p + z²/2n) / (1 + z²/n)
 *     half   = z · √(p(1−p)/n + z²/4n²) / (1 + z²/n)
 *
 * with p = converted / sample, clamped to [0, 1] against rounding. Unlike p ± z·√(p(1−p)/n) it
 * never leaves [0, 1] and does not collapse to a point at 0 of 5.
 *
 * @returns `null` when sample is 0 (no evidence, no interval).
 * @example
 * // 8 of 10: p = 0.8, z² = 3.8416, 1 + z²/n = 1.38416
 * // centre = (0.8 + 0.19208) / 1.38416 = 0.716738
 * // half   = 1.96 · √(0.016 + 0.009604) / 1.38416 = 1.96 · 0.160012 / 1.38416 = 0.226581
 * wilsonInterval(8, 10) // → { low: 0.490157…, high: 0.943319… }
 */
export function wilsonInterval(converted: number, sample: number, z: number = Z95): { low: number; high: number } | null {
  if (!(sample > 0)) return null;
  const p = converted / sample;
  const z2 = z * z;
  const denominator = 1 + z2 / sample;
  const centre = (p + z2 / (2 * sample)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / sample + z2 / (4 * sample * sample))) / denominator;
  // At p = 1 (or 0) the exact bound is 1 (or 0); floating point lands a hair inside it.
  const high = converted === sample ? 1 : Math.min(1, centre + half);
  const low = converted === 0 ? 0 : Math.max(0, centre - half);
  return { low, high };
}
