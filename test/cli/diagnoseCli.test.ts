/** `funnel-planner diagnose`: the template's shapes and ranking, --json's keys, an export with an empty stage column (a broken funnel, which plan --rates-from refuses), zh-CN. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';

const HEADER = 'Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date';

/** 400 web leads with no MQL date in any row (40 SQLs, 20 opportunities, 5 won); 300 outbound SQLs: 120 opportunities, 36 won. */
function brokenExport(dir: string): { plan: string; csv: string } {
  const rows = [HEADER];
  for (let i = 0; i < 400; i++) rows.push(`${i},Web,2024-01-02,,${i < 40 ? '2024-01-20' : ''},${i < 20 ? '2024-02-01' : ''},${i < 5 ? '2024-03-15' : ''}`);
  for (let i = 0; i < 300; i++) rows.push(`${400 + i},Offline Sources,,,2024-01-05,${i < 120 ? '2024-01-20' : ''},${i < 36 ? '2024-03-10' : ''}`);
  const csv = join(dir, 'export.csv');
  writeFileSync(csv, rows.join('\r\n'));
  const plan = join(dir, 'plan.json');
  writeFileSync(
    plan,
    JSON.stringify({
      revenueTarget: 10_000_000,
      timing: { fiscalYearStart: '2027-01' },
      sources: [
        { id: 'marketing', name: 'Web', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: {} },
        { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: {} },
      ],
      history: { sourceMap: { Web: 'marketing', 'Offline Sources': 'outbound' }, matureRates: false },
    }),
  );
  return { plan, csv };
}

describe('funnel-planner diagnose', () => {
  it('the default template: both sources healthy, outbound\'s levers add the most revenue, marketing\'s lead → MQL saves the most budget', () => {
    const r = runCli(['diagnose']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Marketing-sourced (enters at Leads)\n  Healthy\n    Evidence: Lead → MQL 25%, band 15%–40%; MQL → SQL 40%, band 20%–50%');
    // By hand (test/core/diagnosis): lead → MQL 27.5 % saves 581 + 349 + 232 leads, 69,720 + 87,250 + 46,400 of the channels' costs.
    expect(r.stdout).toMatch(/│ Marketing-sourced +│ Lead → MQL +│ +25% → 27\.5% │ +12,800 → 11,638 Leads │ +1,162 │ +USD 203,370 │ +USD 400,000 │/);
    expect(r.stdout).toMatch(/│ Sales-sourced \(outbound\) +│ Opportunity → Won +│ +30% → 33% │ +1,668 → 1,518 SQLs │ +150 │ +— │/);
  });

  it('--json: bySource.<id>.shapes and the ranked sensitivity', () => {
    const json = JSON.parse(runCli(['diagnose', '--json']).stdout);
    expect(Object.keys(json.bySource)).toEqual(['marketing', 'outbound']);
    expect(json.bySource.marketing.shapes).toEqual([expect.objectContaining({ shape: 'healthy', evidence: expect.stringContaining('Lead → MQL 25%'), advice: expect.any(String) })]);
    // Ranked by revenue at today's volume, the one unit both sources have: outbound's +600,480 before marketing's +400,000.
    expect(json.sensitivity[0]).toMatchObject({ source: 'outbound', stage: 'sql', leadsSaved: 152, budgetSaved: null, revenueGained: 600_480 });
    expect(json.sensitivity[2]).toMatchObject({ source: 'marketing', stage: 'lead', leadsSaved: 1162, budgetSaved: 203_370, revenueGained: 400_000 });
    expect(json.sensitivity[3]).toMatchObject({ source: 'marketing', stage: 'mql', leadsSaved: 1160, budgetSaved: 203_000 });
  });

  it('judges an export plan --rates-from refuses: a stage column empty in every row is a broken funnel', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    const { plan, csv } = brokenExport(dir);
    const refused = runCli(['plan', plan, '--rates-from', csv]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('cannot take the plan\'s rates');
    const r = runCli(['diagnose', plan, '--rates-from', csv]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Web (enters at Leads)\n  Broken\n    Evidence: Lead → MQL: the column "Became a Marketing Qualified Lead Date" has no date in any row; MQL → SQL: the column');
    // Outbound's own counts: 120 of 300 SQLs, 36 of 120 opportunities.
    expect(r.stdout).toContain('Outbound (enters at SQLs)\n  Healthy\n    Evidence: SQL → Opportunity 40% (120 of 300), band 40%–70%; Opportunity → Won 30% (36 of 120), band 15%–40%');
    expect(r.stdout).toContain('No sensitivity: the export leaves a stage without a rate the plan could use');
    const json = JSON.parse(runCli(['diagnose', plan, '--rates-from', csv, '--json']).stdout);
    expect(json.bySource.marketing.shapes.map((f: { shape: string }) => f.shape)).toEqual(['broken']);
    expect(json.bySource.marketing.shapes[0].stages).toEqual(['lead', 'mql']);
    expect(json.sensitivity).toBeNull();
  });

  it('with an export the plan can take: volumes in the evidence and the sensitivity on the measured rates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    // 4,000 web leads, 1,200 MQLs, 120 SQLs (10 %: the handoff fails), 60 opportunities, 15 won.
    const rows = [HEADER];
    for (let i = 0; i < 4000; i++) rows.push(`${i},Web,2024-01-02,${i < 1200 ? '2024-01-05' : ''},${i < 120 ? '2024-01-20' : ''},${i < 60 ? '2024-02-01' : ''},${i < 15 ? '2024-03-15' : ''}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\r\n'));
    const plan = { revenueTarget: 1_000_000, sources: [{ id: 'marketing', name: 'Web', share: 1, avgDealSize: 25_000, conversionRates: {}, channels: [{ id: 'all', share: 1, costPerLead: 40 }] }], history: { sourceMap: { Web: 'marketing' }, matureRates: false } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const json = JSON.parse(runCli(['diagnose', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv'), '--json']).stdout);
    expect(json.bySource.marketing.shapes[0]).toMatchObject({ shape: 'bigHeadSmallTail', evidence: 'MQL → SQL 10% (120 of 1,200), band 20%–50%' });
    // 1,000,000 / 25,000 = 40 won / 0.25 = 160 opportunities / 0.5 = 320 SQLs; MQL → SQL 11 %: ⌈2,909.1⌉ = 2,910 MQLs (not 3,200), / 0.3 = 9,700 leads (not 10,667).
    const mql = json.sensitivity.find((s: { stage: string }) => s.stage === 'mql');
    expect(mql).toMatchObject({ rate: 0.1, betterRate: 0.11, entryToday: 10_667, entryBetter: 9_700, leadsSaved: 967, budgetSaved: 38_680 });
  });

  it('--rates-from takes plan --rates-from\'s export flags: --map, --source-column, --unmapped-source, --date-order, --all-records', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    // Own column names, a/b/yyyy dates that only read as day-first, a CRM source no sourceMap names.
    const rows = ['Id,Channel,Created,MQL On,SQL On,Opp On,Won On'];
    for (let i = 0; i < 1000; i++) rows.push(`${i},Fairs,02/01/2024,${i < 300 ? '05/01/2024' : ''},${i < 30 ? '20/01/2024' : ''},${i < 15 ? '01/02/2024' : ''},${i < 4 ? '15/03/2024' : ''}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\r\n'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ revenueTarget: 1_000_000, sources: [{ id: 'marketing', share: 1, avgDealSize: 25_000, conversionRates: {} }] }));
    const args = ['diagnose', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv'), '--json'];
    const flags = ['--map', 'lead=Created', '--map', 'mql=MQL On', '--map', 'sql=SQL On', '--map', 'opportunity=Opp On', '--map', 'won=Won On', '--source-column', 'Channel', '--unmapped-source', 'marketing', '--date-order', 'dmy', '--all-records'];
    const r = runCli([...args, ...flags]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/unknown option|error/);
    // 30 of 300 MQLs became SQLs: the handoff fails, on the export's counts.
    expect(JSON.parse(r.stdout).bySource.marketing.shapes[0]).toMatchObject({ shape: 'bigHeadSmallTail', evidence: 'MQL → SQL 10% (30 of 300), band 20%–50%' });
    expect(runCli(['diagnose', '--help']).stdout).toMatch(/--unmapped-source <id>[\s\S]*--all-records[\s\S]*--map <stage=Column>[\s\S]*--source-column <column>[\s\S]*--date-order <order>/);
  });

  it('--rates-from: a plan source the export has no record of is judged on the plan\'s rates, with a note, not called broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    const rows = [HEADER];
    for (let i = 0; i < 4000; i++) rows.push(`${i},Web,2024-01-02,${i < 1000 ? '2024-01-05' : ''},${i < 400 ? '2024-01-20' : ''},${i < 200 ? '2024-02-01' : ''},${i < 50 ? '2024-03-15' : ''}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\r\n'));
    const plan = {
      revenueTarget: 1_000_000,
      sources: [
        { id: 'marketing', name: 'Web', share: 0.5, avgDealSize: 25_000, conversionRates: {} },
        { id: 'outbound', name: 'Outbound', share: 0.5, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: '30%' } },
      ],
      history: { sourceMap: { Web: 'marketing' }, matureRates: false },
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = runCli(['diagnose', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Outbound (enters at SQLs)\n  Healthy\n    Evidence: the export has no record of this source: judged on the plan\'s rates; SQL → Opportunity 40%, band 40%–70%; Opportunity → Won 30%, band 15%–40%');
    const json = JSON.parse(runCli(['diagnose', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv'), '--json']).stdout);
    expect(json.bySource.outbound).toMatchObject({ measured: false, shapes: [{ shape: 'healthy' }] });
  });

  it('--rates-from: stages broken in the export are left out of the sensitivity, and the output says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    // No SQL date in any row: MQL → SQL and SQL → opportunity cannot be measured; the plan keeps its typed 40 % and 50 % there.
    const rows = [HEADER];
    for (let i = 0; i < 4000; i++) rows.push(`${i},Web,2024-01-02,${i < 1000 ? '2024-01-05' : ''},,${i < 200 ? '2024-02-01' : ''},${i < 50 ? '2024-03-15' : ''}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\r\n'));
    const plan = { revenueTarget: 1_000_000, sources: [{ id: 'marketing', name: 'Web', share: 1, avgDealSize: 25_000, conversionRates: { mql: 0.4, sql: 0.5 }, channels: [{ id: 'all', share: 1, costPerLead: 40 }] }], history: { sourceMap: { Web: 'marketing' }, matureRates: false } };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const args = ['diagnose', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv')];
    const r = runCli(args);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Left out, broken in the export (their rates would be the plan\'s typed ones, not measured): Web MQL → SQL; Web SQL → Opportunity.');
    const json = JSON.parse(runCli([...args, '--json']).stdout);
    expect(json.sensitivity.map((s: { stage: string }) => s.stage).sort()).toEqual(['lead', 'opportunity']);
    expect(json.sensitivityLeftOut).toEqual([{ source: 'marketing', stage: 'mql' }, { source: 'marketing', stage: 'sql' }]);
    expect(runCli([...args, '--lang', 'zh-TW']).stdout).toContain('未列入（匯出檔中斷裂');
  });

  it('a channel\'s rate overrides are judged too: BQL → SQL 20 % at channel web, below its 50 %–70 % band, is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-diagnose-'));
    const plan = {
      revenueTarget: 5_000_000,
      stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
      sources: [{ id: 'mkt', share: 1, avgDealSize: 20_000, conversionRates: { lead: 0.3, mql: 0.5, bql: 0.6, sql: 0.5, opportunity: 0.25 }, channels: [{ id: 'web', share: 0.6, costPerLead: 50, conversionRates: { bql: 0.2 } }, { id: 'ev', share: 0.4, costPerLead: 200 }] }],
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = runCli(['diagnose', join(dir, 'plan.json')]);
    expect(r.status).toBe(0);
    // The source's own BQL → SQL 60 % is healthy; web's 20 % is below the 50 %–70 % band.
    expect(r.stdout).toContain('mkt (enters at Leads)\n  Healthy\n');
    expect(r.stdout).toContain('  Big head, small tail\n    Evidence: channel web: BQL → SQL 20%, band 50%–70%');
  });

  it('speaks zh-CN', () => {
    const r = runCli(['diagnose', '--lang', 'zh-CN']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('漏斗出了什么问题');
    expect(r.stdout).toContain('Marketing-sourced（从线索进入）\n  健康\n    证据：线索 → MQL 25%，基准 15%–40%');
    expect(r.stdout).toContain('转化率提高 10% 能节省多少');
    // No English of ours: what remains is the plan's own names, ids, stage abbreviations and the currency.
    const english = r.stdout.replace(/Marketing-sourced|Sales-sourced \(outbound\)|MQL|SQL|USD|costPerLead|docs\/diagnosis\.md|"benchmarks"|--rates-from|ROI|SEM|CRM|SDR|AE|SLA|BANT/g, '');
    expect(english).not.toMatch(/[A-Za-z]{2,}/);
  });
});
