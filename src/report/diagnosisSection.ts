/**
 * The report's diagnosis (design.md §11): each source's funnel shapes with evidence and advice,
 * the sensitivity ranking (what a 10 % better rate saves) and the benchmark bands — the numbers
 * core/diagnosis computes, as on the Diagnosis sheet.
 */
import type { Diagnosis } from '../core/diagnosis/diagnosis';
import { percent } from '../core/diagnosis/funnelShapes';
import { messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import { stageLabel } from '../core/stages';
import { escapeHtml } from './escapeHtml';
import { countHtml, moneyHtml } from './reportFormat';

/**
 * @example
 * diagnosisSection(diagnose({ … }), 'USD', 'en');
 * // → '<section class="diagnosis"><h2>Diagnosis — what is wrong with the funnel</h2>…'
 */
export function diagnosisSection(d: Diagnosis | undefined, currency: string, lang: Lang): string {
  if (!d) return '';
  const t = messages(lang).diagnosis;
  const s = t.sheet;
  const short = (stage: string) => (Object.prototype.hasOwnProperty.call(t.stage, stage) ? t.stage[stage] : stage);
  const transition = (from: string) => t.transition(short(from), short(d.stages[d.stages.indexOf(from) + 1]));
  const th = (x: string) => `<th scope="col">${escapeHtml(x)}</th>`;
  const shapes = d.sources
    .map(
      (source) =>
        `<h3>${escapeHtml(source.name)}</h3><ul class="diagnosis-shapes">` +
        source.shapes
          .map((f) => `<li class="shape-${f.shape}"><strong>${escapeHtml(t.shapes[f.shape])}</strong>: ${escapeHtml(f.evidence)}<br><span class="advice">${escapeHtml(f.advice)}</span></li>`)
          .join('') +
        '</ul>',
    )
    .join('');
  const names = new Map(d.sources.map((x) => [x.id, x.name]));
  const ranking = d.sensitivity
    ? `<h3>${escapeHtml(s.sensitivityTitle)}</h3><div class="table-wrap"><table class="sensitivity"><thead><tr>` +
      [s.source, s.stage, s.rate, s.entryToday, s.entryBetter, s.leadsSaved, s.budgetSaved, s.revenueGained].map(th).join('') +
      '</tr></thead><tbody>' +
      d.sensitivity
        .map(
          (x) =>
            `<tr><th scope="row">${escapeHtml(names.get(x.source) ?? x.source)}</th><td>${escapeHtml(transition(x.stage))}</td>` +
            `<td class="num">${escapeHtml(`${percent(x.rate)} → ${percent(x.betterRate)}`)}</td>` +
            `<td class="num">${countHtml(x.entryToday)} ${escapeHtml(stageLabel(x.entryStage, lang))}</td><td class="num">${countHtml(x.entryBetter)}</td>` +
            `<td class="num">${countHtml(x.leadsSaved)}</td><td class="num">${x.budgetSaved === null ? escapeHtml(s.noCost) : moneyHtml(x.budgetSaved, currency)}</td>` +
            `<td class="num">${moneyHtml(Math.round(x.revenueGained), currency)}</td></tr>`,
        )
        .join('') +
      '</tbody></table></div>'
    : '';
  const bands = `<p class="note">${escapeHtml(s.bandsTitle)}: ${Object.entries(d.bands)
    .map(([from, b]) => escapeHtml(`${transition(from)} ${percent(b.low)}–${percent(b.high)}`))
    .join(escapeHtml(t.separator))}</p>`;
  return `<section class="diagnosis"><h2>${escapeHtml(s.title)}</h2>${shapes}${ranking}${bands}</section>`;
}
