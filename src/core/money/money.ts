/**
 * Money as a whole number of minor units (cents, fen) with its currency, so budgets, costs
 * and bonus payouts add up to the cent and split without losing one (design.md §10).
 */
import { allocate } from '../allocation/largestRemainder';
import { fractionFromNumber } from '../doubleAsFraction';
import { Fraction, fraction, fractionFromDecimalText, fractionToNumber } from '../fraction';

export interface Money {
  /** Whole minor units: 1,234.56 USD is 123456n. */
  readonly minor: bigint;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

export const MONEY_ERRORS = {
  currency: 'money: a currency is a three-letter ISO 4217 code such as USD or CNY',
  notAmount: 'money: not an amount',
  subCent: 'money: more decimals than the currency has',
  mixed: 'money: cannot combine different currencies',
} as const;

/**
 * Minor-unit digits per ISO 4217, for the currencies that differ from the usual 2. Written
 * out rather than asked of Intl, which Apps Script does not fully carry.
 */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, LYD: 3, IQD: 3,
};

/**
 * How many decimals the currency's minor unit has: USD 2, JPY 0, KWD 3.
 *
 * @example
 * minorDigits('USD'); // → 2 (cents)
 * minorDigits('JPY'); // → 0
 * minorDigits('KWD'); // → 3 (fils)
 */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[checkCurrency(currency)] ?? 2;
}

function checkCurrency(currency: string): string {
  if (!/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`${MONEY_ERRORS.currency}, got "${currency}"`);
  return currency.toUpperCase();
}

function scale(currency: string): bigint {
  return BigInt(10) ** BigInt(minorDigits(currency));
}

/**
 * An amount read exactly from decimal text or a number, in the currency's minor units.
 * More decimals than the currency has is an error, never a silent rounding.
 *
 * @example
 * moneyOf('1234.56', 'usd'); // → { minor: 123456n, currency: 'USD' }
 * moneyOf(3000, 'JPY');      // → { minor: 3000n, currency: 'JPY' }
 * moneyOf('0.005', 'USD');   // throws: more decimals than the currency has
 */
export function moneyOf(amount: string | number | Fraction, currency: string): Money {
  const code = checkCurrency(currency);
  // A number is the simplest fraction within its 15 digits (=0.1+0.2 is 0.30), text as typed.
  const exact =
    typeof amount === 'object'
      ? amount
      : typeof amount === 'number'
        ? Number.isFinite(amount)
          ? fractionFromNumber(amount)
          : undefined
        : fractionFromDecimalText(amount);
  if (!exact) throw new RangeError(`${MONEY_ERRORS.notAmount}: "${String(amount)}"`);
  const minor = fraction(exact.num * scale(code), exact.den);
  if (minor.den !== BigInt(1)) throw new RangeError(`${MONEY_ERRORS.subCent} (${code} has ${minorDigits(code)}): ${String(amount)}`);
  return { minor: minor.num, currency: code };
}

/** The sum of amounts in one currency. @example addMoney(moneyOf('0.10','USD'), moneyOf('0.20','USD')) // → 30 cents, exactly */
export function addMoney(...amounts: readonly Money[]): Money {
  if (amounts.length === 0) throw new RangeError(`${MONEY_ERRORS.notAmount}: nothing to add`);
  const currency = amounts[0].currency;
  let minor = BigInt(0);
  for (const m of amounts) {
    if (m.currency !== currency) throw new RangeError(`${MONEY_ERRORS.mixed}: ${currency} and ${m.currency}`);
    minor += m.minor;
  }
  return { minor, currency };
}

/**
 * Splits an amount by weights to the minor unit with the largest-remainder rule
 * ({@link allocate}): the parts add up to the amount exactly. A negative amount (a refund,
 * a clawback) is split as its magnitude, each part negative.
 *
 * @example
 * // A 100.00 pool shared equally by three SDRs: 33.34, 33.33, 33.33 — the first takes the cent.
 * allocateMoney(moneyOf('100', 'USD'), [1n, 1n, 1n]).map((m) => m.minor); // → [3334n, 3333n, 3333n]
 */
export function allocateMoney(amount: Money, weights: readonly (Fraction | bigint)[]): Money[] {
  const negative = amount.minor < BigInt(0);
  const parts = allocate(negative ? -amount.minor : amount.minor, weights);
  return parts.map((minor) => ({ minor: negative ? -minor : minor, currency: amount.currency }));
}

/**
 * The amount in major units as a double, for display and spreadsheet cells.
 *
 * @example
 * moneyToNumber({ minor: 123456n, currency: 'USD' }); // → 1234.56
 */
export function moneyToNumber(amount: Money): number {
  return fractionToNumber(fraction(amount.minor, scale(amount.currency)));
}
