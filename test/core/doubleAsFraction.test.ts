import fc from 'fast-check';
import {
  doubleNeighbourhood,
  fractionFromNumber,
  losesDigitsInSpreadsheet,
  significantDigits,
  spreadsheetFraction,
} from '../../src/core/doubleAsFraction';
import { Fraction, add, compare, fraction, fractionFromDecimalText, fractionToNumber } from '../../src/core/fraction';
import { simplestFractionIn } from '../../src/core/simplestFraction';

const big = (n: number | string) => BigInt(n);
const f = (num: number | string, den: number | string = 1) => fraction(big(num), big(den));
const dec = (text: string) => fractionFromDecimalText(text)!;

/** Brute force, from the definition: the least q for which some p/q lies in [lo, hi]; p nearest zero. */
function bruteSimplest(lo: Fraction, hi: Fraction): Fraction {
  for (let q = BigInt(1); ; q++) {
    // ceil(lo·q) and floor(hi·q), for either sign
    const lq = lo.num * q;
    const hq = hi.num * q;
    const ceilLo = lq / lo.den + (lq % lo.den > BigInt(0) ? BigInt(1) : BigInt(0));
    const floorHi = hq / hi.den - (hq % hi.den < BigInt(0) ? BigInt(1) : BigInt(0));
    if (ceilLo <= floorHi) {
      const p = ceilLo > BigInt(0) ? ceilLo : floorHi < BigInt(0) ? floorHi : BigInt(0);
      return fraction(p, q);
    }
  }
}

describe('simplestFractionIn', () => {
  it.each<[string, Fraction, Fraction, Fraction]>([
    ['1/7 inside 15 digits', dec('0.142857142857142'), dec('0.142857142857143'), f(1, 7)],
    ['1/3 in [0.33, 0.34]', dec('0.33'), dec('0.34'), f(1, 3)],
    ['3/10 around 0.3', dec('0.2999999999999995'), dec('0.3000000000000005'), f(3, 10)],
    ['the whole number nearest zero', dec('2.5'), f(7), f(3)],
    ['zero when the interval spans it', dec('-0.5'), dec('0.2'), f(0)],
    ['negative intervals mirror', dec('-0.34'), dec('-0.33'), f(-1, 3)],
    ['a point', f(1, 2), f(1, 2), f(1, 2)],
    ['a whole endpoint', f(3), dec('3.5'), f(3)],
    ['the upper endpoint when it is the simplest', dec('0.45'), f(1, 2), f(1, 2)],
  ])('%s', (_name, lo, hi, expected) => {
    expect(simplestFractionIn(lo, hi)).toEqual(expected);
  });

  it('refuses an empty interval', () => {
    expect(() => simplestFractionIn(f(1), f(0))).toThrow(RangeError);
  });

  it('agrees with a brute-force search over denominators', () => {
    const end = fc.record({ num: fc.integer({ min: -2000, max: 2000 }), den: fc.integer({ min: 1, max: 300 }) });
    fc.assert(
      fc.property(end, end, (a, b) => {
        let lo = f(a.num, a.den);
        let hi = f(b.num, b.den);
        if (compare(lo, hi) > 0) [lo, hi] = [hi, lo];
        expect(simplestFractionIn(lo, hi)).toEqual(bruteSimplest(lo, hi));
      }),
      { numRuns: 500 },
    );
  });
});

describe('fractionFromNumber: a double is the simplest fraction within its 15 digits', () => {
  it('reads spreadsheet-computed doubles as the fractions they compute', () => {
    expect(1 / 7).toBe(0.14285714285714285);
    expect(fractionFromNumber(1 / 7)).toEqual(f(1, 7));
    expect(fractionFromNumber(1 / 3)).toEqual(f(1, 3));
    expect(fractionFromNumber(2 / 3)).toEqual(f(2, 3));
    expect(0.7 - 0.4).toBe(0.29999999999999993);
    expect(fractionFromNumber(0.7 - 0.4)).toEqual(f(3, 10));
    expect(fractionFromNumber(1 - 0.7)).toEqual(f(3, 10)); // 0.30000000000000004
    expect(fractionFromNumber(0.1 + 0.2)).toEqual(f(3, 10));
    expect(fractionFromNumber(-1 / 7)).toEqual(f(-1, 7));
    // What a sheet shows for =1/3, typed back as a number, is 1/3 again.
    expect(fractionFromNumber(0.333333333333333)).toEqual(f(1, 3));
  });

  it('seven shares of =1/7 add up to exactly 1', () => {
    let sum = f(0);
    for (let i = 0; i < 7; i++) sum = add(sum, fractionFromNumber(1 / 7));
    expect(sum).toEqual(f(1));
  });

  it('keeps typed decimals as they were typed', () => {
    expect(fractionFromNumber(0.57)).toEqual(f(57, 100));
    expect(fractionFromNumber(20476.19)).toEqual(f(2047619, 100));
    expect(fractionFromNumber(1.5e-7)).toEqual(f(3, 20_000_000));
    expect(fractionFromNumber(4_000_000.5)).toEqual(f(8_000_001, 2));
    expect(fractionFromNumber(0.0025)).toEqual(f(1, 400));
    // All 15 digits typed: the simplest fraction, 1234567890123 + 5/11, takes 16 digits to write.
    expect(fractionFromNumber(1234567890123.45)).toEqual(dec('1234567890123.45'));
    expect(fractionFromNumber(0.0000123457)).toEqual(dec('0.0000123457'));
    expect(fractionFromNumber(1e21)).toEqual(f('1000000000000000000000'));
    expect(fractionFromNumber(0)).toEqual(f(0));
    expect(fractionFromNumber(-0)).toEqual(f(0));
  });

  it('from 10^15 up reads the whole number a spreadsheet shows, and says when that is not the double', () => {
    expect(fractionFromNumber(2e15)).toEqual(f('2000000000000000'));
    expect(losesDigitsInSpreadsheet(2e15)).toBe(false);
    expect(losesDigitsInSpreadsheet(123456789012345)).toBe(false); // 15 digits
    expect(fractionFromNumber(1234567890123456)).toEqual(f('1234567890123460'));
    expect(losesDigitsInSpreadsheet(1234567890123456)).toBe(true);
    expect(losesDigitsInSpreadsheet(9007199254740993)).toBe(true);
    expect(losesDigitsInSpreadsheet(1e23)).toBe(false);
    expect(losesDigitsInSpreadsheet(1.7976931348623157e308)).toBe(true);
    expect(losesDigitsInSpreadsheet(0.14285714285714285)).toBe(false);
  });

  it('defines the neighbourhood as half a unit of the 15th digit, a twentieth below a power of ten', () => {
    expect(doubleNeighbourhood(0.57)).toEqual({
      shown: f(57, 100),
      lo: dec('0.5699999999999995'),
      hi: dec('0.5700000000000005'),
      exponent: -1,
      wholeNumbersAmbiguous: false,
    });
    expect(doubleNeighbourhood(1)).toMatchObject({ lo: dec('0.9999999999999995'), hi: dec('1.000000000000005') });
    // =16/169 shows as 0.0946745562130177, yet 16/169 = 0.0946745562130177514…: the interval
    // reaches to every real whose nearest double is x, so 16/169 is inside.
    expect((16 / 169).toPrecision(15)).toBe('0.0946745562130177');
    expect(compare(doubleNeighbourhood(16 / 169).hi, f(16, 169))).toBeGreaterThanOrEqual(0);
    expect(fractionFromNumber(16 / 169)).toEqual(f(16, 169));
    expect(doubleNeighbourhood(-1 / 7)).toMatchObject({ lo: dec('-0.1428571428571435'), hi: dec('-0.1428571428571425') });
    expect(doubleNeighbourhood(1.5e300).shown).toEqual(f(`15${'0'.repeat(299)}`));
  });

  it('never throws on the ends of the double range', () => {
    for (const x of [5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e-300]) {
      const read = fractionFromNumber(x);
      const { lo, hi } = doubleNeighbourhood(x);
      expect(compare(lo, read)).toBeLessThanOrEqual(0);
      expect(compare(read, hi)).toBeLessThanOrEqual(0);
    }
    expect(fractionFromNumber(1e-300)).toEqual(f(1, `1${'0'.repeat(300)}`));
    // The smallest double stands for anything from 2.5e-324 to 7.4e-324: read as it shows.
    expect(fractionFromNumber(5e-324)).toEqual(dec('4.94065645841247e-324'));
    expect(() => fractionFromNumber(Infinity)).toThrow(RangeError);
    expect(() => fractionFromNumber(NaN)).toThrow(RangeError);
  });

  it('property: the double p/q, for small q, reads back as exactly p/q', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1000 }), (p, q) => {
        expect(fractionFromNumber(p / q)).toEqual(f(p, q));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a decimal of up to 6 significant digits, typed as a number, is that decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -300, max: 8 }), (m, e) => {
        const text = `${m}e${e}`;
        expect(fractionFromNumber(Number(text))).toEqual(dec(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a decimal of up to 8 significant digits is itself, from 1e-300 (near the subnormals) to 10^15', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: -300, max: 7 }), (m, e) => {
        const text = `${m}e${e}`;
        expect(fractionFromNumber(Number(text))).toEqual(dec(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: any decimal whose significant digits plus decimal places are at most 15 is itself', () => {
    const decimal = fc
      .integer({ min: 1, max: 15 })
      .chain((digits) =>
        fc.tuple(fc.bigInt({ min: big(1), max: BigInt(10) ** BigInt(digits) - big(1) }), fc.integer({ min: 0, max: 15 - digits }), fc.boolean()),
      );
    fc.assert(
      fc.property(decimal, ([m, places, negative]) => {
        const text = `${negative ? '-' : ''}${m}e-${places}`;
        expect(fractionFromNumber(Number(text))).toEqual(dec(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('property: never throws on a finite double, and the result lies in its neighbourhood', () => {
    const anyDouble = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53, 1e15, 999999999999999.9),
    );
    fc.assert(
      fc.property(anyDouble, (x) => {
        const read = fractionFromNumber(x);
        const shown = dec(x.toPrecision(15));
        if (Math.abs(x) >= 999999999999999.5) {
          expect(read).toEqual(shown); // from 10^15 up: the whole number shown
        } else {
          // Independent of doubleNeighbourhood: within a unit of the 15th digit of x.
          expect(Math.abs(fractionToNumber(read) - x)).toBeLessThanOrEqual(Math.abs(x) * 1e-14 + 1e-323);
        }
        const { lo, hi } = doubleNeighbourhood(x);
        expect(compare(lo, read)).toBeLessThanOrEqual(0);
        expect(compare(read, hi)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('significantDigits', () => {
  it.each<[Fraction, number | undefined]>([
    [f(1200), 2],
    [dec('0.0570'), 2],
    [f(0), 0],
    [dec('-123.456'), 6],
    [f('1234567890123456'), 16],
    [f(1, 7), undefined],
  ])('%o has %p', (value, digits) => {
    expect(significantDigits(value)).toBe(digits);
  });
});

describe('spreadsheetFraction: fractionFromNumber and losesDigitsInSpreadsheet in one pass', () => {
  it('answers what the two functions answer in turn, for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const expected = losesDigitsInSpreadsheet(x) ? undefined : fractionFromNumber(x);
        expect(spreadsheetFraction(x)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('worked: 0.57, =1/7, a 16-digit whole number, Infinity', () => {
    expect(spreadsheetFraction(0.57)).toEqual(f(57, 100));
    expect(spreadsheetFraction(1 / 7)).toEqual(f(1, 7));
    expect(spreadsheetFraction(1234567890123456)).toBeUndefined();
    expect(spreadsheetFraction(1e15)).toEqual(f('1000000000000000'));
    expect(spreadsheetFraction(Infinity)).toBeUndefined();
  });
});
