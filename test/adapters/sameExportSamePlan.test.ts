/**
 * One CRM export and one plan, through both adapters of the history policy: `plan --rates-from`
 * (the export as CSV, the plan as JSON) and Sheets' Derive rates (the same rows pasted into the
 * History sheet, the plan as its Inputs sheet, the source map as a Source map sheet) give the
 * same rates and, planned, the same funnel. Runs the built CLI (npm run build:cli).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planFunnel } from '../../src/core/funnelPlan';
import { plan as planOf } from '../../src/core/plan';
import { planToJson } from '../../src/core/planJson';
import { validatePlan } from '../../src/core/validatePlan';
import { deriveRatesFromHistory } from '../../src/gas/deriveRates';
import { SheetsWorkbook } from '../../src/gas/sheetsWorkbook';
import { inputsLayout } from '../../src/workbook/layouts/inputsLayout';
import { readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { runCli } from '../cli/runCli';
import { fakeContext } from '../gas/fakes/gasFakes';

const HEADER = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];
// The MQL column is empty in every row. Dates are 2024; the last lead (Dec 31) sets the as-of
// date, so every earlier record is mature.
//  - "inbound marketing": named like the plan source "Inbound Marketing" (marketing), case aside;
//  - "Organic Search", "Offline Sources": placed by the source map (marketing, outbound);
//  - "Outbound": the id of a plan source;
//  - "Referral": no rule places it but "all others" (partner): a small sample of 2.
const ROWS: string[][] = [
  ['inbound marketing', '2024-01-02', '', '2024-01-10', '2024-01-20', '2024-02-10'],
  ['inbound marketing', '2024-01-03', '', '2024-01-11', '2024-01-21', ''],
  ['inbound marketing', '2024-01-04', '', '2024-01-12', '', ''],
  ['inbound marketing', '2024-01-05', '', '', '', ''],
  ['Organic Search', '2024-01-06', '', '2024-01-14', '2024-01-24', '2024-02-14'],
  ['Organic Search', '2024-01-07', '', '2024-01-15', '', ''],
  ['Organic Search', '2024-01-08', '', '', '', ''],
  ['Organic Search', '2024-01-09', '', '', '', ''],
  ['inbound marketing', '2024-12-31', '', '', '', ''],
  ['Offline Sources', '', '', '2024-01-05', '2024-01-15', '2024-02-01'],
  ['Offline Sources', '', '', '2024-01-06', '2024-01-16', ''],
  ['Offline Sources', '', '', '2024-01-07', '', ''],
  ['Outbound', '', '', '2024-01-08', '2024-01-18', '2024-02-05'],
  ['Outbound', '', '', '2024-01-09', '', ''],
  ['Outbound', '', '', '2024-01-10', '2024-01-19', ''],
  ['Referral', '', '', '2024-01-03', '2024-01-13', '2024-01-30'],
  ['Referral', '', '', '2024-01-04', '', ''],
];

const SOURCE_MAP = { 'Organic Search': 'marketing', 'Offline Sources': 'outbound' };
const ALL_OTHERS = 'partner';

const PLAN = {
  revenueTarget: 10_000_000,
  sources: [
    { id: 'marketing', name: 'Inbound Marketing', kind: 'marketing', share: 0.5, avgDealSize: 20_000, conversionRates: { lead: 0.3, mql: 0.4, sql: 0.5, opportunity: 0.25 } },
    { id: 'outbound', name: 'Outbound', kind: 'sales', share: 0.3, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.2 } },
    { id: 'partner', name: 'Partner', kind: 'partner', share: 0.2, avgDealSize: 25_000, entryStage: 'sql', conversionRates: { sql: 0.5, opportunity: 0.3 } },
  ],
};

const dir = mkdtempSync(join(tmpdir(), 'fp-same-plan-'));
const at = (name: string) => join(dir, name);

function viaCli(history: Record<string, unknown>) {
  writeFileSync(at('export.csv'), [HEADER, ...ROWS].map((row) => row.join(',')).join('\r\n'));
  writeFileSync(at('plan.json'), JSON.stringify({ ...PLAN, history }));
  return runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--json']);
}

function viaSheets(mapRows: string[][]) {
  const { ctx, spreadsheet } = fakeContext();
  const book = new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
  const planned = planOf(PLAN);
  if (!planned.ok) throw new Error('the test plan is invalid');
  const stamp = { version: ctx.version, generatedOn: ctx.today };
  writeLayouts(book, [inputsLayout({ plan: planned.plan, funnel: planned.funnel, lang: 'en', stamp })], stamp);
  const paste = (name: string, rows: string[][]) => {
    book.addSheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => Object.assign(spreadsheet.sheet(name).cellAt(r + 1, c + 1), { value })));
  };
  paste('History', [HEADER, ...ROWS]);
  if (mapRows.length > 0) paste('Source map', [['CRM source', 'Plan source'], ...mapRows]);
  const before = JSON.stringify(spreadsheet.sheet('Inputs').snapshot());
  const outcome = deriveRatesFromHistory(ctx);
  const reading = readInputs(book);
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  const sources = reading.input.sources as { id: string; conversionRates: Record<string, unknown> }[];
  const rates = Object.fromEntries(sources.map((s) => [s.id, s.conversionRates]));
  const valid = validatePlan(reading.input);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  const summary = spreadsheet.sheet('History summary').snapshot().values.map((row) => row.join('|'));
  return { outcome, rates, funnel: planToJson(planFunnel(valid.plan)).funnel, summary, inputsChanged: JSON.stringify(spreadsheet.sheet('Inputs').snapshot()) !== before };
}

describe('the same CRM export gives the same plan through plan --rates-from and Derive rates from History', () => {
  it('same rates, same replaced values, same warnings and the same funnel', () => {
    const cli = viaCli({ sourceMap: SOURCE_MAP, unmappedSource: ALL_OTHERS });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    const json = JSON.parse(cli.stdout);
    const sheets = viaSheets([...Object.entries(SOURCE_MAP), ['*', ALL_OTHERS]]);
    expect(sheets.outcome.ok).toBe(true);

    // By hand. marketing ("inbound marketing" + "Organic Search"): SQL 5 → opp 3 → won 2:
    // 3/5 = 0.6, 2/3 → 0.6667; lead and mql go through the empty MQL column: the typed 0.3, 0.4 stay.
    // outbound ("Offline Sources" + "Outbound"): SQL 6 → opp 4 → won 2: 0.6667, 0.5.
    // partner ("Referral"): SQL 2 → opp 1 → won 1: 0.5, 1 (a small sample, used).
    const expected = {
      marketing: { lead: 0.3, mql: 0.4, sql: 0.6, opportunity: 0.6667 },
      outbound: { sql: 0.6667, opportunity: 0.5 },
      partner: { sql: 0.5, opportunity: 1 },
    };
    expect(sheets.rates).toEqual(expected);
    const cliRates = Object.fromEntries(
      Object.entries(json.history.rates as Record<string, Record<string, { rate: number }>>).map(([id, byStage]) => [id, Object.fromEntries(Object.entries(byStage).map(([k, v]) => [k, v.rate]))]),
    );
    expect(cliRates).toEqual({ marketing: { sql: 0.6, opportunity: 0.6667 }, outbound: expected.outbound, partner: expected.partner });
    expect(json.history.rates.partner.opportunity).toMatchObject({ sample: 1, converted: 1, smallSample: true, from: ['Referral'] });
    expect(json.history.rates.marketing.sql).toMatchObject({ previous: 0.5, from: expect.arrayContaining(['inbound marketing', 'Organic Search']) });
    expect(json.history.sourceMatches).toEqual({
      'inbound marketing': { planSource: 'marketing', by: 'name' },
      'Organic Search': { planSource: 'marketing', by: 'sourceMap' },
      'Offline Sources': { planSource: 'outbound', by: 'sourceMap' },
      Outbound: { planSource: 'outbound', by: 'id' },
      Referral: { planSource: 'partner', by: 'unmappedSource' },
    });

    // 250 won → 250 / 0.6667 = 374.98 → 375 opp → 625 SQL → 625 / 0.4 = 1562.5 → 1563 MQL → 5210 leads;
    // 100 won → 200 opp → 200 / 0.6667 = 299.985 → 300 SQL; 80 won → 80 opp → 160 SQL.
    expect(json.funnel.bySource.marketing).toMatchObject({ lead: 5210, mql: 1563, sql: 625, opportunity: 375, won: 250 });
    expect(json.funnel.bySource.outbound).toMatchObject({ sql: 300, opportunity: 200, won: 100 });
    expect(json.funnel.bySource.partner).toMatchObject({ sql: 160, opportunity: 80, won: 80 });
    expect(sheets.funnel).toEqual(json.funnel);

    // The same replaced values (History summary: plan source, stage, from, previous, rate) and the same kept-rate warnings.
    expect(sheets.summary).toEqual(expect.arrayContaining([expect.stringMatching(/^marketing\|SQLs\|inbound marketing, Organic Search\|0\.5\|0\.6\|/), expect.stringMatching(/^partner\|Opportunities\|Referral\|0\.3\|1\|/)]));
    const kept = (json.history.warnings as string[]).filter((w) => w.includes("kept the plan's own"));
    expect(kept).toHaveLength(2);
    for (const line of kept) expect(sheets.summary.map((row) => row.replace(/\|+$/, ''))).toContain(line);
  });

  it('a CRM source no rule places stops both, naming it, and changes nothing', () => {
    const cli = viaCli({ sourceMap: SOURCE_MAP });
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('CRM sources not mapped to a plan source: "Referral"; no plan source has their id or name. Map them in history.sourceMap');
    const sheets = viaSheets(Object.entries(SOURCE_MAP));
    expect(sheets.outcome).toMatchObject({ ok: false, message: expect.stringContaining('CRM sources not mapped to a plan source: "Referral"; no plan source has their id or name. On the "Source map" sheet') });
    expect(sheets.outcome.message).not.toMatch(/--|history\.sourceMap/);
    expect(sheets.inputsChanged).toBe(false);
    expect(sheets.rates).toEqual(Object.fromEntries(PLAN.sources.map((s) => [s.id, s.conversionRates])));
  });
});
