/**
 * Working days (Mon–Fri less holidays) and the per-working-day run rate a team sees
 * (design.md §7): shown with one decimal, never rounded back into the counts.
 */
import type { FiscalYearStart } from './fiscalYear';

/**
 * Monday-to-Friday days of a calendar month that are not holidays ("YYYY-MM-DD").
 *
 * @example
 * workingDays({ year: 2027, month: 2 });                       // → 20
 * workingDays({ year: 2027, month: 1 }, new Set(['2027-01-01'])); // → 20 (21 weekdays less New Year's Day)
 */
export function workingDays(month: FiscalYearStart, holidays: ReadonlySet<string> = new Set()): number {
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const firstWeekday = new Date(Date.UTC(month.year, month.month - 1, 1)).getUTCDay();
  let count = 0;
  for (let d = 1; d <= days; d++) {
    const weekday = (firstWeekday + d - 1) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  if (holidays.size === 0) return count;
  // Less each holiday on a weekday of this month: a key "YYYY-MM-DD" of one of its days.
  const prefix = `${month.year}-${String(month.month).padStart(2, '0')}-`;
  for (const holiday of holidays) {
    if (holiday.length !== prefix.length + 2 || !holiday.startsWith(prefix)) continue;
    const tens = holiday.charCodeAt(prefix.length) - 48;
    const units = holiday.charCodeAt(prefix.length + 1) - 48;
    if (tens < 0 || tens > 9 || units < 0 || units > 9) continue;
    const d = tens * 10 + units;
    if (d < 1 || d > days) continue;
    const weekday = (firstWeekday + d - 1) % 7;
    if (weekday !== 0 && weekday !== 6) count--;
  }
  return count;
}

/**
 * A month's work per working day, rounded half up to one decimal exactly (integer
 * arithmetic, no float drift); undefined when the month has no working day.
 *
 * @example
 * dailyRate(107, 21); // → 5.1 (5.095…)
 * dailyRate(105, 20); // → 5.3 (5.25 rounds up)
 * dailyRate(3, 0);    // → undefined
 */
export function dailyRate(work: number, days: number): number | undefined {
  if (days <= 0) return undefined;
  if (!Number.isSafeInteger(work) || work < 0) throw new RangeError(`dailyRate: expected a whole count ≥ 0, got ${work}`);
  // round-half-up(10·work / days) = floor((20·work + days) / (2·days))
  return Math.floor((20 * work + days) / (2 * days)) / 10;
}
