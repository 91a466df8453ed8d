/**
 * The shared bonus pool under the confidence simulation (design.md §10's last item): each trial's
 * attainments — actual ÷ plan, as the pool reads them — paid by the pool, so finance sees the
 * expected and the P90 cost, not only the cost on plan.
 *
 * A trial's attainments:
 * - revenue: the trial's revenue ÷ the target;
 * - marketingShare: the marketing-sourced share of the trial's revenue ÷ the planned share (the
 *   marketing sources' shares added up); 0 when the trial won nothing;
 * - mqlToSql: SQLs ÷ MQLs over the sources that pass through both, ÷ the plan's ratio;
 * - a stage: the records reaching it, all sources, ÷ the plan's count there.
 * A KPI whose plan is 0 stays on plan (1).
 */
import type { ValidBonus } from '../bonus/bonusTypes';
import { bonusKpis, bonusMinorDigits } from '../bonus/bonusPlan';
import { PayContext, scenarioTotalMinor } from '../bonus/payScenario';
import { FunnelPlan, marketingSources } from '../funnelPlan';
import type { ValidPlan } from '../planInput';
import type { SimulationModel, TrialOut } from './simulate';

export interface BonusCostModel {
  readonly bonus: ValidBonus;
  readonly ctx: PayContext;
  readonly target: number;
  readonly width: number;
  readonly marketing: readonly boolean[];
  readonly plannedMarketingShare: number;
  /** Sources that count MQLs and SQLs (mqlToSql's), with the stages' indexes; undefined when the plan has no such KPI. */
  readonly mqlToSql?: { readonly sources: readonly number[]; readonly mql: number; readonly sql: number; readonly planned: number };
  /** Each stage KPI: its index and the plan's count. */
  readonly stages: readonly { readonly kpi: string; readonly index: number; readonly planned: number }[];
}

/**
 * @example
 * const m = bonusCostModel(plan, funnel, model, plan.bonus!, { sdr: 17, ae: 15, csm: 7, marketing: 1 });
 * m.ctx.kpis; // → ['revenue', 'marketingShare', 'mqlToSql', 'sql', 'won'] for the template
 */
export function bonusCostModel(plan: ValidPlan, funnel: FunnelPlan, model: SimulationModel, bonus: ValidBonus, heads: Readonly<Record<string, number>>): BonusCostModel {
  const kpis = bonusKpis(bonus);
  const ctx: PayContext = { revenueTarget: plan.revenueTarget.value, scale: 10 ** bonusMinorDigits(plan.currency), heads, kpis };
  const marketingIds = new Set(marketingSources(plan.sources));
  const marketing = plan.sources.map((s) => marketingIds.has(s.id));
  const plannedMarketingShare = plan.sources.reduce((a, s) => a + (marketingIds.has(s.id) ? s.share.value : 0), 0);
  const stageIndex = (id: string) => model.stages.indexOf(id);
  let mqlToSql: BonusCostModel['mqlToSql'];
  if (kpis.includes('mqlToSql')) {
    const sources = funnel.sources.flatMap((sf, i) => ((sf.counts.mql ?? 0) > 0 ? [i] : []));
    const mql = sources.reduce((a, i) => a + funnel.sources[i].counts.mql, 0);
    const sql = sources.reduce((a, i) => a + (funnel.sources[i].counts.sql ?? 0), 0);
    mqlToSql = { sources, mql: stageIndex('mql'), sql: stageIndex('sql'), planned: mql > 0 ? sql / mql : 0 };
  }
  const stages = kpis.filter((k) => model.stages.includes(k)).map((kpi) => ({ kpi, index: stageIndex(kpi), planned: funnel.total.counts[kpi] ?? 0 }));
  return { bonus, ctx, target: plan.revenueTarget.value, width: model.stages.length, marketing, plannedMarketingShare, mqlToSql, stages };
}

/**
 * A trial's attainments, KPI by KPI.
 *
 * @example
 * trialAttainments(m, 11_000_000, out); // → { revenue: 1.1, marketingShare: 0.98, mqlToSql: 1.02, sql: 1.01, won: 1.1 }
 */
export function trialAttainments(m: BonusCostModel, revenue: number, out: Required<TrialOut>): Record<string, number> {
  const a: Record<string, number> = { revenue: revenue / m.target };
  if (m.ctx.kpis.includes('marketingShare')) {
    let marketing = 0;
    for (let s = 0; s < m.marketing.length; s++) if (m.marketing[s]) marketing += out.revenue[s];
    a.marketingShare = m.plannedMarketingShare === 0 ? 1 : revenue > 0 ? marketing / revenue / m.plannedMarketingShare : 0;
  }
  if (m.mqlToSql) {
    const { sources, mql, sql, planned } = m.mqlToSql;
    let mqls = 0;
    let sqls = 0;
    for (const s of sources) {
      mqls += out.counts[s * m.width + mql];
      sqls += out.counts[s * m.width + sql];
    }
    a.mqlToSql = planned === 0 ? 1 : mqls > 0 ? sqls / mqls / planned : 0;
  }
  for (const st of m.stages) {
    let n = 0;
    for (let s = 0; s < m.marketing.length; s++) n += out.counts[s * m.width + st.index];
    a[st.kpi] = st.planned === 0 ? 1 : n / st.planned;
  }
  return a;
}

/**
 * What the pool pays in a trial, in the currency.
 *
 * @example
 * trialBonusCost(m, 10_000_000, out); // → 600,000 for the template on plan
 */
export function trialBonusCost(m: BonusCostModel, revenue: number, out: Required<TrialOut>): number {
  return scenarioTotalMinor(m.bonus, trialAttainments(m, revenue, out), m.ctx) / m.ctx.scale;
}
