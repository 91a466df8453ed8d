/**
 * Dates in the spreadsheet's time zone, through the add-on's real wiring (app.ts over fake
 * Apps Script globals): the menu's "Derive rates from History" and =FUNNEL_RATES read a date
 * cell as the wall clock the sheet shows, and agree; the stamp's date is the sheet's today.
 */
import * as app from '../../src/gas/app';
import { FakeLock, FakeSpreadsheet, fakeBuilders } from './fakes/fakeSpreadsheet';
import { fakeUtilities, zonedInstant } from './fakes/fakeUtilities';

const HEADER = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Customer Date'];
const GLOBALS = ['SpreadsheetApp', 'Session', 'LockService', 'Utilities'] as const;

/** A spreadsheet in `timeZone` whose History sheet holds `rows` as Sheets stores them (dates as instants). */
function sheetIn(timeZone: string, rows: unknown[][]): FakeSpreadsheet {
  const spreadsheet = new FakeSpreadsheet(['Sheet1', 'History']);
  spreadsheet.timeZone = timeZone;
  const history = spreadsheet.sheet('History');
  rows.forEach((row, r) => row.forEach((value, c) => Object.assign(history.cellAt(r + 1, c + 1), { value })));
  return spreadsheet;
}

function installAppsScript(spreadsheet: FakeSpreadsheet): { title: string; message: string }[] {
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
  jest.useRealTimers();
  for (const name of GLOBALS) delete (globalThis as Record<string, unknown>)[name];
});

/** Runs both paths on the same sheet: the menu's History summary table, and =FUNNEL_RATES over the History range. */
function bothPaths(spreadsheet: FakeSpreadsheet) {
  const alerts = installAppsScript(spreadsheet);
  // What a custom function receives: the range's values, date cells as Date instants.
  const range = spreadsheet.sheet('History').getDataRange().getValues();
  const formula = app.funnelRatesInSheet(range);
  app.deriveRates();
  expect(alerts).toEqual([expect.objectContaining({ title: 'Rates derived from History' })]);
  const summary = spreadsheet.sheet('History summary').snapshot().values;
  const menu = summary.slice(4, 4 + formula.length).map((row) => row.slice(0, formula[0].length));
  const median = (table: unknown[][]) => table.find((row) => row[0] === 'Overall' && row[1] === 'Leads → MQLs')?.[9];
  return { menu, formula, summary, medianMenu: median(menu), medianFormula: median(formula) };
}

describe("dates in the spreadsheet's time zone", () => {
  it('Shanghai: a lead at 07:00 and an MQL at 20:00 the same day are 13 hours apart from the menu and from =FUNNEL_RATES', () => {
    const zone = 'Asia/Shanghai';
    const at = (wallClock: string) => zonedInstant(wallClock, zone);
    const { menu, formula, medianMenu, medianFormula } = bothPaths(
      sheetIn(zone, [HEADER, ['Web', at('2024-01-05 07:00'), at('2024-01-05 20:00'), at('2024-02-01 10:00')], ['Web', at('2024-01-06 07:00'), at('2024-01-06 20:00'), '']]),
    );
    expect(medianFormula).toBeCloseTo(13 / 24, 10);
    expect(medianMenu).toBeCloseTo(13 / 24, 10);
    expect(menu).toEqual(formula);
  });

  it('New York across the March DST change: wall-clock hours, not elapsed ones, in both paths', () => {
    const zone = 'America/New_York';
    const at = (wallClock: string) => zonedInstant(wallClock, zone);
    // 20:00 EST on Mar 9 (01:00Z Mar 10) to 08:00 EDT on Mar 10 (12:00Z): 12 h on the wall clock, 11 h elapsed.
    const lead = at('2024-03-09 20:00');
    const mql = at('2024-03-10 08:00');
    expect((mql.getTime() - lead.getTime()) / 3_600_000).toBe(11);
    const { menu, formula, medianMenu, medianFormula } = bothPaths(sheetIn(zone, [HEADER, ['Web', lead, mql, at('2024-04-01 09:00')]]));
    expect(medianFormula).toBeCloseTo(0.5, 10);
    expect(medianMenu).toBeCloseTo(0.5, 10);
    expect(menu).toEqual(formula);
  });

  it('a date-only cell is midnight local time: its calendar day is the one the sheet shows', () => {
    const zone = 'Asia/Shanghai';
    const at = (wallClock: string) => zonedInstant(wallClock, zone);
    // 2024-01-01 typed in Shanghai is 2023-12-31T16:00Z; the latest date (the as-of) is 2024-01-02.
    const rows = [HEADER, ['Web', at('2024-01-01'), at('2024-01-01 12:00'), at('2024-01-02')], ['Web', at('2024-01-02'), '', '']];
    const { menu, formula, summary, medianMenu } = bothPaths(sheetIn(zone, rows));
    expect(medianMenu).toBeCloseTo(0.5, 10);
    expect(menu).toEqual(formula);
    expect(String(summary[2][0])).toContain('2024-01-02');
    expect(String(summary[2][0])).not.toContain('2024-01-01');
  });

  it("stamps the History summary with today's date in the spreadsheet's zone, not UTC's", () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T23:00:00Z') }); // 07:00 on Dec 2 in Shanghai
    const at = (wallClock: string) => zonedInstant(wallClock, 'Asia/Shanghai');
    const { summary } = bothPaths(sheetIn('Asia/Shanghai', [HEADER, ['Web', at('2024-01-05 07:00'), at('2024-01-05 20:00'), at('2024-02-01 10:00')]]));
    expect(summary[1][0]).toBe('Generated by Funnel Planner 0.1.0 on 2026-12-02');
  });

  it('the same instants in a UTC sheet read as UTC wall clock', () => {
    const { medianMenu, medianFormula } = bothPaths(sheetIn('Etc/UTC', [HEADER, ['Web', new Date('2024-01-05T07:00:00Z'), new Date('2024-01-05T20:00:00Z'), new Date('2024-02-01T10:00:00Z')]]));
    expect(medianMenu).toBeCloseTo(13 / 24, 10);
    expect(medianFormula).toBeCloseTo(13 / 24, 10);
  });
});
