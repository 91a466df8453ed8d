/** Arithmetic for chart geometry that can never put NaN or Infinity into the SVG. */

/** value / max, clamped to 0..1; 0 when max is 0 (a share-0 source, an empty stage). */
export function ratio(value: number, max: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(max) || max <= 0 || value <= 0) return 0;
  return Math.min(1, value / max);
}

/** A coordinate as SVG text: one decimal is finer than any screen or printer needs. */
export function coord(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}
