/** Plans used by several tests, written the way a user would. */
import type { PlanInput } from '../../src/core/planInput';

export const seedExample: PlanInput = {
  revenueTarget: 10_000_000,
  sources: [
    {
      id: 'marketing',
      name: 'Marketing-sourced',
      kind: 'marketing',
      share: 0.4,
      avgDealSize: 25_000,
      conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 },
    },
    {
      id: 'outbound',
      name: 'Sales-sourced',
      kind: 'sales',
      share: 0.6,
      avgDealSize: 30_000,
      entryStage: 'sql',
      conversionRates: { sql: 0.4, opportunity: 0.3 },
    },
  ],
};

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
