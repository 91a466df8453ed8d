import ExcelJS from 'exceljs';
import { plan } from '../../../src/core/plan';
import { PlanInput } from '../../../src/core/planInput';
import { validatePlan } from '../../../src/core/validatePlan';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { funnelGeometry } from '../../../src/workbook/layouts/funnelLayout';
import { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import { planLayouts } from '../../../src/workbook/layouts/planLayouts';
import { readInputs } from '../../../src/workbook/readInputs';
import { cellAddress } from '../../../src/workbook/a1';
import { formulaMismatches, loadIntoHyperFormula, sameValue } from '../../support/hyperformula';
import { WORKBOOK_PLANS } from './planPlans';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-11-23' };

function layoutInputOf(input: unknown): LayoutInput {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP };
}

async function workbookOf(input: unknown): Promise<ExcelJS.Workbook> {
  return (await ExcelWorkbook.fromBuffer(await planXlsx(layoutInputOf(input)))).workbook;
}

describe.each(Object.entries(WORKBOOK_PLANS))('the %s plan as .xlsx', (_name, input) => {
  it('every formula evaluates (HyperFormula) to the engine number cached in the file', async () => {
    const loaded = loadIntoHyperFormula(await workbookOf(input));
    expect(loaded.formulaCells.length).toBeGreaterThan(10);
    expect(formulaMismatches(loaded)).toEqual([]);
  });

  it('round-trips: the Inputs sheet reads back as the same plan', async () => {
    const book = new ExcelWorkbook(await workbookOf(input));
    const reading = readInputs(book);
    if (!reading.ok) throw new Error(reading.problems.join('; '));
    const again = validatePlan(reading.input);
    const original = validatePlan(input);
    if (!again.ok || !original.ok) throw new Error('both should be valid');
    const strip = (p: typeof original.plan) => ({
      ...p,
      sources: p.sources.map((s) => ({ ...s, kind: s.kind ?? (s.id === 'marketing' ? 'marketing' : undefined) })),
    });
    expect(strip(again.plan)).toEqual(strip(original.plan));
  });
});

describe('live formulas', () => {
  /** The Funnel and Summary values the engine gives for `edited`, by address. */
  function expectedCells(edited: PlanInput): Map<string, unknown> {
    const cells = new Map<string, unknown>();
    for (const layout of planLayouts(layoutInputOf(edited))) {
      // Monthly and Teams hold the engine's month values, which only a new run redoes (their check column flags the edit).
      if (layout.kind !== 'funnel' && layout.kind !== 'summary') continue;
      for (const block of layout.blocks) {
        block.cells.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (cell?.formula !== undefined) cells.set(`${layout.name}!${cellAddress(block.row + r, block.col + c)}`, cell.value);
          }),
        );
      }
    }
    return cells;
  }

  function expectRecalculatedTo(loaded: ReturnType<typeof loadIntoHyperFormula>, edited: PlanInput): void {
    const wrong: string[] = [];
    for (const [ref, expected] of expectedCells(edited)) {
      const [sheet, address] = ref.split('!');
      const actual = loaded.value(sheet, address);
      if (!sameValue(expected, actual)) wrong.push(`${ref}: expected ${String(expected)}, got ${JSON.stringify(actual)}`);
    }
    expect(wrong).toEqual([]);
  }

  // Every Funnel number of this plan is a formula; the template's own marketing column is its channels' sums (below).
  const base = WORKBOOK_PLANS.defaultWithoutChannels;
  const edit = (f: (p: any) => void): PlanInput => {
    const copy = JSON.parse(JSON.stringify(base));
    f(copy);
    return copy;
  };

  it('a rate edited on Inputs recalculates the Funnel and Summary like the engine', async () => {
    const loaded = loadIntoHyperFormula(await workbookOf(base));
    expect(loaded.value('Funnel', 'B6')).toBe(12_800);
    loaded.set('Inputs', 'B20', 0.2); // marketing lead → MQL from 25% to 20%
    expect(loaded.value('Funnel', 'B6')).toBe(16_000);
    expectRecalculatedTo(loaded, edit((p) => (p.sources[0].conversionRates.lead = 0.2)));
    // The months still add up to the 12,800 leads planned: Monthly's difference column says 12,800 − 16,000.
    expect([loaded.value('Monthly', 'A9'), loaded.value('Monthly', 'W5'), loaded.value('Monthly', 'W9')]).toEqual(['Leads', 'Difference', -3_200]);
  });

  it('the target, a share, a deal size and an entry stage all recalculate', async () => {
    const loaded = loadIntoHyperFormula(await workbookOf(base));
    loaded.set('Inputs', 'B7', 12_345_678);
    loaded.set('Inputs', 'B15', 0.45);
    loaded.set('Inputs', 'C15', 0.55);
    loaded.set('Inputs', 'C16', 31_234.5);
    loaded.set('Inputs', 'C17', 'opportunity');
    expectRecalculatedTo(
      loaded,
      edit((p) => {
        p.revenueTarget = 12_345_678;
        p.sources[0].share = 0.45;
        p.sources[1].share = 0.55;
        p.sources[1].avgDealSize = 31_234.5;
        p.sources[1].entryStage = 'opportunity';
      }),
    );
    const fg = funnelGeometry(5, 2);
    expect(loaded.value('Funnel', cellAddress(fg.firstStage + 2, 3))).toBe(0); // outbound SQLs now 0
  });

  it("the template's marketing source, split into channels, is live too: an edit on Inputs moves outbound, marketing's channels and the totals at once", async () => {
    const loaded = loadIntoHyperFormula(await workbookOf(WORKBOOK_PLANS.default));
    expect(formulaMismatches(loaded)).toEqual([]);
    loaded.set('Inputs', 'C22', 0.5); // outbound SQL → opportunity from 40% to 50%: 667 opportunities / 50%
    expect([loaded.value('Funnel', 'C8'), loaded.value('Funnel', 'D8')]).toEqual([1_334, 1_280 + 1_334]);
    // Marketing lead → MQL from 25% to 20%: its channels inherit it, 3,200 MQLs (1,600 + 960 + 640) / 20%.
    loaded.set('Inputs', 'B20', 0.2);
    expect(loaded.value('Funnel', 'B6')).toBe(16_000);
    const edited = JSON.parse(JSON.stringify(WORKBOOK_PLANS.default));
    edited.sources[1].conversionRates.sql = 0.5;
    edited.sources[0].conversionRates.lead = 0.2;
    expectRecalculatedTo(loaded, edited);
  });

  it('a source re-marked as marketing moves the headline', async () => {
    const loaded = loadIntoHyperFormula(await workbookOf(base));
    loaded.set('Inputs', 'C14', 'marketing');
    expect(loaded.value('Funnel', 'B14')).toBe(1_280 + 1_668);
  });
});

describe('the workbook a finance user opens', () => {
  it('has the sheets, named ranges, formats, validation, frozen panes and the generated line', async () => {
    const wb = await workbookOf(WORKBOOK_PLANS.default);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Summary', 'visible'],
      ['Funnel', 'visible'],
      ['Monthly', 'visible'],
      ['Teams', 'visible'],
      ['Headcount', 'visible'],
      ['Bonus', 'visible'],
      ['Confidence', 'visible'],
      ['Diagnosis', 'visible'],
      ['Inputs', 'visible'],
      ['_funnel_planner', 'veryHidden'],
    ]);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const byName = Object.fromEntries(names.map((n) => [n.name, n.ranges[0]]));
    expect(byName).toMatchObject({ RevenueTarget: 'Inputs!$B$7', MarketingShare: 'Inputs!$B$15', Stages: 'Inputs!$A$20:$A$24', MarketingTarget: 'Funnel!$B$14' });
    const inputs = wb.getWorksheet('Inputs')!;
    expect(inputs.getCell('B7').numFmt).toBe('"$"#,##0');
    expect(inputs.getCell('B15').numFmt).toBe('0.0%');
    expect(inputs.getCell('B15').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 1] });
    expect(inputs.getCell('B17').dataValidation).toMatchObject({ type: 'list', formulae: ['Inputs!$A$20:$A$24'] });
    expect(inputs.getCell('A7').note).toBeTruthy();
    const funnel = wb.getWorksheet('Funnel')!;
    expect(funnel.views[0]).toMatchObject({ state: 'frozen', ySplit: 5, xSplit: 1 });
    expect(funnel.getCell('B6').numFmt).toBe('#,##0');
    expect(String(funnel.getCell('A2').value)).toBe('Generated by Funnel Planner 0.0.0-test on 2026-11-23');
    expect(String(wb.getWorksheet('Summary')!.getCell('A2').value)).toContain('Funnel Planner');
  });

  it('stores formula-like user text as literal text', async () => {
    const hostile = JSON.parse(JSON.stringify(WORKBOOK_PLANS.default));
    const texts = ['=HYPERLINK("http://evil.example","click")', '+SUM(1,2)', '-2+3', '@cmd', '\tTAB', '\rCR', '\nLF'];
    hostile.name = texts[0];
    hostile.sources[0].name = texts[1];
    hostile.sources[1].name = texts[2];
    hostile.sources[0].id = texts[3];
    hostile.currency = 'USD';
    const wb = await workbookOf(hostile);
    const inputs = wb.getWorksheet('Inputs')!;
    for (const address of ['B6', 'B12', 'B13', 'C13']) {
      expect(typeof inputs.getCell(address).value).toBe('string');
      expect(inputs.getCell(address).formula).toBeUndefined();
    }
    const reading = readInputs(new ExcelWorkbook(wb));
    if (!reading.ok) throw new Error('readable');
    expect(reading.input.name).toBe(texts[0]);
    const sources = reading.input.sources as { id: string; name: string }[];
    expect(sources.map((s) => s.name)).toEqual([texts[1], texts[2]]);
    expect(sources[0].id).toBe(texts[3]);
    const loaded = loadIntoHyperFormula(wb);
    expect(loaded.value('Inputs', 'B6')).toBe(texts[0]);
    expect(formulaMismatches(loaded)).toEqual([]);
  });

  it('writes Chinese labels with --lang zh-CN, and reads them back', async () => {
    const input = { ...layoutInputOf(WORKBOOK_PLANS.bql), lang: 'zh-CN' as const };
    const book = await ExcelWorkbook.fromBuffer(await planXlsx(input));
    expect(book.workbook.getWorksheet('Inputs')!.getCell('A7').value).toBe('年度营收目标');
    const reading = readInputs(book);
    expect(reading.ok).toBe(true);
  });

  it('writes traditional Chinese labels with --lang zh-TW, and reads them back as the same plan', async () => {
    const input = { ...layoutInputOf(WORKBOOK_PLANS.bql), lang: 'zh-TW' as const };
    const book = await ExcelWorkbook.fromBuffer(await planXlsx(input));
    const inputs = book.workbook.getWorksheet('Inputs')!;
    expect(inputs.getCell('A7').value).toBe('年度營收目標');
    const column = (sheet: string) => book.workbook.getWorksheet(sheet)!.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(column('Funnel')).toEqual(expect.arrayContaining(['線索', '商機', '成交客戶']));
    const reading = readInputs(book);
    expect(reading.ok).toBe(true);
    const english = readInputs(await ExcelWorkbook.fromBuffer(await planXlsx({ ...input, lang: 'en' })));
    expect(reading.ok && english.ok && reading.input).toEqual(english.ok && english.input);
  });
});
