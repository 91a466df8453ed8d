/** Benchmark child: the spreadsheet way — an export pasted into HyperFormula with COUNTIFS per source and stage; prints its timing as JSON. */
import { HyperFormula } from 'hyperformula';
import { readCsvRows } from '../src/cli/history/readCsvRows';
import { CRM_HEADER } from './crmExportCsv';

const SOURCE = CRM_HEADER.indexOf('Original Source');
const DATES = CRM_HEADER.flatMap((h, i) => (h.startsWith('Became') ? [i] : []));

const column = (i: number) => String.fromCharCode(65 + i);

async function main(): Promise<void> {
  const csv = process.argv[2];
  // Reading the CSV is not timed: only what the spreadsheet does once the data is in it.
  const data: (string | null)[][] = [];
  const sources = new Set<string>();
  await readCsvRows(csv, () => undefined, (cells) => {
    // A blank CSV cell pasted into a sheet is an empty cell, not an empty string.
    const row = [SOURCE, ...DATES].map((i) => (cells[i] === '' ? null : String(cells[i])));
    sources.add(String(row[0]));
    data.push(row);
  });
  const n = data.length;
  const names = [...sources].sort();
  // One COUNTIFS per (source, stage): records of that source with a date in that stage's column.
  const formulas = names.map((s, r) => [
    s,
    ...DATES.map((_, k) => {
      const c = column(k + 1);
      return `=COUNTIFS(Export!$A$2:$A$${n + 1},$A${r + 2},Export!$${c}$2:$${c}$${n + 1},"<>")`;
    }),
  ]);
  const started = process.hrtime.bigint();
  const hf = HyperFormula.buildFromSheets(
    {
      Export: [['Original Source', ...DATES.map((i) => CRM_HEADER[i])], ...data],
      Rates: [['Source', ...DATES.map((i) => CRM_HEADER[i])], ...formulas],
    },
    { licenseKey: 'gpl-v3', maxRows: n + 10 },
  );
  const rates = hf.getSheetId('Rates') as number;
  const values = hf.getSheetValues(rates);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const won: Record<string, unknown> = {};
  values.slice(1).forEach((row) => (won[String(row[0])] = row[row.length - 1]));
  process.stdout.write(`${JSON.stringify({ rows: n, ms, formulas: names.length * DATES.length, won })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
