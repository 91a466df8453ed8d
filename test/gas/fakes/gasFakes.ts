/** A GasContext over the fakes, as the add-on's handlers would build it over Apps Script. */
import { GasContext, sheetClock } from '../../../src/gas/gasContext';
import type { SheetsBuilders } from '../../../src/gas/sheetsWorkbook';
import { FakeLock, FakeSpreadsheet, fakeBuilders } from './fakeSpreadsheet';
import { formatDate } from './fakeUtilities';

/** The clock reads 2026-11-23 16:40 in the spreadsheet's zone (Asia/Shanghai unless a test changes it). */
export function fakeContext(spreadsheet = new FakeSpreadsheet(), lock = new FakeLock()): { ctx: GasContext; spreadsheet: FakeSpreadsheet; lock: FakeLock } {
  const ctx: GasContext = {
    spreadsheet: spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    builders: fakeBuilders(spreadsheet.log) as unknown as SheetsBuilders,
    lock,
    lang: 'en',
    version: '0.1.0',
    ...sheetClock(spreadsheet.timeZone, formatDate, new Date('2026-11-23T08:40:00Z')),
  };
  return { ctx, spreadsheet, lock };
}
