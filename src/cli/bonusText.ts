/**
 * The shared bonus pool in the terminal: `plan` prints the plan scenario's payouts bucket by
 * bucket; `bonus` adds every scenario's attainments and payouts, the grid and the findings.
 */
import Table from 'cli-table3';
import type { BonusPlan, ScenarioResult } from '../core/bonus/bonusTypes';
import { minorText, percentText, shortNumber } from '../core/bonus/bonusFormat';
import { roundMinor } from '../core/money/roundMinor';
import { BonusNames, bucketName, explainScenario, findingLines, kpiName, scenarioLabel as scenarioName } from '../core/bonus/explainPayout';
import type { Lang } from '../core/i18n/lang';
import { cliMessages } from './i18n/cliCatalogue';
import { COMPACT_TABLE } from './tableStyle';

const money = (b: BonusPlan, minor: number) => minorText(minor, b.minorDigits);
/** A cost as a share of revenue, to a hundredth of a percent: 1.05%. */
const costText = (x: number) => `${shortNumber(x * 100, 2)}%`;
/** A table header starts with a capital in English ("Revenue"); Chinese has none. */
const header = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "The pool is a target pool of 600,000, times the funding curve …; nothing is funded below revenue 80%." */
export function bonusRule(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const t = cliMessages(lang).bonus;
  const { pool, gate, fundingCurve, fitToPool } = b.bonus;
  const poolText = pool.kind === 'amount' ? t.poolAmount(money(b, roundMinor(pool.amount * 10 ** b.minorDigits))) : t.poolPercent(percentText(pool.percent));
  return t.rule(poolText, gate ? `${kpiName(gate.kpi, lang, names)} ${percentText(gate.min)}` : undefined, fundingCurve !== null, fitToPool);
}

function scenarioLabel(s: ScenarioResult, b: BonusPlan, lang: Lang): string {
  const t = cliMessages(lang).bonus;
  return s === b.plan ? t.planScenario : s === b.worstCase ? t.worstCase : scenarioName(s.name, lang);
}

/** The scenarios shown: the plan, the plan's named scenarios (one named like the plan scenario is the plan), the worst case. */
function shownScenarios(b: BonusPlan): ScenarioResult[] {
  const samePlan = (s: ScenarioResult) => s.name.toLowerCase() === b.plan.name.toLowerCase() && b.kpis.every((k) => s.kpis[k] === 1);
  return [b.plan, ...b.scenarios.filter((s) => !samePlan(s)), b.worstCase];
}

function attainmentTable(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const t = cliMessages(lang).bonus;
  const table = new Table({ head: [t.scenario, ...b.kpis.map((k) => header(kpiName(k, lang, names)))], colAligns: ['left', ...b.kpis.map(() => 'right' as const)], ...COMPACT_TABLE });
  for (const s of shownScenarios(b)) table.push([scenarioLabel(s, b, lang), ...b.kpis.map((k) => percentText(s.kpis[k] ?? 1))]);
  return table.toString();
}

function payoutTable(b: BonusPlan, lang: Lang): string {
  const t = cliMessages(lang).bonus;
  const buckets = b.bonus.buckets.map((x) => bucketName(b, x.id));
  const table = new Table({
    head: [t.scenario, t.funded, ...buckets, t.total, t.ofRevenue],
    colAligns: ['left', 'right', ...buckets.map(() => 'right' as const), 'right', 'right'],
    ...COMPACT_TABLE,
  });
  for (const s of shownScenarios(b)) {
    table.push([scenarioLabel(s, b, lang), money(b, s.fundedMinor), ...s.buckets.map((p) => money(b, p.payoutMinor)), money(b, s.totalMinor), s.costOfRevenue === null ? '—' : costText(s.costOfRevenue)]);
  }
  return table.toString();
}

function gridTable(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const table = new Table({
    head: [`${header(kpiName('revenue', lang, names))} \\ ${kpiName('marketingShare', lang, names)}`, ...b.grid.marketingShare.map(percentText)],
    colAligns: ['left', ...b.grid.marketingShare.map(() => 'right' as const)],
    ...COMPACT_TABLE,
  });
  b.grid.cells.forEach((row, i) => table.push([percentText(b.grid.revenue[i]), ...row.map((c) => money(b, c.totalMinor))]));
  return table.toString();
}

/**
 * What `plan` prints: the rule, the plan scenario bucket by bucket, the findings.
 *
 * @example
 * bonusSummaryText(b, 'en', names);
 * // → "Shared bonus pool (USD)\nThe pool is a target pool of 600,000, …\nPlan, bucket by bucket:\n  Marketing: 1 × (…) × 20% of a 600,000 pool = 120,000; …"
 */
export function bonusSummaryText(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const t = cliMessages(lang).bonus;
  return [
    t.title(b.currency),
    bonusRule(b, lang, names),
    '',
    t.explainTitle(t.planScenario),
    ...explainScenario(b, b.plan, lang, names).map((l) => `  ${l}`),
    '',
    t.findingsTitle,
    ...findingLines(b, lang, names).map((l) => `  ${l}`),
  ].join('\n');
}

/**
 * What `bonus` prints: the rule, attainments and payouts of every scenario, the chosen scenario
 * explained (default the plan), the grid of totals and the findings.
 */
export function bonusText(b: BonusPlan, scenario: ScenarioResult, lang: Lang, names: BonusNames): string {
  const t = cliMessages(lang).bonus;
  return [
    t.title(b.currency),
    bonusRule(b, lang, names),
    '',
    attainmentTable(b, lang, names),
    payoutTable(b, lang),
    ...(b.uncapped ? [t.uncapped] : []),
    '',
    t.explainTitle(scenarioLabel(scenario, b, lang)),
    ...explainScenario(b, scenario, lang, names).map((l) => `  ${l}`),
    '',
    t.gridTitle,
    gridTable(b, lang, names),
    '',
    t.findingsTitle,
    ...findingLines(b, lang, names).map((l) => `  ${l}`),
  ].join('\n');
}
