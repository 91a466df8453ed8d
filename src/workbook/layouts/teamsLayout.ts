/**
 * The Teams sheet: one block per team (marketing with its channels and budget, SDR, AE, CSM):
 * what it works and what it delivers (and marketing's headline SQLs) by month, quarter and
 * fiscal year, with the per-working-day rate. Month values are the engine's; quarters and the
 * FY are live sums of them; rates are values with one decimal (never rounded into the counts).
 */
import { teamName } from '../../core/teams/teamName';
import { marketingSources } from '../../core/funnelPlan';
import { messages } from '../../core/i18n/catalogue';
import { stageLabel } from '../../core/stages';
import type { MonthSeries } from '../../core/time/monthSeries';
import { addSeries, monthValue, window } from '../../core/time/monthSeries';
import { dailyRate } from '../../core/time/workingDays';
import { area, areaAddress } from '../a1';
import { COUNT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { SheetLayout } from '../sheetLayout';
import type { LayoutInput } from './layoutInput';
import { timelineOf } from './layoutTimeline';
import { SHEET } from './sheetNames';

const HEADER_ROW = 5;
const RATE_FORMAT = '0.0';
const MUTED_HEADER = { ...STYLE.header, color: '#80868b', italic: true } as const;

export function teamsLayout(input: LayoutInput): SheetLayout {
  const { plan, funnel, lang, stamp } = input;
  const timeline = timelineOf(input);
  const grid = new Grid();
  grid.set(1, 1, { value: text('teamsTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  const base = { name: SHEET.teams, kind: 'teams', namedRanges: [], validations: [], conditionalFormats: [] };
  if (!timeline) {
    grid.set(3, 1, { value: text('monthlyNoTiming', lang), style: STYLE.help });
    return { ...base, blocks: [grid.toBlock()], frozenRows: 0, frozenCols: 0, columnWidths: [420] };
  }
  grid.set(3, 1, { value: text('teamsHelp', lang), style: STYLE.help });

  const t = messages(lang).teams;
  const first = timeline.first;
  const M = timeline.months.length;
  const firstMonthCol = 2;
  const quarterCol = firstMonthCol + M;
  const fyCol = quarterCol + 4;
  const col = (m: number) => firstMonthCol + m - first;
  const cents = timeline.channels.some((c) => c.budget?.values.some((v) => !Number.isInteger(v)));
  const money = moneyFormat(plan.currency, cents);

  grid.set(HEADER_ROW, 1, { value: t.month, style: { ...STYLE.header, align: 'left' } });
  timeline.months.forEach((key, i) => {
    const carry = first + i < 0;
    grid.set(HEADER_ROW, firstMonthCol + i, { value: carry ? `${key} ${t.carryIn}` : key, style: carry ? MUTED_HEADER : STYLE.header });
  });
  for (let q = 0; q < 4; q++) grid.set(HEADER_ROW, quarterCol + q, { value: t.quarter(q + 1), style: STYLE.header });
  grid.set(HEADER_ROW, fyCol, { value: t.fiscalYear, style: STYLE.header });

  // Working days of every month, of each quarter and of the FY: the rates' denominators.
  const days: MonthSeries = { first, values: timeline.workingDays };
  const span = (s: MonthSeries, from: number, to: number) => {
    let sum = 0;
    for (let m = from; m <= to; m++) sum += monthValue(s, m);
    return sum;
  };
  const daysRow = HEADER_ROW + 1;
  grid.set(daysRow, 1, { value: text('workingDays', lang), style: STYLE.muted });

  /** A row of counts (or money): the months as values, quarters and the FY as live sums. */
  const seriesRow = (row: number, label: string, series: MonthSeries, format: string, style = STYLE.label as object): void => {
    grid.set(row, 1, { value: label, style });
    for (let m = first; m <= 11; m++) grid.set(row, col(m), { value: monthValue(series, m), format });
    for (let q = 0; q < 4; q++) {
      grid.set(row, quarterCol + q, { formula: `SUM(${areaAddress(area(row, col(3 * q), 1, 3))})`, value: span(series, 3 * q, 3 * q + 2), format, style: STYLE.total });
    }
    grid.set(row, fyCol, { formula: `SUM(${areaAddress(area(row, col(0), 1, 12))})`, value: span(series, 0, 11), format, style: STYLE.total });
  };
  /** The per-working-day rate of a row: one decimal, for the months, each quarter and the FY. */
  const rateRow = (row: number, series: MonthSeries): void => {
    grid.set(row, 1, { value: `  ${t.perWorkingDay}`, style: STYLE.muted });
    const put = (c: number, work: number, d: number) => {
      const rate = dailyRate(work, d);
      grid.set(row, c, rate === undefined ? { value: '' } : { value: rate, format: RATE_FORMAT, style: STYLE.muted });
    };
    for (let m = first; m <= 11; m++) put(col(m), monthValue(series, m), monthValue(days, m));
    for (let q = 0; q < 4; q++) put(quarterCol + q, span(series, 3 * q, 3 * q + 2), span(days, 3 * q, 3 * q + 2));
    put(fyCol, span(series, 0, 11), span(days, 0, 11));
  };
  seriesRow(daysRow, text('workingDays', lang), days, COUNT_FORMAT, STYLE.muted);

  let row = daysRow + 2;
  const workRows = (what: string, stage: string, series: MonthSeries, style?: object): void => {
    seriesRow(row, `${what}: ${stageLabel(stage, lang)}`, series, COUNT_FORMAT, style);
    rateRow(row + 1, series);
    row += 2;
  };

  const marketingIds = marketingSources(funnel.sources);
  for (const team of timeline.teams) {
    grid.set(row, 1, { value: teamName(team.id, lang), style: STYLE.section });
    row++;
    workRows(t.works, team.works.stage, team.works.months);
    workRows(t.delivers, team.delivers.stage, team.delivers.months);
    if (team.headline) workRows(t.headline, team.headline.stage, team.headline.months, STYLE.headline);
    if (team.id === 'marketing') {
      if (timeline.marketingBudget) {
        seriesRow(row, t.budget, timeline.marketingBudget, money, STYLE.total);
        row++;
      }
      // Each marketing channel is a team of its own: its leads, its MQLs, its budget.
      for (const channel of timeline.channels.filter((c) => marketingIds.includes(c.sourceId))) {
        const source = plan.sources.find((s) => s.id === channel.sourceId)!;
        const name = source.channels.find((c) => c.id === channel.id)?.name ?? channel.id;
        grid.set(row, 1, { value: text('teamsChannel', lang, { name }), style: STYLE.total });
        row++;
        const work = (stage: string) => window(addSeries(channel.stages[stage].thisYear, channel.stages[stage].nextYear), first, 11);
        workRows(`  ${t.works}`, team.works.stage, work(team.works.stage));
        workRows(`  ${t.delivers}`, team.delivers.stage, work(team.delivers.stage));
        if (team.headline) workRows(`  ${t.headline}`, team.headline.stage, work(team.headline.stage));
        if (channel.budget) {
          seriesRow(row, `  ${t.budget}`, channel.budget, money);
          row++;
        }
      }
    }
    row++;
  }

  return {
    ...base,
    blocks: [grid.toBlock()],
    frozenRows: HEADER_ROW,
    frozenCols: 1,
    columnWidths: [280, ...timeline.months.map(() => 90), 80, 80, 80, 80, 100],
  };
}
