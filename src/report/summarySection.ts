/** The numbers leadership reads first: target, marketing share, marketing's headline and totals per stage. */
import { FunnelPlan, marketingSources } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { countHtml, moneyHtml, percentHtml } from './reportFormat';
import { ReportText } from './reportText';

function card(value: string, label: string, className = 'card'): string {
  return `<div class="${className}"><div class="value">${value}</div><div class="label">${label}</div></div>`;
}

function headline(funnel: FunnelPlan, t: ReportText, lang: Lang): string {
  const m = funnel.marketingTarget;
  if (!m) return `<p class="headline none">${escapeHtml(t.noMarketing)}</p>`;
  const names = funnel.sources.filter((s) => m.sourceIds.includes(s.id)).map((s) => s.name).join(', ');
  return (
    `<div class="headline"><p class="headline-text">${escapeHtml(t.headline(countHtml(m.count), stageLabel(m.stage, lang)))}</p>` +
    `<p class="headline-sources">${escapeHtml(t.headlineSources(names))}</p></div>`
  );
}

export function summarySection(funnel: FunnelPlan, t: ReportText, lang: Lang): string {
  const marketingIds = marketingSources(funnel.sources);
  const key = [card(moneyHtml(funnel.revenueTarget, funnel.currency), escapeHtml(t.revenueTarget), 'card key')];
  // Without a marketing-kind source a "0%" would read as a decision someone made; leave the card out.
  if (marketingIds.length > 0) {
    const share = funnel.sources.filter((s) => marketingIds.includes(s.id)).reduce((sum, s) => sum + s.share, 0);
    key.push(card(percentHtml(share), escapeHtml(t.marketingShare), 'card key'));
  }
  const stages = funnel.stages.map((stage) =>
    card(countHtml(funnel.total.counts[stage] ?? 0), `${escapeHtml(stageLabel(stage, lang))} <span class="sub">${escapeHtml(t.requiredInTotal)}</span>`),
  );
  return (
    `<section class="summary"><h2>${escapeHtml(t.summary)}</h2>` +
    `<div class="cards key-cards">${key.join('')}</div>` +
    headline(funnel, t, lang) +
    `<div class="cards stage-cards">${stages.join('')}</div></section>`
  );
}
