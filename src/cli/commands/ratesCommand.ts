/** `funnel-planner rates EXPORT.csv|EXPORT.xlsx`: conversion rates and stage durations from a CRM export, or the SQL that computes them in a warehouse. */
import { Command, Option } from 'commander';
import { basename } from 'node:path';
import { historySql, type SqlDialect } from '../../core/history/historySql';
import type { HistoryMapping } from '../../core/history/historyTypes';
import { parseHistoryDate, type DateOrder } from '../../core/history/parseHistoryDate';
import { recognizeColumns, type RecognizeOptions } from '../../core/history/recognizeColumns';
import { DEFAULT_STAGES } from '../../core/stages';
import { InputError } from '../cliError';
import { ProgressBar } from '../history/progressBar';
import { ratesJson } from '../history/ratesJson';
import { ratesText } from '../history/ratesText';
import { readExportHeader, readHistoryExport } from '../history/readHistoryExport';
import { CliIo } from '../io';
import { checkOutputPath } from '../outputPaths';
import { writeFileAtomic } from '../writeFileAtomic';
import { checkOverwrite } from '../overwriteGuard';
import { globalOptions } from './globalOptions';
import { keyValueCollector } from './keyValueOption';
import { cliLang, cliText } from '../cliLang';
import { cliMessages } from '../i18n/cliCatalogue';

interface RatesOptions {
  out?: string;
  force?: boolean;
  json?: boolean;
  map: Record<string, string>;
  sourceColumn?: string;
  stages?: string[];
  asOf?: string;
  sql?: SqlDialect;
  table?: string;
  sheet?: string;
  dateOrder?: DateOrder;
}

const collectMap = keyValueCollector('stage=Column', 'lead="Became a Lead Date"');

function parseStages(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

const AS_OF = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?Z?$/;

function checkAsOf(value: string): string {
  const parsed = AS_OF.test(value) ? parseHistoryDate(value) : null;
  if (typeof parsed !== 'number') {
    const why = parsed && typeof parsed === 'object' ? ` (${parsed.error})` : '';
    throw new InputError(cliText().cliHistory.badAsOf(value, why));
  }
  return value.replace(' ', 'T');
}

/** With --sql and no file, the columns named by --map (and --source-column) stand in for the header. */
function sqlMapping(path: string | undefined, header: readonly string[] | null, options: RatesOptions, recognize: RecognizeOptions): HistoryMapping {
  if (header === null && Object.keys(options.map).length === 0) {
    throw new InputError(
      '--sql without an export file needs the column of each stage: give --map stage=Column (e.g. --map lead="Became a Lead Date" --map won="Became a Customer Date"), and --source-column for the source',
    );
  }
  const columns = header ?? [...Object.values(options.map), ...(options.sourceColumn ? [options.sourceColumn] : [])];
  const found = recognizeColumns(columns, { ...recognize, lang: cliLang() });
  if (!found.ok) throw new InputError(path ? `${path}: ${found.message}` : found.message, found.needsMapping ? [cliText().cliHistory.mapHint] : []);
  return found.mapping;
}

const HELP = `
Reads a CRM export (HubSpot, Salesforce, or any CSV/.xlsx with one date column per stage)
and measures, overall and per source:
  reached   records that reached a stage: its date, or any later stage's date, is filled in
  rate      reached(next) / reached(stage), with a Wilson 95% interval; * marks < 30 records
  mature    the same rate over records that reached the stage at least its p90 days before
            --as-of (default: the latest date in the file), so recent records still in
            progress do not drag it down
  days      median and p90 days from a stage's date to the next stage's date

Columns are recognised by name (e.g. "Became a Lead Date", "Original Source"); name others
with --map and --source-column. CSV files are UTF-8 (with or without a BOM), comma-separated,
quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped.
Dates written a/b/yyyy are read day first when a date in their column has a first part
over 12 (13/03/2024), month first when one has a second part over 12; a column whose dates
fit both orders follows the file's other such columns, else needs --date-order dmy|mdy.

Skipped rows are reported by "line N": the line of the file where the row starts, counting
from 1 with the header on line 1 (blank lines count, as in a text editor; a row with a line
break inside quotes keeps the number of its first line). For .xlsx, N is the sheet's row number.

Rows with fewer or more cells than the header are read (missing cells blank, extra ones
dropped) and listed by line in the warnings.

Exit codes: 0 success; 2 a missing file, unrecognisable columns, a bad option, a file that
is not UTF-8, a column whose day/month order is mixed or cannot be told, stages out of
funnel order, nothing to measure (no data rows, every row skipped); 1 an internal error.

Examples:
  funnel-planner rates contacts.csv
  funnel-planner rates contacts.csv --json --map lead="Create Date" --source-column "Lead Source"
  funnel-planner rates --sql bigquery --table crm.contacts --map lead="Became a Lead Date" --map won="Became a Customer Date"
`;

export function ratesCommand(io: CliIo): Command {
  return new Command('rates')
    .description('conversion rates and stage durations from a CRM export (.csv or .xlsx), overall and per source')
    .argument('[export]', 'the CRM export: a .csv (UTF-8) or an .xlsx; optional with --sql')
    .option('--json', 'print the result as JSON')
    .option('-m, --map <stage=Column>', 'the date column of a stage, e.g. lead="Create Date" (repeatable)', collectMap, {})
    .option('--source-column <column>', 'the column holding each record\'s source (default: recognised, e.g. "Original Source")')
    .option('--stages <list>', `the funnel's stages, top to bottom, won last (default: ${DEFAULT_STAGES.join(',')}, plus bql when the file has a BQL column)`, parseStages)
    .option('--as-of <date>', 'measure maturity from this date, YYYY-MM-DD (default: the latest date in the file)')
    .option('--sheet <name>', 'the sheet of an .xlsx export (default: the first)')
    .addOption(new Option('--date-order <order>', 'how a/b/yyyy dates read: dmy (05/03/2024 = 5 March) or mdy (= May 3); default: told by each column\'s dates').choices(['dmy', 'mdy']))
    .addOption(new Option('--sql <dialect>', 'print the SQL that computes the same in a warehouse, instead of reading rows').choices(['bigquery', 'duckdb']))
    .option('--table <name>', 'the table (project.dataset.table) the --sql query reads')
    .option('-o, --out <file.xlsx>', 'also write the rates table as a workbook (its History summary sheet)')
    .option('-f, --force', 'replace --out even if it holds work Funnel Planner did not write (another file, or edits since)')
    .addHelpText('after', HELP)
    .action(async function (this: Command, path: string | undefined, options: RatesOptions) {
      const { lang } = globalOptions(this);
      const asOf = options.asOf === undefined ? undefined : checkAsOf(options.asOf);
      const recognize: RecognizeOptions = {
        ...(options.stages ? { stages: options.stages } : {}),
        ...(Object.keys(options.map).length > 0 ? { stageColumns: options.map } : {}),
        ...(options.sourceColumn !== undefined ? { sourceColumn: options.sourceColumn } : {}),
      };

      if (options.sql) {
        if (!options.table) throw new InputError(cliText().cliHistory.sqlNeedsTable(options.sql === 'bigquery' ? 'BigQuery' : 'DuckDB'));
        const header = path === undefined ? null : await readExportHeader(path, options.sheet);
        const mapping = sqlMapping(path, header, options, recognize);
        let sql: string;
        try {
          sql = historySql(mapping, options.table, options.sql, asOf === undefined ? {} : { asOf });
        } catch (error) {
          throw new InputError(error instanceof Error ? error.message.replace(/^historySql: /, '') : String(error));
        }
        const statement = sql.trimEnd();
        io.out(statement.endsWith(';') ? `${statement}\n` : `${statement};\n`);
        return;
      }
      if (options.table) throw new InputError(cliText().cliHistory.tableNeedsSql);
      if (path === undefined) {
        throw new InputError(cliText().cliHistory.missingExport);
      }
      if (options.out !== undefined) {
        checkOutputPath('--out', options.out, /\.xlsx$/i, '.xlsx', path);
        // Before reading a million rows, not after: a file that is not ours is refused at once.
        await checkOverwrite('--out', options.out, 'xlsx', options.force, lang);
      }

      // The bar is for a person watching a terminal: never with --json, in CI, or when piped.
      const bar = io.isTTY && !options.json && !process.env.CI ? new ProgressBar(io.err, basename(path)) : null;
      let read;
      try {
        read = await readHistoryExport(path, {
          ...recognize,
          ...(asOf !== undefined ? { asOf } : {}),
          ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
          ...(options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {}),
          ...(bar ? { onProgress: (p) => bar.update(p) } : {}),
        });
      } finally {
        bar?.done();
      }
      const { result, mapping } = read;
      if (options.out !== undefined) {
        const { historyXlsx } = await import('../xlsx/historyXlsx'); // exceljs loads only when a workbook is written
        writeFileAtomic(options.out, await historyXlsx(result, basename(path), lang));
        (options.json ? io.err : io.out)(`${cliMessages(lang).cli.wroteWorkbook(options.out)}\n`);
      }
      if (options.json) {
        io.out(`${JSON.stringify(ratesJson(path, result, mapping), null, 2)}\n`);
        return;
      }
      const columns = mapping.stages
        .filter((s) => mapping.stageColumns[s] !== undefined)
        .map((s) => `${s} = "${mapping.stageColumns[s]}"`)
        .concat(mapping.sourceColumn ? [`source = "${mapping.sourceColumn}"`] : []);
      const heading = cliMessages(lang).ratesText.columns(path, columns);
      io.out(`${heading}\n\n${ratesText(result, lang, read.format === 'xlsx' ? 'row' : 'line')}\n`);
    });
}
