/** The Inputs sheet's Timing, Seasonality, Stage days and Channels sections read back; a sheet without them (older workbooks) still reads. */
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import type { CellValue } from '../../src/workbook/port';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { validatePlan } from '../../src/core/validatePlan';
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
    // Each channel's own deal size and rates, as given (a deal size equal to the source's included); blank cells inherit.
    expect(marketing.channels).toEqual([
      { id: 'content', name: 'Content', share: 0.5, costPerLead: 120, avgDealSize: 25_000 },
      { id: 'events', name: 'Events', share: 0.3, costPerLead: 250, avgDealSize: 40_000, conversionRates: { lead: 0.3 } },
      { id: 'sem', name: 'SEM', share: 0.2, costPerLead: 200.5, conversionRates: { mql: 0.45, opportunity: 0.2 } },
    ]);
    expect(outbound.channels).toBeUndefined();
    // An error in a channel names its cell on the sheet: one row per channel under the headers.
    const header = rowOf(inputsValues(WORKBOOK_PLANS.channelsWithTiming), 'Source id');
    expect(reading.cellOf.get('sources[0].channels[1].share')).toBe(`Inputs!D${header + 3}`);
    expect(reading.cellOf.get('sources[0].channels[2].conversionRates.opportunity')).toBe(`Inputs!J${header + 4}`);
  });

  it('reads the Channels list with its columns in another order, a column of the user\'s own and one rate column removed', () => {
    const values = inputsValues(WORKBOOK_PLANS.channelsWithTiming);
    const header = rowOf(values, 'Source id');
    const rows = values.slice(header, header + 4);
    // Swap "Channel id" and "Channel name", put "Owner" (the user's) in the lead-rate column and drop it.
    for (const row of rows) [row[1], row[2]] = [row[2], row[1]];
    rows[0][6] = 'Owner';
    rows.slice(1).forEach((row, i) => (row[6] = ['Ann', 'Bo', 'Cy'][i]));
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const channels = (reading.input.sources as Record<string, unknown>[])[0].channels as Record<string, unknown>[];
    expect(channels.map((c) => [c.id, c.name, c.conversionRates])).toEqual([
      ['content', 'Content', undefined],
      ['events', 'Events', undefined],
      ['sem', 'SEM', { mql: 0.45, opportunity: 0.2 }],
    ]);
    // A required column gone is named with the header row it was looked for in.
    rows[0][3] = 'Portion';
    const broken = read(values);
    expect(broken.ok ? [] : broken.problems).toEqual([
      `Inputs!A${header + 1}:J${header + 1} has no column headed "Share of the source's revenue": the column was deleted or its header changed; restore the header or regenerate the sheet`,
    ]);
  });

  it('reads each lag cell ("1, 2, 3, 4") back as the lag it was, counts or shares', () => {
    const values = inputsValues(WORKBOOK_PLANS.historyLags);
    const title = rowOf(values, 'Lag to won (from history)');
    expect(values[title].slice(0, 3)).toEqual(['Lag to won (from history)', 'Source 1', 'Source 2']);
    expect(values[title + 1].slice(0, 3)).toEqual(['sql', '1, 2, 3, 4', '0.25, 0.75']);
    expect(values[title + 2].slice(0, 3)).toEqual(['opportunity', '10, 0, 0, 1', null]);
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const [web, partner] = reading.input.sources as Record<string, unknown>[];
    expect(web.lag).toEqual({ sql: ['1', '2', '3', '4'], opportunity: ['10', '0', '0', '1'] });
    expect(partner.lag).toEqual({ sql: ['0.25', '0.75'] });
    // A weight that is no number is named by the cell that holds it.
    values[title + 1][1] = '1, 2, x';
    const again = read(values);
    if (!again.ok) throw new Error(again.problems.join('\n'));
    const checked = validatePlan(again.input);
    expect(checked.ok ? [] : checked.errors.map((e) => formatCellError(e, again.cellOf))).toEqual([
      `Inputs!B${title + 2} (sources[0].lag.sql[2]): expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got "x"`,
    ]);
  });

  it('reads "history" typed alone in the Seasonality row, in any language, as the plan\'s "history"', () => {
    for (const word of ['History', '历史', '歷史']) {
      const values = inputsValues(WORKBOOK_PLANS.channelsWithTiming);
      const r = rowOf(values, 'Weight');
      values[r] = [values[r][0], word, ...Array(11).fill(null)];
      const reading = read(values);
      if (!reading.ok) throw new Error(reading.problems.join('\n'));
      expect((reading.input.timing as Record<string, unknown>).seasonality).toBe('history');
      expect(reading.cellOf.get('timing.seasonality')).toBe(`Inputs!B${r + 1}`);
    }
  });

  it('an Inputs sheet without the new sections (an older workbook) still reads', () => {
    const values = inputsValues(WORKBOOK_PLANS.default);
    const cut = rowOf(values, 'Timing');
    expect(cut).toBeGreaterThan(0);
    const reading = read(values.slice(0, cut));
    expect(reading.ok ? [] : reading.problems).toEqual([]);
    if (reading.ok) expect(reading.input.timing).toBeUndefined();
  });

  it('reads the Channels section of a sheet written before it was a list (one column per channel, fields down), with none or some', () => {
    const values = inputsValues(WORKBOOK_PLANS.channelsWithTiming);
    const title = rowOf(values, 'Channels');
    const across = (channels: (string | number | null)[][]) => [
      ['Channels', ...channels.map((_, j) => `Channel ${j + 1}`)],
      ...['Source id', 'Channel id', 'Channel name', "Share of the source's revenue", 'Cost per lead', 'Average deal size (optional)'].map((label, r) => [label, ...channels.map((c) => c[r])]),
    ];
    const none = read([...values.slice(0, title), ...across([])]);
    expect(none.ok ? [] : none.problems).toEqual([]);
    if (none.ok) expect((none.input.sources as Record<string, unknown>[]).map((s) => s.channels)).toEqual([undefined, undefined]);
    const some = read([...values.slice(0, title), ...across([['marketing', 'content', 'Content', 0.7, 120, null], ['marketing', 'events', 'Events', 0.3, 250, 40_000]])]);
    if (!some.ok) throw new Error(some.problems.join('\n'));
    expect((some.input.sources as Record<string, unknown>[])[0].channels).toEqual([
      { id: 'content', name: 'Content', share: 0.7, costPerLead: 120 },
      { id: 'events', name: 'Events', share: 0.3, costPerLead: 250, avgDealSize: 40_000 },
    ]);
    // Its cells, for the Funnel's channel rows: the second channel's share in column C.
    expect(some.geometry.sources[0].channels[1]).toMatchObject({ share: { row: title + 5, col: 3 }, avgDealSize: { row: title + 7, col: 3 }, rates: {} });
  });

  it('a channel naming no source of the sheet is named by its cell', () => {
    const values = inputsValues(WORKBOOK_PLANS.channelsWithTiming);
    const r = rowOf(values, 'Source id') + 2;
    values[r][0] = 'markting';
    const reading = read(values);
    expect(reading.ok ? [] : reading.problems).toEqual([
      `Inputs!A${r + 1}: channel of source "markting", but the Sources section has no such id (expected one of marketing, outbound)`,
    ]);
  });
});
