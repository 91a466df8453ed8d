/**
 * A payout curve's multiplier at an attainment (design.md §10), written as the Bonus sheet's
 * formula computes it — the same operations in the same order, so the sheet and the engine
 * agree to the last bit: with k the highest point at or below the attainment a,
 *
 *     y_k + (a − x_k) × (y_{k+1} − y_k) / (x_{k+1} − x_k)
 */
import type { Curve } from './bonusTypes';

/**
 * @example
 * const accelerator = { points: [{ attainment: 0.5, multiplier: 0.5 }, { attainment: 1, multiplier: 1 }, { attainment: 1.5, multiplier: 2 }], stepped: false };
 * curveValue(accelerator, 0.49); // → 0 (below the first point: the threshold)
 * curveValue(accelerator, 0.75); // → 0.75
 * curveValue(accelerator, 1.25); // → 1.5 (the steeper segment)
 * curveValue(accelerator, 3);    // → 2 (the cap)
 * curveValue({ ...accelerator, stepped: true }, 1.25); // → 1
 */
export function curveValue(curve: Curve, attainment: number): number {
  const p = curve.points;
  if (p.length === 0 || attainment < p[0].attainment) return 0;
  let k = 0;
  while (k + 1 < p.length && p[k + 1].attainment <= attainment) k++;
  if (curve.stepped || k === p.length - 1) return p[k].multiplier;
  const a = p[k];
  const b = p[k + 1];
  return a.multiplier + ((attainment - a.attainment) * (b.multiplier - a.multiplier)) / (b.attainment - a.attainment);
}

/**
 * The attainment from which the curve pays its cap (its last point).
 *
 * @example
 * capAttainment({ points: [{ attainment: 0.8, multiplier: 0.5 }, { attainment: 1.5, multiplier: 2 }], stepped: false }); // → 1.5
 */
export const capAttainment = (curve: Curve): number => curve.points[curve.points.length - 1].attainment;

/**
 * Whether no segment of the curve goes down.
 *
 * @example
 * isNonDecreasing({ points: [{ attainment: 0.8, multiplier: 1 }, { attainment: 1, multiplier: 0.9 }], stepped: false }); // → false
 */
export const isNonDecreasing = (curve: Curve): boolean => curve.points.every((q, i) => i === 0 || q.multiplier >= curve.points[i - 1].multiplier);
