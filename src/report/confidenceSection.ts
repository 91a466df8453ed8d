/**
 * The report's "How sure is the plan" (design.md §11): the simulation's revenue P10 / P50 / P90
 * and mean, the chance of reaching the target, the entry volume each source needs for the chosen
 * confidence beside its plan, won deals per source, the bonus pool's expected and P90 cost, and
 * the histogram with the target marked — the numbers `planConfidence` computes.
 */
import type { Confidence } from '../core/confidence/confidence';
import type { FunnelPlan } from '../core/funnelPlan';
import { messages } from '../core/i18n/catalogue';
import { stageLabel, type Lang } from '../core/stages';
import { confidenceChart } from './confidenceChart';
import { escapeHtml } from './escapeHtml';
import { formatCount, formatMoney } from './formatNumber';
import { countHtml, moneyHtml } from './reportFormat';

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

function card(label: string, value: string, key = false): string {
  return `<div class="card${key ? ' key' : ''}"><div class="value">${value}</div><div class="label">${escapeHtml(label)}</div></div>`;
}

function sourceTable(c: Confidence, funnel: FunnelPlan, lang: Lang): string {
  const t = messages(lang).confidence;
  const head = [t.source, t.entryStage, t.wonP10, t.wonP50, t.wonP90, t.planned, t.needed(pct(c.forConfidence.confidence))].map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join('');
  const rows = funnel.sources.map((s) => {
    const won = c.bySource[s.id]?.won;
    const v = c.forConfidence.bySource[s.id];
    if (!won || !v) return '';
    const needed = v.volume === undefined ? escapeHtml(t.unreachable) : `<strong>${countHtml(v.volume)}</strong>`;
    return (
      `<tr><th scope="row">${escapeHtml(s.name)}</th><td>${escapeHtml(stageLabel(v.stage, lang))}</td>` +
      [won.p10, won.p50, won.p90, v.planned].map((n) => `<td class="num">${countHtml(n)}</td>`).join('') +
      `<td class="num">${needed}</td></tr>`
    );
  });
  return `<div class="table-wrap"><table class="confidence-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * The section; '' without a simulation.
 *
 * @example
 * confidenceSection(planConfidence(plan, funnel), funnel, 'en');
 * // → '<section class="confidence"><h2>How sure is the plan</h2>…'
 */
export function confidenceSection(c: Confidence | undefined, funnel: FunnelPlan, lang: Lang): string {
  if (!c) return '';
  const t = messages(lang).confidence;
  const money = (n: number) => moneyHtml(Math.round(n), funnel.currency);
  /** For a sentence escaped whole. */
  const moneyText = (n: number) => formatMoney(Math.round(n), funnel.currency);
  const k = c.forConfidence.multiplier;
  const chart = confidenceChart(c, funnel.currency, lang);
  return (
    `<section class="confidence"><h2>${escapeHtml(t.title)}</h2>` +
    `<p class="note">${escapeHtml(t.lead(formatCount(c.trials), c.seed))}</p>` +
    `<div class="cards key-cards confidence-cards">` +
    card(t.p10, money(c.revenue.p10)) +
    card(t.p50, money(c.revenue.p50), true) +
    card(t.p90, money(c.revenue.p90)) +
    card(t.mean, money(c.revenue.mean)) +
    card(t.pHit, escapeHtml(pct(c.pHitTarget)), true) +
    `</div>` +
    `<p class="p-hit">${escapeHtml(t.pHitLine(pct(c.pHitTarget), moneyText(c.target)))}</p>` +
    (c.bonusCost ? `<p class="bonus-cost">${escapeHtml(t.bonusLine(moneyText(c.bonusCost.mean), moneyText(c.bonusCost.p90)))}</p>` : '') +
    `<p class="for-confidence">${escapeHtml(k === undefined ? t.unreachableNote : t.forConfidence(pct(c.forConfidence.confidence), String(k)))}</p>` +
    sourceTable(c, funnel, lang) +
    (chart ? `<figure class="chart">${chart}<figcaption>${escapeHtml(t.chartCaption)}</figcaption></figure>` : '') +
    `</section>`
  );
}
