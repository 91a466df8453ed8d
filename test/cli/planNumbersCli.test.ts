/** `plan` on numbers a spreadsheet computed, numbers it cannot hold, and plan typos: by the built CLI. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from '../../src/core/plan';
import { ExcelWorkbook } from '../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../src/cli/xlsx/planXlsx';
import { runCli } from './runCli';
import { seedPlan, tempFiles } from './planFixtures';

const { dir, file } = tempFiles('fp-numbers-cli-');
const copy = (): any => JSON.parse(JSON.stringify(seedPlan));

const sevenths = {
  revenueTarget: 7_000_000,
  stages: ['opportunity', 'won'],
  sources: Array.from({ length: 7 }, (_, i) => ({ id: `s${i + 1}`, share: 1 / 7, avgDealSize: 1_000, conversionRates: { opportunity: 0.25 } })),
};

describe('funnel-planner plan: numbers', () => {
  it('seven shares of =1/7 (0.14285714285714285 in the JSON) plan 7,000 won deals', () => {
    const path = file('sevenths.json', JSON.stringify(sevenths));
    expect(JSON.stringify(sevenths)).toContain('"share":0.14285714285714285');
    const r = runCli(['plan', path, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).funnel.total.counts).toMatchObject({ won: 7_000, opportunity: 28_000 });
  });

  it('rates of =1/3 plan 3,000 opportunities and 9,000 SQLs', () => {
    const thirds = { revenueTarget: 1_000_000, stages: ['sql', 'opportunity', 'won'], sources: [{ id: 'web', share: 1, avgDealSize: 1_000, conversionRates: { sql: 1 / 3, opportunity: 1 / 3 } }] };
    const r = runCli(['plan', file('thirds.json', JSON.stringify(thirds)), '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).funnel.total.counts).toMatchObject({ won: 1_000, opportunity: 3_000, sql: 9_000 });
  });

  it('a workbook whose Inputs hold =1/7 formulas (cached as a spreadsheet saves them) plans 7,000', async () => {
    const outcome = plan(sevenths);
    if (!outcome.ok) throw new Error('valid');
    const book = await ExcelWorkbook.fromBuffer(await planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: { version: 't', generatedOn: '2026-12-01' } }));
    const inputs = book.workbook.getWorksheet('Inputs')!;
    for (let col = 2; col <= 8; col++) inputs.getCell(15, col).value = { formula: '1/7', result: 0.142857142857143 }; // LibreOffice caches 15 digits
    const path = join(dir, 'sevenths.xlsx');
    writeFileSync(path, Buffer.from(await book.workbook.xlsx.writeBuffer()));
    const r = runCli(['plan', path, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).funnel.total.counts).toMatchObject({ won: 7_000, opportunity: 28_000 });
  });

  it('exits 2 naming the rate when a count would have 16 significant digits', () => {
    const big = { revenueTarget: 123_456_789_012_345, stages: ['opportunity', 'won'], sources: [{ id: 'a', share: 1, avgDealSize: 1, conversionRates: { opportunity: 0.11 } }] };
    const r = runCli(['plan', file('big.json', JSON.stringify(big))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'sources[0].conversionRates.opportunity: the Opportunities count (1122334445566773) would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from 0.11',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 naming an input of 16 significant digits', () => {
    const p = copy();
    p.revenueTarget = '1234567890123456';
    const r = runCli(['plan', file('target16.json', JSON.stringify(p))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('revenueTarget: expected at most 15 significant digits (a spreadsheet keeps 15 and would change the rest), got "1234567890123456"');
  });

  it('exits 2 on two signs and on a decimal comma, suggesting 0.25', () => {
    const p = copy();
    p.sources[0].avgDealSize = '($-500)';
    p.sources[0].conversionRates.lead = '0,25';
    const r = runCli(['plan', file('signs.json', JSON.stringify(p))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sources[0].avgDealSize: expected one sign at most (write -500 or (500)), got "($-500)"');
    expect(r.stderr).toContain('sources[0].conversionRates.lead: "0,25" is ambiguous: is the comma a decimal point? If so, write 0.25');
  });
});

describe('funnel-planner plan: unknown fields', () => {
  it('exits 2 naming a typo and the field it probably meant', () => {
    const p = copy();
    p.sources[0].avgDealsize = p.sources[0].avgDealSize;
    delete p.sources[0].avgDealSize;
    p.handofStage = 'mql';
    p.sources[1].entrystage = 'sql';
    delete p.sources[1].entryStage;
    const r = runCli(['plan', file('typos.json', JSON.stringify(p))]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('handofStage: is not a field here; did you mean handoffStage?');
    expect(r.stderr).toContain('sources[0].avgDealsize: is not a field here; did you mean avgDealSize?');
    expect(r.stderr).toContain('sources[1].entrystage: is not a field here; did you mean entryStage?');
  });

  it('says it in Chinese with --lang zh-CN', () => {
    const p = copy();
    p.handofStage = 'mql';
    const r = runCli(['--lang', 'zh-CN', 'plan', file('typo-zh.json', JSON.stringify(p))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('handofStage: 不是此处的字段；是否想写 handoffStage？');
  });

  it('accepts $schema, for editors that check the file against a JSON Schema', () => {
    const r = runCli(['plan', file('schema.json', JSON.stringify({ $schema: './funnel-plan.schema.json', ...seedPlan })), '--json']);
    expect(r.status).toBe(0);
  });

  it('the template it writes plans again', () => {
    const template = runCli(['template']);
    expect(template.status).toBe(0);
    expect(runCli(['plan', file('template.json', template.stdout), '--json']).status).toBe(0);
  });
});

describe('funnel-planner plan --rates-from: the history section', () => {
  const EXPORT = [
    'Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date',
    '1,Organic Search,2024-01-01,2024-01-05,2024-01-10,2024-01-20,2024-02-01',
    '4,Offline Sources,,,2024-01-04,2024-01-14,',
  ].join('\r\n');
  const withHistory = (history: Record<string, unknown>) => ({
    revenueTarget: 10_000_000,
    sources: [
      { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: {} },
      { id: 'outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: {} },
    ],
    history: { sourceMap: { 'Organic Search': 'marketing', 'Offline Sources': 'outbound' }, ...history },
  });

  it('a non-boolean matureRates exits 2 saying true or false is expected', () => {
    const exported = file('export.csv', EXPORT);
    const r = runCli(['plan', file('mature.json', JSON.stringify(withHistory({ matureRates: 'yes' }))), '--rates-from', exported]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('history.matureRates: expected true or false, got "yes"');
  });

  it('a typo in it exits 2 with the field probably meant', () => {
    const exported = file('export2.csv', EXPORT);
    const r = runCli(['plan', file('typo-history.json', JSON.stringify(withHistory({ matureRate: false }))), '--rates-from', exported]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('history.matureRate: is not a field here; did you mean matureRates?');
  });
});
