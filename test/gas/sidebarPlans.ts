/**
 * Plans the sidebar tests drive, written out here so they do not depend on the default
 * template's content. SMALL_PLAN is small enough to work by hand (see the tests that use it).
 */
import type { PlanInput } from '../../src/core/planInput';

/**
 * 1,200,000 target, half marketing, half outbound, 10,000 a deal, every rate 50%: marketing
 * 60 won → 120 opportunities → 240 SQLs → 480 leads; outbound enters at SQL. Next year grows
 * 50% (marketing 90 won, 360 SQLs, 720 leads).
 */
export function smallPlan(): PlanInput {
  return {
    name: 'Small plan',
    revenueTarget: 1_200_000,
    currency: 'USD',
    stages: ['lead', 'sql', 'opportunity', 'won'],
    sources: [
      {
        id: 'marketing',
        name: 'Marketing',
        kind: 'marketing',
        share: 0.5,
        avgDealSize: 10_000,
        entryStage: 'lead',
        conversionRates: { lead: 0.5, sql: 0.5, opportunity: 0.5 },
        stageDays: { lead: 0, sql: 30, opportunity: 0 },
      },
      { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.5, avgDealSize: 10_000, entryStage: 'sql', conversionRates: { sql: 0.5, opportunity: 0.5 } },
    ],
    timing: { fiscalYearStart: '2027-01', nextYearGrowth: 0.5 },
  };
}

/**
 * Every field the timing, stage-days and channels parts of the form show, in every shape a
 * plan may hold them (numbers, typed text, a stage day above the entry stage), and fields
 * the form does not show (open pipeline, a channel's own rates and deal size, history); rate
 * ranges as text and as numbers, a deal-size spread as a number and as text.
 */
export function fullPlan(): PlanInput {
  return {
    name: 'Full plan',
    revenueTarget: 10_000_000,
    currency: 'EUR',
    stages: ['lead', 'mql', 'sql', 'opportunity', 'won'],
    handoffStage: 'sql',
    sources: [
      {
        id: 'marketing',
        name: 'Marketing-sourced',
        kind: 'marketing',
        share: 0.4,
        avgDealSize: 25_000,
        entryStage: 'lead',
        conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 },
        stageDays: { lead: 7, mql: '10', sql: 14.5, opportunity: 45 },
        conversionRanges: { mql: ['30%', '50%'], sql: [0.4, 0.6] },
        dealSizeCv: 0.6,
        channels: [
          { id: 'content', name: 'Content', share: 0.6, costPerLead: 120 },
          { id: 'events', name: 'Events', share: '40%', costPerLead: '250', avgDealSize: 40_000, conversionRates: { lead: 0.3 } },
        ],
      },
      {
        id: 'outbound',
        name: 'Outbound',
        kind: 'sales',
        share: 0.6,
        avgDealSize: 30_000,
        entryStage: 'sql',
        conversionRates: { sql: 0.4, opportunity: 0.3 },
        dealSizeCv: '40%',
        stageDays: { lead: 5, sql: 20, opportunity: 60 },
      },
    ],
    timing: {
      fiscalYearStart: '2027-04',
      seasonality: [1, 1, 1.5, 1, 1, 1.5, 1, 1, 1.5, 1, 1, '2'],
      nextYearGrowth: '10%',
      holidays: ['2027-05-01', '2027-12-25'],
      openPipeline: { sql: 10 },
    },
    history: { sourceMap: { Web: 'marketing' } },
  };
}
