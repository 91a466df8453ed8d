/** `plan --monthly`: each team's numbers by month, quarter and fiscal year, and marketing's budget. */
import Table from 'cli-table3';
import type { FunnelPlan } from '../core/funnelPlan';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { teamName } from '../core/teams/teamName';
import type { TeamNumbers } from '../core/teams/teamTargets';
import { MonthSeries, monthValue, quarters, seriesTotal, window } from '../core/time/monthSeries';
import type { PlanTimeline } from '../core/time/planTimeline';
import { dailyRate } from '../core/time/workingDays';
import { formatCount, formatMoney } from '../report/formatNumber';
import { COMPACT_TABLE } from './tableStyle';

interface Column {
  readonly head: string;
  readonly series: MonthSeries;
  readonly money?: boolean;
}


/**
 * The table: one row per month (carry-in months first, marked), then the quarters and the
 * fiscal year; a column per team part (marketing's leads, MQLs, its SQL target and budget;
 * SDR's SQLs; AE's opportunities and wins; CSM's onboardings).
 */
export function monthlyTable(timeline: PlanTimeline, funnel: FunnelPlan, lang: Lang = 'en'): string {
  const t = messages(lang).teams;
  const columns: Column[] = [];
  const part = (team: string, n: TeamNumbers, verb: string) => columns.push({ head: `${teamName(team, lang)} ${verb}\n${stageLabel(n.stage, lang)}`, series: n.months });
  for (const team of timeline.teams) {
    if (team.id === 'csm') {
      part(team.id, team.works, t.works);
      continue;
    }
    if (team.id !== 'sdr') part(team.id, team.works, t.works);
    part(team.id, team.delivers, t.delivers);
    if (team.headline) part(team.id, team.headline, t.headline);
    if (team.id === 'marketing' && timeline.marketingBudget) columns.push({ head: `${t.marketing}\n${t.budget}`, series: timeline.marketingBudget, money: true });
  }
  const cell = (c: Column, v: number) => (c.money ? formatMoney(v, funnel.currency) : formatCount(v));
  const table = new Table({
    head: [t.month, ...columns.map((c) => c.head)],
    colAligns: ['left', ...columns.map(() => 'right' as const)],
    ...COMPACT_TABLE,
  });
  timeline.months.forEach((key, i) => {
    const index = timeline.first + i;
    table.push([index < 0 ? `${key} ${t.carryIn}` : key, ...columns.map((c) => cell(c, monthValue(c.series, index)))]);
  });
  for (let q = 0; q < 4; q++) table.push([t.quarter(q + 1), ...columns.map((c) => cell(c, quarters(c.series)[q]))]);
  table.push([t.fiscalYear, ...columns.map((c) => cell(c, seriesTotal(window(c.series, 0, 11))))]);
  const fyDays = timeline.workingDays.slice(-timeline.first).reduce((a, b) => a + b, 0);
  table.push([
    t.perWorkingDay,
    ...columns.map((c) => (c.money ? '' : String(dailyRate(seriesTotal(window(c.series, 0, 11)), fyDays) ?? ''))),
  ]);
  const lines = [table.toString()];
  const noLag = Object.entries(timeline.lagBasis).filter(([, basis]) => basis === 'none').map(([id]) => funnel.sources.find((s) => s.id === id)?.name ?? id);
  if (noLag.length > 0) lines.push('', t.noLag(noLag.join(', ')));
  return lines.join('\n');
}

/**
 * One line for the plain `plan` output: marketing's headline target by month.
 *
 * @example headlineLine(timeline, 'en') // → "Marketing's SQLs by month: 2027-01 107, 2027-02 107, …"
 */
export function headlineLine(timeline: PlanTimeline, lang: Lang = 'en'): string | undefined {
  const marketing = timeline.teams.find((x) => x.id === 'marketing');
  if (!marketing?.headline) return undefined;
  const h = marketing.headline;
  const months = timeline.months
    .map((key, i) => ({ key, index: timeline.first + i }))
    .filter((m) => m.index >= 0)
    .map((m) => `${m.key} ${formatCount(monthValue(h.months, m.index))}`);
  return `${messages(lang).teams.headlineByMonth(stageLabel(h.stage, lang))}: ${months.join(', ')}`;
}
