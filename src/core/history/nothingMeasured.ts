/** Why an export gave nothing to measure (header only, every row skipped, no dates), or null when it gave something. */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { HistoryResult } from './historyTypes';

/**
 * A record with any stage date has reached the first stage, so nothing was measured exactly
 * when no record reached it. Then no rate, duration or as-of date exists, and a plan or a
 * table built from the result would be made of zeros: callers refuse it with this reason.
 *
 * @param unit what rows are called in the message: "line" in a CSV, "row" in a sheet.
 * @example
 * nothingMeasured({ rows: 2, skipped: { count: 2, examples: [{ row: 2, reason: 'Lead: "soon" is not a date …' }] }, … })
 * // → 'all 2 data rows were skipped for an unreadable date (the first: row 2, Lead: "soon" is not a date …): there is nothing to measure'
 */
export function nothingMeasured(result: HistoryResult, unit = 'row', lang: Lang = 'en'): string | null {
  const t = messages(lang).history;
  const first = result.stages[0];
  if ((result.overall.reached[first] ?? 0) > 0) return null;
  if (result.rows === 0) return t.noRows;
  const { count, examples } = result.skipped;
  if (count === result.rows && examples.length > 0) {
    return t.allSkipped(count, unit === 'line' ? t.lineRef(examples[0].row) : t.rowRef(examples[0].row), examples[0].reason);
  }
  return t.noneDated(result.rows, count);
}
