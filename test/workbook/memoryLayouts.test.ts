import { plan } from '../../src/core/plan';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { validatePlan } from '../../src/core/validatePlan';
import { MemoryWorkbook } from '../support/memoryWorkbook';
import { area } from '../../src/workbook/a1';
import { fingerprintBlocks } from '../../src/workbook/fingerprint';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import type { LayoutInput } from '../../src/workbook/layouts/layoutInput';

const STAMP = { version: '9.9.9', generatedOn: '2026-11-23' };

function layoutInput(input: unknown = defaultPlanInput()): LayoutInput {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  return { plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP };
}

function written(input?: unknown): MemoryWorkbook {
  const book = new MemoryWorkbook();
  const planned = layoutInput(input);
  writeLayouts(book, planLayouts(planned), planned.stamp);
  return book;
}

/** Copies a sheet's values with `count` empty rows inserted before `before`, as a user inserting rows would. */
function withInsertedRows(book: MemoryWorkbook, sheet: string, before: number, count: number): MemoryWorkbook {
  const copy = new MemoryWorkbook();
  copy.addSheet(sheet);
  const values = book.readValues(sheet);
  const shifted = [...values.slice(0, before - 1), ...Array.from({ length: count }, () => values[0].map(() => null)), ...values.slice(before - 1)];
  copy.writeBlock(sheet, { row: 1, col: 1, cells: shifted.map((row) => row.map((value) => (value === null ? null : { value }))) });
  return copy;
}

describe('plan layouts through the in-memory port', () => {
  it('writes Summary, Funnel, Monthly, Teams, Headcount and Inputs, each marked as owned with a fingerprint of its contents', () => {
    const book = written();
    expect(book.listSheets()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Diagnosis', 'Inputs']);
    for (const name of book.listSheets()) {
      expect(book.getOwner(name)).toMatchObject({ version: '9.9.9', generatedOn: '2026-11-23', fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) });
    }
    expect(book.getOwner('Funnel')?.kind).toBe('funnel');
    expect(book.getOwner('Funnel')?.fingerprint).not.toBe(book.getOwner('Summary')?.fingerprint);
    expect([...book.namedRanges.keys()].sort()).toEqual(
      ['Currency', 'DealSizes', 'HandoffStage', 'MarketingShare', 'MarketingTarget', 'RevenueTarget', 'Shares', 'SourceIds', 'SourceKinds', 'Stages'].sort(),
    );
  });

  it('the fingerprint changes when a value or formula changes', () => {
    const block = { row: 1, col: 1, cells: [[{ value: 1 }, { formula: 'A1*2', value: 2 }]] };
    const edited = { row: 1, col: 1, cells: [[{ value: 2 }, { formula: 'A1*2', value: 4 }]] };
    expect(fingerprintBlocks([block])).not.toBe(fingerprintBlocks([edited]));
    expect(fingerprintBlocks([block])).toBe(fingerprintBlocks([{ ...block, cells: [[{ value: 1 }, { formula: 'A1*2', value: 99 }]] }]));
  });

  it('puts the headline on the Funnel and the leadership numbers on the Summary', () => {
    const book = written();
    expect(book.cell('Funnel', 14, 1)?.value).toBe('Marketing must deliver (SQLs)');
    expect(book.cell('Funnel', 14, 2)).toMatchObject({ value: 1_280, formula: expect.stringContaining('SUMIF(Inputs!$B$14:$C$14,"marketing"') });
    const summary = book.readBlock('Summary', area(4, 1, 15, 2));
    expect(summary).toEqual(
      expect.arrayContaining([
        ['Revenue target', 10_000_000],
        ['Marketing-sourced share', 0.4],
        ['Leads required', 12_800],
        ['SQLs required', 2_948],
        ['Won deals required', 360],
        ['Marketing must deliver (SQLs)', 1_280],
        ['Marketing-sourced revenue', 4_000_000],
      ]),
    );
  });

  it("says on the Funnel that every number is live: a channel-split source's column too, the sum of its channels' rows", () => {
    const split = written();
    expect(split.cell('Funnel', 3, 1)?.value).toBe('Every number is a live formula of the Inputs sheet, rounded up at each stage.');
    expect(split.cell('Funnel', 6, 2)).toMatchObject({ value: 12_800, formula: 'SUM(B18:B20)', note: expect.stringContaining("sum of this source's channels") });
    expect(split.cell('Funnel', 18, 1)?.value).toBe('Marketing-sourced — channel Content');
    const whole = defaultPlanInput();
    whole.sources.forEach((s) => delete s.channels);
    expect(written(whole).cell('Funnel', 3, 1)?.value).toBe('Every number is a live formula of the Inputs sheet, rounded up at each stage.');
  });

  it('reads the Inputs sheet back even after the user inserts rows', () => {
    const moved = withInsertedRows(written(), 'Inputs', 7, 2);
    const reading = readInputs(moved);
    if (!reading.ok) throw new Error(reading.problems.join('; '));
    const again = validatePlan(reading.input);
    expect(again.ok).toBe(true);
    expect(reading.cellOf.get('revenueTarget')).toBe('Inputs!B9');
    expect(reading.cellOf.get('sources[1].conversionRates.sql')).toBe('Inputs!C24');
  });

  it('names the cell of each problem, falling back to the nearest cell that holds it', () => {
    const book = written();
    book.writeBlock('Inputs', { row: 16, col: 3, cells: [[{ value: 'lots' }]] });
    const reading = readInputs(book);
    if (!reading.ok) throw new Error('readable');
    const checked = validatePlan(reading.input);
    if (checked.ok) throw new Error('invalid');
    expect(checked.errors.map((e) => formatCellError(e, reading.cellOf))).toEqual([
      'Inputs!C16 (sources[1].avgDealSize): expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got "lots"',
    ]);
    expect(formatCellError({ path: 'sources[1].conversionRates.typo', code: 'unknownRateStage', value: 'typo', detail: 'lead' }, reading.cellOf)).toMatch(
      /^Inputs!C20:C23 \(sources\[1\]\.conversionRates\.typo\): /,
    );
    // A path that cannot be walked up to a cell ends with the plain message, not an endless loop.
    expect(formatCellError({ path: 'a["b"]', code: 'required', value: undefined }, reading.cellOf)).toBe('a["b"]: is required but missing');
  });

  it('explains a sheet it cannot read', () => {
    const book = new MemoryWorkbook();
    expect(readInputs(book)).toEqual({ ok: false, problems: ['the workbook has no "Inputs" sheet (it has: no sheets)'] });
    book.addSheet('Inputs');
    book.writeBlock('Inputs', { row: 1, col: 1, cells: [[{ value: 'Revenue target' }, { value: 5 }]] });
    const reading = readInputs(book);
    expect(reading.ok).toBe(false);
    // Rows of a section that is there are named one by one; a section with neither title nor rows, once.
    if (!reading.ok) {
      expect(reading.problems).toContainEqual(expect.stringMatching(/^Inputs!A:A has no row labelled "Currency": the row was deleted or its label changed/));
      expect(reading.problems).toContainEqual(expect.stringMatching(/^the "Inputs" sheet has no section titled "Sources" \(looked for in every cell\)/));
    }
  });
});
