/** Bad timing, stage days and channels are named by field, with the value and what was expected. */
import { formatFieldError } from '../../../src/core/fieldError';
import { validatePlan } from '../../../src/core/validatePlan';

const seed = () => ({
  revenueTarget: 10_000_000,
  sources: [
    { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } } as Record<string, unknown>,
    { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } } as Record<string, unknown>,
  ],
});

function messages(edit: (p: ReturnType<typeof seed> & Record<string, unknown>) => void, lang: 'en' | 'zh-CN' = 'en'): string[] {
  const p = seed() as ReturnType<typeof seed> & Record<string, unknown>;
  edit(p);
  const r = validatePlan(p, { today: '2026-12-01' });
  return r.ok ? [] : r.errors.map((e) => formatFieldError(e, lang));
}

describe('timing, stage days and channels in a plan', () => {
  test.each<[string, (p: ReturnType<typeof seed> & Record<string, unknown>) => void, string]>([
    ['a fiscal year start that is no month', (p) => (p.timing = { fiscalYearStart: '2027-13' }), 'timing.fiscalYearStart: expected a month as "YYYY-MM" (e.g. "2027-04"), got "2027-13"'],
    ['eleven weights', (p) => (p.timing = { seasonality: Array(11).fill(1) }), 'timing.seasonality: expected 12 weights, one per fiscal-year month (or "even"), got a list of 11'],
    ['all weights 0', (p) => (p.timing = { seasonality: Array(12).fill(0) }), 'timing.seasonality: expected at least one month with a weight above 0'],
    ['a negative weight', (p) => (p.timing = { seasonality: [...Array(11).fill(1), -1] }), 'timing.seasonality[11]:'],
    ['"history" without an export', (p) => (p.timing = { seasonality: 'history' }), 'timing.seasonality: "history" takes the seasonality from a CRM export'],
    ['growth of -100%', (p) => (p.timing = { nextYearGrowth: '-100%' }), 'timing.nextYearGrowth: expected a growth above -100%'],
    ['a holiday that does not exist', (p) => (p.timing = { holidays: ['2027-02-30'] }), 'timing.holidays[0]: expected a date as "YYYY-MM-DD" (e.g. "2027-01-01"), got "2027-02-30"'],
    ['open pipeline at a stage the plan lacks', (p) => (p.timing = { openPipeline: { demo: 5 } }), 'timing.openPipeline.demo: expected one of the plan\'s stages'],
    ['a typo in timing', (p) => (p.timing = { fiscalYearstart: '2027-01' }), 'timing.fiscalYearstart: is not a field here; did you mean fiscalYearStart?'],
    ['stage days for won', (p) => (p.sources[0].stageDays = { won: 3 }), 'sources[0].stageDays.won:'],
    ['negative stage days', (p) => (p.sources[0].stageDays = { lead: -2 }), 'sources[0].stageDays.lead:'],
    ['a lag for won', (p) => (p.sources[0].lag = { won: [1] }), 'sources[0].lag.won: "won" is not a stage that converts to a next one'],
    ['a lag that is no list', (p) => (p.sources[0].lag = { sql: 3 }), 'sources[0].lag.sql: expected a list, got 3'],
    ['a lag of zeros', (p) => (p.sources[0].lag = { sql: [0, 0] }), 'sources[0].lag.sql: expected at least one month with a weight above 0'],
    ['a negative lag weight', (p) => (p.sources[0].lag = { sql: [1, -1] }), 'sources[0].lag.sql[1]: expected a number of 0 or more, got -1'],
    ['a lag over 61 months', (p) => (p.sources[0].lag = { sql: Array(62).fill(1) }), 'sources[0].lag.sql: expected at most 61 monthly weights (months 0 to 60 after the stage)'],
    ['channel shares off', (p) => (p.sources[0].channels = [{ id: 'content', share: 0.5 }, { id: 'events', share: 0.3 }]), "sources[0].channels: the shares of a source's channels must add up to 1 (100%), but they add up to 0.8"],
    ['a channel id used twice', (p) => (p.sources[0].channels = [{ id: 'content', share: 0.5 }, { id: 'content', share: 0.5 }]), 'sources[0].channels[1].id: channel id "content" is already used by another channel'],
    ['a channel rate for a stage above the entry', (p) => (p.sources[1].channels = [{ id: 'calls', share: 1, conversionRates: { lead: 0.3 } }]), 'sources[1].channels[0].conversionRates.lead:'],
    ['a typo in a channel', (p) => (p.sources[0].channels = [{ id: 'content', share: 1, costperlead: 120 }]), 'sources[0].channels[0].costperlead: is not a field here; did you mean costPerLead?'],
  ])('%s', (_name, edit, expected) => {
    expect(messages(edit).join('\n')).toContain(expected);
  });

  test('in Chinese too', () => {
    expect(messages((p) => (p.timing = { fiscalYearStart: 'April' }), 'zh-CN').join('\n')).toContain('应为 "YYYY-MM" 格式的月份');
  });

  test('"even" and a full valid timing are accepted', () => {
    expect(messages((p) => (p.timing = { fiscalYearStart: '2027-04', seasonality: 'even', nextYearGrowth: '20%', holidays: ['2027-05-01'], openPipeline: { sql: 120 } }))).toEqual([]);
  });
});
