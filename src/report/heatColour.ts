/** The heat map's colour scale: a value between the smallest and largest of its table, from pale to dark blue, with a text colour that reads on it. */

/** The palest and the darkest colour of the scale (ColorBrewer "Blues", its ends). */
const LOW: readonly [number, number, number] = [0xf7, 0xfb, 0xff];
const HIGH: readonly [number, number, number] = [0x08, 0x30, 0x6b];
/** Past this point of the scale the cell is dark enough for white text. */
const WHITE_TEXT_FROM = 0.5;

const hex = (c: number): string => Math.round(c).toString(16).padStart(2, '0');

/**
 * Where `value` lies between `min` and `max`, 0 to 1 (0 when every value is the same).
 *
 * @example
 * heatPosition(50, 0, 200); // → 0.25
 * heatPosition(7, 7, 7);    // → 0
 */
export function heatPosition(value: number, min: number, max: number): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/**
 * The cell's background and text colours, linear in RGB from LOW to HIGH.
 *
 * @example
 * heatColour(0, 0, 100);   // → { background: '#f7fbff', text: '#1a202c' }
 * heatColour(100, 0, 100); // → { background: '#08306b', text: '#ffffff' }
 */
export function heatColour(value: number, min: number, max: number): { background: string; text: string } {
  const t = heatPosition(value, min, max);
  const background = `#${LOW.map((low, i) => hex(low + (HIGH[i] - low) * t)).join('')}`;
  return { background, text: t > WHITE_TEXT_FROM ? '#ffffff' : '#1a202c' };
}
