/**
 * `plan --rates-from --json` phases on the export's won records (design.md §7): the lag from
 * each stage is the distribution of whole-month lags, and seasonality "history" the won
 * dates per calendar month in FY month order. Monthly numbers computed by hand.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli';
import { LAG_CSV, OPPORTUNITY_LAG, SQL_LAG } from '../core/history/lagFixture';

const dir = mkdtempSync(join(tmpdir(), 'fp-history-lag-'));
const at = (name: string) => join(dir, name);

// 12 won a year (1,200,000 / 100,000); every SQL of the export is won, so both rates are 1.
const PLAN = {
  revenueTarget: 1_200_000,
  stages: ['sql', 'opportunity', 'won'],
  sources: [{ id: 'web', name: 'Web', kind: 'sales', share: 1, avgDealSize: 100_000, entryStage: 'sql', conversionRates: {} }],
  timing: { fiscalYearStart: '2027-01' },
};

/** Won in March (3) and December (1) only, with stage dates 10 days before. */
const SEASONAL_CSV = [
  'Record ID,Original Source,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date',
  '1,Web,2024-03-01,2024-03-05,2024-03-20',
  '2,Web,2024-03-02,2024-03-06,2024-03-21',
  '3,Web,2023-03-01,2023-03-05,2023-03-11',
  '4,Web,2024-12-01,2024-12-05,2024-12-11',
].join('\n');

beforeAll(() => {
  writeFileSync(at('export.csv'), LAG_CSV);
  writeFileSync(at('seasonal.csv'), SEASONAL_CSV);
  writeFileSync(at('plan.json'), JSON.stringify(PLAN));
  writeFileSync(at('seasonal-plan.json'), JSON.stringify({ ...PLAN, timing: { fiscalYearStart: '2027-04', seasonality: 'history' } }));
});

const months = (first: string, values: number[]): Record<string, number> => {
  const [y, m] = first.split('-').map(Number);
  return Object.fromEntries(values.map((v, i) => {
    const a = y * 12 + m - 1 + i;
    return [`${Math.floor(a / 12)}-${String((a % 12) + 1).padStart(2, '0')}`, v];
  }));
};

describe('plan --rates-from: lag and seasonality from the won records', () => {
  it('phases SQLs by the measured lag distribution', () => {
    const r = runCli(['plan', at('plan.json'), '--rates-from', at('export.csv'), '--all-records', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.funnel.bySource.web.counts).toEqual({ sql: 12, opportunity: 12, won: 12 });
    expect(json.timing.lag.web).toBe('history');
    // q(sql) = 1, 2, 3, 4 tenths at 0–3 months; W = 1 a month. v(t) = Σ q(j) W(t + j):
    // 2026-10 0.4, -11 0.7, -12 0.9, 2027-01…09 1 each, -10 0.6, -11 0.3, -12 0.1 (sum 12).
    // Floors give 9; the 3 left go to the largest remainders 0.9, 0.7, 0.6.
    expect(json.timing.months[0]).toBe('2026-10');
    expect(json.monthly.bySource.web.sql.thisYear).toEqual(months('2026-10', [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0]));
    // Next year's 12 deals (steady state) need 0.4, 0.7, 0.9 in Oct–Dec: the same split shifted a year.
    expect(json.monthly.bySource.web.sql.nextYear).toEqual(months('2027-01', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]));
    expect(json.monthly.bySource.web.won.thisYear).toEqual(months('2026-10', [0, 0, 0, ...Array(12).fill(1)]));
    expect(json.history.lagMonths.web).toEqual({ sql: SQL_LAG, opportunity: OPPORTUNITY_LAG });
    expect(json.history.lags.web).toEqual({
      sql: { counts: SQL_LAG, sample: 10, used: true },
      opportunity: { counts: OPPORTUNITY_LAG, sample: 11, used: true },
    });
    expect(json.history.wonByCalendarMonth.overall).toEqual([3, 1, 1, 0, 2, 1, 0, 1, 1, 0, 0, 1]);
    expect(json.history.warnings).toContain('1 record is won in a month before it reached sql; left out of the sales-cycle lag from sql.');
  });

  it('seasonality "history" puts the wins in the FY months of the export\'s won months; stage days filled from medians', () => {
    const r = runCli(['plan', at('seasonal-plan.json'), '--rates-from', at('seasonal.csv'), '--all-records', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    // FY from April: December is FY month 8, March FY month 11; weights 1 and 3 of 12 wins.
    expect(json.history.seasonality).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 3]);
    const won = json.monthly.bySource.web.won.thisYear;
    expect(won['2027-12']).toBe(3);
    expect(won['2028-03']).toBe(9);
    expect(Object.values(won).reduce((a: number, b) => a + (b as number), 0)).toBe(12);
    // 4 won records: too few for a lag, so the lag comes from the export's median stage days.
    expect(json.history.lags.web.sql).toEqual({ counts: [4], sample: 4, used: false });
    expect(json.history.stageDaysFilled).toEqual([
      { source: 'web', stage: 'sql', days: 4, sample: 4 },
      // opportunity → won 15, 15, 6 and 6 days: median 10.5.
      { source: 'web', stage: 'opportunity', days: 10.5, sample: 4 },
    ]);
    expect(json.timing.lag.web).toBe('stageDays');
    // 4 + 10.5 = 14.5 days from SQL to won → 0.48 months → 0: SQLs follow the wins.
    expect(json.monthly.bySource.web.sql.thisYear['2027-12']).toBe(3);
    expect(json.history.warnings.join('\n')).toContain('only 4 won records measured the lag from sql (under 10)');
  });
});

describe('plan --rates-from --out: the Monthly sheet shows the months the JSON does', () => {
  it('puts the SQLs of the measured lag distribution on the sheet, month for month as in --json', async () => {
    const out = at('lagged.xlsx');
    const args = ['plan', at('plan.json'), '--rates-from', at('export.csv'), '--all-records'];
    expect(runCli([...args, '--out', out]).status).toBe(0);
    const json = JSON.parse(runCli([...args, '--json']).stdout);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Monthly')!;
    // The Total block's first "SQLs" row, under "For this year's deals": one cell per month from column B.
    let sqlRow = 0;
    sheet.eachRow((row, n) => {
      if (!sqlRow && row.getCell(1).value === 'SQLs') sqlRow = n;
    });
    const months = json.timing.months as string[];
    const onSheet = months.map((_, i) => sheet.getRow(sqlRow).getCell(2 + i).value);
    // 0, 1, 1, 1 … 1, 0, 0 from 2026-10: the lag distribution, not one median lag.
    expect(onSheet).toEqual(months.map((m) => json.monthly.total.sql.thisYear[m]));
    // The lags are on its Inputs sheet, so the workbook alone plans the same months again, without the export.
    const inputs = book.getWorksheet('Inputs')!;
    let lagRow = 0;
    inputs.eachRow((row, n) => {
      if (!lagRow && row.getCell(1).value === 'Lag to won (from history)') lagRow = n;
    });
    expect([inputs.getRow(lagRow + 1).getCell(2).value, inputs.getRow(lagRow + 2).getCell(2).value]).toEqual(['1, 2, 3, 4', '10, 0, 0, 1']);
    const again = runCli(['plan', out, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).monthly).toEqual(json.monthly);
  });
});
