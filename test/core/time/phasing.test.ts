/** Monthly phasing (design.md §7): hand-computed examples and the invariants as properties. */
import fc from 'fast-check';
import { Fraction, fraction } from '../../../src/core/fraction';
import { calendarMonth, fiscalMonthIndex, monthKey, parseFiscalYearStart } from '../../../src/core/time/fiscalYear';
import { addSeries, monthValue, quarters, seriesTotal, window } from '../../../src/core/time/monthSeries';
import { EVEN_SEASONALITY, stageByMonth, wonByMonth } from '../../../src/core/time/phasing';
import { lagFromCounts, lagMonths, lagsFromStageDays, NO_LAG } from '../../../src/core/time/salesCycleLag';
import { dailyRate, workingDays } from '../../../src/core/time/workingDays';

const f = (n: number) => fraction(BigInt(n));
const weights = (ns: readonly number[]) => ns.map(f);

describe('fiscal year months', () => {
  test('FY starting April 2027: month 11 is March 2028, month −3 is January 2027', () => {
    const start = parseFiscalYearStart('2027-04')!;
    expect(monthKey(start, 0)).toBe('2027-04');
    expect(monthKey(start, 11)).toBe('2028-03');
    expect(monthKey(start, -3)).toBe('2027-01');
    expect(monthKey(start, 12)).toBe('2028-04');
    expect(fiscalMonthIndex(start, 2026, 12)).toBe(-4);
    expect(calendarMonth({ year: 2027, month: 1 }, -13)).toEqual({ year: 2025, month: 12 });
  });

  test('anything but YYYY-MM is not a fiscal year start', () => {
    for (const bad of ['2027-4', '2027-00', '2027-13', '27-04', 'April', '1899-12']) expect(parseFiscalYearStart(bad)).toBeUndefined();
  });
});

describe('won deals by month', () => {
  test('160 deals over an even year: the first four months take the remainder', () => {
    expect(wonByMonth(160, EVEN_SEASONALITY).values).toEqual([14, 14, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13]);
  });

  test('a Q4-heavy year (weights 1 … 1, 2, 3, 4 for the last quarter): 100 deals', () => {
    // Σw = 9 + 9 = 18; quotas 100/18 = 5.56 for months 0–8, 11.11, 16.67, 22.22 for Q4.
    // Floors 5×9 + 11 + 16 + 22 = 94; 6 left: remainders 0.556 (×9), 0.111, 0.667, 0.222 →
    // month 10 (0.667) first, then months 0–4 (0.556, earliest first).
    const won = wonByMonth(100, weights([1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4]));
    expect(won.values).toEqual([6, 6, 6, 6, 6, 5, 5, 5, 5, 11, 17, 22]);
    expect(seriesTotal(won)).toBe(100);
    expect(quarters(won)).toEqual([18, 17, 15, 50]);
  });

  test('a year without deals is zeros', () => {
    expect(wonByMonth(0, EVEN_SEASONALITY).values).toEqual(Array(12).fill(0));
  });
});

describe('stage work by month', () => {
  test('no lag: the stage follows the won months', () => {
    // 640 opportunities for 160 deals: v(t) = W(t), quotas 4 × W(t) are whole.
    const won = wonByMonth(160, EVEN_SEASONALITY);
    expect(stageByMonth(640, won, NO_LAG)).toEqual({ first: 0, values: [56, 56, 56, 56, 52, 52, 52, 52, 52, 52, 52, 52] });
  });

  test('a two-month lag pushes work into the prior year (carry-in)', () => {
    // 12 deals, one a month; SQLs two months before the win: months −2 … 9 carry the 40 SQLs.
    const won = wonByMonth(12, EVEN_SEASONALITY);
    const sqls = stageByMonth(40, won, [f(0), f(0), f(1)]);
    expect(sqls.first).toBe(-2);
    expect(sqls.values).toEqual([4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0]);
    expect(seriesTotal(sqls)).toBe(40);
  });

  test('a spread lag: half in the same month, half a month before', () => {
    // W = 2 in month 0 and 4 in month 1, else 0 (weights [1, 2, 0 …]) for 6 deals;
    // q = [1, 1]: v(−1) = W(0) = 2, v(0) = W(0) + W(1) = 6, v(1) = W(1) = 4, v(2…11) = 0.
    // 24 SQLs by 2 : 6 : 4 → 4, 12, 8.
    const won = wonByMonth(6, weights([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(won.values.slice(0, 2)).toEqual([2, 4]);
    const sqls = stageByMonth(24, won, [f(1), f(1)]);
    expect(sqls.first).toBe(-1);
    expect(sqls.values.slice(0, 3)).toEqual([4, 12, 8]);
    expect(seriesTotal(sqls)).toBe(24);
  });

  test('next year\'s deals: only the months inside this fiscal year are kept', () => {
    // Next FY: 12 deals, one a month in FY months 12–23; a three-month lag puts work in 9–20.
    const next = wonByMonth(12, EVEN_SEASONALITY, 12);
    const sqls = stageByMonth(24, next, [f(0), f(0), f(0), f(1)]);
    expect(sqls.first).toBe(9);
    expect(window(sqls, 0, 11).values).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2]);
  });

  test('a count with no won month to follow is an error, not a silent zero', () => {
    expect(() => stageByMonth(5, wonByMonth(0, EVEN_SEASONALITY), NO_LAG)).toThrow('5 to split but no deals are won in any month');
    expect(stageByMonth(0, wonByMonth(0, EVEN_SEASONALITY), NO_LAG).values).toEqual(Array(12).fill(0));
  });
});

describe('lag from stage days', () => {
  test('round half up on 30.4375-day months', () => {
    expect([0, 15, 15.25, 45, 46, 91.3125].map((d) => lagMonths(d))).toEqual([0, 0, 1, 1, 2, 3]);
    expect(() => lagMonths(-1)).toThrow('expected days ≥ 0');
  });

  test('days add up from each stage to won', () => {
    const lags = lagsFromStageDays(['lead', 'mql', 'sql', 'opportunity', 'won'], { lead: 20, mql: 10, sql: 30, opportunity: 45 });
    const at = (d: readonly Fraction[]) => d.findIndex((q) => q.num > BigInt(0));
    expect({ lead: at(lags.lead), mql: at(lags.mql), sql: at(lags.sql), opportunity: at(lags.opportunity), won: at(lags.won) }).toEqual({
      lead: 3, // 105 days = 3.45 months
      mql: 3, // 85 days = 2.79
      sql: 2, // 75 days = 2.46
      opportunity: 1, // 45 days = 1.48
      won: 0,
    });
  });

  test('measured counts become the distribution; nothing measured is no lag', () => {
    expect(lagFromCounts([2, 5, 3, 0, 0]).map((q) => Number(q.num))).toEqual([2, 5, 3]);
    expect(lagFromCounts([])).toBe(NO_LAG);
    expect(lagFromCounts([0, 0])).toBe(NO_LAG);
  });
});

describe('working days and daily rates', () => {
  test('Mon–Fri less holidays (reference: numpy.busday_count)', () => {
    expect(workingDays({ year: 2027, month: 1 })).toBe(21);
    expect(workingDays({ year: 2027, month: 1 }, new Set(['2027-01-01']))).toBe(20);
    expect(workingDays({ year: 2027, month: 2 })).toBe(20);
    expect(workingDays({ year: 2026, month: 12 }, new Set(['2026-12-25']))).toBe(22);
    expect(workingDays({ year: 2028, month: 2 })).toBe(21);
  });

  test('one decimal, half up, exactly', () => {
    expect(dailyRate(107, 21)).toBe(5.1);
    expect(dailyRate(105, 20)).toBe(5.3);
    expect(dailyRate(1, 8)).toBe(0.1); // 0.125
    expect(dailyRate(3, 0)).toBeUndefined();
  });
});

const seasonalityArb = fc.array(fc.nat({ max: 20 }), { minLength: 12, maxLength: 12 }).filter((w) => w.some((x) => x > 0));
const lagArb = fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 6 }).filter((q) => q.some((x) => x > 0));

describe('phasing: properties', () => {
  test('every split sums to its annual count, in non-negative whole months', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 1_000_000 }), seasonalityArb, lagArb, (wonTotal, stageTotal, season, lag) => {
        const won = wonByMonth(wonTotal, weights(season));
        expect(seriesTotal(won)).toBe(wonTotal);
        if (wonTotal === 0) return;
        const stage = stageByMonth(stageTotal, won, weights(lag));
        expect(seriesTotal(stage)).toBe(stageTotal);
        for (const v of stage.values) expect(Number.isInteger(v) && v >= 0).toBe(true);
      }),
    );
  });

  test('with zero lag the stage months follow the won months (a whole multiple splits exactly)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 9 }), seasonalityArb, (wonTotal, k, season) => {
        const won = wonByMonth(wonTotal, weights(season));
        expect(stageByMonth(wonTotal * k, won, NO_LAG).values).toEqual(won.values.map((w) => w * k));
      }),
    );
  });

  test('a longer lag never moves work later: the cumulative work is never behind', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), fc.nat({ max: 50_000 }), seasonalityArb, fc.nat({ max: 4 }), fc.integer({ min: 1, max: 3 }), (wonTotal, total, season, j, extra) => {
        const won = wonByMonth(wonTotal, weights(season));
        const lagAt = (m: number) => [...Array(m).fill(f(0)), f(1)];
        const short = stageByMonth(total, won, lagAt(j));
        const long = stageByMonth(total, won, lagAt(j + extra));
        let a = 0;
        let b = 0;
        for (let t = Math.min(short.first, long.first); t <= 11; t++) {
          a += monthValue(short, t);
          b += monthValue(long, t);
          // By any month, the longer lag has asked for at least as much work (up to rounding of one unit).
          expect(b).toBeGreaterThanOrEqual(a - 1);
        }
      }),
    );
  });

  test('this year plus next year: addSeries keeps every month of both', () => {
    const s = addSeries({ first: -1, values: [1, 1] }, { first: 0, values: [2, 2] });
    expect(s).toEqual({ first: -1, values: [1, 3, 2] });
  });
});
