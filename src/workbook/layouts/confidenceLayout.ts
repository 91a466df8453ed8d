/**
 * The Confidence sheet (design.md §11): how sure the plan is — the simulation's trials and seed,
 * revenue P10 / P50 / P90 and mean against the target, P(revenue ≥ target), the entry volume
 * every source needs for the chosen confidence beside its planned volume, won deals per source,
 * the bonus pool's expected and P90 cost when the plan has a pool, and the revenue histogram
 * as a table with a column chart of it.
 *
 * Every number is the engine's (core/confidence/confidence.ts) written as a value: a simulation
 * is not a spreadsheet formula, and the help line says so. Without a simulation (Google Sheets'
 * menu Generate, where Apps Script's time limits forbid running one) the sheet holds no number
 * at all — none stale, none made up — only where the simulation runs and what writes it.
 */
import type { Confidence } from '../../core/confidence/confidence';
import { messages } from '../../core/i18n/catalogue';
import { stageLabel } from '../../core/stages';
import { area } from '../a1';
import { COUNT_FORMAT, PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { SheetLayout } from '../sheetLayout';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

const SECTION_ROW = 5;
const MULTIPLIER_FORMAT = '0.000';
const WHOLE_PERCENT = '0%';
const SEED_FORMAT = '0';
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A bin's range as its label (the chart's categories): whole units of the currency, "9,120,000 – 9,240,000". */
const binLabel = (from: number, to: number) => `${GROUPED.format(from)} – ${GROUPED.format(to)}`;

/** Where each part of the sheet starts, for the layout and for tests that read the sheet. */
export interface ConfidenceRows {
  readonly simulation: number;
  readonly bySource: number;
  readonly histogram: number;
}

export function confidenceRows(c: Confidence, sources: number): ConfidenceRows {
  const simulationRows = 10 + (c.bonusCost ? 2 : 0);
  const bySource = SECTION_ROW + simulationRows + 2;
  return { simulation: SECTION_ROW, bySource, histogram: bySource + 2 + sources + 1 };
}

export function confidenceLayout(input: LayoutInput): SheetLayout {
  const { plan, funnel, lang, stamp, confidence: c } = input;
  const t = messages(lang).confidence;
  const grid = new Grid();
  grid.set(1, 1, { value: t.title, style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  const base = { name: SHEET.confidence, kind: 'confidence', namedRanges: [], validations: [], conditionalFormats: [], frozenRows: 0, frozenCols: 0 };
  if (!c) {
    grid.set(3, 1, { value: t.notRun, style: STYLE.help });
    // No chart either: `[]` removes the histogram an earlier run from the sidebar drew.
    return { ...base, blocks: [grid.toBlock()], columnWidths: [720], charts: [] };
  }
  grid.set(3, 1, { value: t.help, style: STYLE.help });

  const money = moneyFormat(plan.currency);
  const rows = confidenceRows(c, plan.sources.length);
  const section = (row: number, label: string, cols: number) => {
    grid.set(row, 1, { value: label, style: STYLE.section });
    for (let col = 2; col <= cols; col++) grid.set(row, col, { value: null, style: STYLE.section });
  };

  // The simulation: one value a row.
  section(rows.simulation, t.simulation, 2);
  const k = c.forConfidence.multiplier;
  const lines: { label: string; value: number | string; format?: string; bold?: boolean; note?: string }[] = [
    { label: t.trials, value: c.trials, format: COUNT_FORMAT },
    { label: t.seed, value: c.seed, format: SEED_FORMAT },
    { label: t.target, value: c.target, format: money },
    { label: t.p10, value: c.revenue.p10, format: money },
    { label: t.p50, value: c.revenue.p50, format: money, bold: true },
    { label: t.p90, value: c.revenue.p90, format: money },
    { label: t.mean, value: c.revenue.mean, format: money },
    { label: t.pHit, value: c.pHitTarget, format: PERCENT_FORMAT, bold: true },
    { label: t.sizedFor, value: c.forConfidence.confidence, format: WHOLE_PERCENT },
    k === undefined ? { label: t.multiplier, value: t.unreachable, note: t.unreachableNote } : { label: t.multiplier, value: k, format: MULTIPLIER_FORMAT },
    ...(c.bonusCost
      ? [
          { label: t.bonusMean, value: c.bonusCost.mean, format: money },
          { label: t.bonusP90, value: c.bonusCost.p90, format: money },
        ]
      : []),
  ];
  lines.forEach((line, i) => {
    const row = rows.simulation + 1 + i;
    grid.set(row, 1, { value: line.label, ...(line.bold ? { style: STYLE.total } : {}) });
    grid.set(row, 2, { value: line.value, ...(line.format ? { format: line.format } : {}), ...(line.note ? { note: line.note } : {}), style: { align: 'right', ...(line.bold ? STYLE.total : {}) } });
  });

  // By source: won deals, then the entry volume as planned and for the confidence.
  const needed = t.needed(`${Number((c.forConfidence.confidence * 100).toFixed(1))}%`);
  const headers = [t.source, t.entryStage, t.wonP10, t.wonP50, t.wonP90, t.planned, needed];
  section(rows.bySource, t.bySource, headers.length);
  headers.forEach((label, i) => grid.set(rows.bySource + 1, 1 + i, { value: label, style: { ...STYLE.header, wrap: true, ...(i === 0 ? { align: 'left' } : {}) } }));
  funnel.sources.forEach((s, j) => {
    const row = rows.bySource + 2 + j;
    const won = c.bySource[s.id].won;
    const v = c.forConfidence.bySource[s.id];
    grid.set(row, 1, { value: s.name });
    grid.set(row, 2, { value: stageLabel(v.stage, lang) });
    [won.p10, won.p50, won.p90, v.planned].forEach((n, i) => grid.set(row, 3 + i, { value: n, format: COUNT_FORMAT }));
    grid.set(row, 7, v.volume === undefined ? { value: t.unreachable, note: t.unreachableNote, style: { align: 'right' } } : { value: v.volume, format: COUNT_FORMAT, style: STYLE.total });
  });

  // The histogram: a label column and the trials (the chart's data), and each bin's share.
  section(rows.histogram, t.histogram, 3);
  const header = rows.histogram + 1;
  grid.set(header, 1, { value: t.bin(plan.currency), style: { ...STYLE.header, align: 'left' } });
  grid.set(header, 2, { value: t.binTrials, style: STYLE.header });
  grid.set(header, 3, { value: t.binShare, style: STYLE.header });
  c.histogram.forEach((b, i) => {
    grid.set(header + 1 + i, 1, { value: binLabel(b.from, b.to) });
    grid.set(header + 1 + i, 2, { value: b.trials, format: COUNT_FORMAT });
    grid.set(header + 1 + i, 3, { value: c.trials > 0 ? b.trials / c.trials : 0, format: PERCENT_FORMAT });
  });

  return {
    ...base,
    blocks: [grid.toBlock()],
    columnWidths: [340, 130, 110, 110, 110, 130, 150],
    charts: c.histogram.length > 0 ? [{ kind: 'column', title: t.histogram, data: area(header, 1, c.histogram.length + 1, 2), anchor: { row: header, col: 5 } }] : [],
  };
}
