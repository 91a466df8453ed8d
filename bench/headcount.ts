/**
 * `npm run bench`, the headcount plan: 12 roles (SDR, AE, CSM, managers, support, fixed seats,
 * a channel-driven marketer) over 18 months (plan start 6 months before the FY), demand from a
 * plan with lags, seasonality and growth — hires, cohorts, pruning to a minimal plan, the
 * structures. Goal: under 5 ms median in Node.
 */
import { planHeadcount } from '../src/core/headcount/planHeadcount';
import { planTimeline } from '../src/core/time/planTimeline';
import { validatePlan } from '../src/core/validatePlan';
import { Timing, measure } from './measure';
import { timedDefaultInput } from './timeline';

/** The default template with timing and channels, and a headcount section of 12 roles from 6 months before the FY. */
export function twelveRolesInput(): Record<string, unknown> {
  const input = timedDefaultInput();
  // The template's bonus pays roles this set does not have; bench/bonus.ts measures the pool.
  delete input.bonus;
  input.headcount = {
    planStart: '2026-07',
    roles: [
      { id: 'sdr', current: 6, attritionPerYear: 0.32 },
      { id: 'outboundSdr', name: 'Outbound SDR', driver: { stage: 'sql', sources: ['outbound'] }, capacityPerMonth: 12, ramp: [0.2, 0.45, 0.7, 0.9], attritionPerYear: 0.34, hireLeadMonths: 1, monthlyCost: 8200, current: 4 },
      { id: 'ae', current: 5 },
      { id: 'csm', driver: { accounts: 180 }, current: 4 },
      { id: 'contentMarketer', driver: { stage: 'lead', sources: ['content'] }, capacityPerMonth: 900, ramp: [0.5], attritionPerYear: 0.15, current: 1 },
      { id: 'sdrManager', driver: { span: 8, of: ['sdr', 'outboundSdr'] } },
      { id: 'salesManager', current: 1 },
      { id: 'csManager', name: 'CS manager', driver: { span: 7, of: ['csm'] }, ramp: [0.5], attritionPerYear: 0.2, hireLeadMonths: 2, monthlyCost: 14000 },
      { id: 'salesDirector', driver: { span: 5, of: ['sdrManager', 'salesManager', 'csManager'] }, hireLeadMonths: 3, attritionPerYear: 0.1, current: 1 },
      { id: 'dataAnalyst', driver: { ratio: 20, of: ['sdr', 'outboundSdr', 'ae', 'csm', 'contentMarketer'] } },
      { id: 'design', driver: { ratio: 25, of: ['contentMarketer', 'sdr', 'ae'] } },
      { id: 'cso' },
    ],
  };
  return input;
}

/** Validate + reverse funnel + months + headcount: what `plan --json` computes for this plan. */
function fullPlan(input: unknown): number {
  const checked = validatePlan(input, { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return planHeadcount(checked.plan, planTimeline(checked.plan, checked.funnel)!).roles.length;
}

export function headcountBench(): { name: string; timing: Timing; full: Timing } {
  const checked = validatePlan(twelveRolesInput(), { today: '2026-12-01' });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  const timeline = planTimeline(checked.plan, checked.funnel);
  if (!timeline) throw new Error('no fiscal year');
  const once = planHeadcount(checked.plan, timeline);
  return {
    name: `hiring plan, ${once.roles.length} roles × ${once.months.length} months`,
    timing: measure(() => planHeadcount(checked.plan, timeline), 2000, 200),
    full: measure(() => fullPlan(twelveRolesInput()), 1000, 100),
  };
}
