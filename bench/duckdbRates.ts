/** Benchmark child: DuckDB answers the `rates` question on a CSV export; prints the result rows' count and its own timing as JSON. */
import { DuckDBInstance } from '@duckdb/node-api';
import { historySql } from '../src/core/history/historySql';
import { recognizeColumns } from '../src/core/history/recognizeColumns';
import { CRM_HEADER } from './crmExportCsv';

const DATE_COLUMNS = CRM_HEADER.filter((h) => h.startsWith('Became'));

/**
 * The least DuckDB must do for reached counts and median days per source: one scan, plain
 * aggregates, ROLLUP for the overall row. No p90, maturity or skipped-row check, so it is a
 * floor for DuckDB rather than the same work as `rates`.
 */
function minimalSql(table: string): string {
  const ms = DATE_COLUMNS.map((c, i) => `epoch_ms(TRY_CAST(NULLIF(TRIM("${c}"), '') AS TIMESTAMP)) AS d${i}`);
  const reached = DATE_COLUMNS.map((_, i) => {
    const later = DATE_COLUMNS.slice(i).map((__, j) => `d${i + j}`);
    return `COUNT(*) FILTER (WHERE COALESCE(${later.join(', ')}) IS NOT NULL) AS reached${i}`;
  });
  const medians = DATE_COLUMNS.slice(1).map((_, i) => `quantile_cont((d${i + 1} - d${i}) / 86400000.0, 0.5) AS median${i}`);
  return `WITH t AS (SELECT COALESCE(NULLIF(TRIM("Original Source"), ''), '(none)') AS source, ${ms.join(', ')} FROM ${table})
SELECT source, ${[...reached, ...medians].join(', ')} FROM t GROUP BY ROLLUP (source)`;
}

async function main(): Promise<void> {
  const [csv, mode] = process.argv.slice(2);
  const started = process.hrtime.bigint();
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  // all_varchar: dates are read as text and parsed by the query, as `rates` parses them.
  await connection.run(`CREATE VIEW crm AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', all_varchar = true, header = true)`);
  let sql: string;
  if (mode === 'minimal') {
    sql = minimalSql('crm');
  } else {
    const found = recognizeColumns(CRM_HEADER);
    if (!found.ok) throw new Error(found.message);
    sql = historySql(found.mapping, 'crm', 'duckdb');
  }
  const reader = await connection.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson();
  connection.closeSync();
  process.stdout.write(`${JSON.stringify({ rows: rows.length, ms: Number(process.hrtime.bigint() - started) / 1e6, result: rows })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
