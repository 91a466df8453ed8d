/** Small CRM exports whose answers are worked out by hand (see ratesCli.test.ts), as CSV and as .xlsx. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export const HUBSPOT_HEADER =
  'Record ID,Notes,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,' +
  'Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date';

/**
 * Eight records on lines 2–11 (record 3 spans lines 4–5, line 6 is blank); record 6 (line 9)
 * has an impossible date and is skipped; record 5 skipped lead and MQL; record 7 has no source.
 */
export const HAND_CSV = [
  HUBSPOT_HEADER,
  '1,,Web,2024-01-01,2024-01-11,2024-01-21,2024-02-01,2024-03-01',
  '2,,Web,2024-01-01,2024-01-05,,,',
  '3,"two',
  'lines",Web,2024-01-02,,,,',
  '',
  '4,,Event,2024-01-10,2024-01-20,2024-01-25,2024-02-04,',
  '5,,Event,,,2024-02-01,,',
  '6,,Event,31/31/2024,,,,',
  '7,,,2024-03-01,,,,',
  '8,,Web,2024-02-01,2024-02-03,2024-02-13,2024-02-14,2024-02-24',
  '',
].join('\r\n');

/**
 * A workbook as Excel saves a CRM export: header on row 2, an empty row 5, a notes sheet after
 * the data, dates as date cells, bare serials, text and a formula. Rows 3, 4, 6 convert (lead →
 * won in 10.5, 10.5 and 9 days), row 7 has no date ("soon": skipped), row 8 has not converted.
 */
export async function writeExportXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contacts');
  ws.getRow(2).values = ['Original Source', 'Became a Lead Date', 'Became a Customer Date', 'Notes'];
  ws.getRow(3).values = ['Web', new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 11, 12)), 'date cells'];
  ws.getRow(4).values = ['Web', 45292, 45302.5, 'serials: 2024-01-01 and 2024-01-11 12:00'];
  // Row 5 left empty: skipped and not counted.
  ws.getRow(6).values = [{ richText: [{ text: 'Eve' }, { text: 'nt' }] }, '2024-01-05', { formula: 'B4+13', result: 45305 }, 'rich text, text date, formula'];
  ws.getRow(7).values = ['Event', 'soon', null, 'not a date'];
  ws.getRow(8).values = ['Event', new Date(Date.UTC(2024, 0, 20)), null, 'a lead that has not converted'];
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
  wb.addWorksheet('Notes').getRow(1).values = ['Only', 'notes'];
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}
