/**
 * A date cell as the wall clock the spreadsheet shows. Sheets hands date cells to scripts,
 * and to custom functions, as instants (a date typed as 2024-01-01 in a Shanghai sheet
 * arrives as 2023-12-31T16:00Z), while the history core reads dates as wall-clock text. Both
 * "Derive rates from History" and =FUNNEL_RATES convert through `wallClockIn`, so they agree.
 */

/** Utilities.formatDate's shape (Java SimpleDateFormat patterns), passed in so tests can give a fake. */
export type FormatDate = (date: Date, timeZone: string, format: string) => string;

const WALL_CLOCK = "yyyy-MM-dd'T'HH:mm:ss";

/**
 * The converter for a spreadsheet's time zone: a Date → "yyyy-MM-ddTHH:mm:ss" on that zone's
 * wall clock, or "yyyy-MM-dd" at midnight (a date-only cell stays a date). Across a DST
 * change the wall clock is kept: 20:00 EST to 08:00 EDT the next day is 12 hours, as the
 * sheet shows it, not the 11 that elapsed.
 *
 * @example
 * const wallClock = wallClockIn('Asia/Shanghai', Utilities.formatDate);
 * wallClock(new Date('2024-01-04T23:00:00Z')) // → '2024-01-05T07:00:00'
 * wallClock(new Date('2023-12-31T16:00:00Z')) // → '2024-01-01'
 */
export function wallClockIn(timeZone: string, formatDate: FormatDate): (date: Date) => string {
  return (date) => {
    const text = formatDate(date, timeZone, WALL_CLOCK);
    return text.endsWith('T00:00:00') ? text.slice(0, 10) : text;
  };
}

/** A Date from any realm (Apps Script's, or a test's vm), as parseHistoryDate recognises one. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Every Date in a block of cells → its wall-clock text; other cells as they are. */
export function withWallClockDates(rows: readonly (readonly unknown[])[], wallClock: (date: Date) => string): unknown[][] {
  return rows.map((row) => row.map((cell) => (isDate(cell) ? wallClock(cell) : cell)));
}
