/** `rates` without --json: one compact table per source (overall first), then cautions and skipped rows by line. */
import Table from 'cli-table3';
import { NO_SOURCE, SMALL_SAMPLE } from '../../core/history/historyAccumulator';
import type { HistoryResult, StageStats } from '../../core/history/historyTypes';
import { stageLabel, type Lang } from '../../core/stages';
import { formatCount } from '../../report/formatNumber';
import { COMPACT_TABLE } from '../tableStyle';

const PCT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DAYS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const TEXT = {
  en: {
    head: ['Stage → next', 'Reached', 'Rate (95% interval)', 'Mature rate', 'Median days', 'P90 days'],
    overall: (rows: string, asOf: string) => `All sources — ${rows} rows, as of ${asOf}`,
    source: (name: string, n: string) => `Source: ${name} — ${n} reached the first stage`,
    none: '(no source)',
    small: `* fewer than ${SMALL_SAMPLE} records: too uncertain to plan on alone`,
    mature: 'Mature rate: only records that reached the stage at least its p90 days before the as-of date.',
    warnings: 'Warnings:',
    skipped: (n: number) => `Skipped ${formatCount(n)} ${n === 1 ? 'row' : 'rows'} with a date that could not be read (not counted in any rate):`,
    at: (unit: string, n: number) => `${unit} ${n}`,
    more: (n: number) => `… and ${formatCount(n)} more`,
  },
  'zh-CN': {
    head: ['阶段 → 下一阶段', '到达数', '转化率（95% 区间）', '成熟转化率', '中位天数', 'P90 天数'],
    overall: (rows: string, asOf: string) => `全部来源 — 共 ${rows} 行，截至 ${asOf}`,
    source: (name: string, n: string) => `来源：${name} — 首阶段 ${n} 条`,
    none: '（无来源）',
    small: `* 样本少于 ${SMALL_SAMPLE} 条：不宜单独据此做计划`,
    mature: '成熟转化率：只计到达该阶段已满其 P90 天数的记录。',
    warnings: '注意：',
    skipped: (n: number) => `跳过 ${formatCount(n)} 行：日期无法识别（不计入任何转化率）：`,
    at: (unit: string, n: number) => (unit === 'line' ? `第 ${n} 行` : `工作表第 ${n} 行`),
    more: (n: number) => `… 另有 ${formatCount(n)} 行`,
  },
} as const;

function rateCell(r: StageStats['rates'][string] | undefined): string {
  if (!r || r.rate === null) return '—';
  const interval = r.low !== null && r.high !== null ? ` (${PCT.format(r.low)}–${PCT.format(r.high)})` : '';
  return `${PCT.format(r.rate)}${interval}${r.smallSample ? ' *' : ''}`;
}

function statsTable(result: HistoryResult, stats: StageStats, lang: Lang): string {
  const t = TEXT[lang];
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
  const t = TEXT[lang];
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
  if (anySmall) parts.push(t.small);
  if (result.warnings.length > 0) parts.push('', t.warnings, ...result.warnings.map((w) => `  - ${w}`));
  const { count, examples } = result.skipped;
  if (count > 0) {
    parts.push('', t.skipped(count), ...examples.map((e) => `  - ${t.at(unit, e.row)}: ${e.reason}`));
    if (count > examples.length) parts.push(`  ${t.more(count - examples.length)}`);
  }
  return parts.join('\n');
}
