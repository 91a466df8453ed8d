/**
 * The revenue histogram of the simulation as an SVG (design.md §11): one bar per bin, its height
 * the trials whose revenue fell in it, the bins at or above the target in the plan's blue and
 * those below it grey, the target a dashed line with its label, the revenue axis underneath.
 */
import type { Confidence } from '../core/confidence/confidence';
import { messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import { coord, ratio } from './chartScale';
import { escapeHtml } from './escapeHtml';
import { formatCount, formatMoney } from './formatNumber';
import { moneyHtml } from './reportFormat';

const WIDTH = 860;
const LEFT = 16;
const RIGHT = WIDTH - 16;
const TOP = 26;
const PLOT_HEIGHT = 200;
const BOTTOM = TOP + PLOT_HEIGHT;
const HEIGHT = BOTTOM + 40;
const GAP = 2;

/** The chart, or '' when the simulation drew no trial. */
export function confidenceChart(c: Confidence, currency: string, lang: Lang): string {
  const bins = c.histogram;
  if (bins.length === 0) return '';
  const t = messages(lang).confidence;
  const lo = bins[0].from;
  const hi = bins[bins.length - 1].to;
  // A single bin (every trial the same revenue) still gets a width: the plot spans lo ± 1 then.
  const span = hi > lo ? hi - lo : 2;
  const x0 = hi > lo ? lo : lo - 1;
  const xOf = (v: number) => LEFT + ratio(v - x0, span) * (RIGHT - LEFT);
  const most = Math.max(...bins.map((b) => b.trials));
  const parts: string[] = [`<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="#a0aec0"/>`];
  bins.forEach((b) => {
    const left = hi > lo ? xOf(b.from) : LEFT;
    const right = hi > lo ? xOf(b.to) : RIGHT;
    const h = ratio(b.trials, most) * PLOT_HEIGHT;
    const reaches = b.from >= c.target;
    parts.push(
      `<rect class="bin" data-trials="${b.trials}" x="${coord(left + GAP / 2)}" y="${coord(BOTTOM - h)}" width="${coord(Math.max(1, right - left - GAP))}" height="${coord(h)}" fill="${reaches ? '#2b6cb0' : '#a0aec0'}">` +
        `<title>${escapeHtml(t.binTitle(formatMoney(Math.round(b.from), currency), formatMoney(Math.round(b.to), currency), formatCount(b.trials)))}</title></rect>`,
    );
  });
  // The revenue axis: the lowest and highest trial, and the target when it lies between them.
  const tick = (v: number, anchor: 'start' | 'end' | 'middle') => `<text x="${coord(xOf(v))}" y="${BOTTOM + 16}" class="month-label" text-anchor="${anchor}">${moneyHtml(Math.round(v), currency)}</text>`;
  parts.push(tick(lo, 'start'), tick(hi, 'end'));
  if (c.target >= x0 && c.target <= x0 + span) {
    const x = coord(xOf(c.target));
    parts.push(
      `<g class="target"><line x1="${x}" y1="${TOP - 8}" x2="${x}" y2="${BOTTOM}" stroke="#c53030" stroke-width="2" stroke-dasharray="5 3"/>` +
        `<text x="${x}" y="${TOP - 12}" class="band-label" text-anchor="middle">${escapeHtml(t.targetMark)} ${moneyHtml(Math.round(c.target), currency)}</text></g>`,
    );
  }
  return (
    `<svg class="confidence-chart" role="img" aria-labelledby="confidence-chart-title" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<title id="confidence-chart-title">${escapeHtml(t.chartTitle)}</title>` +
    parts.join('') +
    `</svg>`
  );
}
