/**
 * Installs fake Apps Script globals (SpreadsheetApp over a FakeSpreadsheet, Session, LockService,
 * Utilities) so tests can drive the add-on's real wiring in app.ts; `uninstallAppsScript` after each.
 */
import { FakeLock, FakeSpreadsheet, fakeBuilders } from './fakeSpreadsheet';
import { fakeUtilities } from './fakeUtilities';

const GLOBALS = ['SpreadsheetApp', 'Session', 'LockService', 'Utilities'] as const;

/** The alerts app.ts shows, in order. */
export function installAppsScript(spreadsheet: FakeSpreadsheet, userLocale = 'en_US'): { title: string; message: string }[] {
  const alerts: { title: string; message: string }[] = [];
  Object.assign(globalThis, {
    SpreadsheetApp: {
      getActiveSpreadsheet: () => spreadsheet,
      getUi: () => ({ ButtonSet: { OK: 'OK' }, alert: (title: string, message: string) => alerts.push({ title, message }) }),
      ...fakeBuilders(spreadsheet.log),
    },
    Session: { getActiveUserLocale: () => userLocale },
    LockService: { getDocumentLock: () => new FakeLock() },
    Utilities: fakeUtilities,
  });
  return alerts;
}

export function uninstallAppsScript(): void {
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
}
