/**
 * Text dates that read either day or month first (05/03/2024) in Sheets: =FUNNEL_RATES takes
 * the order as an argument, the menu asks, and neither guesses silently.
 */
import { funnelRates } from '../../src/gas/customFunctions';
import { deriveRatesFromHistory } from '../../src/gas/deriveRates';
import { insertInputsSheet } from '../../src/gas/generatePlan';
import type { GasContext } from '../../src/gas/gasContext';
import { fakeContext } from './fakes/gasFakes';

// Pasted as text. Day first: 1 → 3 Feb and 4 → 6 Feb, median 2 days. Month first: 2 Jan → 2 Mar
// (60 days, 2024 is a leap year) and 2 Apr → 2 Jun (61 days), median 60.5.
const EXPORT = [
  ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Customer Date'],
  ['Web', '01/02/2024', '03/02/2024', '10/02/2024'],
  ['Web', '04/02/2024', '06/02/2024', ''],
  ['Web', '05/02/2024', '', ''],
];

function medianLeadToMql(table: (string | number)[][]): unknown {
  const column = table[0].indexOf('Median days');
  return table.find((row) => row[0] === 'Overall' && String(row[1]).startsWith('Leads'))?.[column];
}

describe('=FUNNEL_RATES and day-first text dates', () => {
  test('without an order it says so and how to give one, in the cell', () => {
    const [[cell]] = funnelRates(EXPORT);
    expect(cell).toContain('#FUNNEL: Column "Became a Lead Date" has dates like');
    expect(cell).toContain('=FUNNEL_RATES(range, "dmy")');
  });

  test('"dmy" reads 01/02/2024 as 1 February (median 2 days to MQL), "mdy" as 2 January (60.5)', () => {
    expect(medianLeadToMql(funnelRates(EXPORT, 'dmy'))).toBe(2);
    expect(medianLeadToMql(funnelRates(EXPORT, 'MDY'))).toBe(60.5);
  });

  test('a bad order names the argument, the value and what is expected, in Chinese too', () => {
    expect(funnelRates(EXPORT, 'ymd')).toEqual([['#FUNNEL: date_order: expected "dmy" (day first, 05/03/2024 = 5 March) or "mdy" (month first, = May 3), got "ymd"']]);
    expect(funnelRates(EXPORT, 'ymd', 'zh-CN')[0][0]).toContain('date_order：应为 "dmy"');
  });
});

describe('Derive rates from History and day-first text dates', () => {
  function setUp(answer: 'yes' | 'no' | 'cancel' | undefined) {
    const asked: string[] = [];
    const { ctx: base, spreadsheet } = fakeContext();
    const ctx: GasContext = answer === undefined ? base : { ...base, ask: (_title, question) => (asked.push(question), answer) };
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    EXPORT.forEach((row, r) => row.forEach((value, c) => Object.assign(spreadsheet.sheet('History').cellAt(r + 1, c + 1), { value })));
    // The CRM source "Web" is the plan's marketing source (history policy: every CRM source is placed).
    spreadsheet.insertSheet('Source map', 3);
    [['CRM source', 'Plan source'], ['Web', 'marketing']].forEach((row, r) => row.forEach((value, c) => Object.assign(spreadsheet.sheet('Source map').cellAt(r + 1, c + 1), { value })));
    return { ctx, spreadsheet, asked };
  }

  function summaryMedian(spreadsheet: ReturnType<typeof fakeContext>['spreadsheet']): unknown {
    const values = spreadsheet.sheet('History summary').snapshot().values as unknown[][];
    const header = values.find((row) => row.includes('Median days')) as unknown[];
    const row = values.find((r) => r[0] === 'Overall' && String(r[1]).startsWith('Leads'));
    return row?.[header.indexOf('Median days')];
  }

  test('asks whether the dates are day first; "yes" plans on 1 February', () => {
    const { ctx, spreadsheet, asked } = setUp('yes');
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome.ok).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('Are these dates day first (05/03/2024 = 5 March)?');
    expect(summaryMedian(spreadsheet)).toBe(2);
  });

  test('"no" reads them month first', () => {
    const { ctx, spreadsheet } = setUp('no');
    expect(deriveRatesFromHistory(ctx).ok).toBe(true);
    expect(summaryMedian(spreadsheet)).toBe(60.5);
  });

  test('cancel, or nobody to ask, changes nothing and says what to do', () => {
    for (const answer of ['cancel', undefined] as const) {
      const { ctx, spreadsheet } = setUp(answer);
      const before = spreadsheet.sheet('Inputs').snapshot();
      const outcome = deriveRatesFromHistory(ctx);
      expect(outcome).toMatchObject({ ok: false, title: 'Cannot read the History sheet' });
      expect(outcome.message).toContain('write the dates as YYYY-MM-DD');
      expect(spreadsheet.getSheetByName('History summary')).toBeNull();
      expect(spreadsheet.sheet('Inputs').snapshot()).toEqual(before);
    }
  });
});
