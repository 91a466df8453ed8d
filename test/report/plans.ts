/** Plans the report tests render: the default template and the odd shapes a user may write. */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { FunnelPlan } from '../../src/core/funnelPlan';
import { plan } from '../../src/core/plan';
import type { PlanInput } from '../../src/core/planInput';
import { PlanTimeline, planTimeline } from '../../src/core/time/planTimeline';
import { validatePlan } from '../../src/core/validatePlan';

export const XSS = '<img src=x onerror=alert(1)>';

export function funnelOf(input: PlanInput): FunnelPlan {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.funnel;
}

export const defaultFunnel = (): FunnelPlan => funnelOf(defaultPlanInput());

/** The default plan with hostile text wherever a user can type it. */
export function hostileFunnel(): FunnelPlan {
  const input = defaultPlanInput();
  input.name = `Q1 "plan" & <b>bold</b> 'quoted'`;
  input.currency = '<US$>';
  input.sources[0].name = XSS;
  return funnelOf(input);
}

/** Seed 002's funnel with a BQL stage between MQL and SQL. */
export const bqlFunnel = (): FunnelPlan =>
  funnelOf({
    name: 'BQL plan',
    revenueTarget: 5_000_000,
    stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0.5, avgDealSize: 20_000, conversionRates: { lead: 0.3, mql: 0.5, bql: 0.6, sql: 0.4, opportunity: 0.3 } },
      { id: 'partner', name: 'Partners', kind: 'partner', share: 0.5, avgDealSize: 50_000, entryStage: 'bql', conversionRates: { bql: 0.5, sql: 0.5, opportunity: 0.4 } },
    ],
  });

/** A self-serve funnel: custom stage ids, one source, no SQL stage and so no marketing headline. */
export const selfServeFunnel = (): FunnelPlan =>
  funnelOf({
    revenueTarget: 1_200_000,
    currency: 'EUR',
    stages: ['visit', 'signup', 'trial', 'paid'],
    sources: [{ id: 'web', name: 'Website', share: 1, avgDealSize: 1_200, conversionRates: { visit: 0.05, signup: 0.4, trial: 0.2 } }],
  });

/** A source planned at 0% of the target: every count is 0. */
export const shareZeroFunnel = (): FunnelPlan => {
  const input = defaultPlanInput();
  input.sources[1].share = 0.6;
  input.sources.push({ id: 'events', name: 'Events (not this year)', kind: 'marketing', share: 0, avgDealSize: 40_000, entryStage: 'mql', conversionRates: { mql: 0.3, sql: 0.5, opportunity: 0.25 } });
  return funnelOf(input);
};

/** Eight sources, the most the legend and tables are laid out for. */
export const eightSourceFunnel = (): FunnelPlan =>
  funnelOf({
    name: 'Eight sources',
    revenueTarget: 8_000_000,
    sources: Array.from({ length: 8 }, (_, i) => ({
      id: `s${i + 1}`,
      name: `Source number ${i + 1}`,
      kind: i < 3 ? 'marketing' : 'sales',
      share: 0.125,
      avgDealSize: 10_000 * (i + 1),
      entryStage: ['lead', 'mql', 'sql', 'opportunity'][i % 4],
      conversionRates: { lead: 0.2, mql: 0.4, sql: 0.5, opportunity: 0.3 },
    })),
  });

/** The seed plan with FY 2027, marketing in two channels with costs per lead, outbound with stage days (a two-month lag). */
export const timedSeedInput = (): PlanInput =>
  ({
    name: 'FY 2027 plan',
    revenueTarget: 10_000_000,
    timing: { fiscalYearStart: '2027-01' },
    sources: [
      {
        id: 'marketing',
        name: 'Marketing-sourced',
        kind: 'marketing',
        share: 0.4,
        avgDealSize: 25_000,
        conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 },
        channels: [
          { id: 'content', name: 'Content', share: 0.5, costPerLead: 120 },
          { id: 'events', name: 'Events', share: 0.5, costPerLead: 250 },
        ],
      },
      { id: 'outbound', name: 'Sales-sourced (outbound)', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 }, stageDays: { sql: 14, opportunity: 45 } },
    ],
  }) as PlanInput;

/** A plan's funnel and its timeline, as `plan --report` computes them. */
export function timedReport(input: PlanInput): { funnel: FunnelPlan; timeline: PlanTimeline } {
  const checked = validatePlan(input, { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel);
  if (!timeline) throw new Error('no fiscal year');
  return { funnel: checked.funnel, timeline };
}

/** Six sources × five channels with stage days (lags up to four months): the widest plan over the year. */
export const sixByFiveInput = (): PlanInput =>
  ({
    name: 'Six sources × five channels',
    revenueTarget: 48_000_000,
    stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
    timing: { fiscalYearStart: '2027-04', nextYearGrowth: 0.2, seasonality: [6, 7, 9, 7, 8, 9, 7, 7, 9, 8, 9, 14] },
    sources: Array.from({ length: 6 }, (_, i) => ({
      id: `s${i}`,
      name: `Source number ${i + 1}`,
      kind: i < 3 ? 'marketing' : 'sales',
      share: i < 5 ? 0.16 : 0.2,
      avgDealSize: 20_000,
      conversionRates: { lead: 0.23, mql: 0.41, bql: 0.57, sql: 0.5, opportunity: 0.27 },
      stageDays: { lead: 7 + i, mql: 9, bql: 12 + 3 * i, sql: 18, opportunity: 40 + 8 * i },
      channels: Array.from({ length: 5 }, (_, c) => ({ id: `s${i}c${c}`, name: `Channel ${i + 1}.${c + 1}`, share: c < 4 ? 0.15 : 0.4, costPerLead: 90 + 25 * c })),
    })),
  }) as PlanInput;
