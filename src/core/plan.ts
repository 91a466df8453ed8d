/**
 * The engine's front door: any input in, either a worked plan or the full list of
 * field-naming errors out. The CLI, the sidebar and the custom functions all call this.
 */
import { FieldError } from './fieldError';
import { FunnelPlan, planFunnel } from './funnelPlan';
import { ValidPlan } from './planInput';
import { validatePlan } from './validatePlan';

export type PlanOutcome = { ok: true; plan: ValidPlan; funnel: FunnelPlan } | { ok: false; errors: FieldError[] };

export function plan(input: unknown): PlanOutcome {
  const checked = validatePlan(input);
  if (!checked.ok) return checked;
  return { ok: true, plan: checked.plan, funnel: planFunnel(checked.plan) };
}
