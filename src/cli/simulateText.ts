/** `simulate` in the terminal: the revenue range, P(hit), won deals by source, the volume a confidence needs, a histogram. */
import Table from 'cli-table3';
import type { Confidence } from '../core/confidence/confidence';
import type { FunnelPlan } from '../core/funnelPlan';
import type { Lang } from '../core/i18n/lang';
import { stageLabel } from '../core/stages';
import { formatCount, formatMoney } from '../report/formatNumber';
import { cliMessages } from './i18n/cliCatalogue';
import { COMPACT_TABLE } from './tableStyle';

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;

/**
 * @example
 * simulateText(planConfidence(plan, funnel), funnel, { history: true, ranges: false, dealSize: false }, 'en');
 * // → "How sure is the plan: 10,000 trials (seed 2027)\n…Revenue: P10 USD 9,355,000, …"
 */
/** What varies besides the binomial counts: history's rates, typed ranges, deal sizes. */
export interface SpreadKinds {
  readonly history: boolean;
  readonly ranges: boolean;
  readonly dealSize: boolean;
}

export function simulateText(c: Confidence, funnel: FunnelPlan, spread: SpreadKinds, lang: Lang): string {
  const t = cliMessages(lang).simulate;
  const money = (n: number) => formatMoney(Math.round(n), funnel.currency);
  const lines = [t.title(formatCount(c.trials), c.seed), t.spread(spread), t.revenue(money(c.revenue.p10), money(c.revenue.p50), money(c.revenue.p90), money(c.revenue.mean)), t.pHit(pct(c.pHitTarget), money(c.target))];
  const cost = c.bonusCost;
  if (cost) lines.push(t.bonusCost(money(cost.p10), money(cost.p50), money(cost.p90), money(cost.mean)));
  lines.push('');
  const table = new Table({
    head: [t.source, t.won, t.entry, t.planned, t.needed(pct(c.forConfidence.confidence))],
    colAligns: ['left', 'right', 'left', 'right', 'right'],
    ...COMPACT_TABLE,
  });
  for (const s of funnel.sources) {
    const won = c.bySource[s.id].won;
    const v = c.forConfidence.bySource[s.id];
    table.push([s.name, `${formatCount(won.p10)} / ${formatCount(won.p50)} / ${formatCount(won.p90)}`, stageLabel(v.stage, lang), formatCount(v.planned), v.volume === undefined ? '—' : formatCount(v.volume)]);
  }
  lines.push(table.toString());
  const k = c.forConfidence.multiplier;
  lines.push(k === undefined ? t.unreachable(pct(c.forConfidence.confidence)) : t.forConfidence(pct(c.forConfidence.confidence), String(k)));
  lines.push('', t.histogram);
  const most = Math.max(...c.histogram.map((b) => b.trials));
  for (const b of c.histogram) lines.push(`  ${money(b.from).padStart(16)} ${'█'.repeat(Math.round((b.trials / most) * 40))} ${b.trials}`);
  return lines.join('\n');
}
