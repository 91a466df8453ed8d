/** Number formatting for the report: the CLI's formats, escaped, and never "NaN" or "Infinity" on the page. */
import { formatCount, formatFte, formatMoney, formatPercent } from './formatNumber';
import { escapeHtml } from './escapeHtml';

const MISSING = '—';

const guard = (n: number, format: (n: number) => string): string => (Number.isFinite(n) ? format(n) : MISSING);

export const countHtml = (n: number): string => guard(n, formatCount);
export const fteHtml = (n: number): string => guard(n, formatFte);
export const percentHtml = (n: number): string => guard(n, formatPercent);
/** The currency code is user text, so the whole amount is escaped. */
export const moneyHtml = (n: number, currency: string): string => guard(n, (v) => escapeHtml(formatMoney(v, currency)));
