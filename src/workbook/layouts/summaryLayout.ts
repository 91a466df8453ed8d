/**
 * The Summary sheet: the handful of numbers leadership reads first, large and formatted
 * for a screen, each a reference to the Inputs or Funnel sheet.
 */
import { stageLabel } from '../../core/stages';
import { area, sheetAreaRef, sheetRef } from '../a1';
import { COUNT_FORMAT, PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { formulaString } from '../formulas';
import { Grid } from '../grid';
import { text } from '../labels';
import type { SheetLayout } from '../sheetLayout';
import { funnelGeometry } from './funnelLayout';
import { marketingSources } from '../../core/funnelPlan';
import { inputsRef, sourceCells, spanOf, sumIfKind } from './inputsGeometry';
import { inputsGeometryOf } from './inputsLayout';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

const BIG = { fontSize: 12 } as const;

export function summaryLayout(input: LayoutInput): SheetLayout {
  const { plan, funnel, lang, stamp } = input;
  const S = plan.stages.length;
  const n = plan.sources.length;
  const ig = inputsGeometryOf(input);
  const fg = funnelGeometry(S, n);
  const grid = new Grid();
  const marketing = formulaString('marketing');
  const shares = sourceCells(ig, 'share');
  const funnelRevenue = funnel.sources.map((_, j) => sheetRef(SHEET.funnel, fg.revenue, fg.firstSourceCol + j));
  // The same sources SUMIF(kinds, "marketing", …) picks: kinds compare case-insensitively in both.
  const marketingIds = funnel.marketingTarget?.sourceIds ?? marketingSources(funnel.sources);
  const marketingShare = funnel.sources.reduce((sum, s) => (marketingIds.includes(s.id) ? sum + s.share : sum), 0);

  grid.set(1, 1, { value: plan.name ? `${text('summaryTitle', lang)} — ${plan.name}` : text('summaryTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });

  grid.set(4, 1, { value: text('revenueTarget', lang), style: BIG });
  grid.set(4, 2, { formula: 'RevenueTarget', value: plan.revenueTarget.value, format: moneyFormat(plan.currency), style: { ...BIG, bold: true } });
  grid.set(5, 1, { value: text('marketingShare', lang), style: BIG });
  grid.set(5, 2, {
    formula: sumIfKind(ig, marketing, shares.map(inputsRef), sheetAreaRef(SHEET.inputs, spanOf(shares))),
    value: Number(marketingShare.toPrecision(15)),
    format: PERCENT_FORMAT,
    style: BIG,
  });

  grid.set(7, 1, { value: text('required', lang), style: STYLE.section });
  grid.set(7, 2, { value: '', style: STYLE.section });
  plan.stages.forEach((stage, k) => {
    grid.set(8 + k, 1, { value: text('stageRequired', lang, { stage: stageLabel(stage, lang) }), style: BIG });
    grid.set(8 + k, 2, {
      formula: sheetRef(SHEET.funnel, fg.firstStage + k, fg.totalCol),
      value: funnel.total.counts[stage],
      format: COUNT_FORMAT,
      style: { ...BIG, bold: k === S - 1 },
    });
  });

  const m = funnel.marketingTarget;
  if (m) {
    const row = 9 + S;
    grid.set(row, 1, { value: text('marketingMust', lang, { stage: stageLabel(m.stage, lang) }), style: STYLE.headline });
    grid.set(row, 2, { formula: 'MarketingTarget', value: m.count, format: COUNT_FORMAT, style: STYLE.headline });
    const revenue = funnel.sources.filter((s) => m.sourceIds.includes(s.id)).reduce((sum, s) => sum + s.revenue, 0);
    grid.set(row + 1, 1, { value: text('marketingRevenue', lang), style: BIG });
    grid.set(row + 1, 2, {
      formula: sumIfKind(ig, marketing, funnelRevenue, sheetAreaRef(SHEET.funnel, area(fg.revenue, fg.firstSourceCol, 1, n))),
      value: revenue,
      format: moneyFormat(plan.currency),
      style: BIG,
    });
  }

  return {
    name: SHEET.summary,
    kind: 'summary',
    blocks: [grid.toBlock()],
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: [300, 180],
    namedRanges: [],
    validations: [],
    conditionalFormats: [{ area: area(8, 2, S, 1), kind: 'colorScale', minColor: '#ffffff', maxColor: '#8ab4f8' }],
    charts: [{ title: text('required', lang), data: area(8, 1, S, 2), anchor: { row: 4, col: 4 } }],
  };
}
