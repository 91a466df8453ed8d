/** How much each rate a CRM export gave the plan may vary, for the simulation (`simulate`, `plan --out/--report`). */
import type { Uncertainty } from '../core/confidence/simulate';
import type { PlanHistory } from './ratesFromHistory';

/**
 * Each rate the export fed the plan varies as its counts say: Beta(1 + converted, 1 + sample − converted).
 *
 * @example
 * historySpread({ applied: [{ source: 'marketing', stage: 'mql', stat: { converted: 40, sample: 100 } }] }).rates;
 * // → { marketing: { mql: { a: 41, b: 61 } } }
 */
export function historySpread(history: { readonly applied: readonly Pick<PlanHistory['applied'][number], 'source' | 'stage' | 'stat'>[] }): Uncertainty {
  const rates: Record<string, Record<string, { a: number; b: number }>> = {};
  for (const a of history.applied) (rates[a.source] ??= {})[a.stage] = { a: 1 + a.stat.converted, b: 1 + a.stat.sample - a.stat.converted };
  return { rates };
}
