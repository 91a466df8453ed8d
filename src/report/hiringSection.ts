/**
 * The report's headcount (design.md §9, issue "Org-role headcount"): who to hire when in a
 * sentence, the FY cost, the hiring timeline chart, one row per role (heads at FY end, hires,
 * FY cost, first covered month, the ramp-up gap), per-person targets, and the horizontal and
 * vertical structures side by side with the trade-off in words — the numbers `plan` prints.
 */
import type { RolePlan } from '../core/headcount/headcountTypes';
import { hiringSummary } from '../core/headcount/hiringSummary';
import { perPersonTarget } from '../core/headcount/perPerson';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { roleName } from '../core/headcount/roleName';
import { tradeOff } from '../core/headcount/structures';
import type { StructureNumbers } from '../core/headcount/structures';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { formatFte, formatMoney } from './formatNumber';
import { chartedRoles, hiringChart, planMonthLabel } from './hiringChart';
import { countHtml, fteHtml, moneyHtml } from './reportFormat';

/** Σ of the FY's months (from `fyFrom`) of amounts in minor units. */
function fyMinor(h: HeadcountPlan, minor: readonly number[]): number {
  let sum = 0;
  for (let i = h.fyFrom; i < minor.length; i++) sum += minor[i];
  return sum;
}

const moneyOf = (h: HeadcountPlan) => (minor: number) => moneyHtml(minor / 10 ** h.minorDigits, h.currency);
/** Money inside a sentence: plain text, escaped with the sentence. */
const moneyText = (h: HeadcountPlan) => (minor: number) => formatMoney(minor / 10 ** h.minorDigits, h.currency);

/**
 * The months short as runs of consecutive months ("Nov 2026 – Jan 2027", "Mar 2027"), in order;
 * empty when the role is never short.
 *
 * @example
 * gapRuns(h, sdrPlan, 'en'); // → ['Jan 2027']
 */
export function gapRuns(h: HeadcountPlan, p: RolePlan, lang: Lang): string[] {
  const runs: string[] = [];
  for (let i = 0; i < h.months.length; i++) {
    if (!(p.shortfall[i] > 0)) continue;
    let j = i;
    while (j + 1 < h.months.length && p.shortfall[j + 1] > 0) j++;
    runs.push(i === j ? planMonthLabel(h, i, lang) : `${planMonthLabel(h, i, lang)} – ${planMonthLabel(h, j, lang)}`);
    i = j;
  }
  return runs;
}

function roleTable(h: HeadcountPlan, lang: Lang): string {
  const t = messages(lang).hiring;
  const money = moneyOf(h);
  const last = h.months.length - 1;
  let hires = 0;
  const rows = h.roles.map((p) => {
    const n = p.hires.reduce((a, b) => a + b, 0);
    hires += n;
    const runs = gapRuns(h, p, lang);
    const gap =
      runs.length === 0
        ? `<td class="muted">—</td>`
        : `<td class="gap">${escapeHtml(runs.join(t.listSeparator))}<span class="sub">${escapeHtml(t.gapUpTo(formatFte(Math.max(...p.shortfall))))}</span></td>`;
    const covered = p.firstCovered < h.months.length ? planMonthLabel(h, p.firstCovered, lang) : t.afterFy;
    return (
      `<tr data-role="${escapeHtml(p.role.id)}"><th scope="row">${escapeHtml(roleName(p.role, lang))}</th>` +
      `<td class="num">${fteHtml(p.heads[last])}</td>` +
      `<td class="num">${countHtml(n)}</td>` +
      `<td class="num">${money(fyMinor(h, p.costMinor))}</td>` +
      `<td>${escapeHtml(covered)}</td>` +
      gap +
      `</tr>`
    );
  });
  const total =
    `<tr class="total"><th scope="row">${escapeHtml(t.total)}</th><td class="num">${fteHtml(h.total.heads[last])}</td>` +
    `<td class="num">${countHtml(hires)}</td><td class="num">${money(fyMinor(h, h.total.costMinor))}</td><td></td><td></td></tr>`;
  const head = [t.role, t.headsAtFyEnd, t.hires, t.yearCost, t.firstCovered, t.rampGap].map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join('');
  return (
    `<div class="table-wrap"><table class="hiring-table"><thead><tr>${head}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody><tfoot>${total}</tfoot></table></div>` +
    `<p class="note">${escapeHtml(t.tableNote)}</p>`
  );
}

/** "each SDR: 10.3 SQLs a month, 0.5 a working day", for every role driven by work. */
export function perPersonLines(h: HeadcountPlan, lang: Lang): string[] {
  const c = messages(lang).headcount;
  return h.roles.flatMap((p) => {
    const target = perPersonTarget(p, h);
    if (!target) return [];
    const d = p.role.driver;
    const unit = d.kind === 'stage' ? stageLabel(d.stage, lang) : c.accounts;
    const one = roleName(p.role, lang, 1);
    return [target.book ? c.perPersonBook(one, formatFte(target.perMonth), unit) : c.perPerson(one, formatFte(target.perMonth), unit, target.perDay === undefined ? undefined : formatFte(target.perDay))];
  });
}

function perPersonSection(h: HeadcountPlan, lang: Lang): string {
  const lines = perPersonLines(h, lang);
  if (lines.length === 0) return '';
  const t = messages(lang).hiring;
  return (
    `<section class="per-person"><h2>${escapeHtml(t.perPersonTitle)}</h2>` +
    `<ul class="targets">${lines.map((x) => `<li>${escapeHtml(x)}</li>`).join('')}</ul>` +
    `<p class="note">${escapeHtml(t.perPersonNote)}</p></section>`
  );
}

function structuresSection(h: HeadcountPlan, lang: Lang): string {
  const s = h.structures;
  if (!s) return '';
  const t = messages(lang).hiring;
  const c = messages(lang).headcount;
  const money = moneyOf(h);
  const row = (label: string, value: (n: StructureNumbers) => string) =>
    `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${value(s.horizontal)}</td><td class="num">${value(s.vertical)}</td></tr>`;
  const rows = [
    row(t.headsAtFyEnd, (n) => fteHtml(n.headsAtFyEnd)),
    row(t.yearCost, (n) => money(n.yearCostMinor)),
    row(t.hires, (n) => countHtml(n.hires)),
    row(t.rampMonths, (n) => countHtml(n.rampMonths)),
    row(t.shortMonths, (n) => countHtml(n.shortfallMonths)),
  ];
  const head = `<th scope="col"></th><th scope="col">${escapeHtml(c.horizontal)}</th><th scope="col">${escapeHtml(c.vertical)}</th>`;
  return (
    `<section class="structures"><h2>${escapeHtml(t.structuresTitle)}</h2>` +
    `<div class="table-wrap"><table class="structure-table"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    `<p class="trade-off">${escapeHtml(tradeOff(s, lang, moneyText(h)))}</p></section>`
  );
}

/** Past this many characters the hiring sentence reads as a paragraph, not a headline. */
const LONG_SENTENCE = 160;

/** The hiring plan, per-person targets and structures; '' without a headcount plan. */
export function hiringSections(h: HeadcountPlan | undefined, lang: Lang): string {
  if (!h || h.months.length === 0) return '';
  const t = messages(lang).hiring;
  const last = h.months.length - 1;
  const label = (i: number) => planMonthLabel(h, i, lang);
  const quiet = h.roles.filter((p) => !chartedRoles(h).includes(p)).map((p) => roleName(p.role, lang));
  const chart = hiringChart(h, lang);
  const sentence = hiringSummary(h, lang, label);
  return (
    `<section class="hiring"><h2>${escapeHtml(t.title)}</h2>` +
    `<div class="headline"><p class="hiring-summary${sentence.length > LONG_SENTENCE ? ' long' : ''}">${escapeHtml(sentence)}</p>` +
    `<p class="headline-sources">${escapeHtml(t.costLine(moneyText(h)(fyMinor(h, h.total.costMinor)), formatFte(h.total.heads[last])))}</p></div>` +
    `<p class="note">${escapeHtml(t.period(label(0), label(last), label(h.fyFrom)))}</p>` +
    (chart
      ? `<figure class="chart">${chart}<figcaption>${escapeHtml(t.chartCaption)}</figcaption></figure>` +
        (quiet.length > 0 ? `<p class="note">${escapeHtml(t.noHiresFor(quiet.join(t.listSeparator)))}</p>` : '')
      : '') +
    roleTable(h, lang) +
    `</section>` +
    perPersonSection(h, lang) +
    structuresSection(h, lang)
  );
}
