/**
 * What a double stands for. A number from JSON or a spreadsheet cell is a binary double: a
 * typed 0.57 arrives as 0.56999999999999995…, a cell computing =1/7 as 0.14285714285714285.
 * Spreadsheets show and keep 15 significant digits, so a double is read as the simplest number
 * (the shortest to write) among those that show as the same 15 digits: the engine then gets
 * 57/100 and 1/7, and agrees with the cached values and with the live formulas a spreadsheet
 * recalculates (design.md §3).
 */
import { Fraction, add, compare, fraction, subtract } from './fraction';
import { simplestFractionIn } from './simplestFraction';

/** Significant digits a spreadsheet (Excel, LibreOffice, Google Sheets) keeps and shows. */
export const SPREADSHEET_DIGITS = 15;

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const FIVE = BigInt(5);
const TEN = BigInt(10);
const TWENTY = BigInt(20);
const SMALLEST_15_DIGIT = TEN ** BigInt(SPREADSHEET_DIGITS - 1);

export interface DoubleNeighbourhood {
  /** The double to 15 significant digits, exactly: what a spreadsheet shows (0.142857142857143). */
  readonly shown: Fraction;
  /** The closed interval [lo, hi]: see {@link doubleNeighbourhood}. */
  readonly lo: Fraction;
  readonly hi: Fraction;
  /** 10^e ≤ |shown| < 10^(e+1); the 15th digit's unit is 10^(e−14). */
  readonly exponent: number;
  /** The interval holds more than one whole number: |shown| ≥ 10^15. */
  readonly wholeNumbersAmbiguous: boolean;
}

/** The exact value of a positive finite double, from its bits. */
function exactDouble(high: number, low: number): Fraction {
  const biased = (high >>> 20) & 0x7ff;
  const fractionBits = (BigInt(high & 0xfffff) << BigInt(32)) | BigInt(low >>> 0);
  const mantissa = biased === 0 ? fractionBits : fractionBits | (ONE << BigInt(52));
  const power = (biased === 0 ? 1 : biased) - 1075;
  return power >= 0 ? fraction(mantissa << BigInt(power)) : fraction(mantissa, ONE << BigInt(-power));
}

/** The reals whose nearest double is the positive finite y: halfway to each neighbouring double. */
function roundingInterval(y: number): { lo: Fraction; hi: Fraction } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, y);
  const bits = (BigInt(view.getUint32(0)) << BigInt(32)) | BigInt(view.getUint32(4));
  const at = (b: bigint) => exactDouble(Number(b >> BigInt(32)), Number(b & BigInt(0xffffffff)));
  const here = at(bits);
  const below = at(bits - ONE); // bits ≥ 1: y > 0; bits − 1 = 0 is the double 0
  const above = y === Number.MAX_VALUE ? add(here, subtract(here, below)) : at(bits + ONE);
  return { lo: halfway(below, here), hi: halfway(here, above) };
}

function halfway(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, TWO * a.den * b.den);
}

/**
 * The 15-significant-digit neighbourhood of a finite double x: the smallest closed interval that
 * holds both
 * (a) the reals a spreadsheet shows as x does — with D = x rounded to 15 significant digits (half
 *     away from zero, on x's exact binary value) and u = the unit of D's 15th digit, the interval
 *     [D − u/2, D + u/2]; below a power of ten the numbers have a digit more, so there the lower
 *     end is D − u/20;
 * (b) the reals whose nearest double is x (so the exact result of the formula that produced x is
 *     always inside, even when it sits right at the edge of (a): =16/169 shows as 0.0946745562130177
 *     but is 0.09467455621301775147…, just above D + u/2).
 *
 * Examples:
 * - 0.14285714285714285 (=1/7): D = 0.142857142857143, [0.1428571428571425, 0.1428571428571435].
 * - 0.29999999999999993 (=0.7-0.4): D = 0.3, [0.2999999999999995, 0.3000000000000005].
 * - 0.57: [0.5699999999999995, 0.5700000000000005]; 1: [0.9999999999999995, 1.000000000000005].
 * - 0: [0, 0].
 *
 * @example
 * const n = doubleNeighbourhood(0.57);
 * n.shown;                 // → 57/100
 * fractionToNumber(n.lo);  // → 0.5699999999999995
 * n.wholeNumbersAmbiguous; // → false
 */
export function doubleNeighbourhood(x: number): DoubleNeighbourhood {
  if (!Number.isFinite(x)) throw new RangeError(`doubleNeighbourhood: ${x} is not finite`);
  if (x === 0) {
    const zero = fraction(ZERO);
    return { shown: zero, lo: zero, hi: zero, exponent: 0, wholeNumbersAmbiguous: false };
  }
  const [mantissa, exponentText] = Math.abs(x).toExponential(SPREADSHEET_DIGITS - 1).split('e');
  const m = BigInt(mantissa.replace('.', '')); // 15 digits, the first non-zero
  const exponent = Number(exponentText);
  const unitPower = exponent - (SPREADSHEET_DIGITS - 1); // u = 10^unitPower
  const scaled = (num: bigint, den: bigint): Fraction =>
    unitPower >= 0 ? fraction(num * TEN ** BigInt(unitPower), den) : fraction(num, den * TEN ** BigInt(-unitPower));
  const shown = scaled(m, ONE);
  const rounding = roundingInterval(Math.abs(x));
  const shownHi = scaled(TWO * m + ONE, TWO);
  const shownLo = m === SMALLEST_15_DIGIT ? scaled(TWENTY * m - ONE, TWENTY) : scaled(TWO * m - ONE, TWO);
  const lo = compare(rounding.lo, shownLo) < 0 ? rounding.lo : shownLo;
  const hi = compare(rounding.hi, shownHi) > 0 ? rounding.hi : shownHi;
  const wholeNumbersAmbiguous = unitPower >= 1;
  if (x > 0) return { shown, lo, hi, exponent, wholeNumbersAmbiguous };
  const negate = (f: Fraction): Fraction => ({ num: -f.num, den: f.den });
  return { shown: negate(shown), lo: negate(hi), hi: negate(lo), exponent, wholeNumbersAmbiguous };
}

/**
 * The exact number a finite double x stands for: the simplest number in its 15-significant-digit
 * neighbourhood ({@link doubleNeighbourhood}), where simplest means shortest to write. The
 * candidates are the simplest fraction there, p/q with the smallest denominator (found exactly,
 * Stern–Brocot: {@link simplestFractionIn}), and D, x to 15 significant digits. The fraction wins
 * when its numerator and denominator together need fewer significant digits than D (trailing
 * zeros are free, as in 1/7e14); else D. From 10^15 up the neighbourhood holds several whole
 * numbers and x is read as D (callers refuse an x that is not D: see
 * {@link losesDigitsInSpreadsheet}).
 *
 * Worked examples:
 * - 0.14285714285714285 (=1/7): D = 0.142857142857143 (15 digits), 1/7 (2) → 1/7; seven of
 *   them add up to exactly 1. LibreOffice saves =1/7 as 0.142857142857143: 1/7 again.
 * - 0.3333333333333333 (=1/3) → 1/3; 0.6666666666666666 (=2/3) → 2/3; =16/169 → 16/169.
 * - 0.29999999999999993 (=0.7-0.4) and 0.30000000000000004 (=1-0.7): the simplest fraction is
 *   3/10, which is D → 3/10.
 * - 0.57 → 57/100, 20476.19 → 2047619/100: a typed decimal stays itself. This holds for every
 *   decimal of at most 8 significant digits from 1e-300 up (a fraction a/b·10^t of fewer digits
 *   is at least 10^(3−2n) away from an n-digit decimal, both scaled into [1, 10): farther than
 *   the neighbourhood reaches; subnormal doubles, below 2.2e-308, hold fewer than 15 digits), and
 *   for every decimal whose significant digits plus decimal places are at most 15 (then no other
 *   fraction is in the neighbourhood at all).
 * - 1234567890123.45: the simplest fraction is 1234567890123 + 5/11 (16 digits to write), D has
 *   15 → 1234567890123.45.
 * - 0.333333333333333 (15 threes, what a sheet shows for =1/3) → 1/3.
 * - 1e21 → 10^21; 1e-300 → 10^-300; 5e-324, the smallest double → 4.94065645841247e-324:
 *   this never throws on a finite double.
 *
 * @example
 * fractionFromNumber(1 / 7);     // → 1/7
 * fractionFromNumber(0.7 - 0.4); // → 3/10 (the double is 0.29999999999999993)
 * fractionFromNumber(20476.19);  // → 2047619/100
 *
 * @throws RangeError when x is NaN or ±Infinity.
 */
export function fractionFromNumber(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`fractionFromNumber: ${x} is not finite`);
  return shortDecimalFraction(x) ?? neighbourhoodReading(x).fraction;
}

/**
 * {@link fractionFromNumber} of a double a spreadsheet can hold; undefined when it cannot
 * ({@link losesDigitsInSpreadsheet}, or not finite). One neighbourhood answers both questions:
 * reading every input number this way instead of asking the two functions in turn halves
 * the cost of validating a plan.
 *
 * @example
 * spreadsheetFraction(0.57);             // → 57/100
 * spreadsheetFraction(1 / 7);            // → 1/7
 * spreadsheetFraction(1234567890123456); // → undefined (a sheet keeps 1234567890123460)
 * spreadsheetFraction(Infinity);         // → undefined
 */
export function spreadsheetFraction(x: number): Fraction | undefined {
  if (!Number.isFinite(x)) return undefined;
  const short = shortDecimalFraction(x);
  if (short) return short;
  const read = neighbourhoodReading(x);
  return read.losesDigits ? undefined : read.fraction;
}

/**
 * {@link spreadsheetFraction} from its definition, every time: the neighbourhood, then the simplest
 * number in it — no short-decimal shortcut, no memo. The reference the fast paths are tested against.
 *
 * @example
 * spreadsheetFractionByNeighbourhood(0.57);             // → 57/100, as spreadsheetFraction(0.57)
 * spreadsheetFractionByNeighbourhood(1234567890123456); // → undefined
 */
export function spreadsheetFractionByNeighbourhood(x: number): Fraction | undefined {
  if (!Number.isFinite(x)) return undefined;
  const n = doubleNeighbourhood(x);
  if (n.wholeNumbersAmbiguous && Number(n.shown.num) !== x) return undefined;
  return simplestInNeighbourhood(n);
}

/**
 * {@link fractionFromNumber} from its definition (see {@link spreadsheetFractionByNeighbourhood}).
 *
 * @example
 * fractionFromNumberByNeighbourhood(0.1 + 0.2);         // → 3/10
 * fractionFromNumberByNeighbourhood(1234567890123456);  // → 1234567890123460/1
 */
export function fractionFromNumberByNeighbourhood(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`fractionFromNumber: ${x} is not finite`);
  return simplestInNeighbourhood(doubleNeighbourhood(x));
}

/**
 * The fast path of {@link fractionFromNumber}: the decimal x prints as (String(x), the shortest
 * that reads back as x), when that decimal is provably what the neighbourhood rule picks — so
 * the exact BigInt search is skipped for what people type (0.57, 20476.19, 48000000, 1.5e-7).
 * Undefined when it cannot tell; the slow path then decides.
 *
 * Why it is the same answer: let the printed decimal d have s significant digits. With s ≤ 15,
 * |x − d| ≤ half an ulp of x < half a unit u of the 15th digit, so d is D, x to 15 digits.
 * - d whole (no decimal places): below 10^15 the neighbourhood is less than 1 wide around D,
 *   so D is its only whole number, hence the simplest; from 10^15 up x is read as D, and D
 *   reads back as x, so no digits are lost.
 * - d with p decimal places and s + p ≤ 15: then u ≤ 10^−2p, and every other fraction whose
 *   denominator is at most D's (≤ 10^p) is at least 10^−2p from D, farther than the
 *   neighbourhood reaches (half-width ≤ u/2): D is the simplest.
 *
 * @example
 * shortDecimalFraction(0.57);      // → 57/100
 * shortDecimalFraction(48e6);      // → 48000000/1
 * shortDecimalFraction(1 / 7);     // → undefined (17 digits printed: the slow path reads 1/7)
 * shortDecimalFraction(1e-300);    // → undefined (300 decimal places)
 */
export function shortDecimalFraction(x: number): Fraction | undefined {
  if (x === 0) return { num: ZERO, den: ONE };
  const text = String(x < 0 ? -x : x); // "0.57", "20476.19", "1.5e-7", "1e+21"
  const e = text.indexOf('e');
  const decimal = e < 0 ? text : text.slice(0, e);
  const point = decimal.indexOf('.');
  const fractionDigits = point < 0 ? 0 : decimal.length - point - 1;
  const allDigits = point < 0 ? decimal : decimal.slice(0, point) + decimal.slice(point + 1);
  // x = allDigits × 10^power; without its leading and trailing zeros, allDigits is the mantissa.
  let power = (e < 0 ? 0 : Number(text.slice(e + 1))) - fractionDigits;
  let from = 0;
  while (from < allDigits.length - 1 && allDigits.charCodeAt(from) === 48) from++;
  let to = allDigits.length;
  while (to - 1 > from && allDigits.charCodeAt(to - 1) === 48) {
    to--;
    power++;
  }
  const digits = to - from;
  if (digits > SPREADSHEET_DIGITS) return undefined;
  const mantissa = Number(allDigits.slice(from, to)); // at most 15 digits: exact
  const sign = x < 0 ? -1 : 1;
  if (power >= 0) {
    const whole = power === 0 ? BigInt(mantissa) : BigInt(mantissa) * TEN ** BigInt(power);
    return { num: sign < 0 ? -whole : whole, den: ONE };
  }
  const places = -power;
  if (digits + places > SPREADSHEET_DIGITS) return undefined;
  // mantissa / 10^places in lowest terms: only 2s and 5s can cancel. All of it is exact in doubles (< 10^15).
  let num = mantissa;
  let twos = places;
  let fives = places;
  while (twos > 0 && num % 2 === 0) {
    num /= 2;
    twos--;
  }
  while (fives > 0 && num % 5 === 0) {
    num /= 5;
    fives--;
  }
  const den = 2 ** twos * 5 ** fives;
  return { num: BigInt(sign * num), den: BigInt(den) };
}

interface NeighbourhoodReading {
  /** simplestInNeighbourhood of x's neighbourhood: what fractionFromNumber returns. */
  readonly fraction: Fraction;
  /** losesDigitsInSpreadsheet(x): spreadsheetFraction returns undefined. */
  readonly losesDigits: boolean;
}

/**
 * The slow path's answers by double, for the doubles the fast path leaves to it (=1/7 in every
 * channel, 0.1 + 0.2): a plan repeats them, and each costs a BigInt search. Bounded: past
 * {@link READING_MEMO_SIZE} entries the oldest goes, so a long-lived process (the CLI's
 * watch, a sheet's custom functions) never grows with the numbers it has seen.
 */
const READING_MEMO = new Map<number, NeighbourhoodReading>();
export const READING_MEMO_SIZE = 512;

/**
 * How many slow-path readings are remembered (for tests: the memo stays bounded).
 *
 * @example
 * for (let q = 1; q <= 10_000; q++) fractionFromNumber(1 / (q + 0.5));
 * readingMemoSize(); // → 512 (READING_MEMO_SIZE), not 10,000
 */
export function readingMemoSize(): number {
  return READING_MEMO.size;
}

function neighbourhoodReading(x: number): NeighbourhoodReading {
  const known = READING_MEMO.get(x);
  if (known) return known;
  const n = doubleNeighbourhood(x);
  const reading = { fraction: simplestInNeighbourhood(n), losesDigits: n.wholeNumbersAmbiguous && Number(n.shown.num) !== x };
  if (READING_MEMO.size >= READING_MEMO_SIZE) READING_MEMO.delete(READING_MEMO.keys().next().value as number);
  READING_MEMO.set(x, reading);
  return reading;
}

function simplestInNeighbourhood(n: DoubleNeighbourhood): Fraction {
  if (n.wholeNumbersAmbiguous) return n.shown;
  const simplest = simplestFractionIn(n.lo, n.hi);
  if (simplest.num === n.shown.num && simplest.den === n.shown.den) return simplest;
  const shownDigits = significantDigits(n.shown) ?? SPREADSHEET_DIGITS;
  return writtenDigits(simplest) < shownDigits ? simplest : n.shown;
}

/** Significant digits to write p/q: those of p and of q, trailing zeros free (1/7e14: 2). */
function writtenDigits(f: Fraction): number {
  const digits = (n: bigint) => (n < ZERO ? -n : n).toString().replace(/0+$/, '').length;
  return digits(f.num) + digits(f.den);
}

/**
 * True when a spreadsheet cannot hold the double x as it is: from 10^15 up it keeps 15
 * significant digits, so 1234567890123456 would become 1234567890123460. Such an input is
 * refused rather than silently read as another whole number.
 *
 * @example
 * losesDigitsInSpreadsheet(1234567890123456); // → true (a sheet keeps 1234567890123460)
 * losesDigitsInSpreadsheet(123456789012345);  // → false (15 digits)
 * losesDigitsInSpreadsheet(1e15);             // → false
 */
export function losesDigitsInSpreadsheet(x: number): boolean {
  if (!Number.isFinite(x)) return true;
  return shortDecimalFraction(x) === undefined && neighbourhoodReading(x).losesDigits;
}

/**
 * Significant digits of a fraction that is a terminating decimal (trailing zeros do not count:
 * 1200 has 2, 0.0570 has 2); undefined for one that is not (1/7).
 *
 * @example
 * significantDigits(fraction(1200n));      // → 2
 * significantDigits(fraction(57n, 1000n)); // → 2 (0.057)
 * significantDigits(fraction(1n, 7n));     // → undefined
 */
export function significantDigits(f: Fraction): number | undefined {
  if (f.num === ZERO) return 0;
  let den = f.den;
  let twos = 0;
  let fives = 0;
  while (den % TWO === ZERO) {
    den /= TWO;
    twos++;
  }
  while (den % FIVE === ZERO) {
    den /= FIVE;
    fives++;
  }
  if (den !== ONE) return undefined;
  const places = Math.max(twos, fives);
  const digits = ((f.num < ZERO ? -f.num : f.num) * TEN ** BigInt(places)) / f.den;
  return digits.toString().replace(/0+$/, '').length;
}
