import {
  ceilFraction,
  divide,
  floorFraction,
  fraction,
  fractionFromDecimalText,
  fractionToNumber,
} from '../../src/core/fraction';
import { fractionFromNumber } from '../../src/core/doubleAsFraction';

const big = (n: number) => BigInt(n);

describe('fraction', () => {
  it('reads a double as the decimal the user typed', () => {
    expect(fractionFromNumber(0.57)).toEqual({ num: big(57), den: big(100) });
    expect(fractionFromNumber(20476.19)).toEqual({ num: big(2047619), den: big(100) });
    expect(fractionFromNumber(1e21)).toEqual({ num: BigInt('1000000000000000000000'), den: big(1) });
    expect(fractionFromNumber(1.5e-7)).toEqual({ num: big(3), den: big(20000000) });
  });

  it('divides exactly where floating point does not: 57 / 0.57 is 100', () => {
    expect(57 / 0.57).toBeGreaterThan(100); // the trap
    expect(ceilFraction(divide(fraction(big(57)), fractionFromNumber(0.57)))).toBe(big(100));
  });

  it('still rounds 210.0000049 up to 211', () => {
    const q = divide(fractionFromNumber(4_300_000), fractionFromNumber(20476.19));
    expect(ceilFraction(q)).toBe(big(211));
    expect(floorFraction(q)).toBe(big(210));
  });

  it('ceil and floor work for negatives and integers', () => {
    expect(ceilFraction(fraction(big(-7), big(2)))).toBe(big(-3));
    expect(floorFraction(fraction(big(-7), big(2)))).toBe(big(-4));
    expect(ceilFraction(fraction(big(8), big(2)))).toBe(big(4));
  });

  it('refuses text that is not a plain decimal', () => {
    expect(fractionFromDecimalText('1,000')).toBeUndefined();
    expect(fractionFromDecimalText('.')).toBeUndefined();
    expect(fractionFromDecimalText('abc')).toBeUndefined();
    expect(fractionFromDecimalText('.5')).toEqual({ num: big(1), den: big(2) });
  });

  it('reads float noise from spreadsheet formulas as the fraction it computes (doubleAsFraction.test.ts has the rest)', () => {
    expect(fractionFromNumber(1 - 0.7)).toEqual({ num: big(3), den: big(10) }); // 0.30000000000000004
    expect(fractionFromNumber(0.1 + 0.2)).toEqual({ num: big(3), den: big(10) });
    expect(fractionFromNumber(1 / 3)).toEqual({ num: big(1), den: big(3) });
  });

  it('converts tiny and huge fractions to the nearest double', () => {
    expect(fractionToNumber(fractionFromNumber(1e-300))).toBe(1e-300);
    expect(fractionToNumber(fraction(big(1), BigInt(10) ** BigInt(320)))).toBe(1e-320);
    expect(fractionToNumber(fraction(big(-2), big(3)))).toBe(-2 / 3);
    expect(fractionToNumber(fraction(BigInt(10) ** BigInt(30) + big(1), big(7)))).toBeCloseTo(1e30 / 7, -16);
    for (const x of [0.1, 20476.19, 123456.789, 5e-324, 1.7976931348623157e308, 0.57]) {
      expect(fractionToNumber(fractionFromDecimalText(String(x))!)).toBe(x);
    }
  });

  it('converts back to the nearest double', () => {
    expect(fractionToNumber(fraction(big(1), big(3)))).toBeCloseTo(1 / 3, 15);
    expect(fractionToNumber(fractionFromNumber(4_000_000.5))).toBe(4_000_000.5);
    expect(() => fraction(big(1), big(0))).toThrow(RangeError);
  });
});
