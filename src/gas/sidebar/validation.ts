/** The form's validation: the same validatePlan and messages as the CLI and the server, keyed by field path. */
import { formatFieldError } from '../../core/fieldError';
import type { PlanInput } from '../../core/planInput';
import type { Lang } from '../../core/stages';
import { validatePlan } from '../../core/validatePlan';
import type { SidebarFieldError } from '../sidebarContract';

export function validateForm(input: PlanInput, lang: Lang): SidebarFieldError[] {
  const result = validatePlan(input);
  if (result.ok) return [];
  // Without the "path: " prefix, exactly as the server's sidebarErrors words it: the field's position says which field.
  return result.errors.map((e) => ({ path: e.path, message: formatFieldError(e, lang).slice(e.path.length + 2) }));
}
