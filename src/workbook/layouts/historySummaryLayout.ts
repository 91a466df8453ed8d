/**
 * The History summary sheet: conversion rates with 95% intervals, mature rates and stage
 * durations derived from a CRM export, the warnings and skipped rows, and which rates and
 * timing (stage days, lags, seasonality) fed the plan, with what they replaced. Written by `plan --rates-from` (xlsx) and by "Derive rates from History" (Sheets).
 */
import type { HistoryResult } from '../../core/history/historyTypes';
import { historyRatesTable } from '../../core/history/ratesTable';
import { stageLabel } from '../../core/stages';
import type { Lang } from '../../core/stages';
import { COUNT_FORMAT, DAYS_FORMAT, PERCENT_FORMAT, STYLE } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { CellValue } from '../port';
import type { SheetLayout, LayoutStamp } from '../sheetLayout';
import { SHEET } from './sheetNames';

/** One rate that went into the plan (or into the Inputs sheet). */
export interface FedRate {
  readonly planSource: string;
  readonly stage: string;
  /** The history group it came from ("Overall", a CRM source, or the plan source's group). */
  readonly from: string;
  readonly previous: CellValue;
  readonly rate: number;
  readonly basis: string;
  readonly sample: number;
}

/** Timing that went into the plan beside the rates: stage days filled, lags, seasonality (core/history/historyTiming.ts). */
export interface FedTiming {
  /** Blank for the seasonality, which is the whole plan's. */
  readonly planSource: string;
  /** The from-stage; blank for the seasonality. */
  readonly stage: string;
  readonly kind: 'stageDays' | 'lag' | 'seasonality';
  /** What it replaced (a lag, "history"); null when the cell or field was blank. */
  readonly previous: CellValue;
  /** Days, or the weights as "1, 2, 3, 4". */
  readonly value: number | string;
  /** Records behind it: durations for stage days, won records for a lag and the seasonality. */
  readonly sample: number;
}

export interface HistorySummaryInput {
  readonly result: HistoryResult;
  /** File name, or "the History sheet". */
  readonly origin: string;
  readonly fed: readonly FedRate[];
  readonly timing?: readonly FedTiming[];
  /** The history policy's warnings and errors, in words, listed after the history's own warnings. */
  readonly notes?: readonly string[];
  readonly lang: Lang;
  readonly stamp: LayoutStamp;
}

/** Column formats of historyRatesTable: counts, rates, days. */
const TABLE_FORMATS = [undefined, undefined, COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, COUNT_FORMAT, '0.0', '0.0', undefined];

export function historySummaryLayout(input: HistorySummaryInput): SheetLayout {
  const { result, lang, stamp } = input;
  const grid = new Grid();
  grid.set(1, 1, { value: text('historyTitle', lang), style: STYLE.title });
  grid.set(2, 1, { value: text('generated', lang, { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  grid.set(3, 1, {
    value: text('historyFrom', lang, { file: input.origin, rows: result.rows, skipped: result.skipped.count, asOf: result.asOf?.slice(0, 10) ?? '—' }),
    style: STYLE.help,
  });

  const table = historyRatesTable(result, lang);
  const top = 5;
  table.forEach((row, r) =>
    row.forEach((value, c) => {
      const header = r === 0;
      grid.set(top + r, c + 1, header ? { value, style: STYLE.header } : { value, ...(TABLE_FORMATS[c] ? { format: TABLE_FORMATS[c] } : {}) });
    }),
  );
  let row = top + table.length + 1;

  if (input.fed.length > 0) {
    grid.set(row, 1, { value: text('historyFed', lang), style: STYLE.section });
    row++;
    const headers = ['fedSource', 'stage', 'fedFrom', 'fedPrevious', 'fedRate', 'fedBasis', 'fedSample'] as const;
    headers.forEach((key, c) => grid.set(row, c + 1, { value: text(key, lang), style: STYLE.header }));
    for (const fed of input.fed) {
      row++;
      grid.set(row, 1, { value: fed.planSource });
      grid.set(row, 2, { value: stageLabel(fed.stage, lang) });
      grid.set(row, 3, { value: fed.from });
      grid.set(row, 4, { value: fed.previous ?? '', ...(typeof fed.previous === 'number' ? { format: PERCENT_FORMAT } : {}) });
      grid.set(row, 5, { value: fed.rate, format: PERCENT_FORMAT, style: STYLE.total });
      grid.set(row, 6, { value: fed.basis });
      grid.set(row, 7, { value: fed.sample, format: COUNT_FORMAT });
    }
    row += 2;
  }

  if (input.timing && input.timing.length > 0) {
    grid.set(row, 1, { value: text('historyTimingFed', lang), style: STYLE.section });
    row++;
    const headers = ['fedSource', 'stage', 'fedKind', 'fedPreviousValue', 'fedValue', 'fedSample'] as const;
    headers.forEach((key, c) => grid.set(row, c + 1, { value: text(key, lang), style: STYLE.header }));
    const kinds = { stageDays: 'timingStageDays', lag: 'timingLag', seasonality: 'timingSeasonality' } as const;
    for (const fed of input.timing) {
      row++;
      grid.set(row, 1, { value: fed.planSource });
      grid.set(row, 2, { value: fed.stage === '' ? '' : stageLabel(fed.stage, lang) });
      grid.set(row, 3, { value: text(kinds[fed.kind], lang) });
      grid.set(row, 4, { value: fed.previous ?? '' });
      grid.set(row, 5, { value: fed.value, style: STYLE.total, ...(typeof fed.value === 'number' ? { format: DAYS_FORMAT } : {}) });
      grid.set(row, 6, { value: fed.sample, format: COUNT_FORMAT });
    }
    row += 2;
  }

  const notes: [Parameters<typeof text>[0], string[]][] = [
    ['historyWarnings', [...result.warnings, ...(input.notes ?? [])]],
    ['historySkipped', result.skipped.examples.map((e) => `${e.row}: ${e.reason}`)],
  ];
  for (const [title, lines] of notes) {
    if (lines.length === 0) continue;
    grid.set(row++, 1, { value: text(title, lang), style: STYLE.section });
    for (const line of lines) grid.set(row++, 1, { value: line, style: STYLE.help });
    row++;
  }

  return {
    name: SHEET.historySummary,
    kind: 'historySummary',
    blocks: [grid.toBlock()],
    frozenRows: top,
    frozenCols: 2,
    columnWidths: [180, 200, 80, 80, 70, 70, 70, 90, 90, 90, 80, 110],
    namedRanges: [],
    validations: [],
    conditionalFormats: [],
  };
}
