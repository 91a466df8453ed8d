/**
 * The engine's fast paths give exactly what the definitions give (design.md §3): the short-decimal
 * reading of a double and the slow-path memo (doubleAsFraction.ts), the small-denominator
 * fractionToNumber, and ceilAsSheets without reduced fractions.
 */
import fc from 'fast-check';
import {
  READING_MEMO_SIZE,
  doubleNeighbourhood,
  fractionFromNumber,
  fractionFromNumberByNeighbourhood,
  losesDigitsInSpreadsheet,
  readingMemoSize,
  shortDecimalFraction,
  spreadsheetFraction,
  spreadsheetFractionByNeighbourhood,
} from '../../src/core/doubleAsFraction';
import { Fraction, compare, divide, floorFraction, fraction, fractionToNumber, multiply, subtract } from '../../src/core/fraction';
import { ceilAsSheets, reverseSource } from '../../src/core/reverseFunnel';

const big = (n: number | string | bigint) => BigInt(n);
const f = (num: number | string | bigint, den: number | string | bigint = 1) => fraction(big(num), big(den));

/** The double whose bits are `steps` above (or below) those of x > 0. */
function stepDouble(x: number, steps: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
  return view.getFloat64(0);
}

const shortDecimal = fc
  .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: -330, max: 310 }), fc.boolean())
  .chain(([digits, exponent, negative]) =>
    fc.bigInt({ min: big(1), max: BigInt(10) ** BigInt(digits) - big(1) }).map((m) => Number(`${negative ? '-' : ''}${m}e${exponent}`)),
  )
  .filter((x) => Number.isFinite(x));
/** Decimals people type: a few digits, rates, shares, deal sizes, targets. */
const typedDecimal = fc
  .tuple(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: -12, max: 9 }))
  .map(([m, e]) => Number(`${m}e${e}`));
/** What a spreadsheet computes: 0.1 + 0.2, 1 − 0.7, 0.7 − 0.4, 3 × 0.1, 1/3, =16/169. */
const computed = fc.oneof(
  fc.tuple(typedDecimal, typedDecimal).map(([a, b]) => a + b),
  fc.tuple(typedDecimal, typedDecimal).map(([a, b]) => a - b),
  fc.tuple(typedDecimal, typedDecimal).map(([a, b]) => a * b),
  fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 })).map(([p, q]) => p / q),
);
/** Doubles next to short decimals (their neighbourhoods' edges) and next to powers of ten. */
const nearShort = fc
  .tuple(fc.oneof(shortDecimal, typedDecimal, fc.integer({ min: -330, max: 307 }).map((k) => Number(`1e${k}`))), fc.integer({ min: -40, max: 40 }))
  .map(([x, steps]) => (x === 0 ? 0 : Math.sign(x) * stepDouble(Math.abs(x), steps)))
  .filter((x) => Number.isFinite(x));
/** 15-, 16- and 17-digit doubles, huge and tiny, whole numbers around 10^15 and 2^53. */
const manyDigits = fc.oneof(
  fc.tuple(fc.bigInt({ min: BigInt(10) ** BigInt(14), max: BigInt(10) ** BigInt(17) - big(1) }), fc.integer({ min: -340, max: 300 })).map(([m, e]) => Number(`${m}e${e}`)),
  fc.integer({ min: -5_000_000, max: 5_000_000 }).map((k) => 1e15 + k),
  fc.integer({ min: -5_000_000, max: 5_000_000 }).map((k) => 2 ** 53 + 2 * k),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(5e-324, -5e-324, Number.MIN_VALUE, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1e-300, 1e21, 1e23, 999999999999999.9, 0, -0),
);
const anyDouble = fc.oneof(shortDecimal, typedDecimal, computed, nearShort, manyDigits).filter((x) => Number.isFinite(x));

describe('shortDecimalFraction and the memo: the same reading as the neighbourhood rule', () => {
  it('worked: what people type takes the fast path, what spreadsheets compute does not', () => {
    expect(shortDecimalFraction(0.57)).toEqual(f(57, 100));
    expect(shortDecimalFraction(20476.19)).toEqual(f(2047619, 100));
    expect(shortDecimalFraction(48e6)).toEqual(f(48_000_000));
    expect(shortDecimalFraction(-0.25)).toEqual(f(-1, 4));
    expect(shortDecimalFraction(1.5e-7)).toEqual(f(3, 20_000_000));
    expect(shortDecimalFraction(1e21)).toEqual(f(BigInt(10) ** BigInt(21)));
    expect(shortDecimalFraction(0)).toEqual(f(0));
    expect(shortDecimalFraction(1 / 7)).toBeUndefined();
    expect(shortDecimalFraction(0.1 + 0.2)).toBeUndefined();
    expect(shortDecimalFraction(1234567890123.45)).toBeUndefined(); // 15 digits + 2 places: the slow path decides
    expect(shortDecimalFraction(1234567890123456)).toBeUndefined();
    expect(shortDecimalFraction(1e-300)).toBeUndefined();
  });

  it('property: on any double the fast path, when it answers, is the definition', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const short = shortDecimalFraction(x);
        if (short !== undefined) {
          expect(short).toEqual(fractionFromNumberByNeighbourhood(x));
          expect(spreadsheetFractionByNeighbourhood(x)).toEqual(short);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('property: fractionFromNumber, spreadsheetFraction and losesDigitsInSpreadsheet equal the definitions, memo or not', () => {
    fc.assert(
      fc.property(anyDouble, (x) => {
        const reference = fractionFromNumberByNeighbourhood(x);
        const n = doubleNeighbourhood(x);
        const loses = n.wholeNumbersAmbiguous && Number(n.shown.num) !== x;
        for (let twice = 0; twice < 2; twice++) {
          expect(fractionFromNumber(x)).toEqual(reference);
          expect(spreadsheetFraction(x)).toEqual(spreadsheetFractionByNeighbourhood(x));
          expect(losesDigitsInSpreadsheet(x)).toBe(loses);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('covers both paths: a typed share repeated 30 times and =1/7 repeated', () => {
    for (let i = 0; i < 30; i++) {
      expect(fractionFromNumber(0.15)).toEqual(f(3, 20));
      expect(fractionFromNumber(1 / 7)).toEqual(f(1, 7));
      expect(fractionFromNumber(0.7 - 0.4)).toEqual(f(3, 10));
      expect(spreadsheetFraction(1234567890123456)).toBeUndefined();
    }
  });

  it('keeps the memo bounded, and right after its oldest entries are dropped', () => {
    for (let q = 1; q <= 3 * READING_MEMO_SIZE; q++) fractionFromNumber(1 / (q + 0.5));
    expect(readingMemoSize()).toBeLessThanOrEqual(READING_MEMO_SIZE);
    for (let q = 1; q <= 3 * READING_MEMO_SIZE; q += 97) expect(fractionFromNumber(1 / (q + 0.5))).toEqual(fractionFromNumberByNeighbourhood(1 / (q + 0.5)));
    expect(readingMemoSize()).toBeLessThanOrEqual(READING_MEMO_SIZE);
  });
});

/** fractionToNumber without its small-denominator shortcut: 21 digits in BigInt, then the parser. */
function fractionToNumberBy21Digits(x: Fraction): number {
  if (x.den === BigInt(1)) return Number(x.num);
  if (x.num === BigInt(0)) return 0;
  const negative = x.num < BigInt(0);
  const num = negative ? -x.num : x.num;
  const shift = 21 - (num.toString().length - x.den.toString().length);
  const digits = shift >= 0 ? (num * BigInt(10) ** BigInt(shift)) / x.den : num / (x.den * BigInt(10) ** BigInt(-shift));
  const value = Number(`${digits}e${-shift}`);
  return negative ? -value : value;
}

describe('fractionToNumber: the small-denominator division is the 21-digit result', () => {
  const safe = fc.bigInt({ min: -big(Number.MAX_SAFE_INTEGER), max: big(Number.MAX_SAFE_INTEGER) });
  it('property: any safe numerator over a denominator up to 1100', () => {
    fc.assert(
      fc.property(fc.oneof(safe, fc.bigInt({ min: big(-1e6), max: big(1e6) }), fc.bigInt({ min: big(2) ** big(52), max: big(Number.MAX_SAFE_INTEGER) })), fc.integer({ min: 1, max: 1100 }), (num, den) => {
        const x = fraction(num, big(den));
        expect(fractionToNumber(x)).toBe(fractionToNumberBy21Digits(x));
      }),
      { numRuns: 20_000 },
    );
  });

  it('worked: past the safe integers and past 1024 it is the 21-digit path', () => {
    for (const x of [f(57, 100), f(1, 3), f(-2, 3), f(2047619, 100), f(big(2) ** big(60) + big(1), 3), f(1, 7e14), f(355, 113), f(big(Number.MAX_SAFE_INTEGER), 1024), f(big(Number.MAX_SAFE_INTEGER), 1025)]) {
      expect(fractionToNumber(x)).toBe(fractionToNumberBy21Digits(x));
    }
    // Why the shortcut stops at small denominators: this quotient sits within 10^-20 of a point
    // halfway between two doubles, where the division and the 21 digits round apart.
    const nearHalfway = f(23775839201, 23772341335);
    expect(23775839201 / 23772341335).toBe(1.0001471401554736);
    expect(fractionToNumber(nearHalfway)).toBe(1.0001471401554733);
  });
});

/** ceilAsSheets as it was written first, over reduced fractions. */
function ceilAsSheetsByFractions(q: Fraction): bigint {
  const whole = floorFraction(q);
  const excess = subtract(q, fraction(whole));
  if (excess.num === BigInt(0)) return whole;
  const relative = multiply(q.num < BigInt(0) ? fraction(-q.num, q.den) : q, fraction(big(1), big(10) ** big(12)));
  const absolute = fraction(big(1), big(1_000_000));
  const tolerance = compare(relative, absolute) < 0 ? relative : absolute;
  return compare(excess, tolerance) <= 0 ? whole : whole + BigInt(1);
}

describe('ceilAsSheets without reducing: the same rounding', () => {
  it('property: random quotients, and quotients right at the tolerances', () => {
    const quotient = fc.oneof(
      fc.tuple(fc.bigInt({ min: big(-1e18), max: big(1e18) }), fc.bigInt({ min: big(1), max: big(1e15) })).map(([n, d]) => f(n, d)),
      // whole + t·(1 ± ε): at the edges of both tolerances
      fc
        .tuple(fc.bigInt({ min: big(-1e13), max: big(1e13) }), fc.constantFrom(big(10) ** big(6), big(10) ** big(12)), fc.integer({ min: -3, max: 3 }), fc.bigInt({ min: big(1), max: big(1e7) }))
        .map(([whole, scale, k, d]) => fraction(whole * scale * d + d + big(k), scale * d)),
      fc.tuple(fc.bigInt({ min: big(1), max: big(1e9) }), fc.integer({ min: -2, max: 2 })).map(([w, k]) => fraction(w * big(10) ** big(12) + w + big(k), big(10) ** big(12))),
    );
    fc.assert(
      fc.property(quotient, (q) => {
        expect(ceilAsSheets(q)).toBe(ceilAsSheetsByFractions(q));
      }),
      { numRuns: 20_000 },
    );
  });

  it('property: reverseSource counts are ceilAsSheets of the reduced quotients', () => {
    const rate = fc.integer({ min: 1, max: 10_000 }).map((n) => f(n, 10_000));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1e6 }), fc.array(rate, { minLength: 4, maxLength: 4 }), (target, share, deal, rates) => {
        const stages = ['a', 'b', 'c', 'd', 'won'];
        const { counts } = reverseSource(f(target), stages, { share: f(share, 100), avgDealSize: f(deal, 7), entryStage: 'a', rate: (s) => rates[stages.indexOf(s)] });
        const expected: bigint[] = [];
        expected[4] = ceilAsSheetsByFractions(divide(multiply(f(target), f(share, 100)), f(deal, 7)));
        for (let k = 3; k >= 0; k--) expected[k] = ceilAsSheetsByFractions(divide(fraction(expected[k + 1]), rates[k]));
        expect(counts).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the timeline shortcuts: the same months', () => {
  const { phasePlan } = jest.requireActual('../../src/core/time/planMonths') as typeof import('../../src/core/time/planMonths');
  const { EVEN_SEASONALITY } = jest.requireActual('../../src/core/time/phasing') as typeof import('../../src/core/time/phasing');
  const { addSeries, window } = jest.requireActual('../../src/core/time/monthSeries') as typeof import('../../src/core/time/monthSeries');
  const { workingDays } = jest.requireActual('../../src/core/time/workingDays') as typeof import('../../src/core/time/workingDays');
  type Series = { first: number; values: number[] };
  const at = (s: Series, t: number) => (t - s.first >= 0 && t - s.first < s.values.length ? s.values[t - s.first] : 0);

  it('property: phasePlan of channels sharing counts and lags gives each the months it gets alone', () => {
    const stages = ['lead', 'sql', 'won'];
    const lag = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 5 }).map((q) => (q.some((x) => x > 0) ? q.map((x) => f(x)) : [f(1)]));
    // Whole funnels: no work above won without won deals to phase it by.
    // Small counts too, so that units share some stage counts and not others.
    const counts = fc
      .oneof(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 2000 })), fc.tuple(fc.integer({ min: 1, max: 3 }), fc.nat(2), fc.nat(2)))
      .map(([won, sql, lead]) => ({ lead: lead + sql + won, sql: sql + won, won }));
    const unit = fc.record({ counts, nextYearCounts: counts, lagIndex: fc.nat(2) });
    const seasonality = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 12, maxLength: 12 }).map((w) => (w.some((x) => x > 0) ? w.map((x) => f(x)) : EVEN_SEASONALITY));
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }), fc.tuple(lag, lag, lag), seasonality, (kinds, picks, lags, weights) => {
        // Units repeat (same counts, the same lag arrays), as a source's channels do.
        const units = picks.map((k, i) => {
          const u = kinds[k % kinds.length];
          const shared = lags[u.lagIndex];
          return { id: `u${i}`, counts: u.counts, nextYearCounts: u.nextYearCounts, lags: { lead: shared, sql: lags[(u.lagIndex + 1) % 3] } };
        });
        const timing = { start: { year: 2027, month: 1 }, seasonality: weights };
        const together = phasePlan(stages, units, timing);
        for (const u of units) {
          const alone = phasePlan(stages, [u], timing);
          for (const stage of stages) {
            expect(together.bySource[u.id][stage].thisYear).toEqual(window(alone.bySource[u.id][stage].thisYear, together.first, 11));
            expect(together.bySource[u.id][stage].nextYear).toEqual(window(alone.bySource[u.id][stage].nextYear, together.first, 11));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: addSeries and window are the month-by-month definitions', () => {
    const series = fc.record({ first: fc.integer({ min: -6, max: 14 }), values: fc.array(fc.integer({ min: 0, max: 1e6 }), { maxLength: 14 }) });
    fc.assert(
      fc.property(fc.array(series, { minLength: 1, maxLength: 5 }), fc.integer({ min: -8, max: 4 }), fc.integer({ min: 0, max: 16 }), (list, from, to) => {
        const lo = Math.min(...list.map((s) => s.first));
        const hi = Math.max(...list.map((s) => s.first + s.values.length - 1));
        const expected: number[] = [];
        for (let t = lo; t <= hi; t++) expected.push(list.reduce((sum, s) => sum + at(s, t), 0));
        expect(addSeries(...list)).toEqual({ first: lo, values: expected });
        const cut: number[] = [];
        for (let t = from; t <= to; t++) cut.push(at(list[0], t));
        expect(window(list[0], from, to)).toEqual({ first: from, values: cut });
      }),
      { numRuns: 2000 },
    );
  });

  it('property: workingDays counts the weekdays that are not holidays, day by day', () => {
    const byDay = (month: { year: number; month: number }, holidays: ReadonlySet<string>) => {
      const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
      let count = 0;
      for (let d = 1; d <= days; d++) {
        const weekday = new Date(Date.UTC(month.year, month.month - 1, d)).getUTCDay();
        if (weekday === 0 || weekday === 6) continue;
        if (!holidays.has(`${month.year}-${String(month.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) count++;
      }
      return count;
    };
    const month = fc.record({ year: fc.integer({ min: 1970, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) });
    const holiday = (m: { year: number; month: number }) =>
      fc.oneof(
        fc.integer({ min: 0, max: 33 }).map((d) => `${m.year}-${String(m.month).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
        fc.integer({ min: 1, max: 31 }).map((d) => `${m.year}-${m.month}-${d}`), // not the key format: never a holiday
        fc.constantFrom(`${m.year}-${String(m.month).padStart(2, '0')}-1x`, `${m.year}-${String(m.month).padStart(2, '0')}-+1`, '2027-01-01'),
      );
    fc.assert(
      fc.property(month.chain((m) => fc.tuple(fc.constant(m), fc.array(holiday(m), { maxLength: 8 }))), ([m, list]) => {
        const holidays = new Set(list);
        expect(workingDays(m, holidays)).toBe(byDay(m, holidays));
        expect(workingDays(m)).toBe(byDay(m, new Set()));
      }),
      { numRuns: 2000 },
    );
  });
});
