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

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO ? -a : a;
  let y = b < ZERO ? -b : b;
  while (y !== ZERO) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

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

export function add(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

export function divide(a: Fraction, b: Fraction): Fraction {
  if (b.num === ZERO) throw new RangeError('divide: division by zero');
  return fraction(a.num * b.den, a.den * b.num);
}

export function compare(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The least integer ≥ f, exactly. */
export function ceilFraction(f: Fraction): bigint {
  const q = f.num / f.den; // BigInt division truncates toward zero
  return q * f.den < f.num ? q + ONE : q;
}

/** The greatest integer ≤ f, exactly. */
export function floorFraction(f: Fraction): bigint {
  const q = f.num / f.den;
  return q * f.den > f.num ? q - ONE : q;
}

/**
 * The double nearest to f (to within the last bit): the quotient is taken to 21
 * significant digits in BigInt and handed to the decimal parser, so tiny values (1e-300)
 * and huge ones keep their magnitude.
 */
export function fractionToNumber(f: Fraction): number {
  if (f.den === ONE) return Number(f.num);
  if (f.num === ZERO) return 0;
  const negative = f.num < ZERO;
  const num = negative ? -f.num : f.num;
  const shift = 21 - (num.toString().length - f.den.toString().length);
  const digits = shift >= 0 ? (num * TEN ** BigInt(shift)) / f.den : num / (f.den * TEN ** BigInt(-shift));
  const value = Number(`${digits}e${-shift}`);
  return negative ? -value : value;
}

export function isInteger(f: Fraction): boolean {
  return f.den === ONE;
}
