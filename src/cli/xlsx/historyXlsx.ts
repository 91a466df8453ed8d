/** `rates --out rates.xlsx`: the History summary sheet of a CRM export as a workbook of its own. */
import type { HistoryResult } from '../../core/history/historyTypes';
import type { Lang } from '../../core/stages';
import { VERSION } from '../../core/version';
import { historySummaryLayout } from '../../workbook/layouts/historySummaryLayout';
import { writeLayouts } from '../../workbook/writeLayouts';
import { today } from '../outputPaths';
import { ExcelWorkbook } from './excelWorkbook';

export async function historyXlsx(result: HistoryResult, origin: string, lang: Lang): Promise<Buffer> {
  const stamp = { version: VERSION, generatedOn: today() };
  const book = new ExcelWorkbook();
  book.workbook.creator = 'Funnel Planner';
  writeLayouts(book, [historySummaryLayout({ result, origin, fed: [], lang, stamp })], stamp);
  return book.toBuffer();
}
