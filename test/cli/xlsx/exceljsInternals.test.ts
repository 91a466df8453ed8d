/**
 * What exceljsInternals.ts does shows in the written file: sheets in the order asked for, and a
 * named range re-pointed rather than grown. If an exceljs upgrade changes what these lean on,
 * these fail.
 */
import ExcelJS from 'exceljs';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { onStreamedSheetPart, replaceDefinedName, setWorksheetOrder } from '../../../src/cli/xlsx/exceljsInternals';
import { Readable } from 'node:stream';
import { sheetParts } from '../../../src/cli/xlsx/xlsxPackage';
import { readZip } from '../../../src/cli/xlsx/zipArchive';
import { area } from '../../../src/workbook/a1';

const workbookXml = (data: Buffer) => (readZip(data).get('xl/workbook.xml') as Buffer).toString('utf8');
const definedNames = (data: Buffer) => [...workbookXml(data).matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)].map((m) => `${m[1]}=${m[2]}`);

describe('setWorksheetOrder', () => {
  it('writes the sheets in the order given, whatever order they were added in', async () => {
    const wb = new ExcelJS.Workbook();
    const [a, b, c] = ['A', 'B', 'C'].map((n) => wb.addWorksheet(n));
    setWorksheetOrder([c, a, b]);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    expect(sheetParts(readZip(data)).map((s) => s.name)).toEqual(['C', 'A', 'B']);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(data as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(['C', 'A', 'B']);
  });

  it('is what ExcelWorkbook.orderSheets uses', async () => {
    const book = new ExcelWorkbook();
    ['Inputs', 'Funnel', 'Summary'].forEach((n) => book.addSheet(n));
    book.orderSheets(['Summary', 'Funnel']);
    expect(sheetParts(readZip(await book.toBuffer())).map((s) => s.name)).toEqual(['Summary', 'Funnel', 'Inputs']);
  });
});

describe('replaceDefinedName', () => {
  it('re-points a name: the file holds the new range only, other names untouched', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Inputs');
    wb.definedNames.add('Inputs!$B$7', 'RevenueTarget');
    wb.definedNames.add('Inputs!$A$20:$A$24', 'Stages');
    replaceDefinedName(wb, 'Stages', 'Inputs!$A$30:$A$34');
    replaceDefinedName(wb, 'Shares', 'Inputs!$B$15:$C$15');
    const names = definedNames(Buffer.from(await wb.xlsx.writeBuffer())).sort();
    expect(names).toEqual(['RevenueTarget=Inputs!$B$7', 'Shares=Inputs!$B$15:$C$15', 'Stages=Inputs!$A$30:$A$34']);
  });

  it('is what ExcelWorkbook.setNamedRanges uses: setting a name twice keeps the second', async () => {
    const book = new ExcelWorkbook();
    book.addSheet('Inputs');
    book.setNamedRanges([{ name: 'Stages', sheet: 'Inputs', area: area(20, 1, 5, 1) }]);
    book.setNamedRanges([{ name: 'Stages', sheet: 'Inputs', area: area(22, 1, 6, 1) }]); // the Inputs rows moved down two
    expect(definedNames(await book.toBuffer())).toEqual(['Stages=Inputs!$A$22:$A$27']);
  });
});

describe('onStreamedSheetPart', () => {
  it('tells the N of each sheetN.xml just before the streaming reader yields that sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('First').getCell('A1').value = 'first';
    wb.addWorksheet('Second').getCell('A1').value = 'second';
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const parts = sheetParts(readZip(data));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), { worksheets: 'emit', sharedStrings: 'cache', entries: 'emit' });
    let current = '';
    onStreamedSheetPart(reader, (n) => (current = n));
    const seen: [string, unknown][] = [];
    for await (const sheet of reader) {
      let first: unknown;
      for await (const row of sheet) first ??= (row.values as unknown[])[1];
      seen.push([current, first]);
    }
    const partOf = (name: string) => parts.find((p) => p.name === name)?.part;
    expect(seen.map(([n, value]) => [`xl/worksheets/sheet${n}.xml`, value]).sort()).toEqual([
      [partOf('First'), 'first'],
      [partOf('Second'), 'second'],
    ].sort());
  });
});
