/** The Inputs sheet's Timing, Seasonality, Stage days and Channels sections read back; a sheet without them (older workbooks) still reads. */
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import type { CellValue } from '../../src/workbook/port';
import { readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { MemoryWorkbook } from '../support/memoryWorkbook';
import { WORKBOOK_PLANS } from '../cli/xlsx/planPlans';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };

function inputsValues(input: unknown): CellValue[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang: 'en', stamp: STAMP }), STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}

const read = (values: CellValue[][]) => readInputs(new MemoryWorkbook(), 'Inputs', 'en', values);
/** The last row so labelled ("Source id" heads a row of Sources too). */
const rowOf = (values: CellValue[][], label: string) => values.map((r) => r[0]).lastIndexOf(label);

describe('the Inputs sheet over the year', () => {
  it('reads timing, seasonality, stage days and channels back as the plan had them', () => {
    const reading = read(inputsValues(WORKBOOK_PLANS.channelsWithTiming));
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    expect(reading.input.timing).toEqual({
      fiscalYearStart: '2027-01',
      nextYearGrowth: 0.2,
      holidays: ['2027-01-01', '2027-12-24'],
      seasonality: [1, 1, 1.5, 1, 1, 1.5, 1, 1, 1.5, 1, 1.5, 2],
    });
    const [marketing, outbound] = reading.input.sources as Record<string, unknown>[];
    expect(marketing.stageDays).toEqual({ lead: 21, mql: 10, sql: 14, opportunity: 60 });
    expect(outbound.stageDays).toEqual({ sql: 14, opportunity: 60 });
    expect(marketing.channels).toEqual([
      { id: 'content', name: 'Content', share: 0.5, costPerLead: 120 },
      { id: 'events', name: 'Events', share: 0.3, costPerLead: 250, avgDealSize: 40_000 },
      { id: 'sem', name: 'SEM', share: 0.2, costPerLead: 200.5 },
    ]);
    expect(outbound.channels).toBeUndefined();
    // An error in a channel names its cell on the sheet.
    expect(reading.cellOf.get('sources[0].channels[1].share')).toBe(`Inputs!C${rowOf(inputsValues(WORKBOOK_PLANS.channelsWithTiming), "Share of the source's revenue") + 1}`);
  });

  it('an Inputs sheet without the new sections (an older workbook) still reads', () => {
    const values = inputsValues(WORKBOOK_PLANS.default);
    const cut = rowOf(values, 'Timing');
    expect(cut).toBeGreaterThan(0);
    const reading = read(values.slice(0, cut));
    expect(reading.ok ? [] : reading.problems).toEqual([]);
    if (reading.ok) expect(reading.input.timing).toBeUndefined();
  });

  it('a channel naming no source of the sheet is named by its cell', () => {
    const values = inputsValues(WORKBOOK_PLANS.channelsWithTiming);
    const r = rowOf(values, 'Source id');
    values[r][2] = 'markting';
    const reading = read(values);
    expect(reading.ok ? [] : reading.problems).toEqual([
      `Inputs!C${r + 1}: channel of source "markting", but the Sources section has no such id (expected one of marketing, outbound)`,
    ]);
  });
});
