/**
 * The LibreOffice helper really recalculates: a workbook whose formulas cache deliberately wrong
 * results (999) comes back with LibreOffice's own values.
 */
import { writeFileSync } from 'node:fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import {
  disposeLibreOfficeProfile,
  FormulaCell,
  describeWithLibreOffice,
  readFormulaCells,
  recalculateWithLibreOffice,
} from './libreoffice';

const WRONG = 999;
describeWithLibreOffice('recalculateWithLibreOffice', () => {
  let tmp: string;
  let original: string;
  let recalculated: string;
  let before: FormulaCell[];
  let after: FormulaCell[];

  const at = (cells: FormulaCell[], sheet: string, address: string): FormulaCell => {
    const cell = cells.find((c) => c.sheet === sheet && c.address === address);
    if (!cell) throw new Error(`no formula cell ${sheet}!${address}`);
    return cell;
  };
  const result = (sheet: string, address: string): unknown => at(after, sheet, address).result;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-test-'));
    const wb = new ExcelJS.Workbook();

    const inputs = wb.addWorksheet('Inputs');
    inputs.getCell('A1').value = 10.2;
    inputs.getCell('A2').value = 25;
    inputs.getCell('A3').value = 3.0000000000000004; // a near-integer: the snap branch must win
    inputs.getCell('B1').value = 0.4;
    wb.definedNames.add('Inputs!$B$1', 'Rate');

    wb.addWorksheet('My Sheet').getCell('B2').value = 7;

    const calc = wb.addWorksheet('Calc');
    const snap = (ref: string) =>
      `IF(ABS(${ref}-ROUND(${ref},0))<=1E-12*ABS(${ref}),ROUND(${ref},0),CEILING(${ref},1))`;
    const formulas: Array<[string, string]> = [
      ['A1', 'Inputs!A1*2'],
      ['A2', 'SUM(Inputs!A1:A3)'],
      ['A3', 'CEILING(Inputs!A2/Rate,1)'],
      ['A4', snap('Inputs!A1')],
      ['A5', snap('Inputs!A3')],
      ['A6', 'ROUND(57/0.57,9)'],
      ['A7', 'MATCH(25,Inputs!A1:A3,0)'],
      ['A8', "'My Sheet'!B2*3"],
      ['A9', 'A1+1'], // depends on another formula whose cache is also wrong
      ['A10', 'Inputs!A1-Inputs!A1'], // 0: a falsy result must still be read back
      ['A11', 'IF(Inputs!A2>10,"big","small")'],
      ['A12', 'Inputs!A2>10'],
      ['A13', '1/0'],
    ];
    for (const [address, formula] of formulas) calc.getCell(address).value = { formula, result: WRONG };
    // A shared formula (master B1, clones B2:B3), all with the wrong cache.
    calc.fillFormula('B1:B3', 'Inputs!A1*10', [WRONG, WRONG, WRONG]);
    // Text that merely looks like a formula: exceljs writes it as a plain string.
    calc.getCell('D1').value = '=SUM(A1:A3)';

    original = path.join(tmp, 'wrong cache.xlsx');
    writeFileSync(original, Buffer.from(await wb.xlsx.writeBuffer()));

    before = await readFormulaCells(original);
    recalculated = await recalculateWithLibreOffice(original);
    after = await readFormulaCells(recalculated);
  }, 240_000);

  afterAll(async () => {
    await disposeLibreOfficeProfile();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    if (recalculated) fs.rmSync(path.dirname(path.dirname(recalculated)), { recursive: true, force: true });
  });

  test('readFormulaCells reads plain and shared formulas with their cached results', () => {
    expect(before).toHaveLength(16);
    expect(before.every((c) => c.result === WRONG)).toBe(true);
    expect(at(before, 'Calc', 'A8').formula).toBe("'My Sheet'!B2*3");
    expect(at(before, 'Calc', 'B1').formula).toBe('Inputs!A1*10');
    expect(at(before, 'Calc', 'B3').formula).toBe('Inputs!A3*10'); // translated clone
  });

  test('returns a new file and leaves the input untouched', () => {
    expect(recalculated).not.toBe(original);
    expect(fs.existsSync(recalculated)).toBe(true);
    expect(fs.readdirSync(tmp)).toEqual(['wrong cache.xlsx']); // no lock file or output beside it
  });

  test('LibreOffice replaces every wrong cached result with the computed value', () => {
    expect(after.map((c) => `${c.sheet}!${c.address}`).sort()).toEqual(before.map((c) => `${c.sheet}!${c.address}`).sort());
    const stillWrong = after.filter((c) => c.result === WRONG);
    expect(stillWrong).toEqual([]);

    expect(result('Calc', 'A1')).toBe(20.4);
    expect(result('Calc', 'A2')).toBeCloseTo(10.2 + 25 + 3.0000000000000004, 12);
    expect(result('Calc', 'A3')).toBe(63); // CEILING(25/0.4) = CEILING(62.5)
    expect(result('Calc', 'A4')).toBe(11); // 10.2 is not near an integer: CEILING
    expect(result('Calc', 'A5')).toBe(3); // 3.0000000000000004 snaps to 3
    expect(result('Calc', 'A6')).toBe(100);
    expect(result('Calc', 'A7')).toBe(2);
    expect(result('Calc', 'A8')).toBe(21);
    expect(result('Calc', 'A9')).toBe(21.4);
    expect(result('Calc', 'A10')).toBe(0);
    expect(result('Calc', 'A11')).toBe('big');
    expect(result('Calc', 'A12')).toBe(true);
    expect(result('Calc', 'A13')).toEqual({ error: '#DIV/0!' });
    expect(result('Calc', 'B1')).toBe(102);
    expect(result('Calc', 'B2')).toBe(250);
    expect(result('Calc', 'B3')).toBeCloseTo(30, 12);
  });

  test('a comparison of cached against recalculated values flags every wrong cache', () => {
    const mismatches = before.filter((c) => {
      const recomputed = at(after, c.sheet, c.address).result;
      return JSON.stringify(recomputed) !== JSON.stringify(c.result);
    });
    expect(mismatches).toHaveLength(before.length);
  });

  test('text that starts with "=" stays text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const cell = wb.getWorksheet('Calc')!.getCell('D1');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=SUM(A1:A3)');
    expect(after.find((c) => c.sheet === 'Calc' && c.address === 'D1')).toBeUndefined();
  });

  test('a missing input file is a clear error', async () => {
    await expect(recalculateWithLibreOffice(path.join(tmp, 'nope.xlsx'))).rejects.toThrow(/no such file/);
  });
});
