/** Plan workbooks as .xlsx bytes: the full plan (Summary, Funnel, Inputs) or the Inputs sheet alone. */
import { inputsLayout } from '../../workbook/layouts/inputsLayout';
import { planLayouts } from '../../workbook/layouts/planLayouts';
import type { SheetLayout } from '../../workbook/sheetLayout';
import type { LayoutInput } from '../../workbook/layouts/layoutInput';
import { writeLayouts } from '../../workbook/writeLayouts';
import { ExcelWorkbook } from './excelWorkbook';
import { addXlsxCharts, chartsOf } from './xlsxCharts';

function newWorkbook(input: LayoutInput): ExcelWorkbook {
  const book = new ExcelWorkbook();
  book.workbook.creator = 'Funnel Planner';
  book.workbook.title = input.plan.name ?? 'Funnel plan';
  return book;
}

/** The plan workbook with its native charts (xlsxCharts.ts); `extra` sheets (History summary…) follow the plan's own. */
export async function planXlsx(input: LayoutInput, extra: readonly SheetLayout[] = []): Promise<Buffer> {
  const book = newWorkbook(input);
  const layouts = [...planLayouts(input), ...extra];
  writeLayouts(book, layouts, input.stamp);
  return addXlsxCharts(await book.toBuffer(), chartsOf(layouts));
}

export async function inputsXlsx(input: LayoutInput): Promise<Buffer> {
  const book = newWorkbook(input);
  writeLayouts(book, [inputsLayout(input)], input.stamp);
  return book.toBuffer();
}
