/**
 * The Monthly sheet: per source, per channel and in total, each stage month by month
 * (carry-in months before the FY, marked), quarter subtotals, and a check column that sums the
 * months against the Funnel sheet's annual count. Month values are the engine's integers (its
 * largest-remainder splits cannot be redone by a formula); quarters and the check are live.
 */
import { messages } from '../../core/i18n/catalogue';
import { stageLabel } from '../../core/stages';
import type { MonthSeries } from '../../core/time/monthSeries';
import { monthValue } from '../../core/time/monthSeries';
import type { StageMonths } from '../../core/time/planMonths';
import { area, areaAddress, cellAddress, sheetRef } from '../a1';
import { COUNT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { Cell, ConditionalFormatRule } from '../port';
import type { SheetLayout } from '../sheetLayout';
import type { ChartSpec } from '../sheetTypes';
import { funnelGeometry } from './funnelLayout';
import type { LayoutInput } from './layoutInput';
import { timelineOf } from './layoutTimeline';
import { SHEET } from './sheetNames';

/** Where the columns are: label, the plan's months (carry-in first), Q1–Q4, check, annual count, difference. */
export interface MonthlyColumns {
  /** FY month index of the first month column (negative: carry-in). */
  readonly first: number;
  readonly months: number;
  readonly firstMonthCol: number;
  readonly quarterCol: number;
  readonly checkCol: number;
  readonly annualCol: number;
  readonly differenceCol: number;
}

export function monthlyColumns(first: number, months: number): MonthlyColumns {
  const firstMonthCol = 2;
  const quarterCol = firstMonthCol + months;
  return { first, months, firstMonthCol, quarterCol, checkCol: quarterCol + 4, annualCol: quarterCol + 5, differenceCol: quarterCol + 6 };
}

/** The column of FY month `t`. */
function monthCol(mc: MonthlyColumns, t: number): number {
  return mc.firstMonthCol + t - mc.first;
}

const HEADER_ROW = 5;
const MUTED_HEADER = { ...STYLE.header, color: '#80868b', italic: true } as const;

export function monthlyLayout(input: LayoutInput): SheetLayout {
  const { plan, funnel, lang, stamp } = input;
  const timeline = timelineOf(input);
  const grid = new Grid();
  grid.set(1, 1, { value: text('monthlyTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  const base = { name: SHEET.monthly, kind: 'monthly', namedRanges: [], validations: [] };
  if (!timeline) {
    grid.set(3, 1, { value: text('monthlyNoTiming', lang), style: STYLE.help });
    return { ...base, blocks: [grid.toBlock()], frozenRows: 0, frozenCols: 0, columnWidths: [420], conditionalFormats: [] };
  }
  grid.set(3, 1, { value: text('monthlyHelp', lang), style: STYLE.help });

  const t = messages(lang).teams;
  const stages = plan.stages;
  const S = stages.length;
  const mc = monthlyColumns(timeline.first, timeline.months.length);
  const fg = funnelGeometry(S, plan.sources.length);
  const cents = timeline.channels.some((c) => c.budget?.values.some((v) => !Number.isInteger(v)));
  const money = moneyFormat(plan.currency, cents);

  // The header: the months (carry-in marked), quarters, the check columns.
  const headerRow = (row: number, label: string): void => {
    grid.set(row, 1, { value: label, style: { ...STYLE.header, align: 'left' } });
    timeline.months.forEach((key, i) => {
      const carry = timeline.first + i < 0;
      grid.set(row, mc.firstMonthCol + i, { value: carry ? `${key} ${t.carryIn}` : key, style: carry ? MUTED_HEADER : STYLE.header });
    });
    for (let q = 0; q < 4; q++) grid.set(row, mc.quarterCol + q, { value: t.quarter(q + 1), style: STYLE.header });
    grid.set(row, mc.checkCol, { value: text('checkSum', lang), style: STYLE.header });
    grid.set(row, mc.annualCol, { value: text('annualCount', lang), style: STYLE.header });
    grid.set(row, mc.differenceCol, { value: text('checkDifference', lang), style: STYLE.header });
  };
  headerRow(HEADER_ROW, text('stage', lang));

  const checkRows: number[] = [];
  let row = HEADER_ROW + 2;

  const quarterCells = (r: number, series: MonthSeries, format: string): void => {
    for (let q = 0; q < 4; q++) {
      const from = monthCol(mc, 3 * q);
      const value = monthValue(series, 3 * q) + monthValue(series, 3 * q + 1) + monthValue(series, 3 * q + 2);
      grid.set(r, mc.quarterCol + q, { formula: `SUM(${areaAddress(area(r, from, 1, 3))})`, value, format, style: STYLE.total });
    }
  };
  const monthCells = (r: number, series: MonthSeries, format: string, fromMonth = mc.first): number => {
    let sum = 0;
    for (let m = mc.first; m <= 11; m++) {
      if (m < fromMonth) continue;
      const v = monthValue(series, m);
      sum += v;
      grid.set(r, monthCol(mc, m), { value: v, format });
    }
    return sum;
  };
  const checkCell = (r: number, sum: number, format: string): void => {
    grid.set(r, mc.checkCol, { formula: `SUM(${areaAddress(area(r, mc.firstMonthCol, 1, mc.months))})`, value: sum, format, style: STYLE.total });
  };

  /** One block: this year's stage rows (checked against `annual`), next year's, and a budget row. */
  const block = (title: string, months: Readonly<Record<string, StageMonths>>, from: number, annual: (k: number) => Cell, budget?: { label: string; series: MonthSeries }): void => {
    grid.set(row, 1, { value: title, style: STYLE.section });
    row++;
    grid.set(row, 1, { value: text('thisYearDeals', lang), style: STYLE.muted });
    row++;
    for (let k = from; k < S; k++) {
      const stage = stages[k];
      grid.set(row, 1, { value: stageLabel(stage, lang), style: k === S - 1 ? STYLE.total : STYLE.label });
      const sum = monthCells(row, months[stage].thisYear, COUNT_FORMAT);
      quarterCells(row, months[stage].thisYear, COUNT_FORMAT);
      checkCell(row, sum, COUNT_FORMAT);
      grid.set(row, mc.annualCol, { ...annual(k), format: COUNT_FORMAT });
      grid.set(row, mc.differenceCol, { formula: `${cellAddress(row, mc.checkCol)}-${cellAddress(row, mc.annualCol)}`, value: 0, format: COUNT_FORMAT });
      checkRows.push(row);
      row++;
    }
    grid.set(row, 1, { value: text('nextYearDeals', lang), style: STYLE.muted });
    row++;
    for (let k = from; k < S - 1; k++) {
      const stage = stages[k];
      grid.set(row, 1, { value: stageLabel(stage, lang) });
      const sum = monthCells(row, months[stage].nextYear, COUNT_FORMAT, 0);
      quarterCells(row, months[stage].nextYear, COUNT_FORMAT);
      checkCell(row, sum, COUNT_FORMAT);
      row++;
    }
    if (budget) {
      grid.set(row, 1, { value: budget.label, style: STYLE.total });
      const sum = monthCells(row, budget.series, money);
      quarterCells(row, budget.series, money);
      checkCell(row, sum, money);
      row++;
    }
    row++;
  };

  // The total first, right under the header, so the chart's table is the header row and its stage rows.
  const totalTitleRow = row;
  block(
    text('total', lang),
    timeline.total,
    0,
    (k) => ({ formula: sheetRef(SHEET.funnel, fg.firstStage + k, fg.totalCol), value: funnel.total.counts[stages[k]] }),
    timeline.marketingBudget && { label: text('marketingBudget', lang), series: timeline.marketingBudget },
  );

  plan.sources.forEach((source, j) => {
    const fs = funnel.sources[j];
    const from = stages.indexOf(source.entryStage);
    block(fs.name, timeline.bySource[source.id], from, (k) => ({
      formula: sheetRef(SHEET.funnel, fg.firstStage + k, fg.firstSourceCol + j),
      value: fs.counts[stages[k]],
    }));
    source.channels.forEach((channel, c) => {
      const ct = timeline.channels.find((x) => x.id === channel.id);
      const counts = fs.channels[c].counts;
      block(
        text('monthlyChannel', lang, { source: fs.name, name: channel.name ?? channel.id }),
        timeline.byChannel[channel.id],
        from,
        // A channel has no column on the Funnel sheet: its annual count is the plan's.
        (k) => ({ value: counts[stages[k]] }),
        ct?.budget && { label: text('channelBudget', lang), series: ct.budget },
      );
    });
  });

  // One rule over the difference column, whatever the number of blocks (a blank cell counts as 0).
  const firstCheck = checkRows[0];
  const conditionalFormats: ConditionalFormatRule[] = [
    { area: area(firstCheck, mc.differenceCol, checkRows[checkRows.length - 1] - firstCheck + 1, 1), kind: 'notEqual', value: 0, background: '#fce8e6', color: '#c5221f' },
  ];
  // The chart's table: the total's "this year" row (repeating the months) over its stage rows.
  timeline.months.forEach((key, i) => grid.set(totalTitleRow + 1, mc.firstMonthCol + i, { value: key, style: STYLE.muted }));
  const charts: ChartSpec[] = [
    { kind: 'stackedColumn', title: text('monthlyChart', lang), data: area(totalTitleRow + 1, 1, 1 + S, 1 + mc.months), anchor: { row: row + 1, col: 1 } },
  ];

  return {
    ...base,
    blocks: [grid.toBlock()],
    frozenRows: HEADER_ROW,
    frozenCols: 1,
    columnWidths: [300, ...timeline.months.map(() => 90), 70, 70, 70, 70, 120, 130, 90],
    conditionalFormats,
    charts,
  };
}

