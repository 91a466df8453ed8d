/** Where readInputs finds a plan path on the Inputs sheet of a written workbook, for the formula tests that edit an input. */
import type ExcelJS from 'exceljs';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { readInputs } from '../../../src/workbook/readInputs';

/** The Inputs cell (A1, without the sheet) of a plan path, as readInputs finds it. */
export function inputsCell(book: ExcelJS.Workbook, pathText: string): string {
  const reading = readInputs(new ExcelWorkbook(book));
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  const ref = reading.cellOf.get(pathText);
  if (!ref) throw new Error(`no cell for ${pathText}`);
  return ref.split('!')[1];
}
