/**
 * The bonus pool under the simulation: each trial's attainments worked by hand, a plan that cannot
 * miss pays exactly the pool in every trial, and over noisy trials the pool pays nothing below the
 * gate and never more than its worst case.
 */
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import { bonusCostModel, trialAttainments, trialBonusCost } from '../../../src/core/confidence/bonusCost';
import { planConfidence } from '../../../src/core/confidence/confidence';
import { simulate, simulationModel } from '../../../src/core/confidence/simulate';
import { bonusPlan } from '../../../src/core/bonus/bonusPlan';
import type { PlanInput } from '../../../src/core/planInput';

const HEADS = { marketingDirector: 1, contentMarketer: 1, seoSem: 1, socialMedia: 1, marketingAutomation: 1, sdr: 10, sdrManager: 1, ae: 8, salesManager: 1, salesDirector: 1, csm: 5 };

function planned(input: PlanInput) {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome;
}

/** The template's pool on a plan whose every rate is 1: each trial wins exactly the planned deals. */
function certainPlan(): PlanInput {
  const t = defaultPlanInput();
  return {
    ...t,
    revenueTarget: 1_000_000,
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0.6, avgDealSize: 10_000, conversionRates: { lead: 1, mql: 1, sql: 1, opportunity: 1 } },
      { id: 'outbound', kind: 'sales', share: 0.4, avgDealSize: 10_000, entryStage: 'sql', conversionRates: { sql: 1, opportunity: 1 } },
    ],
  };
}

describe('the bonus pool under the confidence simulation', () => {
  it('a plan that cannot miss pays exactly the pool in every trial', () => {
    const o = planned(certainPlan());
    const c = planConfidence(o.plan, o.funnel, { trials: 500, bonusHeads: HEADS });
    expect(c.revenue).toEqual({ p10: 1_000_000, p50: 1_000_000, p90: 1_000_000, mean: 1_000_000 });
    expect(c.bonusCost).toEqual({ p10: 600_000, p50: 600_000, p90: 600_000, mean: 600_000 });
  });

  it('has no bonus cost without heads or without a pool', () => {
    const o = planned(certainPlan());
    expect(planConfidence(o.plan, o.funnel, { trials: 100 }).bonusCost).toBeUndefined();
    const { bonus: _none, ...noPool } = certainPlan();
    const p = planned(noPool);
    expect(planConfidence(p.plan, p.funnel, { trials: 100, bonusHeads: HEADS }).bonusCost).toBeUndefined();
  });

  it('reads each attainment as actual ÷ plan', () => {
    const o = planned(defaultPlanInput());
    const model = simulationModel(o.plan, o.funnel);
    const m = bonusCostModel(o.plan, o.funnel, model, o.plan.bonus!, HEADS);
    expect(m.ctx.kpis).toEqual(['revenue', 'marketingShare', 'mqlToSql', 'sql', 'won']);
    // Stages lead, mql, sql, opportunity, won; marketing plans 12,800 / 3,200 / 1,280 / 640 / 160, outbound 0 / 0 / 1,668 / 667 / 200.
    const counts = Float64Array.from([12_800, 3_000, 1_500, 700, 150, 0, 0, 1_668, 600, 210]);
    // Marketing won 150 × 25,000 = 3,750,000, outbound 210 × 30,000 = 6,300,000: 10,050,000 in all.
    const out = { won: Float64Array.from([150, 210]), revenue: Float64Array.from([3_750_000, 6_300_000]), counts };
    const a = trialAttainments(m, 10_050_000, out);
    expect(a.revenue).toBeCloseTo(1.005, 12);
    // Marketing's planned share is 40 %; it brought 3,750,000 ÷ 10,050,000 = 37.31 %.
    expect(a.marketingShare).toBeCloseTo(3_750_000 / 10_050_000 / 0.4, 12);
    // MQL → SQL over the marketing source only (outbound has no MQLs): 1,500 / 3,000 against 1,280 / 3,200.
    expect(a.mqlToSql).toBeCloseTo(0.5 / 0.4, 12);
    expect(a.sql).toBeCloseTo((1_500 + 1_668) / (1_280 + 1_668), 12);
    expect(a.won).toBeCloseTo(360 / 360, 12);
  });

  it('pays nothing below the gate and never more than the worst case, trial by trial', () => {
    // A small plan (a 1,000,000 target, 40 won deals) is noisy enough to fall below the 80 % gate.
    const input = { ...certainPlan(), sources: [{ id: 'marketing', kind: 'marketing', share: 1, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } }] };
    const o = planned(input);
    const model = simulationModel(o.plan, o.funnel);
    const m = bonusCostModel(o.plan, o.funnel, model, o.plan.bonus!, HEADS);
    const worst = bonusPlan(o.plan.bonus!, 1_000_000, 'USD', undefined).worstCase.totalMinor / 100;
    let below = 0;
    let paidAbove = 0;
    simulate(model, 4_000, 9, 1, (_t, revenue, out) => {
      const cost = trialBonusCost(m, revenue, out);
      if (revenue < 800_000) {
        below++;
        expect(cost).toBe(0);
      } else if (cost > 0) paidAbove++;
      expect(cost).toBeLessThanOrEqual(worst);
    });
    expect(below).toBeGreaterThan(100);
    expect(paidAbove).toBeGreaterThan(1_000);
  });
});
