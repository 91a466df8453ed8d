/**
 * The default template (templates/default-plan.json), embedded so the Apps Script
 * bundle and the CLI plan the same thing without reading files.
 */
import template from '../../templates/default-plan.json';
import type { PlanInput } from './planInput';

/**
 * A fresh copy each call, so callers may edit it.
 *
 * @example
 * const input = defaultPlanInput();
 * input.revenueTarget;                // → 10000000
 * input.sources.map((s) => s.id);     // → ['marketing', 'outbound']
 */
export function defaultPlanInput(): PlanInput {
  return JSON.parse(JSON.stringify(template)) as PlanInput;
}
