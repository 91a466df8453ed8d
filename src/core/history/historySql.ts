/** CRM history → the same reached counts, rates, durations and mature rates as historyAccumulator.ts, as one warehouse SQL query (DuckDB or BigQuery). */
import { NO_SOURCE, SMALL_SAMPLE } from './historyAccumulator';
import type { HistoryMapping } from './historyTypes';
import { PLACEHOLDER_FROM_MS, PLACEHOLDER_UNTIL_MS, parseHistoryDate } from './parseHistoryDate';
import { Z95 } from './wilson';

export type SqlDialect = 'duckdb' | 'bigquery';

export interface HistorySqlOptions {
  /** Date or date-time to measure maturity from, read as HistoryOptions.asOf is; default: the latest mapped date in the table. */
  readonly asOf?: string;
}

/** The source label of the overall rows; `is_overall` tells them apart from a source that is really called "(all)". */
export const ALL_SOURCES = '(all)';

const DAY_MS = 86_400_000;
/** Stands in for "no date" inside LEAST/GREATEST, which in BigQuery return NULL as soon as one argument is NULL. */
const NO_DATE_HIGH = '9223372036854775807';
const NO_DATE_LOW = '-9223372036854775807';

/** What differs between the two warehouses; everything else in the query is shared text. */
interface Dialect {
  readonly quoteIdent: (name: string) => string;
  readonly quoteTable: (segments: readonly string[]) => string;
  readonly stringLiteral: (text: string) => string;
  readonly text: string;
  readonly int: string;
  readonly float: string;
  /** Text (already trimmed, never '') → epoch milliseconds, NULL when it is not a date. */
  readonly epochMs: (text: string) => string;
  readonly quantile: (value: string, q: number) => string;
  readonly stageIndexes: (count: number) => string;
  readonly isoUtc: (epochMs: string) => string;
}

const DUCKDB: Dialect = {
  quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
  quoteTable: (segments) => segments.map((s) => `"${s}"`).join('.'),
  stringLiteral: (text) => `'${text.replace(/'/g, "''")}'`,
  text: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  epochMs: (text) => `epoch_ms(TRY_CAST(${text} AS TIMESTAMP))`,
  quantile: (value, q) => `quantile_cont(${value}, ${q})`,
  stageIndexes: (count) => `(VALUES ${range(count).map((k) => `(${k})`).join(', ')}) AS stage_index(k)`,
  isoUtc: (ms) => `strftime(epoch_ms(${ms}), '%Y-%m-%dT%H:%M:%S.%gZ')`,
};

const BIGQUERY: Dialect = {
  // BigQuery quoted identifiers and strings use backslash escapes, not doubling.
  quoteIdent: (name) => `\`${escapeBackslashed(name, '`')}\``,
  quoteTable: (segments) => `\`${segments.join('.')}\``,
  stringLiteral: (text) => `'${escapeBackslashed(text, "'")}'`,
  text: 'STRING',
  int: 'INT64',
  float: 'FLOAT64',
  // A bare cast needs seconds in a time ("2024-01-05 10:30" is NULL), so minutes-only times are parsed explicitly.
  epochMs: (text) =>
    `UNIX_MILLIS(COALESCE(SAFE_CAST(${text} AS TIMESTAMP), ` +
    `SAFE.PARSE_TIMESTAMP('%Y-%m-%d %H:%M', ${text}), SAFE.PARSE_TIMESTAMP('%Y-%m-%dT%H:%M', ${text})))`,
  quantile: (value, q) => `PERCENTILE_CONT(${value}, ${q})`,
  stageIndexes: (count) => `UNNEST([${range(count).join(', ')}]) AS k`,
  isoUtc: (ms) => `FORMAT_TIMESTAMP('%Y-%m-%dT%H:%M:%E3SZ', TIMESTAMP_MILLIS(${ms}), 'UTC')`,
};

const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = { duckdb: DUCKDB, bigquery: BIGQUERY };

/** Letters, digits, _ and - per dot-separated part: enough for `project.dataset.table`, nothing that can end a quote or a statement. */
const TABLE_SEGMENT = /^[\p{L}\p{N}_-]+$/u;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Builds one SQL statement (CTEs, no trailing semicolon) that computes, inside the warehouse,
 * what `deriveHistory` computes in memory, for the table `table` whose columns are named by
 * `mapping` (see historyTypes.ts for the definitions).
 *
 * The result has ONE ROW PER (source, stage) for every stage that has a next stage, overall
 * rows first (`source` = '(all)', `is_overall` = true), then each source by name, stages top
 * to bottom:
 *
 * | column | meaning |
 * |---|---|
 * | source | the record's source as written, trimmed; '(none)' when blank or when there is no source column; '(all)' on overall rows |
 * | is_overall | true on the overall rows |
 * | stage_index, stage, next_stage | 0-based position of the from-stage, its id, the id of the stage after it |
 * | reached | records that reached `stage` (its date or any later stage's date is filled in) |
 * | converted | records that reached `next_stage` |
 * | rate, rate_low, rate_high | converted / reached and its Wilson 95% interval (wilson.ts); NULL when reached is 0 |
 * | duration_sample | records with both the date of `stage` and of `next_stage` |
 * | median_days, p90_days | of (date of next_stage − date of stage) in fractional days over that sample, linear interpolation; NULL when the sample is empty |
 * | maturity_p90_days | the p90 the maturity rule used: the row's own p90 when duration_sample ≥ 30 (always on overall rows), else the overall p90 |
 * | mature_reached, mature_converted, mature_rate, mature_rate_low, mature_rate_high | the same counts, rate and interval over records that reached `stage` at least maturity_p90_days before as_of (none when that p90 is NULL) |
 * | as_of | ISO date-time (UTC, `…T…Z`) maturity was measured from |
 * | rows_read, rows_skipped | rows in the table; rows left out because a mapped date cell is filled but is not a date |
 *
 * Dates may be DATE, DATETIME/TIMESTAMP or text (`YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS[.fff]]`,
 * `T` or space between date and time), read as UTC, to the millisecond.
 * The DuckDB and BigQuery forms are the same query; only quoting, casts, the quantile function
 * and a few function names differ. Both compute the quantiles as window functions over the
 * records of a group, because BigQuery has no exact percentile aggregate (APPROX_QUANTILES is
 * approximate) but its analytic PERCENTILE_CONT is exact; DuckDB's quantile_cont gives the same
 * values as a window function as it does as an aggregate.
 *
 * @example historySql({ stages: ['lead', 'mql', 'won'], stageColumns: { lead: 'Became a Lead Date',
 *   mql: 'Became an MQL Date', won: 'Closed Won Date' }, sourceColumn: 'Original Source' },
 *   'crm', 'duckdb')  // → rows ('(all)', lead → mql), ('(all)', mql → won), ('EMAIL', lead → mql), …
 * @throws Error when the table name is not a plain (dotted) identifier, when a stage or column
 *   is unusable, or when asOf is not an ISO date.
 */
export function historySql(
  mapping: HistoryMapping,
  table: string,
  dialect: SqlDialect,
  options: HistorySqlOptions = {},
): string {
  const d = DIALECTS[dialect];
  if (!d) throw new Error(`historySql: unknown SQL dialect "${String(dialect)}" (expected duckdb or bigquery)`);
  const tableSql = d.quoteTable(tableSegments(table));
  const stages = mapping.stages;
  if (stages.length < 2) throw new Error('historySql: at least two stages are needed to have a conversion rate');
  stages.forEach(checkName('stage id'));
  const columns = stages.map((stage) => mapping.stageColumns[stage]);
  columns.forEach((c) => c !== undefined && checkName('column name')(c));
  if (columns.every((c) => c === undefined || c.trim() === '')) {
    throw new Error('historySql: no stage is mapped to a column');
  }
  const sourceColumn = mapping.sourceColumn?.trim() ? mapping.sourceColumn : undefined;
  if (sourceColumn !== undefined) checkName('column name')(sourceColumn);
  const asOfMs = options.asOf === undefined ? undefined : parseAsOf(options.asOf);

  const n = stages.length;
  const mapped = range(n).filter((i) => columns[i] !== undefined && columns[i]!.trim() !== '');
  const ms = (i: number): string => `u${i}`;
  /** The mapped stages among i..n-1: a stage without a column is only reached through later ones. */
  const from = (i: number): number[] => mapped.filter((j) => j >= i);

  const cellText = (column: string): string => `NULLIF(TRIM(CAST(${d.quoteIdent(column)} AS ${d.text})), '')`;
  const sourceText = sourceColumn === undefined ? undefined : cellText(sourceColumn);
  const sourceSql =
    sourceText === undefined
      ? d.stringLiteral(NO_SOURCE)
      : `COALESCE(${sourceText}, ${d.stringLiteral(NO_SOURCE)})`;

  /** A date that is not a placeholder (parseHistoryDate.ts isPlaceholderDate), else NULL. */
  const real = (x: string): string => `CASE WHEN ${x} >= ${PLACEHOLDER_UNTIL_MS} AND ${x} < ${PLACEHOLDER_FROM_MS} THEN ${x} END`;
  // Typed NULLs: a bare NULL has no type in DuckDB, and a column of only NULLs cannot feed quantile_cont.
  const nullInt = `CAST(NULL AS ${d.int})`;
  const nullFloat = `CAST(NULL AS ${d.float})`;
  const anyOf = (items: readonly string[], fallback: string): string =>
    items.length === 0 ? fallback : items.length === 1 ? items[0]! : `COALESCE(${items.join(', ')})`;
  const earliest = (items: readonly string[]): string =>
    items.length === 0
      ? nullInt
      : items.length === 1
        ? items[0]!
        : `NULLIF(LEAST(${items.map((x) => `COALESCE(${x}, ${NO_DATE_HIGH})`).join(', ')}), ${NO_DATE_HIGH})`;
  /** When a record reached stage i: its own date, or when it skipped i, the earliest date it has after i. */
  const reachedAt = (i: number): string => {
    const later = from(i + 1).map(ms);
    if (!mapped.includes(i)) return earliest(later);
    return later.length === 0 ? ms(i) : `COALESCE(${ms(i)}, ${earliest(later)})`;
  };
  const reachedNext = (i: number): string => {
    const later = from(i + 1).map(ms);
    return later.length === 0 ? 'FALSE' : `${anyOf(later, nullInt)} IS NOT NULL`;
  };
  const days = (i: number): string =>
    mapped.includes(i) && mapped.includes(i + 1) ? `(${ms(i + 1)} - ${ms(i)}) / ${DAY_MS}` : nullFloat;
  const perStage = (expr: (i: number) => string): string =>
    `CASE k ${range(n - 1).map((i) => `WHEN ${i} THEN ${expr(i)}`).join(' ')} END`;

  const asOfSql =
    asOfMs !== undefined
      ? `SELECT CAST(${asOfMs} AS ${d.int}) AS as_of_ms`
      : `SELECT NULLIF(GREATEST(${mapped.map((i) => `COALESCE(MAX(${ms(i)}), ${NO_DATE_LOW})`).join(', ')}), ${NO_DATE_LOW}) AS as_of_ms FROM records`;
  // Ages are compared in days computed exactly as durations are, so an age equal to p90 counts; a negative p90 counts as 0.
  const matureBy = (p90: string): string =>
    `(reached_ms IS NOT NULL AND ${p90} IS NOT NULL AND (as_of_ms - reached_ms) / ${DAY_MS} >= GREATEST(${p90}, 0))`;
  const count = (condition: string): string => `COUNT(CASE WHEN ${condition} THEN 1 END)`;
  const counts = (mature: string): string => [
    `${count('reached_ms IS NOT NULL')} AS reached`,
    `${count('reached_next')} AS converted`,
    `COUNT(days) AS duration_sample`,
    `${count(mature)} AS mature_reached`,
    `${count(`${mature} AND reached_next`)} AS mature_converted`,
  ].join(',\n    ');
  /** wilson.ts in SQL: the same interval the CLI prints, NULL when there is no sample. */
  const wilson = (rate: string, sample: string, side: 'low' | 'high'): string => {
    const z2 = floatLiteral(Z95 * Z95);
    const denominator = `(1 + ${z2} / ${sample})`;
    const centre = `(${rate} + ${z2} / (2 * ${sample})) / ${denominator}`;
    const half = `${floatLiteral(Z95)} * SQRT(${rate} * (1 - ${rate}) / ${sample} + ${z2} / (4 * ${sample} * ${sample})) / ${denominator}`;
    const bound = side === 'low' ? `GREATEST(0, ${centre} - ${half})` : `LEAST(1, ${centre} + ${half})`;
    // GREATEST/LEAST skip NULLs in DuckDB, so an empty sample is caught before them.
    return `CASE WHEN ${sample} > 0 THEN ${bound} END`;
  };
  const stageName = (list: (i: number) => string): string =>
    `CASE k ${range(n - 1).map((i) => `WHEN ${i} THEN ${d.stringLiteral(list(i))}`).join(' ')} END`;

  return `-- Funnel Planner: conversion rates and stage durations by source (${dialect}); one row per (source, stage)
WITH
cells AS (
  SELECT
    ${[`${sourceSql} AS source`, ...mapped.map((i) => `${cellText(columns[i]!)} AS t${i}`)].join(',\n    ')}
  FROM ${tableSql}
),
dated AS (
  SELECT
    ${['source', ...mapped.map((i) => `${d.epochMs(`t${i}`)} AS ${ms(i)}`), ...mapped.map((i) => `t${i}`)].join(',\n    ')}
  FROM cells
),
checked AS (
  SELECT
    source,
    ${mapped.map(ms).join(', ')},
    ${mapped.map((i) => `(t${i} IS NOT NULL AND ${ms(i)} IS NULL)`).join(' OR ')} AS unreadable
  FROM dated
),
records AS (
  -- As in the accumulator: a row with an unreadable date is skipped whole, a placeholder date (on or before 1970-01-01,
  -- after 2100-12-31) is blank, and a row without dates makes no source group.
  SELECT source, ${mapped.map((i) => `${real(ms(i))} AS ${ms(i)}`).join(', ')}
  FROM checked
  WHERE NOT unreadable AND ${anyOf(mapped.map((i) => real(ms(i))), nullInt)} IS NOT NULL
),
totals AS (
  SELECT COUNT(*) AS row_count, COUNT(CASE WHEN unreadable THEN 1 END) AS skipped_count FROM checked
),
as_of AS (
  ${asOfSql}
),
steps AS (
  SELECT
    source,
    k,
    ${perStage(reachedAt)} AS reached_ms,
    ${perStage(reachedNext)} AS reached_next,
    ${perStage(days)} AS days
  FROM records CROSS JOIN ${d.stageIndexes(n - 1)}
),
quantiles AS (
  -- Window quantiles, so that BigQuery's exact PERCENTILE_CONT can be used (it has no exact percentile aggregate).
  SELECT
    steps.*,
    COUNT(days) OVER (PARTITION BY source, k) AS source_sample,
    ${d.quantile('days', 0.5)} OVER (PARTITION BY source, k) AS source_median,
    ${d.quantile('days', 0.9)} OVER (PARTITION BY source, k) AS source_p90,
    ${d.quantile('days', 0.5)} OVER (PARTITION BY k) AS all_median,
    ${d.quantile('days', 0.9)} OVER (PARTITION BY k) AS all_p90
  FROM steps
),
judged AS (
  SELECT
    quantiles.*,
    as_of_ms,
    CASE WHEN source_sample >= ${SMALL_SAMPLE} THEN source_p90 ELSE all_p90 END AS source_maturity_p90
  FROM quantiles CROSS JOIN as_of
),
grouped AS (
  SELECT
    ${d.stringLiteral(ALL_SOURCES)} AS source,
    TRUE AS is_overall,
    k,
    ${counts(matureBy('all_p90'))},
    MAX(all_median) AS median_days,
    MAX(all_p90) AS p90_days,
    MAX(all_p90) AS maturity_p90_days
  FROM judged
  GROUP BY k
  UNION ALL
  SELECT
    source,
    FALSE AS is_overall,
    k,
    ${counts(matureBy('source_maturity_p90'))},
    MAX(source_median) AS median_days,
    MAX(source_p90) AS p90_days,
    MAX(source_maturity_p90) AS maturity_p90_days
  FROM judged
  GROUP BY source, k
),
rated AS (
  SELECT
    grouped.*,
    converted / NULLIF(reached, 0) AS rate,
    mature_converted / NULLIF(mature_reached, 0) AS mature_rate
  FROM grouped
)
SELECT
  source,
  is_overall,
  k AS stage_index,
  ${stageName((i) => stages[i]!)} AS stage,
  ${stageName((i) => stages[i + 1]!)} AS next_stage,
  reached,
  converted,
  rate,
  ${wilson('rate', 'reached', 'low')} AS rate_low,
  ${wilson('rate', 'reached', 'high')} AS rate_high,
  duration_sample,
  median_days,
  p90_days,
  maturity_p90_days,
  mature_reached,
  mature_converted,
  mature_rate,
  ${wilson('mature_rate', 'mature_reached', 'low')} AS mature_rate_low,
  ${wilson('mature_rate', 'mature_reached', 'high')} AS mature_rate_high,
  ${d.isoUtc('as_of_ms')} AS as_of,
  row_count AS rows_read,
  skipped_count AS rows_skipped
FROM rated CROSS JOIN as_of CROSS JOIN totals
ORDER BY is_overall DESC, source, stage_index`;
}

function tableSegments(table: string): string[] {
  const segments = table.split('.');
  if (table.trim() === '' || segments.length > 3 || !segments.every((s) => TABLE_SEGMENT.test(s))) {
    throw new Error(
      `historySql: table name ${JSON.stringify(table)} is not allowed: use up to three dot-separated parts ` +
        '(e.g. crm, dataset.table or project.dataset.table) of letters, digits, _ and -; quotes, semicolons, ' +
        'spaces and comments are refused',
    );
  }
  return segments;
}

/** Column names and stage ids are quoted, not validated: only characters no quoting can carry safely are refused. */
function checkName(what: string): (name: string) => void {
  return (name) => {
    if (name.trim() === '' || CONTROL_CHARS.test(name)) {
      throw new Error(`historySql: ${what} ${JSON.stringify(name)} is empty or contains control characters`);
    }
  };
}

/** The as-of instant as epoch milliseconds, parsed as the accumulator parses it; only a number reaches the SQL text. */
function parseAsOf(text: string): number {
  const parsed = parseHistoryDate(text);
  if (typeof parsed === 'number') return parsed;
  throw new Error(`historySql: asOf: ${parsed === null ? 'is blank' : parsed.error}`);
}

/** A float literal in both dialects: DuckDB would read a bare 1.96 as an exact DECIMAL. */
function floatLiteral(x: number): string {
  const text = String(x);
  return /e/i.test(text) ? text : `${text}e0`;
}

function escapeBackslashed(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
