/** The report's "Rates from history" section: the rates table of the CRM export the plan's rates came from. */
import type { HistoryResult } from '../core/history/historyTypes';
import { historyRatesTable } from '../core/history/ratesTable';
import type { Lang } from '../core/stages';
import { escapeHtml } from './escapeHtml';

export interface ReportHistory {
  readonly result: HistoryResult;
  /** The export's file name. */
  readonly origin: string;
  readonly matureRates: boolean;
}

const TEXT = {
  en: {
    title: 'Rates from history',
    from: (file: string, rows: number, skipped: number, asOf: string, mature: boolean) =>
      `From ${file}: ${rows.toLocaleString('en-US')} rows (${skipped} skipped), as of ${asOf}. The plan uses ${mature ? 'mature rates (records that reached the stage at least p90 days before that date)' : 'rates over all records'}.`,
  },
  'zh-CN': {
    title: '历史转化率',
    from: (file: string, rows: number, skipped: number, asOf: string, mature: boolean) =>
      `来自 ${file}：${rows.toLocaleString('en-US')} 行（跳过 ${skipped} 行），截至 ${asOf}。计划采用${mature ? '成熟转化率（到达该阶段已超过 p90 天的记录）' : '全部记录的转化率'}。`,
  },
} as const;

/** Columns of historyRatesTable that hold rates (shown as %) and days (one decimal). */
const RATE_COLUMNS = new Set([4, 5, 6, 7]);
const DAY_COLUMNS = new Set([9, 10]);

function cellHtml(value: string | number, column: number): string {
  if (typeof value !== 'number') return escapeHtml(value);
  if (RATE_COLUMNS.has(column)) return `${(value * 100).toFixed(1)}%`;
  if (DAY_COLUMNS.has(column)) return value.toFixed(1);
  return value.toLocaleString('en-US');
}

export function historySection(history: ReportHistory, lang: Lang): string {
  const t = TEXT[lang];
  const [header, ...rows] = historyRatesTable(history.result, lang);
  const r = history.result;
  const head = header.map((h) => `<th scope="col">${escapeHtml(String(h))}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((v, c) => (c < 2 ? `<td>${cellHtml(v, c)}</td>` : `<td class="num">${cellHtml(v, c)}</td>`)).join('')}</tr>`)
    .join('');
  return (
    `<section class="history"><h2>${escapeHtml(t.title)}</h2>` +
    `<p class="note">${escapeHtml(t.from(history.origin, r.rows, r.skipped.count, r.asOf?.slice(0, 10) ?? '—', history.matureRates))}</p>` +
    `<div class="table-wrap"><table class="funnel-table many"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`
  );
}
