/**
 * `npm run bench`, the plan over the year: validate + reverse funnel + planTimeline (months with
 * sales-cycle lag and next year's pipeline, channels, budgets, team targets) — what `plan
 * --monthly`, `plan --json` and Generate compute for every plan with a fiscal year.
 */
import { defaultPlanInput } from '../src/core/defaultPlan';
import { planTimeline } from '../src/core/time/planTimeline';
import { validatePlan } from '../src/core/validatePlan';
import { Timing, measure } from './measure';

type Input = Record<string, unknown> & { sources: Record<string, unknown>[] };

const TODAY = { today: '2026-12-01' };

/**
 * The default template with the timing, three marketing channels (content, events, SEM)
 * and stage days; whatever the template already has of these is kept.
 */
export function timedDefaultInput(): Input {
  const input = defaultPlanInput() as unknown as Input;
  input.timing ??= {
    fiscalYearStart: '2027-01',
    seasonality: [6, 7, 9, 7, 8, 9, 7, 7, 9, 8, 9, 14],
    nextYearGrowth: 0.2,
    holidays: ['2027-01-01', '2027-05-31', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24'],
  };
  const marketing = input.sources[0];
  marketing.channels ??= [
    { id: 'content', name: 'Content', share: 0.4, costPerLead: 120 },
    { id: 'events', name: 'Events', share: 0.35, costPerLead: 260, conversionRates: { lead: 0.3 } },
    { id: 'sem', name: 'SEM', share: 0.25, costPerLead: 180 },
  ];
  marketing.stageDays ??= { lead: 10, mql: 14, sql: 21, opportunity: 60 };
  input.sources[1].stageDays ??= { sql: 21, opportunity: 75 };
  return input;
}

/** 6 sources × 5 channels × 6 stages, every source with stage days (lags of one to four months). */
export function sixByFiveInput(): Input {
  const base = timedDefaultInput();
  return {
    name: '6 sources × 5 channels',
    revenueTarget: 48_000_000,
    stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
    timing: base.timing,
    sources: Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      kind: i < 3 ? 'marketing' : 'sales',
      share: i < 5 ? 0.16 : 0.2,
      avgDealSize: 20_476.19,
      conversionRates: { lead: 0.23, mql: 0.41, bql: 0.57, sql: 0.5, opportunity: 0.27 },
      stageDays: { lead: 7 + i, mql: 9, bql: 12 + 3 * i, sql: 18, opportunity: 40 + 8 * i },
      channels: Array.from({ length: 5 }, (_, c) => ({
        id: `s${i}c${c}`,
        share: c < 4 ? 0.15 : 0.4,
        costPerLead: 90 + 25 * c,
        ...(c === 2 ? { conversionRates: { lead: 0.27 } } : {}),
      })),
    })),
  };
}

function fullPlan(input: unknown): number {
  const checked = validatePlan(input, TODAY);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel);
  if (!timeline) throw new Error('no fiscal year');
  return timeline.teams.length;
}

export function timelineBench(): { name: string; timing: Timing }[] {
  const def = timedDefaultInput();
  const six = sixByFiveInput();
  return [
    { name: 'full plan with months, channels and teams, default', timing: measure(() => fullPlan(def)) },
    { name: 'the same, 6 sources × 5 channels × 6 stages', timing: measure(() => fullPlan(six), 1000, 100) },
  ];
}
