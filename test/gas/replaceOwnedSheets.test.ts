/** replaceOwnedSheets over the SpreadsheetApp adapter and a fake that behaves like Sheets: what a regenerate may and may not do to a workbook. */
import { SheetsWorkbook, SheetsBuilders } from '../../src/gas/sheetsWorkbook';
import { wallClockIn } from '../../src/gas/wallClockDates';
import { formatDate } from './fakes/fakeUtilities';
import { replaceOwnedSheets } from '../../src/workbook/replaceOwnedSheets';
import type { SheetLayout } from '../../src/workbook/sheetLayout';
import type { Cell } from '../../src/workbook/port';
import { FakeSpreadsheet, fakeBuilders } from './fakes/fakeSpreadsheet';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };
const NOW = '2026-11-23 16:40';

function layout(name: string, cells: (Cell | null)[][], extra: Partial<SheetLayout> = {}): SheetLayout {
  return { name, kind: name.toLowerCase(), blocks: [{ row: 1, col: 1, cells }], frozenRows: 1, frozenCols: 0, columnWidths: [120], namedRanges: [], validations: [], conditionalFormats: [], ...extra };
}

function book(spreadsheet = new FakeSpreadsheet()) {
  const port = new SheetsWorkbook(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, fakeBuilders(spreadsheet.log) as unknown as SheetsBuilders, wallClockIn(spreadsheet.getSpreadsheetTimeZone(), formatDate));
  return { port, spreadsheet };
}

describe('the edit fingerprint and the way Sheets re-renders formulas', () => {
  // Written the way a layout might spell it; Sheets stores =SUM(A1,B1)*0.50.
  const sloppy = () => [layout('Calc', [[{ value: 1 }, { value: 2 }, { formula: 'sum(a1, b1) * 0.50', value: 1.5 }, { formula: 'IF(A1>0, "Leads", "none")' }]])];

  it('a formula Sheets stored in its own spelling is not an edit: no backup', () => {
    const { port, spreadsheet } = book();
    replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW });
    expect(spreadsheet.sheet('Calc').peek(1, 3).formula).toBe('=SUM(A1,B1)*0.50'); // the fake re-renders like Sheets
    expect(replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW }).backups).toEqual([]);
  });

  it("the user's real formula edit still keeps a backup, even one only inside a string literal", () => {
    for (const edited of ['=SUM(A1,B1)*0.6', '=sum(a1,b1)*0.50+0']) {
      const { port, spreadsheet } = book();
      replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW });
      spreadsheet.sheet('Calc').getRange(1, 3).setValues([[edited]]);
      expect(replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW }).backups).toEqual([`Calc (edited, before ${NOW})`]);
    }
    const { port, spreadsheet } = book();
    replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW });
    spreadsheet.sheet('Calc').getRange(1, 4).setValues([['=IF(A1>0, "leads", "none")']]);
    expect(replaceOwnedSheets(port, sloppy(), STAMP, { now: NOW }).backups).toEqual([`Calc (edited, before ${NOW})`]);
    expect(spreadsheet.sheet(`Calc (edited, before ${NOW})`).peek(1, 4).formula).toBe('=IF(A1>0,"leads","none")');
  });

  it('in a decimal-comma locale, formulas read back as ROUND(A1;0,5) are still not an edit; a changed one is', () => {
    const spreadsheet = new FakeSpreadsheet();
    spreadsheet.locale = 'de_DE';
    spreadsheet.formulasInLocaleNotation = true;
    const { port } = book(spreadsheet);
    const calc = () => [layout('Calc', [[{ value: 1.5 }, { formula: 'ROUND(A1,0.5)+MIN(0.000000000001*ABS(A1),0.000001)' }]])];
    replaceOwnedSheets(port, calc(), STAMP, { now: NOW });
    expect(spreadsheet.sheet('Calc').getRange(1, 2).getFormulas()[0][0]).toBe('=ROUND(A1;0,5)+MIN(0,000000000001*ABS(A1);0,000001)');
    expect(replaceOwnedSheets(port, calc(), STAMP, { now: NOW }).backups).toEqual([]);
    spreadsheet.sheet('Calc').getRange(1, 2).setValues([['=ROUND(A1,0.25)']]);
    expect(replaceOwnedSheets(port, calc(), STAMP, { now: NOW }).backups).toEqual([`Calc (edited, before ${NOW})`]);
  });
});
