/** The plan over the year from a plan input: channels, lag from stage days, next year, budgets, teams. */
import { validatePlan } from '../../../src/core/validatePlan';
import { seriesTotal, window } from '../../../src/core/time/monthSeries';
import { planTimeline } from '../../../src/core/time/planTimeline';

function timelineOf(input: unknown, today = '2026-12-01') {
  const checked = validatePlan(input, { today });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const t = planTimeline(checked.plan, checked.funnel);
  if (!t) throw new Error('no timeline');
  return { t, funnel: checked.funnel };
}

const seed = {
  revenueTarget: 10_000_000,
  sources: [
    { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } },
    { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } },
  ],
};

describe('planTimeline', () => {
  test('no timing: from October on, the coming calendar year; even, no lag; months add up to the funnel', () => {
    const { t, funnel } = timelineOf(seed, '2026-12-01');
    expect(t.months).toEqual(['2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06', '2027-07', '2027-08', '2027-09', '2027-10', '2027-11', '2027-12']);
    expect(timelineOf(seed, '2026-09-30').t.months[0]).toBe('2026-01');
    expect(t.lagBasis).toEqual({ marketing: 'none', outbound: 'none' });
    // 1,280 SQLs follow 160 wins (14 × 4 then 13 × 8): 8 SQLs a deal → 112 × 4, 104 × 8.
    expect(t.bySource.marketing.sql.thisYear.values).toEqual([112, 112, 112, 112, 104, 104, 104, 104, 104, 104, 104, 104]);
    for (const stage of ['lead', 'mql', 'sql', 'opportunity', 'won']) expect(seriesTotal(t.total[stage].thisYear)).toBe(funnel.total.counts[stage]);
    // Steady state: next year's deals are this year's; with no lag none falls inside this FY.
    expect(seriesTotal(t.total.sql.nextYear)).toBe(0);
  });

  test('stage days: a two-month lag puts SQL work in last year\'s November and December', () => {
    const { t } = timelineOf({
      ...seed,
      timing: { fiscalYearStart: '2027-01' },
      sources: [seed.sources[0], { ...seed.sources[1], stageDays: { sql: 14, opportunity: 45 } }],
    });
    // outbound: opportunity → won 45 days = 1 month; SQL → won 59 days = 2 months (1.94).
    expect(t.lagBasis.outbound).toBe('stageDays');
    expect(t.first).toBe(-2);
    expect(t.months.slice(0, 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    const sql = t.bySource.outbound.sql;
    expect(seriesTotal(sql.thisYear)).toBe(1_668);
    // 200 wins: 17 in months 0–7, 16 in 8–11; SQLs two months earlier: months −2…9.
    expect(sql.thisYear.values[0]).toBeGreaterThan(0);
    expect(window(sql.thisYear, 10, 11).values).toEqual([0, 0]);
    // Next year's first two months of deals need SQLs in this November and December.
    expect(window(sql.nextYear, 10, 11).values.every((v) => v > 0)).toBe(true);
    expect(seriesTotal(window(sql.nextYear, 0, 9))).toBe(0);
  });

  test('a lag distribution (sources[].lag) spreads the SQLs over the months before the wins; it wins over the stage\'s days', () => {
    const web = { id: 'web', kind: 'sales', share: 1, avgDealSize: 100_000, entryStage: 'sql', conversionRates: { sql: 1, opportunity: 1 } };
    const plan = (source: Record<string, unknown>) => ({ revenueTarget: 1_200_000, stages: ['sql', 'opportunity', 'won'], sources: [{ ...web, ...source }], timing: { fiscalYearStart: '2027-01' } });
    // 12 wins, one a month; q(sql) = 1, 2, 3, 4 tenths at 0–3 months, as test/cli/planHistoryLag.test.ts works out by hand.
    const { t } = timelineOf(plan({ lag: { sql: [1, 2, 3, 4] }, stageDays: { sql: 200 } }));
    expect(t.lagBasis.web).toBe('history');
    expect(t.months[0]).toBe('2026-10');
    expect(t.bySource.web.sql.thisYear.values).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]);
    // Shares instead of counts: only the proportions count.
    expect(timelineOf(plan({ lag: { sql: ['10%', '20%', '30%', '40%'] } })).t.bySource.web.sql.thisYear.values).toEqual(t.bySource.web.sql.thisYear.values);
    // The opportunity stage has no lag of its own: its stage days give it (45 days → 1 month).
    const mixed = timelineOf(plan({ lag: { sql: [1, 2, 3, 4] }, stageDays: { opportunity: 45 } })).t;
    expect(mixed.bySource.web.opportunity.thisYear.values.slice(0, 4)).toEqual([0, 0, 1, 1]);
  });

  test('growth: next year\'s pipeline is worked on the grown target', () => {
    const { t } = timelineOf({ ...seed, timing: { fiscalYearStart: '2027-01', nextYearGrowth: '50%' }, sources: [seed.sources[0], { ...seed.sources[1], stageDays: { sql: 14, opportunity: 45 } }] });
    // 15,000,000 × 60% / 30,000 = 300 next-year wins for outbound.
    expect(t.nextYearCounts.outbound.won).toBe(300);
  });

  test('channels: each reverse-funnelled on its own, budgets by month, cost per stage', () => {
    const { t, funnel } = timelineOf({
      ...seed,
      timing: { fiscalYearStart: '2027-01' },
      sources: [
        {
          ...seed.sources[0],
          channels: [
            { id: 'content', share: 0.5, costPerLead: 120 },
            { id: 'events', share: 0.3, costPerLead: 250, conversionRates: { lead: 0.3 } },
            { id: 'sem', share: 0.2, costPerLead: 200 },
          ],
        },
        seed.sources[1],
      ],
    });
    const m = funnel.sources[0];
    // content: 2,000,000 / 25,000 = 80 won, 320 opp, 640 SQL, 1,600 MQL, 6,400 leads.
    // events: 1,200,000 → 48 won, 192, 384, 960 MQLs, / 0.3 = 3,200 leads.
    // sem: 800,000 → 32 won, 128, 256, 640 MQLs, 2,560 leads.
    expect(m.channels.map((c) => c.counts.lead)).toEqual([6_400, 3_200, 2_560]);
    expect(m.counts.lead).toBe(12_160);
    expect(m.counts.sql).toBe(1_280);
    const content = t.channels.find((c) => c.id === 'content')!;
    expect(content.budgetFiscalYear).toBe(6_400 * 120);
    expect(content.costPer?.won).toBe((6_400 * 120) / 80); // CAC 9,600
    expect(content.costPer?.sql).toBe(1_200);
    expect(seriesTotal(t.byChannel.events.lead.thisYear)).toBe(3_200);
    // Marketing's budget is its channels': 768,000 + 800,000 + 512,000.
    expect(seriesTotal(window(t.marketingBudget!, 0, 11))).toBe(2_080_000);
    const marketing = t.teams.find((x) => x.id === 'marketing')!;
    expect(marketing.works.fiscalYear).toBe(12_160);
    expect(marketing.headline?.fiscalYear).toBe(1_280);
  });

  test('budgets add up to the cent: cost per lead 0.07 and 12.34 over the months', () => {
    const { t, funnel } = timelineOf({
      ...seed,
      timing: { fiscalYearStart: '2027-01' },
      sources: [{ ...seed.sources[0], channels: [{ id: 'web', share: 0.5, costPerLead: '0.07' }, { id: 'events', share: 0.5, costPerLead: '12.34' }] }, seed.sources[1]],
    });
    const leads = funnel.sources[0].channels.map((c) => c.counts.lead); // 6,400 each
    const web = t.channels.find((c) => c.id === 'web')!;
    const events = t.channels.find((c) => c.id === 'events')!;
    expect(web.budgetFiscalYear).toBe(448); // 6,400 × 0.07
    expect(events.budgetFiscalYear).toBe(78_976); // 6,400 × 12.34
    expect(t.marketingBudgetFiscalYear).toBe(79_424);
    // Each month is the exact product too: 560 leads × 12.34 = 6,910.4, not 6,910.400000000001.
    for (const v of [...events.budget!.values, ...t.marketingBudget!.values]) expect(v).toBe(Number(v.toFixed(2)));
    expect(leads).toEqual([6_400, 6_400]);
  });

  test('working days per month, holidays out', () => {
    const { t } = timelineOf({ ...seed, timing: { fiscalYearStart: '2027-01', holidays: ['2027-01-01'] } });
    expect(t.workingDays.slice(0, 2)).toEqual([20, 20]);
  });

  test('open pipeline is compared with the carry-in the plan needs', () => {
    const { t } = timelineOf({
      ...seed,
      timing: { fiscalYearStart: '2027-01', openPipeline: { sql: 100 } },
      sources: [seed.sources[0], { ...seed.sources[1], stageDays: { sql: 14, opportunity: 45 } }],
    });
    const gap = t.openPipelineGaps.find((g) => g.stage === 'sql')!;
    expect(gap.open).toBe(100);
    expect(gap.needed).toBe(seriesTotal(window(t.total.sql.thisYear, -2, -1)));
    expect(gap.needed).toBeGreaterThan(100);
  });
});
