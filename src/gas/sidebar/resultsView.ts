/** The plan after a successful Preview or Generate: the headline, the funnel's totals, counts per source, and what was written. */
import type { PlanInput } from '../../core/planInput';
import type { SidebarSummary } from '../sidebarContract';
import { clear, el } from './dom';
import { formatCount, formatMoney } from './numberText';
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
      summary.stages.map((s) => [s.label, formatCount(s.total)]),
      'funnel-totals',
    );
  }

  private bySource(result: ShownResult): HTMLDetailsElement {
    const { summary } = result;
    const details = el('details', { className: 'by-source' }, [el('summary', { text: this.text.bySource })]);
    for (const source of summary.sources) {
      const entryIndex = entryStageIndex(result.input, source.id, summary);
      const rows = summary.stages.map((stage, k) => [
        stage.label,
        k < entryIndex ? '—' : formatCount(source.counts[stage.id] ?? 0),
      ]);
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

function table(head: readonly string[], rows: readonly (readonly string[])[], className: string): HTMLTableElement {
  const headRow = el('tr', {}, head.map((h, i) => el('th', { text: h, attrs: { scope: 'col', class: i > 0 ? 'num' : '' } })));
  const body = el(
    'tbody',
    {},
    rows.map((cells) => el('tr', {}, cells.map((c, i) => (i === 0 ? el('th', { text: c, attrs: { scope: 'row' } }) : el('td', { className: 'num', text: c }))))),
  );
  return el('table', { className }, [el('thead', {}, [headRow]), body]);
}
