/**
 * Whether an output may replace the file already at its path. A missing file, `--force`, or a
 * file recognisably ours may be replaced: an .xlsx whose every sheet is ours and unedited, a
 * report carrying our generator tag, or a file with exactly the bytes about to be written.
 * Anything else — someone's budget.xlsx, a plan whose Inputs were edited, an edited plan .json,
 * a page we did not write — is refused with exit 2, naming the file and why.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Lang } from '../core/stages';
import { matchesFingerprint } from '../workbook/contentFingerprint';
import { OWNER_SHEET } from '../workbook/ownerTable';
import { InputError } from './cliError';
import { REPORT_GENERATOR } from '../report/htmlReport';
import { sheetParts } from './xlsx/xlsxPackage';
import { readZip } from './xlsx/zipArchive';
import { cliMessages } from './i18n/cliCatalogue';

export type OutputKind = 'xlsx' | 'html' | 'json';

/** Why a file is not ours, worded when the language is known (catalogue `cli`). */
type Reason = (lang: Lang) => string;

type ReasonKey = 'notReport' | 'otherJson' | 'notXlsxFile' | 'unreadableXlsx' | 'notOurs' | 'foreignSheets' | 'edited';

const reason =
  (key: ReasonKey, list: readonly string[] = []): Reason =>
  (lang) => {
    const t = cliMessages(lang).cli;
    const message = t[key];
    return typeof message === 'string' ? message : message(list.join(t.listSeparator) || t.none);
  };

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
    return reason('notXlsxFile');
  }
  if (!sheets.includes(OWNER_SHEET)) return reason('notOurs', sheets);
  const { ExcelWorkbook } = await import('./xlsx/excelWorkbook');
  let book: InstanceType<typeof ExcelWorkbook>;
  try {
    book = await ExcelWorkbook.fromBuffer(bytes);
  } catch {
    return reason('unreadableXlsx');
  }
  const foreign = book.listSheets().filter((s) => book.getOwner(s) === undefined);
  if (foreign.length > 0) return reason('foreignSheets', foreign);
  const edited = book.listSheets().filter((s) => !matchesFingerprint(book, s, book.getOwner(s)?.fingerprint).matches);
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
  throw new InputError(cliMessages(lang).cli.overwriteRefused(option, path, why(lang)));
}
