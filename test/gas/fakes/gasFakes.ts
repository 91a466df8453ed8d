/** A GasContext over the fakes, as the add-on's handlers would build it over Apps Script. */
import type { GasContext } from '../../../src/gas/gasContext';
import type { SheetsBuilders } from '../../../src/gas/sheetsWorkbook';
import { FakeLock, FakeSpreadsheet, fakeBuilders } from './fakeSpreadsheet';

export function fakeContext(spreadsheet = new FakeSpreadsheet(), lock = new FakeLock()): { ctx: GasContext; spreadsheet: FakeSpreadsheet; lock: FakeLock } {
  const ctx: GasContext = {
    spreadsheet: spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    builders: fakeBuilders(spreadsheet.log) as unknown as SheetsBuilders,
    lock,
    lang: 'en',
    today: '2026-11-23',
    now: '2026-11-23 16:40',
    version: '0.1.0',
    wallClock: (date) => date.toISOString().slice(0, 19),
  };
  return { ctx, spreadsheet, lock };
}
