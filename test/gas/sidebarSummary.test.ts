// What the sidebar is told about a plan's months: marketing's SQLs by month and the channels' budgets, worked by hand for a small plan.
import { defaultPlanInput } from '../../src/core/defaultPlan';
import type { PlanInput } from '../../src/core/planInput';
import { generateFromSidebarInput } from '../../src/gas/generatePlan';
import { previewResponse } from '../../src/gas/planResponse';
import type { SidebarSummary } from '../../src/gas/sidebarContract';
import { sidebarState } from '../../src/gas/sidebarState';
import { fakeContext } from './fakes/gasFakes';
import { fullPlan, smallPlan } from './sidebarPlans';

function summaryOf(input: PlanInput, today?: string): SidebarSummary {
  const response = previewResponse(input, 'en', today);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return response.summary;
}

/** The small plan with its fiscal year from April and 61 days from SQL to won (30 + 31): two months of lag. */
function aprilPlan(): PlanInput {
  const input = smallPlan();
  input.timing = { fiscalYearStart: '2027-04', nextYearGrowth: 0.5 };
  input.sources[0].stageDays = { lead: 0, sql: 30, opportunity: 31 };
  return input;
}

describe('sidebar summary: the plan over the year', () => {
  it('marketing\'s SQLs by month: this year\'s 240 two months before their wins, then next year\'s', () => {
    // This year: 60 won, 5 a month (Apr 2027–Mar 2028); their 240 SQLs come 61 days ≈ 2 months
    // earlier, 20 a month from Feb 2027 (carry-in) to Jan 2028. Next year (+50%): 90 won,
    // 8 a month for six months then 7; its 360 SQLs are 4 per won deal, so Feb and Mar 2028
    // (two months before next year's first wins, in Apr and May 2028) get 32 each.
    const months = summaryOf(aprilPlan()).months!;
    expect(months.months.map((m) => `${m.label}${m.carryIn ? '*' : ''}`)).toEqual([
      'Feb 2027*', 'Mar 2027*', 'Apr 2027', 'May 2027', 'Jun 2027', 'Jul 2027', 'Aug 2027',
      'Sep 2027', 'Oct 2027', 'Nov 2027', 'Dec 2027', 'Jan 2028', 'Feb 2028', 'Mar 2028',
    ]);
    expect(months.marketing).toEqual({
      stage: 'sql',
      label: 'SQLs',
      values: [20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 32, 32],
      quarters: [60, 60, 60, 20 + 32 + 32],
      fiscalYear: 10 * 20 + 2 * 32,
    });
    expect(months.channels).toEqual([]);
    expect(months.marketingBudget).toBeNull();
  });

  it('channels: each reverse-funnelled on its own, its budget its FY leads × cost per lead', () => {
    // Each channel: 30 won (3 a month for six months, then 2), 120 SQLs, 240 leads — 8 per won
    // deal: 24 a month for Feb–Jul 2027, 16 for Aug 2027–Jan 2028. Next year 45 won (4 a month
    // for nine months, then 3), 360 leads, 8 per deal: 32 in Feb and in Mar 2028.
    // FY leads: 4 × 24 + 6 × 16 + 2 × 32 = 256 → Content 256 × 50, Events 256 × 100.
    const input = aprilPlan();
    input.sources[0].channels = [
      { id: 'content', name: 'Content', share: '50%', costPerLead: 50 },
      { id: 'events', name: 'Events', share: '50%', costPerLead: '100' },
    ];
    const months = summaryOf(input).months!;
    expect(months.channels).toEqual([
      { id: 'content', name: 'Content', source: 'Marketing', budget: 12_800 },
      { id: 'events', name: 'Events', source: 'Marketing', budget: 25_600 },
    ]);
    expect(months.marketingBudget).toBe(38_400);
    // SQLs are the channels' sums: 12 + 12 a month, then 8 + 8, then next year's 16 + 16.
    expect(months.marketing?.values).toEqual([24, 24, 24, 24, 24, 24, 16, 16, 16, 16, 16, 16, 32, 32]);
    expect(months.marketing?.quarters).toEqual([72, 56, 48, 80]);
  });

  it('a channel without a cost per lead has no budget; in Chinese the months read 2027年4月', () => {
    const input = aprilPlan();
    input.sources[0].channels = [{ id: 'content', share: 1 }];
    const response = previewResponse(input, 'zh-CN');
    if (!response.ok) throw new Error(JSON.stringify(response));
    expect(response.summary.months?.channels).toEqual([{ id: 'content', name: 'content', source: 'Marketing', budget: null }]);
    expect(response.summary.months?.marketingBudget).toBeNull();
    expect(response.summary.months?.months[2].label).toBe('2027年4月');
    expect(response.summary.months?.marketing?.label).toBe('销售认可线索 (SQL)');
  });

  it('no months without a fiscal year; with today, the year Generate would plan', () => {
    const input = defaultPlanInput();
    delete input.timing;
    // Without stage days there are no carry-in months, so the first month shown is the fiscal year's first.
    for (const source of input.sources) delete source.stageDays;
    expect(summaryOf(input).months).toBeNull();
    expect(summaryOf(input, '2026-11-23').months?.months[0].label).toBe('Jan 2027');
    expect(summaryOf(input, '2026-05-02').months?.months[0].label).toBe('Jan 2026');
  });

  it('no marketing months without a marketing-sourced source', () => {
    const input = smallPlan();
    input.sources[0].kind = 'partner';
    expect(summaryOf(input).months?.marketing).toBeNull();
  });
});

describe('sidebar state after Generate: the form gets back what the sidebar sent', () => {
  it('timing, stage days and channels survive the Inputs sheet, and plan the same', () => {
    const { ctx } = fakeContext();
    const sent = fullPlan();
    // The sheet holds no channel rate overrides (they live in the plan JSON), so this plan has none.
    delete sent.sources[0].channels![1].conversionRates;
    const generated = generateFromSidebarInput(ctx, sent, null);
    if (!generated.ok) throw new Error(JSON.stringify(generated));
    const state = sidebarState(ctx);
    expect(state.source).toBe('inputs-sheet');
    const input = state.input;
    expect(input.timing).toMatchObject({ fiscalYearStart: '2027-04', nextYearGrowth: 0.1, holidays: ['2027-05-01', '2027-12-25'] });
    expect(input.timing?.seasonality).toEqual([1, 1, 1.5, 1, 1, 1.5, 1, 1, 1.5, 1, 1, 2]);
    expect(input.sources[0].stageDays).toEqual({ lead: 7, mql: 10, sql: 14.5, opportunity: 45 });
    expect(input.sources[0].channels).toEqual([
      expect.objectContaining({ id: 'content', name: 'Content', share: 0.6, costPerLead: 120 }),
      expect.objectContaining({ id: 'events', name: 'Events', share: 0.4, costPerLead: 250, avgDealSize: 40_000 }),
    ]);
    expect(previewResponse(input, 'en')).toEqual({ ...generated, sheets: [], backups: [] });
  });
});
