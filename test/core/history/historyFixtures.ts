/** Small builders for history tests: a five-stage export with a source column, fed row by row. */
import { HistoryAccumulator } from '../../../src/core/history/historyAccumulator';
import type { HistoryMapping, HistoryOptions, HistoryResult } from '../../../src/core/history/historyTypes';

export const HEADER = ['Source', 'Lead', 'MQL', 'SQL', 'Opp', 'Won'];
export const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];
export const MAPPING: HistoryMapping = {
  stages: STAGES,
  stageColumns: { lead: 'Lead', mql: 'MQL', sql: 'SQL', opportunity: 'Opp', won: 'Won' },
  sourceColumn: 'Source',
};

/** Rows after the header; row numbers count the header as row 1. */
export function run(rows: readonly (readonly unknown[])[], options?: HistoryOptions, mapping: HistoryMapping = MAPPING, header = HEADER): HistoryResult {
  const acc = new HistoryAccumulator(header, mapping, options);
  rows.forEach((row, i) => acc.addRow(row, i + 2));
  return acc.finish();
}

export const DAY = 86_400_000;
