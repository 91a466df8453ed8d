/** Whether shares (of the target, of a source's revenue) add up to 1, as a spreadsheet's rounded decimals can. */
import { FRACTION_ONE, Fraction, add, compare, fraction, fractionToNumber, multiply, subtract } from '../fraction';

/** Shares typed as rounded decimals (three of 0.333333333333333) miss 1 by a little; anything further off is a mistake. */
const TOLERANCE = fraction(BigInt(1), BigInt(1_000_000_000));

/**
 * The sum of `shares` and whether it is 1 within 1e-9.
 *
 * @example
 * sharesAddUp([fraction(2n, 5n), fraction(3n, 5n)]); // → { sum: 1, ok: true }
 * sharesAddUp([fraction(1n, 2n), fraction(3n, 10n)]); // → { sum: 4/5, ok: false }
 */
export function sharesAddUp(shares: readonly Fraction[]): { readonly sum: Fraction; readonly ok: boolean } {
  const sum = shares.reduce((acc, s) => add(acc, s), fraction(BigInt(0)));
  const off = subtract(sum, FRACTION_ONE);
  const distance = off.num < BigInt(0) ? fraction(-off.num, off.den) : off;
  return { sum, ok: compare(distance, TOLERANCE) <= 0 };
}

/**
 * A sum of shares for a message.
 *
 * @example
 * percentText(fraction(4n, 5n)); // → '0.8 (80%)'
 */
export function percentText(sum: Fraction): string {
  const percent = fractionToNumber(multiply(sum, fraction(BigInt(100))));
  return `${Number(fractionToNumber(sum).toPrecision(12))} (${Number(percent.toPrecision(12))}%)`;
}
