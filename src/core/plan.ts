/**
 * The engine's front door: any input in, either a worked plan or the full list of
 * field-naming errors out. The CLI, the sidebar and the custom functions all call this.
 */
import { FieldError } from './fieldError';
import { FunnelPlan } from './funnelPlan';
import { ValidPlan } from './planInput';
import { ValidateOptions, validatePlan } from './validatePlan';

export type PlanOutcome = { ok: true; plan: ValidPlan; funnel: FunnelPlan } | { ok: false; errors: FieldError[] };

/**
 * Validates `input` and works it backwards, computing the reverse funnel once per source
 * (validation needs it for the overflow check; the same counts are the plan).
 *
 * @example
 * // The seed's example: 10,000,000 target, 40% marketing at 25,000 a deal.
 * const outcome = plan({
 *   revenueTarget: 10_000_000,
 *   sources: [
 *     { id: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } },
 *     { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } },
 *   ],
 * });
 * outcome.ok && outcome.funnel.total.counts; // → { lead: 12800, mql: 3200, sql: 2948, opportunity: 1307, won: 360 }
 *
 * @example
 * plan({ revenueTarget: -1, sources: [] });
 * // → { ok: false, errors: [{ path: 'revenueTarget', code: 'notPositive', … }, { path: 'sources', code: 'emptyList', … }] }
 */
export function plan(input: unknown, options: ValidateOptions = {}): PlanOutcome {
  return validatePlan(input, options);
}
