/** `rates` without --json: one compact table per source (overall first), then cautions and skipped rows by line. */
import Table from 'cli-table3';
import { NO_SOURCE, SMALL_SAMPLE } from '../../core/history/historyAccumulator';
import type { HistoryResult, StageStats } from '../../core/history/historyTypes';
import { stageLabel, type Lang } from '../../core/stages';
import { formatCount } from '../../report/formatNumber';
import { COMPACT_TABLE } from '../tableStyle';
import { cliMessages } from '../i18n/cliCatalogue';

const PCT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DAYS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });


function rateCell(r: StageStats['rates'][string] | undefined): string {
  if (!r || r.rate === null) return '—';
  const interval = r.low !== null && r.high !== null ? ` (${PCT.format(r.low)}–${PCT.format(r.high)})` : '';
  return `${PCT.format(r.rate)}${interval}${r.smallSample ? ' *' : ''}`;
}

function statsTable(result: HistoryResult, stats: StageStats, lang: Lang): string {
  const t = cliMessages(lang).ratesText;
  const table = new Table({ head: [...t.head], colAligns: ['left', 'right', 'right', 'right', 'right', 'right'], ...COMPACT_TABLE });
  const { stages } = result;
  stages.forEach((stage, k) => {
    const last = k === stages.length - 1;
    const days = (d: number | null | undefined) => (d === null || d === undefined ? '—' : DAYS.format(d));
    const mature = stats.matureRates[stage];
    table.push([
      last ? stageLabel(stage, lang) : `${stageLabel(stage, lang)} → ${stageLabel(stages[k + 1], lang)}`,
      formatCount(stats.reached[stage] ?? 0),
      last ? '' : rateCell(stats.rates[stage]),
      last ? '' : mature && mature.rate !== null ? `${PCT.format(mature.rate)}${mature.smallSample ? ' *' : ''}` : '—',
      last ? '' : days(stats.medianDays[stage]),
      last ? '' : days(stats.p90Days[stage]),
    ]);
  });
  return table.toString();
}

/**
 * @param unit 'line' for CSV (the line a row starts on in the file), 'row' for .xlsx (the sheet row).
 */
export function ratesText(result: HistoryResult, lang: Lang, unit: 'line' | 'row'): string {
  const t = cliMessages(lang).ratesText;
  const top = result.stages[0];
  const asOf = result.asOf ? result.asOf.slice(0, 10) : '—';
  const parts: string[] = [t.overall(formatCount(result.rows), asOf), statsTable(result, result.overall, lang)];
  const sources = Object.keys(result.bySource).sort((a, b) => {
    const diff = (result.bySource[b].reached[top] ?? 0) - (result.bySource[a].reached[top] ?? 0);
    return diff !== 0 ? diff : a < b ? -1 : a > b ? 1 : 0;
  });
  // One source (or none) would repeat the overall table.
  if (sources.length > 1) {
    for (const source of sources) {
      const stats = result.bySource[source];
      parts.push('', t.source(source === NO_SOURCE ? t.none : source, formatCount(stats.reached[top] ?? 0)), statsTable(result, stats, lang));
    }
  }
  const anySmall = [result.overall, ...Object.values(result.bySource)].some((s) => Object.values(s.rates).some((r) => r.smallSample));
  parts.push('', t.mature);
  if (anySmall) parts.push(t.small(SMALL_SAMPLE));
  if (result.warnings.length > 0) parts.push('', t.warnings, ...result.warnings.map((w) => `  - ${w}`));
  const { count, examples } = result.skipped;
  if (count > 0) {
    parts.push('', t.skipped(formatCount(count), count === 1), ...examples.map((e) => `  - ${unit === 'line' ? t.line(e.row) : t.row(e.row)}: ${e.reason}`));
    if (count > examples.length) parts.push(`  ${t.more(formatCount(count - examples.length))}`);
  }
  return parts.join('\n');
}
