/** Default teams from the funnel's shape, and their numbers by month from the phased plan. */
import { fraction } from '../../../src/core/fraction';
import { defaultTeams } from '../../../src/core/teams/teamSpec';
import { teamTargets } from '../../../src/core/teams/teamTargets';
import { EVEN_SEASONALITY } from '../../../src/core/time/phasing';
import { phasePlan } from '../../../src/core/time/planMonths';

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];
const f = (n: number) => fraction(BigInt(n));

describe('defaultTeams', () => {
  test('the seed funnel: marketing, SDR, AE and CSM, each on its stretch', () => {
    const teams = defaultTeams(STAGES, 'sql', ['marketing'], ['marketing', 'outbound']);
    expect(teams.map((t) => [t.id, t.works.stage, t.delivers.stage, t.headline?.stage])).toEqual([
      ['marketing', 'lead', 'mql', 'sql'],
      ['sdr', 'mql', 'sql', undefined],
      ['ae', 'opportunity', 'won', undefined],
      ['csm', 'won', 'won', undefined],
    ]);
    expect(teams[0].works.sources).toEqual(['marketing']);
    expect(teams[1].works.sources).toEqual(['marketing', 'outbound']);
  });

  test('with a BQL stage the SDR team works BQLs and delivers SQLs', () => {
    const teams = defaultTeams(['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'], 'sql', ['m'], ['m']);
    expect(teams.find((t) => t.id === 'sdr')).toMatchObject({ works: { stage: 'bql' }, delivers: { stage: 'sql' } });
  });

  test('a two-stage funnel without marketing sources: AE and CSM only', () => {
    expect(defaultTeams(['sql', 'won'], 'sql', [], ['outbound']).map((t) => t.id)).toEqual(['ae', 'csm']);
  });
});

describe('teamTargets', () => {
  // The seed plan: marketing 12,800 leads → 3,200 MQLs → 1,280 SQLs → 640 opps → 160 won;
  // outbound enters at SQL: 1,668 SQLs → 667 opps → 200 won. No lag, even year, no growth.
  const months = phasePlan(
    STAGES,
    [
      { id: 'marketing', counts: { lead: 12_800, mql: 3_200, sql: 1_280, opportunity: 640, won: 160 }, nextYearCounts: { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 }, lags: {} },
      { id: 'outbound', counts: { lead: 0, mql: 0, sql: 1_668, opportunity: 667, won: 200 }, nextYearCounts: { lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 }, lags: {} },
    ],
    { start: { year: 2027, month: 1 }, seasonality: EVEN_SEASONALITY },
  );
  const targets = teamTargets(defaultTeams(STAGES, 'sql', ['marketing'], ['marketing', 'outbound']), months);
  const team = (id: string) => targets.find((t) => t.id === id)!;

  test('annual numbers are the funnel\'s: SDRs deliver 1,280 + 1,668 = 2,948 SQLs', () => {
    expect(team('marketing').works.fiscalYear).toBe(12_800);
    expect(team('marketing').delivers.fiscalYear).toBe(3_200);
    expect(team('marketing').headline?.fiscalYear).toBe(1_280);
    expect(team('sdr').works.fiscalYear).toBe(3_200);
    expect(team('sdr').delivers.fiscalYear).toBe(2_948);
    expect(team('ae').works.fiscalYear).toBe(1_307);
    expect(team('ae').delivers.fiscalYear).toBe(360);
    expect(team('csm').works.fiscalYear).toBe(360);
  });

  test('by month and quarter: each source is split on its own, then added', () => {
    // Marketing's 160: 14 in months 0–3, then 13. Outbound's 200: 17 in months 0–7, then 16.
    expect(team('ae').delivers.months.values).toEqual([31, 31, 31, 31, 30, 30, 30, 30, 29, 29, 29, 29]);
    expect(team('ae').delivers.quarters).toEqual([93, 91, 89, 87]);
  });

  test('next year\'s pipeline inside this FY is part of a team\'s work', () => {
    const withNext = phasePlan(
      ['sql', 'won'],
      [{ id: 'o', counts: { sql: 24, won: 12 }, nextYearCounts: { sql: 24, won: 12 }, lags: { sql: [f(0), f(0), f(1)] } }],
      { start: { year: 2027, month: 1 }, seasonality: EVEN_SEASONALITY },
    );
    const [ae] = teamTargets([{ id: 'ae', works: { stage: 'sql', sources: ['o'] }, delivers: { stage: 'won', sources: ['o'] } }], withNext);
    // This year's 24 SQLs over months −2…9 (2 each), next year's first two months' SQLs in months 10 and 11.
    expect(ae.works.months.first).toBe(-2);
    expect(ae.works.months.values).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(ae.works.fiscalYear).toBe(24);
    expect(ae.works.total).toBe(28);
  });
});
