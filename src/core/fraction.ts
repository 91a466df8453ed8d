/**
 * Exact rational numbers over BigInt.
 *
 * The reverse funnel divides by decimal rates the user typed (0.57 means exactly
 * 57/100). Binary floating point turns 57 / 0.57 into 100.00000000000001 and a ceiling
 * into 101; here the same division is 5700/57 = 100 exactly. Every input number enters
 * through fractionFromNumber (doubleAsFraction.ts: a double is the simplest fraction within
 * its 15-digit neighbourhood, so 0.57 is 57/100 and =1/7 is 1/7) or {@link fractionFromDecimalText}
 * (text, read exactly as typed).
 */
export interface Fraction {
  /** Numerator; carries the sign. */
  readonly num: bigint;
  /** Denominator; always > 0. */
  readonly den: bigint;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TEN = BigInt(10);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 2^−55/1024 > 10^−20: see fractionToNumber. */
const SMALL_DENOMINATOR = BigInt(1024);

/**
 * The greatest common divisor of |a| and |b| (Euclid), 0 only when both are 0.
 *
 * @example
 * gcd(12n, -18n); // → 6n
 */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * The fraction num/den in lowest terms, the sign on the numerator.
 *
 * @example
 * fraction(6n, -4n); // → { num: -3n, den: 2n }
 * fraction(160n);    // → { num: 160n, den: 1n }
 *
 * @throws RangeError when `den` is 0.
 */
export function fraction(num: bigint, den: bigint = ONE): Fraction {
  if (den === ZERO) throw new RangeError('fraction: zero denominator');
  if (den < ZERO) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > ONE ? { num: num / g, den: den / g } : { num, den };
}

export const FRACTION_ZERO: Fraction = { num: ZERO, den: ONE };
export const FRACTION_ONE: Fraction = { num: ONE, den: ONE };

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Parses plain decimal text such as `"0.57"`, `"-12"`, `"1.5e-7"` exactly.
 * Returns undefined for anything else (no thousands separators, units or symbols:
 * see parseNumberText for those).
 *
 * @example
 * fractionFromDecimalText('0.57');   // → 57/100 exactly ({ num: 57n, den: 100n })
 * fractionFromDecimalText('1.5e-7'); // → 3/20000000
 * fractionFromDecimalText('1,200');  // → undefined (a thousands separator: parseNumberText reads it)
 */
export function fractionFromDecimalText(text: string): Fraction | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const [, sign, intPart = '', fracPart = '', expPart] = m;
  if (intPart === '' && fracPart === '') return undefined;
  const exponent = (expPart ? Number(expPart) : 0) - fracPart.length;
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return undefined;
  let num = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, '') || '0');
  if (sign === '-') num = -num;
  return exponent >= 0 ? fraction(num * TEN ** BigInt(exponent)) : fraction(num, TEN ** BigInt(-exponent));
}

/**
 * a + b, exactly.
 *
 * @example
 * add(fraction(1n, 3n), fraction(1n, 6n)); // → 1/2
 */
export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

/**
 * a − b, exactly.
 *
 * @example
 * subtract(fraction(1n, 2n), fraction(1n, 3n)); // → 1/6
 */
export function subtract(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

/**
 * a × b, exactly.
 *
 * @example
 * // The seed's marketing revenue: 10,000,000 × 40%.
 * multiply(fraction(10_000_000n), fraction(2n, 5n)); // → 4000000/1
 */
export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

/**
 * a / b, exactly.
 *
 * @example
 * // 57 won deals at a 57% rate need exactly 100 opportunities (a double says 100.00000000000001).
 * divide(fraction(57n), fraction(57n, 100n)); // → 100/1
 *
 * @throws RangeError when `b` is 0.
 */
export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.num === ZERO) throw new RangeError('divide: division by zero');
  return fraction(a.num * b.den, a.den * b.num);
}

/**
 * The sign of a − b: −1 when a < b, 0 when equal, 1 when a > b.
 *
 * @example
 * compare(fraction(57n, 100n), fraction(4n, 7n)); // → -1 (0.57 < 0.5714…)
 * compare(fraction(2n, 4n), fraction(1n, 2n));    // → 0
 */
export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/**
 * The least integer ≥ f, exactly: the reverse funnel's rounding up.
 *
 * @example
 * // 667 opportunities at 40% from SQL: 1,667.5 SQLs, so 1,668 are needed.
 * ceilFraction(fraction(3335n, 2n)); // → 1668n
 * ceilFraction(fraction(-7n, 2n));   // → -3n
 */
export function ceilFraction(f: Fraction): bigint {
  const q = f.num / f.den; // BigInt division truncates toward zero
  return q * f.den < f.num ? q + ONE : q;
}

/**
 * The greatest integer ≤ f, exactly.
 *
 * @example
 * floorFraction(fraction(7n, 2n));  // → 3n
 * floorFraction(fraction(-7n, 2n)); // → -4n
 */
export function floorFraction(f: Fraction): bigint {
  const q = f.num / f.den;
  return q * f.den > f.num ? q - ONE : q;
}

/**
 * The double nearest to f (to within the last bit): the quotient is taken to 21
 * significant digits in BigInt and handed to the decimal parser, so tiny values (1e-300)
 * and huge ones keep their magnitude.
 *
 * @example
 * fractionToNumber(fraction(57n, 100n)); // → 0.57
 * fractionToNumber(fraction(1n, 3n));    // → 0.3333333333333333
 */
export function fractionToNumber(f: Fraction): number {
  if (f.den === ONE) return Number(f.num);
  if (f.num === ZERO) return 0;
  // A safe numerator over a small denominator: one correctly rounded division gives the same
  // double. (q = n/d is then at least q·2^−55/d from every halfway point between doubles, farther
  // than the 21-digit truncation below moves it, q·10^−20: so both round q to the same double.)
  if (f.den <= SMALL_DENOMINATOR && f.num <= MAX_SAFE && f.num >= -MAX_SAFE) return Number(f.num) / Number(f.den);
  const negative = f.num < ZERO;
  const num = negative ? -f.num : f.num;
  const shift = 21 - (num.toString().length - f.den.toString().length);
  const digits = shift >= 0 ? (num * TEN ** BigInt(shift)) / f.den : num / (f.den * TEN ** BigInt(-shift));
  const value = Number(`${digits}e${-shift}`);
  return negative ? -value : value;
}

/**
 * Whether f is a whole number (fractions are kept in lowest terms, so den is 1).
 *
 * @example
 * isInteger(fraction(200n, 2n)); // → true (100)
 * isInteger(fraction(5n, 2n));   // → false
 */
export function isInteger(f: Fraction): boolean {
  return f.den === ONE;
}
