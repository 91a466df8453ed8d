/**
 * The plan after a successful Preview or Generate: the headline, the funnel's totals,
 * marketing's headline by month with quarters, the channels' budgets, the hiring plan, the bonus
 * pool with its sliders, counts per source, and what was written.
 */
import type { PlanInput } from '../../core/planInput';
import type { SidebarHiring, SidebarMonths, SidebarSummary } from '../sidebarContract';
import { bonusPart } from './bonusView';
import { clear, el } from './dom';
import { formatCount, formatFte, formatMoney } from './numberText';
import type { SidebarText } from './sidebarText';

export interface ShownResult {
  readonly summary: SidebarSummary;
  readonly sheets: readonly string[];
  readonly backups: readonly string[];
  /** The input that was sent: it says where each source enters, so stages above show "—" rather than 0. */
  readonly input: PlanInput;
}

export class ResultsView {
  readonly element: HTMLElement;

  constructor(private readonly text: SidebarText) {
    this.element = el('section', { className: 'results', attrs: { 'aria-live': 'polite' } });
    this.element.hidden = true;
  }

  show(result: ShownResult): void {
    const { summary } = result;
    const t = this.text;
    clear(this.element);
    this.element.classList.remove('stale');
    const headline = summary.marketingTarget
      ? t.headline(formatCount(summary.marketingTarget.count), summary.marketingTarget.label)
      : t.noMarketing;
    const children: Node[] = [
      el('h2', { text: t.resultsTitle }),
      el('p', { className: 'stale-note', text: t.stale }),
      el('p', { className: summary.marketingTarget ? 'headline' : 'muted', text: headline }),
      el('p', { className: 'muted', text: t.revenueLine(formatMoney(summary.revenueTarget, summary.currency)) }),
      this.totalsTable(summary),
      ...(summary.months ? [...this.marketingMonths(summary.months), ...this.channelBudgets(summary.months, summary.currency)] : []),
      ...(summary.hiring ? this.hiring(summary.hiring) : []),
      ...(summary.bonus ? [bonusPart(summary.bonus, t)] : []),
      this.bySource(result),
      el('p', { className: 'written', text: result.sheets.length > 0 ? t.sheetsWritten(result.sheets.join(t.listSeparator)) : t.previewOnly }),
    ];
    if (result.backups.length > 0) children.push(el('p', { className: 'written', text: t.backupsKept(result.backups.join(t.listSeparator)) }));
    for (const child of children) this.element.appendChild(child);
    this.element.hidden = false;
  }

  /** The form changed since: the numbers no longer describe it. */
  markStale(): void {
    if (!this.element.hidden) this.element.classList.add('stale');
  }

  private totalsTable(summary: SidebarSummary): HTMLTableElement {
    return table(
      [this.text.stage, this.text.total],
      summary.stages.map((s) => ({ cells: [s.label, formatCount(s.total)] })),
      'funnel-totals',
    );
  }

  /** Marketing's SQLs month by month (carry-in months first, marked), each quarter after its months, then the FY. */
  private marketingMonths(months: SidebarMonths): HTMLElement[] {
    const m = months.marketing;
    if (!m) return [];
    const t = this.text;
    const carryIn = months.months.filter((x) => x.carryIn).length;
    // The plan's first months may be carry-in for other stages only: marketing's rows start at its first SQL.
    const firstWork = months.months.findIndex((month, i) => !month.carryIn || m.values[i] > 0);
    const rows: Row[] = [];
    months.months.forEach((month, i) => {
      if (i < firstWork) return;
      rows.push(month.carryIn ? { cells: [`${month.label} ${t.carryIn}`, formatCount(m.values[i])], className: 'carry-in' } : { cells: [month.label, formatCount(m.values[i])] });
      const fyMonth = i - carryIn;
      if (fyMonth % 3 === 2) rows.push({ cells: [t.quarter((fyMonth + 1) / 3), formatCount(m.quarters[(fyMonth - 2) / 3])], className: 'subtotal' });
    });
    rows.push({ cells: [t.fiscalYear, formatCount(m.fiscalYear)], className: 'subtotal' });
    return [el('h3', { text: t.byMonth(m.label) }), table([t.month, m.label], rows, 'marketing-months')];
  }

  /** Each channel's budget over the FY (named with its source when several sources have channels), and marketing's sum. */
  private channelBudgets(months: SidebarMonths, currency: string): HTMLElement[] {
    if (months.channels.length === 0) return [];
    const t = this.text;
    const several = new Set(months.channels.map((c) => c.source)).size > 1;
    const rows: Row[] = months.channels.map((c) => ({
      cells: [several ? `${c.source} — ${c.name}` : c.name, c.budget === null ? '—' : formatMoney(c.budget, currency)],
    }));
    if (months.marketingBudget !== null && months.channels.length > 1) {
      rows.push({ cells: [t.marketingBudget, formatMoney(months.marketingBudget, currency)], className: 'subtotal' });
    }
    return [el('h3', { text: t.channelBudget }), table([t.channel, t.budgetFy], rows, 'channel-budget')];
  }

  /** Who to hire when, the FY cost, each role's hires and heads at FY end, and the ramp-up gap by role and month. */
  private hiring(hiring: SidebarHiring): HTMLElement[] {
    const t = this.text;
    const rows: Row[] = hiring.roles.map((r) => ({ cells: [r.name, formatCount(r.hires), formatFte(r.headsAtFyEnd)] }));
    const gaps = hiring.roles.filter((r) => r.gap.length > 0);
    const nodes: HTMLElement[] = [
      el('h3', { text: t.hiringTitle }),
      el('p', { className: 'hiring-sentence', text: hiring.sentence }),
      el('p', { className: 'muted hiring-cost', text: hiring.costLine }),
      table([t.role, t.hires, t.headsAtFyEnd], rows, 'hiring-roles'),
    ];
    if (gaps.length > 0) {
      nodes.push(
        el('p', { className: 'group-label', text: t.gapTitle }),
        el('ul', { className: 'gap-list' }, gaps.map((r) => el('li', { text: t.gapLine(r.name, r.gap.map((g) => `${g.label} ${formatFte(g.fte)}`).join(t.listSeparator)) }))),
      );
    }
    return nodes;
  }

  private bySource(result: ShownResult): HTMLDetailsElement {
    const { summary } = result;
    const details = el('details', { className: 'by-source' }, [el('summary', { text: this.text.bySource })]);
    for (const source of summary.sources) {
      const entryIndex = entryStageIndex(result.input, source.id, summary);
      const rows = summary.stages.map((stage, k) => ({
        cells: [stage.label, k < entryIndex ? '—' : formatCount(source.counts[stage.id] ?? 0)],
      }));
      details.appendChild(el('h3', { text: source.name }));
      details.appendChild(el('p', { className: 'muted', text: formatMoney(source.revenue, summary.currency) }));
      details.appendChild(table([this.text.stage, this.text.count], rows, 'source-counts'));
    }
    return details;
  }
}

function entryStageIndex(input: PlanInput, sourceId: string, summary: SidebarSummary): number {
  const source = input.sources.find((s) => typeof s.id === 'string' && s.id.trim() === sourceId);
  const index = summary.stages.findIndex((s) => s.id === source?.entryStage);
  return index < 0 ? 0 : index;
}

/** A table row: its heading cell, then numbers; `subtotal` and `carry-in` rows are styled apart. */
interface Row {
  readonly cells: readonly string[];
  readonly className?: 'subtotal' | 'carry-in';
}

function table(head: readonly string[], rows: readonly Row[], className: string): HTMLTableElement {
  const headRow = el('tr', {}, head.map((h, i) => el('th', { text: h, attrs: { scope: 'col', class: i > 0 ? 'num' : '' } })));
  const body = el(
    'tbody',
    {},
    rows.map((row) =>
      el('tr', { className: row.className }, row.cells.map((c, i) => (i === 0 ? el('th', { text: c, attrs: { scope: 'row' } }) : el('td', { className: 'num', text: c })))),
    ),
  );
  return el('table', { className }, [el('thead', {}, [headRow]), body]);
}
