/** A pasted CRM export (header row first) → history in one call: what =FUNNEL_RATES(range) and the History sheet run. */
import { HistoryAccumulator } from './historyAccumulator';
import type { HistoryMapping, HistoryOptions, HistoryResult } from './historyTypes';
import { nothingMeasured } from './nothingMeasured';
import { recognizeColumns, type RecognizeOptions } from './recognizeColumns';
import { messages } from '../i18n/catalogue';

export interface DeriveHistoryOptions extends RecognizeOptions, HistoryOptions {}

export type DeriveHistoryResult =
  | { readonly ok: true; readonly result: HistoryResult; readonly mapping: HistoryMapping }
  | {
      readonly ok: false;
      readonly message: string;
      /** Set when the only problem is a column whose dates read either day or month first: ask for `dateOrder`. */
      readonly needsDateOrder?: { readonly column: string };
      /** Set when the stage columns were not recognised: the caller says how to name them (core names no flag or menu). */
      readonly needsMapping?: true;
    };

/**
 * Recognises the columns of `rows[0]` (recognizeColumns), then feeds every later row through
 * a HistoryAccumulator. Row numbers in skipped-row examples count the header as row 1, as a
 * sheet range starting at row 1 does. Header cells that are not text (a number, a blank from
 * a wide range) are read as their text or as ''.
 *
 * a/b/yyyy dates are read day first or month first as each column's dates say
 * (HistoryAccumulator.dateOrderVerdict), reading the rows a second time when a day-first
 * column has dates that fit both orders; `options.dateOrder` fixes the order instead.
 *
 * @returns `{ ok: false, message }` for an empty range, unrecognisable columns, a bad asOf,
 *   a column whose day/month order is mixed or cannot be told, or rows with nothing to
 *   measure (header only, every row skipped); never throws for bad data. Recognition's
 *   warnings (a stage in two columns) come first in `result.warnings`.
 * @example
 * deriveHistory([
 *   ['Original Source', 'Became a Lead Date', 'Became a Customer Date'],
 *   ['Web', '2024-01-01', '2024-01-11'],
 *   ['Web', '2024-01-05', ''],
 * ])
 * // → { ok: true, mapping: { stages: ['lead', 'mql', 'sql', 'opportunity', 'won'], … },
 * //     result: { rows: 2, overall: { reached: { lead: 2, mql: 1, sql: 1, opportunity: 1, won: 1 }, … }, … } }
 */
export function deriveHistory(rows: readonly (readonly unknown[])[], options: DeriveHistoryOptions = {}): DeriveHistoryResult {
  const lang = options.lang ?? 'en';
  const t = messages(lang).history;
  if (rows.length === 0) return { ok: false, message: t.emptyRange };
  const header = rows[0].map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
  const recognized = recognizeColumns(header, options);
  if (!recognized.ok) return recognized;
  const read = (opts: HistoryOptions): HistoryAccumulator | string => {
    let accumulator: HistoryAccumulator;
    try {
      accumulator = new HistoryAccumulator(header, recognized.mapping, opts);
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    for (let i = 1; i < rows.length; i++) accumulator.addRow(rows[i], i + 1);
    return accumulator;
  };
  let accumulator = read(options);
  if (typeof accumulator === 'string') return { ok: false, message: accumulator };
  const verdict = accumulator.dateOrderVerdict('row', lang);
  if (!verdict.ok) {
    return verdict.kind === 'ambiguous' ? { ok: false, message: verdict.message, needsDateOrder: { column: verdict.column } } : { ok: false, message: verdict.message };
  }
  if (verdict.rerun) {
    accumulator = read({ ...options, dateOrder: verdict.orders });
    if (typeof accumulator === 'string') return { ok: false, message: accumulator };
  }
  const result = accumulator.finish();
  const empty = nothingMeasured(result, 'row', lang);
  if (empty !== null) return { ok: false, message: t.sentence(empty) };
  const ambiguous = recognized.ambiguous.length > 0 ? { ambiguousColumns: recognized.ambiguous } : {};
  return { ok: true, result: { ...result, ...ambiguous, warnings: [...recognized.warnings, ...result.warnings] }, mapping: recognized.mapping };
}
