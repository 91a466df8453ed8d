/** One CRM date cell → epoch milliseconds (naive UTC), hand-parsed because it runs once per cell of a million-row export. */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';

const DAY_MS = 86_400_000;
/** Excel 1900-system serial of 1970-01-01. */
const SERIAL_1970 = 25569;
/** Serial of 9999-12-31 + 1: beyond it Excel itself shows ####. */
const SERIAL_END = 2958466;

/**
 * Dates a CRM writes for "never" or "unknown" rather than a real day: on or before 1970-01-01
 * (the Unix epoch of a null timestamp, Excel's 1900-01-00/1899-12-30 zero dates, 1900-01-01) or
 * after 2100-12-31 (9999-12-31, 2999-01-01). No B2B funnel record reached a stage then: the
 * history reads such a date as blank, and warns (HistoryAccumulator).
 */
export const PLACEHOLDER_UNTIL_MS = Date.UTC(1970, 0, 2);
export const PLACEHOLDER_FROM_MS = Date.UTC(2101, 0, 1);

/**
 * @example
 * isPlaceholderDate(Date.UTC(9999, 11, 31)) // → true
 * isPlaceholderDate(Date.UTC(1900, 0, 1))   // → true
 * isPlaceholderDate(Date.UTC(2024, 0, 1))   // → false
 */
export function isPlaceholderDate(ms: number): boolean {
  return ms < PLACEHOLDER_UNTIL_MS || ms >= PLACEHOLDER_FROM_MS;
}

const SPACE = 32;
const TAB = 9;
const NBSP = 0xa0;
const DASH = 45;
const SLASH = 47;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;

/** Parser cursor: module state rather than a returned tuple, so the hot path allocates nothing. */
let pos = 0;

/**
 * How an `a/b/yyyy` date reads: month first (M/D/YYYY, as US exports write it), day first
 * (D/M/YYYY, European and most Chinese locales), or `auto`: day first only when the first
 * part cannot be a month (13/02/2024), else month first — for a first reading whose
 * {@link lastSlashKind} evidence decides the column's order (dateOrder.ts).
 */
export type DateOrder = 'mdy' | 'dmy';
export type DateOrderMode = DateOrder | 'auto';

/** Why a part of a date text is out of range (the catalogue's `dates.reasons` words each). */
export type DateReason =
  | { readonly why: 'neitherMonth'; readonly first: number; readonly second: number }
  | { readonly why: 'monthDmy' | 'monthMdy' | 'month' | 'hour12' | 'hour24' | 'minute' | 'second' | 'year'; readonly n: number }
  | { readonly why: 'utcOffset'; readonly offset: string }
  | { readonly why: 'day'; readonly n: number; readonly days: number }
  | { readonly why: 'monthDays'; readonly month: number; readonly year: number; readonly days: number };

/** Why a cell is not a date, as data: each language words it (dateProblemText). */
export type DateProblem =
  | { readonly kind: 'invalidDate' }
  | { readonly kind: 'notADateValue'; readonly value: string; readonly ofType: boolean }
  | { readonly kind: 'notADate'; readonly text: string }
  | { readonly kind: 'serialRange'; readonly serial: number; readonly max: number }
  | { readonly kind: 'serial60'; readonly serial: number }
  | { readonly kind: 'invalid'; readonly text: string; readonly why: DateReason };

/** A cell that is not a date: `error` in English (as before), `problem` for other languages. */
export interface DateError {
  readonly error: string;
  readonly problem: DateProblem;
}

/** What the last parsed text said about its `a/b/yyyy` order; module state, like `pos`. */
export const SlashKind = {
  /** Not an a/b/yyyy date (or not a date at all). */
  None: 0,
  /** The first part is over 12: day first. */
  DayFirst: 1,
  /** The second part is over 12: month first. */
  MonthFirst: 2,
  /** Both parts 12 or less and different: the two orders give two dates. */
  Ambiguous: 3,
  /** Both parts equal (5/5/2024): the same date either way. */
  Same: 4,
} as const;
export type SlashKind = (typeof SlashKind)[keyof typeof SlashKind];
let slashKind: SlashKind = SlashKind.None;

/**
 * What the last {@link parseHistoryDate} call said about day/month order (SlashKind.None for anything but a/b/yyyy text).
 *
 * @example
 * parseHistoryDate('25/03/2024'); lastSlashKind(); // → SlashKind.DayFirst (25 cannot be a month)
 * parseHistoryDate('05/03/2024'); lastSlashKind(); // → SlashKind.Ambiguous
 * parseHistoryDate('2024-03-05'); lastSlashKind(); // → SlashKind.None
 */
export function lastSlashKind(): SlashKind {
  return slashKind;
}

/**
 * Reads a date cell from a CRM export (CSV text, an exceljs cell value or a Sheets value)
 * as epoch milliseconds, taking the wall-clock fields as UTC (no time zone shifting, so a
 * duration between two cells is what the CRM displayed).
 *
 * - Text: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]` (or with `T`, optional trailing `Z` or a
 *   UTC offset `+08:00` / `-0500`, which converts the time to UTC),
 *   `M/D/YYYY` and `M/D/YYYY H:MM[:SS] [AM|PM]` (Salesforce), or `D/M/YYYY` with `order`
 *   'dmy', `YYYY/M/D [H:MM[:SS]]`, `YYYY.MM.DD`, and an Excel serial written as text
 *   (five digits, optional fraction: `45292`, `45292.5`). A UTC offset must be within
 *   −12:00…+14:00 with minutes under 60. The date must exist in the calendar (2024-02-30 does not).
 * - Numbers: Excel serial dates of the 1900 system (45292 = 2024-01-01; the fraction is the
 *   time of day). Excel's phantom 1900-02-29 (serial 60) is refused.
 * - Date objects (exceljs date cells) as they are.
 *
 * @returns epoch ms; `null` for a blank cell (`''`, whitespace, null, undefined);
 *   `{ error }` saying what was found and what was expected.
 * @example
 * parseHistoryDate('2024-01-05 12:00')   // → 1704456000000 (2024-01-05T12:00:00Z)
 * parseHistoryDate('1/5/2024 12:00 PM')  // → 1704456000000
 * parseHistoryDate(45292.5)              // → 1704110400000 (2024-01-01T12:00:00Z)
 * parseHistoryDate('  ')                 // → null
 * parseHistoryDate('2024-02-30')         // → { error: '"2024-02-30" is not a date: February 2024 has 29 days' }
 */
export function parseHistoryDate(value: unknown, order: DateOrderMode = 'mdy'): number | null | DateError {
  slashKind = SlashKind.None;
  if (typeof value === 'string') return parseDateText(value, order);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return parseExcelSerial(value);
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const ms = (value as Date).getTime();
    return ms === ms ? ms : fail({ kind: 'invalidDate' });
  }
  return fail({ kind: 'notADateValue', value: describe(value), ofType: typeof value !== 'boolean' && typeof value !== 'bigint' });
}

function parseExcelSerial(serial: number): number | DateError {
  if (!(serial >= 1 && serial < SERIAL_END)) {
    return fail({ kind: 'serialRange', serial, max: SERIAL_END - 1 });
  }
  // Excel counts a 1900-02-29 that never was: serials below 60 sit one day later than the rest.
  if (serial < 60) return Math.round((serial - SERIAL_1970 + 1) * DAY_MS);
  if (serial < 61) return fail({ kind: 'serial60', serial });
  return Math.round((serial - SERIAL_1970) * DAY_MS);
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB || c === NBSP || c === 13 || c === 10;
}

/** Reads 1..maxLen ASCII digits at `pos`; −1 (and `pos` unchanged) when there is none. */
function readNumber(s: string, end: number, maxLen: number): number {
  let n = 0;
  const start = pos;
  while (pos < end && pos - start < maxLen) {
    const d = s.charCodeAt(pos) - ZERO;
    if (d < 0 || d > 9) break;
    n = n * 10 + d;
    pos++;
  }
  return pos === start ? -1 : n;
}

function parseDateText(s: string, order: DateOrderMode): number | null | DateError {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  pos = start;
  const first = readNumber(s, end, 5);
  const firstLen = pos - start;
  if (firstLen === 5 && (pos >= end || s.charCodeAt(pos) === DOT)) return parseSerialText(s, start, end);
  if (first < 0 || pos >= end) return notADate(s, start, end);
  const sep = s.charCodeAt(pos);
  let year: number;
  let month: number;
  let day: number;
  let slashOrder: DateOrder | null = null;
  if (firstLen === 4 && (sep === DASH || sep === SLASH || sep === DOT)) {
    year = first;
    pos++;
    month = readNumber(s, end, 2);
    if (month < 0 || pos >= end || s.charCodeAt(pos) !== sep) return notADate(s, start, end);
    pos++;
    day = readNumber(s, end, 2);
  } else if (firstLen <= 2 && sep === SLASH) {
    pos++;
    const second = readNumber(s, end, 2);
    if (second < 0 || pos >= end || s.charCodeAt(pos) !== SLASH) return notADate(s, start, end);
    pos++;
    const yearStart = pos;
    year = readNumber(s, end, 4);
    if (pos - yearStart !== 4) return notADate(s, start, end);
    if (first > 12 && second > 12) {
      return invalid(s, start, end, order === 'auto' ? { why: 'neitherMonth', first, second } : order === 'dmy' ? { why: 'monthDmy', n: second } : { why: 'monthMdy', n: first });
    }
    slashKind = first > 12 ? SlashKind.DayFirst : second > 12 ? SlashKind.MonthFirst : first === second ? SlashKind.Same : SlashKind.Ambiguous;
    slashOrder = order === 'auto' ? (first > 12 ? 'dmy' : 'mdy') : order;
    month = slashOrder === 'mdy' ? first : second;
    day = slashOrder === 'mdy' ? second : first;
  } else {
    return notADate(s, start, end);
  }
  if (day < 0) return notADate(s, start, end);
  // A fifth digit glued to the year or day ("2024-01-055") is not a date.
  if (pos < end) {
    const d = s.charCodeAt(pos) - ZERO;
    if (d >= 0 && d <= 9) return notADate(s, start, end);
  }

  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offsetMs = 0;
  if (pos < end) {
    let c = s.charCodeAt(pos);
    if (c === COMMA) c = s.charCodeAt(++pos); // "1/5/2024, 1:45 PM" as Salesforce shows it
    if (c === 84 || c === 116) {
      pos++; // 'T' / 't'
    } else if (isSpace(c)) {
      while (pos < end && isSpace(s.charCodeAt(pos))) pos++;
    } else {
      return notADate(s, start, end);
    }
    hour = readNumber(s, end, 2);
    if (hour < 0 || pos >= end || s.charCodeAt(pos) !== COLON) return notADate(s, start, end);
    pos++;
    let mark = pos;
    minute = readNumber(s, end, 2);
    if (pos - mark !== 2) return notADate(s, start, end);
    if (pos < end && s.charCodeAt(pos) === COLON) {
      pos++;
      mark = pos;
      second = readNumber(s, end, 2);
      if (pos - mark !== 2) return notADate(s, start, end);
      if (pos < end && (s.charCodeAt(pos) === DOT || s.charCodeAt(pos) === COMMA)) {
        pos++;
        // Milliseconds from the first three digits; finer digits are read and dropped.
        let scale = 100;
        mark = pos;
        while (pos < end) {
          const d = s.charCodeAt(pos) - ZERO;
          if (d < 0 || d > 9) break;
          ms += d * scale;
          scale /= 10;
          pos++;
        }
        if (pos === mark) return notADate(s, start, end);
        ms = Math.floor(ms);
      }
    }
    while (pos < end && isSpace(s.charCodeAt(pos))) pos++;
    let meridiem = 0; // 1 = AM, 2 = PM
    if (pos + 1 < end) {
      const a = s.charCodeAt(pos) | 32;
      const m = s.charCodeAt(pos + 1) | 32;
      if ((a === 97 || a === 112) && m === 109) {
        meridiem = a === 97 ? 1 : 2;
        pos += 2;
        while (pos < end && isSpace(s.charCodeAt(pos))) pos++;
      }
    }
    if (pos < end && (s.charCodeAt(pos) | 32) === 122) pos++; // 'Z'
    else if (pos < end && (s.charCodeAt(pos) === 43 || s.charCodeAt(pos) === 45)) {
      // A UTC offset ("+08:00", "-0500"), as some CRMs export: the instant is taken in UTC.
      const sign = s.charCodeAt(pos) === 43 ? 1 : -1;
      const digits = s.slice(pos + 1, end).replace(':', '');
      if (!/^\d{4}$/.test(digits)) return notADate(s, start, end);
      const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
      if (Number(digits.slice(2)) > 59 || offsetMinutes > (sign > 0 ? 14 : 12) * 60) {
        return invalid(s, start, end, { why: 'utcOffset', offset: s.slice(pos, end) });
      }
      offsetMs = sign * offsetMinutes * 60_000;
      pos = end;
    }
    if (pos !== end) return notADate(s, start, end);
    if (meridiem !== 0) {
      if (hour < 1 || hour > 12) return invalid(s, start, end, { why: 'hour12', n: hour });
      hour = (hour % 12) + (meridiem === 2 ? 12 : 0);
    } else if (hour > 23) {
      return invalid(s, start, end, { why: 'hour24', n: hour });
    }
    if (minute > 59) return invalid(s, start, end, { why: 'minute', n: minute });
    if (second > 59) return invalid(s, start, end, { why: 'second', n: second });
  }

  if (month < 1 || month > 12) {
    return invalid(
      s,
      start,
      end,
      slashOrder === 'mdy' ? { why: 'monthMdy', n: month } : slashOrder === 'dmy' ? { why: 'monthDmy', n: month } : { why: 'month', n: month },
    );
  }
  if (year < 1000) return invalid(s, start, end, { why: 'year', n: year });
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return invalid(s, start, end, day < 1 ? { why: 'day', n: day, days } : { why: 'monthDays', month, year, days });
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMs;
}

/** `45292` or `45292.5` as text (a CSV saved from a sheet whose date cells were numbers): an Excel serial. */
function parseSerialText(s: string, start: number, end: number): number | DateError {
  pos = start + 5;
  if (pos < end) {
    pos++; // the '.'
    const mark = pos;
    while (pos < end) {
      const d = s.charCodeAt(pos) - ZERO;
      if (d < 0 || d > 9) break;
      pos++;
    }
    if (pos === mark || pos !== end) return notADate(s, start, end);
  }
  return parseExcelSerial(Number(s.slice(start, end)));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function quote(s: string, start: number, end: number): string {
  const text = s.slice(start, end);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function notADate(s: string, start: number, end: number): DateError {
  return fail({ kind: 'notADate', text: quote(s, start, end) });
}

function invalid(s: string, start: number, end: number, why: DateReason): DateError {
  return fail({ kind: 'invalid', text: quote(s, start, end), why });
}

function fail(problem: DateProblem): DateError {
  return { error: dateProblemText(problem, 'en'), problem };
}

/**
 * A date that could not be read, in `lang`.
 *
 * @example
 * dateProblemText({ kind: 'invalid', text: '"2024-02-30"', why: { why: 'monthDays', month: 2, year: 2024, days: 29 } }, 'en')
 * // → '"2024-02-30" is not a date: February 2024 has 29 days'
 */
export function dateProblemText(problem: DateProblem, lang: Lang): string {
  const t = messages(lang).dates;
  switch (problem.kind) {
    case 'invalidDate':
      return t.invalidDate;
    case 'notADateValue':
      return t.notADate(problem.ofType ? t.valueOfType(problem.value) : problem.value);
    case 'notADate':
      return t.notADate(problem.text);
    case 'serialRange':
      return t.serialRange(problem.serial, problem.max);
    case 'serial60':
      return t.serial60(problem.serial);
    case 'invalid':
      return t.invalid(problem.text, t.reasons[problem.why.why](problem.why as never));
  }
}

function describe(value: unknown): string {
  if (typeof value === 'boolean') return String(value).toUpperCase();
  if (typeof value === 'bigint') return `${value}`;
  return Array.isArray(value) ? 'array' : typeof value;
}
