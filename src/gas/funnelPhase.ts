/**
 * =FUNNEL_PHASE(total, weights, [lag_months]): a total split over months by largest remainder
 * (core/allocation), for users who phase their own numbers — the months always add up to the
 * total exactly, which =total*weight/SUM(weights) rounded per cell does not.
 */
import { allocateCount } from '../core/allocation/largestRemainder';
import { FieldError, formatFieldError } from '../core/fieldError';
import { readExact } from '../core/input/readExact';
import type { Lang } from '../core/i18n/lang';

type Table = (string | number)[][];

function cellsOf(value: unknown): { cells: unknown[]; column: boolean } {
  if (!Array.isArray(value)) return { cells: [value], column: false };
  const rows = value as unknown[][];
  // A single column (n × 1) comes back as a column; a row or a block as a row.
  const column = rows.length > 1 && rows.every((r) => Array.isArray(r) && r.length === 1);
  return { cells: rows.flat(), column };
}

/**
 * The months of `total` split by `weights`, moved `lag` months earlier (work that must happen
 * before the month it is weighted by: the first `lag` results are months before the first
 * weight's, the last `lag` get nothing). Same orientation as the weights.
 *
 * @example
 * funnelPhase(10, [[1, 1, 1]]);      // → [[4, 3, 3]]
 * funnelPhase(10, [[1, 1, 1]], 1);   // → [[4, 3, 3, 0]]: one month earlier, with a carry-in month first
 * funnelPhase(10, [[1], [0], [1]]);  // → [[5], [0], [5]]
 */
export function funnelPhase(total: unknown, weights: unknown, lag: unknown = undefined, lang: Lang = 'en'): Table {
  try {
    const errors: FieldError[] = [];
    const count = readExact(total, 'total', 'nonNegative', errors);
    if (count && count.exact.den !== BigInt(1)) errors.push({ path: 'total', code: 'notInteger', value: total });
    const { cells, column } = cellsOf(weights);
    let end = cells.length;
    while (end > 0 && (cells[end - 1] === '' || cells[end - 1] === null || cells[end - 1] === undefined)) end--;
    const used = cells.slice(0, end);
    if (used.length === 0) errors.push({ path: 'weights', code: 'emptyList', value: weights });
    const w = used.map((cell, i) => readExact(cell === '' || cell === null ? 0 : cell, `weights[${i + 1}]`, 'nonNegative', errors)?.exact);
    let shift = 0;
    if (lag !== undefined && lag !== null && lag !== '') {
      const l = readExact(lag, 'lag_months', 'nonNegative', errors);
      if (l && l.exact.den !== BigInt(1)) errors.push({ path: 'lag_months', code: 'notInteger', value: lag });
      else if (l) shift = l.value;
    }
    if (errors.length === 0 && w.every((x) => x !== undefined && x.num === BigInt(0)) && count && count.value > 0) {
      errors.push({ path: 'weights', code: 'seasonalityZero', value: weights });
    }
    if (errors.length > 0 || !count) return [[`#FUNNEL: ${errors.map((e) => formatFieldError(e, lang)).join('; ')}`]];
    const parts = count.value === 0 ? w.map(() => 0) : allocateCount(count.value, w.map((x) => x!));
    const months = [...parts, ...Array<number>(shift).fill(0)];
    return column ? months.map((m) => [m]) : [months];
  } catch (error) {
    return [[`#FUNNEL: ${error instanceof Error ? error.message : String(error)}`]];
  }
}
