/**
 * The report's plan over the year (design.md §7–§8): the monthly chart, one card per team and
 * the channel budget, all read from `planTimeline` — the numbers `plan --monthly` prints.
 */
import type { FunnelPlan } from '../core/funnelPlan';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { teamName } from '../core/teams/teamName';
import type { TeamNumbers, TeamTargets } from '../core/teams/teamTargets';
import { calendarMonth } from '../core/time/fiscalYear';
import { MonthSeries, monthValue, seriesTotal, window } from '../core/time/monthSeries';
import type { PlanTimeline } from '../core/time/planTimeline';
import { dailyRate } from '../core/time/workingDays';
import { escapeHtml } from './escapeHtml';
import { legend, swatch } from './legend';
import { monthlyChart, monthlyChartStage } from './monthlyChart';
import { countHtml, moneyHtml } from './reportFormat';
import type { ReportText } from './reportText';

/** The chart with its legend (sources, and next year's pipeline), caption and the no-lag note. */
export function monthlySection(funnel: FunnelPlan, timeline: PlanTimeline, t: ReportText, lang: Lang): string {
  const stage = monthlyChartStage(funnel, timeline);
  const noLag = Object.entries(timeline.lagBasis)
    .filter(([, basis]) => basis === 'none')
    .map(([id]) => funnel.sources.find((s) => s.id === id)?.name ?? id);
  const nextKey =
    `<ul class="legend"><li><svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">` +
    `<rect x="0.5" y="0.5" width="11" height="11" rx="2" fill="#4a5568" fill-opacity="0.35" stroke="#4a5568"/></svg>` +
    `<span>${escapeHtml(t.nextYearPipeline)}</span></li></ul>`;
  return (
    `<section class="over-the-year"><h2>${escapeHtml(t.overTheYear)}</h2><figure class="chart">` +
    monthlyChart(funnel, timeline, stage, t, lang) +
    `<div class="legends">${legend(funnel.sources)}${nextKey}</div>` +
    `<figcaption>${escapeHtml(t.monthlyCaption)}</figcaption></figure>` +
    (noLag.length > 0 ? `<p class="note">${escapeHtml(messages(lang).teams.noLag(noLag.join(', ')))}</p>` : '') +
    `</section>`
  );
}


/** The FY month with the most work (the earlier on a tie), as FY month index; undefined when every month is 0. */
export function busiestMonth(series: MonthSeries): number | undefined {
  let best: number | undefined;
  for (let m = 0; m < 12; m++) if (monthValue(series, m) > 0 && (best === undefined || monthValue(series, m) > monthValue(series, best))) best = m;
  return best;
}

/** Working days of the FY's own twelve months (the timeline's carry-in months come first). */
export function fiscalYearWorkingDays(timeline: PlanTimeline): number {
  return timeline.workingDays.slice(-timeline.first).reduce((a, b) => a + b, 0);
}

export function teamCards(funnel: FunnelPlan, timeline: PlanTimeline, t: ReportText, lang: Lang): string {
  const fyDays = fiscalYearWorkingDays(timeline);
  const monthName = (m: number) => {
    const cal = calendarMonth(timeline.start, m);
    return t.monthLabel(cal.year, cal.month);
  };
  const row = (label: string, series: MonthSeries, value: (n: number) => string, perDay: boolean, stage?: string) => {
    const fy = seriesTotal(window(series, 0, 11));
    const busy = busiestMonth(series);
    const rate = perDay ? dailyRate(fy, fyDays) : undefined;
    return (
      `<tr><th scope="row">${escapeHtml(label)}${stage ? ` <span class="sub">${escapeHtml(stageLabel(stage, lang))}</span>` : ''}</th>` +
      `<td class="num">${value(fy)}</td>` +
      `<td class="num">${busy === undefined ? '—' : `${escapeHtml(monthName(busy))} <span class="sub">${value(monthValue(series, busy))}</span>`}</td>` +
      `<td class="num">${rate === undefined ? '' : rate.toFixed(1)}</td></tr>`
    );
  };
  const count = (n: TeamNumbers, label: string) => row(label, n.months, countHtml, true, n.stage);
  const card = (team: TeamTargets) => {
    const rows: string[] = [count(team.works, t.teamWorks)];
    // CSM works and delivers the same won deals: one row says it.
    if (team.id !== 'csm') rows.push(count(team.delivers, t.teamDelivers));
    if (team.headline) rows.push(count(team.headline, t.teamTarget));
    if (team.id === 'marketing' && timeline.marketingBudget) rows.push(row(t.teamBudget, timeline.marketingBudget, (n) => moneyHtml(n, funnel.currency), false));
    const head = ['', t.fyTotal, t.busiestMonth, t.perWorkingDay].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
    return (
      `<div class="card team" data-team="${escapeHtml(team.id)}"><div class="team-name">${escapeHtml(teamName(team.id, lang))}</div>` +
      `<table class="team-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    );
  };
  return (
    `<section class="teams"><h2>${escapeHtml(t.teamsTitle)}</h2>` +
    `<div class="cards team-cards">${timeline.teams.map(card).join('')}</div>` +
    `<p class="note">${escapeHtml(t.teamsNote(fyDays))}</p></section>`
  );
}

/** The stages whose cost per record the budget table shows: the first after the top, the handoff, won. */
export function costStages(funnel: FunnelPlan): string[] {
  const won = funnel.stages[funnel.stages.length - 1];
  const wanted = [funnel.stages[1], funnel.marketingTarget?.stage, won].filter((s): s is string => s !== undefined);
  return funnel.stages.filter((s, k) => k > 0 && wanted.includes(s));
}

/** One row per channel: source, entry records, cost per lead, FY budget, cost per record at later stages. Empty without channels. */
export function channelBudget(funnel: FunnelPlan, timeline: PlanTimeline, t: ReportText, lang: Lang): string {
  if (timeline.channels.length === 0) return '';
  const stages = costStages(funnel);
  const money = (n: number | undefined) => (n === undefined ? '—' : moneyHtml(n, funnel.currency));
  const entries = new Set(timeline.channels.map((c) => funnel.sources.find((s) => s.id === c.sourceId)!.entryStage));
  const entryHead = entries.size === 1 ? stageLabel([...entries][0], lang) : t.entryCount;
  const rows = timeline.channels.map((c) => {
    const si = funnel.sources.findIndex((s) => s.id === c.sourceId);
    const source = funnel.sources[si];
    const channel = source.channels.find((x) => x.id === c.id)!;
    const entry = funnel.stages.indexOf(source.entryStage);
    return (
      `<tr><th scope="row">${escapeHtml(channel.name)}</th>` +
      `<td><span class="source-name">${swatch(si)}<span>${escapeHtml(source.name)}</span></span></td>` +
      `<td class="num">${countHtml(channel.counts[source.entryStage] ?? 0)}</td>` +
      `<td class="num">${money(channel.costPerLead)}</td>` +
      `<td class="num">${money(c.budgetFiscalYear)}</td>` +
      stages.map((s) => (funnel.stages.indexOf(s) <= entry ? `<td class="num muted">—</td>` : `<td class="num">${money(c.costPer?.[s])}</td>`)).join('') +
      `</tr>`
    );
  });
  const budgets = timeline.channels.map((c) => c.budgetFiscalYear);
  const total =
    timeline.channels.length > 1
      ? `<tr class="total"><th scope="row">${escapeHtml(t.total)}</th><td></td><td></td><td></td>` +
        `<td class="num">${budgets.every((b) => b !== undefined) ? money(budgets.reduce<number>((a, b) => a + (b ?? 0), 0)) : '—'}</td>` +
        stages.map(() => '<td></td>').join('') +
        `</tr>`
      : '';
  const head =
    [t.channel, t.source, entryHead, t.costPerLead, t.budgetFy].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('') +
    stages.map((s) => `<th scope="col">${escapeHtml(stageLabel(s, lang))} <span class="sub">${escapeHtml(t.costEach)}</span></th>`).join('');
  return (
    `<section class="channels"><h2>${escapeHtml(t.channelBudget)}</h2>` +
    `<div class="table-wrap"><table class="channel-table"><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody>${total ? `<tfoot>${total}</tfoot>` : ''}</table></div>` +
    `<p class="note">${escapeHtml(t.channelNote)}</p></section>`
  );
}
