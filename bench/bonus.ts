/**
 * `npm run bench`, the shared bonus pool of the default template: 4 buckets over 5 KPIs, the plan,
 * 3 scenarios, the worst case, the 7 × 5 grid and the findings (whose monotonicity scan pays
 * every bucket at every probe of every KPI it is paid on, at plan, at each grid revenue and at the
 * caps: the bulk of the work). Goal: under 50 ms median — it runs once per plan (CLI, report,
 * Generate); a sidebar slider recomputes one scenario, measured beside it.
 */
import { defaultPlanInput } from '../src/core/defaultPlan';
import { bonusPlan } from '../src/core/bonus/bonusPlan';
import { payScenario } from '../src/core/bonus/payScenario';
import { bonusKpis, headsAtFyEnd } from '../src/core/bonus/bonusPlan';
import { planHeadcount } from '../src/core/headcount/planHeadcount';
import { planTimeline } from '../src/core/time/planTimeline';
import { validatePlan } from '../src/core/validatePlan';
import { Timing, measure } from './measure';

export function bonusBench(): { name: string; timing: Timing; scenario: Timing } {
  const checked = validatePlan(defaultPlanInput(), { today: '2026-12-01' });
  if (!checked.ok || !checked.plan.bonus) throw new Error(JSON.stringify(checked.ok ? 'no bonus' : checked.errors));
  const { plan } = checked;
  const bonus = plan.bonus!;
  const headcount = planHeadcount(plan, planTimeline(plan, checked.funnel)!);
  const ctx = { revenueTarget: plan.revenueTarget.value, scale: 100, heads: headsAtFyEnd(headcount), kpis: bonusKpis(bonus) };
  return {
    name: `bonus pool, ${bonus.buckets.length} buckets: scenarios, grid ${bonus.grid.revenue.length} × ${bonus.grid.marketingShare.length}, findings`,
    timing: measure(() => bonusPlan(bonus, plan.revenueTarget.value, plan.currency, headcount), 300, 30),
    scenario: measure(() => payScenario(bonus, 'slider', { revenue: 1.07, marketingShare: 0.96 }, ctx), 5000, 500),
  };
}
