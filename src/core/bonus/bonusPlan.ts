/**
 * The shared bonus pool over its scenarios (design.md §10): on plan, each named scenario, the
 * revenue × marketing-share grid, the worst case at the caps, and the findings.
 */
import type { HeadcountPlan } from '../headcount/planHeadcount';
import { minorDigits } from '../money/money';
import type { BonusPlan, ScenarioResult, ValidBonus } from './bonusTypes';
import { bonusFindings, probes } from './bonusFindings';
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

/** Each KPI at the attainment where every curve on it is capped (1 for a KPI no curve reads), the gate's KPI at least at the gate. */
function capsKpis(bonus: ValidBonus, kpis: readonly string[]): Record<string, number> {
  const top: Record<string, number> = Object.fromEntries(kpis.map((k) => [k, 1]));
  if (bonus.fundingCurve) top.revenue = Math.max(top.revenue, capAttainment(bonus.fundingCurve));
  for (const b of bonus.buckets) for (const k of b.kpis) top[k.kpi] = Math.max(top[k.kpi], capAttainment(k.curve));
  if (bonus.gate) top[bonus.gate.kpi] = Math.max(top[bonus.gate.kpi], bonus.gate.min);
  return top;
}

/**
 * The most the pool pays: the largest total of the caps, every scenario, every grid cell, and
 * each KPI moved over every probe with the others at the caps (a falling curve can pay most
 * below its last point). A percent-of-revenue pool keeps growing with revenue past any cap:
 * `uncapped` says so, and its worst case is the most at the attainments tried.
 */
function worstOf(bonus: ValidBonus, caps: Readonly<Record<string, number>>, tried: readonly ScenarioResult[], ctx: PayContext): ScenarioResult {
  let worst = payScenario(bonus, WORST_CASE, caps, ctx);
  const consider = (s: ScenarioResult) => {
    if (s.totalMinor > worst.totalMinor) worst = { ...s, name: WORST_CASE };
  };
  tried.forEach(consider);
  for (const kpi of ctx.kpis) for (const x of probes(bonus)) consider(payScenario(bonus, WORST_CASE, { ...caps, [kpi]: x }, ctx));
  return worst;
}

/** The name of the worst-case scenario. */
export const WORST_CASE = 'caps';

/**
 * @example
 * const b = bonusPlan(plan.bonus!, plan.revenueTarget.value, plan.currency, headcount);
 * b.plan.totalMinor;       // → 60_000_000: the template's pool on plan, in cents
 * b.worstCase.totalMinor;  // → 120_000_000: at revenue 150 % the funding curve doubles it
 * b.grid.cells[0][0].name; // → "0.7×0.8"
 */
export function bonusPlan(bonus: ValidBonus, revenueTarget: number, currency: string, headcount: HeadcountPlan | undefined): BonusPlan {
  const digits = bonusMinorDigits(currency);
  const kpis = bonusKpis(bonus);
  const heads = headsAtFyEnd(headcount);
  const ctx: PayContext = { revenueTarget, scale: 10 ** digits, heads, kpis };
  const plan = payScenario(bonus, PLAN_SCENARIO, {}, ctx);
  const scenarios = bonus.scenarios.map((s) => payScenario(bonus, s.name, s.kpis, ctx));
  const cells = bonus.grid.revenue.map((r) => bonus.grid.marketingShare.map((m) => payScenario(bonus, `${r}×${m}`, { revenue: r, marketingShare: m }, ctx)));
  const caps = capsKpis(bonus, kpis);
  const worstCase = worstOf(bonus, caps, [plan, ...scenarios, ...cells.flat()], ctx);
  const findings = bonusFindings(bonus, plan, [...scenarios, worstCase], cells.flat(), ctx, caps);
  return {
    currency,
    minorDigits: digits,
    bonus,
    kpis,
    heads,
    plan,
    scenarios,
    worstCase,
    uncapped: bonus.pool.kind === 'percentOfRevenue',
    grid: { revenue: bonus.grid.revenue, marketingShare: bonus.grid.marketingShare, cells },
    findings,
  };
}
