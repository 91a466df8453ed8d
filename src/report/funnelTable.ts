/** The whole plan as a plain table, stages down and sources across: the part that survives any printer. */
import { FunnelPlan } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { countHtml, moneyHtml, percentHtml } from './reportFormat';
import { ReportText } from './reportText';

const num = (html: string): string => `<td class="num">${html}</td>`;

export function funnelTable(funnel: FunnelPlan, t: ReportText, lang: Lang): string {
  const index = (stage: string) => funnel.stages.indexOf(stage);
  // A source has no records above its entry stage; "—" says so, where 0 would look like a missed target.
  const cell = (stage: string, entry: string, count: number) =>
    index(stage) < index(entry) ? `<td class="num muted">—</td>` : num(countHtml(count));
  const money = (n: number) => moneyHtml(n, funnel.currency);
  const head =
    `<th scope="col">${escapeHtml(t.stage)}</th>` +
    funnel.sources.map((s) => `<th scope="col">${escapeHtml(s.name)}</th>`).join('') +
    `<th scope="col">${escapeHtml(t.total)}</th>`;
  const stageRows = funnel.stages.map(
    (stage) =>
      `<tr><th scope="row">${escapeHtml(stageLabel(stage, lang))}</th>` +
      funnel.sources.map((s) => cell(stage, s.entryStage, s.counts[stage] ?? 0)).join('') +
      num(countHtml(funnel.total.counts[stage] ?? 0)) +
      `</tr>`,
  );
  const moneyRow = (label: string, values: string[], total: string) =>
    `<tr class="money"><th scope="row">${escapeHtml(label)}</th>${values.map(num).join('')}${num(total)}</tr>`;
  const moneyRows = [
    moneyRow(t.share, funnel.sources.map((s) => percentHtml(s.share)), percentHtml(funnel.sources.reduce((sum, s) => sum + s.share, 0))),
    moneyRow(t.dealSize, funnel.sources.map((s) => money(s.avgDealSize)), ''),
    moneyRow(t.revenue, funnel.sources.map((s) => money(s.revenue)), money(funnel.total.revenue)),
    moneyRow(t.wonRevenue, funnel.sources.map((s) => money(s.wonRevenue)), money(funnel.total.wonRevenue)),
  ];
  // Past four sources the money columns cannot stay on one line each and still fit a page.
  const tableClass = funnel.sources.length > 4 ? 'funnel-table many' : 'funnel-table';
  return (
    `<section class="full-funnel"><h2>${escapeHtml(t.fullFunnel)}</h2>` +
    `<div class="table-wrap"><table class="${tableClass}"><thead><tr>${head}</tr></thead>` +
    `<tbody>${stageRows.join('')}</tbody><tbody class="money-rows">${moneyRows.join('')}</tbody></table></div>` +
    `<p class="note">${escapeHtml(t.rounding)}</p></section>`
  );
}
