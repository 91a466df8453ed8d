/**
 * The hiring timeline as an SVG (issue "Org-role headcount"): one lane per role that hires or
 * falls short, months from plan start to the FY's end. In each lane the role's heads by month
 * as a step area (heads hold for a month), to the lane's own scale; a dark mark with the number
 * of hires at every start month; the months short (the ramp-up gap) in red; the months before
 * the fiscal year shaded, as in the monthly chart; the heads at FY end at the right.
 */
import type { RolePlan } from '../core/headcount/headcountTypes';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { roleName } from '../core/headcount/roleName';
import { messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import { calendarMonth } from '../core/time/fiscalYear';
import { coord, ratio } from './chartScale';
import { escapeHtml } from './escapeHtml';
import { fitText, textWidth } from './measureText';
import { sourceColour } from './palette';
import { fteHtml } from './reportFormat';

const WIDTH = 860;
const LABEL_RIGHT = 146;
const PLOT_LEFT = 152;
const PLOT_RIGHT = WIDTH - 58;
const VALUE_RIGHT = WIDTH - 6;
const TOP = 16;
const LANE = 40;
/** Room above the area in a lane, so a mark at the top stays inside it. */
const LANE_PAD = 9;
const MARK_HEIGHT = 15;
const FONT = 11;
const MARK_FONT = 10;
const LABEL_FONT = 12;

/** The roles the chart draws: those that hire or fall short in some month (the rest have nothing to show over time). */
export function chartedRoles(h: HeadcountPlan): RolePlan[] {
  return h.roles.filter((p) => p.hires.some((n) => n > 0) || p.shortfall.some((s) => s > 0));
}

/** The calendar month of the plan's month `i` in the report's words ("Nov 2026", "2026年11月"). */
export function planMonthLabel(h: HeadcountPlan, i: number, lang: Lang): string {
  const cal = calendarMonth(h.start, h.planStart + i);
  return messages(lang).report.monthLabel(cal.year, cal.month);
}

function lane(h: HeadcountPlan, p: RolePlan, k: number, slot: number, lang: Lang): string {
  const t = messages(lang).hiring;
  const colour = sourceColour(k);
  const top = TOP + k * LANE;
  const base = top + LANE - 4;
  const max = Math.max(0, ...p.heads);
  const yOf = (heads: number) => base - ratio(heads, max) * (LANE - 4 - LANE_PAD);
  const name = roleName(p.role, lang);
  const months = h.months.length;
  const parts: string[] = [];

  // Months short first, behind the area and the marks.
  for (let i = 0; i < months; i++) {
    if (!(p.shortfall[i] > 0)) continue;
    parts.push(
      `<rect class="short-month" data-month="${escapeHtml(h.months[i])}" x="${coord(PLOT_LEFT + i * slot)}" y="${coord(top + 2)}" width="${coord(slot)}" height="${LANE - 4}" fill="#fed7d7">` +
        `<title>${escapeHtml(t.shortIn(name, planMonthLabel(h, i, lang), fteHtml(p.shortfall[i])))}</title></rect>`,
    );
  }

  // Heads as steps: flat across each month, a riser where the heads change.
  const points: string[] = [`${coord(PLOT_LEFT)},${coord(base)}`];
  for (let i = 0; i < months; i++) {
    const y = coord(yOf(p.heads[i]));
    points.push(`${coord(PLOT_LEFT + i * slot)},${y}`, `${coord(PLOT_LEFT + (i + 1) * slot)},${y}`);
  }
  points.push(`${coord(PLOT_LEFT + months * slot)},${coord(base)}`);
  parts.push(`<polygon class="heads" points="${points.join(' ')}" fill="${colour}" fill-opacity="0.18" stroke="${colour}" stroke-width="1.5"/>`);
  parts.push(`<line x1="${PLOT_LEFT}" y1="${coord(base)}" x2="${coord(PLOT_LEFT + months * slot)}" y2="${coord(base)}" stroke="#cbd5e0"/>`);

  // One mark per start month with hires, at the heads it lifts them to.
  for (let i = 0; i < months; i++) {
    const n = p.hires[i];
    if (!(n > 0)) continue;
    const label = String(n);
    const width = Math.max(MARK_HEIGHT, textWidth(label, MARK_FONT) + 6);
    const cx = PLOT_LEFT + (i + 0.5) * slot;
    const cy = Math.min(base - MARK_HEIGHT / 2, Math.max(top + 1 + MARK_HEIGHT / 2, yOf(p.heads[i])));
    parts.push(
      `<g class="hire-mark" data-role="${escapeHtml(p.role.id)}" data-month="${escapeHtml(h.months[i])}" data-hires="${n}">` +
        `<title>${escapeHtml(t.hiresIn(name, planMonthLabel(h, i, lang), n))}</title>` +
        `<rect x="${coord(cx - width / 2)}" y="${coord(cy - MARK_HEIGHT / 2)}" width="${coord(width)}" height="${MARK_HEIGHT}" rx="7" fill="${colour}" stroke="#fff"/>` +
        `<text x="${coord(cx)}" y="${coord(cy)}" class="hire-count" text-anchor="middle" dominant-baseline="central">${label}</text></g>`,
    );
  }

  const label = fitText(name, LABEL_FONT, LABEL_RIGHT - 4);
  const middle = coord(top + LANE / 2);
  return (
    `<g class="role-lane" data-role="${escapeHtml(p.role.id)}">` +
    `<text x="${LABEL_RIGHT}" y="${middle}" class="role-label" text-anchor="end" dominant-baseline="central">${escapeHtml(label)}` +
    (label === name ? '' : `<title>${escapeHtml(name)}</title>`) +
    `</text>` +
    parts.join('') +
    `<text x="${VALUE_RIGHT}" y="${middle}" class="role-heads" text-anchor="end" dominant-baseline="central">${fteHtml(p.heads[months - 1] ?? 0)}</text>` +
    `</g>`
  );
}

/** The chart, or '' when no role hires or falls short. */
export function hiringChart(h: HeadcountPlan, lang: Lang): string {
  const roles = chartedRoles(h);
  if (roles.length === 0) return '';
  const r = messages(lang).report;
  const months = h.months.length;
  const slot = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, months);
  const bottom = TOP + roles.length * LANE;
  const monthRow = bottom + 14;
  const yearRow = bottom + 29;
  const height = yearRow + 7;
  const parts: string[] = [];

  if (h.fyFrom > 0) {
    const band = h.fyFrom * slot;
    parts.push(
      `<g class="carry-in"><rect x="${PLOT_LEFT}" y="0" width="${coord(band)}" height="${bottom}" fill="#edf2f7"/>` +
        `<text x="${coord(PLOT_LEFT + band / 2)}" y="10" class="band-label" text-anchor="middle">${escapeHtml(fitText(r.beforeFy, 10, band - 4))}</text>` +
        `<line x1="${coord(PLOT_LEFT + band)}" y1="0" x2="${coord(PLOT_LEFT + band)}" y2="${bottom}" stroke="#718096" stroke-dasharray="4 3"/></g>`,
    );
  }
  roles.forEach((p, k) => parts.push(lane(h, p, k, slot, lang)));
  for (let i = 0; i < months; i++) {
    const cal = calendarMonth(h.start, h.planStart + i);
    const centre = coord(PLOT_LEFT + (i + 0.5) * slot);
    parts.push(`<text x="${centre}" y="${monthRow}" class="month-label" text-anchor="middle">${escapeHtml(fitText(r.monthShort(cal.month), FONT, slot - 2))}</text>`);
    if (i === 0 || cal.month === 1) parts.push(`<text x="${centre}" y="${yearRow}" class="month-year" text-anchor="middle">${cal.year}</text>`);
  }
  const title = messages(lang).hiring.chartTitle;
  return (
    `<svg class="hiring-chart" role="img" aria-labelledby="hiring-chart-title" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title id="hiring-chart-title">${escapeHtml(title)}</title>` +
    parts.join('') +
    `</svg>`
  );
}
