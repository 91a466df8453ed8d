import fc from 'fast-check';
import { dateProblemText, parseHistoryDate, type DateError } from '../../../src/core/history/parseHistoryDate';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);
const errorOf = (value: unknown): string => {
  const r = parseHistoryDate(value);
  if (r === null || typeof r === 'number') throw new Error(`expected an error for ${String(value)}, got ${String(r)}`);
  return r.error;
};

describe('parseHistoryDate: text', () => {
  it.each([
    ['2024-01-05', utc(2024, 1, 5)],
    ['2024-1-5', utc(2024, 1, 5)],
    ['2024-01-05 13:45', utc(2024, 1, 5, 13, 45)],
    ['2024-01-05 13:45:30', utc(2024, 1, 5, 13, 45, 30)],
    ['2024-01-05T13:45:30', utc(2024, 1, 5, 13, 45, 30)],
    ['2024-01-05T13:45:30Z', utc(2024, 1, 5, 13, 45, 30)],
    ['2024-01-05T13:45:30.123Z', utc(2024, 1, 5, 13, 45, 30, 123)],
    ['2024-01-05 13:45:30.5', utc(2024, 1, 5, 13, 45, 30, 500)],
    ['2024-01-05T13:45:30.123456Z', utc(2024, 1, 5, 13, 45, 30, 123)],
    ['2024-01-05 9:05', utc(2024, 1, 5, 9, 5)],
    ['  2024-01-05\t', utc(2024, 1, 5)],
    ['1/5/2024', utc(2024, 1, 5)],
    ['01/05/2024', utc(2024, 1, 5)],
    ['12/31/2023', utc(2023, 12, 31)],
    ['1/5/2024 13:45', utc(2024, 1, 5, 13, 45)],
    ['1/5/2024 1:45 PM', utc(2024, 1, 5, 13, 45)],
    ['1/5/2024 1:45 pm', utc(2024, 1, 5, 13, 45)],
    ['1/5/2024 1:45PM', utc(2024, 1, 5, 13, 45)],
    ['1/5/2024, 1:45 PM', utc(2024, 1, 5, 13, 45)],
    ['1/5/2024 12:00 AM', utc(2024, 1, 5, 0, 0)],
    ['1/5/2024 12:30 PM', utc(2024, 1, 5, 12, 30)],
    ['1/5/2024 11:59:59 PM', utc(2024, 1, 5, 23, 59, 59)],
    ['2024/1/5', utc(2024, 1, 5)],
    ['2024/01/05 08:00:00', utc(2024, 1, 5, 8)],
    ['2024-02-29', utc(2024, 2, 29)],
    ['2000-02-29', utc(2000, 2, 29)],
  ])('%j → %d', (text, expected) => {
    expect(parseHistoryDate(text)).toBe(expected);
  });

  it.each([[''], ['   '], ['\t'], [null], [undefined]])('%j is a blank cell', (value) => {
    expect(parseHistoryDate(value)).toBeNull();
  });

  it('refuses dates that are not in the calendar, saying why', () => {
    expect(errorOf('2024-02-30')).toBe('"2024-02-30" is not a date: February 2024 has 29 days');
    expect(errorOf('2023-02-29')).toBe('"2023-02-29" is not a date: February 2023 has 28 days');
    expect(errorOf('1900-02-29')).toContain('February 1900 has 28 days');
    expect(errorOf('2024-04-31')).toContain('April 2024 has 30 days');
    expect(errorOf('2024-13-01')).toBe('"2024-13-01" is not a date: month 13 (expected 1–12)');
    expect(errorOf('2024-01-00')).toContain('day 0');
    // A European day-first date read as M/D/YYYY.
    expect(errorOf('31/12/2024')).toBe('"31/12/2024" is not a date: month 31 (expected M/D/YYYY, month first)');
    expect(errorOf('2024-01-05 24:00')).toContain('hour 24 (expected 0–23)');
    expect(errorOf('2024-01-05 12:60')).toContain('minute 60');
    expect(errorOf('1/5/2024 13:00 PM')).toContain('hour 13 (expected 1–12 with AM/PM)');
    expect(errorOf('1/5/2024 0:30 AM')).toContain('hour 0');
  });

  it.each([
    'yesterday',
    '31/31/2024',
    '1/5/24',
    '20240105',
    '2024-01-055',
    '2024-01-05X',
    '2024-01-05Z',
    '2024-01-05 13',
    '2024-01-05 13:4',
    '2024-01-05 13:45:3',
    '2024-01-05 13:45:30.',
    '2024-01-05+08:00',
    '2024-01-05 13:45 +8:00',
    '2024-01-05 13:45+15:00',
    '2024-01/05',
    '4529',
    '45292.',
    '45292x',
    '0024-01-05',
  ])('refuses %j and says what was expected', (text) => {
    const error = errorOf(text);
    expect(error).toContain(JSON.stringify(text));
    expect(error).toMatch(/expected/);
  });

  it('reads YYYY.MM.DD and Excel serials written as text (a CSV saved from a sheet of date numbers)', () => {
    expect(parseHistoryDate('2024.01.05')).toBe(utc(2024, 1, 5));
    expect(parseHistoryDate('2024.1.5 13:45')).toBe(utc(2024, 1, 5, 13, 45));
    expect(parseHistoryDate('45292')).toBe(utc(2024, 1, 1));
    expect(parseHistoryDate(' 45292.5 ')).toBe(utc(2024, 1, 1, 12));
    expect(parseHistoryDate('45351')).toBe(utc(2024, 2, 29));
  });

  it('reads a/b/yyyy day first when told, month first by default, and says which part it took for the month', () => {
    expect(parseHistoryDate('05/03/2024', 'dmy')).toBe(utc(2024, 3, 5));
    expect(parseHistoryDate('05/03/2024', 'mdy')).toBe(utc(2024, 5, 3));
    expect(parseHistoryDate('05/03/2024')).toBe(utc(2024, 5, 3));
    expect(parseHistoryDate('31/12/2024 13:45', 'dmy')).toBe(utc(2024, 12, 31, 13, 45));
    expect(parseHistoryDate('31/12/2024', 'auto')).toBe(utc(2024, 12, 31));
    expect(parseHistoryDate('12/31/2024', 'auto')).toBe(utc(2024, 12, 31));
    const dmyError = parseHistoryDate('12/31/2024', 'dmy');
    expect(dmyError).toMatchObject({ error: '"12/31/2024" is not a date: month 31 (expected D/M/YYYY, day first)' });
    expect(parseHistoryDate('31/31/2024', 'auto')).toMatchObject({ error: '"31/31/2024" is not a date: neither 31 nor 31 is a month (1–12)' });
  });

  it('refuses UTC offsets outside −12:00…+14:00 or with 60 minutes or more', () => {
    expect(errorOf('2024-01-05 10:00 +08:99')).toBe('"2024-01-05 10:00 +08:99" is not a date: UTC offset +08:99 (expected −12:00 to +14:00, minutes 00–59)');
    expect(errorOf('2024-01-05T10:00-14:00')).toContain('UTC offset -14:00 (expected −12:00 to +14:00');
    expect(errorOf('2024-01-05T10:00-1201')).toContain('UTC offset -1201');
    expect(errorOf('2024-01-05T10:00+1401')).toContain('UTC offset +1401');
    expect(parseHistoryDate('2024-01-05T10:00+14:00')).toBe(Date.UTC(2024, 0, 4, 20));
    expect(parseHistoryDate('2024-01-05T10:00-12:00')).toBe(Date.UTC(2024, 0, 5, 22));
    expect(parseHistoryDate('2024-01-05T10:00+05:45')).toBe(Date.UTC(2024, 0, 5, 4, 15));
  });

  it('takes a UTC offset as an instant in UTC', () => {
    expect(parseHistoryDate('2024-01-05T10:00:00+08:00')).toBe(Date.UTC(2024, 0, 5, 2));
    expect(parseHistoryDate('2024-01-05 13:45 +08:00')).toBe(Date.UTC(2024, 0, 5, 5, 45));
    expect(parseHistoryDate('2024-01-05 10:00:00-0500')).toBe(Date.UTC(2024, 0, 5, 15));
  });

  it('shortens long text in the message', () => {
    const error = errorOf('x'.repeat(500));
    expect(error.length).toBeLessThan(200);
    expect(error).toContain('…');
  });

  it('reads what it writes, for any calendar date and time (ISO and Salesforce forms)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31, 23, 59, 59) }).map((t) => Math.floor(t / 1000) * 1000),
        (t) => {
          const d = new Date(t);
          const p2 = (n: number) => String(n).padStart(2, '0');
          const [y, mo, da, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
          const iso = `${y}-${p2(mo)}-${p2(da)} ${p2(h)}:${p2(mi)}:${p2(s)}`;
          const h12 = h % 12 === 0 ? 12 : h % 12;
          const us = `${mo}/${da}/${y} ${h12}:${p2(mi)}:${p2(s)} ${h < 12 ? 'AM' : 'PM'}`;
          expect(parseHistoryDate(iso)).toBe(t);
          expect(parseHistoryDate(`${iso.replace(' ', 'T')}Z`)).toBe(t);
          expect(parseHistoryDate(us)).toBe(t);
          expect(parseHistoryDate(`${y}/${mo}/${da}`)).toBe(Math.floor(t / 86_400_000) * 86_400_000);
        },
      ),
    );
  });
});

describe('parseHistoryDate: Excel serials and Date objects', () => {
  it.each([
    [45292, utc(2024, 1, 1)],
    [45292.5, utc(2024, 1, 1, 12)],
    [45292.75, utc(2024, 1, 1, 18)],
    [45292 + 1 / 3, utc(2024, 1, 1, 8)], // a third of a day, to the millisecond
    [25569, 0],
    [61, utc(1900, 3, 1)],
    [59, utc(1900, 2, 28)],
    [1, utc(1900, 1, 1)],
    [2958465, utc(9999, 12, 31)],
  ])('serial %d → %d', (serial, expected) => {
    expect(parseHistoryDate(serial)).toBe(expected);
  });

  it.each([[0], [0.5], [-1], [NaN], [Infinity], [-Infinity], [2958466]])('refuses serial %d', (serial) => {
    expect(errorOf(serial)).toMatch(/expected an Excel date serial/);
  });

  it("refuses Excel's phantom 1900-02-29", () => {
    expect(errorOf(60)).toContain('1900-02-29');
  });

  it('takes a Date as it is, and refuses an invalid one', () => {
    expect(parseHistoryDate(new Date(utc(2024, 3, 5, 10, 30)))).toBe(utc(2024, 3, 5, 10, 30));
    expect(errorOf(new Date(NaN))).toContain('invalid Date');
  });

  it('refuses other kinds of value', () => {
    expect(errorOf(true)).toContain('TRUE is not a date');
    expect(errorOf({ a: 1 })).toContain('object');
  });
});

describe('parseHistoryDate: reasons in every language', () => {
  it('gives the reason as data, worded by each language', () => {
    const bad = parseHistoryDate('2024-02-30') as DateError;
    expect(bad.error).toBe('"2024-02-30" is not a date: February 2024 has 29 days');
    expect(dateProblemText(bad.problem, 'zh-CN')).toBe('"2024-02-30" 不是日期：2024 年 2 月只有 29 天');
    expect(dateProblemText(bad.problem, 'zh-TW')).toBe('"2024-02-30" 不是日期：2024 年 2 月只有 29 天');
    const soon = parseHistoryDate('soon') as DateError;
    expect(dateProblemText(soon.problem, 'zh-TW')).toMatch(/^"soon" 不是日期（應為 YYYY-MM-DD/);
  });
});
