/** Day-first or month-first: each column's a/b/yyyy dates decide, once the whole export has been read. */
import { messages, type Messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { DateOrder } from './parseHistoryDate';

/** One example of a kind of a/b/yyyy date: where it is and how it was written. */
export interface DateExample {
  readonly row: number;
  readonly text: string;
}

/** What one stage column's a/b/yyyy dates said about their order (parseHistoryDate's SlashKind, counted). */
export interface DateEvidence {
  /** Dates whose first part is over 12 (13/02/2024): day first. */
  dayFirst: number;
  /** Dates whose second part is over 12 (02/13/2024): month first. */
  monthFirst: number;
  /** Dates with both parts 12 or less and different (05/03/2024): either order. */
  ambiguous: number;
  dayFirstExample: DateExample | null;
  monthFirstExample: DateExample | null;
  ambiguousExample: DateExample | null;
}

/**
 * Evidence before any date was read: no counts, no examples.
 *
 * @example
 * emptyEvidence();
 * // → { dayFirst: 0, monthFirst: 0, ambiguous: 0, dayFirstExample: null, monthFirstExample: null, ambiguousExample: null }
 */
export function emptyEvidence(): DateEvidence {
  return { dayFirst: 0, monthFirst: 0, ambiguous: 0, dayFirstExample: null, monthFirstExample: null, ambiguousExample: null };
}

/**
 * Adds `from` (read after `into`) to `into`, its rows offset by `rowOffset`; the earlier examples stay.
 *
 * @example
 * // Part 1 saw 2 day-first dates (row 3: 25/03/2024); part 2, starting at row 1,000, one of each.
 * const into = { ...emptyEvidence(), dayFirst: 2, dayFirstExample: { row: 3, text: '25/03/2024' } };
 * mergeEvidence(into, { ...emptyEvidence(), dayFirst: 1, monthFirst: 1, monthFirstExample: { row: 5, text: '03/25/2024' } }, 1000);
 * // into → { dayFirst: 3, monthFirst: 1, dayFirstExample: { row: 3, … }, monthFirstExample: { row: 1005, text: '03/25/2024' }, … }
 */
export function mergeEvidence(into: DateEvidence, from: DateEvidence, rowOffset: number): void {
  const shift = (e: DateExample | null) => (e === null ? null : { row: e.row + rowOffset, text: e.text });
  into.dayFirst += from.dayFirst;
  into.monthFirst += from.monthFirst;
  into.ambiguous += from.ambiguous;
  into.dayFirstExample ??= shift(from.dayFirstExample);
  into.monthFirstExample ??= shift(from.monthFirstExample);
  into.ambiguousExample ??= shift(from.ambiguousExample);
}

/** A stage column whose order was left to the data (no order given for it). */
export interface DetectedColumn {
  readonly stage: string;
  readonly column: string;
  readonly evidence: DateEvidence;
}

export type DateOrderVerdict =
  /** What was read stands: every a/b/yyyy date was read in its column's order. */
  | { readonly ok: true; readonly rerun: false }
  /** A column turned out day first and has dates that were read month first: read again with these orders. */
  | { readonly ok: true; readonly rerun: true; readonly orders: Readonly<Record<string, DateOrder>> }
  /**
   * `ambiguous`: a column's dates fit both orders (the caller says how to give one);
   * `inconsistent`: a column has dates of both orders.
   */
  | { readonly ok: false; readonly kind: 'ambiguous' | 'inconsistent'; readonly column: string; readonly message: string };

function at(unit: string, e: DateExample, t: Messages['history']): string {
  return t.at(e.text, unit, e.row);
}

/**
 * Decides each column's order from what its dates said: any date with a first part over 12 →
 * day first; any with a second part over 12 → month first; both in one column → an error
 * naming the column and a date of each kind. A column whose dates fit both orders takes the
 * order of the file's other a/b/yyyy columns when they agree (one export, one locale); when
 * there are none, or they disagree, it stays ambiguous and the caller must be told the order.
 * The first reading took a/b/yyyy month first unless the first part was over 12 ('auto'), so
 * only a day-first column with ambiguous dates needs a second reading.
 *
 * @param unit what the rows are called in messages: "line" in a CSV, "row" in a sheet.
 * @example
 * // Column "Created" has 05/03/2024 and 13/03/2024; column "Won" only 07/04/2024.
 * resolveDateOrders([{ stage: 'lead', column: 'Created', evidence: { dayFirst: 1, ambiguous: 1, … } },
 *                    { stage: 'won', column: 'Won', evidence: { ambiguous: 1, … } }])
 * // → { ok: true, rerun: true, orders: { lead: 'dmy', won: 'dmy' } }
 */
export function resolveDateOrders(columns: readonly DetectedColumn[], unit = 'row', lang: Lang = 'en'): DateOrderVerdict {
  const t = messages(lang).history;
  const decided = new Map<string, DateOrder>();
  for (const { stage, column, evidence: e } of columns) {
    if (e.dayFirst > 0 && e.monthFirst > 0 && e.dayFirstExample && e.monthFirstExample) {
      return {
        ok: false,
        kind: 'inconsistent',
        column,
        message: t.mixedOrders(column, at(unit, e.dayFirstExample, t), at(unit, e.monthFirstExample, t)),
      };
    }
    if (e.dayFirst > 0) decided.set(stage, 'dmy');
    else if (e.monthFirst > 0) decided.set(stage, 'mdy');
  }
  const found = new Set(decided.values());
  const fileOrder: DateOrder | null = found.size === 1 ? [...found][0] : null;
  const orders: Record<string, DateOrder> = {};
  let rerun = false;
  for (const { stage, column, evidence: e } of columns) {
    let order = decided.get(stage) ?? null;
    if (order === null && e.ambiguous > 0) {
      order = fileOrder;
      if (order === null) {
        const others =
          found.size > 1
            ? t.othersDisagree([...decided].map(([s, o]) => `${columnOf(columns, s)} ${o === 'dmy' ? t.dayFirst : t.monthFirst}`).join(t.listSeparator))
            : '';
        const example = e.ambiguousExample as DateExample;
        return {
          ok: false,
          kind: 'ambiguous',
          column,
          message: t.ambiguousOrder(column, at(unit, example, t), others),
        };
      }
    }
    if (order === null) continue;
    orders[stage] = order;
    if (order === 'dmy' && e.ambiguous > 0) rerun = true;
  }
  return rerun ? { ok: true, rerun: true, orders } : { ok: true, rerun: false };
}

function columnOf(columns: readonly DetectedColumn[], stage: string): string {
  return `"${columns.find((c) => c.stage === stage)?.column ?? stage}"`;
}
