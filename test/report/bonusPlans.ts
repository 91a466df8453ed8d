/**
 * A shared bonus pool small enough to work by hand, on the hiring plan of hiringPlans.ts
 * (heads at FY end: 4 SDRs, 4 AEs, 2 sales managers; revenue target 1,200,000 USD). The report's
 * and the sidebar's bonus tests use it.
 *
 * Pool 100,000; nothing below revenue 80 %; funding curve (80 %, 0.5), (100 %, 1), (120 %, 1.5).
 * - Sales, 60 %: AEs and sales managers (weight 2 a head), on revenue (80 %, 0.5), (100 %, 1), (150 %, 2).
 * - SDR, 40 %: SDRs, half on SQLs (50 %, 0), (100 %, 1), (150 %, 1.5), half on marketing share (80 %, 0.5), (100 %, 1), (120 %, 1.2).
 *
 * On plan: funded 100,000; Sales 0.6 × 100,000 = 60,000 — AEs 4 × 1 and managers 2 × 2 weigh the
 * same, so 30,000 each side: 7,500 an AE, 15,000 a manager; SDR 0.4 × 100,000 × 1 = 40,000,
 * 10,000 an SDR. Total 100,000, 8.33 % of 1,200,000.
 * - Downside (revenue 90 %, marketing share 90 %, SQLs 80 %): funding 0.75 → 75,000; Sales 0.6 ×
 *   75,000 × 0.75 = 33,750; SDR 0.5 × 0.6 + 0.5 × 0.75 = 0.675 → 0.4 × 75,000 × 0.675 = 20,250;
 *   total 54,000 of 1,080,000 revenue: 5 %.
 * - Upside (revenue 110 %, marketing share 110 %): funding 1.25 → 125,000; Sales 1.2 → 90,000;
 *   SDR 0.5 × 1 + 0.5 × 1.1 = 1.05 → 52,500; total 142,500 > 125,000 (no fitToPool: a finding),
 *   10.8 % of 1,320,000.
 * - Worst case, at the caps (revenue 150 %, SQLs 150 %, marketing share 120 %): funding 1.5 →
 *   150,000; Sales 2 → 180,000; SDR 0.5 × 1.5 + 0.5 × 1.2 = 1.35 → 81,000; total 261,000 of
 *   1,800,000: 14.5 %.
 * - Grid totals (revenue ↓ 70, 90, 100, 120 %; marketing share → 90, 100, 110 %):
 *   70 %: 0, 0, 0 (below the gate); 90 %: 60,000, 63,750, 65,250; 100 %: 95,000, 100,000,
 *   102,000; 120 %: 178,500, 186,000, 189,000.
 */
import type { PlanInput } from '../../src/core/planInput';
import { hiringInput } from './hiringPlans';

export const SMALL_BONUS = {
  pool: { amount: 100_000 },
  gate: { kpi: 'revenue', min: 0.8 },
  fundingCurve: [[0.8, 0.5], [1, 1], [1.2, 1.5]],
  buckets: [
    { id: 'sales', name: 'Sales', share: 0.6, roles: ['ae', 'salesManager'], roleWeights: { salesManager: 2 }, kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1], [1.5, 2]] }] },
    {
      id: 'sdr',
      name: 'SDR',
      share: 0.4,
      roles: ['sdr'],
      kpis: [
        { kpi: 'sql', weight: 0.5, curve: [[0.5, 0], [1, 1], [1.5, 1.5]] },
        { kpi: 'marketingShare', weight: 0.5, curve: [[0.8, 0.5], [1, 1], [1.2, 1.2]] },
      ],
    },
  ],
  scenarios: [{ name: 'Downside', revenue: 0.9, marketingShare: 0.9, sql: 0.8 }, { name: 'Plan' }, { name: 'Upside', revenue: 1.1, marketingShare: 1.1 }],
  grid: { revenue: [0.7, 0.9, 1, 1.2], marketingShare: [0.9, 1, 1.1] },
};

export function bonusInput(): PlanInput {
  return { ...hiringInput(), bonus: SMALL_BONUS } as PlanInput;
}
