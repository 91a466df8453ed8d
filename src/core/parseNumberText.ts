/**
 * Numbers pasted as text, read the way the user means them:
 * `"25%"` → 0.25, `"1,200,000"`, `"$1.2M"` → 1 200 000, `"120万"` → 1 200 000,
 * `"1.2亿"` → 120 000 000, `"¥3,000,000"`, full-width digits, `"(500)"` → −500.
 * The result is exact (a Fraction), so "57%" divides like 0.57 typed as a number.
 */
import { fractionFromNumber } from './doubleAsFraction';
import { Fraction, divide, fraction, fractionFromDecimalText, multiply } from './fraction';

const TEN = BigInt(10);

/** Longest suffix first, so 千万 wins over 万 and "mm" over "m". */
const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/万亿$/, 12],
  [/千万$/, 7],
  [/百万$/, 6],
  [/十万$/, 5],
  [/亿$/, 8],
  [/万$/, 4],
  [/千$/, 3],
  [/(?:bn|b)$/i, 9],
  [/(?:mm|mn|m)$/i, 6],
  [/k$/i, 3],
];

const CURRENCY_PREFIX = /^(?:US\$|HK\$|A\$|C\$|RMB|CNY|USD|EUR|GBP|JPY|HKD|[$¥€£₩₹])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|人民币|RMB|CNY|USD|EUR|GBP|JPY|HKD|dollars?)$/i;
/** Thousands groups; a leading "0," is refused too ("0,250" is a European 0.25, not 250). */
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads a number typed or pasted by a user. Returns undefined when the text is not a
 * number in any of the accepted forms (the caller names the field in its message).
 */
export function parseNumberText(input: string): Fraction | undefined {
  let s = input.normalize('NFKC').replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
  if (s === '') return undefined;

  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    // Accounting negatives: "(500)". A sign inside as well, "(-500)", is unclear: refuse.
    negative = true;
    s = s.slice(1, -1).trim();
    if (/^[-−+]/.test(s)) return undefined;
  } else if (/^[-−]/.test(s)) {
    negative = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }

  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();
  // A sign may also follow the currency symbol: "$-5", "¥ -5".
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  }

  let divisorPower = 0;
  if (s.endsWith('%')) {
    divisorPower = 2;
    s = s.slice(0, -1).trim();
  } else if (s.endsWith('‰')) {
    divisorPower = 3;
    s = s.slice(0, -1).trim();
  }

  let multiplierPower = 0;
  if (divisorPower === 0) {
    for (const [suffix, power] of MULTIPLIERS) {
      if (suffix.test(s)) {
        multiplierPower = power;
        s = s.replace(suffix, '').trim();
        break;
      }
    }
  }

  // Spaces as thousands separators: "1 200 000".
  if (/^\d{1,3}(?: \d{3})+(?:\.\d*)?$/.test(s)) s = s.replace(/ /g, '');
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return undefined; // "0,25" is ambiguous: refuse rather than guess
    s = s.replace(/,/g, '');
  }
  if (!/^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) return undefined;

  let value = fractionFromDecimalText(s);
  if (!value) return undefined;
  if (multiplierPower) value = multiply(value, fraction(TEN ** BigInt(multiplierPower)));
  if (divisorPower) value = divide(value, fraction(TEN ** BigInt(divisorPower)));
  return negative ? fraction(-value.num, value.den) : value;
}

/** A JS value that should be a number: a finite number, or text {@link parseNumberText} reads. */
export function readNumberLike(value: unknown): Fraction | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? fractionFromNumber(value) : undefined;
  if (typeof value === 'string') return parseNumberText(value);
  return undefined;
}
