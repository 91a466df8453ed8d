/** replaceOwnedSheets over the in-memory port: the swap is undone whichever port call fails. */
import { MemoryWorkbook } from '../support/memoryWorkbook';
import { replaceOwnedSheets } from '../../src/workbook/replaceOwnedSheets';
import type { SheetLayout } from '../../src/workbook/sheetLayout';
import type { WorkbookPort } from '../../src/workbook/port';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };

function layouts(text: string): SheetLayout[] {
  return ['Summary', 'Funnel'].map((name) => ({
    name,
    kind: name.toLowerCase(),
    blocks: [{ row: 1, col: 1, cells: [[{ value: `${name}: ${text}`, note: text }, { formula: 'A1&"!"' }]] }],
    frozenRows: text === 'old' ? 1 : 2,
    frozenCols: 0,
    columnWidths: [text === 'old' ? 100 : 200],
    namedRanges: [],
    validations: [],
    conditionalFormats: [],
  }));
}

/** The port with its nth call of `method` throwing, as a service error would. */
function failing(book: MemoryWorkbook, method: keyof WorkbookPort, n: number): WorkbookPort {
  let calls = 0;
  return new Proxy(book, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== method || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return (...args: unknown[]) => {
        if (calls++ === n) throw new Error('Service Spreadsheets failed while accessing document');
        return value.apply(target, args);
      };
    },
  });
}

const state = (book: MemoryWorkbook) =>
  JSON.stringify([book.listSheets(), [...book.sheets].map(([name, s]) => [name, [...s.cells], s.owner, s.frozen, s.widths, s.validations, s.conditionalFormats])]);

describe('replaceOwnedSheets', () => {
  it.each(['addSheet', 'writeBlock', 'duplicateSheet', 'copySheetContents', 'setOwner', 'setFrozen', 'setColumnWidths'] as const)(
    'a failing %s leaves the previous plan as it was',
    (method) => {
      let thrown = 0;
      for (let n = 0; n < 4; n++) {
        const book = new MemoryWorkbook();
        replaceOwnedSheets(book, layouts('old'), STAMP, { now: 'then' });
        const before = state(book);
        try {
          replaceOwnedSheets(failing(book, method, n), layouts('new'), STAMP, { now: 'now' });
        } catch {
          thrown++;
          expect(state(book)).toBe(before);
        }
      }
      expect(thrown).toBeGreaterThan(0);
    },
  );

  it('without failures, writes the new plan into the same sheets and keeps no copies', () => {
    const book = new MemoryWorkbook();
    replaceOwnedSheets(book, layouts('old'), STAMP, { now: 'then' });
    expect(replaceOwnedSheets(book, layouts('new'), STAMP, { now: 'now' })).toEqual({ written: ['Summary', 'Funnel'], backups: [] });
    expect(book.listSheets()).toEqual(['Summary', 'Funnel']);
    expect(book.cell('Funnel', 1, 1)).toMatchObject({ value: 'Funnel: new', note: 'new' });
  });
});
