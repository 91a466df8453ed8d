/**
 * The report's shared bonus pool (design.md §10): how the pool is funded, what it pays in the
 * plan, each named scenario and the worst case at the caps (funded pool, each bucket, total,
 * cost as a share of revenue), the revenue × marketing-share grid as a heat map, each bucket's
 * payout on plan in words, and the findings — the numbers `bonusPlan` computes.
 */
import type { BonusPlan, ScenarioResult } from '../core/bonus/bonusTypes';
import { bonusNames } from '../core/bonus/bonusNames';
import { minorText, percentText } from '../core/bonus/bonusFormat';
import { BonusNames, bucketName, explainScenario, findingLines, kpiName } from '../core/bonus/explainPayout';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { messages } from '../core/i18n/catalogue';
import { roundMinor } from '../core/money/roundMinor';
import type { Lang } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { heatColour } from './heatColour';
import { percentHtml } from './reportFormat';

const moneyCell = (b: BonusPlan, minor: number): string => `<td class="num">${escapeHtml(minorText(minor, b.minorDigits))}</td>`;

/** "revenue 85%, marketing share 90%": the KPIs the scenario puts off plan, in the bonus's order. */
function offPlan(b: BonusPlan, s: ScenarioResult, lang: Lang, names: BonusNames): string {
  const sep = messages(lang).hiring.listSeparator;
  return b.kpis
    .filter((k) => s.kpis[k] !== 1)
    .map((k) => `${kpiName(k, lang, names)} ${percentText(s.kpis[k])}`)
    .join(sep);
}

const onPlan = (s: ScenarioResult): boolean => Object.values(s.kpis).every((x) => x === 1);

function scenarioRow(b: BonusPlan, s: ScenarioResult, label: string, detail: string, className: string): string {
  const sub = detail ? `<span class="sub">${escapeHtml(detail)}</span>` : '';
  return (
    `<tr class="${className}"><th scope="row">${escapeHtml(label)}${sub}</th>` +
    moneyCell(b, s.fundedMinor) +
    s.buckets.map((p) => moneyCell(b, p.payoutMinor)).join('') +
    moneyCell(b, s.totalMinor) +
    `<td class="num">${s.costOfRevenue === null ? '—' : percentHtml(s.costOfRevenue)}</td></tr>`
  );
}

/** Plan first, then each named scenario (one on plan is the plan row already), then the worst case. */
function scenarioTable(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const t = messages(lang).bonusView;
  const head = [t.scenario, t.funded, ...b.bonus.buckets.map((x) => bucketName(b, x.id)), t.total, t.cost].map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join('');
  const rows = [
    scenarioRow(b, b.plan, t.plan, '', 'plan'),
    ...b.scenarios.filter((s) => !onPlan(s)).map((s) => scenarioRow(b, s, s.name, offPlan(b, s, lang, names), 'named')),
    scenarioRow(b, b.worstCase, t.worstCase, [t.atCaps, offPlan(b, b.worstCase, lang, names)].filter((x) => x !== '').join(': '), 'worst'),
  ];
  return `<div class="table-wrap"><table class="bonus-scenarios"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The total payout of every grid cell, coloured from the smallest to the largest, the value written in the cell. */
function gridTable(b: BonusPlan, lang: Lang): string {
  const t = messages(lang).bonusView;
  const totals = b.grid.cells.flat().map((c) => c.totalMinor);
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  const head =
    `<tr><th scope="col" class="corner">${escapeHtml(t.revenueAttainment)} ↓ · ${escapeHtml(t.marketingShareAttainment)} →</th>` +
    b.grid.marketingShare.map((m) => `<th scope="col">${escapeHtml(percentText(m))}</th>`).join('') +
    '</tr>';
  const rows = b.grid.cells.map((row, i) => {
    const cells = row.map((c) => {
      const colour = heatColour(c.totalMinor, min, max);
      return `<td class="num heat" style="background:${colour.background};color:${colour.text}">${escapeHtml(minorText(c.totalMinor, b.minorDigits))}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(percentText(b.grid.revenue[i]))}</th>${cells.join('')}</tr>`;
  });
  return (
    `<figure class="chart"><div class="table-wrap"><table class="bonus-grid"><caption>${escapeHtml(t.gridTitle)}</caption>` +
    `<thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<figcaption>${escapeHtml(t.gridCaption)}</figcaption></figure>`
  );
}

function poolLine(b: BonusPlan, lang: Lang, names: BonusNames): string {
  const t = messages(lang).bonusView;
  const { pool, gate, fundingCurve, fitToPool } = b.bonus;
  const amount = pool.kind === 'amount' ? t.poolAmount(`${b.currency} ${minorText(roundMinor(pool.amount * 10 ** b.minorDigits), b.minorDigits)}`) : t.poolPercent(percentText(pool.percent));
  return t.poolLine(amount, gate ? `${kpiName(gate.kpi, lang, names)} ${percentText(gate.min)}` : null, fundingCurve !== null, fitToPool);
}

/**
 * The section; '' without a bonus. `headcount` names the roles in the explanations.
 *
 * @example
 * bonusSection(bonusPlan(plan.bonus!, 1_200_000, 'USD', headcount), headcount, 'en');
 * // → '<section class="bonus"><h2>Shared bonus pool</h2>…'
 */
export function bonusSection(b: BonusPlan | undefined, headcount: HeadcountPlan | undefined, lang: Lang): string {
  if (!b) return '';
  const t = messages(lang).bonusView;
  const names = bonusNames(headcount, lang);
  const list = (lines: readonly string[], className: string) => `<ul class="${className}">${lines.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>`;
  return (
    `<section class="bonus"><h2>${escapeHtml(t.title)}</h2>` +
    `<p class="pool-line">${escapeHtml(poolLine(b, lang, names))} ${escapeHtml(t.amountsIn(b.currency))}</p>` +
    scenarioTable(b, lang, names) +
    `<p class="note">${escapeHtml(t.scenariosNote)}</p>` +
    (b.grid.cells.length > 0 && b.grid.marketingShare.length > 0 ? gridTable(b, lang) : '') +
    `<h3>${escapeHtml(t.explainTitle)}</h3>` +
    list(explainScenario(b, b.plan, lang, names), 'bonus-explain') +
    `<h3>${escapeHtml(t.findingsTitle)}</h3>` +
    list(findingLines(b, lang, names), b.findings.length > 0 ? 'bonus-findings' : 'bonus-findings none') +
    `</section>`
  );
}
