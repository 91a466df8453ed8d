import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-rates-from-'));
const at = (name: string) => join(dir, name);

// Hand-sized export. As of 2024-03-01 (the latest date); overall p90 days: lead→mql 4,
// mql→sql 5, sql→opp 10, opp→won 12 + 0.9 × 34 = 42.6 (durations 12 and 46).
const EXPORT = [
  'Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date',
  '1,Organic Search,2024-01-01,2024-01-05,2024-01-10,2024-01-20,2024-02-01',
  '2,Organic Search,2024-01-02,2024-01-06,,,',
  '3,Paid Search,2024-01-03,,,,',
  '4,Offline Sources,,,2024-01-04,2024-01-14,',
  '5,Offline Sources,,,2024-01-05,2024-01-15,2024-03-01',
].join('\r\n');

const PLAN = {
  revenueTarget: 10_000_000,
  sources: [
    { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: {} },
    { id: 'outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: {} },
  ],
  history: { sourceMap: { 'Organic Search': 'marketing', 'Paid Search': 'marketing', 'Offline Sources': 'outbound' } },
};

beforeAll(() => {
  writeFileSync(at('export.csv'), EXPORT);
  writeFileSync(at('plan.json'), JSON.stringify(PLAN));
});

describe('funnel-planner plan --rates-from', () => {
  it('plans on the mature rates of the CRM sources mapped to each plan source', () => {
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    // marketing = Organic (records 1, 2) + Paid (3): reached lead 3, mql 2, sql 1, opp 1, won 1.
    // lead 2/3 → 0.6667; mql 1/2; sql 1/1; opp: record 1 reached it 2024-01-20, later than
    // 2024-03-01 − 42.6 days, so no mature record: all records, 1/1.
    expect(json.history.rates.marketing).toMatchObject({
      lead: { rate: 0.6667, basis: 'mature', sample: 3, converted: 2 },
      mql: { rate: 0.5, basis: 'mature' },
      sql: { rate: 1, basis: 'mature' },
      opportunity: { rate: 1, basis: 'all records', sample: 1 },
    });
    // outbound = Offline (4, 5): sql 2/2; opp 1/2, both reached it by 2024-01-15: mature.
    expect(json.history.rates.outbound).toMatchObject({ sql: { rate: 1, basis: 'mature' }, opportunity: { rate: 0.5, basis: 'mature', sample: 2 } });
    // 4,000,000 / 25,000 = 160 won → 160 opp → 160 SQL → 320 MQL → 320 / 0.6667 = 479.98 → 480 leads
    expect(json.funnel.bySource.marketing.counts).toEqual({ lead: 480, mql: 320, sql: 160, opportunity: 160, won: 160 });
    // 6,000,000 / 30,000 = 200 won → 400 opp → 400 SQL
    expect(json.funnel.bySource.outbound.counts).toMatchObject({ sql: 400, opportunity: 400, won: 200 });
    // Durations are kept for phasing: marketing lead→mql median of 4 and 4 days.
    expect(json.history.medianDays.marketing.lead).toBe(4);
    expect(json.history.medianDays.outbound.sql).toBe(10);
    expect(json.history).toMatchObject({ rows: 5, asOf: expect.stringMatching(/^2024-03-01/), matureRates: true });
  });

  it('--report adds the history rates to the HTML report', () => {
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--report', at('plan.html')]);
    expect(r.status).toBe(0);
    const html = readFileSync(at('plan.html'), 'utf8');
    expect(html).toContain('Rates from history');
    expect(html).toContain('From export.csv: 5 rows (0 skipped), as of 2024-03-01. The plan uses mature rates');
    expect(html).toMatch(/<td>marketing<\/td><td>Leads → MQLs<\/td><td class="num">3<\/td><td class="num">2<\/td><td class="num">66.7%<\/td>/);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('--all-records uses every record', () => {
    const json = JSON.parse(runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--all-records', '--json']).stdout);
    expect(json.history.matureRates).toBe(false);
    expect(json.history.rates.marketing.opportunity).toMatchObject({ rate: 1, basis: 'all records' });
  });

  it('says so in the table and writes a History summary sheet into the workbook', async () => {
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--out', at('plan.xlsx')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Rates from ${at('export.csv')}: 5 rows (0 skipped), as of 2024-03-01, using mature records`);
    expect(r.stdout).toContain('marketing: Leads → MQLs 66.67% (2/3)');
    expect(r.stdout).toContain('no mature opportunity records yet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('plan.xlsx'));
    const sheet = wb.getWorksheet('History summary');
    expect(sheet).toBeDefined();
    const values = sheet!.getSheetValues().flat().map(String);
    expect(values).toContain('Rates used in the plan');
    // Grouped as the plan sees it: CRM sources merged into their plan source.
    expect(values).toEqual(expect.arrayContaining(['Overall', 'marketing', 'outbound', 'Leads → MQLs']));
  });

  it('names unmapped CRM sources, or sends them to --unmapped-source', () => {
    const bare = at('bare.json');
    writeFileSync(bare, JSON.stringify({ ...PLAN, history: { sourceMap: { 'Offline Sources': 'outbound' } } }));
    const r = runCli(['plan', bare, '--rates-from', at('export.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('CRM sources not mapped to a plan source: "Organic Search", "Paid Search"');
    const zh = runCli(['--lang', 'zh-CN', 'plan', bare, '--rates-from', at('export.csv')]);
    expect(zh.stderr).toContain('以下 CRM 来源没有对应的计划来源："Organic Search", "Paid Search"');
    expect(zh.stderr).toContain('--unmapped-source');
    expect(zh.stderr).not.toMatch(/cannot take|not mapped|Map them/);
    const ok = runCli(['plan', bare, '--rates-from', at('export.csv'), '--unmapped-source', 'marketing', '--json']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).funnel.bySource.marketing.counts.lead).toBe(480);
    expect(runCli(['plan', bare, '--rates-from', at('export.csv'), '--unmapped-source', 'nobody'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("expected one of the plan's source ids (marketing, outbound), got \"nobody\""),
    });
  });

  it('takes --map and --source-column for exports with other column names', () => {
    const renamed = EXPORT.replace('Original Source', 'Channel').replace('Became a Lead Date', 'Created');
    writeFileSync(at('renamed.csv'), renamed);
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('renamed.csv'), '--map', 'lead=Created', '--source-column', 'Channel', '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).funnel.bySource.marketing.counts.lead).toBe(480);
  });

  it('never writes over the export it reads', () => {
    writeFileSync(at('copy.csv'), EXPORT);
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('copy.csv'), '--report', at('copy.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected a .html file name');
    const xlsxExport = at('export-as.xlsx');
    expect(runCli(['plan', at('plan.json'), '--rates-from', xlsxExport, '--out', xlsxExport])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('refusing to write over an input file'),
    });
  });

  it('explains an export it cannot use', () => {
    writeFileSync(at('names.csv'), 'Name,Email\na,b\n');
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('names.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"Name"');
    expect(runCli(['plan', at('plan.json'), '--rates-from', at('missing.csv')])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file') });
  });
});

describe('funnel-planner rates --out', () => {
  it('writes the History summary sheet with the sources as written in the export', async () => {
    const r = runCli(['rates', at('export.csv'), '--out', at('rates.xlsx')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`wrote the workbook to ${at('rates.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('rates.xlsx'));
    const rows = (wb.getWorksheet('History summary')!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const header = rows.findIndex((row) => row[0] === 'Source' && row[1] === 'Stage');
    expect(rows[header + 1].slice(0, 5)).toEqual(['Overall', 'Leads → MQLs', 5, 4, 0.8]);
    expect(rows.map((row) => row[0])).toEqual(expect.arrayContaining(['Organic Search', 'Paid Search', 'Offline Sources']));
    expect(runCli(['rates', at('export.csv'), '--out', at('export.csv')])).toMatchObject({ status: 2, stderr: expect.stringContaining('expected a .xlsx file name') });
    expect(runCli(['rates', at('rates.xlsx'), '--out', at('rates.xlsx')])).toMatchObject({ status: 2, stderr: expect.stringContaining('refusing to write over an input file') });
  });
});

describe('funnel-planner plan --rates-from: exports that must not plan silently', () => {
  // The export with its MQL column blanked: lead → mql and mql → sql measure nothing.
  const NO_MQL = EXPORT.split('\r\n')
    .map((line, i) => (i === 0 ? line : line.split(',').map((cell, c) => (c === 3 ? '' : cell)).join(',')))
    .join('\r\n');

  it('refuses a rate through a stage column empty in every row when the plan has none of its own', () => {
    writeFileSync(at('no-mql.csv'), NO_MQL);
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('no-mql.csv')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'marketing: the export\'s column "Became a Marketing Qualified Lead Date" (stage mql) has no date in any row, so the lead → mql rate cannot be measured; give the lead rate by hand or map a column that has the mql dates',
    );
    expect(r.stderr).toContain('so the mql → sql rate cannot be measured');
  });

  it('keeps the plan\'s own rates through an empty stage column, and says so', () => {
    writeFileSync(at('no-mql.csv'), NO_MQL);
    writeFileSync(at('typed.json'), JSON.stringify({ ...PLAN, sources: [{ ...PLAN.sources[0], conversionRates: { lead: 0.5, mql: 0.4 } }, PLAN.sources[1]] }));
    const r = runCli(['plan', at('typed.json'), '--rates-from', at('no-mql.csv'), '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    // 160 won → 160 opp (1/1) → 160 SQL (1/1 measured) → 160 / 0.4 = 400 MQL → 400 / 0.5 = 800 leads.
    expect(j.funnel.bySource.marketing.counts).toMatchObject({ lead: 800, mql: 400, sql: 160 });
    expect(Object.keys(j.history.rates.marketing)).toEqual(['sql', 'opportunity']);
    expect(j.history.warnings).toEqual(
      expect.arrayContaining([
        'marketing: kept the plan\'s own lead rate (0.5): the export\'s column "Became a Marketing Qualified Lead Date" (stage mql) has no date in any row, so lead → mql is not measured',
        'marketing: kept the plan\'s own mql rate (0.4): the export\'s column "Became a Marketing Qualified Lead Date" (stage mql) has no date in any row, so mql → sql is not measured',
      ]),
    );
    const table = runCli(['plan', at('typed.json'), '--rates-from', at('no-mql.csv')]);
    expect(table.stdout).toContain("  ! marketing: kept the plan's own lead rate (0.5)");
  });

  // A second MQL column: "MQL Date" holds every lead's own lead date (lead → mql would read 100 %).
  const TWO_MQL = EXPORT.split('\r\n')
    .map((line, i) => `${line},${i === 0 ? 'MQL Date' : line.split(',')[2]}`)
    .join('\r\n');

  it('feeds no rate through a stage found in two columns: exit 2 without a typed rate, the typed rate kept with a warning, planned once --map names it', () => {
    writeFileSync(at('two-mql.csv'), TWO_MQL);
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('two-mql.csv'), '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/marketing: stage mql is in more than one column of the export \("[^"]+", "[^"]+"\), so the lead → mql rate is not taken from it/);
    expect(r.stderr).toContain('Name the column with --map mql=');
    const zh = runCli(['--lang', 'zh-CN', 'plan', at('plan.json'), '--rates-from', at('two-mql.csv')]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('在导出文件中有多个列');

    writeFileSync(at('typed-two.json'), JSON.stringify({ ...PLAN, sources: [{ ...PLAN.sources[0], conversionRates: { lead: 0.5, mql: 0.4 } }, PLAN.sources[1]] }));
    const kept = runCli(['plan', at('typed-two.json'), '--rates-from', at('two-mql.csv'), '--json']);
    expect(kept.status).toBe(0);
    const j = JSON.parse(kept.stdout);
    expect(j.funnel.bySource.marketing.counts).toMatchObject({ lead: 800, mql: 400, sql: 160 });
    expect(Object.keys(j.history.rates.marketing)).toEqual(['sql', 'opportunity']);
    expect(j.warnings).toEqual(expect.arrayContaining([expect.stringContaining("marketing: kept the plan's own lead rate (0.5): stage mql is in more than one column")]));

    const mapped = runCli(['plan', at('plan.json'), '--rates-from', at('two-mql.csv'), '--map', 'mql=Became a Marketing Qualified Lead Date', '--json']);
    expect(mapped.status).toBe(0);
    expect(JSON.parse(mapped.stdout).history.rates.marketing.lead.rate).toBe(JSON.parse(runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--json']).stdout).history.rates.marketing.lead.rate);
  });

  it('exits 2 when the export has nothing to measure', () => {
    writeFileSync(at('header-only.csv'), EXPORT.split('\r\n')[0] + '\r\n');
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('header-only.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('header-only.csv: there is a header but no data rows: there is nothing to measure');
  });

  it('refuses a plan whose stages are out of funnel order', () => {
    writeFileSync(at('disorder.json'), JSON.stringify({ ...PLAN, stages: ['lead', 'sql', 'mql', 'opportunity', 'won'] }));
    const r = runCli(['plan', at('disorder.json'), '--rates-from', at('export.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stages: "sql" is listed before "mql", but a record reaches mql first. List the stages top to bottom, won last (lead, mql, sql, opportunity, won).');
  });

  it('takes --date-order for a day-first export', () => {
    // Every date of the export written D/M/YYYY with day ≤ 12 would be ambiguous; these have 13–31.
    const dmy = EXPORT.replace(/(\d{4})-(\d{2})-(\d{2})/g, (_m, y, mo, d) => `${d}/${mo}/${y}`);
    writeFileSync(at('dmy.csv'), dmy);
    const detected = runCli(['plan', at('plan.json'), '--rates-from', at('dmy.csv'), '--json']);
    expect(detected.stderr).toBe('');
    const told = runCli(['plan', at('plan.json'), '--rates-from', at('dmy.csv'), '--date-order', 'dmy', '--json']);
    const iso = runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--json']);
    expect(JSON.parse(detected.stdout).funnel).toEqual(JSON.parse(iso.stdout).funnel);
    expect(JSON.parse(told.stdout).history.medianDays).toEqual(JSON.parse(iso.stdout).history.medianDays);
  });

  it('records the hand-typed rates it replaced in the History summary', async () => {
    writeFileSync(at('typed-all.json'), JSON.stringify({ ...PLAN, sources: [{ ...PLAN.sources[0], conversionRates: { lead: 0.5, mql: '40%' } }, PLAN.sources[1]] }));
    const r = runCli(['plan', at('typed-all.json'), '--rates-from', at('export.csv'), '--out', at('typed.xlsx')]);
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at('typed.xlsx'));
    const rows = (wb.getWorksheet('History summary')!.getSheetValues() as unknown[][]).filter(Boolean).map((row) => row.slice(1));
    const fed = rows.slice(rows.findIndex((row) => row[0] === 'Rates used in the plan'));
    const find = (source: string, stage: string) => fed.find((row) => row[0] === source && row[1] === stage);
    // Columns: plan source, stage, from, previous (the plan's own), rate, basis, sample.
    expect(find('marketing', 'Leads')?.slice(3, 5)).toEqual([0.5, 0.6667]);
    expect(find('marketing', 'MQLs')?.slice(3, 5)).toEqual(['40%', 0.5]);
    expect(find('marketing', 'SQLs')?.[3]).toBe(''); // none typed: the cell stays empty
    expect(find('marketing', 'Leads')?.[2]).toBe('Organic Search, Paid Search'); // the CRM sources it came from
    expect(rows.map((row) => row[0])).toContain('marketing: no mature opportunity records yet, so its opportunity rate uses all records');
  });
});
