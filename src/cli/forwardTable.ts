/** A what-if (forward funnel) as a readable table: expected counts from the given volumes, and the gap to target. */
import Table from 'cli-table3';
import { ForwardPlan } from '../core/forwardFunnel';
import { Lang, stageLabel } from '../core/stages';
import { formatDecimal, formatMoney, formatPercent } from '../report/formatNumber';
import { COMPACT_TABLE } from './tableStyle';
import { cliMessages } from './i18n/cliCatalogue';


export function forwardTable(result: ForwardPlan, lang: Lang = 'en'): string {
  const t = cliMessages(lang).forwardTable;
  const table = new Table({
    head: [t.stage, ...result.sources.map((s) => (s.planned ? `${s.name} ${t.planned}` : s.name)), t.total],
    colAligns: ['left', ...result.sources.map(() => 'right' as const), 'right'],
    ...COMPACT_TABLE,
  });
  const above = (stage: string, entry: string) => result.stages.indexOf(stage) < result.stages.indexOf(entry);
  for (const stage of result.stages) {
    table.push([
      stageLabel(stage, lang),
      ...result.sources.map((s) => (above(stage, s.entryStage) ? '—' : formatDecimal(s.expected[stage]))),
      formatDecimal(result.total.expected[stage]),
    ]);
  }
  const money = (n: number) => formatMoney(n, result.currency);
  table.push([t.revenue, ...result.sources.map((s) => money(s.revenue)), money(result.total.revenue)]);
  const summary = t.summary(money(result.total.revenue), money(result.revenueTarget), formatPercent(result.attainment));
  const gap = result.gap > 0 ? t.short(money(result.gap)) : result.gap < 0 ? t.over(money(-result.gap)) : '';
  return [table.toString(), '', summary, gap].filter((l) => l !== '').join('\n');
}
