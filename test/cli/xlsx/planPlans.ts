/** Plans every workbook test writes: the default, float traps, a bql stage, a source entering at sql… */
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import type { PlanInput } from '../../../src/core/planInput';
import { customRolesPlan, rolesInYenPlan } from '../../workbook/headcountPlans';

/** The template with each source in one piece: a source split into channels is written as values, this one as live formulas throughout. */
function withoutChannels(input: PlanInput): PlanInput {
  input.sources.forEach((s) => delete s.channels);
  return input;
}

export const WORKBOOK_PLANS: Record<string, PlanInput> = {
  default: defaultPlanInput(),
  defaultWithoutChannels: withoutChannels(defaultPlanInput()),
  // Quotients a hair above a whole number (15000.00000000015, 1000.0000000002): the engine
  // and the live formulas must round them alike (reverseFunnel.ts ceilAsSheets, formulas.ts).
  toleranceBand: {
    name: 'Tolerance band',
    revenueTarget: 10_000_000,
    stages: ['opportunity', 'won'],
    sources: [
      { id: 'a', kind: 'marketing', share: 0.5, avgDealSize: 1_000, entryStage: 'opportunity', conversionRates: { opportunity: 0.33333333333333 } },
      { id: 'b', kind: 'sales', share: 0.5, avgDealSize: 4_999.999999999, entryStage: 'opportunity', conversionRates: { opportunity: 1 } },
    ],
  },
  floatTraps: {
    name: 'Float traps',
    revenueTarget: 4_300_000,
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0.5, avgDealSize: 20_476.19, conversionRates: { lead: 0.23, mql: 0.41, sql: 0.57, opportunity: 0.57 } },
      { id: 'partner', kind: 'partner', share: 0.5, avgDealSize: 37_719.3, entryStage: 'opportunity', conversionRates: { opportunity: 0.57 } },
    ],
  },
  bql: {
    revenueTarget: '1.2亿',
    currency: 'CNY',
    stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
    sources: [
      { id: 'marketing', name: '市场来源', share: '35%', avgDealSize: 80_000, conversionRates: { lead: 0.3, mql: 0.45, bql: 0.6, sql: 0.55, opportunity: 0.3 } },
      { id: 'sdr', name: 'SDR outbound', kind: 'sales', share: '40%', avgDealSize: 120_000, entryStage: 'bql', conversionRates: { bql: 0.5, sql: 0.5, opportunity: 0.25 } },
      { id: 'partner', name: 'Partners', kind: 'partner', share: '25%', avgDealSize: 150_000, entryStage: 'sql', conversionRates: { sql: 0.6, opportunity: 0.35 } },
    ],
  },
  enterAtSqlAndZeroShare: {
    revenueTarget: 2_500_000,
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0, avgDealSize: 10_000, conversionRates: { lead: 0.2, mql: 0.3, sql: 0.4, opportunity: 0.3 } },
      { id: 'outbound', kind: 'sales', share: 1, avgDealSize: 12_500, entryStage: 'sql', conversionRates: { sql: 0.33, opportunity: 0.21 } },
    ],
  },
  largeCounts: {
    // 27,339,164 / 0.115539 = 236,622,820.0000087: a relative 1e-12 snap would say 236,622,820.
    revenueTarget: 27_339_164,
    sources: [{ id: 'web', kind: 'Marketing', share: 1, avgDealSize: 1, entryStage: 'opportunity', conversionRates: { opportunity: 0.115539 } }],
  },
  selfServe: {
    revenueTarget: 900_000,
    currency: 'EUR',
    stages: ['visit', 'signup', 'trial', 'paid'],
    handoffStage: 'trial',
    sources: [{ id: 'web', kind: 'marketing', share: 1, avgDealSize: 3000, conversionRates: { visit: 0.1, signup: 0.3, trial: 0.25 } }],
  },
  // Timing with a Q4-heavy seasonality, growth and holidays; stage days push work into carry-in months.
  timedWithLag: {
    name: 'Timed, with lag',
    revenueTarget: 6_100_000,
    timing: { fiscalYearStart: '2027-04', seasonality: [1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3], nextYearGrowth: 0.25, holidays: ['2027-04-02', '2027-12-27'] },
    sources: [
      {
        id: 'marketing',
        kind: 'marketing',
        share: 0.45,
        avgDealSize: 23_000,
        stageDays: { lead: 21, mql: 10, sql: 14, opportunity: 60 },
        conversionRates: { lead: 0.23, mql: 0.41, sql: 0.57, opportunity: 0.3 },
      },
      { id: 'outbound', kind: 'sales', share: 0.55, avgDealSize: 31_000, entryStage: 'sql', stageDays: { sql: 14, opportunity: 45 }, conversionRates: { sql: 0.4, opportunity: 0.3 } },
    ],
  },
  // Marketing split into the seed's trident, with costs per lead, one channel with its own deal size, one with its source's
  // deal size given explicitly, two with their own rates; stage days and timing.
  channelsWithTiming: {
    name: 'Channels, stage days and timing',
    revenueTarget: 7_300_000,
    timing: { fiscalYearStart: '2027-01', nextYearGrowth: 0.2, seasonality: [1, 1, 1.5, 1, 1, 1.5, 1, 1, 1.5, 1, 1.5, 2], holidays: ['2027-01-01', '2027-12-24'] },
    sources: [
      {
        id: 'marketing',
        name: 'Marketing-sourced',
        kind: 'marketing',
        share: 0.4,
        avgDealSize: 25_000,
        stageDays: { lead: 21, mql: 10, sql: 14, opportunity: 60 },
        conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 },
        channels: [
          { id: 'content', name: 'Content', share: 0.5, costPerLead: 120, avgDealSize: 25_000 },
          { id: 'events', name: 'Events', share: 0.3, costPerLead: 250, avgDealSize: 40_000, conversionRates: { lead: 0.3 } },
          { id: 'sem', name: 'SEM', share: 0.2, costPerLead: 200.5, conversionRates: { mql: '45%', opportunity: 0.2 } },
        ],
      },
      { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', stageDays: { sql: 14, opportunity: 60 }, conversionRates: { sql: 0.4, opportunity: 0.3 } },
    ],
  },
  // Lag distributions as plan --rates-from and Derive rates from History put them (counts), and typed as shares; stage days with a half day.
  historyLags: {
    name: 'Lags from history',
    revenueTarget: 2_400_000,
    stages: ['sql', 'opportunity', 'won'],
    timing: { fiscalYearStart: '2027-01' },
    sources: [
      {
        id: 'web',
        name: 'Web',
        kind: 'marketing',
        share: 0.5,
        avgDealSize: 100_000,
        entryStage: 'sql',
        conversionRates: { sql: 0.8, opportunity: 0.5 },
        stageDays: { sql: 4, opportunity: 10.5 },
        lag: { sql: [1, 2, 3, 4], opportunity: [10, 0, 0, 1] },
      },
      { id: 'partner', kind: 'partner', share: 0.5, avgDealSize: 50_000, entryStage: 'sql', conversionRates: { sql: 0.5, opportunity: 0.4 }, lag: { sql: ['0.25', '0.75'] } },
    ],
  },
  // Roles of its own (test/workbook/headcountPlans.ts): the Roles list and the Headcount sheet beyond the defaults.
  customRoles: customRolesPlan(),
  rolesInYen: rolesInYenPlan(),
};
