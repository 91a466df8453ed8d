/**
 * The "What is wrong with our funnel" card: the form's plan diagnosed in the page by core's
 * diagnose, as `funnel-planner diagnose` does it (pageDiagnosis.ts) — per source its shape(s)
 * with the evidence and the advice, then the top rows of the sensitivity ranking (what a 10 %
 * better rate saves in entries and budget). A diagnosis takes a millisecond or two, so it follows
 * every valid keystroke; an invalid form shows no card, as the Confidence card does.
 */
import { percent } from '../../core/diagnosis/funnelShapes';
import type { PlanInput } from '../../core/planInput';
import { stageLabel } from '../../core/stages';
import type { Lang } from '../../core/stages';
import { clear, el } from './dom';
import { formatCount, formatMoney } from './numberText';
import { localToday } from './pageConfidence';
import { PageDiagnosis, pageDiagnosis } from './pageDiagnosis';
import type { SidebarText } from './sidebarText';

/** How many sensitivity rows the card shows: the ones worth acting on first; the sheet and the report list them all. */
export const SENSITIVITY_ROWS = 5;

export class DiagnosisView {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private lastKey: string | null = null;

  constructor(private readonly text: SidebarText, private readonly lang: Lang) {
    this.body = el('div', { className: 'diagnosis-body' });
    this.element = el('section', { className: 'diagnosis' }, [el('h2', { text: text.diagnosis.title }), el('p', { className: 'hint', text: text.diagnosis.intro }), this.body]);
    this.element.hidden = true;
  }

  /** The form was checked: diagnose its plan; an invalid form shows no card. */
  follow(input: PlanInput, valid: boolean): void {
    if (!valid) {
      this.lastKey = null;
      this.element.hidden = true;
      return;
    }
    const key = JSON.stringify(input);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.render(pageDiagnosis(input, localToday(), this.lang));
  }

  private render(run: PageDiagnosis | null): void {
    this.element.hidden = run === null;
    if (!run) return;
    const { plan, diagnosis: d } = run;
    const t = this.text.diagnosis;
    const short = (stage: string) => (Object.prototype.hasOwnProperty.call(t.stageNames, stage) ? t.stageNames[stage] : stage);
    const transition = (from: string) => t.transition(short(from), short(d.stages[d.stages.indexOf(from) + 1]));
    const nodes: HTMLElement[] = [];
    for (const source of d.sources) {
      nodes.push(el('h3', { text: source.name }));
      nodes.push(
        el(
          'ul',
          { className: 'diagnosis-shapes', attrs: { 'data-source': source.id } },
          source.shapes.map((f) =>
            el('li', { attrs: { 'data-shape': f.shape } }, [
              el('p', { className: 'diagnosis-shape', text: t.shapes[f.shape] }),
              el('p', { className: 'diagnosis-evidence', text: f.evidence }),
              el('p', { className: 'diagnosis-advice', text: `${t.adviceLabel}${f.advice}` }),
            ]),
          ),
        ),
      );
    }
    const ranking = d.sensitivity ?? [];
    if (ranking.length > 0) {
      const names = new Map(d.sources.map((s) => [s.id, s.name]));
      const top = ranking.slice(0, SENSITIVITY_ROWS);
      const head = el('tr', {}, [t.stage, t.entriesSaved, t.budgetSaved].map((h, i) => el('th', { attrs: { scope: 'col', class: i > 0 ? 'num' : '' }, text: h })));
      const rows = top.map((x) =>
        el('tr', { attrs: { 'data-source': x.source, 'data-stage': x.stage } }, [
          el('th', { attrs: { scope: 'row' } }, [
            el('span', { text: t.sourceStage(names.get(x.source) ?? x.source, transition(x.stage)) }),
            el('span', { className: 'rate-change', text: t.rateChange(percent(x.rate), percent(x.betterRate)) }),
          ]),
          el('td', { className: 'num', text: t.entries(formatCount(x.leadsSaved), stageLabel(x.entryStage, this.lang)) }),
          el('td', { className: 'num', text: x.budgetSaved === null ? t.noCost : formatMoney(x.budgetSaved, plan.currency) }),
        ]),
      );
      nodes.push(el('h3', { text: t.sensitivityTitle }));
      nodes.push(el('table', { className: 'diagnosis-sensitivity' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
      nodes.push(el('p', { className: 'hint', text: t.sensitivityHint(top.length, ranking.length) }));
    }
    clear(this.body);
    for (const node of nodes) this.body.appendChild(node);
  }
}
