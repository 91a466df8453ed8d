/** Money in minor units: exact reading, sums to the cent, splits that add back. */
import fc from 'fast-check';
import { addMoney, allocateMoney, minorDigits, moneyOf, moneyToNumber } from '../../../src/core/money/money';

describe('money', () => {
  test('reads decimals exactly in minor units', () => {
    expect(moneyOf('1234.56', 'usd')).toEqual({ minor: BigInt(123456), currency: 'USD' });
    expect(moneyOf(0.1, 'USD').minor + moneyOf(0.2, 'USD').minor).toBe(BigInt(30));
    // What a sheet's =0.1+0.2 hands over is 0.30 as shown, not a sub-cent error.
    expect(moneyOf(0.1 + 0.2, 'USD').minor).toBe(BigInt(30));
    expect(moneyOf(3000, 'JPY')).toEqual({ minor: BigInt(3000), currency: 'JPY' });
    expect(moneyOf('1.234', 'KWD').minor).toBe(BigInt(1234));
    expect(minorDigits('cny')).toBe(2);
  });

  test('refuses what is not an amount in that currency', () => {
    expect(() => moneyOf('0.005', 'USD')).toThrow('more decimals than the currency has (USD has 2): 0.005');
    expect(() => moneyOf('12.5', 'JPY')).toThrow('(JPY has 0)');
    expect(() => moneyOf('ten', 'USD')).toThrow('not an amount: "ten"');
    expect(() => moneyOf(Number.NaN, 'USD')).toThrow('not an amount');
    expect(() => moneyOf('1', 'dollars')).toThrow('three-letter ISO 4217 code');
    expect(() => addMoney(moneyOf('1', 'USD'), moneyOf('1', 'CNY'))).toThrow('cannot combine different currencies: USD and CNY');
  });

  test('0.10 + 0.20 is 0.30 exactly', () => {
    const sum = addMoney(moneyOf('0.10', 'USD'), moneyOf('0.20', 'USD'));
    expect(sum.minor).toBe(BigInt(30));
    expect(moneyToNumber(sum)).toBe(0.3);
  });

  test('a 100.00 pool over three people: 33.34, 33.33, 33.33', () => {
    expect(allocateMoney(moneyOf('100', 'USD'), [1, 1, 1].map(BigInt)).map(moneyToNumber)).toEqual([33.34, 33.33, 33.33]);
  });

  test('a clawback of -100.00 splits as -33.34, -33.33, -33.33', () => {
    expect(allocateMoney(moneyOf('-100', 'USD'), [1, 1, 1].map(BigInt)).map(moneyToNumber)).toEqual([-33.34, -33.33, -33.33]);
  });

  test('property: split parts add back to the amount, to the cent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(BigInt(10) ** BigInt(12)), max: BigInt(10) ** BigInt(12) }),
        fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)),
        (minor, weights) => {
          const parts = allocateMoney({ minor, currency: 'CNY' }, weights.map(BigInt));
          expect(addMoney(...parts)).toEqual({ minor, currency: 'CNY' });
        },
      ),
    );
  });
});
