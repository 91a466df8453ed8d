import { fractionToNumber } from '../../src/core/fraction';
import { parseNumberText, readNumberLike, readNumberText } from '../../src/core/parseNumberText';

const read = (text: string) => {
  const f = parseNumberText(text);
  return f === undefined ? undefined : fractionToNumber(f);
};

describe('parseNumberText', () => {
  it.each([
    ['25%', 0.25],
    ['57 %', 0.57],
    ['1,200,000', 1_200_000],
    ['$1.2M', 1_200_000],
    ['1.2m', 1_200_000],
    ['120万', 1_200_000],
    ['1.2亿', 120_000_000],
    ['1.2億', 120_000_000],
    ['120萬', 1_200_000],
    ['１２０萬元', 1_200_000],
    ['3千萬', 30_000_000],
    ['1萬億', 1_000_000_000_000],
    ['¥3,000,000', 3_000_000],
    ['￥3,000,000', 3_000_000],
    ['３０００', 3000],
    ['１２０万元', 1_200_000],
    ['25k', 25_000],
    ['1.5bn', 1_500_000_000],
    ['1千万', 10_000_000],
    ['USD 25,000', 25_000],
    ['25000 元', 25_000],
    ['(500)', -500],
    ['-12.5', -12.5],
    ['1 200 000', 1_200_000],
    ['  42  ', 42],
    ['1e6', 1_000_000],
    ['.5', 0.5],
    ['5‰', 0.005],
    ['$-5', -5],
    ['¥ -5', -5],
    ['($500)', -500],
    ['+$5', 5],
  ])('%s → %d', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('keeps percentages exact: "57%" is exactly 57/100', () => {
    expect(parseNumberText('57%')).toEqual({ num: BigInt(57), den: BigInt(100) });
  });

  it.each(['', 'abc', '0,25', '0,250', '(-500)', '($-500)', '-$-5', '--5', '+-5', '1,20,000', '12..5', 'NaN', 'Infinity', '%', '$', '1.2.3', '25%%'])(
    'refuses %j',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );

  it.each(['($-500)', '(-500)', '-$-5', '--5', '+-5', '+$-5', '-(500)', '(+5)'])('says %j has two signs', (text) => {
    expect(readNumberText(text)).toEqual({ problem: 'twoSigns' });
  });

  it.each([
    ['0,25', '0.25'],
    ['0,250', '0.250'],
    ['12,5%', '12.5%'],
    ['-0,4', '-0.4'],
    ['1,5万', '1.5万'],
  ])('says %j is ambiguous and suggests %j', (text, suggestion) => {
    expect(readNumberText(text)).toEqual({ problem: 'ambiguousComma', suggestion });
  });

  it('a comma that is neither grouping nor a lone decimal comma is just not a number', () => {
    expect(readNumberText('1,20,000')).toEqual({ problem: 'notNumber' });
  });
});

describe('readNumberLike', () => {
  const exact = (num: number | string, den: number | string = 1) => ({ num: BigInt(num), den: BigInt(den) });

  it('keeps text of up to 15 significant digits exactly as typed', () => {
    expect(readNumberLike('0.57')).toEqual(exact(57, 100));
    expect(readNumberLike('0.333333333333333')).toEqual(exact(333333333333333, '1000000000000000'));
    expect(readNumberLike('123,456,789,012,345')).toEqual(exact(123456789012345));
  });

  it('reads longer text as the double it is printed from', () => {
    expect(readNumberLike('0.14285714285714285')).toEqual(exact(1, 7));
    expect(readNumberLike('33.33333333333333%')).toEqual(exact(1, 3));
  });

  it('reads numbers as doubles: the simplest fraction within 15 digits', () => {
    expect(readNumberLike(1 / 3)).toEqual(exact(1, 3));
    expect(readNumberLike(0.57)).toEqual(exact(57, 100));
  });

  it('refuses 16 significant digits from 10^15 up, as a number or as text', () => {
    expect(readNumberLike(1234567890123456)).toEqual({ problem: 'tooManyDigits' });
    expect(readNumberLike('1234567890123456')).toEqual({ problem: 'tooManyDigits' });
    expect(readNumberLike('1.5e400')).toEqual(exact(`15${'0'.repeat(399)}`)); // too large: the caller says so
    expect(readNumberLike(2e15)).toEqual(exact('2000000000000000'));
    expect(readNumberLike(true)).toEqual({ problem: 'notNumber' });
  });
});
