/**
 * Each team's numbers by month, quarter and year (design.md §7–§8): a team's work in a month
 * is this year's part plus next year's part of its stage, summed over its sources.
 */
import { MonthSeries, addSeries, quarters, seriesTotal, window } from '../time/monthSeries';
import type { PlanMonths } from '../time/planMonths';
import type { TeamSpec, TeamStage } from './teamSpec';

export interface TeamNumbers {
  readonly stage: string;
  /** From the plan's first month to FY month 11. */
  readonly months: MonthSeries;
  /** The FY's four quarters (carry-in months are before Q1 and in none). */
  readonly quarters: readonly [number, number, number, number];
  /** Sum over the FY's own twelve months. */
  readonly fiscalYear: number;
  /** Sum over every month, carry-in included. */
  readonly total: number;
}

export interface TeamTargets {
  readonly id: string;
  readonly works: TeamNumbers;
  readonly delivers: TeamNumbers;
  readonly headline?: TeamNumbers;
}

function numbersOf(months: PlanMonths, part: TeamStage): TeamNumbers {
  const series = part.sources.flatMap((id) => {
    const stage = months.bySource[id]?.[part.stage];
    return stage ? [stage.thisYear, stage.nextYear] : [];
  });
  const summed = window(addSeries(...series), months.first, 11);
  return {
    stage: part.stage,
    months: summed,
    quarters: quarters(summed),
    fiscalYear: seriesTotal(window(summed, 0, 11)),
    total: seriesTotal(summed),
  };
}

/**
 * The numbers of each team: works, delivers (and marketing's headline), by month.
 *
 * @example
 * // With the default teams of the seed plan phased over an even year with no lag, the SDR
 * // team delivers 2,948 SQLs in the fiscal year (1,280 marketing-sourced + 1,668 outbound),
 * // about 246 a month.
 * teamTargets(defaultTeams(stages, 'sql', ['marketing'], ['marketing', 'outbound']), months)
 * // → [{ id: 'marketing', … }, { id: 'sdr', delivers: { stage: 'sql', fiscalYear: 2948, … } }, …]
 */
export function teamTargets(specs: readonly TeamSpec[], months: PlanMonths): TeamTargets[] {
  return specs.map((spec) => ({
    id: spec.id,
    works: numbersOf(months, spec.works),
    delivers: numbersOf(months, spec.delivers),
    ...(spec.headline ? { headline: numbersOf(months, spec.headline) } : {}),
  }));
}
