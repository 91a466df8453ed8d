/**
 * Numbers pasted as text, read the way the user means them:
 * `"25%"` → 0.25, `"1,200,000"`, `"$1.2M"` → 1 200 000, `"120万"` → 1 200 000,
 * `"1.2亿"` → 120 000 000 (traditional 萬 and 億 read the same: `"1.2億"`), `"¥3,000,000"`, full-width digits, `"(500)"` → −500.
 * The result is exact (a Fraction), so "57%" divides like 0.57 typed as a number.
 * Refused, with the reason: two signs (`"($-500)"`, `"-$-5"`, `"--5"`) and a lone comma that
 * may be a decimal comma (`"0,25"`: 0.25 or 25?).
 */
import { SPREADSHEET_DIGITS, significantDigits, spreadsheetFraction } from './doubleAsFraction';
import { Fraction, divide, fraction, fractionFromDecimalText, fractionToNumber, multiply } from './fraction';

const TEN = BigInt(10);

/** Longest suffix first, so 千万 wins over 万 and "mm" over "m"; 萬 and 億 are the traditional 万 and 亿. */
const MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/[万萬][亿億]$/, 12],
  [/千[万萬]$/, 7],
  [/百[万萬]$/, 6],
  [/十[万萬]$/, 5],
  [/[亿億]$/, 8],
  [/[万萬]$/, 4],
  [/千$/, 3],
  [/(?:bn|b)$/i, 9],
  [/(?:mm|mn|m)$/i, 6],
  [/k$/i, 3],
];

const CURRENCY_PREFIX = /^(?:US\$|HK\$|A\$|C\$|RMB|CNY|USD|EUR|GBP|JPY|HKD|[$¥€£₩₹])\s*/i;
const CURRENCY_SUFFIX = /\s*(?:元|人民币|RMB|CNY|USD|EUR|GBP|JPY|HKD|dollars?)$/i;
/** Thousands groups; a leading "0," is refused too ("0,250" is a European 0.25, not 250). */
const GROUPED = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/;

/** Why a text is not read as a number; `suggestion` is what to type instead, when there is one. */
export type NumberTextProblem =
  | { readonly problem: 'notNumber' }
  | { readonly problem: 'twoSigns' }
  | { readonly problem: 'ambiguousComma'; readonly suggestion: string };

/**
 * Reads a number typed or pasted by a user, exactly as typed. Returns undefined when the text
 * is not a number in any of the accepted forms (the caller names the field in its message);
 * {@link readNumberText} says why.
 *
 * @example
 * parseNumberText('120万');  // → 1200000/1
 * parseNumberText('$1.2M');  // → 1200000/1
 * parseNumberText('25%');    // → 1/4
 * parseNumberText('0,25');   // → undefined (a decimal comma? refused)
 */
export function parseNumberText(input: string): Fraction | undefined {
  const read = readNumberText(input);
  return 'problem' in read ? undefined : read;
}

/**
 * {@link parseNumberText}, with the reason when the text is refused.
 *
 * @example
 * readNumberText('(500)'); // → -500/1 (an accounting negative)
 * readNumberText('0,25');  // → { problem: 'ambiguousComma', suggestion: '0.25' }
 * readNumberText('--5');   // → { problem: 'twoSigns' }
 */
export function readNumberText(input: string): Fraction | NumberTextProblem {
  const NOT_NUMBER = { problem: 'notNumber' } as const;
  let s = input.normalize('NFKC').replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
  if (s === '') return NOT_NUMBER;

  let negative = false;
  let signed = false;
  if (/^\(.*\)$/.test(s)) {
    // Accounting negatives: "(500)".
    negative = true;
    signed = true;
    s = s.slice(1, -1).trim();
  } else if (/^[-−]/.test(s)) {
    negative = true;
    signed = true;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    signed = true;
    s = s.slice(1).trim();
  }
  // A sign inside as well, "(-500)", "--5", "+-5", is unclear: refuse.
  if (signed && /^[-−+(]/.test(s)) return { problem: 'twoSigns' };

  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();
  // A sign may also follow the currency symbol, "$-5", "¥ -5", but not a second one: "($-500)", "-$-5".
  if (/^[-−+]/.test(s)) {
    if (signed) return { problem: 'twoSigns' };
    negative = /^[-−]/.test(s);
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
    if (!GROUPED.test(s)) {
      // "0,25" is ambiguous (0.25 with a decimal comma, or a mistyped 25?): refuse rather than guess.
      const typed = input.normalize('NFKC').trim();
      const suggestion = typed.replace(',', '.');
      const lone = /^\d*,\d+$/.test(s) && !('problem' in readNumberText(suggestion));
      return lone ? { problem: 'ambiguousComma', suggestion } : NOT_NUMBER;
    }
    s = s.replace(/,/g, '');
  }
  if (!/^(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(s)) return NOT_NUMBER;

  let value = fractionFromDecimalText(s);
  if (!value) return NOT_NUMBER;
  if (multiplierPower) value = multiply(value, fraction(TEN ** BigInt(multiplierPower)));
  if (divisorPower) value = divide(value, fraction(TEN ** BigInt(divisorPower)));
  return negative ? fraction(-value.num, value.den) : value;
}

/** A number input read exactly, or why not: the text problems, or 'tooManyDigits'. */
export type NumberReading = Fraction | NumberTextProblem | { readonly problem: 'tooManyDigits' };

/**
 * A JS value that should be a number, read exactly:
 * - a number (JSON, a sheet cell) is a double: the simplest fraction within its 15-digit
 *   neighbourhood (doubleAsFraction.ts), so =1/7 is 1/7 and 0.57 is 57/100;
 * - text with at most 15 significant digits is exactly the decimal typed ("0.57", "25%");
 * - text with more is what a program prints for a double ("0.14285714285714285"): read as
 *   that double;
 * - from 10^15 up, a number with more than 15 significant digits ("1234567890123456") is
 *   refused: a spreadsheet would keep a different whole number.
 *
 * @example
 * readNumberLike(0.57);                  // → 57/100
 * readNumberLike('57%');                 // → 57/100
 * readNumberLike('0.14285714285714285'); // → 1/7
 * readNumberLike(1234567890123456);      // → { problem: 'tooManyDigits' }
 */
export function readNumberLike(value: unknown): NumberReading {
  if (typeof value === 'number') return readDouble(value);
  if (typeof value !== 'string') return { problem: 'notNumber' };
  const read = readNumberText(value);
  if ('problem' in read) return read;
  const digits = significantDigits(read);
  return digits !== undefined && digits <= SPREADSHEET_DIGITS ? read : readDouble(fractionToNumber(read));
}

function readDouble(x: number): NumberReading {
  // Not finite: NaN or Infinity typed as a number (callers say so first), or text beyond the doubles.
  if (Number.isNaN(x)) return { problem: 'notNumber' };
  return spreadsheetFraction(x) ?? { problem: 'tooManyDigits' };
}
