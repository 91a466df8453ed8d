/**
 * Whether an output may replace the file already at its path. A missing file, `--force`, or a
 * file recognisably ours may be replaced: an .xlsx whose every sheet is ours and unedited, a
 * report carrying our generator tag, or a file with exactly the bytes about to be written.
 * Anything else — someone's budget.xlsx, a plan whose Inputs were edited, an edited plan .json,
 * a page we did not write — is refused with exit 2, naming the file and why.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Lang } from '../core/stages';
import { contentFingerprint } from '../workbook/contentFingerprint';
import { OWNER_SHEET } from '../workbook/ownerTable';
import { InputError } from './cliError';
import { REPORT_GENERATOR } from '../report/htmlReport';
import { sheetParts } from './xlsx/xlsxPackage';
import { readZip } from './xlsx/zipArchive';

export type OutputKind = 'xlsx' | 'html' | 'json';

type Reason = Readonly<Record<Lang, string>>;

const REASONS = {
  notReport: { en: 'it is not a Funnel Planner report', 'zh-CN': '它不是 Funnel Planner 生成的报告' },
  otherJson: { en: 'it holds other JSON (a plan you edited?)', 'zh-CN': '其中是其他 JSON 内容（您编辑过的计划？）' },
  notXlsx: { en: 'it is not an .xlsx workbook', 'zh-CN': '它不是 .xlsx 工作簿' },
  unreadable: { en: 'it is an .xlsx workbook that could not be read', 'zh-CN': '它是无法读取的 .xlsx 工作簿' },
  notOurs: { en: 'it was not written by Funnel Planner (its sheets: {list})', 'zh-CN': '它不是 Funnel Planner 写出的（其工作表：{list}）' },
  foreignSheets: { en: 'it has sheets Funnel Planner did not write: {list}', 'zh-CN': '其中有不是 Funnel Planner 写出的工作表：{list}' },
  edited: { en: 'its sheets were edited since Funnel Planner wrote them: {list}', 'zh-CN': '其中的工作表在 Funnel Planner 写出后被编辑过：{list}' },
} as const satisfies Record<string, Reason>;

const reason = (key: keyof typeof REASONS, list: readonly string[] = []): Reason => ({
  en: REASONS[key].en.replace('{list}', list.join(', ') || 'none'),
  'zh-CN': REASONS[key]['zh-CN'].replace('{list}', list.join('、') || '无'),
});

/**
 * Why an existing file is not ours, or undefined when it is. An .xlsx is ours when every sheet
 * has an owner marker and still holds what was written (its content fingerprint matches the
 * marker's): replacing it then loses nothing. Edited Inputs are plans too: `plan FILE` reads them.
 */
async function notOurs(path: string, kind: OutputKind, next: string | Uint8Array | undefined): Promise<Reason | undefined> {
  const bytes = readFileSync(path);
  if (next !== undefined && bytes.equals(Buffer.from(next))) return undefined;
  if (kind === 'html') {
    const head = bytes.subarray(0, 4096).toString('utf8');
    return head.includes(`<meta name="generator" content="${REPORT_GENERATOR}">`) ? undefined : reason('notReport');
  }
  if (kind === 'json') return reason('otherJson');
  let sheets: string[];
  try {
    sheets = sheetParts(readZip(bytes)).map((s) => s.name);
  } catch {
    return reason('notXlsx');
  }
  if (!sheets.includes(OWNER_SHEET)) return reason('notOurs', sheets);
  const { ExcelWorkbook } = await import('./xlsx/excelWorkbook');
  let book: InstanceType<typeof ExcelWorkbook>;
  try {
    book = await ExcelWorkbook.fromBuffer(bytes);
  } catch {
    return reason('unreadable');
  }
  const foreign = book.listSheets().filter((s) => book.getOwner(s) === undefined);
  if (foreign.length > 0) return reason('foreignSheets', foreign);
  const edited = book.listSheets().filter((s) => book.getOwner(s)?.fingerprint !== contentFingerprint(book, s));
  return edited.length > 0 ? reason('edited', edited) : undefined;
}

/**
 * Refuses to replace `path` unless it is missing, ours, or `force` is set. `next` is what would
 * be written (a file that already holds it is replaced harmlessly).
 */
export async function checkOverwrite(option: string, path: string, kind: OutputKind, force: boolean | undefined, lang: Lang, next?: string | Uint8Array): Promise<void> {
  if (force || !existsSync(path) || statSync(path).isDirectory()) return; // a folder is writeFileAtomic's to explain
  const why = await notOurs(path, kind, next);
  if (why === undefined) return;
  throw new InputError(
    lang === 'zh-CN'
      ? `${option} ${path}：该文件已存在，${why['zh-CN']}；未覆盖。请换一个文件名，或加上 --force 覆盖它`
      : `${option} ${path}: the file exists and ${why.en}; not overwriting it: choose another name, or add --force to replace it`,
  );
}
