/** The plan as a readable table: stages down, sources across, totals, and marketing's headline target. */
import Table from 'cli-table3';
import { FunnelPlan, marketingSources } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import { formatCount, formatMoney, formatPercent } from '../report/formatNumber';
import { COMPACT_TABLE } from './tableStyle';
import { cliMessages } from './i18n/cliCatalogue';


export function planTable(funnel: FunnelPlan, lang: Lang = 'en'): string {
  const t = cliMessages(lang).planTable;
  const table = new Table({
    head: [t.stage, ...funnel.sources.map((s) => s.name), t.total],
    colAligns: ['left', ...funnel.sources.map(() => 'right' as const), 'right'],
    ...COMPACT_TABLE,
  });
  const aboveEntry = (stage: string, entry: string) => funnel.stages.indexOf(stage) < funnel.stages.indexOf(entry);
  for (const stage of funnel.stages) {
    table.push([
      stageLabel(stage, lang),
      ...funnel.sources.map((s) => (aboveEntry(stage, s.entryStage) ? '—' : formatCount(s.counts[stage]))),
      formatCount(funnel.total.counts[stage]),
    ]);
  }
  const money = (n: number) => formatMoney(n, funnel.currency);
  table.push(
    [t.share, ...funnel.sources.map((s) => formatPercent(s.share)), formatPercent(funnel.sources.reduce((a, s) => a + s.share, 0))],
    [t.dealSize, ...funnel.sources.map((s) => money(s.avgDealSize)), ''],
    [t.revenue, ...funnel.sources.map((s) => money(s.revenue)), money(funnel.total.revenue)],
    [t.wonRevenue, ...funnel.sources.map((s) => money(s.wonRevenue)), money(funnel.total.wonRevenue)],
  );
  const lines: string[] = [];
  if (funnel.name) lines.push(funnel.name);
  lines.push(`${t.target}: ${money(funnel.revenueTarget)}`, '', table.toString(), '');
  const m = funnel.marketingTarget;
  if (m) {
    const names = funnel.sources.filter((s) => m.sourceIds.includes(s.id)).map((s) => s.name).join(t.listSeparator);
    lines.push(t.headline(formatCount(m.count), stageLabel(m.stage, lang), names));
  } else {
    lines.push(marketingSources(funnel.sources).length > 0 ? t.noHandoff : t.noMarketing);
  }
  return lines.join('\n');
}
