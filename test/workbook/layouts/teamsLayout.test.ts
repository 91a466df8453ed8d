/** The Teams sheet: each team's work by month, quarter and FY, with the per-working-day rate, in every language. */
import { plan } from '../../../src/core/plan';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import type { Lang } from '../../../src/core/stages';
import { OUTPUT_LAYOUTS } from '../../../src/workbook/layouts/planLayouts';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import { teamsLayout } from '../../../src/workbook/layouts/teamsLayout';
import type { Cell } from '../../../src/workbook/port';
import { formulaMismatches, loadIntoHyperFormula } from '../../support/hyperformula';
import { WORKBOOK_PLANS } from '../../cli/xlsx/planPlans';

const STAMP = { version: 't', generatedOn: '2026-11-23' };

function inputOf(input: unknown, lang: Lang = 'en'): LayoutInput {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP };
}

/** Per channel 1,200 leads → 600 MQLs → 240 SQLs → 120 opportunities → 60 won (5 a month) over an even year from January 2027, no lag; marketing in two channels. */
const SMALL = {
  revenueTarget: 120_000,
  timing: { fiscalYearStart: '2027-01' },
  sources: [
    {
      id: 'marketing',
      kind: 'marketing',
      share: 1,
      avgDealSize: 1_000,
      conversionRates: { lead: 0.5, mql: 0.4, sql: 0.5, opportunity: 0.5 },
      channels: [
        { id: 'content', name: 'Content', share: 0.5, costPerLead: 100 },
        { id: 'events', name: 'Events', share: 0.5, costPerLead: 250 },
      ],
    },
  ],
};

function rows(input: LayoutInput): (Cell | null)[][] {
  return teamsLayout(input).blocks[0].cells.map((r) => [...r]);
}

describe('the Teams sheet', () => {
  it('is one of the output sheets', () => {
    expect(OUTPUT_LAYOUTS).toContain(teamsLayout);
  });

  it('marketing works 2,400 leads (200 a month), delivers 1,200 MQLs, its target 480 SQLs; January has 21 working days: 9.5 leads a day', () => {
    const cells = rows(inputOf(SMALL));
    const labels = cells.map((r) => r[0]?.value);
    const leads = labels.indexOf('works: Leads');
    expect(cells[leads].slice(1, 13).map((c) => c?.value)).toEqual(Array(12).fill(200));
    expect(cells[leads][17]).toMatchObject({ formula: `SUM(B${leads + 1}:M${leads + 1})`, value: 2400 });
    expect(cells[leads][13]).toMatchObject({ formula: `SUM(B${leads + 1}:D${leads + 1})`, value: 600 });
    expect(cells[leads + 1][1]?.value).toBe(9.5); // 200 / 21 = 9.52…
    expect(cells[leads + 1][1]?.format).toBe('0.0');
    expect(cells[labels.indexOf('delivers: MQLs')][17]?.value).toBe(1200);
    expect(cells[labels.indexOf('target: SQLs')][17]?.value).toBe(480);
    expect(labels).toEqual(expect.arrayContaining(['Marketing', 'SDR', 'AE', 'CSM', 'Budget', 'Channel Content', 'Channel Events']));
    // Budget: content 1,200 leads × 100 + events 1,200 × 250 = 420,000.
    expect(cells[labels.indexOf('Budget')][17]?.value).toBe(420_000);
    expect(cells[labels.indexOf('  Budget')][17]?.value).toBe(120_000);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('speaks %s', (lang) => {
    const labels = rows(inputOf(SMALL, lang)).map((r) => r[0]?.value);
    expect(labels).toContain(lang === 'zh-CN' ? '市场部' : '市場部');
    expect(labels.join(' ')).not.toMatch(/works|delivers|Budget|Working days/);
  });

  it('HyperFormula recalculates its quarters and FY to the cached values', async () => {
    const book = await ExcelWorkbook.fromBuffer(await planXlsx(inputOf(WORKBOOK_PLANS.timedWithLag)));
    const loaded = loadIntoHyperFormula(book.workbook);
    expect(loaded.formulaCells.filter((c) => c.sheet === 'Teams').length).toBeGreaterThan(20);
    expect(formulaMismatches(loaded).filter((m) => m.sheet === 'Teams')).toEqual([]);
  });
});
