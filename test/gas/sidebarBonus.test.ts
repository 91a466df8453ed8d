// What the server sends the sidebar to pay the bonus pool in the page: the validated bonus, its KPIs, the heads at FY end, the target and the names — enough for core's payScenario to give the report's numbers.
import { payScenario } from '../../src/core/bonus/payScenario';
import { previewResponse } from '../../src/gas/planResponse';
import type { SidebarBonus } from '../../src/gas/sidebarContract';
import { bonusInput } from '../report/bonusPlans';
import { hiringInput } from '../report/hiringPlans';

function bonusOf(input: unknown, lang: 'en' | 'zh-CN' = 'en'): SidebarBonus | null {
  const response = previewResponse(input, lang, '2026-09-01');
  if (!response.ok) throw new Error(JSON.stringify(response));
  // google.script.run carries plain JSON only.
  return JSON.parse(JSON.stringify(response.summary.bonus)) as SidebarBonus | null;
}

describe('the sidebar summary\'s bonus pool', () => {
  it('carries the bonus with its context: heads at FY end, KPIs, target, currency digits, names', () => {
    const b = bonusOf(bonusInput())!;
    expect(b.heads).toEqual({ sdr: 4, ae: 4, salesManager: 2 });
    expect(b.kpis).toEqual(['revenue', 'sql', 'marketingShare']);
    expect([b.revenueTarget, b.currency, b.minorDigits]).toEqual([1_200_000, 'USD', 2]);
    expect(b.bucketNames).toEqual({ sales: 'Sales', sdr: 'SDR' });
    expect(b.roleNames).toEqual({ ae: 'AE', salesManager: 'Sales manager', sdr: 'SDR' });
    expect(bonusOf(bonusInput(), 'zh-CN')!.roleNames.salesManager).toBe('销售经理');
  });

  it('is enough to pay the pool as the report does, worked by hand (test/report/bonusPlans.ts)', () => {
    const b = bonusOf(bonusInput())!;
    const pay = (kpis: Record<string, number>) => payScenario(b.bonus, '', kpis, { revenueTarget: b.revenueTarget, scale: 10 ** b.minorDigits, heads: b.heads, kpis: b.kpis });
    const plan = pay({});
    expect([plan.fundedMinor, ...plan.buckets.map((p) => p.payoutMinor), plan.totalMinor]).toEqual([10_000_000, 6_000_000, 4_000_000, 10_000_000]);
    expect(plan.buckets[0].roles.map((r) => [r.roleId, r.heads, r.perHeadMinor])).toEqual([['ae', 4, 750_000], ['salesManager', 2, 1_500_000]]);
    // The grid's cell at revenue 90 %, marketing share 90 %: 33,750 + 26,250.
    const cell = pay({ revenue: 0.9, marketingShare: 0.9 });
    expect([cell.fundedMinor, ...cell.buckets.map((p) => p.payoutMinor), cell.totalMinor]).toEqual([7_500_000, 3_375_000, 2_625_000, 6_000_000]);
  });

  it('is null for a plan without a pool', () => {
    expect(bonusOf(hiringInput())).toBeNull();
  });
});
