import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Ajv from 'ajv';
import { ROOT, runCli } from './runCli';
import { seedPlan, tempFiles } from './planFixtures';

const { dir, file } = tempFiles('fp-cli-');

describe('funnel-planner plan', () => {
  it('plans the default template as a table with the headline', () => {
    const r = runCli(['plan']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Leads\s+│\s+12,800/);
    expect(r.stdout).toContain('Marketing must deliver 1,280 SQLs');
  });

  it('prints JSON with the documented keys, counts as integers nested under counts (schema version 2)', () => {
    const r = runCli(['plan', file('seed.json', JSON.stringify(seedPlan)), '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(2);
    expect(Object.keys(json)).toEqual(['schemaVersion', 'name', 'currency', 'revenueTarget', 'stages', 'funnel', 'marketingTarget', 'timing', 'monthly', 'channels', 'teams', 'headcount']);
    expect(json.funnel.bySource.marketing).toMatchObject({ revenue: 4_000_000, wonRevenue: 4_000_000, share: 0.4, avgDealSize: 25_000, entryStage: 'lead', kind: 'marketing' });
    expect(json.funnel.bySource.marketing.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 1_280, opportunity: 640, won: 160 });
    expect(json.funnel.bySource.outbound).toMatchObject({ name: 'outbound', kind: null, revenue: 6_000_000, wonRevenue: 6_000_000 });
    expect(json.funnel.bySource.outbound.counts).toEqual({ lead: 0, mql: 0, sql: 1_668, opportunity: 667, won: 200 });
    expect(json.funnel.total).toMatchObject({ revenue: 10_000_000, wonRevenue: 10_000_000 });
    expect(json.funnel.total.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 2_948, opportunity: 1_307, won: 360 });
    expect(json.marketingTarget).toEqual({ stage: 'sql', count: 1_280, sourceIds: ['marketing'] });
  });

  it('prints the plan over the year: months, each stage by month for this and next year\'s deals, teams', () => {
    const plan = { ...seedPlan, timing: { fiscalYearStart: '2027-04' }, sources: [seedPlan.sources[0], { ...seedPlan.sources[1], stageDays: { sql: 14, opportunity: 45 } }] };
    const json = JSON.parse(runCli(['plan', file('timed.json', JSON.stringify(plan)), '--json']).stdout);
    // outbound's SQLs come two months before the win (59 days = 1.94 months): carry-in from February.
    expect(json.timing.months.slice(0, 3)).toEqual(['2027-02', '2027-03', '2027-04']);
    expect(json.timing.months).toHaveLength(14);
    expect(json.timing.lag).toEqual({ marketing: 'none', outbound: 'stageDays' });
    const sql = json.monthly.bySource.outbound.sql;
    expect(Object.keys(sql.thisYear)).toEqual(json.timing.months);
    expect(Object.values(sql.thisYear as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1_668);
    expect(Object.keys(sql.nextYear)).toHaveLength(12);
    // Next April's and May's deals need SQLs in this February and March.
    expect(sql.nextYear['2028-02']).toBeGreaterThan(0);
    expect(json.teams.sdr.delivers).toMatchObject({ stage: 'sql' });
    expect(json.teams.ae.delivers.total).toBe(360);
    expect(json.channels).toEqual({});
  });

  it('still prints the version 1 flat counts (deprecated) beside the nested ones, with the same numbers', () => {
    const json = JSON.parse(runCli(['plan', file('seed-v1.json', JSON.stringify(seedPlan)), '--json']).stdout);
    // Version 1 consumers read funnel.bySource.<id>.<stage> and funnel.total.<stage>.
    expect(json.funnel.bySource.marketing).toMatchObject({ lead: 12_800, mql: 3_200, sql: 1_280, opportunity: 640, won: 160 });
    expect(json.funnel.bySource.outbound).toMatchObject({ lead: 0, mql: 0, sql: 1_668, opportunity: 667, won: 200 });
    expect(json.funnel.total).toMatchObject({ lead: 12_800, mql: 3_200, sql: 2_948, opportunity: 1_307, won: 360 });
    expect(Object.keys(json.funnel.total)).toEqual(['revenue', 'wonRevenue', 'counts', 'lead', 'mql', 'sql', 'opportunity', 'won']);
  });

  it('refuses "counts" as a stage id: the flat version 1 keys would collide with the nested counts', () => {
    const r = runCli(['plan', file('counts.json', JSON.stringify({ ...seedPlan, stages: ['lead', 'counts', 'won'] }))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stages[1]: "counts" cannot be used as an id');
  });

  it('gets the float traps right end to end', () => {
    const trap = {
      revenueTarget: 4_300_000,
      sources: [{ id: 'a', share: 1, avgDealSize: 20_476.19, entryStage: 'opportunity', conversionRates: { opportunity: 0.57 } }],
    };
    const json = JSON.parse(runCli(['plan', file('trap.json', JSON.stringify(trap)), '--json']).stdout);
    expect(json.funnel.bySource.a.counts.won).toBe(211); // 210.0000049 → 211
    expect(json.funnel.bySource.a.counts.opportunity).toBe(371); // 211 / 0.57 = 370.18 → 371
    const trap2 = { ...trap, revenueTarget: 1_425_000, sources: [{ ...trap.sources[0], avgDealSize: 25_000 }] };
    const json2 = JSON.parse(runCli(['plan', file('trap2.json', JSON.stringify(trap2)), '--json']).stdout);
    expect(json2.funnel.bySource.a.counts).toMatchObject({ won: 57, opportunity: 100 });
  });

  it('exits 2 on invalid input, naming every field, without a stack trace', () => {
    const bad = JSON.parse(JSON.stringify(seedPlan));
    bad.sources[1].conversionRates.sql = 1.5;
    bad.sources[0].avgDealSize = 0;
    const r = runCli(['plan', file('bad.json', JSON.stringify(bad))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('has 2 problems');
    expect(r.stderr).toContain('sources[1].conversionRates.sql: expected a conversion rate greater than 0 and at most 1');
    expect(r.stderr).toContain('got 1.5');
    expect(r.stderr).toContain('sources[0].avgDealSize: expected a number greater than 0, got 0');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says where malformed JSON breaks', () => {
    const r = runCli(['plan', file('broken.json', '{\n  "revenueTarget": 100,\n  "sources": [\n    { "id": "a" "share": 1 }\n  ]\n}')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json is not valid JSON: a comma \(,\) was expected at line 4, column 17/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing file, an empty file and a wrong file type as input errors', () => {
    expect(runCli(['plan', join(dir, 'nope.json')])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such file') });
    expect(runCli(['plan', file('empty.json', '')])).toMatchObject({ status: 2, stderr: expect.stringContaining('is empty') });
    expect(runCli(['plan', file('plan.csv', 'a,b')])).toMatchObject({ status: 2, stderr: expect.stringContaining('expected a .json plan') });
  });

  it('reads a JSON file with a BOM and numbers written as text', () => {
    const textual = { ...seedPlan, revenueTarget: '1000万', sources: [{ ...seedPlan.sources[0], share: '40%' }, { ...seedPlan.sources[1], avgDealSize: '$30,000' }] };
    const r = runCli(['plan', file('bom.json', `\uFEFF${JSON.stringify(textual)}`), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).funnel.total.counts.sql).toBe(2_948);
  });

  it('usage errors exit 2 with help', () => {
    const r = runCli(['plan', '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
    expect(runCli(['--lang', 'fr', 'plan']).status).toBe(2);
    expect(runCli(['explode']).status).toBe(2);
    expect(runCli([])).toMatchObject({ status: 2, stderr: expect.stringContaining('Usage: funnel-planner') });
    expect(runCli(['plan', '--out', ''])).toMatchObject({ status: 2, stderr: expect.stringContaining('--out "": expected a .xlsx file name') });
  });

  it('a path through a file is an input error, not an internal one', () => {
    const r = runCli(['plan', '--out', join(file('a-file.txt', 'x'), 'plan.xlsx')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('part of the path is a file, not a folder');
    expect(r.stderr).not.toContain('internal error');
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('plan') });
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('speaks Chinese with --lang zh-CN', () => {
    const r = runCli(['--lang', 'zh-CN', 'plan']);
    expect(r.stdout).toContain('市场部需要交付 1,280 个');
    const bad = runCli(['--lang', 'zh-CN', 'plan', file('bad-zh.json', JSON.stringify({ ...seedPlan, revenueTarget: -1 }))]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('revenueTarget: 应为大于 0 的数字，实际为 -1');
  });

  it('speaks traditional Chinese with --lang zh-TW', () => {
    const r = runCli(['--lang', 'zh-TW', 'plan']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('市場部需要交付 1,280 個銷售認可線索 (SQL)');
    expect(r.stdout).toMatch(/│ 線索 /);
    expect(r.stdout).toMatch(/│ 商機 /);
    expect(r.stdout).toMatch(/│ 成交客戶 /);
    expect(r.stdout).not.toMatch(/[线销转数阶营个]/); // no simplified characters
    const bad = runCli(['--lang', 'zh-TW', 'plan', file('bad-tw.json', JSON.stringify({ ...seedPlan, revenueTarget: -1 }))]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('revenueTarget: 應為大於 0 的數字，實際為 -1');
    expect(runCli(['--lang', 'zh-TW', 'forward', '--volume', 'marketing=9000']).stdout).toContain('距目標還差');
  });
});

describe('funnel-planner forward', () => {
  it('answers the what-if as a table and as JSON', () => {
    const r = runCli(['forward', '--volume', 'marketing=9000']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Short of target by USD 1,182,700');
    const json = JSON.parse(runCli(['forward', '-v', 'marketing=9k', '--json']).stdout);
    expect(json.sources[0].expected.won).toBe(112.5);
    expect(json.total.revenue).toBe(8_817_300);
  });

  it('names a bad volume', () => {
    const r = runCli(['forward', '-v', 'partners=10']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('volumes.partners');
    expect(runCli(['forward', '-v', 'marketing']).status).toBe(2);
  });
});

describe('funnel-planner template', () => {
  it('prints a plan that plans', () => {
    const r = runCli(['template']);
    expect(r.status).toBe(0);
    const path = file('from-template.json', r.stdout);
    expect(runCli(['plan', path]).status).toBe(0);
  });

  const SCHEMA = join(ROOT, 'templates', 'plan.schema.json');
  const schemaAccepts = new Ajv({ allErrors: true, keywords: ['patternErrorMessage'] }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));

  it('points "$schema" at the shipped schema, relative to where the JSON lands, and passes it', () => {
    const here = JSON.parse(runCli(['template']).stdout); // stdout: relative to the current folder
    expect(here.$schema).toBe('./templates/plan.schema.json');
    expect(schemaAccepts(here)).toBe(true);
    const elsewhere = JSON.parse(runCli(['template'], { cwd: dir }).stdout);
    expect(resolve(dir, elsewhere.$schema)).toBe(SCHEMA);
    const out = join(dir, 'nested', 'plan.json');
    mkdirSync(dirname(out), { recursive: true });
    expect(runCli(['template', '--out', out]).status).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.$schema).toMatch(/^\.\.\/.*\/templates\/plan\.schema\.json$/);
    expect(resolve(dirname(out), written.$schema)).toBe(SCHEMA);
    expect(schemaAccepts(written)).toBe(true);
    expect(Object.keys(written)[0]).toBe('$schema');
  });

  it('writes it with --out', () => {
    const out = join(dir, 'written.json');
    expect(runCli(['template', '--out', out]).status).toBe(0);
    expect(runCli(['plan', out, '--json']).status).toBe(0);
    expect(runCli(['template', '--out', join(dir, 'no', 'such', 'dir.json')])).toMatchObject({ status: 2, stderr: expect.stringContaining('folder does not exist') });
  });
});

describe('plan --monthly', () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'fp-monthly-'));
  const plan = {
    revenueTarget: 10_000_000,
    timing: { fiscalYearStart: '2027-01' },
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 }, channels: [{ id: 'content', share: 0.5, costPerLead: 120 }, { id: 'events', share: 0.5, costPerLead: 250 }] },
      { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 }, stageDays: { sql: 14, opportunity: 45 } },
    ],
  };
  const path = join(dir2, 'timed.json');
  writeFileSync(path, JSON.stringify(plan));

  it('prints marketing\'s SQLs by month in the plain output', () => {
    const r = runCli(['plan', path]);
    expect(r.status).toBe(0);
    // 1,280 marketing SQLs follow its 160 wins with no lag: two channels of 80 wins (7 a month in
    // months 0–7, 6 after), 8 SQLs a win → 56 + 56 = 112 in January.
    expect(r.stdout).toContain("Marketing's SQLs by month: 2027-01 112, 2027-02 112");
  });

  it('prints each team by month with carry-in months, quarters, the FY and a daily rate', () => {
    const r = runCli(['plan', path, '--monthly']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2026-11 (before FY)');
    expect(r.stdout).toMatch(/FY\s.*2,948/); // SDR delivers 1,280 + 1,668 SQLs in the FY
    expect(r.stdout).toContain('per working day');
    // Marketing's budget for the FY: content 6,400 leads × 120 + events 6,400 × 250.
    expect(r.stdout).toContain('USD 2,368,000');
    expect(r.stdout).toContain('No sales-cycle lag for marketing');
  });

  it('puts the plan over the year in --report: the monthly chart, the team cards and the channel budget', () => {
    const report = join(dir2, 'timed.html');
    expect(runCli(['plan', path, '--report', report]).status).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('<svg class="monthly-chart"');
    expect(html).toContain('data-month="2027-01" data-total="254"'); // 112 marketing + 142 outbound SQLs
    expect(html).toContain('data-team="sdr"');
    expect(html).toContain('<td class="num">USD 2,368,000</td>'); // the channels' FY budget
  });

  it('speaks Chinese', () => {
    const r = runCli(['--lang', 'zh-TW', 'plan', path, '--monthly']);
    expect(r.stdout).toContain('（財年前）');
    expect(r.stdout).toContain('市場部每月的');
  });
});
