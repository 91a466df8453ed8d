/**
 * The plan over the year as JSON for machines (`plan --json`): `timing.months`, `monthly`,
 * `channels` and `teams` (issue "The plan over the year"), months keyed "YYYY-MM".
 */
import type { FunnelPlan } from '../funnelPlan';
import { MonthSeries, monthValue, window } from './monthSeries';
import type { StageMonths } from './planMonths';
import type { PlanTimeline } from './planTimeline';
import type { TeamNumbers } from '../teams/teamTargets';

export type MonthCounts = Record<string, number>;

export interface StageMonthsJson {
  /** Every month of `timing.months`. */
  thisYear: MonthCounts;
  /** Every FY month. */
  nextYear: MonthCounts;
}

export interface TeamPartJson {
  stage: string;
  months: MonthCounts;
  /** The FY's own months. */
  total: number;
  /** With the carry-in months before the FY. */
  withCarryIn: number;
  quarters: number[];
}

export interface TimelineJson {
  timing: {
    fiscalYearStart: string;
    months: string[];
    workingDays: MonthCounts;
    seasonality: number[];
    nextYearGrowth: number;
    lag: Record<string, string>;
    openPipeline: { stage: string; needed: number; open: number; gap: number }[];
  };
  monthly: {
    bySource: Record<string, Record<string, StageMonthsJson>>;
    byChannel: Record<string, Record<string, StageMonthsJson>>;
    total: Record<string, StageMonthsJson>;
  };
  channels: Record<string, { source: string; name: string; share: number; counts: Record<string, number>; costPerLead: number | null; budget: number | null; budgetByMonth: MonthCounts | null; costPer: Record<string, number> | null }>;
  teams: Record<string, { works: TeamPartJson; delivers: TeamPartJson; headline?: TeamPartJson; budget?: { months: MonthCounts; total: number } }>;
}

function months(t: PlanTimeline, series: MonthSeries, fromFy = false): MonthCounts {
  const out: MonthCounts = {};
  t.months.forEach((key, i) => {
    const index = t.first + i;
    if (!fromFy || index >= 0) out[key] = monthValue(series, index);
  });
  return out;
}

function stageJson(t: PlanTimeline, stages: readonly string[], of: Readonly<Record<string, StageMonths>>): Record<string, StageMonthsJson> {
  const out: Record<string, StageMonthsJson> = {};
  for (const stage of stages) out[stage] = { thisYear: months(t, of[stage].thisYear), nextYear: months(t, of[stage].nextYear, true) };
  return out;
}

function teamPart(t: PlanTimeline, n: TeamNumbers): TeamPartJson {
  return { stage: n.stage, months: months(t, n.months), total: n.fiscalYear, withCarryIn: n.total, quarters: [...n.quarters] };
}

/**
 * The timeline's JSON.
 *
 * @example
 * // The seed's plan over FY 2027 with no lag:
 * timelineToJson(timeline, funnel).monthly.total.sql.thisYear['2027-01']; // → 251 (112 marketing + 139 outbound)
 * timelineToJson(timeline, funnel).teams.sdr.delivers.total;              // → 2948
 */
export function timelineToJson(t: PlanTimeline, funnel: FunnelPlan, seasonality: readonly number[], nextYearGrowth: number): TimelineJson {
  const stages = funnel.stages;
  const bySource: TimelineJson['monthly']['bySource'] = {};
  for (const s of funnel.sources) bySource[s.id] = stageJson(t, stages, t.bySource[s.id]);
  const byChannel: TimelineJson['monthly']['byChannel'] = {};
  for (const c of t.channels) byChannel[c.id] = stageJson(t, stages, t.byChannel[c.id]);

  const channels: TimelineJson['channels'] = {};
  for (const source of funnel.sources) {
    for (const c of source.channels) {
      const timeline = t.channels.find((x) => x.id === c.id)!;
      channels[c.id] = {
        source: source.id,
        name: c.name,
        share: c.share,
        counts: Object.fromEntries(stages.map((stage) => [stage, c.counts[stage] ?? 0])),
        costPerLead: c.costPerLead ?? null,
        budget: timeline.budgetFiscalYear ?? null,
        budgetByMonth: timeline.budget ? months(t, timeline.budget) : null,
        costPer: timeline.costPer ? { ...timeline.costPer } : null,
      };
    }
  }

  const teams: TimelineJson['teams'] = {};
  for (const team of t.teams) {
    teams[team.id] = {
      works: teamPart(t, team.works),
      delivers: teamPart(t, team.delivers),
      ...(team.headline ? { headline: teamPart(t, team.headline) } : {}),
      ...(team.id === 'marketing' && t.marketingBudget
        ? { budget: { months: months(t, t.marketingBudget), total: t.marketingBudgetFiscalYear ?? 0 } }
        : {}),
    };
  }

  const workingDays: MonthCounts = {};
  t.months.forEach((key, i) => (workingDays[key] = t.workingDays[i]));
  return {
    timing: {
      fiscalYearStart: t.months[-t.first],
      months: [...t.months],
      workingDays,
      seasonality: [...seasonality],
      nextYearGrowth,
      lag: { ...t.lagBasis },
      openPipeline: t.openPipelineGaps.map((g) => ({ ...g, gap: g.needed - g.open })),
    },
    monthly: { bySource, byChannel, total: stageJson(t, stages, t.total) },
    channels,
    teams,
  };
}
