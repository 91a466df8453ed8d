/**
 * After a user moves a section of the Inputs sheet (or inserts rows and columns inside one) and
 * regenerates, the Funnel and Summary formulas and the named ranges point at the cells where the
 * inputs are now: HyperFormula recalculates every formula to the engine's numbers, and an edit of
 * a moved input cell flows through. The plan is the template without its marketing channels: a
 * source split into channels is written as values (each channel rounds up on its own), and these
 * tests are about the formulas.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import type { PlanInput } from '../../../src/core/planInput';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { cellAddress } from '../../../src/workbook/a1';
import { effectiveKinds, inputsNamedRanges } from '../../../src/workbook/layouts/inputsLayout';
import type { LayoutInput } from '../../../src/workbook/layouts/layoutInput';
import { OUTPUT_LAYOUTS, planLayouts } from '../../../src/workbook/layouts/planLayouts';
import { MemoryWorkbook } from '../../support/memoryWorkbook';
import type { CellValue } from '../../../src/workbook/port';
import { readInputs } from '../../../src/workbook/readInputs';
import { writeLayouts } from '../../../src/workbook/writeLayouts';
import { formulaMismatches, loadIntoHyperFormula, sameValue } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';
import { cutPaste, insertColumn, insertRow } from '../../support/sheetEdits';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };
const SOURCES_SECTION = { row: 11, col: 1, rows: 7, cols: 4 };

/** The template, every source one funnel: each Funnel number a live formula. */
function livePlanInput(): PlanInput {
  const input = defaultPlanInput();
  input.sources.forEach((s) => delete s.channels);
  return input;
}

function defaultInputsValues(): CellValue[][] {
  const outcome = plan(livePlanInput());
  if (!outcome.ok) throw new Error('default plan');
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP }), STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}

/** An .xlsx whose Inputs sheet holds `values`, regenerated as Generate does: output sheets against the geometry read, names re-pointed. */
function regenerated(values: CellValue[][]): { workbook: ExcelJS.Workbook; book: ExcelWorkbook; input: LayoutInput } {
  const book = new ExcelWorkbook();
  book.addSheet('Inputs');
  const width = Math.max(...values.map((r) => r.length));
  book.writeBlock('Inputs', { row: 1, col: 1, cells: values.map((r) => Array.from({ length: width }, (_, c) => (r[c] === null || r[c] === undefined ? null : { value: r[c] }))) });
  const reading = readInputs(book);
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  const outcome = plan(reading.input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const input: LayoutInput = { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP, inputsGeometry: reading.geometry };
  writeLayouts(book, OUTPUT_LAYOUTS.map((layout) => layout(input)), STAMP);
  book.setNamedRanges(inputsNamedRanges(reading.geometry, effectiveKinds(input)));
  return { workbook: book.workbook, book, input };
}

/** By hand from the template (memoryLayouts.test.ts): 12,800 leads, 2,948 SQLs, 360 won deals, marketing delivers 1,280 SQLs. */
const DEFAULT_NUMBERS = { leads: 12_800, sqls: 2_948, won: 360, marketingTarget: 1_280, marketingShare: 0.4 };

function recalculated(values: CellValue[][]) {
  const { workbook, input } = regenerated(values);
  const hf = loadIntoHyperFormula(workbook);
  const funnelTotal = (k: number) => hf.value('Funnel', cellAddress(6 + k, 2 + input.plan.sources.length));
  return { hf, input, funnelTotal };
}

/** Eight blank rows inserted below the rates, moving Timing and the sections after it down: room for the Sources section. */
function roomBelowRates(): CellValue[][] {
  let values = defaultInputsValues();
  for (let i = 0; i < 8; i++) values = insertRow(values, 26);
  return values;
}

const CASES: [string, () => CellValue[][]][] = [
  ['the Sources section moved below the rates', () => cutPaste(roomBelowRates(), SOURCES_SECTION, 26, 1)],
  ['the Sources section pasted beside the Plan, from column F', () => cutPaste(defaultInputsValues(), SOURCES_SECTION, 5, 6)],
  ['a row inserted in the Plan section and a blank row among the stages', () => insertRow(insertRow(defaultInputsValues(), 8), 22)],
  ['a blank column inserted between the two sources', () => insertColumn(defaultInputsValues(), 3)],
];

describe('regenerating after the Inputs sheet was rearranged', () => {
  it.each(CASES)('%s: every formula recalculates to the same numbers', (_name, values) => {
    const { hf, funnelTotal } = recalculated(values());
    expect(formulaMismatches(hf)).toEqual([]);
    expect([funnelTotal(0), funnelTotal(2), funnelTotal(4)]).toEqual([DEFAULT_NUMBERS.leads, DEFAULT_NUMBERS.sqls, DEFAULT_NUMBERS.won]);
    expect(hf.value('Funnel', 'B14')).toBe(DEFAULT_NUMBERS.marketingTarget);
    expect(hf.value('Summary', 'B5')).toBe(DEFAULT_NUMBERS.marketingShare);
  });

  it.each(CASES)('%s: editing the moved cells recalculates the plan the engine gives for the edit', (_name, values) => {
    const { hf, input, funnelTotal } = recalculated(values());
    const g = input.inputsGeometry!;
    const at = (c: { row: number; col: number }) => cellAddress(c.row, c.col);
    hf.set('Inputs', at(g.revenueTarget), 20_000_000);
    hf.set('Inputs', at(g.sources[1].rates[2]), 0.5); // the second source's SQL → opportunity rate
    const edited = livePlanInput();
    edited.revenueTarget = 20_000_000;
    edited.sources[1].conversionRates.sql = 0.5;
    const outcome = plan(edited);
    if (!outcome.ok) throw new Error('edited plan');
    const stages = outcome.plan.stages;
    expect(stages.map((_, k) => funnelTotal(k))).toEqual(stages.map((s) => outcome.funnel.total.counts[s]));
    expect(hf.value('Funnel', 'B14')).toBe(outcome.funnel.marketingTarget?.count);
  });
});

describeWithLibreOffice('LibreOffice recalculates a regenerated workbook whose Inputs were rearranged to the same numbers', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-moved-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(CASES)('%s', async (name, values) => {
    const { book } = regenerated(values());
    const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.xlsx`);
    fs.writeFileSync(file, await book.toBuffer());
    const cached = await readFormulaCells(file);
    const computed = new Map((await readFormulaCells(await recalculateWithLibreOffice(file))).map((c) => [`${c.sheet}!${c.address}`, c.result]));
    const differing = cached.filter((c) => !sameValue(c.result, computed.get(`${c.sheet}!${c.address}`)));
    expect(differing).toEqual([]);
    expect(cached.length).toBeGreaterThan(30);
  });
});
