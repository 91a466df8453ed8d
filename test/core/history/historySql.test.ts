/** The warehouse query gives the numbers the in-memory engine gives: DuckDB runs it over a generated CSV export; the BigQuery form is checked as text. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { deriveHistory } from '../../../src/core/history/deriveHistory';
import { HistoryAccumulator, SMALL_SAMPLE } from '../../../src/core/history/historyAccumulator';
import { ALL_SOURCES, historySql } from '../../../src/core/history/historySql';
import type { HistoryMapping, HistoryOptions, HistoryResult, StageStats } from '../../../src/core/history/historyTypes';
import { HUBSPOT_MAPPING, seededRandom } from '../../support/hubspot';

const HEADER = [
  'Record ID',
  'Email',
  'Company Name',
  'Original Source',
  'Became a Lead Date',
  'Became a Marketing Qualified Lead Date',
  'Became a Sales Qualified Lead Date',
  'Became an Opportunity Date',
  'Became a Customer Date',
];
const FIRST_DATE = 4;
const DAY = 86_400_000;

const random = seededRandom;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Dates in the shapes CRM exports use: plain days, minutes, seconds, ISO with T…Z, padded with spaces. */
function formatDate(ms: number, style: number): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  switch (style) {
    case 0:
      return day;
    case 1:
      return `${day} ${hm}`;
    case 2:
      return `${day} ${hm}:${pad(d.getUTCSeconds())}`;
    case 3:
      return `${day}T${hm}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
    default:
      return ` ${day} `;
  }
}

/**
 * About 340 HubSpot-shaped rows: "Organic Search" and the slower "Referrals" big enough for
 * their own p90 (≥ 30 durations on the first steps, fewer further down), "Paid Social" too small, blank sources, a source
 * literally called "(all)", skipped stages, missing dates, negative durations, rows without
 * dates, unreadable dates, and "Webinar" whose four lead → MQL durations 1, 2, 4, 7 have an
 * even-count median of 3.
 */
function crmExport(): string[][] {
  const rnd = random(20240601);
  const rows: string[][] = [];
  const start = Date.UTC(2024, 0, 1);
  const add = (source: string, dates: (number | string | null)[]) => {
    const id = rows.length + 1;
    const style = Math.floor(rnd() * 5);
    const company = ['Acme', 'Umbrella, Inc.', 'Wayne "WE" Enterprises', 'Initech'][id % 4]!;
    rows.push([
      String(id),
      `person${id}@example.com`,
      company,
      source,
      ...dates.map((x) => (x === null ? '' : typeof x === 'string' ? x : formatDate(x, style))),
    ]);
  };
  /** `slowness` stretches the gaps, so that sources differ and the overall p90 is nobody's own. */
  const journey = (source: string, slowness: number) => {
    const dates: (number | null)[] = [null, null, null, null, null];
    let at = start + Math.floor(rnd() * 330 * DAY) + (rnd() < 0.5 ? Math.floor(rnd() * DAY) : 0);
    const entry = rnd() < 0.15 ? 1 : 0; // some enter at MQL
    const depth = entry + Math.floor(rnd() * (6 - entry));
    for (let k = entry; k < depth && k < 5; k++) {
      if (k > entry) at += Math.floor((rnd() * rnd() * 40 + 0.1) * slowness * DAY);
      dates[k] = at;
    }
    // Skip a stage in the middle now and then (reached through a later date).
    if (depth >= 3 && rnd() < 0.2) dates[1 + Math.floor(rnd() * (depth - 2))] = null;
    // A CRM that back-dated the next stage: a negative duration.
    if (rnd() < 0.03 && dates[0] !== null && dates[1] !== null) dates[1] = dates[0] - DAY / 2;
    add(source, dates);
  };
  for (let i = 0; i < 200; i++) journey(i % 50 === 7 ? ' Organic Search ' : 'Organic Search', 1);
  for (let i = 0; i < 80; i++) journey('Referrals', 4);
  for (let i = 0; i < 25; i++) journey('Paid Social', 2);
  for (let i = 0; i < 20; i++) journey(i % 4 === 0 ? '   ' : '', 1);
  for (let i = 0; i < 3; i++) journey(ALL_SOURCES, 1);
  for (const days of [1, 2, 4, 7]) add('Webinar', [start + 40 * DAY, start + (40 + days) * DAY, null, null, null]);
  add('Organic Search', [null, null, null, null, null]);
  add('Trade Show', [null, null, null, null, null]); // no dates: no group in either engine
  add('Paid Social', ['2024-02-30', null, null, null, null]);
  add('Organic Search', [start, 'next week', null, null, null]);
  add('Organic Search', [start + DAY, null, null, null, '2024-13-01']);
  return rows;
}

function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

type SqlRow = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function expectClose(actual: unknown, expected: number | null, what: string): void {
  const a = num(actual);
  if (expected === null || a === null) {
    expect({ what, value: a }).toEqual({ what, value: expected });
  } else if (Math.abs(a - expected) > 1e-9) {
    throw new Error(`${what}: SQL ${a}, TypeScript ${expected}`);
  }
}

/** Every number of every group and step, SQL row against TypeScript result. */
function expectSameNumbers(rows: readonly SqlRow[], result: HistoryResult): { compared: number; evenMedians: number } {
  const stages = result.stages;
  const groups: [string, boolean, StageStats][] = [
    [ALL_SOURCES, true, result.overall],
    ...Object.entries(result.bySource).map(([key, stats]): [string, boolean, StageStats] => [key, false, stats]),
  ];
  expect(rows).toHaveLength(groups.length * (stages.length - 1));
  let compared = 0;
  let evenMedians = 0;
  for (const [source, overall, stats] of groups) {
    for (let k = 0; k < stages.length - 1; k++) {
      const stage = stages[k]!;
      const what = `${overall ? 'overall' : source} ${stage}`;
      const row = rows.find((r) => r.source === source && r.is_overall === overall && num(r.stage_index) === k);
      if (!row) throw new Error(`no SQL row for ${what}`);
      expect({ what, stage: row.stage, next: row.next_stage }).toEqual({ what, stage, next: stages[k + 1] });
      const rate = stats.rates[stage]!;
      const mature = stats.matureRates[stage]!;
      expect({
        what,
        reached: num(row.reached),
        converted: num(row.converted),
        sample: num(row.duration_sample),
        matureReached: num(row.mature_reached),
        matureConverted: num(row.mature_converted),
      }).toEqual({
        what,
        reached: stats.reached[stage],
        converted: stats.reached[stages[k + 1]!],
        sample: stats.durationSamples[stage],
        matureReached: mature.sample,
        matureConverted: mature.converted,
      });
      expect(rate.converted).toBe(stats.reached[stages[k + 1]!]);
      expectClose(row.rate, rate.rate, `${what} rate`);
      expectClose(row.median_days, stats.medianDays[stage]!, `${what} median`);
      expectClose(row.p90_days, stats.p90Days[stage]!, `${what} p90`);
      expectClose(row.mature_rate, mature.rate, `${what} mature rate`);
      expectClose(row.rate_low, rate.low, `${what} rate low`);
      expectClose(row.rate_high, rate.high, `${what} rate high`);
      expectClose(row.mature_rate_low, mature.low, `${what} mature rate low`);
      expectClose(row.mature_rate_high, mature.high, `${what} mature rate high`);
      compared++;
      if (stats.durationSamples[stage]! > 0 && stats.durationSamples[stage]! % 2 === 0) evenMedians++;
    }
  }
  for (const row of rows) {
    expect(row.as_of).toBe(result.asOf);
    expect(num(row.rows_skipped)).toBe(result.skipped.count);
    expect(num(row.rows_read)).toBe(result.rows);
  }
  return { compared, evenMedians };
}

describe('historySql in DuckDB equals the TypeScript engine', () => {
  let dir: string;
  let instance: DuckDBInstance;
  let conn: DuckDBConnection;
  const exportRows = crmExport();
  const table = [HEADER, ...exportRows];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'history-sql-'));
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, toCsv(table), 'utf8');
    instance = await DuckDBInstance.create(':memory:');
    conn = await instance.connect();
    await conn.run(`CREATE TABLE crm AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header=true, all_varchar=true)`);
  });

  afterAll(() => {
    conn?.closeSync();
    instance?.closeSync();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const query = async (sql: string): Promise<SqlRow[]> => (await conn.runAndReadAll(sql)).getRowObjects() as SqlRow[];

  function derive(options: HistoryOptions = {}): { result: HistoryResult; mapping: HistoryMapping } {
    const derived = deriveHistory(table, options);
    if (!derived.ok) throw new Error(derived.message);
    return derived;
  }

  test('the fixture exercises the rules: both p90 choices, even medians, skips, no-date rows', async () => {
    const { result, mapping } = derive();
    expect(mapping.sourceColumn).toBe('Original Source');
    expect(result.skipped.count).toBe(3);
    expect(Object.keys(result.bySource).sort()).toEqual(['(all)', '(none)', 'Organic Search', 'Paid Social', 'Referrals', 'Webinar']);
    const organic = result.bySource['Organic Search']!;
    const paid = result.bySource['Paid Social']!;
    expect(organic.durationSamples.lead).toBeGreaterThanOrEqual(SMALL_SAMPLE);
    expect(organic.durationSamples.opportunity).toBeLessThan(SMALL_SAMPLE);
    expect(paid.durationSamples.lead).toBeLessThan(SMALL_SAMPLE);
    expect(organic.p90Days.lead).not.toBe(result.overall.p90Days.lead);
    expect(result.bySource.Webinar!.medianDays.lead).toBe(3);
    // Skipped stages: some records reached MQL without an MQL date.
    expect(result.overall.reached.mql).toBeGreaterThan(result.overall.durationSamples.lead! + 10);

    const rows = await query(historySql(mapping, 'crm', 'duckdb'));
    const at = (source: string, k: number) => rows.find((r) => r.source === source && !r.is_overall && num(r.stage_index) === k)!;
    const overallLead = rows.find((r) => r.is_overall && num(r.stage_index) === 0)!;
    expectClose(at('Organic Search', 0).maturity_p90_days, organic.p90Days.lead!, 'Organic Search uses its own p90');
    expectClose(at('Paid Social', 0).maturity_p90_days, result.overall.p90Days.lead!, 'Paid Social uses the overall p90');
    expectClose(at('Organic Search', 3).maturity_p90_days, result.overall.p90Days.opportunity!, 'a small step uses the overall p90');
    expectClose(overallLead.maturity_p90_days, result.overall.p90Days.lead!, 'overall uses the overall p90');
  });

  test('every group and step, as-of the latest date in the table', async () => {
    const { result, mapping } = derive();
    const rows = await query(historySql(mapping, 'crm', 'duckdb'));
    const { compared, evenMedians } = expectSameNumbers(rows, result);
    expect(compared).toBe(7 * 4);
    expect(evenMedians).toBeGreaterThan(2);
    // Overall rows come first, then sources by name, steps top to bottom.
    expect(rows.slice(0, 4).map((r) => r.is_overall)).toEqual([true, true, true, true]);
    const sources = rows.filter((r) => !r.is_overall).map((r) => r.source as string);
    expect(sources).toEqual([...sources].sort());
  });

  test('every group and step, as-of a date mid-year (records after it are never mature)', async () => {
    const asOf = '2024-09-30 12:00';
    const { result, mapping } = derive({ asOf });
    expect(result.asOf).toBe('2024-09-30T12:00:00.000Z');
    const rows = await query(historySql(mapping, 'crm', 'duckdb', { asOf }));
    expectSameNumbers(rows, result);
    const latest = await query(historySql(mapping, 'crm', 'duckdb'));
    expect(num(rows[0]!.mature_reached)).toBeLessThan(num(latest[0]!.mature_reached)!);
  });

  test('without a source column, and with a stage that has no column of its own', async () => {
    const stages = ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'];
    const { mapping } = derive();
    const noSource: HistoryMapping = { stages, stageColumns: mapping.stageColumns };
    const acc = new HistoryAccumulator(HEADER, noSource);
    exportRows.forEach((row, i) => acc.addRow(row, i + 2));
    const result = acc.finish();
    expect(Object.keys(result.bySource)).toEqual(['(none)']);
    const rows = await query(historySql(noSource, 'crm', 'duckdb'));
    expect(expectSameNumbers(rows, result).compared).toBe(2 * 5);

    // Only the ends mapped: no step has both dates, so there are no durations and no mature records.
    const ends: HistoryMapping = { stages: ['lead', 'mql', 'won'], stageColumns: { lead: 'Became a Lead Date', won: 'Became a Customer Date' } };
    const sparse = new HistoryAccumulator(HEADER, ends);
    exportRows.forEach((row, i) => sparse.addRow(row, i + 2));
    expectSameNumbers(await query(historySql(ends, 'crm', 'duckdb')), sparse.finish());
  });

  test('placeholder dates (9999-12-31, 1900-01-01, the epoch) are blank in SQL as in the engine', async () => {
    const header = ['Source', 'Lead', 'MQL', 'Won'];
    const never: string[][] = [];
    for (let i = 0; i < 40; i++) {
      const won = i % 4 === 0 ? `2024-04-${pad(1 + (i % 20))}` : i % 4 === 1 ? '9999-12-31' : '';
      never.push(['Web', `2024-03-${pad(1 + (i % 20))}`, i % 3 === 0 ? '1900-01-01' : i % 3 === 1 ? `2024-03-${pad(21 + (i % 5))}` : '1970-01-01', won]);
    }
    never.push(['Web', '9999-12-31', '', '']); // only a placeholder: no record
    const csv = join(dir, 'never.csv');
    writeFileSync(csv, toCsv([header, ...never]), 'utf8');
    await conn.run(`CREATE OR REPLACE TABLE never AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header=true, all_varchar=true)`);
    const mapping: HistoryMapping = { stages: ['lead', 'mql', 'won'], stageColumns: { lead: 'Lead', mql: 'MQL', won: 'Won' }, sourceColumn: 'Source' };
    const acc = new HistoryAccumulator(header, mapping);
    never.forEach((row, i) => acc.addRow(row, i + 2));
    const result = acc.finish();
    expect(result.asOf?.slice(0, 4)).toBe('2024');
    expect(result.overall.reached.won).toBe(10);
    const rows = await query(historySql(mapping, 'never', 'duckdb'));
    expectSameNumbers(rows, result);
    expect(String(rows[0]!.as_of)).toContain('2024');
  });

  test('a negative p90 (a CRM that back-dates the next stage) counts as 0 days', async () => {
    const header = ['Source', 'Lead', 'Won'];
    const backdated: string[][] = [];
    for (let i = 0; i < 40; i++) backdated.push(['Web', `2024-03-${pad(10 + (i % 10))}`, `2024-03-0${1 + (i % 5)}`]);
    const csv = join(dir, 'backdated.csv');
    writeFileSync(csv, toCsv([header, ...backdated]), 'utf8');
    await conn.run(`CREATE OR REPLACE TABLE backdated AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header=true, all_varchar=true)`);
    const mapping: HistoryMapping = { stages: ['lead', 'won'], stageColumns: { lead: 'Lead', won: 'Won' }, sourceColumn: 'Source' };
    const asOf = '2024-03-14';
    const acc = new HistoryAccumulator(header, mapping, { asOf });
    backdated.forEach((row, i) => acc.addRow(row, i + 2));
    const result = acc.finish();
    expect(result.bySource.Web!.p90Days.lead).toBeLessThan(0);
    expect(result.bySource.Web!.matureRates.lead!.sample).toBe(20); // lead dates 10–14 March, not 15–19
    expectSameNumbers(await query(historySql(mapping, 'backdated', 'duckdb', { asOf })), result);
  });
});

describe('the BigQuery form', () => {
  const mapping: HistoryMapping = HUBSPOT_MAPPING;
  const sql = historySql(mapping, 'my-project.crm.contacts', 'bigquery', { asOf: '2024-06-30' });
  const code = sql.replace(/--[^\n]*/g, '');

  test('quotes columns and the table with backticks and uses exact window percentiles', () => {
    expect(sql).toContain('`Became a Lead Date`');
    expect(sql).toContain('`Original Source`');
    expect(sql).toContain('FROM `my-project.crm.contacts`');
    expect(sql).toContain('PERCENTILE_CONT(days, 0.5) OVER (PARTITION BY source, k)');
    expect(sql).toContain('PERCENTILE_CONT(days, 0.9) OVER (PARTITION BY k)');
    expect(sql).toContain('SAFE_CAST(');
    expect(sql).toContain(`CAST(${Date.UTC(2024, 5, 30)} AS INT64)`);
  });

  test('uses nothing DuckDB-only and is a single statement', () => {
    for (const duckOnly of [/quantile_cont/i, /TRY_CAST/i, /read_csv/i, /epoch_ms/i, /strftime/i, /"/, /\bVARCHAR\b/, /\bBIGINT\b/]) {
      expect(code).not.toMatch(duckOnly);
    }
    expect(code).not.toContain(';');
    expect(code.trim()).toMatch(/^WITH\b/);
  });

  test('escapes a backtick inside a column name', () => {
    const odd = historySql({ ...mapping, sourceColumn: 'Source `x`' }, 'crm', 'bigquery');
    expect(odd).toContain('`Source \\`x\\``');
  });
});

describe('names that would change the statement are refused', () => {
  const mapping: HistoryMapping = { stages: ['lead', 'won'], stageColumns: { lead: 'Lead', won: 'Won' } };

  test.each([
    'crm; DROP TABLE crm',
    'crm"; DROP TABLE crm; --',
    'crm` UNION SELECT 1 --',
    "crm' OR '1'='1",
    'crm -- comment',
    'a.b.c.d',
    '',
    'crm/*x*/',
  ])('table %j', (table) => {
    expect(() => historySql(mapping, table, 'duckdb')).toThrow(/table name .* is not allowed/);
    expect(() => historySql(mapping, table, 'bigquery')).toThrow(/table name .* is not allowed/);
  });

  test('a column name with a quote is quoted, not refused; a control character is refused', () => {
    expect(historySql({ ...mapping, stageColumns: { lead: 'Le"ad', won: 'Won' } }, 'crm', 'duckdb')).toContain('"Le""ad"');
    expect(() => historySql({ ...mapping, stageColumns: { lead: 'Lead\n', won: 'Won' } }, 'crm', 'duckdb')).toThrow(/control/);
  });

  test('asOf must be a date: only its number reaches the SQL', () => {
    expect(() => historySql(mapping, 'crm', 'duckdb', { asOf: "2024-01-01'; DROP TABLE crm; --" })).toThrow(/asOf/);
    expect(() => historySql(mapping, 'crm', 'bigquery', { asOf: '2024-02-30' })).toThrow(/asOf/);
  });
});
