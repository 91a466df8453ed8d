/**
 * The shared bonus pool over its scenarios (design.md §10): on plan, each named scenario, the
 * revenue × marketing-share grid, the worst case at the caps, and the findings.
 */
import type { HeadcountPlan } from '../headcount/planHeadcount';
import { minorDigits } from '../money/money';
import type { BonusPlan, ValidBonus } from './bonusTypes';
import { bonusFindings } from './bonusFindings';
import { capAttainment } from './curve';
import { PayContext, payScenario } from './payScenario';

/** The scenario every KPI is on plan in. */
export const PLAN_SCENARIO = 'Plan';

/**
 * Every KPI the bonus reads, in first-use order: revenue first (it funds the pool), then the
 * gate's, then the buckets', and marketing share (an axis of the grid).
 *
 * @example
 * bonusKpis(defaultTemplateBonus); // → ['revenue', 'marketingShare', 'mqlToSql', 'sql', 'won']
 */
export function bonusKpis(bonus: ValidBonus): string[] {
  const kpis = ['revenue', ...(bonus.gate ? [bonus.gate.kpi] : []), ...bonus.buckets.flatMap((b) => b.kpis.map((k) => k.kpi))];
  if (bonus.grid.marketingShare.length > 0) kpis.push('marketingShare');
  return [...new Set(kpis)];
}

/**
 * Whole people paid per role: the headcount plan's heads at the fiscal year's end (expected,
 * with attrition), rounded half up.
 *
 * @example
 * headsAtFyEnd(headcount); // → { sdr: 17, ae: 15, … } for 17.2 and 15.1 expected heads
 * headsAtFyEnd(undefined); // → {}
 */
export function headsAtFyEnd(headcount: HeadcountPlan | undefined): Record<string, number> {
  if (!headcount) return {};
  const last = headcount.months.length - 1;
  return Object.fromEntries(headcount.roles.map((p) => [p.role.id, Math.round(p.heads[last])]));
}

/**
 * Minor units per currency unit, as digits: the currency's (ISO 4217) for a three-letter code, else 2.
 *
 * @example
 * bonusMinorDigits('JPY'); // → 0
 * bonusMinorDigits('元');  // → 2
 */
export const bonusMinorDigits = (currency: string): number => (/^[A-Za-z]{3}$/.test(currency) ? minorDigits(currency) : 2);

/** Each KPI at the attainment where every curve on it is capped (1 for a KPI no curve reads). */
function capsKpis(bonus: ValidBonus, kpis: readonly string[]): Record<string, number> {
  const top: Record<string, number> = Object.fromEntries(kpis.map((k) => [k, 1]));
  if (bonus.fundingCurve) top.revenue = Math.max(top.revenue, capAttainment(bonus.fundingCurve));
  for (const b of bonus.buckets) for (const k of b.kpis) top[k.kpi] = Math.max(top[k.kpi], capAttainment(k.curve));
  return top;
}

/**
 * @example
 * const b = bonusPlan(plan.bonus!, plan.revenueTarget.value, plan.currency, headcount);
 * b.plan.totalMinor;         // → the pool's cost on plan, in cents
 * b.grid.cells[0][0].name;   // → "revenue 70 % · marketing share 80 %"
 */
export function bonusPlan(bonus: ValidBonus, revenueTarget: number, currency: string, headcount: HeadcountPlan | undefined): BonusPlan {
  const digits = bonusMinorDigits(currency);
  const kpis = bonusKpis(bonus);
  const heads = headsAtFyEnd(headcount);
  const ctx: PayContext = { revenueTarget, scale: 10 ** digits, heads, kpis };
  const plan = payScenario(bonus, PLAN_SCENARIO, {}, ctx);
  const scenarios = bonus.scenarios.map((s) => payScenario(bonus, s.name, s.kpis, ctx));
  const worstCase = payScenario(bonus, 'caps', capsKpis(bonus, kpis), ctx);
  const cells = bonus.grid.revenue.map((r) => bonus.grid.marketingShare.map((m) => payScenario(bonus, `${r}×${m}`, { revenue: r, marketingShare: m }, ctx)));
  const findings = bonusFindings(bonus, plan, scenarios, cells.flat(), ctx);
  return { currency, minorDigits: digits, bonus, kpis, heads, plan, scenarios, worstCase, grid: { revenue: bonus.grid.revenue, marketingShare: bonus.grid.marketingShare, cells }, findings };
}
