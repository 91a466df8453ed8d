/**
 * A headcount plan small enough to work by hand (test/report/hiringReport.test.ts,
 * test/gas/sidebarHiring.test.ts and the sidebar's browser tests use it).
 *
 * One marketing source, FY 2027 from January, 1,200,000 at 10,000 a deal, every rate 50 %, no
 * stage days (so no lag and no carry-in work): 10 won, 20 opportunities and 40 SQLs every FY
 * month, nothing before. The plan starts 3 months before the FY, in 2026-10 (15 months).
 *
 * - SDR: 40 SQLs ÷ 10 a month = 4 FTE from Jan 2027; 1 ramped at plan start; ramp 50 % in the
 *   start month; lead 3 months, so the earliest start is Jan 2027 and the first covered month
 *   Feb 2027. February is short 4 − 1 = 3: 3 hires, started as late as covers it — January.
 *   January is in the ramp-up gap: 1 + 3 × 0.5 = 2.5 FTE against 4, 1.5 short.
 * - AE: 20 opportunities ÷ 5 = 4 FTE from Jan 2027; none at start; ramp 0 / 50 %; lead 1, so
 *   earliest start Nov 2026, first covered Jan 2027: 4 hires, fully ramped by January, so
 *   started in November (a December start is half productive in January: 3 + 0.5 < 4). No gap.
 * - Sales manager: 1 per 4 heads of SDRs and AEs; 1 at start, no ramp, no lead: heads 1, 5, 5,
 *   then 8 → demand 0.25, 1.25, 1.25, 2: 1 hire in Nov 2026.
 * - Costs: SDR 4 × 5,000, AE 4 × 10,000, manager 2 × 12,000 a month in the FY: 240,000 +
 *   480,000 + 288,000 = 1,008,000; heads at FY end 4 + 4 + 2 = 10.
 * - Vertical: full-cycle reps at 2.5 opportunities a month = 8 FTE from January; 1 at start,
 *   ramp 0 / 50 %, lead 1: 7 hires in Nov 2026; 8 × 14,000 × 12 = 1,344,000 for the FY. The
 *   horizontal structure (SDR, AE): 8 heads, 720,000; someone ramping in Nov, Dec (AEs) and
 *   Jan (SDRs): 3 months against the vertical's 2 (Nov, Dec); short in 1 month against 0.
 * - Per person: SDR 480 SQLs over 2.5 + 11 × 4 = 46.5 effective FTE-months = 10.3 a month; over
 *   2.5 × 21 + 4 × 240 = 1,012.5 FTE-days (2027: 261 working days, 21 in January) = 0.5 a day.
 *   AE 240 ÷ 48 = 5.0 a month, 240 ÷ (4 × 261) = 0.2 a day.
 */
import type { PlanInput } from '../../src/core/planInput';

export function hiringInput(sdrCurrent: number | string = 1): PlanInput {
  return {
    name: 'Hiring plan',
    revenueTarget: 1_200_000,
    currency: 'USD',
    stages: ['lead', 'sql', 'opportunity', 'won'],
    sources: [{ id: 'marketing', name: 'Marketing', kind: 'marketing', share: 1, avgDealSize: 10_000, conversionRates: { lead: 0.5, sql: 0.5, opportunity: 0.5 } }],
    timing: { fiscalYearStart: '2027-01', nextYearGrowth: 0 },
    headcount: {
      roles: [
        { id: 'sdr', driver: { stage: 'sql' }, capacityPerMonth: 10, ramp: [0.5], attritionPerYear: 0, hireLeadMonths: 3, monthlyCost: 5_000, current: sdrCurrent },
        { id: 'ae', driver: { stage: 'opportunity' }, capacityPerMonth: 5, ramp: [0, 0.5], attritionPerYear: 0, hireLeadMonths: 1, monthlyCost: 10_000, current: 0 },
        { id: 'salesManager', driver: { span: 4, of: ['sdr', 'ae'] }, ramp: [], attritionPerYear: 0, hireLeadMonths: 0, monthlyCost: 12_000, current: 1 },
      ],
      vertical: { replaces: ['sdr', 'ae'], capacityPerMonth: 2.5, ramp: [0, 0.5], attritionPerYear: 0, hireLeadMonths: 1, monthlyCost: 14_000, current: 1 },
    },
  } as PlanInput;
}
