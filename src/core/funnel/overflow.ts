/**
 * The overflow check (design.md §3): a count that would not fit a double exactly, or that has
 * more than 15 significant digits (a spreadsheet keeps 15 and would change the last ones), is
 * an input error, not a silent float. It reads the reverse funnel already computed for the
 * plan; it never computes one of its own.
 */
import { FieldError, fieldError } from '../fieldError';
import { SPREADSHEET_DIGITS, significantDigits } from '../doubleAsFraction';
import { fraction } from '../fraction';
import { Exact, ValidSource } from '../planInput';
import { ReverseSourceCounts } from '../reverseFunnel';
import { stageLabel } from '../stages';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
/** 10^15: the least count with 16 digits. */
const SIXTEEN_DIGITS = BigInt(10) ** BigInt(SPREADSHEET_DIGITS);
const ZERO = BigInt(0);

/**
 * Why a count cannot be a cell's number: beyond MAX_SAFE_INTEGER, or more than 15 significant digits.
 *
 * @example
 * countSizeProblem(12_800n);                // → undefined (fits)
 * countSizeProblem(9_007_199_254_740_992n); // → 'tooLarge' (2^53, one past MAX_SAFE_INTEGER)
 * countSizeProblem(1_000_000_000_000_001n); // → 'tooManyDigits' (16 significant digits)
 * countSizeProblem(1_000_000_000_000_000n); // → undefined (10^15 has 1 significant digit)
 */
export function countSizeProblem(count: bigint): 'tooLarge' | 'tooManyDigits' | undefined {
  if (count > MAX_SAFE) return 'tooLarge';
  if (count >= SIXTEEN_DIGITS && (significantDigits(fraction(count)) ?? 0) > SPREADSHEET_DIGITS) return 'tooManyDigits';
  return undefined;
}

/**
 * Pushes an error for each source whose reverse-funnel counts do not fit a cell, then (only if
 * none did) for each stage whose total does not. Each names the input that produced the
 * count: the deal size for won deals, else the rate of the stage. `reversed[i]` is the reverse
 * funnel of `sources[i]`, as computed once for the plan.
 *
 * @example
 * // Target 10^16 at deal size 1: 10^16 won deals, more than MAX_SAFE_INTEGER, so errors gets
 * // { path: 'sources[0].avgDealSize', code: 'tooLarge', value: 1, detail: 'the Won deals count (10000000000000000)' }.
 * checkCountSizes(target, ['lead', 'won'], [source], [{ revenue, counts: [20000000000000000n, 10000000000000000n] }], errors);
 */
export function checkCountSizes(
  target: Exact,
  stages: readonly string[],
  sources: readonly ValidSource[],
  reversed: readonly ReverseSourceCounts[],
  errors: FieldError[],
): void {
  const totals = stages.map(() => ZERO);
  const problem = countSizeProblem;
  sources.forEach((source, i) => {
    const { counts } = reversed[i];
    // Report the first (lowest) stage that breaks: counts only grow going up.
    for (let k = stages.length - 1; k >= 0; k--) {
      totals[k] += counts[k];
      const code = problem(counts[k]);
      if (code === undefined) continue;
      const won = k === stages.length - 1;
      const path = won ? `sources[${source.index}].avgDealSize` : `sources[${source.index}].conversionRates.${stages[k]}`;
      const value = won ? source.avgDealSize.value : source.conversionRates[stages[k]].value;
      errors.push({ ...fieldError(path, code, value, `the ${stageLabel(stages[k])} count (${counts[k]})`), count: { stage: stages[k], value: String(counts[k]), total: false } });
      for (let j = k - 1; j >= 0; j--) totals[j] += counts[j];
      break;
    }
  });
  if (errors.length > 0) return;
  totals.forEach((total, k) => {
    const code = problem(total);
    if (code !== undefined) {
      errors.push({ ...fieldError('sources', code, target.value, `the total ${stageLabel(stages[k])} count (${total})`), count: { stage: stages[k], value: String(total), total: true } });
    }
  });
}
