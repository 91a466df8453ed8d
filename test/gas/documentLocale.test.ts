/**
 * The add-on follows the spreadsheet's locale (File → Settings), not the account's: a zh_TW
 * spreadsheet opened by a user whose Google account is in English gets traditional Chinese
 * sheets and messages — as =FUNNEL_* in the same file do. The menu follows the user (onOpen may
 * run in AuthMode.NONE, where only the user's locale can be read).
 */
import * as app from '../../src/gas/app';
import { installAppsScript, uninstallAppsScript } from './fakes/appsScriptGlobals';
import { FakeSpreadsheet } from './fakes/fakeSpreadsheet';

afterEach(uninstallAppsScript);

describe('the document language', () => {
  test('a zh_TW spreadsheet, an English account: Generate writes traditional Chinese and says so in it', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.locale = 'zh_TW';
    const alerts = installAppsScript(spreadsheet);
    app.generatePlan();
    const inputs = spreadsheet.sheet('Inputs').snapshot().values.flat().map(String);
    expect(inputs.some((v) => v.includes('營收目標'))).toBe(true);
    expect(alerts.at(-1)?.title).toMatch(/[計畫劃]/);
  });

  test('an en_US spreadsheet, an English account: English', () => {
    const spreadsheet = new FakeSpreadsheet();
    installAppsScript(spreadsheet);
    app.generatePlan();
    expect(spreadsheet.sheet('Inputs').snapshot().values.flat().map(String)).toContain('Revenue target');
  });
});
