import { fractionToNumber } from '../../src/core/fraction';
import { parseNumberText } from '../../src/core/parseNumberText';

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
  ])('%s → %d', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('keeps percentages exact: "57%" is exactly 57/100', () => {
    expect(parseNumberText('57%')).toEqual({ num: BigInt(57), den: BigInt(100) });
  });

  it.each(['', 'abc', '0,25', '0,250', '(-500)', '1,20,000', '12..5', 'NaN', 'Infinity', '%', '$', '1.2.3', '25%%'])(
    'refuses %j',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});
