/** `plan`'s hiring plan under the funnel: who to hire when, the roles' table, the FY cost, the ramp-up gap, per-person targets and the two structures. */
import Table from 'cli-table3';
import type { RolePlan } from '../core/headcount/headcountTypes';
import { hiringSummary } from '../core/headcount/hiringSummary';
import { perPersonTarget } from '../core/headcount/perPerson';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { roleName } from '../core/headcount/roleName';
import { tradeOff } from '../core/headcount/structures';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { formatMoney } from '../report/formatNumber';
import { cliMessages } from './i18n/cliCatalogue';
import { COMPACT_TABLE } from './tableStyle';

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UP_TO_TWO = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const fte = (n: number) => ONE_DECIMAL.format(n);
/** A shortfall is above zero by definition: one that rounds to 0.0 reads "< 0.1", not "0.0". */
const gapFte = (n: number) => (n > 0 && n < 0.05 ? '< 0.1' : fte(n));

function fyMinor(h: HeadcountPlan, minor: readonly number[]): number {
  let sum = 0;
  for (let i = h.fyFrom; i < minor.length; i++) sum += minor[i];
  return sum;
}

function driverText(p: RolePlan, h: HeadcountPlan, lang: Lang): string {
  const t = cliMessages(lang).headcount;
  const d = p.role.driver;
  const capacity = UP_TO_TWO.format(p.role.capacityPerMonth ?? 0);
  if (d.kind === 'stage') return t.driverStage(stageLabel(d.stage, lang), capacity);
  if (d.kind === 'accounts') return t.driverAccounts(capacity);
  if (d.kind === 'fixed') return t.driverFixed(UP_TO_TWO.format(d.fte));
  const of = d.of.length <= 2 ? d.of.map((id) => roleName(h.roles.find((r) => r.role.id === id)?.role ?? { id, name: undefined }, lang, 2)).join(cliMessages(lang).cli.listSeparator) : t.roles(d.of.length);
  return (d.kind === 'span' ? t.driverSpan : t.driverRatio)(UP_TO_TWO.format(d.per), of);
}

/** FY work per effective FTE, a month and a working day, for a role driven by work (core/headcount/perPerson.ts). */
function perPerson(p: RolePlan, h: HeadcountPlan, lang: Lang): string | undefined {
  const target = perPersonTarget(p, h);
  if (!target) return undefined;
  const d = p.role.driver;
  const t = messages(lang).headcount;
  const unit = d.kind === 'stage' ? stageLabel(d.stage, lang) : t.accounts;
  // The account base is a stock, not a flow: Σ accounts ÷ Σ FTE over the months is the average book.
  if (target.book) return t.perPersonBook(roleName(p.role, lang, 1), ONE_DECIMAL.format(target.perMonth), unit);
  return t.perPerson(roleName(p.role, lang, 1), ONE_DECIMAL.format(target.perMonth), unit, target.perDay === undefined ? undefined : ONE_DECIMAL.format(target.perDay));
}

/**
 * The text: the hiring sentence, a table of roles (demand driver, hires, heads at FY end,
 * months short, FY cost), the FY cost line, the ramp-up gap by role and month, per-person
 * targets, and the horizontal and vertical structures with the trade-off.
 */
export function headcountText(h: HeadcountPlan, lang: Lang = 'en'): string {
  const t = cliMessages(lang).headcount;
  const money = (minor: number) => formatMoney(minor / 10 ** h.minorDigits, h.currency);
  const lines = [t.title(h.months[0], h.months[h.months.length - 1], h.months[h.fyFrom]), hiringSummary(h, lang), ''];

  const table = new Table({
    head: [t.role, t.driver, t.hires, t.headsAtFyEnd, t.monthsShort, t.yearCost],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right'],
    ...COMPACT_TABLE,
  });
  const last = h.months.length - 1;
  let hires = 0;
  for (const p of h.roles) {
    const n = p.hires.reduce((a, b) => a + b, 0);
    hires += n;
    table.push([roleName(p.role, lang), driverText(p, h, lang), String(n), fte(p.heads[last]), String(p.shortfall.filter((s) => s > 0).length), money(fyMinor(h, p.costMinor))]);
  }
  table.push([t.total, '', String(hires), fte(h.total.heads[last]), '', money(fyMinor(h, h.total.costMinor))]);
  lines.push(table.toString(), t.costLine(money(fyMinor(h, h.total.costMinor)), fte(h.total.heads[last])));

  const gaps = h.roles.filter((p) => p.shortfall.some((s) => s > 0));
  if (gaps.length > 0) {
    lines.push('', t.gapTitle);
    for (const p of gaps) {
      const months = h.months.flatMap((m, i) => (p.shortfall[i] > 0 ? [`${m} ${gapFte(p.shortfall[i])}`] : []));
      lines.push(t.gapLine(roleName(p.role, lang), months.join(cliMessages(lang).cli.listSeparator)));
    }
  }

  const targets = h.roles.map((p) => perPerson(p, h, lang)).filter((x): x is string => x !== undefined);
  if (targets.length > 0) lines.push('', t.perPersonTitle, ...targets.map((x) => `  ${x}`));

  const s = h.structures;
  if (s) {
    const c = messages(lang).headcount;
    lines.push(
      '',
      t.structuresTitle,
      t.structureLine(c.horizontal, fte(s.horizontal.headsAtFyEnd), money(s.horizontal.yearCostMinor), s.horizontal.rampMonths, s.horizontal.shortfallMonths),
      t.structureLine(c.vertical, fte(s.vertical.headsAtFyEnd), money(s.vertical.yearCostMinor), s.vertical.rampMonths, s.vertical.shortfallMonths),
      `  ${tradeOff(s, lang, money)}`,
    );
  }
  return lines.join('\n');
}
