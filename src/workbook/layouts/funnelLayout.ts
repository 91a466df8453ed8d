/**
 * The Funnel sheet: stages down, sources across, totals, revenue per source and
 * marketing's headline target; below it, one row per channel of a source split into channels.
 * Every number is a live formula of the Inputs sheet, cached with the engine's value so the
 * file reads right before any recalculation.
 */
import { stageLabel } from '../../core/stages';
import { area, areaAddress, cellAddress } from '../a1';
import { COUNT_FORMAT, STYLE, moneyFormat } from '../formats';
import { ceilExactFormula, formulaString } from '../formulas';
import { Grid } from '../grid';
import { text } from '../labels';
import type { SheetLayout } from '../sheetLayout';
import { CellAt, inputsRef, stagePosition, sumIfKind } from './inputsGeometry';
import { inputsGeometryOf } from './inputsLayout';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

/** Where things are on the Funnel sheet, for the Summary sheet's references. */
export interface FunnelGeometry {
  readonly header: number;
  readonly firstStage: number;
  readonly revenue: number;
  readonly wonRevenue: number;
  readonly headline: number;
  readonly firstSourceCol: number;
  readonly totalCol: number;
}

export function funnelGeometry(stageCount: number, sourceCount: number): FunnelGeometry {
  const firstStage = 6;
  return {
    header: 5,
    firstStage,
    revenue: firstStage + stageCount,
    wonRevenue: firstStage + stageCount + 1,
    headline: firstStage + stageCount + 3,
    firstSourceCol: 2,
    totalCol: 2 + sourceCount,
  };
}

export function funnelLayout(input: LayoutInput): SheetLayout {
  const { plan, funnel, lang, stamp } = input;
  const stages = plan.stages;
  const S = stages.length;
  const n = plan.sources.length;
  const ig = inputsGeometryOf(input);
  const fg = funnelGeometry(S, n);
  const cents = plan.sources.some((s) => !Number.isInteger(s.avgDealSize.value));
  const money = moneyFormat(plan.currency, cents);
  const grid = new Grid();

  grid.set(1, 1, { value: text('funnelTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  grid.set(3, 1, { value: text('funnelHelp', lang), style: STYLE.help });
  grid.set(fg.header, 1, { value: text('stage', lang), style: STYLE.header });
  grid.set(fg.header, fg.totalCol, { value: text('total', lang), style: STYLE.header });

  const rowTotal = (row: number) => `SUM(${areaAddress(area(row, fg.firstSourceCol, 1, n))})`;

  // Below the headline, one row per channel of a split source, reverse-funnelled on its own from its row of the
  // Inputs sheet's Channels list (a blank deal size or rate there is the source's): stages across, then its
  // revenue and won revenue. A split source's cells above are the sums of its channels' rows.
  const channelBlock = fg.headline + 2;
  const channelHeader = channelBlock + 1;
  const channelRows: number[][] = [];
  let nextChannelRow = channelHeader + 1;
  plan.sources.forEach((source, j) => {
    const cells = ig.sources[j].channels;
    channelRows[j] = cells.length === source.channels.length ? source.channels.map(() => nextChannelRow++) : [];
  });
  const revenueCol = 2 + S;
  const wonRevenueCol = 3 + S;
  if (nextChannelRow > channelHeader + 1) {
    grid.set(channelBlock, 1, { value: text('funnelChannels', lang), style: STYLE.section, note: text('funnelChannelsNote', lang) });
    grid.set(channelHeader, 1, { value: text('channel', lang), style: STYLE.header });
    stages.forEach((stage, k) => grid.set(channelHeader, 2 + k, { value: stageLabel(stage, lang), style: STYLE.header }));
    grid.set(channelHeader, revenueCol, { value: text('revenue', lang), style: STYLE.header });
    grid.set(channelHeader, wonRevenueCol, { value: text('wonRevenue', lang), style: STYLE.header });
  }
  funnel.sources.forEach((source, j) => {
    const cells = ig.sources[j];
    const share = inputsRef(cells.share);
    const entry = inputsRef(cells.entryStage);
    source.channels.forEach((channel, c) => {
      const row = channelRows[j][c];
      if (row === undefined) return;
      const own = cells.channels[c];
      const inherit = (cell: CellAt | undefined, fallback: string) => (cell ? `IF(${inputsRef(cell)}="",${fallback},${inputsRef(cell)})` : fallback);
      const deal = inherit(own.avgDealSize, inputsRef(cells.avgDealSize));
      const revenue = `RevenueTarget*${share}*${inputsRef(own.share)}`;
      grid.set(row, 1, { value: text('monthlyChannel', lang, { source: source.name, name: channel.name }), style: STYLE.label });
      stages.forEach((stage, k) => {
        const col = 2 + k;
        const count = channel.counts[stage];
        if (k === S - 1) {
          grid.set(row, col, { formula: ceilExactFormula(`${revenue}/${deal}`), value: count, format: COUNT_FORMAT, style: STYLE.total });
          return;
        }
        const rate = inherit(own.rates[stage], inputsRef(cells.rates[k]));
        grid.set(row, col, {
          formula: `IF(${stagePosition(ig, k)}<MATCH(${entry},Stages,0),0,${ceilExactFormula(`${cellAddress(row, col + 1)}/${rate}`)})`,
          value: count,
          format: COUNT_FORMAT,
        });
      });
      grid.set(row, revenueCol, { formula: revenue, value: channel.revenue, format: money });
      grid.set(row, wonRevenueCol, { formula: `${cellAddress(row, 1 + S)}*${deal}`, value: channel.wonRevenue, format: money });
    });
  });
  stages.forEach((stage, k) => {
    const row = fg.firstStage + k;
    grid.set(row, 1, { value: stageLabel(stage, lang), style: k === S - 1 ? STYLE.total : STYLE.label });
    grid.set(row, fg.totalCol, { formula: rowTotal(row), value: funnel.total.counts[stage], format: COUNT_FORMAT, style: STYLE.total });
  });

  funnel.sources.forEach((source, j) => {
    const col = fg.firstSourceCol + j;
    const cells = ig.sources[j];
    const share = inputsRef(cells.share);
    const deal = inputsRef(cells.avgDealSize);
    const entry = inputsRef(cells.entryStage);
    grid.set(fg.header, col, {
      formula: `IF(${inputsRef(cells.name)}="",${inputsRef(cells.id)},${inputsRef(cells.name)})`,
      value: source.name,
      style: STYLE.header,
    });
    const split = plan.sources[j].channels.length > 0;
    const ownRows = channelRows[j];
    /** The sum of the source's channel rows in column `c` of the channel block. */
    const channelSum = (c: number) => `SUM(${areaAddress(area(ownRows[0], c, ownRows.length, 1))})`;
    stages.forEach((stage, k) => {
      const row = fg.firstStage + k;
      const count = source.counts[stage];
      if (split) {
        // Each channel rounds up on its own: the source is the sum of its channels' rows below.
        const style = k === S - 1 ? { style: STYLE.total } : {};
        const note = k === 0 ? { note: text('funnelSplitNote', lang) } : {};
        grid.set(row, col, ownRows.length > 0 ? { formula: channelSum(2 + k), value: count, format: COUNT_FORMAT, ...style, ...note } : { value: count, format: COUNT_FORMAT, ...style, ...note });
        return;
      }
      if (k === S - 1) {
        grid.set(row, col, { formula: ceilExactFormula(`RevenueTarget*${share}/${deal}`), value: count, format: COUNT_FORMAT, style: STYLE.total });
        return;
      }
      const below = cellAddress(row + 1, col);
      const rate = inputsRef(cells.rates[k]);
      grid.set(row, col, {
        formula: `IF(${stagePosition(ig, k)}<MATCH(${entry},Stages,0),0,${ceilExactFormula(`${below}/${rate}`)})`,
        value: count,
        format: COUNT_FORMAT,
      });
    });
    grid.set(fg.revenue, col, { formula: `RevenueTarget*${share}`, value: source.revenue, format: money });
    // A channel may have its own deal size: a split source's won revenue is the sum of its channels' rows.
    grid.set(
      fg.wonRevenue,
      col,
      split
        ? { ...(ownRows.length > 0 ? { formula: channelSum(wonRevenueCol) } : {}), value: source.wonRevenue, format: money }
        : { formula: `${cellAddress(fg.firstStage + S - 1, col)}*${deal}`, value: source.wonRevenue, format: money },
    );
  });
  grid.set(fg.revenue, 1, { value: text('revenue', lang) });
  grid.set(fg.revenue, fg.totalCol, { formula: rowTotal(fg.revenue), value: funnel.total.revenue, format: money, style: STYLE.total });
  grid.set(fg.wonRevenue, 1, { value: text('wonRevenue', lang) });
  grid.set(fg.wonRevenue, fg.totalCol, { formula: rowTotal(fg.wonRevenue), value: funnel.total.wonRevenue, format: money, style: STYLE.total });

  const m = funnel.marketingTarget;
  const namedRanges = [];
  if (m) {
    const handoffRow = fg.firstStage + stages.indexOf(m.stage);
    const counts = funnel.sources.map((_, j) => cellAddress(handoffRow, fg.firstSourceCol + j, true));
    grid.set(fg.headline, 1, { value: text('marketingMust', lang, { stage: stageLabel(m.stage, lang) }), style: STYLE.headline });
    grid.set(fg.headline, 2, {
      formula: sumIfKind(ig, formulaString('marketing'), counts, areaAddress(area(handoffRow, fg.firstSourceCol, 1, n), true)),
      value: m.count,
      format: COUNT_FORMAT,
      style: STYLE.headline,
    });
    namedRanges.push({ name: 'MarketingTarget', sheet: SHEET.funnel, area: area(fg.headline, 2) });
  }

  return {
    name: SHEET.funnel,
    kind: 'funnel',
    blocks: [grid.toBlock()],
    frozenRows: fg.header,
    frozenCols: 1,
    columnWidths: [260, ...plan.sources.map(() => 150), 130],
    namedRanges,
    validations: [],
    conditionalFormats: [
      { area: area(fg.firstStage, fg.totalCol, S, 1), kind: 'colorScale', minColor: '#ffffff', maxColor: '#8ab4f8' },
      { area: area(fg.firstStage, fg.firstSourceCol, S, n), kind: 'colorScale', minColor: '#ffffff', maxColor: '#c6dafc' },
    ],
  };
}
