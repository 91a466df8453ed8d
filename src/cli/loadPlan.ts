/** Loads a plan input for a command: a JSON file, an .xlsx whose Inputs sheet the user edited, or the default template. */
import { readFileSync } from 'node:fs';
import { defaultPlanInput } from '../core/defaultPlan';
import { ValidPlan } from '../core/planInput';
import { Lang } from '../core/stages';
import { validatePlan } from '../core/validatePlan';
import { formatCellError, readInputs } from '../workbook/readInputs';
import { InputError, invalidPlanError } from './cliError';
import { readJsonFile, readTextFile } from './readJsonFile';
import { ExcelWorkbook } from './xlsx/excelWorkbook';

export interface LoadedPlan {
  readonly plan: ValidPlan;
  /** How to name the input in messages. */
  readonly where: string;
}

const XLSX = /\.xlsx$/i;

async function loadXlsx(path: string, lang: Lang): Promise<LoadedPlan> {
  readTextFile(path); // the same "cannot read" messages as for JSON
  let book: ExcelWorkbook;
  try {
    book = await ExcelWorkbook.fromBuffer(readFileSync(path));
  } catch {
    throw new InputError(`${path} is not a readable .xlsx workbook`);
  }
  const reading = readInputs(book, undefined, lang);
  if (!reading.ok) throw new InputError(`cannot read the plan from ${path}:`, reading.problems);
  const checked = validatePlan(reading.input);
  if (!checked.ok) {
    const error = invalidPlanError(path, checked.errors, lang);
    throw new InputError(error.message, checked.errors.map((e) => formatCellError(e, reading.cellOf, lang)));
  }
  return { plan: checked.plan, where: path };
}

export async function loadPlan(path: string | undefined, lang: Lang): Promise<LoadedPlan> {
  if (path !== undefined && XLSX.test(path)) return loadXlsx(path, lang);
  if (path !== undefined && /\.(xlsm|xls|csv|ods)$/i.test(path)) {
    throw new InputError(`${path}: expected a .json plan or an .xlsx workbook with an Inputs sheet`);
  }
  const input = path === undefined ? defaultPlanInput() : readJsonFile(path);
  const where = path ?? 'the default template';
  const checked = validatePlan(input);
  if (!checked.ok) throw invalidPlanError(where, checked.errors, lang);
  return { plan: checked.plan, where };
}
