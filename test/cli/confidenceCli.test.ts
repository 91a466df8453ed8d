/**
 * `plan --out --report` carries how sure the plan is: the workbook's Confidence sheet and the
 * report's section hold the numbers `simulate --json` prints for the same plan (and, with
 * --rates-from, the same rate spread), LibreOffice opens the sheet with them, and zh-CN reads it.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disposeLibreOfficeProfile, describeWithLibreOffice, recalculateWithLibreOffice } from '../support/libreoffice';
import { readZip } from '../../src/cli/xlsx/zipArchive';
import { runCli } from './runCli';

const dir = mkdtempSync(join(tmpdir(), 'fp-confidence-cli-'));
const at = (name: string) => join(dir, name);

interface Simulated {
  trials: number;
  seed: number;
  target: number;
  revenue: { p10: number; p50: number; p90: number; mean: number };
  pHitTarget: number;
  bySource: Record<string, { won: { p10: number; p50: number; p90: number } }>;
  forConfidence: { confidence: number; multiplier: number | null; bySource: Record<string, { stage: string; planned: number; volume: number | null }> };
  histogram: { from: number; to: number; trials: number }[];
}

/** Column A → the row's values from column B on, for every row of a sheet. */
async function sheetRows(file: string, sheet: string): Promise<Map<string, unknown[]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const ws = book.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const rows = new Map<string, unknown[]>();
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') rows.set(label, Array.from({ length: 7 }, (_, i) => row.getCell(2 + i).value));
  });
  return rows;
}

function expectSheetHolds(rows: Map<string, unknown[]>, s: Simulated, names: Record<string, string>): void {
  const value = (label: string) => rows.get(label)?.[0];
  expect(value('Trials')).toBe(s.trials);
  expect(value('Seed (the same seed gives the same numbers)')).toBe(s.seed);
  expect(value('Revenue target')).toBe(s.target);
  expect(value('Revenue P10 (9 trials in 10 reach it)')).toBe(s.revenue.p10);
  expect(value('Revenue P50 (the median trial)')).toBe(s.revenue.p50);
  expect(value('Revenue P90 (1 trial in 10 reaches it)')).toBe(s.revenue.p90);
  expect(value('Revenue, mean')).toBe(s.revenue.mean);
  expect(value('P(revenue ≥ target)')).toBe(s.pHitTarget);
  expect(value('Confidence the volume is sized for')).toBe(s.forConfidence.confidence);
  expect(value('Every entry volume ×')).toBe(s.forConfidence.multiplier ?? 'more than 20× the plan');
  for (const [id, name] of Object.entries(names)) {
    const won = s.bySource[id].won;
    const v = s.forConfidence.bySource[id];
    expect(rows.get(name)?.slice(1, 6)).toEqual([won.p10, won.p50, won.p90, v.planned, v.volume ?? 'more than 20× the plan']);
  }
  const bins = [...rows.entries()].filter(([label]) => / – /.test(label)).map(([, r]) => r[0]);
  expect(bins).toEqual(s.histogram.map((b) => b.trials));
}

const TEMPLATE = { marketing: 'Marketing-sourced', outbound: 'Sales-sourced (outbound)' };

describe('funnel-planner plan: how sure the plan is', () => {
  let simulated: Simulated;
  beforeAll(() => {
    const r = runCli(['plan', '--out', at('plan.xlsx'), '--report', at('plan.html')]);
    expect(r.status).toBe(0);
    simulated = JSON.parse(runCli(['simulate', '--json']).stdout);
  });

  it('writes a Confidence sheet after Bonus with the numbers simulate prints (default trials, seed, confidence)', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('plan.xlsx'));
    expect(book.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs']);
    expect(simulated).toMatchObject({ trials: 10_000, seed: 2027, forConfidence: { confidence: 0.9 } });
    expectSheetHolds(await sheetRows(at('plan.xlsx'), 'Confidence'), simulated, TEMPLATE);
    // The histogram's column chart is a native chart of the sheet.
    const charts = [...readZip(readFileSync(at('plan.xlsx'))).entries()].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, bytes]) => bytes.toString('utf8'));
    const histogram = charts.find((xml) => xml.includes('Revenue over the trials'));
    expect(histogram).toContain('<c:barDir val="col"/>');
    expect(histogram).toContain(`<c:f>Confidence!$B$`);
  });

  it('gives the report a section whose histogram bars add up to the trials, the target marked', () => {
    const html = readFileSync(at('plan.html'), 'utf8');
    const section = html.slice(html.indexOf('<section class="confidence">'));
    expect(section).toContain('<h2>How sure is the plan</h2>');
    const pct = `${Number((simulated.pHitTarget * 100).toFixed(1))}%`;
    expect(section).toContain(`The plan reaches its target of USD 10,000,000 in ${pct} of the trials.`);
    expect(section).toContain(`For 90% confidence every entry volume × ${simulated.forConfidence.multiplier}:`);
    expect(section).toContain(`<strong>${simulated.forConfidence.bySource.marketing.volume!.toLocaleString('en-US')}</strong>`);
    const bars = [...section.matchAll(/<rect class="bin" data-trials="(\d+)"/g)].map((m) => Number(m[1]));
    expect(bars).toEqual(simulated.histogram.map((b) => b.trials));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(section).toMatch(/<g class="target"><line [^>]*stroke-dasharray/);
    expect(section).toContain('target USD 10,000,000');
  });

  it('speaks zh-CN on the sheet and in the report', async () => {
    const r = runCli(['plan', '--lang', 'zh-CN', '--out', at('zh.xlsx'), '--report', at('zh.html')]);
    expect(r.status).toBe(0);
    const rows = await sheetRows(at('zh.xlsx'), 'Confidence');
    expect([...rows.keys()][0]).toBe('计划有多大把握');
    expect(rows.get('营收达到目标的概率')?.[0]).toBe(simulated.pHitTarget);
    expect(rows.get('来源')).toEqual(['进入阶段', '成单数 P10', '成单数 P50', '成单数 P90', '计划进入量', '90% 把握所需进入量', null]);
    const html = readFileSync(at('zh.html'), 'utf8');
    expect(html).toContain('<h2>计划有多大把握</h2>');
    expect(html).toContain('要有 90% 的把握，各来源进入量 ×');
  });

  it('with --rates-from: the rates vary as the export counted them, as in simulate --rates-from', async () => {
    // 400 web leads: 100 MQLs, 40 SQLs, 20 opportunities, 5 won; 300 outbound SQLs: 120 opportunities, 36 won.
    const rows = ['Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date'];
    for (let i = 0; i < 400; i++) rows.push(`${i},Web,2024-01-02,${i < 100 ? '2024-01-10' : ''},${i < 40 ? '2024-01-20' : ''},${i < 20 ? '2024-02-01' : ''},${i < 5 ? '2024-03-15' : ''}`);
    for (let i = 0; i < 300; i++) rows.push(`${400 + i},Offline Sources,,,2024-01-05,${i < 120 ? '2024-01-20' : ''},${i < 36 ? '2024-03-10' : ''}`);
    writeFileSync(at('export.csv'), rows.join('\r\n'));
    const plan = {
      revenueTarget: 10_000_000,
      timing: { fiscalYearStart: '2027-01' },
      sources: [
        { id: 'marketing', name: 'Web', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: {} },
        { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: {} },
      ],
      history: { sourceMap: { Web: 'marketing', 'Offline Sources': 'outbound' }, matureRates: false },
    };
    writeFileSync(at('history.json'), JSON.stringify(plan));
    const r = runCli(['plan', at('history.json'), '--rates-from', at('export.csv'), '--out', at('history.xlsx')]);
    expect(r.status).toBe(0);
    const spread: Simulated = JSON.parse(runCli(['simulate', at('history.json'), '--rates-from', at('export.csv'), '--json']).stdout);
    expectSheetHolds(await sheetRows(at('history.xlsx'), 'Confidence'), spread, { marketing: 'Web', outbound: 'Outbound' });
  });
});

describeWithLibreOffice('LibreOffice opens the Confidence sheet', () => {
  afterAll(() => disposeLibreOfficeProfile());

  it('with the simulation\'s numbers and the histogram chart intact', async () => {
    const r = runCli(['plan', '--out', at('lo.xlsx')]);
    expect(r.status).toBe(0);
    const simulated: Simulated = JSON.parse(runCli(['simulate', '--json']).stdout);
    const saved = await recalculateWithLibreOffice(at('lo.xlsx'));
    expectSheetHolds(await sheetRows(saved, 'Confidence'), simulated, TEMPLATE);
    const charts = [...readZip(readFileSync(saved)).entries()].filter(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name)).map(([, bytes]) => bytes.toString('utf8'));
    expect(charts.some((xml) => xml.includes('Confidence') && xml.includes('barDir val="col"'))).toBe(true);
  }, 240_000);
});
