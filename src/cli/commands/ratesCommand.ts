/** `funnel-planner rates EXPORT.csv|EXPORT.xlsx`: conversion rates and stage durations from a CRM export, or the SQL that computes them in a warehouse. */
import { Command, Option } from 'commander';
import { basename } from 'node:path';
import { historySql, type SqlDialect } from '../../core/history/historySql';
import type { HistoryMapping } from '../../core/history/historyTypes';
import { dateProblemText, parseHistoryDate, type DateOrder } from '../../core/history/parseHistoryDate';
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
    const why = parsed && typeof parsed === 'object' ? ` (${dateProblemText(parsed.problem, cliLang())})` : '';
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

export function ratesCommand(io: CliIo): Command {
  const h = cliText().help; // the run's --lang: main sets it before building the commands
  return new Command('rates')
    .description(h.ratesDescription)
    .argument('[export]', h.ratesExport)
    .option('--json', h.json)
    .option('-m, --map <stage=Column>', h.ratesMap, collectMap, {})
    .option('--source-column <column>', h.ratesSourceColumn)
    .option('--stages <list>', h.stages(DEFAULT_STAGES.join(',')), parseStages)
    .option('--as-of <date>', h.asOf)
    .option('--sheet <name>', h.sheet)
    .addOption(new Option('--date-order <order>', h.ratesDateOrder).choices(['dmy', 'mdy']))
    .addOption(new Option('--sql <dialect>', h.sql).choices(['bigquery', 'duckdb']))
    .option('--table <name>', h.table)
    .option('-o, --out <file.xlsx>', h.ratesOut)
    .option('-f, --force', h.force)
    .addHelpText('after', h.ratesAfter)
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
