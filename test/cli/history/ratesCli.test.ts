/** `funnel-planner rates` end to end through the built CLI: numbers worked out by hand, exit codes, messages, --map, --sql. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../runCli';
import { HAND_CSV, writeExportXlsx } from './exportFixtures';
import { HUBSPOT_MAPPING } from '../../support/hubspot';

const dir = mkdtempSync(join(tmpdir(), 'fp-rates-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const hand = file('hand.csv', HAND_CSV);

/** Statements in SQL text, not counting `--` comment lines (the query names itself in one). */
const statements = (sql: string) => sql.split('\n').filter((l) => !l.trimStart().startsWith('--')).join('\n').split(';').filter((s) => s.trim() !== '');

function json(args: string[]) {
  const r = runCli(['rates', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe('funnel-planner rates', () => {
  // By hand, from exportFixtures.ts (record 6 skipped):
  //   reached: lead = records 1,2,3,4,5,7,8 = 7 (5 reached lead through its SQL date);
  //   mql = 1,2,4,5,8 = 5; sql = 1,4,5,8 = 4; opportunity = 1,4,8 = 3; won = 1,8 = 2.
  //   lead → mql days: 10, 4, 10, 2 → median (4 + 10) / 2 = 7, p90 at rank 2.7 = 10;
  //   sql → opportunity: 11, 10, 1 → median 10, p90 at rank 1.8 = 10 + 0.8 · 1 = 10.8;
  //   opportunity → won: 29 (2024 is a leap year), 10 → median 19.5, p90 = 10 + 0.9 · 19 = 27.1.
  //   as of 2024-03-01 (the latest date); lead is mature 10 days before it: records 1,2,3,4,5,8
  //   (not 7, a lead on 03-01) → 5 of 6 converted.
  it('prints the documented JSON with numbers worked out by hand', () => {
    const j = json([hand]);
    expect(j.rows).toBe(8);
    expect(j.skipped.count).toBe(1);
    expect(j.skipped.examples).toEqual([{ line: 9, reason: expect.stringContaining('Became a Lead Date: "31/31/2024" is not a date') }]);
    expect(j.asOf).toBe('2024-03-01T00:00:00.000Z');
    expect(j.stages).toEqual(['lead', 'mql', 'sql', 'opportunity', 'won']);
    expect(j.mapping).toEqual(HUBSPOT_MAPPING);
    expect(j.overall.reached).toEqual({ lead: 7, mql: 5, sql: 4, opportunity: 3, won: 2 });
    expect(j.overall.rates).toEqual({ lead: 5 / 7, mql: 0.8, sql: 0.75, opportunity: 2 / 3 });
    expect(j.overall.medianDays).toEqual({ lead: 7, mql: 10, sql: 10, opportunity: 19.5 });
    expect(j.overall.p90Days.lead).toBe(10);
    expect(j.overall.p90Days.sql).toBeCloseTo(10.8, 12);
    expect(j.overall.p90Days.opportunity).toBeCloseTo(27.1, 12);
    expect(j.overall.durationSamples).toEqual({ lead: 4, mql: 3, sql: 3, opportunity: 2 });
    expect(j.overall.matureRates.lead).toBe(5 / 6);
    expect(j.overall.matureSamples.lead).toEqual({ sample: 6, converted: 5 });
    expect(j.overall.intervals.mql).toMatchObject({ sample: 5, converted: 4 });
    expect(j.overall.intervals.mql.low).toBeCloseTo(0.3755, 4); // Wilson, z = 1.96
    expect(j.overall.intervals.mql.high).toBeCloseTo(0.9638, 4);

    expect(Object.keys(j.bySource).sort()).toEqual(['(none)', 'Event', 'Web']);
    expect(j.bySource.Web.reached).toEqual({ lead: 4, mql: 3, sql: 2, opportunity: 2, won: 2 });
    expect(j.bySource.Web.rates).toEqual({ lead: 0.75, mql: 2 / 3, sql: 1, opportunity: 1 });
    expect(j.bySource.Web.medianDays.lead).toBe(4); // 2, 4, 10
    expect(j.bySource.Event.reached).toEqual({ lead: 2, mql: 2, sql: 2, opportunity: 1, won: 0 });
    expect(j.bySource.Event.rates).toEqual({ lead: 1, mql: 1, sql: 0.5, opportunity: 0 });
    expect(j.bySource['(none)'].reached.lead).toBe(1);
    expect(j.bySource['(none)'].rates).toEqual({ lead: 0, mql: null, sql: null, opportunity: null });
    expect(j.bySource['(none)'].medianDays.lead).toBeNull();
    expect(j.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Small samples')]));
  });

  it('prints a table per source, with the skipped line and reason, and no progress bar when piped', () => {
    const r = runCli(['rates', hand]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('All sources — 8 rows, as of 2024-03-01');
    expect(r.stdout).toMatch(/Leads → MQLs\s+│\s+7 │ 71\.4% \(35\.9%–91\.8%\) \* │\s+83\.3% \* │\s+7\.0 │\s+10\.0 │/);
    expect(r.stdout).toMatch(/Won deals\s+│\s+2 │/);
    expect(r.stdout).toContain('Source: Web — 4 reached the first stage');
    expect(r.stdout).toContain('Source: (no source)');
    expect(r.stdout).toContain('Skipped 1 row with a date that could not be read');
    expect(r.stdout).toContain('  - line 9: Became a Lead Date: "31/31/2024" is not a date');
    expect(r.stdout).toContain('* fewer than 30 records');
  });

  it('prints Chinese headers with --lang zh-CN', () => {
    const r = runCli(['--lang', 'zh-CN', 'rates', hand]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('阶段 → 下一阶段');
    expect(r.stdout).toContain('转化率（95% 区间）');
    expect(r.stdout).toContain('线索 → 市场认可线索 (MQL)');
    expect(r.stdout).toContain('第 9 行');
  });

  it('reads columns named by --map and --source-column, with the stages given by --stages', () => {
    const custom = file(
      'custom.csv',
      'Channel,Created,Qualified On,Closed Won\nAds,2024-01-01,2024-01-03,2024-01-10\nAds,2024-01-02,,\nSEO,2024-01-05,2024-01-06,\n',
    );
    const j = json([custom, '--map', 'lead=Created', '--map', 'sql=Qualified On', '--map', 'won=Closed Won', '--source-column', 'Channel', '--stages', 'lead,sql,won']);
    expect(j.mapping).toEqual({ stages: ['lead', 'sql', 'won'], stageColumns: { lead: 'Created', sql: 'Qualified On', won: 'Closed Won' }, sourceColumn: 'Channel' });
    expect(j.overall.reached).toEqual({ lead: 3, sql: 2, won: 1 });
    expect(j.overall.medianDays).toEqual({ lead: 1.5, sql: 7 });
    expect(j.bySource.Ads.reached).toEqual({ lead: 2, sql: 1, won: 1 });
    expect(j.bySource.SEO.rates).toEqual({ lead: 1, sql: 0 });
  });

  it('reads an .xlsx export: date cells, serials, text dates, formulas; skipped rows by sheet row', async () => {
    const path = join(dir, 'export.xlsx');
    await writeExportXlsx(path);
    const j = json([path, '--stages', 'lead,won']);
    expect(j.rows).toBe(5);
    expect(j.skipped).toEqual({ count: 1, examples: [{ line: 7, reason: expect.stringContaining('"soon" is not a date') }] });
    expect(j.overall.reached).toEqual({ lead: 4, won: 3 });
    expect(j.overall.medianDays.lead).toBe(10.5); // 9, 10.5, 10.5
    expect(j.bySource.Web.reached).toEqual({ lead: 2, won: 2 });
    expect(j.bySource.Event.reached).toEqual({ lead: 2, won: 1 });
    expect(j.asOf).toBe('2024-01-20T00:00:00.000Z');
    const text = runCli(['rates', path, '--stages', 'lead,won']);
    expect(text.stdout).toContain('  - row 7: ');
  });

  it('documents in --help how skipped rows are numbered', () => {
    const r = runCli(['rates', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Skipped rows are reported by "line N"');
    expect(r.stdout).toContain('blank lines count');
    expect(r.stdout).toContain('--map <stage=Column>');
  });

  it('measures maturity from --as-of', () => {
    expect(json([hand, '--as-of', '2024-02-10']).asOf).toBe('2024-02-10T00:00:00.000Z');
  });

  describe('exits 2 with a clear message', () => {
    const cases: [string, string[], RegExp][] = [
      ['a missing file', ['rates', join(dir, 'nope.csv')], /nope\.csv: no such file/],
      ['no file at all', ['rates'], /missing the CRM export/],
      ['a bad --map', ['rates', hand, '--map', 'lead'], /expected stage=Column/],
      ['an unknown stage in --map', ['rates', hand, '--map', 'demo=Notes'], /stage "demo" was given a column, but it is not one of the stages/],
      ['a --map column the file lacks', ['rates', hand, '--map', 'lead=Created'], /the column "Created" given for stage lead is not in the file/],
      ['a bad --as-of', ['rates', hand, '--as-of', '2024-02-30'], /--as-of: expected a date YYYY-MM-DD/],
      ['--sql without --table', ['rates', hand, '--sql', 'duckdb'], /--sql needs --table/],
      ['an unknown dialect', ['rates', hand, '--sql', 'oracle', '--table', 't'], /Allowed choices are bigquery, duckdb/],
      ['--sql with neither file nor --map', ['rates', '--sql', 'bigquery', '--table', 'crm.contacts'], /needs the column of each stage/],
    ];
    it.each(cases)('%s', (_name, args, message) => {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });

    it('a file without recognisable stage columns, listing the headers it found', () => {
      const r = runCli(['rates', file('plain.csv', 'Email,Created,Owner\na@x.com,2024-01-01,Kim\n')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('No stage date columns recognised');
      expect(r.stderr).toContain('"Email", "Created", "Owner"');
      expect(r.stderr).toContain('--map');
    });
  });

  it('hints at the cause when the header is not UTF-8 or not comma-separated', () => {
    // "来源,成交时间" as Chinese Excel saves it by default, in GBK.
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, Buffer.concat([Buffer.from([0xc0, 0xb4, 0xd4, 0xb4]), Buffer.from(','), Buffer.from([0xb3, 0xc9, 0xbd, 0xbb, 0xca, 0xb1, 0xbc, 0xe4]), Buffer.from('\r\nx,2024-01-01\r\n')]));
    const r = runCli(['rates', gbk]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gbk.csv is not UTF-8 text at line 1 (bytes 0xC0 0xB4 0xD4 0xB4)');
    expect(r.stderr).toContain('save it as "CSV UTF-8 (comma delimited)"');
    const semi = runCli(['rates', file('semi.csv', 'Original Source;Became a Lead Date;Became a Customer Date\nWeb;2024-01-01;\n')]);
    expect(semi.status).toBe(2);
    expect(semi.stderr).toContain('separated by semicolons');
  });

  describe('--sql', () => {
    it('prints one statement that DuckDB runs to the same numbers as the in-memory reader', async () => {
      const r = runCli(['rates', hand, '--sql', 'duckdb', '--table', 'crm']);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      const sql = r.stdout;
      expect(sql.trimEnd().endsWith(';')).toBe(true);
      expect(statements(sql)).toHaveLength(1);
      const db = await DuckDBInstance.create(':memory:');
      const connection = await db.connect();
      await connection.run(`CREATE TABLE crm AS SELECT * FROM read_csv('${hand}', all_varchar = true, header = true)`);
      const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
      const overall = rows.filter((row) => row.is_overall === true);
      expect(overall.map((row) => Number(row.reached))).toEqual([7, 5, 4, 3]);
      expect(overall.map((row) => Number(row.converted))).toEqual([5, 4, 3, 2]);
      expect(overall.map((row) => row.median_days)).toEqual([7, 10, 10, 19.5]);
      const web = rows.filter((row) => row.source === 'Web').map((row) => Number(row.reached));
      expect(web).toEqual([4, 3, 2, 2]);
      connection.closeSync();
    });

    it('needs no file when --map and --source-column name the columns', () => {
      const r = runCli([
        'rates', '--sql', 'bigquery', '--table', 'crm.contacts',
        '--map', 'lead=Became a Lead Date', '--map', 'won=Became a Customer Date', '--source-column', 'Original Source',
      ]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('`crm.contacts`');
      expect(r.stdout).toContain('`Became a Lead Date`');
      expect(r.stdout).toContain('`Original Source`');
      expect(statements(r.stdout)).toHaveLength(1);
      expect(r.stdout.trimEnd().endsWith(';')).toBe(true);
    });
  });
});

describe('funnel-planner rates: placeholder and future dates', () => {
  it('reads a CRM "never" date (9999-12-31) as blank, not won, and warns naming the column and line; warns about a date after today', () => {
    const csv = file(
      'never.csv',
      ['Lead Date,MQL Date,Closed Won Date', '2024-01-01,2024-01-05,2024-02-01', '2024-01-02,2024-01-06,9999-12-31', '2024-01-03,2024-01-07,', '2024-01-04,2099-06-01,'].join('\n'),
    );
    const r = runCli(['rates', csv, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).not.toContain('9999');
    expect(json.overall.reached.won).toBe(1);
    expect(r.stderr + JSON.stringify(json)).toContain('1 date in \\"Closed Won Date\\" (stage won) is a placeholder, not a real day (the first: \\"9999-12-31\\" (line 3))');
    expect(r.stderr + JSON.stringify(json)).toMatch(/\\"MQL Date\\" has dates after today \(\d{4}-\d\d-\d\d\), the latest \\"2099-06-01\\" \(line 5\)/);
    const zh = runCli(['--lang', 'zh-CN', 'rates', csv]);
    expect(zh.status).toBe(0);
    expect(zh.stdout + zh.stderr).toContain('"Closed Won Date"（阶段 won）中有 1 个日期是占位值');
  });
});
