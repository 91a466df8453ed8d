/** A small inline SVG bar beside a number in a table, so sources can be compared at a glance. */
import { coord, ratio } from './chartScale';

const WIDTH = 90;
const HEIGHT = 10;

export function miniBar(value: number, max: number, colour: string): string {
  const w = ratio(value, max) * WIDTH;
  return (
    `<svg class="mini-bar" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" aria-hidden="true">` +
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="2" fill="#edf2f7"/>` +
    (w > 0 ? `<rect width="${coord(Math.max(w, 1))}" height="${HEIGHT}" rx="2" fill="${colour}"/>` : '') +
    `</svg>`
  );
}
