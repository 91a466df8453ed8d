/**
 * A source split into channels is live on the Funnel sheet: one row per channel below the
 * headline, reverse-funnelled from its own row of the Inputs Channels list (a blank deal size or
 * rate there is the source's), and the source's cells the sums of its channels' rows. Editing a
 * channel's inputs — or its source's, which it inherits — and recalculating (HyperFormula;
 * LibreOffice, a real spreadsheet engine) gives the engine's Funnel and Summary for the edited plan.
 */
import { writeFileSync } from 'node:fs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { plan } from '../../../src/core/plan';
import type { PlanInput } from '../../../src/core/planInput';
import { ExcelWorkbook } from '../../../src/cli/xlsx/excelWorkbook';
import { planXlsx } from '../../../src/cli/xlsx/planXlsx';
import { cellAddress } from '../../../src/workbook/a1';
import { planLayouts } from '../../../src/workbook/layouts/planLayouts';
import { readInputs } from '../../../src/workbook/readInputs';
import { loadIntoHyperFormula, sameValue } from '../../support/hyperformula';
import { describeWithLibreOffice, disposeLibreOfficeProfile, readFormulaCells, recalculateWithLibreOffice } from '../../support/libreoffice';
import { WORKBOOK_PLANS } from './planPlans';

const STAMP = { version: '0.0.0-test', generatedOn: '2026-11-23' };
const BASE = WORKBOOK_PLANS.channelsWithTiming;

async function xlsxOf(input: unknown): Promise<Buffer> {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return planXlsx({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP });
}

/** The engine's value of every formula cell of the Funnel and Summary sheets for `input`, by "Sheet!A1". */
function engineCells(input: PlanInput): Map<string, unknown> {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  const cells = new Map<string, unknown>();
  for (const layout of planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP })) {
    if (layout.name !== 'Funnel' && layout.name !== 'Summary') continue;
    for (const block of layout.blocks) {
      block.cells.forEach((row, r) => row.forEach((cell, c) => cell?.formula !== undefined && cells.set(`${layout.name}!${cellAddress(block.row + r, block.col + c)}`, cell.value)));
    }
  }
  return cells;
}

/** Edits of a channel's inputs (and of a source's, which its channels inherit), on the sheet and in the plan. */
interface Edit {
  readonly name: string;
  /** Plan path → the new value (null: blank), as readInputs names the cell. */
  readonly cells: Readonly<Record<string, number | null>>;
  readonly plan: (p: any) => void;
}

const EDITS: readonly Edit[] = [
  {
    name: "a channel's own rate typed, another's cleared (it inherits the source's again)",
    cells: { 'sources[0].channels[2].conversionRates.opportunity': 0.35, 'sources[0].channels[1].conversionRates.lead': null },
    plan: (p) => {
      p.sources[0].channels[2].conversionRates.opportunity = 0.35;
      delete p.sources[0].channels[1].conversionRates;
    },
  },
  {
    name: "a channel's deal size cleared and another's typed; the source's deal size and lead rate changed",
    cells: { 'sources[0].channels[1].avgDealSize': null, 'sources[0].channels[2].avgDealSize': 12_500, 'sources[0].avgDealSize': 27_500, 'sources[0].conversionRates.lead': 0.2 },
    plan: (p) => {
      delete p.sources[0].channels[1].avgDealSize;
      p.sources[0].channels[2].avgDealSize = 12_500;
      p.sources[0].avgDealSize = 27_500;
      p.sources[0].conversionRates.lead = 0.2;
    },
  },
  {
    name: 'channel shares and the revenue target changed',
    cells: { 'sources[0].channels[0].share': 0.6, 'sources[0].channels[2].share': 0.1, revenueTarget: 9_100_000 },
    plan: (p) => {
      p.sources[0].channels[0].share = 0.6;
      p.sources[0].channels[2].share = 0.1;
      p.revenueTarget = 9_100_000;
    },
  },
];

/** The Inputs cell of a plan path, as readInputs finds it on the written workbook. */
async function cellsOf(buffer: Buffer): Promise<ReadonlyMap<string, string>> {
  const reading = readInputs(new ExcelWorkbook((await ExcelWorkbook.fromBuffer(buffer)).workbook));
  if (!reading.ok) throw new Error(reading.problems.join('\n'));
  return reading.cellOf;
}

const edited = (edit: Edit): PlanInput => {
  const copy = JSON.parse(JSON.stringify(BASE));
  edit.plan(copy);
  return copy;
};

describe('channels on the Funnel sheet', () => {
  it('one live row per channel, the split source the sum of its rows', async () => {
    const book = (await ExcelWorkbook.fromBuffer(await xlsxOf(BASE))).workbook;
    const funnel = book.getWorksheet('Funnel')!;
    const column = (col: number) => Array.from({ length: 24 }, (_, r) => funnel.getCell(r + 1, col).value);
    const labels = column(1);
    const header = labels.indexOf('Channel') + 1;
    expect(labels.slice(header, header + 3)).toEqual(['Marketing-sourced — channel Content', 'Marketing-sourced — channel Events', 'Marketing-sourced — channel SEM']);
    // The events channel's lead rate: its own 30 % when typed, else marketing's (Inputs B20).
    const events = funnel.getCell(header + 2, 2).value as ExcelJS.CellFormulaValue;
    expect(events.formula).toMatch(/IF\(Inputs!\$G\$\d+="",Inputs!\$B\$20,Inputs!\$G\$\d+\)/);
    // Marketing's leads on the Funnel: the sum of its three channel rows.
    expect((funnel.getCell('B6').value as ExcelJS.CellFormulaValue).formula).toBe(`SUM(B${header + 1}:B${header + 3})`);
  });

  it.each(EDITS)('$name: HyperFormula recalculates the engine\'s Funnel and Summary', async (edit) => {
    const buffer = await xlsxOf(BASE);
    const cellOf = await cellsOf(buffer);
    const loaded = loadIntoHyperFormula((await ExcelWorkbook.fromBuffer(buffer)).workbook);
    for (const [pathText, value] of Object.entries(edit.cells)) {
      const ref = cellOf.get(pathText);
      if (!ref) throw new Error(`no cell for ${pathText}`);
      loaded.set('Inputs', ref.split('!')[1], value);
    }
    const expectedCells = engineCells(edited(edit));
    const before = engineCells(BASE);
    expect([...expectedCells].filter(([ref, v]) => before.get(ref) !== v).length).toBeGreaterThan(3); // the edit moves the Funnel
    const wrong: string[] = [];
    for (const [ref, expected] of expectedCells) {
      const [sheet, address] = ref.split('!');
      const actual = loaded.value(sheet, address);
      if (!sameValue(expected, actual)) wrong.push(`${ref}: expected ${String(expected)}, got ${JSON.stringify(actual)}`);
    }
    expect(wrong).toEqual([]);
  });
});

describeWithLibreOffice('LibreOffice recalculates edited channel inputs to the engine', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-lo-channels-'));
  afterAll(async () => {
    await disposeLibreOfficeProfile();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it.each(EDITS)('$name', async (edit) => {
    const buffer = await xlsxOf(BASE);
    const cellOf = await cellsOf(buffer);
    const book = (await ExcelWorkbook.fromBuffer(buffer)).workbook;
    const inputs = book.getWorksheet('Inputs')!;
    for (const [pathText, value] of Object.entries(edit.cells)) inputs.getCell(cellOf.get(pathText)!.split('!')[1]).value = value;
    const file = path.join(tmp, `${EDITS.indexOf(edit)}.xlsx`);
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    const computed = new Map((await readFormulaCells(await recalculateWithLibreOffice(file))).map((c) => [`${c.sheet}!${c.address}`, c.result]));
    const wrong: string[] = [];
    for (const [ref, expected] of engineCells(edited(edit))) {
      const actual = computed.get(ref);
      const same = typeof expected === 'number' && typeof actual === 'number' ? Math.abs(expected - actual) <= 1e-9 * Math.max(1, Math.abs(expected)) : expected === actual;
      if (!same) wrong.push(`${ref}: expected ${String(expected)}, LibreOffice ${JSON.stringify(actual)}`);
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
