/** Loads a plan input for a command: a JSON file, an .xlsx whose Inputs sheet the user edited, or the default template. */
import { readFileSync } from 'node:fs';
import { defaultPlanInput } from '../core/defaultPlan';
import type { FunnelPlan } from '../core/funnelPlan';
import { ValidPlan } from '../core/planInput';
import { Lang } from '../core/stages';
import { validatePlan } from '../core/validatePlan';
import { today } from './outputPaths';
import { formatCellError, readInputs } from '../workbook/readInputs';
import { InputError, invalidPlanError } from './cliError';
import { readJsonFile, readTextFile } from './readJsonFile';
import { cliMessages } from './i18n/cliCatalogue';

export interface LoadedPlan {
  readonly plan: ValidPlan;
  /** Its reverse funnel, computed once by validatePlan: commands use it, never compute it again. */
  readonly funnel: FunnelPlan;
  /** How to name the input in messages. */
  readonly where: string;
  /** What read but looks wrong (a workbook's stage row gone since it was generated). */
  readonly warnings?: readonly string[];
}

/** The input as read, before validation, with the cell of each field when it came from a workbook. */
export interface RawPlan {
  readonly input: unknown;
  readonly where: string;
  readonly cellOf?: ReadonlyMap<string, string>;
  /** What reads but looks wrong in a workbook (a stage row gone since it was generated). */
  readonly warnings?: readonly string[];
}

const XLSX = /\.xlsx$/i;

async function readXlsxPlan(path: string, lang: Lang): Promise<RawPlan> {
  readTextFile(path); // the same "cannot read" messages as for JSON
  // exceljs takes ~0.2 s to load: only commands that touch a workbook pay for it.
  const { ExcelWorkbook } = await import('./xlsx/excelWorkbook');
  let book: InstanceType<typeof ExcelWorkbook>;
  try {
    book = await ExcelWorkbook.fromBuffer(readFileSync(path));
  } catch (error) {
    throw new InputError(cliMessages(lang).cli.notXlsx(path), [], error);
  }
  // A file from anywhere: formulas may have lost their results, rows may have gone.
  const reading = readInputs(book, undefined, lang, undefined, { formulasWithoutResults: true, stagesAgainstFunnel: true });
  if (!reading.ok) throw new InputError(cliMessages(lang).cli.cannotReadPlan(path), reading.problems);
  return { input: reading.input, where: path, cellOf: reading.cellOf, warnings: reading.warnings };
}

export async function readRawPlan(path: string | undefined, lang: Lang): Promise<RawPlan> {
  if (path !== undefined && XLSX.test(path)) return readXlsxPlan(path, lang);
  if (path !== undefined && /\.(xlsm|xls|csv|ods)$/i.test(path)) {
    throw new InputError(cliMessages(lang).cli.notPlanFile(path));
  }
  return path === undefined ? { input: defaultPlanInput(), where: cliMessages(lang).cli.defaultTemplate } : { input: readJsonFile(path), where: path };
}

/** A warning about the input, as the CLI prints it on stderr. */
export function warningLine(warning: string, lang: Lang): string {
  return `funnel-planner: ${cliMessages(lang).cli.warning}: ${warning}\n`;
}

/** Validates a read input; errors name the cell when the input came from a workbook. */
export function validateRawPlan(raw: RawPlan, lang: Lang): LoadedPlan {
  // A plan without a fiscal-year start plans the year of the user's today (core has no clock).
  const checked = validatePlan(raw.input, { today: today() });
  if (checked.ok) return { plan: checked.plan, funnel: checked.funnel, where: raw.where, ...(raw.warnings ? { warnings: raw.warnings } : {}) };
  const error = invalidPlanError(raw.where, checked.errors, lang);
  const cellOf = raw.cellOf;
  if (!cellOf) throw error;
  throw new InputError(error.message, checked.errors.map((e) => formatCellError(e, cellOf, lang)));
}

export async function loadPlan(path: string | undefined, lang: Lang): Promise<LoadedPlan> {
  return validateRawPlan(await readRawPlan(path, lang), lang);
}
