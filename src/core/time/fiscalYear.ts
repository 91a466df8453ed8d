/**
 * The fiscal year as months (design.md §7): `timing.fiscalYearStart` "YYYY-MM" is FY month 0;
 * months before it (carry-in, negative indexes) and after it (next year, 12 and up) are named
 * by the same rule, so a month index always maps to one calendar month.
 */

export interface FiscalYearStart {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
}

export const FISCAL_YEAR_ERRORS = {
  start: 'fiscal year start: expected a month as "YYYY-MM" (e.g. "2027-04"), got',
} as const;

/**
 * Reads "YYYY-MM" (years 1900–2999); undefined for anything else.
 *
 * @example
 * parseFiscalYearStart('2027-04'); // → { year: 2027, month: 4 }
 * parseFiscalYearStart('2027-13'); // → undefined
 */
export function parseFiscalYearStart(text: string): FiscalYearStart | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return undefined;
  return { year, month };
}

/**
 * The calendar month of FY month `index` (0 = the first month of the fiscal year; −1 the
 * month before it; 12 the first month of the next fiscal year).
 *
 * @example
 * calendarMonth({ year: 2027, month: 4 }, 0);  // → { year: 2027, month: 4 }
 * calendarMonth({ year: 2027, month: 4 }, 11); // → { year: 2028, month: 3 }
 * calendarMonth({ year: 2027, month: 1 }, -2); // → { year: 2026, month: 11 } (carry-in)
 */
export function calendarMonth(start: FiscalYearStart, index: number): FiscalYearStart {
  const absolute = start.year * 12 + (start.month - 1) + index;
  return { year: Math.floor(absolute / 12), month: (((absolute % 12) + 12) % 12) + 1 };
}

/**
 * "YYYY-MM" of FY month `index`, the key months have in the plan's JSON and sheets.
 *
 * @example
 * monthKey({ year: 2027, month: 1 }, -1); // → "2026-12"
 */
export function monthKey(start: FiscalYearStart, index: number): string {
  const { year, month } = calendarMonth(start, index);
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The FY month index of a calendar date's month, e.g. the month a CRM record reached a stage.
 *
 * @example
 * fiscalMonthIndex({ year: 2027, month: 4 }, 2027, 6);  // → 2
 * fiscalMonthIndex({ year: 2027, month: 4 }, 2027, 1);  // → -3
 */
export function fiscalMonthIndex(start: FiscalYearStart, year: number, month: number): number {
  return year * 12 + (month - 1) - (start.year * 12 + (start.month - 1));
}
