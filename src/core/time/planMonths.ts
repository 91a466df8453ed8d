/**
 * Every source's stages by month for this year's deals and for next year's pipeline inside
 * this fiscal year (design.md §7), and their totals — the numbers behind the Monthly sheet,
 * the team targets and `monthly` in the plan's JSON.
 */
import { Fraction } from '../fraction';
import { FiscalYearStart, monthKey } from './fiscalYear';
import { MonthSeries, addSeries, window } from './monthSeries';
import { stageByMonth, wonByMonth } from './phasing';
import { LagDistribution, NO_LAG } from './salesCycleLag';

export interface SourcePhasingInput {
  readonly id: string;
  /** This year's annual count per stage (the reverse funnel). */
  readonly counts: Readonly<Record<string, number>>;
  /** Next year's annual count per stage (the reverse funnel on the grown target). */
  readonly nextYearCounts: Readonly<Record<string, number>>;
  /** q(j) per stage above won; a stage without one has no lag. */
  readonly lags: Readonly<Record<string, LagDistribution>>;
}

export interface PhasingTiming {
  readonly start: FiscalYearStart;
  /** 12 weights of won deals by FY month. */
  readonly seasonality: readonly Fraction[];
}

export interface StageMonths {
  /** This year's deals: every FY month, and carry-in months before the FY where the lag puts work. */
  readonly thisYear: MonthSeries;
  /** Next year's deals, the part that falls inside this FY (FY months 0–11). */
  readonly nextYear: MonthSeries;
}

export interface PlanMonths {
  /** FY month index of the first month with work (≤ 0: carry-in months first). */
  readonly first: number;
  /** "YYYY-MM" of every month from `first` to FY month 11. */
  readonly months: readonly string[];
  readonly bySource: Readonly<Record<string, Readonly<Record<string, StageMonths>>>>;
  readonly total: Readonly<Record<string, StageMonths>>;
}

function align(series: MonthSeries, first: number): MonthSeries {
  return window(series, first, 11);
}

/**
 * Phases every source's stages: won deals by seasonality, each stage above won by its lag,
 * for this year and for next year's deals (keeping next year's work inside this FY). All
 * series come back aligned from the plan's first month to FY month 11, so they add up month
 * by month and each `thisYear` series sums to the stage's annual count.
 *
 * @example
 * // One source, 12 SQLs → 12 opportunities → 12 won, even seasonality, SQLs one month before
 * // the win; next year the same:
 * phasePlan(['sql', 'opportunity', 'won'], [{ id: 's', counts: { sql: 12, opportunity: 12, won: 12 },
 *   nextYearCounts: { sql: 12, opportunity: 12, won: 12 }, lags: { sql: [0n, 1n] (as fractions) } }],
 *   { start: { year: 2027, month: 1 }, seasonality: EVEN_SEASONALITY })
 * // → months "2026-12" … "2027-12"; sql.thisYear 1 a month from 2026-12 to 2027-11 (and 0 in 2027-12),
 * //   sql.nextYear 1 in 2027-12 (next January's deal)
 */
export function phasePlan(stages: readonly string[], sources: readonly SourcePhasingInput[], timing: PhasingTiming): PlanMonths {
  const won = stages[stages.length - 1];
  // Channels of a source often share their counts and always their lags (three channels at 15 %
  // with the source's rates): a split is a function of count, won deals and lag, so each
  // distinct one is computed once per call. The series are only read below (window copies).
  const splits = new Map<string, MonthSeries>();
  const lagIds = new Map<LagDistribution, number>();
  const split = (key: string, compute: () => MonthSeries): MonthSeries => {
    const known = splits.get(key);
    if (known) return known;
    const series = compute();
    splits.set(key, series);
    return series;
  };
  const wonOf = (total: number, firstMonth: number) =>
    split(`w${firstMonth}:${total}`, () => wonByMonth(total, timing.seasonality, firstMonth));
  const stageOf = (count: number, wonTotal: number, firstMonth: number, lag: LagDistribution) => {
    let lagId = lagIds.get(lag);
    if (lagId === undefined) lagIds.set(lag, (lagId = lagIds.size));
    return split(`s${lagId}:${firstMonth}:${wonTotal}:${count}`, () => {
      const stageSeries = stageByMonth(count, wonOf(wonTotal, firstMonth), lag);
      return firstMonth === 0 ? stageSeries : window(stageSeries, 0, 11);
    });
  };
  const raw = sources.map((source) => {
    const thisWonCount = source.counts[won] ?? 0;
    const nextWonCount = source.nextYearCounts[won] ?? 0;
    wonOf(thisWonCount, 0); // both years' won deals first, as a failing split would be reported
    wonOf(nextWonCount, 12);
    const perStage: Record<string, { thisYear: MonthSeries; nextYear: MonthSeries }> = {};
    for (const stage of stages) {
      const lag = stage === won ? NO_LAG : (source.lags[stage] ?? NO_LAG);
      perStage[stage] = {
        thisYear: stage === won ? wonOf(thisWonCount, 0) : stageOf(source.counts[stage] ?? 0, thisWonCount, 0, lag),
        nextYear:
          stage === won
            ? split(`n${nextWonCount}`, () => window(wonOf(nextWonCount, 12), 0, 11))
            : stageOf(source.nextYearCounts[stage] ?? 0, nextWonCount, 12, lag),
      };
    }
    return { id: source.id, perStage };
  });

  // The plan's months start at the earliest carry-in month of any source and stage.
  let first = 0;
  for (const s of raw) for (const stage of stages) first = Math.min(first, s.perStage[stage].thisYear.first);

  const bySource: Record<string, Record<string, StageMonths>> = {};
  for (const s of raw) {
    const aligned: Record<string, StageMonths> = {};
    for (const stage of stages) {
      aligned[stage] = { thisYear: align(s.perStage[stage].thisYear, first), nextYear: align(s.perStage[stage].nextYear, first) };
    }
    bySource[s.id] = aligned;
  }
  const total: Record<string, StageMonths> = {};
  for (const stage of stages) {
    const parts = Object.values(bySource).map((stagesOf) => stagesOf[stage]);
    total[stage] = {
      thisYear: align(addSeries(...parts.map((p) => p.thisYear)), first),
      nextYear: align(addSeries(...parts.map((p) => p.nextYear)), first),
    };
  }
  const months: string[] = [];
  for (let t = first; t <= 11; t++) months.push(monthKey(timing.start, t));
  return { first, months, bySource, total };
}
