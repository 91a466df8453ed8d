/** A pasted CRM export (header row first) → history in one call: what =FUNNEL_RATES(range) and the History sheet run. */
import { HistoryAccumulator } from './historyAccumulator';
import type { HistoryMapping, HistoryOptions, HistoryResult } from './historyTypes';
import { recognizeColumns, type RecognizeOptions } from './recognizeColumns';

export interface DeriveHistoryOptions extends RecognizeOptions, HistoryOptions {}

export type DeriveHistoryResult =
  | { readonly ok: true; readonly result: HistoryResult; readonly mapping: HistoryMapping }
  | { readonly ok: false; readonly message: string };

/**
 * Recognises the columns of `rows[0]` (recognizeColumns), then feeds every later row through
 * a HistoryAccumulator. Row numbers in skipped-row examples count the header as row 1, as a
 * sheet range starting at row 1 does. Header cells that are not text (a number, a blank from
 * a wide range) are read as their text or as ''.
 *
 * @returns `{ ok: false, message }` for an empty range, unrecognisable columns or a bad asOf;
 *   never throws for bad data.
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
  if (rows.length === 0) return { ok: false, message: 'The range is empty: expected a header row and data rows.' };
  const header = rows[0].map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
  const recognized = recognizeColumns(header, options);
  if (!recognized.ok) return recognized;
  let accumulator: HistoryAccumulator;
  try {
    accumulator = new HistoryAccumulator(header, recognized.mapping, options);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  for (let i = 1; i < rows.length; i++) accumulator.addRow(rows[i], i + 1);
  return { ok: true, result: accumulator.finish(), mapping: recognized.mapping };
}
