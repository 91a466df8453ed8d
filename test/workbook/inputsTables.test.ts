/**
 * The Inputs sheet as titled tables: one spec writes a section and reads it back, wherever the
 * user moved it, with rows inserted, blank columns between sources and notes beside it; what is
 * missing is named with where it was looked for; a new section shifts nothing.
 */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import type { PlanInput } from '../../src/core/planInput';
import type { Lang } from '../../src/core/stages';
import { validatePlan } from '../../src/core/validatePlan';
import { Grid } from '../../src/workbook/grid';
import { areaAddress } from '../../src/workbook/a1';
import { inputsGeometry } from '../../src/workbook/layouts/inputsGeometry';
import { inputsLayout } from '../../src/workbook/layouts/inputsLayout';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import { MemoryWorkbook, inputsBookOf } from '../support/memoryWorkbook';
import type { CellValue } from '../../src/workbook/port';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { INPUTS_TABLES } from '../../src/workbook/tables/inputsTables';
import { readTables } from '../../src/workbook/tables/readTables';
import type { TableSpec } from '../../src/workbook/tables/tableSpec';
import { writeTables } from '../../src/workbook/tables/writeTables';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { cutPaste, insertColumn, insertRow } from '../support/sheetEdits';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };

/** The template with its marketing source in one piece: no Channels columns to the right of the sources. */
function withoutChannels(): PlanInput {
  const input = defaultPlanInput();
  input.sources.forEach((s) => delete s.channels);
  return input;
}

function writtenValues(lang: Lang = 'en', input: PlanInput = defaultPlanInput()): CellValue[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP }), STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}


/** The plan as read from a sheet, validated. */
function readPlan(values: CellValue[][], lang: Lang = 'en') {
  const reading = readInputs(inputsBookOf(values), 'Inputs', lang);
  if (!reading.ok) throw new Error(reading.problems.join('; '));
  const checked = validatePlan(reading.input);
  if (!checked.ok) throw new Error(checked.errors.map((e) => formatCellError(e, reading.cellOf)).join('; '));
  return { reading, plan: checked.plan };
}

const SOURCES_SECTION = { row: 11, col: 1, rows: 7, cols: 4 }; // title, six fields; labels, two sources, total
const defaultPlan = () => readPlan(writtenValues()).plan;

describe('the table model', () => {
  it('writes the default sections where they always were: Plan at row 5, Sources at 11, rates at 19', () => {
    const g = inputsGeometry(5, 2);
    expect(g.revenueTarget).toEqual({ row: 7, col: 2 });
    expect(g.sources[1].share).toEqual({ row: 15, col: 3 });
    expect(g.sources[1].rates.map((c) => c.row)).toEqual([20, 21, 22, 23]);
    expect(g.stages).toEqual([20, 21, 22, 23, 24].map((row) => ({ row, col: 1 })));
    expect(g.shareTotal).toEqual({ row: 15, col: 4 });
  });

  it('keeps the look: titles, shaded input cells, notes and validation where they were; the rates now head their columns "Source n"', () => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('default plan');
    const layout = inputsLayout({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP });
    const cell = (row: number, col: number) => layout.blocks[0].cells[row - 1]?.[col - 1];
    expect(cell(5, 1)).toMatchObject({ value: 'Plan', style: { bold: true } });
    expect(cell(7, 1)).toMatchObject({ value: 'Revenue target', note: 'Annual revenue target, greater than 0.' });
    expect(cell(7, 2)).toMatchObject({ value: 10_000_000, style: { background: '#fff8e1' }, format: '"$"#,##0' });
    expect(cell(11, 2)).toMatchObject({ value: 'Source 1', style: { bold: true, align: 'center' } });
    expect(cell(15, 4)).toMatchObject({ formula: 'SUM(B15:C15)', value: 1 });
    expect(cell(19, 1)).toMatchObject({ value: 'Conversion rate to the next stage', note: expect.stringContaining('Share of records') });
    expect([cell(19, 2)?.value, cell(19, 3)?.value]).toEqual(['Source 1', 'Source 2']);
    expect(cell(20, 1)).toMatchObject({ value: 'lead', note: 'Leads' });
    expect(cell(24, 2)).toMatchObject({ value: '(won stage)', style: { italic: true } });
    expect(layout.validations.map((v) => [v.kind, areaAddress(v.area), v.kind === 'listFromRange' ? areaAddress(v.source) : ''])).toEqual([
      ['number', 'B7', ''],
      ['listFromRange', 'B9', 'A20:A24'],
      ['list', 'B14:C14', ''],
      ['number', 'B15:C15', ''],
      ['number', 'B16:C16', ''],
      ['listFromRange', 'B17:C17', 'A20:A24'],
      ['number', 'B20:C23', ''],
      // Timing, seasonality, stage days (the lags are text), the deal size spread and the template's three marketing channels, one row each
      // under the headers Source id … Average deal size, Rate from lead … Rate from opportunity.
      ['number', 'B28', ''],
      ['number', 'B32:M32', ''],
      ['number', 'B35:C38', ''],
      // The deal size spread row (the rate ranges are text).
      ['number', 'B56:C56', ''],
      // The Benchmarks list: its stages (a drop-down of the rate rows' stages), lows and highs.
      ['listFromRange', 'A60:A63', 'A20:A24'],
      ['number', 'B60:B63', ''],
      ['number', 'C60:C63', ''],
      ['number', 'D67:D69', ''],
      ['number', 'E67:E69', ''],
      ['number', 'F67:F69', ''],
      ['number', 'G67:J69', ''],
      // The Headcount section's full-cycle rep capacity; the Roles list, one row per default role: the driver keyword,
      // capacity, attrition, lead time, cost, current staff, the ramp.
      ['number', 'B75', ''],
      ['list', 'C84:C97', ''],
      ['number', 'F84:F97', ''],
      ['number', 'G84:G97', ''],
      ['number', 'H84:H97', ''],
      ['number', 'I84:I97', ''],
      ['number', 'J84:J97', ''],
      ['number', 'K84:P97', ''],
      // The Bonus sections (the template has a pool): the buckets' shares of the pool and the KPIs' weights.
      ['number', 'C111:C114', ''],
      ['number', 'C132:C140', ''],
    ]);
    expect(cell(65, 1)).toMatchObject({ value: 'Channels', note: expect.stringContaining('one row each') });
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((c) => cell(66, c)?.value)).toEqual([
      'Source id',
      'Channel id',
      'Channel name',
      "Share of the source's revenue",
      'Cost per lead',
      'Average deal size (optional)',
      'Rate from lead',
      'Rate from opportunity',
    ]);
    expect(cell(66, 7)).toMatchObject({ note: "Leads to the next stage for this channel (0–100%); blank: the source's rate.", style: { bold: true } });
    expect(layout.conditionalFormats).toEqual([expect.objectContaining({ area: { row: 15, col: 4, rows: 1, cols: 1 }, kind: 'notEqual' })]);
  });

  it('reads back exactly what it wrote: the same places, from the same specs', () => {
    const grid = new Grid();
    const content = { records: 3, keys: ['a', 'b', 'c'].map((key) => ({ key })), cell: (row: string, j: number) => (row === 'c' ? '(won stage)' : `${row}${j}`) };
    const contents = Object.fromEntries(INPUTS_TABLES.map((t) => [t.id, content]));
    const written = writeTables(INPUTS_TABLES, contents, grid, { lang: 'en', sheet: 'Inputs', formats: {}, startRow: 3, startCol: 2 });
    const values = grid.toBlock().cells.map((r) => r.map((c) => c?.value ?? null));
    const read = readTables(INPUTS_TABLES, values, 'Inputs');
    expect(read.problems).toEqual([]);
    expect([...read.places.values()]).toEqual([...written.places.values()]);
  });

  it('a new section is one more spec: the sections before it do not move', () => {
    const extra: TableSpec = { kind: 'keyValue', id: 'extra', title: 'historyFed', rows: [{ id: 'rate', label: 'fedRate', path: 'extra.rate', parse: 'value', required: true }] };
    const content = { records: 2, keys: ['a', 'b'].map((key) => ({ key })), cell: () => 1 };
    const contents = { ...Object.fromEntries(INPUTS_TABLES.map((t) => [t.id, content])), extra: content };
    const options = { lang: 'en' as const, sheet: 'Inputs', formats: {}, startRow: 5 };
    const beforeGrid = new Grid();
    const before = writeTables(INPUTS_TABLES, contents, beforeGrid, options).places;
    const grid = new Grid();
    const after = writeTables([...INPUTS_TABLES, extra], contents, grid, options).places;
    for (const [id, place] of before) expect(after.get(id)).toEqual(place);
    const values = grid.toBlock().cells.map((r) => r.map((c) => c?.value ?? null));
    const read = readTables([...INPUTS_TABLES, extra], values, 'Inputs');
    const lastRow = beforeGrid.toBlock().cells.length;
    expect(after.get('extra')?.title).toEqual({ row: lastRow + 2, col: 1 }); // below the last section's last row and a blank one
    expect(read.entries.find((e) => e.path === 'extra.rate')).toMatchObject({ cell: { row: lastRow + 3, col: 2 }, raw: 1 });
  });
});

describe('reading an Inputs sheet the user rearranged', () => {
  it('reads the Sources section moved below the rates, and names its cells where they are now', () => {
    // Room made first: eight rows inserted below the rates move Timing and the sections after it down.
    let room = writtenValues();
    for (let i = 0; i < 8; i++) room = insertRow(room, 26);
    const moved = cutPaste(room, SOURCES_SECTION, 26, 1);
    expect(moved[10].every((v) => v === null)).toBe(true); // the old place is empty
    const { reading, plan: read } = readPlan(moved);
    expect(read).toEqual(defaultPlan());
    expect(reading.cellOf.get('sources[1].avgDealSize')).toBe('Inputs!C31');
    expect(reading.cellOf.get('sources[1].conversionRates.sql')).toBe('Inputs!C22');
    expect(reading.geometry.sources[0].share).toEqual({ row: 30, col: 2 });

    moved[30][2] = 'lots';
    const again = readInputs(inputsBookOf(moved));
    if (!again.ok) throw new Error(again.problems.join('; '));
    const checked = validatePlan(again.input);
    expect(checked.ok ? [] : checked.errors.map((e) => formatCellError(e, again.cellOf))).toEqual([
      'Inputs!C31 (sources[1].avgDealSize): expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got "lots"',
    ]);
  });

  it('reads the Sources section pasted beside the Plan, in other columns: rates follow their "Source n" headers', () => {
    const moved = cutPaste(writtenValues(), SOURCES_SECTION, 5, 6);
    const { reading, plan: read } = readPlan(moved);
    expect(read).toEqual(defaultPlan());
    expect(reading.cellOf.get('sources[0].share')).toBe('Inputs!G9');
    expect(reading.cellOf.get('sources[0].conversionRates.lead')).toBe('Inputs!B20');
  });

  it('reads a row inserted inside the Plan section, a blank row among the stages, and notes beside and below the tables', () => {
    let values = insertRow(writtenValues(), 8); // between Revenue target and Currency
    values = insertRow(values, 22); // between lead (row 21 now) and mql
    values[5][3] = 'note: agreed with finance'; // beside the Plan section
    values[20][6] = 'check the lead rate with sales'; // beside the rates
    values[26] = ['Notes: rates from the 2025 CRM export']; // right below the won row (row 26 now)
    const { reading, plan: read } = readPlan(values);
    expect(read).toEqual(defaultPlan());
    expect(reading.cellOf.get('currency')).toBe('Inputs!B9');
    expect(reading.cellOf.get('stages')).toBe('Inputs!A21:A26');
    expect(reading.cellOf.get('sources[1].conversionRates.mql')).toBe('Inputs!C23');
  });

  // These two are about the sources, so their plan has no channels (the test after them has).
  it('passes over a blank column inserted between the sources, and notes right of the total', () => {
    const values = insertColumn(writtenValues('en', withoutChannels()), 3);
    values[13][6] = 'kinds: see the handbook';
    const { reading, plan: read } = readPlan(values);
    expect(read).toEqual(readPlan(writtenValues('en', withoutChannels())).plan);
    expect(reading.cellOf.get('sources[1].share')).toBe('Inputs!D15');
    expect(reading.cellOf.get('sources[1].conversionRates.sql')).toBe('Inputs!D22');
  });

  // The Channels section is a list, one row per channel: a blank column inserted among the sources
  // lands between its columns, which are found by their headers.
  it('passes over the same blank column where it lands among the channels', () => {
    const values = insertColumn(writtenValues(), 3);
    expect(readPlan(values).plan).toEqual(defaultPlan());
  });

  it('is not misled by a note that repeats a section title', () => {
    const values = writtenValues();
    values[1][5] = 'Conversion rate to the next stage'; // F2, a note
    values[2][5] = 'Sources'; // F3
    values[3][6] = 'Plan'; // G4
    expect(readPlan(values).plan).toEqual(defaultPlan());
  });

  it('reads a source typed into a new column without headers, lined up with its rates', () => {
    const values = insertColumn(writtenValues('en', withoutChannels()), 4); // before Total (no channels: see above)
    [11, 12, 13, 14, 15, 16].forEach((row, k) => (values[row][3] = ['partner', 'Partners', 'partner', 0.1, 50_000, 'sql'][k]));
    values[14][1] = 0.3; // marketing gives up 10%
    [21, 22].forEach((row) => (values[row][3] = 0.5));
    values[23][3] = '(won stage)';
    const { plan: read } = readPlan(values);
    expect(read.sources.map((s) => s.id)).toEqual(['marketing', 'outbound', 'partner']);
    expect(read.sources[2].conversionRates.opportunity?.value).toBe(0.5);
  });

  it('reads labels and titles in either language, mixed on one sheet', () => {
    const zh = writtenValues('zh-CN');
    zh[10][0] = 'Sources'; // the Sources title retyped in English
    const { plan: read } = readPlan(zh, 'en');
    expect(read).toEqual(defaultPlan());
  });
});

describe('what is missing is named with where it was looked for', () => {
  const problems = (values: CellValue[][], lang: Lang = 'en') => {
    const reading = readInputs(inputsBookOf(values), 'Inputs', lang);
    return reading.ok ? [] : reading.problems;
  };

  it('a rates column whose "Source n" header was changed', () => {
    const values = writtenValues();
    values[18][2] = 'Src 2';
    expect(problems(values)).toEqual([
      'Inputs!A19:C19 has no column headed "Source 2": the column was deleted or its header changed; restore the header or regenerate the sheet',
    ]);
  });

  it('a section whose title is gone', () => {
    const values = writtenValues('zh-CN');
    values[18][0] = null;
    expect(problems(values, 'zh-CN')).toEqual(['“Inputs”工作表中没有标题为“到下一阶段的转化率”的部分（已在所有单元格中查找）：该标题被删除或修改；请恢复标题（中文或英文均可）或重新生成该表']);
  });

  it('a row missing from a moved section is looked for below its title', () => {
    const values = cutPaste(writtenValues(), SOURCES_SECTION, 5, 6);
    values[8][5] = 'Portion'; // the Share of target label, now at F9
    expect(problems(values)).toEqual([
      'Inputs!F:F has no row labelled "Share of target": the row was deleted or its label changed; restore the label (in English or Chinese) or regenerate the sheet',
    ]);
  });

  it('an older sheet with no headers over the rates still reads, its columns lined up with the sources', () => {
    const values = writtenValues();
    values[18][1] = null;
    values[18][2] = null;
    expect(readPlan(values).plan).toEqual(defaultPlan());
  });
});
