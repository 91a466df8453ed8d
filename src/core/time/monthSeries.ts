/**
 * Counts by FY month: `values[i]` belongs to FY month `first + i` (design.md §7). A series can
 * start before the fiscal year (carry-in) and run into the next one.
 */

export interface MonthSeries {
  /** FY month index of `values[0]`: negative for carry-in months before the fiscal year. */
  readonly first: number;
  readonly values: readonly number[];
}

/**
 * The value of FY month `index`, 0 outside the series.
 *
 * @example
 * monthValue({ first: -1, values: [5, 7] }, 0); // → 7
 * monthValue({ first: -1, values: [5, 7] }, 3); // → 0
 */
export function monthValue(series: MonthSeries, index: number): number {
  const i = index - series.first;
  return i >= 0 && i < series.values.length ? series.values[i] : 0;
}

/**
 * The sum of a series' months.
 *
 * @example
 * seriesTotal({ first: -2, values: [1, 2, 3] }); // → 6
 */
export function seriesTotal(series: MonthSeries): number {
  return series.values.reduce((s, v) => s + v, 0);
}

/**
 * The part of a series inside FY months `from`…`to` (inclusive), with zeros where it has no
 * value, so several series line up month by month.
 *
 * @example
 * window({ first: 10, values: [4, 5, 6] }, 0, 11); // → { first: 0, values: [0, …, 0, 4, 5] } (12 months)
 */
export function window(series: MonthSeries, from: number, to: number): MonthSeries {
  const values: number[] = [];
  const source = series.values;
  for (let t = from; t <= to; t++) {
    const i = t - series.first;
    values.push(i >= 0 && i < source.length ? source[i] : 0);
  }
  return { first: from, values };
}

/**
 * Month-by-month sum of series (e.g. this year's part and next year's part of a team's work).
 *
 * @example
 * addSeries({ first: -1, values: [1, 1] }, { first: 0, values: [2, 2] }); // → { first: -1, values: [1, 3, 2] }
 */
export function addSeries(...series: readonly MonthSeries[]): MonthSeries {
  if (series.length === 0) return { first: 0, values: [] };
  let from = Infinity;
  let to = -Infinity;
  for (const s of series) {
    from = Math.min(from, s.first);
    to = Math.max(to, s.first + s.values.length - 1);
  }
  const values: number[] = [];
  for (let t = from; t <= to; t++) {
    // Month by month, the series in order: the same additions as ever.
    let sum = 0;
    for (const s of series) {
      const i = t - s.first;
      sum += i >= 0 && i < s.values.length ? s.values[i] : 0;
    }
    values.push(sum);
  }
  return { first: from, values };
}

/**
 * FY quarters (months 0–2, 3–5, 6–8, 9–11) of a series: sums of its months.
 *
 * @example
 * quarters({ first: 0, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }); // → [6, 15, 24, 33]
 */
export function quarters(series: MonthSeries): [number, number, number, number] {
  const q: [number, number, number, number] = [0, 0, 0, 0];
  for (let t = 0; t < 12; t++) q[Math.floor(t / 3)] += monthValue(series, t);
  return q;
}
