/**
 * The default template (templates/default-plan.json), embedded so the Apps Script
 * bundle and the CLI plan the same thing without reading files.
 */
import template from '../../templates/default-plan.json';
import type { PlanInput } from './planInput';

/**
 * A fresh copy each call, so callers may edit it; without the file's `"$schema"`, which
 * points an editor at templates/plan.schema.json from where the file is and means nothing
 * elsewhere (`funnel-planner template` writes its own, from where its output lands).
 *
 * @example
 * const input = defaultPlanInput();
 * input.revenueTarget;            // → 10000000
 * input.sources.map((s) => s.id); // → ['marketing', 'outbound']
 * '$schema' in input;             // → false
 */
export function defaultPlanInput(): PlanInput {
  const { $schema: _editorsOnly, ...input } = JSON.parse(JSON.stringify(template)) as PlanInput & { $schema?: string };
  return input;
}
