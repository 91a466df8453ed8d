/**
 * The plan's diagnosis as `funnel-planner diagnose` makes it without a CRM export
 * (cli/commands/diagnoseCommand.ts): each source's shapes judged from its planned rates against
 * the plan's benchmark bands, and the sensitivity ranking worked on the plan.
 */
import { Diagnosis, diagnose } from '../../core/diagnosis/diagnosis';
import { planEvidence } from '../../core/diagnosis/funnelEvidence';
import type { PlanInput, ValidPlan } from '../../core/planInput';
import type { Lang } from '../../core/stages';
import { validatePlan } from '../../core/validatePlan';

export interface PageDiagnosis {
  readonly plan: ValidPlan;
  readonly diagnosis: Diagnosis;
}

/** Null when the input is no plan. */
export function pageDiagnosis(input: PlanInput, today: string, lang: Lang): PageDiagnosis | null {
  const checked = validatePlan(input, { today });
  if (!checked.ok) return null;
  const { plan } = checked;
  return { plan, diagnosis: diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang }) };
}
