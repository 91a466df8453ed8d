/**
 * The "How sure is the plan" card: the form's plan simulated in the page as `funnel-planner
 * simulate` simulates it (pageConfidence.ts: 10,000 trials, seed 2027, 90 %), so its numbers are
 * the CLI's — P(revenue ≥ target), revenue P10 / P50 / P90, the entry volume per source that 90 %
 * needs against the plan's, and the bonus pool's cost when there is one.
 *
 * A run takes about 300 ms, too long for every keystroke: it waits until the typing pauses, off
 * the input handler, and the card says "simulating…" meanwhile. A run is kept by the input it
 * was for, so Generate sends the Confidence of exactly the input it sends.
 */
import type { Confidence } from '../../core/confidence/confidence';
import type { PlanInput } from '../../core/planInput';
import { stageLabel } from '../../core/stages';
import type { Lang } from '../../core/stages';
import { clear, el } from './dom';
import { formatCount, formatMoney, formatPercent } from './numberText';
import { PageConfidence, localToday, pageConfidence } from './pageConfidence';
import type { SidebarText } from './sidebarText';

/** How long the form must stay unchanged before the plan is simulated. */
export const SIMULATE_AFTER_MS = 350;

interface Run {
  readonly key: string;
  /** Null: the input is no plan (on today's date, say, where the form's check had none). */
  readonly run: PageConfidence | null;
}

/** The form's input as one string: two inputs with the same key are the same plan. */
const keyOf = (input: PlanInput): string => JSON.stringify(input);

export class ConfidenceView {
  readonly element: HTMLElement;
  private readonly status: HTMLElement;
  private readonly body: HTMLElement;
  private last: Run | null = null;
  /** The input the card should describe; null when the form holds no valid plan. */
  private wanted: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly text: SidebarText, private readonly lang: Lang) {
    this.status = el('p', { className: 'muted confidence-status', attrs: { role: 'status' } });
    this.body = el('div', { className: 'confidence-body' });
    this.element = el('section', { className: 'confidence' }, [el('h2', { text: text.confidence.title }), this.status, this.body]);
    this.element.hidden = true;
  }

  /** The form was checked: simulate its plan once the typing pauses; an invalid form shows no card. */
  follow(input: PlanInput, valid: boolean): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!valid) {
      this.wanted = null;
      this.element.hidden = true;
      return;
    }
    const key = keyOf(input);
    this.wanted = key;
    if (this.last?.key === key) {
      this.render(this.last.run);
      return;
    }
    this.element.hidden = false;
    this.element.setAttribute('data-state', 'simulating');
    this.element.setAttribute('aria-busy', 'true');
    this.status.textContent = this.text.confidence.simulating;
    this.status.hidden = false;
    this.body.classList.add('stale');
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.runFor(key, input);
    }, SIMULATE_AFTER_MS);
  }

  /** Whether the card already holds the run for `input`. */
  has(input: PlanInput): boolean {
    return this.last?.key === keyOf(input);
  }

  /** The Confidence of exactly `input`: the card's when it is for it, else simulated now; null when the input is no plan. */
  confidenceFor(input: PlanInput): Confidence | null {
    return this.runFor(keyOf(input), input)?.confidence ?? null;
  }

  private runFor(key: string, input: PlanInput): PageConfidence | null {
    if (this.last?.key !== key) this.last = { key, run: pageConfidence(input, localToday()) };
    // A run for a plan the form has since left stays for Generate, but is not shown.
    if (key === this.wanted) this.render(this.last.run);
    return this.last.run;
  }

  private render(run: PageConfidence | null): void {
    if (!run) {
      this.element.hidden = true;
      return;
    }
    const { plan, confidence: c } = run;
    const t = this.text.confidence;
    const money = (n: number) => formatMoney(Math.round(n), plan.currency);
    const within = formatPercent(c.forConfidence.confidence);
    const quantileHead = el('tr', {}, ['P10', 'P50', 'P90'].map((q) => el('th', { className: 'num', attrs: { scope: 'col' }, text: q })));
    const quantileRow = el('tr', {}, [c.revenue.p10, c.revenue.p50, c.revenue.p90].map((v) => el('td', { className: 'num', text: formatCount(Math.round(v)) })));
    const volumeRows = plan.sources.map((s) => {
      const v = c.forConfidence.bySource[s.id];
      return el('tr', { attrs: { 'data-source': s.id } }, [
        el('th', { attrs: { scope: 'row' }, text: t.sourceAt(s.name, stageLabel(v.stage, this.lang)) }),
        el('td', { className: 'num', text: formatCount(v.planned) }),
        el('td', { className: 'num needed', text: v.volume === undefined ? '—' : formatCount(v.volume) }),
      ]);
    });
    const volumeHead = el('tr', {}, [t.source, t.planned, t.needed(within)].map((h, i) => el('th', { attrs: { scope: 'col', class: i > 0 ? 'num' : '' }, text: h })));
    const k = c.forConfidence.multiplier;
    const nodes: HTMLElement[] = [
      el('p', { className: 'confidence-hit', text: t.pHit(formatPercent(c.pHitTarget), money(c.target)) }),
      el('p', { className: 'group-label', text: t.revenueIn(plan.currency) }),
      el('table', { className: 'confidence-revenue' }, [el('thead', {}, [quantileHead]), el('tbody', {}, [quantileRow])]),
      el('p', { className: 'hint', text: t.quantilesHint }),
      el('h3', { text: t.volumeTitle(within) }),
      el('table', { className: 'confidence-volume' }, [el('thead', {}, [volumeHead]), el('tbody', {}, volumeRows)]),
      el('p', { className: 'confidence-multiplier', text: k === undefined ? t.unreachable(within) : t.multiplier(within, String(k)) }),
    ];
    if (c.bonusCost) nodes.push(el('p', { className: 'confidence-bonus', text: t.bonusCost(money(c.bonusCost.mean), money(c.bonusCost.p90)) }));
    nodes.push(el('p', { className: 'hint', text: t.basis(formatCount(c.trials), c.seed) }));
    clear(this.body);
    for (const node of nodes) this.body.appendChild(node);
    this.body.classList.remove('stale');
    this.status.hidden = true;
    this.element.removeAttribute('aria-busy');
    this.element.setAttribute('data-state', 'ready');
    this.element.hidden = false;
  }
}
