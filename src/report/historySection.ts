/** The report's "Rates from history" section: the rates table of the CRM export the plan's rates came from. */
import type { HistoryResult } from '../core/history/historyTypes';
import { historyRatesTable } from '../core/history/ratesTable';
import { messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import { escapeHtml } from './escapeHtml';

export interface ReportHistory {
  readonly result: HistoryResult;
  /** The export's file name. */
  readonly origin: string;
  readonly matureRates: boolean;
}


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
  const t = messages(lang).report;
  const [header, ...rows] = historyRatesTable(history.result, lang);
  const r = history.result;
  const head = header.map((h) => `<th scope="col">${escapeHtml(String(h))}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((v, c) => (c < 2 ? `<td>${cellHtml(v, c)}</td>` : `<td class="num">${cellHtml(v, c)}</td>`)).join('')}</tr>`)
    .join('');
  return (
    `<section class="history"><h2>${escapeHtml(t.historyTitle)}</h2>` +
    `<p class="note">${escapeHtml(t.historyFrom(history.origin, r.rows.toLocaleString('en-US'), r.skipped.count, r.asOf?.slice(0, 10) ?? '—', history.matureRates))}</p>` +
    `<div class="table-wrap"><table class="funnel-table many"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`
  );
}
