import { planningRate } from '../../src/core/history/historyPolicy';
import { deriveHistory } from '../../src/core/history/deriveHistory';
import { deriveRatesFromHistory } from '../../src/gas/deriveRates';
import { generatePlanFromInputs, insertInputsSheet } from '../../src/gas/generatePlan';
import { fakeContext } from './fakes/gasFakes';

const HEADER = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];

/** 60 marketing records in January 2024 (every 2nd an MQL, every 4th an SQL…) and 20 "Trade show" ones, all long before the as-of date. */
function exportRows(): unknown[][] {
  const rows: unknown[][] = [HEADER];
  const day = (d: number) => new Date(Date.UTC(2024, 0, 1 + d));
  for (let i = 0; i < 60; i++) {
    rows.push(['marketing', day(i % 28), i % 2 === 0 ? day(30) : '', i % 4 === 0 ? day(40) : '', i % 8 === 0 ? day(50) : '', i % 16 === 0 ? day(60) : '']);
  }
  for (let i = 0; i < 20; i++) rows.push(['Trade show', '', '', day(i), i % 2 === 0 ? day(i + 10) : '', i % 4 === 0 ? day(i + 30) : '']);
  rows.push(['marketing', day(400), '', '', '', '']); // a recent lead: sets the as-of date
  return rows;
}

function pasteHistory(spreadsheet: ReturnType<typeof fakeContext>['spreadsheet'], rows: unknown[][]): void {
  const sheet = spreadsheet.sheet('History');
  rows.forEach((row, r) => row.forEach((value, c) => Object.assign(sheet.cellAt(r + 1, c + 1), { value })));
}

/** The Source map sheet placing the fixture's "Trade show" records with the plan source "outbound". */
function mapTradeShow(spreadsheet: ReturnType<typeof fakeContext>['spreadsheet']): void {
  spreadsheet.insertSheet('Source map', 3);
  const sheet = spreadsheet.sheet('Source map');
  [['CRM source', 'Plan source'], ['Trade show', 'outbound']].forEach((row, r) => row.forEach((value, c) => Object.assign(sheet.cellAt(r + 1, c + 1), { value })));
}

describe('Derive rates from History', () => {
  it('never feeds a rate through a stage column with no dates: the typed rates stay and the message says why', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    // The MQL column is empty in every row: lead→MQL would read 0 % and MQL→SQL 100 %.
    const rows = exportRows().map((row, r) => (r === 0 ? row : row.map((v, c) => (c === 2 ? '' : v))));
    pasteHistory(spreadsheet, rows);
    mapTradeShow(spreadsheet);
    const inputs = spreadsheet.sheet('Inputs');
    const typedLead = inputs.peek(20, 2).value;
    const typedMql = inputs.peek(21, 2).value;
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain('Rates through "Became a Marketing Qualified Lead Date" were not fed into Inputs');
    expect(inputs.peek(20, 2).value).toBe(typedLead);
    expect(inputs.peek(21, 2).value).toBe(typedMql);
    // Stages the empty column does not touch are still fed.
    expect(inputs.peek(23, 2).value).not.toBe(0.25);
  });

  it('feeds no rate through a stage found in two columns: keeps the typed rate and says to remove or rename one; refuses with none typed', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    // A second MQL column holding each lead's own lead date: lead→MQL would read 100 %.
    const rows = exportRows().map((row, r) => [...row, r === 0 ? 'MQL Date' : row[1]]);
    pasteHistory(spreadsheet, rows);
    mapTradeShow(spreadsheet);
    const inputs = spreadsheet.sheet('Inputs');
    const typedLead = inputs.peek(20, 2).value;
    const typedMql = inputs.peek(21, 2).value;
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain('marketing: kept the plan\'s own lead rate');
    expect(outcome.message).toMatch(/stage mql is in more than one column of the export \("[^"]+", "[^"]+"\)/);
    expect(outcome.message).toContain('In the History sheet, remove or rename one of the columns of stage mql');
    expect(outcome.message).not.toContain('--map');
    expect(inputs.peek(20, 2).value).toBe(typedLead);
    expect(inputs.peek(21, 2).value).toBe(typedMql);
    expect(inputs.peek(23, 2).value).not.toBe(0.25);

    Object.assign(inputs.cellAt(20, 2), { value: '' });
    const refused = deriveRatesFromHistory(ctx);
    expect(refused).toMatchObject({ ok: false, title: 'Rates not fed into Inputs' });
    expect(refused.message).toContain('so the lead → mql rate is not taken from it');
  });

  it('reads a "never" date (9999-12-31) as blank and warns about it and about a date after the sheet\'s today, on History summary', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    const rows = exportRows();
    const plain = deriveHistory(rows);
    rows.push(['marketing', new Date(Date.UTC(2024, 0, 3)), '', '', '', new Date(Date.UTC(9999, 11, 31))]);
    rows.push(['marketing', new Date(Date.UTC(2024, 0, 4)), new Date(Date.UTC(2030, 4, 1)), '', '', '']);
    pasteHistory(spreadsheet, rows);
    mapTradeShow(spreadsheet);
    expect(deriveRatesFromHistory(ctx).ok).toBe(true);
    const summary = spreadsheet.sheet('History summary').snapshot().values.flat().filter((v): v is string => typeof v === 'string').join('\n');
    expect(summary).toContain('1 date in "Became a Customer Date" (stage won) is a placeholder, not a real day (the first: "9999-12-31" (row 83))');
    expect(summary).toContain('"Became a Marketing Qualified Lead Date" has dates after today (2026-11-23), the latest "2030-05-01" (row 84)');
    // The placeholder is not a won deal, and the as-of date is not 9999-12-31.
    const withBoth = deriveHistory(rows, { today: ctx.today });
    expect(withBoth.ok && withBoth.result.overall.reached.won).toBe(plain.ok && plain.result.overall.reached.won);
    expect(withBoth.ok && withBoth.result.asOf).toBe('2030-05-01T00:00:00.000Z');
  });

  it('stops, changing no Inputs cell, at a CRM source it cannot place, and lists it on a new Source map sheet', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    pasteHistory(spreadsheet, exportRows());
    const before = JSON.stringify(spreadsheet.sheet('Inputs').snapshot());
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Rates not fed into Inputs' });
    expect(outcome.message).toContain('CRM sources not mapped to a plan source: "Trade show"');
    expect(outcome.message).toContain('On the "Source map" sheet, type next to each CRM source the plan source it belongs to');
    expect(outcome.message).not.toContain('--');
    expect(JSON.stringify(spreadsheet.sheet('Inputs').snapshot())).toBe(before);
    const map = spreadsheet.sheet('Source map').snapshot().values;
    expect(map[0].slice(0, 2)).toEqual(['CRM source', 'Plan source']);
    expect(map[1][0]).toBe('Trade show');
    // Placed ("*" takes every CRM source not listed), the next run feeds the rates.
    Object.assign(spreadsheet.sheet('Source map').cellAt(2, 2), { value: 'Outbound' });
    expect(deriveRatesFromHistory(ctx)).toMatchObject({ ok: true });
    Object.assign(spreadsheet.sheet('Source map').cellAt(2, 2), { value: 'nobody' });
    expect(deriveRatesFromHistory(ctx)).toMatchObject({ ok: false, title: 'Please fix the Source map sheet', message: expect.stringContaining("'Source map'!B2: expected one of the plan's sources (marketing, outbound), got \"nobody\"") });
  });

  it('seasonality "history" on Inputs before Derive rates: Generate names the cell and says what to do in the sheet', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    const inputs = spreadsheet.sheet('Inputs');
    const r = inputs.snapshot().values.findIndex((row) => row[0] === 'Weight');
    inputs.cellAt(r + 1, 2).value = 'History';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Please fix the Inputs sheet' });
    expect(outcome.message).toContain(`Inputs!B${r + 1} (timing.seasonality): "history" takes the seasonality from a CRM export`);
    expect(outcome.message).toContain('paste your CRM export into the History sheet and choose Derive rates from History');
    expect(generatePlanFromInputs({ ...ctx, lang: 'zh-CN' }).message).toContain('从历史数据推导转化率');
  });

  it('adds an empty History sheet with instructions when there is none', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(deriveRatesFromHistory(ctx)).toMatchObject({ ok: false, title: 'History sheet added' });
    expect(String(spreadsheet.sheet('History').peek(1, 1).value)).toContain('Paste your CRM export here');
  });

  it('writes History summary and feeds mature rates into Inputs, listing the rates they replaced', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    const rows = exportRows();
    pasteHistory(spreadsheet, rows);
    mapTradeShow(spreadsheet);
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome).toMatchObject({ ok: true, title: 'Rates derived from History' });
    expect(outcome.message).toContain('Read 81 rows');

    const derived = deriveHistory(rows);
    if (!derived.ok) throw new Error(derived.message);
    const marketing = derived.result.bySource.marketing;
    const rate = (stats: typeof marketing, stage: string) => planningRate((stats.matureRates[stage].rate ?? stats.rates[stage].rate) as number);
    const inputs = spreadsheet.sheet('Inputs');
    // Inputs rows 20–23 hold lead…opportunity; column B marketing, C outbound (entering at sql).
    expect(inputs.peek(20, 2).value).toBe(rate(marketing, 'lead'));
    expect(inputs.peek(21, 2).value).toBe(rate(marketing, 'mql'));
    expect(inputs.peek(23, 2).value).toBe(rate(marketing, 'opportunity'));
    // "outbound" takes the rates of "Trade show", the CRM source the Source map sheet puts in it, from its entry stage down.
    expect(inputs.peek(22, 3).value).toBe(rate(derived.result.bySource['Trade show'], 'sql'));
    expect(inputs.peek(23, 3).value).toBe(rate(derived.result.bySource['Trade show'], 'opportunity'));
    expect(inputs.peek(20, 3).value).toBe(''); // above its entry stage: untouched

    const summary = spreadsheet.sheet('History summary').snapshot().values;
    const flat = summary.map((r) => r.join('|'));
    expect(flat.some((line) => line.startsWith('Overall|Leads → MQLs|'))).toBe(true);
    const fedHeader = flat.findIndex((line) => line.startsWith('Plan source|Stage|From history of|Previous rate'));
    expect(fedHeader).toBeGreaterThan(0);
    expect(summary[fedHeader + 1].slice(0, 4)).toEqual(['marketing', 'Leads', 'marketing', 0.25]); // the template's 25% it replaced
    expect(flat.some((line) => line.startsWith('outbound|SQLs|Trade show|'))).toBe(true);
    expect(spreadsheet.sheet('History summary').metadata).toHaveLength(1);
  });

  it('reads Inputs once: one getValues and one getFormulas, then one setValues per section it feeds (here the rates: the template types its stage days)', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    pasteHistory(spreadsheet, exportRows());
    mapTradeShow(spreadsheet);
    const inputs = spreadsheet.sheet('Inputs');
    inputs.rangeCalls.reset();
    expect(deriveRatesFromHistory(ctx).ok).toBe(true);
    expect(Object.fromEntries(inputs.rangeCalls.counts)).toEqual({ getValues: 1, getFormulas: 1, setValues: 1 });
    expect(Object.fromEntries(spreadsheet.sheet('History').rangeCalls.counts)).toEqual({ getValues: 1 });
  });

  it('feeds the rate cells where they are after a column was inserted between the sources, keeping a note typed in it', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    const rows = exportRows();
    pasteHistory(spreadsheet, rows);
    const inputs = spreadsheet.sheet('Inputs');
    const moved = [...inputs.cells.entries()].filter(([k]) => Number(k.split(',')[1]) >= 3);
    for (const [k] of moved) inputs.cells.delete(k);
    for (const [k, cell] of moved) inputs.cells.set(`${k.split(',')[0]},${Number(k.split(',')[1]) + 1}`, cell);
    inputs.cellAt(21, 3).value = 'ask sales about MQLs';
    mapTradeShow(spreadsheet);
    inputs.rangeCalls.reset();
    expect(deriveRatesFromHistory(ctx).ok).toBe(true);
    expect(Object.fromEntries(inputs.rangeCalls.counts)).toEqual({ getValues: 1, getFormulas: 1, setValues: 1 });
    const derived = deriveHistory(rows);
    if (!derived.ok) throw new Error(derived.message);
    const stats = derived.result.bySource.marketing;
    expect(inputs.peek(20, 2).value).toBe(planningRate((stats.matureRates.lead.rate ?? stats.rates.lead.rate) as number));
    const trade = derived.result.bySource['Trade show'];
    expect(inputs.peek(22, 4).value).toBe(planningRate((trade.matureRates.sql.rate ?? trade.rates.sql.rate) as number));
    expect(inputs.peek(21, 3).value).toBe('ask sales about MQLs');
    expect(inputs.peek(20, 4).value).toBe(''); // outbound above its entry stage: untouched
  });

  it('keeps formulas in rate cells it does not feed, and their formats', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    pasteHistory(spreadsheet, exportRows());
    mapTradeShow(spreadsheet);
    const inputs = spreadsheet.sheet('Inputs');
    Object.assign(inputs.cellAt(20, 3), { formula: '=B20', value: 0.25 }); // outbound's lead rate: above its entry, not fed
    expect(deriveRatesFromHistory(ctx).ok).toBe(true);
    expect(inputs.peek(20, 3).formula).toBe('=B20');
    expect(inputs.peek(20, 2).format).toBe('0.0%');
  });

  it("refuses, changing nothing, when a History summary sheet of the user's own exists", () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.insertSheet('History', 2);
    spreadsheet.insertSheet('History summary', 3);
    pasteHistory(spreadsheet, exportRows());
    const before = JSON.stringify(spreadsheet.sheet('Inputs').snapshot());
    expect(deriveRatesFromHistory(ctx)).toMatchObject({ ok: false, title: 'Sheet name in use' });
    expect(JSON.stringify(spreadsheet.sheet('Inputs').snapshot())).toBe(before);
  });

  it('says what is wrong with a History sheet it cannot read', () => {
    const { ctx, spreadsheet } = fakeContext();
    spreadsheet.insertSheet('History', 1);
    pasteHistory(spreadsheet, [['Name', 'Email'], ['a', 'b']]);
    const outcome = deriveRatesFromHistory(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Cannot read the History sheet' });
    expect(outcome.message).toContain('"Name"');
    // Told what to do in the sheet, never a command-line flag.
    expect(outcome.message).toContain('In the History sheet, give each stage\'s date column a header the add-on knows');
    expect(outcome.message).not.toMatch(/--[a-z]/);
  });

  it('speaks the sheet\'s language: a zh_TW spreadsheet reads traditional Chinese', () => {
    const { ctx, spreadsheet } = fakeContext();
    spreadsheet.insertSheet('History', 1);
    pasteHistory(spreadsheet, [['Name', 'Email'], ['a', 'b']]);
    const outcome = deriveRatesFromHistory({ ...ctx, lang: 'zh-TW' });
    expect(outcome).toMatchObject({ ok: false, title: '無法讀取 History 表' });
    expect(outcome.message).toContain('沒有識別出任何階段日期欄');
    expect(outcome.message).toContain('請在 History 表中給每個階段的日期欄使用可識別的表頭');
    expect(outcome.message).not.toMatch(/--[a-z]/);
  });
});
