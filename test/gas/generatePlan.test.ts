import { defaultPlanInput } from '../../src/core/defaultPlan';
import { planConfidence } from '../../src/core/confidence/confidence';
import { plan } from '../../src/core/plan';
import type { PlanInput } from '../../src/core/planInput';
import { generateFromSidebarInput, generatePlanFromInputs, insertInputsSheet } from '../../src/gas/generatePlan';
import { sidebarState } from '../../src/gas/sidebarState';
import { CHARTS_KEY, OWNER_KEY, SheetsBuilders, SheetsWorkbook } from '../../src/gas/sheetsWorkbook';
import { contentFingerprint } from '../../src/workbook/contentFingerprint';
import { legacyFingerprint } from '../../src/workbook/fingerprint';
import { CallLog } from './fakes/callLog';
import { FakeChart, FakeRange, FakeSheet, FakeSpreadsheet, fakeBuilders } from './fakes/fakeSpreadsheet';
import { fakeContext } from './fakes/gasFakes';

function planWithSources(n: number): PlanInput {
  const base = defaultPlanInput();
  // The template's marketing source without its channels: channel ids are unique across a plan.
  const { channels: _channels, ...template } = base.sources[0];
  const shares = Array.from({ length: n }, (_, i) => (i < n - 1 ? Math.floor(100 / n) / 100 : 0));
  shares[n - 1] = Number((1 - shares.slice(0, -1).reduce((a, b) => a + b, 0)).toFixed(2));
  return { ...base, sources: shares.map((share, i) => ({ ...template, id: `s${i}`, name: `Source ${i}`, kind: i === 0 ? 'marketing' : 'sales', share })) };
}

/** Generated from the sidebar with the page's simulation of `input` (a few trials: the calls do not depend on them), as JSON carries it. */
function generatedWithConfidence(input: PlanInput) {
  const { ctx, spreadsheet } = fakeContext();
  const outcome = plan(input);
  if (!outcome.ok) throw new Error('valid plan');
  const confidence = JSON.parse(JSON.stringify(planConfidence(outcome.plan, outcome.funnel, { trials: 200 })));
  const response = generateFromSidebarInput(ctx, input, null, confidence);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return { ctx, spreadsheet, response };
}

function generatedBySidebar(input: PlanInput) {
  const { ctx, spreadsheet } = fakeContext();
  const response = generateFromSidebarInput(ctx, input, null);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return { ctx, spreadsheet, response };
}

describe('Generate through the SpreadsheetApp port', () => {
  it('writes Summary, Funnel, Monthly, Teams, Headcount and Inputs with live formulas, escaped text, metadata and a chart', () => {
    const { spreadsheet, response } = generatedBySidebar(defaultPlanInput());
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
    expect(response.sheets).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs']);
    expect(response.summary.marketingTarget).toEqual({ stage: 'sql', label: 'SQLs', count: 1280 });
    const funnel = spreadsheet.sheet('Funnel').snapshot();
    // Outbound's column is live formulas; marketing, split into content, events and SEM, sums its channels' rows below the headline.
    expect(funnel.formulas[5][2]).toMatch(/^=IF\(1<MATCH\(Inputs!\$C\$17,Stages,0\),0,/);
    expect(spreadsheet.sheet('Funnel').peek(6, 2)).toMatchObject({ formula: '=SUM(B18:B20)', note: expect.stringContaining("sum of this source's channels") });
    expect(funnel.values.slice(17, 20).map((row) => row[0])).toEqual(['Marketing-sourced — channel Content', 'Marketing-sourced — channel Events', 'Marketing-sourced — channel SEM']);
    expect(funnel.values[5][0]).toBe('Leads'); // text went in as 'Leads and came back without the apostrophe
    const inputs = spreadsheet.sheet('Inputs');
    expect(inputs.peek(7, 2).value).toBe(10_000_000);
    expect(inputs.peek(15, 2).format).toBe('0.0%');
    for (const name of ['Summary', 'Funnel', 'Inputs']) {
      const meta = spreadsheet.sheet(name).metadata.filter((m) => m.getKey() === OWNER_KEY).map((m) => JSON.parse(m.getValue()));
      expect(meta).toEqual([expect.objectContaining({ kind: name.toLowerCase(), sheetId: spreadsheet.sheet(name).id })]);
    }
    const chartIds = spreadsheet.sheet('Summary').metadata.filter((m) => m.getKey() === CHARTS_KEY).map((m) => JSON.parse(m.getValue()));
    expect(chartIds).toEqual([[spreadsheet.sheet('Summary').charts[0].id]]);
    expect(spreadsheet.named.map((n) => n.name)).toEqual(expect.arrayContaining(['RevenueTarget', 'MarketingShare', 'Stages', 'MarketingTarget']));
    expect(spreadsheet.sheet('Summary').charts).toHaveLength(1);
    expect(spreadsheet.sheet('Inputs').validations.length).toBeGreaterThan(0);
  });

  it('costs the same number of SpreadsheetApp calls for 1 source and for 6, with the page\'s simulation or without', () => {
    const one = generatedBySidebar(planWithSources(1)).spreadsheet.log;
    const six = generatedBySidebar(planWithSources(6)).spreadsheet.log;
    expect(six.total).toBe(one.total);
    expect(Object.fromEntries(six.counts)).toEqual(Object.fromEntries(one.counts));
    expect(one.counts.get('Range.setValues')).toBe(9); // one block per sheet
    const oneSimulated = generatedWithConfidence(planWithSources(1)).spreadsheet.log;
    const sixSimulated = generatedWithConfidence(planWithSources(6)).spreadsheet.log;
    expect(Object.fromEntries(sixSimulated.counts)).toEqual(Object.fromEntries(oneSimulated.counts));
    // About 40 calls a sheet, 7 a validation rule: the Headcount sheet and the Inputs Roles list's seven rules came to ~95,
    // the Bonus sheet (one heat-map rule) and the Inputs Bonus sections' two rules to ~40 (552 then), the Inputs
    // Rate ranges and Deal size spread sections (one rule) to 8, the Diagnosis sheet (values only, no rules or charts:
    // its sheet, one block, panes, widths, owner and the staging swap) to 33, the Inputs Benchmarks list's three rules
    // to 26. The Confidence sheet adds 40 as text alone (a sheet's block, panes, widths and marker, and emptying its chart
    // record so an older histogram goes) and 14 more with the page's numbers, for its histogram's column chart.
    expect(one.total).toBeLessThan(oneSimulated.total);
    expect(oneSimulated.total).toBeLessThan(682);
  });

  it('costs the same number of SpreadsheetApp calls for 1 source and for 6 sources × 5 channels', () => {
    const channels = ['content', 'events', 'sem', 'seo', 'social'].map((id) => ({ id, name: id, share: 0.2, costPerLead: 150 }));
    const withChannels = (input: PlanInput): PlanInput => ({ ...input, sources: input.sources.map((s) => ({ ...s, channels: channels.map((c) => ({ ...c, id: `${s.id}-${c.id}` })) })) });
    const one = generatedBySidebar(planWithSources(1)).spreadsheet.log;
    const six = generatedBySidebar(withChannels(planWithSources(6))).spreadsheet;
    expect(six.sheet('Monthly').snapshot().values.some((row) => row[0] === 'Source 5 — channel social')).toBe(true);
    // The 30 channels are rows of the Inputs sheet's Channels list: every sheet fits a new sheet's 26 columns.
    expect(Object.fromEntries(six.log.counts)).toEqual(Object.fromEntries(one.counts));
    expect(six.log.total).toBe(one.total);
    expect(six.log.counts.get('Sheet.insertColumnsAfter')).toBeUndefined();
    // Sheets the port inserted are 1,000 × 26 without asking: no size is read.
    expect(six.log.counts.get('Sheet.getMaxColumns')).toBeUndefined();
  });

  it('grows a sheet wider than a new sheet\'s 26 columns once, with the columns it needs (30 sources: Inputs and Funnel)', () => {
    const thirty = generatedBySidebar(planWithSources(30)).spreadsheet;
    const wide = ['Inputs', 'Funnel'];
    expect(thirty.log.counts.get('Sheet.insertColumnsAfter')).toBe(wide.length);
    // Label, 30 sources, Total: 32 columns.
    for (const name of wide) expect(thirty.sheet(name).maxColumns).toBe(32);
    expect(thirty.sheet('Summary').maxColumns).toBe(26);
    expect(thirty.log.counts.get('Sheet.getMaxColumns')).toBeUndefined();
  });

  it('a new sheet smaller than Sheets makes them (taken on trust) is measured and grown when a block does not fit', () => {
    const { ctx, spreadsheet } = fakeContext();
    const book = new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
    book.addSheet('Small');
    spreadsheet.sheet('Small').maxColumns = 10;
    book.writeBlock('Small', { row: 1, col: 1, cells: [Array.from({ length: 20 }, () => ({ value: 1 }))] });
    expect(spreadsheet.sheet('Small').maxColumns).toBe(20);
    expect(spreadsheet.sheet('Small').peek(1, 20).value).toBe(1);
  });

  it('measures a sheet it did not insert once, before it first writes to it', () => {
    const { ctx, spreadsheet } = fakeContext();
    const book = new SheetsWorkbook(ctx.spreadsheet, ctx.builders, ctx.wallClock);
    const block = (col: number) => ({ row: 1, col, cells: [[{ value: 1 }]] });
    book.writeBlock('Sheet1', block(1));
    book.writeBlock('Sheet1', block(30));
    book.writeBlock('Sheet1', block(2));
    expect(spreadsheet.log.counts.get('Sheet.getMaxColumns')).toBe(1);
    expect(spreadsheet.log.counts.get('Sheet.insertColumnsAfter')).toBe(1);
    expect(spreadsheet.sheet('Sheet1').maxColumns).toBe(30);
  });

  it('puts a stacked column chart of the monthly volume on Monthly', () => {
    const { spreadsheet } = generatedBySidebar(defaultPlanInput());
    const charts = spreadsheet.sheet('Monthly').charts;
    expect(charts).toHaveLength(1);
    expect(charts[0].spec).toMatchObject({ type: 'column', stacked: true, transpose: true, numHeaders: 1, options: { title: 'Monthly volume by stage' } });
    expect(spreadsheet.sheet('Summary').charts[0].spec).toMatchObject({ type: 'bar' });
  });

  it('stores formula-like names as literal text', () => {
    const input = defaultPlanInput();
    input.sources[0].name = '=HYPERLINK("http://evil.example","x")';
    input.sources[1].name = '+1+1';
    const { spreadsheet } = generatedBySidebar(input);
    const inputs = spreadsheet.sheet('Inputs');
    expect(inputs.peek(13, 2)).toMatchObject({ value: '=HYPERLINK("http://evil.example","x")', formula: '' });
    expect(inputs.peek(13, 3)).toMatchObject({ value: '+1+1', formula: '' });
  });
});

/** Everything a user could tell apart in the workbook: sheets in order with every non-blank cell, markers, charts, panes and widths, and the named ranges. */
function workbookState(spreadsheet: FakeSpreadsheet) {
  return {
    ...cellsAndMarkers(spreadsheet),
    charts: spreadsheet.sheets.map((s) => s.charts.map((c) => [c.id, c.title])),
    metadata: spreadsheet.sheets.map((s) => s.metadata.map((m) => `${m.getKey()}=${m.getValue()}`).sort()),
    panes: spreadsheet.sheets.map((s) => [s.frozenRows, s.frozenColumns, [...s.widths].filter(([, w]) => w !== 100).sort((a, b) => a[0] - b[0])]), // 100 px is a new sheet's width
  };
}

/** The cells of every sheet (all attributes), the owner markers and the named ranges. */
function cellsAndMarkers(spreadsheet: FakeSpreadsheet) {
  const blankCell = JSON.stringify(new FakeSpreadsheet().sheet('Sheet1').peek(1, 1));
  return {
    names: spreadsheet.names(),
    cells: spreadsheet.sheets.map((s) => [...s.cells.entries()].filter(([, c]) => JSON.stringify(c) !== blankCell).map(([k, c]) => `${k}:${JSON.stringify(c)}`).sort()),
    owners: spreadsheet.sheets.map((s) => s.metadata.filter((m) => m.getKey() === OWNER_KEY).map((m) => m.getValue())),
    named: spreadsheet.named.map((n) => `${n.name}=${n.range.sheet.currentName}!${n.range.getA1Notation()}`).sort(),
  };
}

/** The cells and markers, and every extra a regenerate touches: charts (ids, titles, positions) and their record, frozen panes, widths, conditional formats and validations. */
function wholePlan(spreadsheet: FakeSpreadsheet) {
  return {
    ...cellsAndMarkers(spreadsheet),
    charts: spreadsheet.sheets.map((s) => s.charts.map((c) => JSON.stringify([c.id, c.title, c.position]))),
    chartRecords: spreadsheet.sheets.map((s) => s.metadata.filter((m) => m.getKey() === CHARTS_KEY).map((m) => m.getValue())),
    panes: spreadsheet.sheets.map((s) => [s.frozenRows, s.frozenColumns]),
    widths: spreadsheet.sheets.map((s) => [...s.widths].filter(([, w]) => w !== 100).sort((a, b) => a[0] - b[0])), // 100 px is a new sheet's width
    conditionalFormats: spreadsheet.sheets.map((s) => JSON.stringify(s.conditionalRules)),
    validations: spreadsheet.sheets.map((s) => s.validations.map((v) => `${v.range.getA1Notation()}:${JSON.stringify(v.rule)}`).sort()),
  };
}

/** The fingerprint the CLI records for a sheet it wrote: the same contents, no chart (exceljs writes none). */
function cliFingerprint(spreadsheet: FakeSpreadsheet, name: string): string {
  const port = new SheetsWorkbook(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, fakeBuilders(new CallLog()) as unknown as SheetsBuilders, () => '');
  const fingerprint = contentFingerprint(port, name);
  return fingerprint;
}

/** A plan workbook the CLI wrote and the user uploaded to Drive: owner-table rows, no developer metadata, no charts. */
function uploadedCliWorkbook() {
  const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
  const table = spreadsheet.insertSheetQuietly('_funnel_planner');
  const rows: unknown[][] = [['sheet', 'kind', 'version', 'generatedOn', 'fingerprint']];
  for (const name of ['Summary', 'Funnel', 'Inputs']) {
    const sheet = spreadsheet.sheet(name);
    const marker = JSON.parse(sheet.metadata.find((m) => m.getKey() === OWNER_KEY)!.getValue());
    sheet.metadata = [];
    sheet.charts = [];
    rows.push([name, marker.kind, marker.version, marker.generatedOn, cliFingerprint(spreadsheet, name)]);
  }
  rows.forEach((row, r) => row.forEach((value, c) => Object.assign(table.cellAt(r + 1, c + 1), { value })));
  return { ctx, spreadsheet };
}

/** A chart the user inserts by hand, as Insert → Chart would. */
function addUserChart(sheet: FakeSheet, title: string): FakeChart {
  sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange(8, 1, 5, 2)).setOption('title', title).build());
  return sheet.charts[sheet.charts.length - 1];
}

describe('our chart is known by its id, not its title', () => {
  it('switching the language regenerates one chart, not a second one', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const zh = { ...ctx, lang: 'zh-CN' as const };
    expect(generateFromSidebarInput(zh, defaultPlanInput(), null)).toMatchObject({ ok: true, backups: [] });
    expect(spreadsheet.sheet('Summary').charts.map((c) => c.title)).toEqual(['实现目标所需']);
    expect(generateFromSidebarInput(ctx, defaultPlanInput(), null)).toMatchObject({ ok: true });
    expect(spreadsheet.sheet('Summary').charts.map((c) => c.title)).toEqual(['Required to hit the target']);
  });

  it('a zh_TW spreadsheet gets its sheets in traditional Chinese', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(generateFromSidebarInput({ ...ctx, lang: 'zh-TW' }, defaultPlanInput(), null)).toMatchObject({ ok: true });
    expect(spreadsheet.sheet('Summary').charts.map((c) => c.title)).toEqual(['實現目標所需']);
    const firstColumn = (name: string) => spreadsheet.sheet(name).snapshot().values.map((row) => row[0]);
    expect(firstColumn('Funnel')).toEqual(expect.arrayContaining(['線索', '市場認可線索 (MQL)', '商機', '成交客戶']));
    expect(firstColumn('Inputs')).toEqual(expect.arrayContaining(['年度營收目標', '幣別']));
    // …and reads them back: a second Generate from the sheet itself plans the same.
    expect(generatePlanFromInputs({ ...ctx, lang: 'zh-TW' })).toMatchObject({ ok: true });
  });

  it('a Summary written by version 0.1.0 (no chart ids recorded) gets its chart replaced once, not duplicated', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const summary = spreadsheet.sheet('Summary');
    summary.metadata = summary.metadata.filter((m) => m.getKey() !== CHARTS_KEY);
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(summary.charts).toHaveLength(1);
    addUserChart(summary, 'Required to hit the target');
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(summary.charts).toHaveLength(2); // from now on by id: the user's chart stays
  });

  it("a user's chart titled exactly like ours survives every regenerate", () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const summary = spreadsheet.sheet('Summary');
    const theirs = addUserChart(summary, 'Required to hit the target');
    const ours = summary.charts[0];
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(summary.charts).toContain(theirs);
    expect(summary.charts).not.toContain(ours);
    expect(summary.charts.map((c) => c.title)).toEqual(['Required to hit the target', 'Required to hit the target']);
  });
});

describe('regenerating never loses data', () => {
  it('replaces unedited owned sheets without backups, keeps other sheets and Inputs as they are', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.sheet('Sheet1').cellAt(1, 1).value = 'my notes';
    const notes = JSON.stringify(spreadsheet.sheet('Sheet1').snapshot());
    const inputsBefore = JSON.stringify(spreadsheet.sheet('Inputs').snapshot());
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, title: 'Plan generated' });
    expect(outcome.message).toContain('Marketing must deliver 1,280 SQLs.');
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
    expect(JSON.stringify(spreadsheet.sheet('Sheet1').snapshot())).toBe(notes);
    expect(JSON.stringify(spreadsheet.sheet('Inputs').snapshot())).toBe(inputsBefore);
  });

  it("rewrites our sheets in place, so the user's formulas and charts that point at them keep working", () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const funnel = spreadsheet.sheet('Funnel');
    const summary = spreadsheet.sheet('Summary');
    const userChart = addUserChart(summary, 'My dashboard chart');
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    expect(spreadsheet.sheet('Funnel')).toBe(funnel); // the same sheet: =Funnel!B6 elsewhere still resolves
    expect(spreadsheet.sheet('Summary')).toBe(summary);
    expect(summary.charts).toContain(userChart);
    expect(summary.charts).toHaveLength(2); // ours replaced, theirs kept
    expect(funnel.snapshot().formulas[5][2]).toMatch(/^=IF\(1<MATCH/);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
  });

  it('keeps a backup of an output sheet the user edited', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.sheet('Funnel').cellAt(30, 1).value = 'my comment';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1', 'Funnel (edited, before 2026-11-23 16:40)']);
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(30, 1).value).toBe('my comment');
    expect(spreadsheet.sheet('Funnel').peek(30, 1).value).toBe('');
  });

  it('keeps a backup when the only edit is a note and a red fill on Funnel!C6', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const c6 = spreadsheet.sheet('Funnel').getRange(6, 3);
    c6.setNotes([['sales says this is too low']]);
    c6.setBackgrounds([['#FF0000']]);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(6, 3)).toMatchObject({ note: 'sales says this is too low', background: '#ff0000' });
    expect(spreadsheet.sheet('Funnel').peek(6, 3)).toMatchObject({ note: '', background: '#ffffff' });
  });

  it("keeps a backup when the only edit replaces our note on Funnel!B6 (marketing's channel sum)", () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const ours = spreadsheet.sheet('Funnel').peek(6, 2).note;
    expect(ours).toContain("sum of this source's channels");
    spreadsheet.sheet('Funnel').getRange(6, 2).setNotes([['sales says this is too low']]);
    expect(generatePlanFromInputs(ctx).message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(6, 2).note).toBe('sales says this is too low');
    expect(spreadsheet.sheet('Funnel').peek(6, 2).note).toBe(ours);
  });

  it.each([
    ['a note', (r: FakeRange) => r.setNotes([['ask finance about Q3']])],
    ['a yellow fill', (r: FakeRange) => r.setBackgrounds([['#FFFF00']])],
  ])('keeps a backup when the only edit is %s on an empty cell beyond the table (Funnel!Z3)', (_what, edit) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    edit(spreadsheet.sheet('Funnel').getRange(3, 26));
    const before = { ...spreadsheet.sheet('Funnel').peek(3, 26) };
    expect(generatePlanFromInputs(ctx).message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(3, 26)).toEqual(before);
  });

  it.each([
    ['a number format', (r: FakeRange) => r.setNumberFormats([['0.00']])],
    ['bold', (r: FakeRange) => r.setFontWeights([['bold']])],
    ['italic', (r: FakeRange) => r.setFontStyles([['italic']])],
    ['a font colour', (r: FakeRange) => r.setFontColors([['#1a73e8']])],
    ['a font size', (r: FakeRange) => r.setFontSizes([[18]])],
    ['a horizontal alignment', (r: FakeRange) => r.setHorizontalAlignments([['center']])],
    ['wrapping', (r: FakeRange) => r.setWraps([[true]])],
  ])('keeps a backup when the only edit is %s', (_what, edit) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    edit(spreadsheet.sheet('Summary').getRange(8, 2));
    expect(generatePlanFromInputs(ctx).message).toContain('it is kept as Summary (edited, before 2026-11-23 16:40)');
  });

  type Chain = { [method: string]: (...args: unknown[]) => Chain };
  const builders = () => fakeBuilders(new CallLog()) as unknown as { newDataValidation(): Chain; newConditionalFormatRule(): Chain };
  it.each([
    ['a merge', (s: FakeSheet) => void s.getRange(20, 1, 1, 3).merge(), (b: FakeSheet) => b.merges.map((m) => m.getA1Notation()), ['A20:C20']],
    [
      'a conditional-format rule of the user',
      (s: FakeSheet) => s.conditionalRules.push(builders().newConditionalFormatRule().setRanges([s.getRange(8, 2, 5, 1)]).whenNumberGreaterThan(100).setBackground('#ff0000').build()),
      (b: FakeSheet) => b.conditionalRules.length,
      2,
    ],
    [
      'a dropdown on an empty cell',
      (s: FakeSheet) => void s.getRange(30, 5).setDataValidation(builders().newDataValidation().requireValueInList(['yes', 'no'], true).build()),
      (b: FakeSheet) => b.validations.map((v) => v.range.getA1Notation()),
      ['E30'],
    ],
    ['a new title on our chart', (s: FakeSheet) => s.charts[0].customise({ title: 'Pipeline we need' }), (b: FakeSheet) => b.charts.map((c) => c.title), ['Pipeline we need']],
    ['our chart moved', (s: FakeSheet) => s.charts[0].customise({}, [12, 6, 0, 0]), (b: FakeSheet) => b.charts.map((c) => c.position), [[12, 6, 0, 0]]],
  ])('keeps a backup of Summary when the only edit is %s, and the backup has it', (_what, edit, read, expected) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    edit(spreadsheet.sheet('Summary'));
    expect(generatePlanFromInputs(ctx).message).toContain('it is kept as Summary (edited, before 2026-11-23 16:40)');
    expect(read(spreadsheet.sheet('Summary (edited, before 2026-11-23 16:40)'))).toEqual(expected);
  });

  it.each([
    ['untouched: no backup', () => undefined, false],
    ['with a value typed into it: a backup', (s: FakeSpreadsheet) => void s.sheet('Funnel').getRange(40, 1).setValues([['mine']]), true],
  ])('a plan whose markers hold the digest version 0.1 recorded (cells alone), %s', (_case, edit, backup) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const port = new SheetsWorkbook(spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, fakeBuilders(new CallLog()) as unknown as SheetsBuilders, () => '');
    for (const name of ['Summary', 'Funnel']) {
      const sheet = spreadsheet.sheet(name);
      const marker = JSON.parse(sheet.metadata.find((m) => m.getKey() === OWNER_KEY)!.getValue());
      sheet.metadata = sheet.metadata.filter((m) => m.getKey() !== OWNER_KEY);
      sheet.addDeveloperMetadata(OWNER_KEY, JSON.stringify({ ...marker, fingerprint: legacyFingerprint([port.readCells(name)]) }));
    }
    edit(spreadsheet);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.ok).toBe(true);
    expect(outcome.message.includes('it is kept as Funnel (edited')).toBe(backup);
    expect(outcome.message).not.toContain('kept as Summary');
  });

  it('an untouched plan, whose cells carry sizes, alignment and wrapping and whose sheets carry rules, validations and a chart, keeps no backup', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    expect(spreadsheet.sheet('Inputs').validations.length).toBeGreaterThan(0);
    expect(spreadsheet.sheet('Funnel').conditionalRules.length).toBeGreaterThan(0);
    expect(generatePlanFromInputs(ctx)).toMatchObject({ ok: true, message: expect.not.stringContaining('kept as') });
    expect(generateFromSidebarInput({ ...ctx, lang: 'zh-CN' }, defaultPlanInput(), null)).toMatchObject({ ok: true, backups: [] });
    expect(generatePlanFromInputs(ctx)).toMatchObject({ ok: true, message: expect.not.stringContaining('kept as') });
  });

  it('reads an edited Inputs sheet and writes formulas that point at its rows, even after rows were inserted', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    const inputs = spreadsheet.sheet('Inputs');
    // The user inserts two rows above the rates: move rows 19+ down by two.
    const moved = [...inputs.cells.entries()].filter(([k]) => Number(k.split(',')[0]) >= 19);
    for (const [k] of moved) inputs.cells.delete(k);
    for (const [k, cell] of moved) {
      const [r, c] = k.split(',').map(Number);
      inputs.cells.set(`${r + 2},${c}`, cell);
    }
    inputs.cellAt(22, 2).value = 0.2; // marketing lead → MQL, now on row 22
    inputs.cellAt(24, 3).value = 0.5; // outbound SQL → opportunity, now on row 24
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.ok).toBe(true);
    const funnel = spreadsheet.sheet('Funnel').snapshot();
    // Marketing's channels inherit its lead rate, now on row 22: each channel row's leads divide by it (unless the channel has its own).
    const channelRows = funnel.values.map((row, r) => (String(row[0]).includes('— channel') ? r : -1)).filter((r) => r >= 0);
    expect(channelRows).toHaveLength(3);
    for (const r of channelRows) expect(funnel.formulas[r][1]).toMatch(/IF\(Inputs!\$G\$\d+="",Inputs!\$B\$22,Inputs!\$G\$\d+\)/);
    // Marketing's leads: the sum of those rows (3,200 MQLs (1,600 + 960 + 640) / 20% = 16,000, as the engine has it).
    expect(funnel.formulas[5][1]).toBe(`=SUM(B${channelRows[0] + 1}:B${channelRows[2] + 1})`);
    // Outbound's SQLs: a formula of its SQL → opportunity rate where it is now.
    expect(funnel.formulas[7][2]).toContain('Inputs!$C$24');
  });

  it('after the user moves the Sources section below the rates, Generate reads it and points formulas and names at the moved cells, at the same cost', () => {
    const untouched = fakeContext();
    insertInputsSheet(untouched.ctx);
    untouched.spreadsheet.log.reset();
    expect(generatePlanFromInputs(untouched.ctx).ok).toBe(true);

    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    const inputs = spreadsheet.sheet('Inputs');
    const at = (k: string) => k.split(',').map(Number);
    // Make room below the rates: eight rows inserted at row 25 move Timing and the sections after it down.
    const below = [...inputs.cells.entries()].filter(([k]) => at(k)[0] >= 25);
    for (const [k] of below) inputs.cells.delete(k);
    for (const [k, cell] of below) inputs.cells.set(`${at(k)[0] + 8},${at(k)[1]}`, cell);
    // Cut A11:D17 (the Sources section) and paste it at A26, below the rates.
    const section = [...inputs.cells.entries()].filter(([k]) => at(k)[0] >= 11 && at(k)[0] <= 17 && at(k)[1] <= 4);
    for (const [k] of section) inputs.cells.delete(k);
    for (const [k, cell] of section) inputs.cells.set(`${at(k)[0] + 15},${at(k)[1]}`, cell);
    spreadsheet.log.reset();
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.ok).toBe(true);
    expect(Object.fromEntries(spreadsheet.log.counts)).toEqual(Object.fromEntries(untouched.spreadsheet.log.counts));
    expect(spreadsheet.log.counts.get('Range.getValues')).toBe(untouched.spreadsheet.log.counts.get('Range.getValues'));
    const named = Object.fromEntries(spreadsheet.named.map((n) => [n.name, n.getRange().getA1Notation()]));
    expect(named).toMatchObject({ RevenueTarget: 'B7', Stages: 'A20:A24', SourceKinds: 'B29:C29', Shares: 'B30:C30', MarketingShare: 'B30', DealSizes: 'B31:C31' });
    const funnel = spreadsheet.sheet('Funnel').snapshot();
    expect(funnel.formulas[5][2]).toMatch(/^=IF\(1<MATCH\(Inputs!\$C\$32,Stages,0\),0,/);
    expect(funnel.formulas[5][2]).toContain('Inputs!$C$20'); // the rates stayed where they were
    expect(funnel.formulas[13][1]).toMatch(/^=SUMIF\(Inputs!\$B\$29:\$C\$29,"marketing",/);
    // The same plan as before the move: marketing's channel sums, written as values, are the untouched run's.
    expect(funnel.values).toEqual(untouched.spreadsheet.sheet('Funnel').snapshot().values);
  });

  it('a failure while staging leaves the previous plan whole', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const before = workbookState(spreadsheet);
    spreadsheet.log.failOn('Range.setValues', 1); // the second new sheet fails
    expect(() => generatePlanFromInputs(ctx)).toThrow('Service Spreadsheets failed');
    expect(workbookState(spreadsheet)).toEqual(before);
  });

  it.each([
    ['unedited', () => undefined],
    ['with a backup due', (s: FakeSpreadsheet) => s.sheet('Funnel').getRange(6, 2).setNotes([['keep me']])],
  ])('a failure on the second copy of the swap leaves the previous plan whole, byte for byte (%s)', (_case, edit) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    edit(spreadsheet);
    const before = workbookState(spreadsheet);
    spreadsheet.log.failOn('Range.copyTo', 1); // Summary is swapped in, Funnel's copy fails
    expect(() => generatePlanFromInputs({ ...ctx, lang: 'zh-CN', today: '2026-12-01' })).toThrow('Service Spreadsheets failed');
    expect(workbookState(spreadsheet)).toEqual(before);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']); // no "(new)" sheets, no copies
  });

  it('whichever call fails before the swap is complete, the previous plan is whole and nothing is left behind', () => {
    // Every SpreadsheetApp call a regenerate makes, but those that only tidy up once the plan is complete.
    const probe = generatedBySidebar(defaultPlanInput());
    probe.spreadsheet.log.reset();
    generateFromSidebarInput({ ...probe.ctx, lang: 'zh-CN' }, defaultPlanInput(), null);
    const tidying = ['Spreadsheet.deleteSheet', 'Spreadsheet.setActiveSheet', 'Spreadsheet.moveActiveSheet'];
    const calls = [...probe.spreadsheet.log.counts.keys()].filter((name) => !tidying.includes(name));
    expect(calls.length).toBeGreaterThan(40);
    let failures = 0;
    for (const call of calls) {
      for (const after of [0, 2]) {
        const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
        const before = wholePlan(spreadsheet);
        spreadsheet.log.failOn(call, after);
        let failed = true;
        try {
          generateFromSidebarInput({ ...ctx, lang: 'zh-CN' }, defaultPlanInput(), null);
          failed = false;
        } catch (error) {
          expect(String(error)).toContain('Service Spreadsheets failed');
        }
        if (!failed) continue; // the run finished before the nth call
        failures++;
        expect({ call, after, state: wholePlan(spreadsheet) }).toEqual({ call, after, state: before });
      }
    }
    expect(failures).toBeGreaterThan(80);
  });

  it('a failure after the new chart is in (setting the named ranges) leaves the old chart, its record and the old panes, widths and rules', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const summary = spreadsheet.sheet('Summary');
    const [oldChart] = summary.charts;
    const before = wholePlan(spreadsheet);
    spreadsheet.log.failOn('Spreadsheet.getNamedRanges', 0);
    expect(() => generateFromSidebarInput({ ...ctx, lang: 'zh-CN' }, defaultPlanInput(), null)).toThrow('Service Spreadsheets failed');
    expect(summary.charts.map((c) => [c.id, c.title])).toEqual([[oldChart.id, 'Required to hit the target']]);
    expect(summary.metadata.filter((m) => m.getKey() === CHARTS_KEY).map((m) => JSON.parse(m.getValue()))).toEqual([[oldChart.id]]);
    expect(wholePlan(spreadsheet)).toEqual(before);
  });

  it('a run killed mid-swap: the next run removes its staging sheets, keeps the copies of the previous plan and writes a whole plan', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.log.failOn('Range.copyTo', 1, { thenAll: true }); // Apps Script's time limit: nothing runs after
    expect(() => generatePlanFromInputs({ ...ctx, lang: 'zh-CN' })).toThrow();
    spreadsheet.log.recover();
    const copies = ['Summary (before 2026-11-23 16:40)', 'Funnel (before 2026-11-23 16:40)', 'Monthly (before 2026-11-23 16:40)', 'Teams (before 2026-11-23 16:40)', 'Headcount (before 2026-11-23 16:40)', 'Bonus (before 2026-11-23 16:40)', 'Confidence (before 2026-11-23 16:40)', 'Diagnosis (before 2026-11-23 16:40)'];
    expect(spreadsheet.names()).toEqual(expect.arrayContaining(['Summary (new)', 'Funnel (new)', ...copies]));
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, message: expect.not.stringContaining('kept as') });
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1', ...copies]);
    expect(spreadsheet.sheet('Funnel').snapshot()).toEqual(spreadsheet.sheet('Funnel (before 2026-11-23 16:40)').snapshot());
  });

  it('a run killed mid-swap, then the user typed into its "Funnel (new)": the next run keeps that sheet as a backup and writes a whole plan', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.log.failOn('Range.copyTo', 1, { thenAll: true });
    expect(() => generatePlanFromInputs({ ...ctx, lang: 'zh-CN' })).toThrow();
    spreadsheet.log.recover();
    spreadsheet.sheet('Funnel (new)').getRange(40, 1).setValues([['my note in the new funnel']]);
    const outcome = generatePlanFromInputs(ctx);
    const kept = 'Funnel (new, edited before 2026-11-23 16:40)';
    expect(outcome).toMatchObject({ ok: true, message: expect.stringContaining(`it is kept as ${kept}`) });
    expect(spreadsheet.sheet(kept).peek(40, 1).value).toBe('my note in the new funnel');
    expect(spreadsheet.names()).not.toContain('Summary (new)'); // unchanged: deleted
    expect(spreadsheet.names()).not.toContain('Funnel (new)');
    expect(spreadsheet.sheet('Funnel').snapshot().formulas[5][2]).toMatch(/^=IF\(1<MATCH/);
  });

  it('cleans up only staging sheets it marked: a sheet of the user named "Funnel (new)" stays', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const mine = spreadsheet.insertSheet('Funnel (new)', 10); // after Sheet1
    mine.cellAt(1, 1).value = 'my draft of a new funnel';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.ok).toBe(true);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1', 'Funnel (new)']);
    expect(spreadsheet.sheet('Funnel (new)').peek(1, 1).value).toBe('my draft of a new funnel');
  });

  it('recognises the sheets of a CLI workbook uploaded to Drive by its hidden owner table', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const table = spreadsheet.insertSheetQuietly('_funnel_planner');
    const rows: unknown[][] = [['sheet', 'kind', 'version', 'generatedOn', 'fingerprint']];
    for (const name of ['Summary', 'Funnel', 'Inputs']) {
      const sheet = spreadsheet.sheet(name);
      const marker = JSON.parse(sheet.metadata.find((m) => m.getKey() === OWNER_KEY)!.getValue());
      sheet.metadata = []; // an uploaded .xlsx has no developer metadata, and no charts (exceljs writes none)
      sheet.charts = [];
      rows.push([name, marker.kind, marker.version, marker.generatedOn, cliFingerprint(spreadsheet, name)]);
    }
    rows.forEach((row, r) => row.forEach((value, c) => Object.assign(table.cellAt(r + 1, c + 1), { value })));
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, title: 'Plan generated', message: expect.not.stringContaining('kept as') });
    // The rows of the sheets it rewrote are used up: those now carry their own markers.
    expect(table.snapshot().values.map((row) => row[0])).toEqual(['sheet', 'Inputs']);
    for (const name of ['Summary', 'Funnel']) expect(spreadsheet.sheet(name).metadata.map((m) => m.getKey())).toContain(OWNER_KEY);
  });

  it('refuses to replace a sheet Funnel Planner did not create', () => {
    const { ctx, spreadsheet } = fakeContext(new FakeSpreadsheet(['Summary']));
    spreadsheet.sheet('Summary').cellAt(1, 1).value = 'the CFO summary';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Sheet name in use' });
    expect(outcome.message).toContain('A sheet named "Summary" already exists and was not created by Funnel Planner');
    expect(spreadsheet.sheet('Summary').peek(1, 1).value).toBe('the CFO summary');
    expect(spreadsheet.names()).toEqual(['Inputs', 'Summary']);
  });

  it("a user's own sheet named like ours is refused even when a stale owner-table row still names it", () => {
    const { ctx, spreadsheet } = uploadedCliWorkbook();
    // The user deleted our Summary and made their own under the same name.
    spreadsheet.deleteSheet(spreadsheet.sheet('Summary'));
    const theirs = spreadsheet.insertSheet('Summary', 0);
    theirs.cellAt(1, 1).value = 'the CFO summary';
    theirs.cellAt(2, 2).value = 42;
    const before = workbookState(spreadsheet);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Sheet name in use' });
    expect(outcome.message).toContain('Sheet "Summary" is listed as Funnel Planner\'s in the owner table of an uploaded workbook, but it has changed');
    expect(workbookState(spreadsheet)).toEqual(before);
  });

  it('once a sheet carries our metadata, its owner-table row is used up: a later sheet of the user under that name is not ours', () => {
    const { ctx, spreadsheet } = uploadedCliWorkbook();
    expect(generatePlanFromInputs(ctx).ok).toBe(true);
    spreadsheet.deleteSheet(spreadsheet.sheet('Funnel'));
    spreadsheet.insertSheet('Funnel', 1).cellAt(1, 1).value = 'pipeline review notes';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Sheet name in use', message: expect.stringContaining('A sheet named "Funnel" already exists and was not created by Funnel Planner') });
    expect(spreadsheet.sheet('Funnel').peek(1, 1).value).toBe('pipeline review notes');
  });

  it("a copy of our sheet carries our metadata but not the sheet's identity: it is not taken for ours", () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const copy = spreadsheet.sheet('Funnel').copyTo(spreadsheet); // "Copy of Funnel", metadata and all
    spreadsheet.deleteSheet(spreadsheet.sheet('Funnel'));
    copy.setName('Funnel');
    copy.cellAt(40, 1).value = 'my version';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('A sheet named "Funnel" already exists and was not created by Funnel Planner') });
    expect(spreadsheet.sheet('Funnel').peek(40, 1).value).toBe('my version');
  });

  it('a damaged owner marker is reported as such, naming the sheet, in the user\'s language, and the sheet is left alone', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const funnel = spreadsheet.sheet('Funnel');
    funnel.metadata = funnel.metadata.filter((m) => m.getKey() !== OWNER_KEY);
    funnel.addDeveloperMetadata(OWNER_KEY, '{"kind":"funnel","fingerpr');
    const before = workbookState(spreadsheet);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Sheet name in use' });
    expect(outcome.message).toBe(
      'The Funnel Planner marker of sheet "Funnel" is damaged and cannot be read, so Funnel Planner cannot tell whether it made that sheet and leaves it alone. Rename the sheet (or delete it if it is an old plan), then generate again.',
    );
    expect(workbookState(spreadsheet)).toEqual(before);
    const zh = generateFromSidebarInput({ ...ctx, lang: 'zh-CN' }, defaultPlanInput(), null);
    expect(zh).toMatchObject({ ok: false, reason: 'failed', message: expect.stringContaining('工作表“Funnel”上的 Funnel Planner 标记已损坏') });
  });

  it('a damaged owner-table row is reported as such too', () => {
    const { ctx, spreadsheet } = uploadedCliWorkbook();
    const table = spreadsheet.sheet('_funnel_planner');
    const row = table.snapshot().values.findIndex((r) => r[0] === 'Funnel') + 1;
    table.cellAt(row, 5).value = '#REF!';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('The Funnel Planner marker of sheet "Funnel" is damaged') });
  });

  it('checks for Inputs inside the lock: one written by another run while this one waited is used, not refused', () => {
    const { ctx, spreadsheet, lock } = fakeContext();
    lock.whileWaiting = () => {
      // Another click inserted Inputs and the user typed a target, while this run waited for the lock.
      expect(insertInputsSheet(ctx).ok).toBe(true);
      spreadsheet.sheet('Inputs').cellAt(7, 2).value = 12_000_000;
    };
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, title: 'Plan generated' });
    expect(spreadsheet.sheet('Inputs').peek(7, 2).value).toBe(12_000_000);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
  });

  it('a second click while generating gets "already running"', () => {
    const { ctx, spreadsheet, lock } = fakeContext();
    insertInputsSheet(ctx);
    lock.heldElsewhere = true;
    const before = spreadsheet.names();
    expect(generatePlanFromInputs(ctx)).toMatchObject({ ok: false, title: 'Already running' });
    expect(generateFromSidebarInput(ctx, defaultPlanInput(), null)).toMatchObject({ ok: false, reason: 'busy' });
    expect(spreadsheet.names()).toEqual(before);
  });

  it('names the Inputs cell of a bad value', () => {
    const { ctx, spreadsheet } = fakeContext();
    insertInputsSheet(ctx);
    spreadsheet.sheet('Inputs').cellAt(16, 3).value = -5;
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: false, title: 'Please fix the Inputs sheet' });
    expect(outcome.message).toBe('Inputs!C16 (sources[1].avgDealSize): expected a number greater than 0, got -5');
  });

  it('Insert Inputs sheet leaves an existing one alone', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(insertInputsSheet(ctx).ok).toBe(true);
    spreadsheet.sheet('Inputs').cellAt(7, 2).value = 5_000_000;
    expect(insertInputsSheet(ctx)).toMatchObject({ ok: false, title: 'Inputs sheet exists' });
    expect(spreadsheet.sheet('Inputs').peek(7, 2).value).toBe(5_000_000);
  });
});

describe('the sidebar server', () => {
  it('prefills from the Inputs sheet, and a submit of that form keeps no needless backup', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.sheet('Inputs').cellAt(7, 2).value = 12_000_000; // edited since generated
    const state = sidebarState(ctx);
    expect(state.source).toBe('inputs-sheet');
    expect(state.input.revenueTarget).toBe(12_000_000);
    const response = generateFromSidebarInput(ctx, state.input, state.inputsFingerprint);
    expect(response).toMatchObject({ ok: true, backups: [] });
  });

  it('backs up Inputs that hold more than the form can carry (a note, a formula in an input cell)', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.sheet('Inputs').cellAt(30, 6).value = 'why 40%: board decision';
    Object.assign(spreadsheet.sheet('Inputs').cellAt(15, 3), { formula: '=1-B15', value: 0.6 });
    const state = sidebarState(ctx);
    const response = generateFromSidebarInput(ctx, state.input, state.inputsFingerprint);
    expect(response).toMatchObject({ ok: true, backups: ['Inputs (edited, before 2026-11-23 16:40)'] });
    const backup = spreadsheet.sheet('Inputs (edited, before 2026-11-23 16:40)');
    expect(backup.peek(30, 6).value).toBe('why 40%: board decision');
    expect(backup.peek(15, 3).formula).toBe('=1-B15');
  });

  it('backs up Inputs edited after the sidebar loaded it', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const state = sidebarState(ctx);
    spreadsheet.sheet('Inputs').cellAt(40, 1).value = 'typed meanwhile';
    const response = generateFromSidebarInput(ctx, state.input, state.inputsFingerprint);
    expect(response).toMatchObject({ ok: true, backups: ['Inputs (edited, before 2026-11-23 16:40)'] });
  });

  it('returns field errors for an invalid form without touching the spreadsheet', () => {
    const { ctx, spreadsheet } = fakeContext();
    const input = defaultPlanInput();
    input.sources[0].conversionRates.lead = '150%';
    const response = generateFromSidebarInput(ctx, input, null);
    expect(response).toEqual({
      ok: false,
      reason: 'invalid',
      errors: [{ path: 'sources[0].conversionRates.lead', message: 'expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got "150%"' }],
    });
    expect(spreadsheet.names()).toEqual(['Sheet1']);
  });

  it('falls back to the default template when there is no Inputs sheet', () => {
    const { ctx } = fakeContext();
    expect(sidebarState(ctx)).toMatchObject({ source: 'default-template', inputsFingerprint: null, readProblems: [] });
  });
});
