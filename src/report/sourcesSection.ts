/** Sources side by side: share, revenue, deal size, won deals and entry stage, with small bars to compare. */
import { FunnelPlan } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { swatch } from './legend';
import { miniBar } from './miniBar';
import { sourceColour } from './palette';
import { countHtml, moneyHtml, percentHtml } from './reportFormat';
import { ReportText } from './reportText';

const barCell = (text: string, bar: string): string => `<td class="num"><span class="bar-cell"><span>${text}</span>${bar}</span></td>`;

export function sourcesSection(funnel: FunnelPlan, t: ReportText, lang: Lang): string {
  const won = funnel.stages[funnel.stages.length - 1];
  const wonOf = (counts: Readonly<Record<string, number>>) => counts[won] ?? 0;
  const money = (n: number) => moneyHtml(n, funnel.currency);
  const maxShare = Math.max(0, ...funnel.sources.map((s) => s.share));
  const maxRevenue = Math.max(0, ...funnel.sources.map((s) => s.revenue));
  const maxDeal = Math.max(0, ...funnel.sources.map((s) => s.avgDealSize));
  const maxWon = Math.max(0, ...funnel.sources.map((s) => wonOf(s.counts)));
  const rows = funnel.sources.map((s, i) => {
    const colour = sourceColour(i);
    return (
      `<tr><th scope="row"><span class="source-name">${swatch(i)}<span>${escapeHtml(s.name)}</span></span></th>` +
      `<td>${escapeHtml(stageLabel(s.entryStage, lang))}</td>` +
      barCell(percentHtml(s.share), miniBar(s.share, maxShare, colour)) +
      barCell(money(s.revenue), miniBar(s.revenue, maxRevenue, colour)) +
      barCell(money(s.avgDealSize), miniBar(s.avgDealSize, maxDeal, colour)) +
      barCell(countHtml(wonOf(s.counts)), miniBar(wonOf(s.counts), maxWon, colour)) +
      `</tr>`
    );
  });
  const shareSum = funnel.sources.reduce((sum, s) => sum + s.share, 0);
  const total =
    `<tr class="total"><th scope="row">${escapeHtml(t.total)}</th><td></td>` +
    `<td class="num">${percentHtml(shareSum)}</td><td class="num">${money(funnel.total.revenue)}</td><td></td>` +
    `<td class="num">${countHtml(wonOf(funnel.total.counts))}</td></tr>`;
  const head = [t.source, t.entryStage, t.share, t.revenue, t.dealSize, t.wonDeals].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  return (
    `<section class="sources"><h2>${escapeHtml(t.sources)}</h2>` +
    `<div class="table-wrap"><table class="sources-table"><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody><tfoot>${total}</tfoot></table></div></section>`
  );
}
