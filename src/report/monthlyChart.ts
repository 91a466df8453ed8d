/**
 * The plan over the year as an SVG: one column per month of a stage's work (the handoff stage,
 * marketing's SQLs and outbound's alike), stacked by source — this year's deals solid, next
 * year's pipeline lighter and outlined above them — with the carry-in months before the FY shaded.
 */
import type { FunnelPlan } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { calendarMonth, monthKey } from '../core/time/fiscalYear';
import { monthValue } from '../core/time/monthSeries';
import type { PlanTimeline } from '../core/time/planTimeline';
import { coord, ratio } from './chartScale';
import { escapeHtml } from './escapeHtml';
import { fitText, textWidth } from './measureText';
import { sourceColour } from './palette';
import { countHtml } from './reportFormat';
import type { ReportText } from './reportText';

const WIDTH = 860;
const LEFT = 6;
const RIGHT = WIDTH - 6;
const BAND_LABEL = 14;
const TOTAL_ROOM = 18;
const PLOT_TOP = BAND_LABEL + TOTAL_ROOM;
const PLOT_HEIGHT = 220;
const BOTTOM = PLOT_TOP + PLOT_HEIGHT;
const MONTH_ROW = BOTTOM + 16;
const YEAR_ROW = BOTTOM + 32;
const HEIGHT = YEAR_ROW + 8;
const FONT = 11;

/** The stage a leader reads month by month: marketing's headline (the handoff stage), else the SDRs' delivery, else won deals. */
export function monthlyChartStage(funnel: FunnelPlan, timeline: PlanTimeline): string {
  return funnel.marketingTarget?.stage ?? timeline.teams.find((t) => t.id === 'sdr')?.delivers.stage ?? funnel.stages[funnel.stages.length - 1];
}

export interface MonthColumn {
  readonly index: number;
  /** This year's work per source (funnel order). */
  readonly thisYear: readonly number[];
  /** Next year's pipeline worked this month, per source. */
  readonly nextYear: readonly number[];
  readonly total: number;
}

/**
 * The numbers the chart draws: the timeline's months, carry-in first — less the leading carry-in
 * months with no work at this stage (an earlier stage's longer lag starts the timeline sooner).
 */
export function monthColumns(funnel: FunnelPlan, timeline: PlanTimeline, stage: string): MonthColumn[] {
  const all = timeline.months.map((_, i) => {
    const index = timeline.first + i;
    const thisYear = funnel.sources.map((s) => monthValue(timeline.bySource[s.id][stage].thisYear, index));
    const nextYear = funnel.sources.map((s) => monthValue(timeline.bySource[s.id][stage].nextYear, index));
    const total = [...thisYear, ...nextYear].reduce((a, b) => a + b, 0);
    return { index, thisYear, nextYear, total };
  });
  let skip = 0;
  while (skip < all.length && all[skip].index < 0 && all[skip].total === 0) skip++;
  return all.slice(skip);
}

export function monthlyChart(funnel: FunnelPlan, timeline: PlanTimeline, stage: string, t: ReportText, lang: Lang): string {
  const columns = monthColumns(funnel, timeline, stage);
  const max = Math.max(0, ...columns.map((c) => c.total));
  const slot = (RIGHT - LEFT) / Math.max(1, columns.length);
  const barWidth = Math.max(2, slot * 0.7);
  const parts: string[] = [];
  const carryIn = columns.filter((c) => c.index < 0).length;
  if (carryIn > 0) {
    const bandWidth = carryIn * slot;
    const label = fitText(t.beforeFy, 10, bandWidth - 4);
    parts.push(
      `<g class="carry-in"><rect x="${LEFT}" y="0" width="${coord(bandWidth)}" height="${BOTTOM}" fill="#edf2f7"/>` +
        `<text x="${coord(LEFT + bandWidth / 2)}" y="10" class="band-label" text-anchor="middle">${escapeHtml(label)}</text>` +
        `<line x1="${coord(LEFT + bandWidth)}" y1="0" x2="${coord(LEFT + bandWidth)}" y2="${BOTTOM}" stroke="#718096" stroke-dasharray="4 3"/></g>`,
    );
  }
  parts.push(`<line x1="${LEFT}" y1="${BOTTOM}" x2="${RIGHT}" y2="${BOTTOM}" stroke="#a0aec0"/>`);
  columns.forEach((c, i) => {
    const key = monthKey(timeline.start, c.index);
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    const cal = calendarMonth(timeline.start, c.index);
    const monthName = t.monthLabel(cal.year, cal.month);
    let top = BOTTOM;
    const rects: string[] = [];
    const segment = (n: number, source: number, next: boolean) => {
      const h = ratio(n, max) * PLOT_HEIGHT;
      if (h <= 0) return;
      top -= h;
      const colour = sourceColour(source);
      const fill = next ? `fill="${colour}" fill-opacity="0.35" stroke="${colour}" stroke-width="1"` : `fill="${colour}"`;
      const what = next ? `${funnel.sources[source].name} · ${t.nextYearPipeline}` : funnel.sources[source].name;
      rects.push(
        `<rect x="${coord(x)}" y="${coord(top)}" width="${coord(barWidth)}" height="${coord(h)}" ${fill} class="${next ? 'next-year' : 'this-year'}">` +
          `<title>${escapeHtml(`${monthName} · ${what}: ${countHtml(n)}`)}</title></rect>`,
      );
    };
    c.thisYear.forEach((n, s) => segment(n, s, false));
    c.nextYear.forEach((n, s) => segment(n, s, true));
    const centre = coord(x + barWidth / 2);
    const total = countHtml(c.total);
    // A total that cannot fit its slot is left to the segment titles and the team cards.
    const totalLabel =
      textWidth(total, FONT) <= slot - 2 ? `<text x="${centre}" y="${coord(top - 4)}" class="month-total" text-anchor="middle">${total}</text>` : '';
    const year = i === 0 || cal.month === 1 ? `<text x="${centre}" y="${YEAR_ROW}" class="month-year" text-anchor="middle">${cal.year}</text>` : '';
    parts.push(
      `<g class="month-column${c.index < 0 ? ' carry-in-month' : ''}" data-month="${escapeHtml(key)}" data-total="${c.total}">${rects.join('')}</g>` +
        totalLabel +
        `<text x="${centre}" y="${MONTH_ROW}" class="month-label" text-anchor="middle">${escapeHtml(fitText(t.monthShort(cal.month), FONT, slot - 2))}</text>` +
        year,
    );
  });
  const title = t.monthlyChartTitle(stageLabel(stage, lang));
  return (
    `<svg class="monthly-chart" role="img" aria-labelledby="monthly-chart-title" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<title id="monthly-chart-title">${escapeHtml(title)}</title>` +
    parts.join('') +
    `</svg>`
  );
}
