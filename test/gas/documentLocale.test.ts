/**
 * The add-on follows the spreadsheet's locale (File → Settings), not the account's: a zh_TW
 * spreadsheet opened by a user whose Google account is in English gets traditional Chinese
 * sheets and messages — as =FUNNEL_* in the same file do. The menu follows the user (onOpen may
 * run in AuthMode.NONE, where only the user's locale can be read).
 */
import * as app from '../../src/gas/app';
import { FakeLock, FakeSpreadsheet, fakeBuilders } from './fakes/fakeSpreadsheet';
import { fakeUtilities } from './fakes/fakeUtilities';

const GLOBALS = ['SpreadsheetApp', 'Session', 'LockService', 'Utilities'] as const;

function install(spreadsheet: FakeSpreadsheet): { title: string; message: string }[] {
  const alerts: { title: string; message: string }[] = [];
  Object.assign(globalThis, {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => spreadsheet,
      getUi: () => ({ ButtonSet: { OK: 'OK' }, alert: (title: string, message: string) => alerts.push({ title, message }) }),
      ...fakeBuilders(spreadsheet.log),
    },
    Session: { getActiveUserLocale: () => 'en_US' },
    LockService: { getDocumentLock: () => new FakeLock() },
    Utilities: fakeUtilities,
  });
  return alerts;
}

afterEach(() => {
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

describe('the document language', () => {
  test('a zh_TW spreadsheet, an English account: Generate writes traditional Chinese and says so in it', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.locale = 'zh_TW';
    const alerts = install(spreadsheet);
    app.generatePlan();
    const inputs = spreadsheet.sheet('Inputs').snapshot().values.flat().map(String);
    expect(inputs.some((v) => v.includes('營收目標'))).toBe(true);
    expect(alerts.at(-1)?.title).toMatch(/[計畫劃]/);
  });

  test('an en_US spreadsheet, an English account: English', () => {
    const spreadsheet = new FakeSpreadsheet();
    install(spreadsheet);
    app.generatePlan();
    expect(spreadsheet.sheet('Inputs').snapshot().values.flat().map(String)).toContain('Revenue target');
  });
});
