/**
 * The plan over the fiscal year (design.md §7–§8): every source and channel by month with
 * sales-cycle lag and next year's pipeline, channel budgets, and each team's numbers — what
 * the Monthly and Teams sheets, `plan --monthly` and `monthly`/`channels`/`teams` in the JSON show.
 */
import { Fraction, add, fraction, fractionToNumber, multiply } from '../fraction';
import { FunnelPlan, marketingSources, reverseSources } from '../funnelPlan';
import type { ValidPlan } from '../planInput';
import { defaultTeams } from '../teams/teamSpec';
import { TeamTargets, teamTargets } from '../teams/teamTargets';
import { FiscalYearStart, calendarMonth } from './fiscalYear';
import { MonthSeries, addSeries, monthValue, seriesTotal, window } from './monthSeries';
import { PlanMonths, SourcePhasingInput, StageMonths, phasePlan } from './planMonths';
import { LagDistribution, lagsFromStageDays } from './salesCycleLag';
import { workingDays } from './workingDays';

/** Where a source's lag came from: stage days only, lag distributions (a CRM export's won records, `sources[].lag`), or none. */
export type LagBasis = 'stageDays' | 'history' | 'none';

export interface ChannelTimeline {
  readonly id: string;
  readonly sourceId: string;
  readonly stages: Readonly<Record<string, StageMonths>>;
  /** Entry-stage records by month (this year's and next year's) × cost per lead; undefined without a cost. */
  readonly budget: MonthSeries | undefined;
  /** Budget over the FY's own months, summed exactly. */
  readonly budgetFiscalYear: number | undefined;
  /** The budget by month as exact fractions, from the plan's first month. */
  readonly budgetExact: readonly Fraction[] | undefined;
  /** Cost per record at each stage for this year's deals: entry count × cost per lead / stage count (CAC at won). */
  readonly costPer: Readonly<Record<string, number>> | undefined;
}

export interface OpenPipelineGap {
  readonly stage: string;
  /** Records this year's deals need at the stage before FY start (carry-in months). */
  readonly needed: number;
  readonly open: number;
}

export interface PlanTimeline {
  readonly start: FiscalYearStart;
  readonly months: PlanMonths['months'];
  readonly first: number;
  /** Working days (Mon–Fri less holidays) of each month in `months`. */
  readonly workingDays: readonly number[];
  readonly bySource: PlanMonths['bySource'];
  readonly byChannel: Readonly<Record<string, Readonly<Record<string, StageMonths>>>>;
  readonly total: PlanMonths['total'];
  readonly channels: readonly ChannelTimeline[];
  readonly lagBasis: Readonly<Record<string, LagBasis>>;
  readonly teams: readonly TeamTargets[];
  /** Marketing's budget by month: the sum of its channels'. */
  readonly marketingBudget: MonthSeries | undefined;
  /** Its sum over the FY's months, summed exactly. */
  readonly marketingBudgetFiscalYear: number | undefined;
  readonly openPipelineGaps: readonly OpenPipelineGap[];
  /** Next year's annual counts per source (the grown target), for the record. */
  readonly nextYearCounts: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Σ of `values` from index `from` on, exactly. */
function sumFrom(values: readonly Fraction[], from: number): Fraction {
  return values.slice(from).reduce((sum, v) => add(sum, v), fraction(BigInt(0)));
}

function countsOf(stages: readonly string[], counts: readonly bigint[]): Record<string, number> {
  const out: Record<string, number> = {};
  stages.forEach((s, k) => (out[s] = Number(counts[k])));
  return out;
}

function addStageMonths(parts: readonly Readonly<Record<string, StageMonths>>[], stages: readonly string[], first: number): Record<string, StageMonths> {
  const out: Record<string, StageMonths> = {};
  for (const stage of stages) {
    out[stage] = {
      thisYear: window(addSeries(...parts.map((p) => p[stage].thisYear)), first, 11),
      nextYear: window(addSeries(...parts.map((p) => p[stage].nextYear)), first, 11),
    };
  }
  return out;
}

/**
 * The plan's timeline. Each channel (or a source without channels) is phased on its own and
 * the source's months are the sums of its channels', so every month split adds up to the
 * annual counts of the funnel exactly.
 *
 * @example
 * // The seed's plan with FY 2027 from January, even seasonality, no stage days: no lag, so
 * // marketing's 1,280 SQLs are 107 a month in January–August and 106 after; the SDR team
 * // delivers 2,948 SQLs in the year.
 * const t = planTimeline(plan, funnel);
 * t.months[0];                                     // → "2027-01"
 * t.teams.find((x) => x.id === 'sdr')!.delivers.fiscalYear; // → 2948
 */
export function planTimeline(plan: ValidPlan, funnel: FunnelPlan): PlanTimeline | undefined {
  const start = plan.timing.fiscalYearStart;
  if (start === undefined) return undefined;
  const stages = plan.stages;
  // Steady state (no growth) is this year's funnel again: no second computation.
  const steady = plan.timing.nextYearGrowth.num === BigInt(0);
  const grown = multiply(plan.revenueTarget.exact, add(fraction(BigInt(1)), plan.timing.nextYearGrowth));
  const nextCounts = steady ? undefined : reverseSources(grown, stages, plan.sources);
  const nextOf = (i: number, c?: number): Record<string, number> => {
    if (!nextCounts) return { ...(c === undefined ? funnel.sources[i].counts : funnel.sources[i].channels[c].counts) };
    return countsOf(stages, c === undefined ? nextCounts[i].counts : nextCounts[i].channels[c].counts);
  };

  const lagBasis: Record<string, LagBasis> = {};
  const units: SourcePhasingInput[] = [];
  const unitOwner: string[] = [];
  plan.sources.forEach((source, i) => {
    // A stage's lag distribution (measured from won records) wins over its stage days; the other stages take theirs.
    const measured = source.lag;
    const lags: Record<string, LagDistribution> = { ...(source.stageDays ? lagsFromStageDays(stages, source.stageDays) : {}), ...measured };
    lagBasis[source.id] = measured ? 'history' : source.stageDays ? 'stageDays' : 'none';
    if (source.channels.length === 0) {
      units.push({ id: source.id, counts: funnel.sources[i].counts, nextYearCounts: nextOf(i), lags });
      unitOwner.push(source.id);
    } else {
      source.channels.forEach((channel, c) => {
        units.push({ id: channel.id, counts: funnel.sources[i].channels[c].counts, nextYearCounts: nextOf(i, c), lags });
        unitOwner.push(source.id);
      });
    }
  });

  const phased = phasePlan(stages, units, { start, seasonality: plan.timing.seasonality });
  const first = phased.first;
  const bySource: Record<string, Record<string, StageMonths>> = {};
  const byChannel: Record<string, Record<string, StageMonths>> = {};
  for (const source of plan.sources) {
    const own = units.filter((_, u) => unitOwner[u] === source.id).map((u) => phased.bySource[u.id]);
    bySource[source.id] = source.channels.length === 0 ? { ...own[0] } : addStageMonths(own, stages, first);
    for (const channel of source.channels) byChannel[channel.id] = { ...phased.bySource[channel.id] };
  }

  const channels: ChannelTimeline[] = [];
  for (const source of plan.sources) {
    const entry = source.entryStage;
    for (const channel of source.channels) {
      const months = byChannel[channel.id];
      const cpl: Fraction | undefined = channel.costPerLead?.exact;
      let budget: Fraction[] | undefined;
      let costPer: Record<string, number> | undefined;
      if (cpl) {
        // Exact per month (cost per lead × whole records); doubles only at the edge, so sums are exact too.
        const work = addSeries(months[entry].thisYear, months[entry].nextYear);
        budget = [];
        for (let t = first; t <= 11; t++) budget.push(multiply(cpl, fraction(BigInt(monthValue(work, t)))));
        const cf = funnel.sources.find((s) => s.id === source.id)!.channels.find((c) => c.id === channel.id)!;
        const spend = multiply(cpl, fraction(BigInt(cf.counts[entry])));
        costPer = {};
        for (const stage of stages.slice(stages.indexOf(entry))) {
          const n = cf.counts[stage];
          if (n > 0) costPer[stage] = fractionToNumber(multiply(spend, fraction(BigInt(1), BigInt(n))));
        }
      }
      channels.push({
        id: channel.id,
        sourceId: source.id,
        stages: months,
        budget: budget && { first, values: budget.map(fractionToNumber) },
        budgetFiscalYear: budget && fractionToNumber(sumFrom(budget, -first)),
        budgetExact: budget,
        costPer,
      });
    }
  }

  const marketingIds = marketingSources(funnel.sources);
  const withBudget = channels.filter((c) => marketingIds.includes(c.sourceId) && c.budgetExact);
  const marketingExact =
    withBudget.length > 0 ? phased.months.map((_, i) => withBudget.reduce((sum, c) => add(sum, c.budgetExact![i]), fraction(BigInt(0)))) : undefined;
  const marketingBudget = marketingExact && { first, values: marketingExact.map(fractionToNumber) };
  const marketingBudgetFiscalYear = marketingExact && fractionToNumber(sumFrom(marketingExact, -first));

  const total = addStageMonths(Object.values(bySource), stages, first);
  const timelineMonths: PlanMonths = { first, months: phased.months, bySource, total };
  const teams = teamTargets(defaultTeams(stages, plan.handoffStage, marketingIds, plan.sources.map((s) => s.id)), timelineMonths);

  const holidays = new Set(plan.timing.holidays);
  const days = phased.months.map((_, i) => workingDays(calendarMonth(start, first + i), holidays));

  const openPipelineGaps: OpenPipelineGap[] = Object.entries(plan.timing.openPipeline).map(([stage, open]) => ({
    stage,
    needed: seriesTotal(window(total[stage].thisYear, first, -1)),
    open,
  }));

  const nextYearCounts: Record<string, Record<string, number>> = {};
  plan.sources.forEach((s, i) => (nextYearCounts[s.id] = nextOf(i)));

  return {
    start,
    months: phased.months,
    first,
    workingDays: days,
    bySource,
    byChannel,
    total,
    channels,
    lagBasis,
    teams,
    marketingBudget,
    marketingBudgetFiscalYear,
    openPipelineGaps,
    nextYearCounts,
  };
}
