/**
 * The results' shared bonus pool: two sliders (revenue attainment, marketing-share attainment)
 * and what every bucket, and every head of its roles, is paid there — computed in the page by
 * core's payScenario, the same code the CLI, the report and the sheets pay with.
 */
import { minorText } from '../../core/bonus/bonusFormat';
import { payScenario } from '../../core/bonus/payScenario';
import type { ScenarioResult } from '../../core/bonus/bonusTypes';
import type { SidebarBonus } from '../sidebarContract';
import { clear, el, freshId } from './dom';
import { formatPercent as percent } from './numberText';
import type { SidebarText } from './sidebarText';

/** The sliders' range and step, in percent of plan. */
export const SLIDER = { min: 50, max: 150, step: 1 } as const;

/** A slider with its label and the value it is at, as the label says it. */
function slider(label: string, onMove: () => void): { element: HTMLElement; input: HTMLInputElement; shown: HTMLOutputElement } {
  const id = freshId('bonus');
  const input = el('input', { attrs: { type: 'range', id, min: String(SLIDER.min), max: String(SLIDER.max), step: String(SLIDER.step), value: '100' } });
  const shown = el('output', { attrs: { for: id }, text: '100%' });
  input.addEventListener('input', onMove);
  return { element: el('div', { className: 'field slider' }, [el('label', { attrs: { for: id } }, [`${label} `, shown]), input]), input, shown };
}

export function bonusPart(b: SidebarBonus, t: SidebarText): HTMLElement {
  const money = (minor: number) => minorText(minor, b.minorDigits);
  const ctx = { revenueTarget: b.revenueTarget, scale: 10 ** b.minorDigits, heads: b.heads, kpis: b.kpis };
  const out = el('div', { className: 'bonus-payouts', attrs: { 'aria-live': 'polite' } });
  const update = () => {
    const revenue = Number(revenueSlider.input.value) / 100;
    const marketingShare = Number(shareSlider.input.value) / 100;
    revenueSlider.shown.textContent = percent(revenue);
    shareSlider.shown.textContent = percent(marketingShare);
    show(payScenario(b.bonus, '', { revenue, marketingShare }, ctx));
  };
  const revenueSlider = slider(t.bonus.revenueAttainment, update);
  const shareSlider = slider(t.bonus.marketingShareAttainment, update);

  const show = (s: ScenarioResult) => {
    clear(out);
    const gate = b.bonus.gate;
    out.appendChild(el('p', { className: 'bonus-funded', text: `${t.bonus.funded}: ${b.currency} ${money(s.fundedMinor)}` }));
    if (!s.gateMet && gate) out.appendChild(el('p', { className: 'muted bonus-gate', text: t.bonus.belowGate(percent(gate.min)) }));
    const rows: HTMLTableRowElement[] = [];
    s.buckets.forEach((p) => {
      rows.push(el('tr', { className: 'bucket', attrs: { 'data-bucket': p.id } }, [el('th', { attrs: { scope: 'row' }, text: b.bucketNames[p.id] ?? p.id }), el('td', { className: 'num', text: money(p.payoutMinor) })]));
      for (const r of p.roles) {
        if (r.heads === 0) continue;
        const each = r.extraMinorHeads > 0 ? `${money(r.perHeadMinor)}–${money(r.perHeadMinor + 1)}` : money(r.perHeadMinor);
        rows.push(
          el('tr', { className: 'per-head', attrs: { 'data-role': r.roleId } }, [el('th', { attrs: { scope: 'row' }, text: t.bonus.roleHeads(b.roleNames[r.roleId] ?? r.roleId, r.heads) }), el('td', { className: 'num', text: t.bonus.each(each) })]),
        );
      }
    });
    rows.push(el('tr', { className: 'subtotal' }, [el('th', { attrs: { scope: 'row' }, text: t.bonus.total }), el('td', { className: 'num', text: money(s.totalMinor) })]));
    const head = el('tr', {}, [el('th', { attrs: { scope: 'col' }, text: t.bonus.bucket }), el('th', { attrs: { scope: 'col', class: 'num' }, text: `${t.bonus.payout} (${b.currency})` })]);
    out.appendChild(el('table', { className: 'bonus-buckets' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    out.appendChild(el('p', { className: 'muted bonus-cost', text: `${t.bonus.cost}: ${s.costOfRevenue === null ? '—' : percent(s.costOfRevenue)}` }));
  };

  update();
  return el('div', { className: 'bonus' }, [el('h3', { text: t.bonus.sidebarTitle }), el('p', { className: 'hint', text: t.bonus.sliderHint }), revenueSlider.element, shareSlider.element, out]);
}
