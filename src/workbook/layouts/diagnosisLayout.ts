/**
 * The Diagnosis sheet (design.md §11): each source's funnel shapes with their evidence and
 * advice, the sensitivity ranking (what a 10 % better rate saves) and the benchmark bands — the
 * engine's values (core/diagnosis), not formulas: a shape is a judgement in words, and the
 * ranking reorders its rows; the sheet says to generate again after editing Inputs.
 */
import { diagnose, type Diagnosis } from '../../core/diagnosis/diagnosis';
import { planEvidence } from '../../core/diagnosis/funnelEvidence';
import { messages } from '../../core/i18n/catalogue';
import { minorDigits } from '../../core/money/money';
import { stageLabel } from '../../core/stages';
import { COUNT_FORMAT, PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { SheetLayout } from '../sheetLayout';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

const WRAP = { wrap: true } as const;

/** The plan's diagnosis in a language, computed once per plan and language (the report reads the same). */
const computed = new WeakMap<object, Map<string, Diagnosis>>();
export function diagnosisOf(input: Pick<LayoutInput, 'plan' | 'lang'>): Diagnosis {
  const plan = input.plan;
  const byLang = computed.get(plan) ?? new Map<string, Diagnosis>();
  computed.set(plan, byLang);
  let d = byLang.get(input.lang);
  if (!d) {
    d = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang: input.lang });
    byLang.set(input.lang, d);
  }
  return d;
}

export function diagnosisLayout(input: LayoutInput): SheetLayout {
  const { plan, lang, stamp } = input;
  const t = messages(lang).diagnosis;
  const s = t.sheet;
  const d = diagnosisOf(input);
  const short = (stage: string) => (Object.prototype.hasOwnProperty.call(t.stage, stage) ? t.stage[stage] : stage);
  const transition = (from: string) => t.transition(short(from), short(plan.stages[plan.stages.indexOf(from) + 1]));
  const money = moneyFormat(plan.currency, minorDigits(plan.currency) > 0);
  const grid = new Grid();
  grid.set(1, 1, { value: s.title, style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  grid.set(3, 1, { value: s.help, style: STYLE.help });

  let row = 5;
  grid.set(row, 1, { value: s.shapesTitle, style: STYLE.section });
  row++;
  [s.source, s.shape, s.evidence, s.advice].forEach((h, c) => grid.set(row, 1 + c, { value: h, style: { ...STYLE.header, align: 'left' } }));
  for (const source of d.sources) {
    for (const f of source.shapes) {
      row++;
      grid.set(row, 1, { value: source.name });
      grid.set(row, 2, { value: t.shapes[f.shape], style: { bold: true } });
      grid.set(row, 3, { value: f.evidence, style: WRAP });
      grid.set(row, 4, { value: f.advice, style: WRAP });
    }
  }

  row += 2;
  grid.set(row, 1, { value: s.sensitivityTitle, style: STYLE.section });
  row++;
  const heads = [s.source, s.stage, s.rate, s.betterRate, s.entryStage, s.entryToday, s.entryBetter, s.leadsSaved, s.budgetSaved, s.revenueGained];
  heads.forEach((h, c) => grid.set(row, 1 + c, { value: h, style: c < 2 ? { ...STYLE.header, align: 'left' } : STYLE.header }));
  const names = new Map(d.sources.map((x) => [x.id, x.name]));
  for (const item of d.sensitivity ?? []) {
    row++;
    grid.set(row, 1, { value: names.get(item.source) ?? item.source });
    grid.set(row, 2, { value: transition(item.stage) });
    grid.set(row, 3, { value: item.rate, format: PERCENT_FORMAT });
    grid.set(row, 4, { value: item.betterRate, format: PERCENT_FORMAT });
    grid.set(row, 5, { value: stageLabel(item.entryStage, lang) });
    grid.set(row, 6, { value: item.entryToday, format: COUNT_FORMAT });
    grid.set(row, 7, { value: item.entryBetter, format: COUNT_FORMAT });
    grid.set(row, 8, { value: item.leadsSaved, format: COUNT_FORMAT });
    grid.set(row, 9, item.budgetSaved === null ? { value: s.noCost, style: STYLE.muted } : { value: item.budgetSaved, format: money });
    grid.set(row, 10, { value: Math.round(item.revenueGained), format: money });
  }

  row += 2;
  grid.set(row, 1, { value: s.bandsTitle, style: STYLE.section });
  row++;
  [s.transition, s.low, s.high].forEach((h, c) => grid.set(row, 1 + c, { value: h, style: c === 0 ? { ...STYLE.header, align: 'left' } : STYLE.header }));
  for (const [from, band] of Object.entries(d.bands)) {
    row++;
    grid.set(row, 1, { value: transition(from) });
    grid.set(row, 2, { value: band.low, format: PERCENT_FORMAT });
    grid.set(row, 3, { value: band.high, format: PERCENT_FORMAT });
  }

  return {
    name: SHEET.diagnosis,
    kind: 'diagnosis',
    blocks: [grid.toBlock()],
    frozenRows: 0,
    frozenCols: 1,
    columnWidths: [190, 150, 360, 460, 110, 110, 110, 110, 120, 150],
    namedRanges: [],
    validations: [],
    conditionalFormats: [],
  };
}
