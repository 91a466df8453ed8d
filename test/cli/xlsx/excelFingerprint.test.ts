/** The fingerprint the CLI records in an .xlsx owner table is the one reading that sheet back gives, so an untouched plan is recognised as unedited. */
import { plan } from '../../../src/core/plan';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { contentFingerprint } from '../../../src/workbook/contentFingerprint';

describe('an .xlsx plan read back', () => {
  it('has, for every sheet, the fingerprint its owner row recorded; an edited note or fill changes it', async () => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('default plan invalid');
    const bytes = await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: { version: '9.9.9', generatedOn: '2026-11-23' } });
    const book = await ExcelWorkbook.fromBuffer(bytes);
    for (const name of ['Summary', 'Funnel', 'Inputs']) expect(contentFingerprint(book, name)).toBe(book.getOwner(name)?.fingerprint);
    const recorded = book.getOwner('Funnel')?.fingerprint;
    book.workbook.getWorksheet('Funnel')!.getCell(6, 2).note = 'too low';
    expect(contentFingerprint(book, 'Funnel')).not.toBe(recorded);
    const summary = await ExcelWorkbook.fromBuffer(bytes);
    summary.workbook.getWorksheet('Summary')!.getCell(8, 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    expect(contentFingerprint(summary, 'Summary')).not.toBe(summary.getOwner('Summary')?.fingerprint);
  });

  it.each([
    ['a font size', (ws: import('exceljs').Worksheet) => (ws.getCell(8, 2).font = { ...ws.getCell(8, 2).font, size: 18 })],
    ['a horizontal alignment', (ws: import('exceljs').Worksheet) => (ws.getCell(8, 2).alignment = { horizontal: 'center' })],
    ['wrapping', (ws: import('exceljs').Worksheet) => (ws.getCell(8, 2).alignment = { wrapText: true })],
    ['a merge', (ws: import('exceljs').Worksheet) => ws.mergeCells('A20:C20')],
    ['a dropdown', (ws: import('exceljs').Worksheet) => (ws.getCell(30, 5).dataValidation = { type: 'list', formulae: ['"yes,no"'] })],
    ['a conditional-format rule', (ws: import('exceljs').Worksheet) => ws.addConditionalFormatting({ ref: 'B8:B12', rules: [{ type: 'cellIs', priority: 9, operator: 'greaterThan', formulae: ['100'] }] })],
  ])('an edit that is only %s changes the fingerprint', async (_what, edit) => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('default plan invalid');
    const bytes = await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: { version: '9.9.9', generatedOn: '2026-11-23' } });
    const book = await ExcelWorkbook.fromBuffer(bytes);
    edit(book.workbook.getWorksheet('Summary')!);
    expect(contentFingerprint(book, 'Summary')).not.toBe(book.getOwner('Summary')?.fingerprint);
  });
});
