// What the sidebar is told about the hiring plan (gas/sidebarSummary.ts), worked by hand for the 3-role plan of test/report/hiringPlans.ts.
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { DEFAULT_ROLE_IDS } from '../../src/core/headcount/defaultRoles';
import type { PlanInput } from '../../src/core/planInput';
import { generateFromSidebarInput } from '../../src/gas/generatePlan';
import { previewResponse } from '../../src/gas/planResponse';
import type { SidebarHiring } from '../../src/gas/sidebarContract';
import { hiringInput } from '../report/hiringPlans';
import { fakeContext } from './fakes/gasFakes';

function hiringOf(input: PlanInput, lang: 'en' | 'zh-CN' | 'zh-TW' = 'en', today?: string): SidebarHiring | null {
  const response = previewResponse(input, lang, today);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return response.summary.hiring;
}

describe('sidebar summary: the hiring plan', () => {
  it('who to hire when, the FY cost, each role\'s hires, heads at FY end, cost and ramp-up gap', () => {
    // SDR: 4 FTE from Jan 2027, 1 at start, earliest start January (lead 3), first covered
    // February: 3 hires in January, January 1 + 1.5 = 2.5 of 4 (1.5 short). AE: 4 hires in Nov
    // 2026, ramped by January. Manager: 1 per 4 heads, heads 1, 5, 5, 8…: 1 hire in November.
    expect(hiringOf(hiringInput())).toEqual({
      sentence: 'Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.',
      costLine: 'Headcount cost for the fiscal year: USD 1,008,000; 10.0 heads at its end (expected, with attrition).',
      currency: 'USD',
      yearCost: 1_008_000,
      roles: [
        { id: 'sdr', name: 'SDR', hires: 3, headsAtFyEnd: 4, yearCost: 240_000, gap: [{ label: 'Jan 2027', fte: 1.5 }] },
        { id: 'ae', name: 'AE', hires: 4, headsAtFyEnd: 4, yearCost: 480_000, gap: [] },
        { id: 'salesManager', name: 'Sales manager', hires: 1, headsAtFyEnd: 2, yearCost: 288_000, gap: [] },
      ],
    });
  });

  it('moves with the input: a second SDR at start, 2 SDR hires, January 1.0 short', () => {
    const h = hiringOf(hiringInput('2'))!;
    expect(h.sentence).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 2 SDRs in Jan 2027.');
    expect(h.roles[0]).toEqual({ id: 'sdr', name: 'SDR', hires: 2, headsAtFyEnd: 4, yearCost: 240_000, gap: [{ label: 'Jan 2027', fte: 1 }] });
  });

  it('moves with a ramp typed in the sidebar: 20 %, 60 % leaves 3 SDRs in January, 2.4 short in January and 1.2 in February', () => {
    // Covered from March (earliest start January + 2 ramp months): 3 January hires are ramped by
    // then; January 1 + 3 × 0.2 = 1.6 of 4, February 1 + 3 × 0.6 = 2.8 of 4.
    const input = hiringInput();
    (input.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ['20%', '60%'];
    const h = hiringOf(input)!;
    expect(h.sentence).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Jan 2027.');
    expect(h.roles[0].hires).toBe(3);
    expect(h.roles[0].gap.map((g) => [g.label, Math.round(g.fte * 10) / 10])).toEqual([['Jan 2027', 2.4], ['Feb 2027', 1.2]]);
    // No ramp covers January itself; a one-month ramp at 100 % covers from February, so the hires start then.
    (input.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = [];
    expect(hiringOf(input)!.roles[0]).toMatchObject({ hires: 3, gap: [] });
    (input.headcount as { roles: Record<string, unknown>[] }).roles[0].ramp = ['100%'];
    expect(hiringOf(input)!.sentence).toBe('Hire 4 AEs in Nov 2026, 1 sales manager in Nov 2026, 3 SDRs in Feb 2027.');
    expect(hiringOf(input)!.roles[0].gap).toEqual([{ label: 'Jan 2027', fte: 3 }]);
  });

  it('moves with a plan start typed in the sidebar: from Dec 2026 the first hires are AEs and a manager in January, SDRs in March', () => {
    // SDR: earliest start Mar 2027 (lead 3), covered from April: 3 hires in March; AE: earliest
    // January, covered from March (ramp 0, 50 %): 4 in January; manager 1 per 4 heads (1, 5, 5, 8): 1 in January.
    // FY cost: SDR 42 × 5,000 + AE 48 × 10,000 + manager 24 × 12,000 = 978,000.
    const input = hiringInput();
    (input.headcount as Record<string, unknown>).planStart = '2026-12';
    const h = hiringOf(input)!;
    expect(h.sentence).toBe('Hire 4 AEs in Jan 2027, 1 sales manager in Jan 2027, 3 SDRs in Mar 2027.');
    expect(h.yearCost).toBe(978_000);
    expect(h.roles.map((r) => [r.id, r.hires, r.yearCost, r.gap])).toEqual([
      ['sdr', 3, 210_000, [{ label: 'Jan 2027', fte: 3 }, { label: 'Feb 2027', fte: 3 }, { label: 'Mar 2027', fte: 1.5 }]],
      ['ae', 4, 480_000, [{ label: 'Jan 2027', fte: 4 }, { label: 'Feb 2027', fte: 2 }]],
      ['salesManager', 1, 288_000, []],
    ]);
  });

  it('speaks zh-CN and zh-TW', () => {
    const cn = hiringOf(hiringInput(), 'zh-CN')!;
    expect(cn.sentence).toBe('招聘计划：2026年11月 招聘 4 名销售代表 (AE)；2026年11月 招聘 1 名销售经理；2027年1月 招聘 3 名销售开发代表 (SDR)。');
    expect(cn.costLine).toBe('财年人员成本：USD 1,008,000；财年末 10.0 人（含流失的期望值）。');
    expect(cn.roles[0]).toMatchObject({ name: '销售开发代表 (SDR)', gap: [{ label: '2027年1月', fte: 1.5 }] });
    const tw = hiringOf(hiringInput(), 'zh-TW')!;
    expect(tw.sentence).toBe('招聘計畫：2026年11月 招聘 4 名銷售代表 (AE)；2026年11月 招聘 1 名銷售經理；2027年1月 招聘 3 名銷售開發代表 (SDR)。');
    expect(tw.costLine).toContain('財年人員成本');
  });

  it('the default roles for a plan that lists none; listing every default id by itself plans the same', () => {
    // The template itself lists its roles with the staff they have now: without its headcount section, nobody is listed.
    const unlisted = defaultPlanInput();
    delete unlisted.headcount;
    const defaults = hiringOf(unlisted)!;
    expect(defaults.roles.map((r) => r.id)).toEqual([...DEFAULT_ROLE_IDS]);
    const listed = { ...unlisted, headcount: { roles: DEFAULT_ROLE_IDS.map((id) => ({ id })) } };
    expect(hiringOf(listed)).toEqual(defaults);
  });

  it('none without a fiscal year; Generate tells the same as Preview', () => {
    const input = defaultPlanInput();
    delete input.timing;
    expect(hiringOf(input)).toBeNull();
    const { ctx } = fakeContext();
    const generated = generateFromSidebarInput(ctx, hiringInput(), null);
    if (!generated.ok) throw new Error(JSON.stringify(generated));
    expect(generated.summary.hiring).toEqual(hiringOf(hiringInput()));
  });
});
