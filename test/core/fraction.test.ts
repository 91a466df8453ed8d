import {
  ceilFraction,
  divide,
  floorFraction,
  fraction,
  fractionFromDecimalText,
  fractionFromNumber,
  fractionToNumber,
} from '../../src/core/fraction';

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

  it('converts back to the nearest double', () => {
    expect(fractionToNumber(fraction(big(1), big(3)))).toBeCloseTo(1 / 3, 15);
    expect(fractionToNumber(fractionFromNumber(4_000_000.5))).toBe(4_000_000.5);
    expect(() => fraction(big(1), big(0))).toThrow(RangeError);
  });
});
