/** The form's validation: the same validatePlan and messages as the CLI and the server, keyed by field path. */
import { formatFieldError } from '../../core/fieldError';
import type { FunnelPlan } from '../../core/funnelPlan';
import type { PlanInput, ValidPlan } from '../../core/planInput';
import type { Lang } from '../../core/stages';
import { validatePlan } from '../../core/validatePlan';
import type { SidebarFieldError } from '../sidebarContract';

/** The form checked: its errors, and when there are none the plan with its funnel (what the Confidence card simulates). */
export type CheckedForm = { readonly errors: SidebarFieldError[]; readonly planned?: { readonly plan: ValidPlan; readonly funnel: FunnelPlan } };

export function checkForm(input: PlanInput, lang: Lang): CheckedForm {
  const result = validatePlan(input);
  if (result.ok) return { errors: [], planned: { plan: result.plan, funnel: result.funnel } };
  // Without the "path: " prefix, exactly as the server's sidebarErrors words it: the field's position says which field.
  return { errors: result.errors.map((e) => ({ path: e.path, message: formatFieldError(e, lang).slice(e.path.length + 2) })) };
}
