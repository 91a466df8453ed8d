/** The funnel as an SVG: one centred bar per stage, width proportional to the total, segmented by source. */
import { FunnelPlan } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { coord, ratio } from './chartScale';
import { escapeHtml } from './escapeHtml';
import { fitText, textWidth } from './measureText';
import { sourceColour } from './palette';
import { countHtml } from './reportFormat';

const WIDTH = 860;
const LABEL_RIGHT = 170;
const BAR_LEFT = 184;
const BAR_MAX = 536;
const COUNT_RIGHT = WIDTH - 6;
const ROW = 46;
const BAR = 30;
const TOP = 6;
const FONT = 14;
const SEGMENT_FONT = 12;

interface Segment {
  readonly x: number;
  readonly width: number;
  readonly count: number;
  readonly source: number;
}

interface Row {
  readonly stage: string;
  readonly y: number;
  readonly x: number;
  readonly width: number;
  readonly total: number;
  readonly segments: readonly Segment[];
}

function layout(funnel: FunnelPlan): Row[] {
  const totals = funnel.stages.map((stage) => funnel.total.counts[stage] ?? 0);
  const max = Math.max(0, ...totals);
  const centre = BAR_LEFT + BAR_MAX / 2;
  return funnel.stages.map((stage, k) => {
    const width = ratio(totals[k], max) * BAR_MAX;
    const x = centre - width / 2;
    let at = x;
    const segments: Segment[] = [];
    funnel.sources.forEach((source, i) => {
      const count = source.counts[stage] ?? 0;
      // Each segment is scaled against the widest stage, so segments always sum to their bar.
      const w = ratio(count, max) * BAR_MAX;
      if (w > 0) segments.push({ x: at, width: w, count, source: i });
      at += w;
    });
    return { stage, y: TOP + k * ROW, x, width, total: totals[k], segments };
  });
}

/** The grey bands between bars are what make a stack of bars read as a funnel. */
function connectors(rows: readonly Row[]): string {
  const bands: string[] = [];
  for (let k = 0; k + 1 < rows.length; k++) {
    const a = rows[k];
    const b = rows[k + 1];
    const points = [
      [a.x, a.y + BAR],
      [a.x + a.width, a.y + BAR],
      [b.x + b.width, b.y],
      [b.x, b.y],
    ];
    bands.push(`<polygon points="${points.map(([x, y]) => `${coord(x)},${coord(y)}`).join(' ')}" fill="#e2e8f0"/>`);
  }
  return `<g class="connectors" aria-hidden="true">${bands.join('')}</g>`;
}

function segmentSvg(funnel: FunnelPlan, row: Row, seg: Segment): string {
  const name = funnel.sources[seg.source].name;
  const count = countHtml(seg.count);
  const rect =
    `<rect x="${coord(seg.x)}" y="${coord(row.y)}" width="${coord(seg.width)}" height="${BAR}" fill="${sourceColour(seg.source)}">` +
    `<title>${escapeHtml(`${name}: ${count}`)}</title></rect>`;
  // A number squeezed into a sliver is unreadable; the total to the right and the table still carry it.
  const fits = textWidth(count, SEGMENT_FONT) + 10 <= seg.width;
  const label = fits
    ? `<text x="${coord(seg.x + seg.width / 2)}" y="${coord(row.y + BAR / 2)}" class="segment-count" text-anchor="middle" dominant-baseline="central">${count}</text>`
    : '';
  return rect + label;
}

function rowSvg(funnel: FunnelPlan, row: Row, lang: Lang): string {
  const full = stageLabel(row.stage, lang);
  const label = fitText(full, FONT, LABEL_RIGHT - 4);
  const middle = coord(row.y + BAR / 2);
  return (
    `<text x="${LABEL_RIGHT}" y="${middle}" class="stage-label" text-anchor="end" dominant-baseline="central">${escapeHtml(label)}` +
    (label === full ? '' : `<title>${escapeHtml(full)}</title>`) +
    `</text>` +
    `<g class="stage-bar" data-stage="${escapeHtml(row.stage)}" data-total="${row.total}">` +
    row.segments.map((seg) => segmentSvg(funnel, row, seg)).join('') +
    `</g>` +
    `<text x="${COUNT_RIGHT}" y="${middle}" class="stage-total" text-anchor="end" dominant-baseline="central">${countHtml(row.total)}</text>`
  );
}

export function funnelChart(funnel: FunnelPlan, title: string, lang: Lang): string {
  const rows = layout(funnel);
  const height = TOP * 2 + Math.max(0, rows.length - 1) * ROW + BAR;
  return (
    `<svg class="funnel-chart" role="img" aria-labelledby="funnel-chart-title" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title id="funnel-chart-title">${escapeHtml(title)}</title>` +
    connectors(rows) +
    rows.map((row) => rowSvg(funnel, row, lang)).join('') +
    `</svg>`
  );
}
