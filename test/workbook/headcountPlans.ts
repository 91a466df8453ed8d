/** Plans the Headcount sheet's tests write: the template with the default roles, and one with roles of its own. */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import type { PlanInput } from '../../src/core/planInput';

/** The template without its bonus pool, whose buckets pay default roles these plans replace. */
function withoutBonus(): PlanInput {
  const { bonus: _bonus, ...input } = defaultPlanInput();
  return input;
}

/**
 * The template's funnel with roles of its own: default ids with overrides (current staff, a ramp
 * that is 0 in the start month, an account base), a role of the user's own on a channel's and a
 * source's work, a manager (span), a support role (ratio) with no ramp, a fixed seat; plan start
 * four months before the FY, a cost with cents, and a vertical structure of its own.
 */
export function customRolesPlan(): PlanInput {
  return {
    ...withoutBonus(),
    headcount: {
      planStart: '2026-09',
      roles: [
        { id: 'cso' },
        { id: 'sdr', current: 6 },
        { id: 'ae', current: 4, ramp: [0, 0.5, 0.75] },
        { id: 'csm', driver: { accounts: 120 }, capacityPerMonth: 40 },
        { id: 'sdrManager', driver: { span: 8, of: ['sdr'] }, current: 1 },
        {
          id: 'partnerManager',
          name: 'Partner manager',
          driver: { stage: 'opportunity', sources: ['content', 'outbound'] },
          capacityPerMonth: 10,
          ramp: [0.5],
          attritionPerYear: 0.2,
          hireLeadMonths: 1,
          monthlyCost: 12_000.5,
          current: 1,
        },
        { id: 'ops', name: 'Sales ops', driver: { ratio: 20, of: ['sdr', 'ae'] }, monthlyCost: 9_000, ramp: [], attritionPerYear: 0.1 },
        // A half cent a month: 1 × 1.005 × 100 is 100.49999999999999 in binary, the cost 1.01 (a spreadsheet's ROUND reads 15 digits).
        { id: 'intern', driver: { fixed: 1 }, monthlyCost: 1.005, current: 1 },
      ],
      // Full-cycle reps of their own: on the SQLs, at a pace, ramp and cost the plan gives.
      vertical: { replaces: ['sdr', 'ae'], driver: { stage: 'sql' }, capacityPerMonth: 5, ramp: [0, 0.3, 0.6], monthlyCost: 19_000 },
    },
  } as PlanInput;
}

/** Yen (no minor unit), plan start inside the fiscal year, three roles and no vertical structure to compare. */
export function rolesInYenPlan(): PlanInput {
  return {
    ...withoutBonus(),
    currency: 'JPY',
    headcount: {
      planStart: '2027-02',
      roles: [{ id: 'sdr', current: 10, monthlyCost: 650_000 }, { id: 'ae', current: 8, monthlyCost: 1_200_000 }, { id: 'salesManager', monthlyCost: 1_500_000 }],
      vertical: null,
    },
  } as PlanInput;
}
