/**
 * Reading one number-like input field exactly ("25%", "120万", 0.57, "$1.2M") and checking
 * it against the rule the field follows (positive, a share, a rate…). Used by plan
 * validation, the what-if volumes and the custom functions, so all three read alike.
 */
import { FieldError, fieldError } from '../fieldError';
import { FRACTION_ONE, compare, fraction, fractionToNumber } from '../fraction';
import { readNumberLike } from '../parseNumberText';
import { Exact } from '../planInput';

/** What a number field must be: anything, > 0, ≥ 0, a share in [0, 1], or a rate in (0, 1]. */
export type Rule = 'any' | 'positive' | 'nonNegative' | 'share' | 'rate';

const ZERO = BigInt(0);

/**
 * Whether a field counts as not filled in: missing, null, or only whitespace.
 *
 * @example
 * isBlank('  '); // → true
 * isBlank(0);    // → false (a typed 0 is a value)
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a number-like field exactly, or records why it cannot. On success returns the exact
 * fraction with the double it stands for; on failure pushes one FieldError naming `path`
 * and returns undefined (it never throws).
 *
 * @example
 * // A typed decimal stays exact: 0.57 is 57/100, not the nearest double.
 * const errors: FieldError[] = [];
 * readExact('57%', 'sources[0].conversionRates.sql', 'rate', errors);
 * // → { exact: 57/100, value: 0.57 }, errors stays []
 *
 * @example
 * // A rate of 1.4 breaks the rule: undefined, and errors gets
 * // { path: 'rate', code: 'rateRange', value: 1.4 }.
 * readExact(1.4, 'rate', 'rate', errors); // → undefined
 */
export function readExact(value: unknown, path: string, rule: Rule, errors: FieldError[]): Exact | undefined {
  if (isBlank(value)) {
    errors.push(fieldError(path, 'required', value === null ? undefined : value));
    return undefined;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    errors.push(fieldError(path, 'notFinite', value));
    return undefined;
  }
  const exact = readNumberLike(value);
  if ('problem' in exact) {
    const suggestion = exact.problem === 'ambiguousComma' ? exact.suggestion : undefined;
    errors.push(fieldError(path, exact.problem, value, suggestion));
    return undefined;
  }
  const sign = compare(exact, fraction(ZERO));
  const broken =
    (rule === 'positive' && sign <= 0 && 'notPositive') ||
    (rule === 'nonNegative' && sign < 0 && 'negative') ||
    (rule === 'share' && (sign < 0 || compare(exact, FRACTION_ONE) > 0) && 'shareRange') ||
    (rule === 'rate' && (sign <= 0 || compare(exact, FRACTION_ONE) > 0) && 'rateRange');
  if (broken) {
    errors.push(fieldError(path, broken, value));
    return undefined;
  }
  const plain = fractionToNumber(exact);
  if (Math.abs(plain) > Number.MAX_SAFE_INTEGER) {
    errors.push(fieldError(path, 'tooLarge', value, 'the value'));
    return undefined;
  }
  return { exact, value: plain };
}
