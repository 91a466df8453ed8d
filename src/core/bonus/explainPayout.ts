/**
 * A payout in plain words, one line per bucket (design.md §10): "AE: 1.18 × (revenue 110% → 1.25
 * × 0.7, marketing share 95% → 0.9 × 0.3) × 50% of a 540,000 pool = 318,600; 8 AEs, 39,825
 * each" — the CLI, the Bonus sheet, the report and the sidebar all say it with these words.
 */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { BonusFinding, BonusPlan, ScenarioResult } from './bonusTypes';
import { roundMinor } from '../money/roundMinor';
import { minorText, percentText, shortNumber } from './bonusFormat';

/** How the plan names its roles and stages for the words (the headcount plan's names, the stage labels). */
export interface BonusNames {
  /** A role's name, in the form that reads after `count` ("8 AEs"), or as a label without. */
  readonly role: (roleId: string, count?: number) => string;
  /** A stage's label ("SQLs"). */
  readonly stage: (stageId: string) => string;
}

/**
 * A KPI's name: revenue, marketing share, MQL → SQL, or the stage's label.
 *
 * @example
 * kpiName('marketingShare', 'zh-CN', names); // → '市场来源占比'
 * kpiName('won', 'en', names);               // → 'won deals'
 */
export function kpiName(kpi: string, lang: Lang, names: BonusNames): string {
  const own = messages(lang).bonus.kpis;
  if (Object.prototype.hasOwnProperty.call(own, kpi)) return own[kpi];
  const label = names.stage(kpi);
  // Inside an English sentence a stage label reads in lower case ("won deals 100%"), SQLs stays.
  return lang === 'en' && /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/**
 * A bucket's name: as written, else its id.
 *
 * @example
 * bucketName(b, 'ae'); // → 'AE'
 */
export const bucketName = (b: BonusPlan, id: string): string => b.bonus.buckets.find((x) => x.id === id)?.name ?? id;

/**
 * A scenario's name in the user's language: the plan, the worst case and the default scenarios
 * (Downside, Upside) translated, a name the plan gives as written.
 *
 * @example
 * scenarioLabel('Plan', 'zh-CN');     // → '计划'
 * scenarioLabel('Stretch', 'zh-CN');  // → 'Stretch'
 */
export function scenarioLabel(name: string, lang: Lang): string {
  const own = messages(lang).bonus.scenarioNames;
  return Object.prototype.hasOwnProperty.call(own, name) ? own[name] : name;
}

/**
 * One line per bucket of `scenario`.
 *
 * @example
 * explainScenario(b, b.plan, 'en', names)[0];
 * // → "Marketing: 1 × (revenue 100% → 1 × 0.6, marketing share 100% → 1 × 0.4) × 25% of a 600,000 pool = 150,000; 6 content marketers, 25,000 each"
 */
export function explainScenario(b: BonusPlan, scenario: ScenarioResult, lang: Lang, names: BonusNames): string[] {
  const t = messages(lang).bonus;
  const money = (minor: number) => minorText(minor, b.minorDigits);
  if (!scenario.gateMet && b.bonus.gate) {
    const gate = b.bonus.gate;
    return [t.belowGate(kpiName(gate.kpi, lang, names), percentText(scenario.kpis[gate.kpi] ?? 1), percentText(gate.min))];
  }
  return scenario.buckets.map((p) => {
    const terms = p.terms.map((x) => t.term(kpiName(x.kpi, lang, names), percentText(x.attainment), shortNumber(x.curveMultiplier), shortNumber(x.weight)));
    if (p.unpaidMinor > 0) return t.unpaid(t.explain(bucketName(b, p.id), shortNumber(p.multiplier), terms, percentText(p.share), money(scenario.fundedMinor), money(p.unpaidMinor)), money(p.unpaidMinor));
    const line = t.explain(bucketName(b, p.id), shortNumber(p.multiplier), terms, percentText(p.share), money(scenario.fundedMinor), money(p.scale < 1 ? roundMinor(p.rawMinor) : p.payoutMinor));
    const explained = p.scale < 1 ? t.fitted(line, shortNumber(p.scale, 4), money(p.payoutMinor)) : line;
    const paid = p.roles.filter((r) => r.heads > 0 && r.payoutMinor > 0);
    const people = paid.length === 0 ? [t.noHeads] : paid.map((r) => t.perHead(r.heads, names.role(r.roleId, r.heads), money(r.perHeadMinor), r.extraMinorHeads, t.oneMinor(b.minorDigits)));
    return p.payoutMinor === 0 ? explained : t.paidTo(explained, people.join(t.peopleSeparator));
  });
}

/**
 * The findings in words, or the one line saying there are none.
 *
 * @example
 * findingLines(b, 'en', names);
 * // → ['The pool is all or nothing at revenue 80%: just below it pays 0, at it 600,000 (100% of the plan pool). …']
 */
export function findingLines(b: BonusPlan, lang: Lang, names: BonusNames): string[] {
  const t = messages(lang).bonus.findings;
  const money = (minor: number) => minorText(minor, b.minorDigits);
  const kpi = (k: string) => kpiName(k, lang, names);
  const sep = messages(lang).hiring.listSeparator;
  if (b.findings.length === 0) return [t.none];
  return b.findings.map((f: BonusFinding) => {
    switch (f.kind) {
      case 'notMonotone':
        return t.notMonotone(bucketName(b, f.bucket), kpi(f.kpi), percentText(f.from), percentText(f.to), money(f.fromMinor), money(f.toMinor));
      case 'gateCliff':
        return t.gateCliff(kpi(f.kpi), percentText(f.at), money(f.jumpMinor), percentText(f.jumpMinor / f.planFundedMinor));
      case 'capInPlan':
        return f.bucket === null ? t.capInPlanFunding(percentText(f.cap)) : t.capInPlan(bucketName(b, f.bucket), kpi(f.kpi), percentText(f.cap));
      case 'overPool':
        return t.overPool(f.scenarios.map((n) => scenarioLabel(n, lang)).join(sep), f.cells, money(f.excessMinor));
      case 'noHeads':
        return t.noHeads(bucketName(b, f.bucket), f.roles.map((r) => names.role(r)).join(sep));
    }
  });
}
