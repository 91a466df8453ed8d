/**
 * The bonus as `plan --json` and `bonus --json` write it (README "plan --json"): money in the
 * currency's units (cents as decimals, exact as written), attainments as fractions.
 */
import type { Lang } from '../i18n/lang';
import type { BonusFinding, BonusPlan, ScenarioResult } from './bonusTypes';
import { BonusNames, explainScenario, findingLines } from './explainPayout';

/** A finding with its amounts in the currency's units (`jump`, `planFunded`, `excess`, `fromPay`, `toPay`) and its words. */
export type BonusFindingJson = { kind: BonusFinding['kind']; message: string; [field: string]: unknown };

export interface BonusRoleJson {
  heads: number;
  payout: number;
  /** What every head gets at least; `extraCentHeads` of them get one minor unit more, so heads × perHead + extra = payout exactly. */
  perHead: number;
  extraCentHeads: number;
}

export interface BonusBucketJson {
  multiplier: number;
  payout: number;
  /** What the bucket would pay if it had anyone to pay (0 when it has): not paid, not in the total. */
  unpaid: number;
  explanation: string;
  roles: Record<string, BonusRoleJson>;
}

export interface BonusScenarioJson {
  name: string;
  kpis: Record<string, number>;
  gateMet: boolean;
  funded: number;
  total: number;
  costOfRevenue: number | null;
  buckets: Record<string, BonusBucketJson>;
}

export interface BonusJson {
  currency: string;
  plan: BonusScenarioJson;
  scenarios: BonusScenarioJson[];
  worstCase: BonusScenarioJson;
  /** A percent-of-revenue pool grows with revenue past every cap: the worst case is then the most at the attainments tried. */
  uncapped: boolean;
  grid: { revenue: number[]; marketingShare: number[]; total: number[][]; funded: number[][]; buckets: Record<string, number[][]> };
  findings: BonusFindingJson[];
}

function scenarioJson(b: BonusPlan, s: ScenarioResult, lang: Lang, names: BonusNames): BonusScenarioJson {
  const money = (minor: number) => minor / 10 ** b.minorDigits;
  const lines = explainScenario(b, s, lang, names);
  return {
    name: s.name,
    kpis: { ...s.kpis },
    gateMet: s.gateMet,
    funded: money(s.fundedMinor),
    total: money(s.totalMinor),
    costOfRevenue: s.costOfRevenue,
    buckets: Object.fromEntries(
      s.buckets.map((p, i) => [
        p.id,
        {
          multiplier: p.multiplier,
          payout: money(p.payoutMinor),
          unpaid: money(p.unpaidMinor),
          explanation: lines[s.gateMet ? i : 0],
          roles: Object.fromEntries(p.roles.map((r) => [r.roleId, { heads: r.heads, payout: money(r.payoutMinor), perHead: money(r.perHeadMinor), extraCentHeads: r.extraMinorHeads }])),
        },
      ]),
    ),
  };
}

/**
 * @example
 * bonusToJson(bonusPlan(plan.bonus!, 10_000_000, 'USD', headcount), 'en', names).plan.buckets.ae.roles.ae;
 * // → { heads: 15, payout: 216000, perHead: 14400, extraCentHeads: 0 }
 */
export function bonusToJson(b: BonusPlan, lang: Lang, names: BonusNames): BonusJson {
  const money = (minor: number) => minor / 10 ** b.minorDigits;
  const messages = findingLines(b, lang, names);
  return {
    currency: b.currency,
    plan: scenarioJson(b, b.plan, lang, names),
    scenarios: b.scenarios.map((s) => scenarioJson(b, s, lang, names)),
    worstCase: scenarioJson(b, b.worstCase, lang, names),
    uncapped: b.uncapped,
    grid: {
      revenue: [...b.grid.revenue],
      marketingShare: [...b.grid.marketingShare],
      total: b.grid.cells.map((row) => row.map((c) => money(c.totalMinor))),
      funded: b.grid.cells.map((row) => row.map((c) => money(c.fundedMinor))),
      buckets: Object.fromEntries(b.bonus.buckets.map((bucket, i) => [bucket.id, b.grid.cells.map((row) => row.map((c) => money(c.buckets[i].payoutMinor)))])),
    },
    findings: b.findings.map((f, i) => {
      // Amounts in the currency's units, like every other amount of the JSON, under names of their own (`from` and `to` stay attainments).
      const amounts: Record<string, number> =
        f.kind === 'notMonotone' ? { fromPay: money(f.fromMinor), toPay: money(f.toMinor) } : f.kind === 'gateCliff' ? { jump: money(f.jumpMinor), planFunded: money(f.planFundedMinor) } : f.kind === 'overPool' ? { excess: money(f.excessMinor) } : {};
      const renamed = { ...Object.fromEntries(Object.entries(f).filter(([k]) => !k.endsWith('Minor'))), ...amounts };
      return { ...renamed, message: messages[i] } as BonusFindingJson;
    }),
  };
}
