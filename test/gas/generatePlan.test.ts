import { defaultPlanInput } from '../../src/core/defaultPlan';
import type { PlanInput } from '../../src/core/planInput';
import { generateFromSidebarInput, generatePlanFromInputs, insertInputsSheet } from '../../src/gas/generatePlan';
import { sidebarState } from '../../src/gas/sidebarState';
import { CHARTS_KEY, OWNER_KEY } from '../../src/gas/sheetsWorkbook';
import { FakeChart, FakeRange, FakeSheet, FakeSpreadsheet } from './fakes/fakeSpreadsheet';
import { fakeContext } from './fakes/gasFakes';

function planWithSources(n: number): PlanInput {
  const base = defaultPlanInput();
  const template = base.sources[0];
  const shares = Array.from({ length: n }, (_, i) => (i < n - 1 ? Math.floor(100 / n) / 100 : 0));
  shares[n - 1] = Number((1 - shares.slice(0, -1).reduce((a, b) => a + b, 0)).toFixed(2));
  return { ...base, sources: shares.map((share, i) => ({ ...template, id: `s${i}`, name: `Source ${i}`, kind: i === 0 ? 'marketing' : 'sales', share })) };
}

function generatedBySidebar(input: PlanInput) {
  const { ctx, spreadsheet } = fakeContext();
  const response = generateFromSidebarInput(ctx, input, null);
  if (!response.ok) throw new Error(JSON.stringify(response));
  return { ctx, spreadsheet, response };
}

describe('Generate through the SpreadsheetApp port', () => {
  it('writes Summary, Funnel and Inputs with live formulas, escaped text, metadata and a chart', () => {
    const { spreadsheet, response } = generatedBySidebar(defaultPlanInput());
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Inputs', 'Sheet1']);
    expect(response.sheets).toEqual(['Summary', 'Funnel', 'Inputs']);
    expect(response.summary.marketingTarget).toEqual({ stage: 'sql', label: 'SQLs', count: 1280 });
    const funnel = spreadsheet.sheet('Funnel').snapshot();
    expect(funnel.formulas[5][1]).toMatch(/^=IF\(1<MATCH\(Inputs!\$B\$17,Stages,0\),0,/);
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

  it('costs the same number of SpreadsheetApp calls for 1 source and for 6', () => {
    const one = generatedBySidebar(planWithSources(1)).spreadsheet.log;
    const six = generatedBySidebar(planWithSources(6)).spreadsheet.log;
    expect(six.total).toBe(one.total);
    expect(Object.fromEntries(six.counts)).toEqual(Object.fromEntries(one.counts));
    expect(one.counts.get('Range.setValues')).toBe(3); // one block per sheet
    expect(one.total).toBeLessThan(400);
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
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Inputs', 'Sheet1']);
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
    expect(funnel.snapshot().formulas[5][1]).toMatch(/^=IF\(1<MATCH/);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Inputs', 'Sheet1']);
  });

  it('keeps a backup of an output sheet the user edited', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    spreadsheet.sheet('Funnel').cellAt(30, 1).value = 'my comment';
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Inputs', 'Sheet1', 'Funnel (edited, before 2026-11-23 16:40)']);
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(30, 1).value).toBe('my comment');
    expect(spreadsheet.sheet('Funnel').peek(30, 1).value).toBe('');
  });

  it('keeps a backup when the only edit is a note and a red fill on Funnel!B6', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const b6 = spreadsheet.sheet('Funnel').getRange(6, 2);
    b6.setNotes([['sales says this is too low']]);
    b6.setBackgrounds([['#FF0000']]);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.message).toContain('it is kept as Funnel (edited, before 2026-11-23 16:40)');
    expect(spreadsheet.sheet('Funnel (edited, before 2026-11-23 16:40)').peek(6, 2)).toMatchObject({ note: 'sales says this is too low', background: '#ff0000' });
    expect(spreadsheet.sheet('Funnel').peek(6, 2)).toMatchObject({ note: '', background: '#ffffff' });
  });

  it.each([
    ['a number format', (r: FakeRange) => r.setNumberFormats([['0.00']])],
    ['bold', (r: FakeRange) => r.setFontWeights([['bold']])],
    ['italic', (r: FakeRange) => r.setFontStyles([['italic']])],
    ['a font colour', (r: FakeRange) => r.setFontColors([['#1a73e8']])],
  ])('keeps a backup when the only edit is %s', (_what, edit) => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    edit(spreadsheet.sheet('Summary').getRange(8, 2));
    expect(generatePlanFromInputs(ctx).message).toContain('it is kept as Summary (edited, before 2026-11-23 16:40)');
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
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome.ok).toBe(true);
    const funnel = spreadsheet.sheet('Funnel').snapshot();
    expect(funnel.formulas[5][1]).toContain('Inputs!$B$22');
  });

  it('a failure part-way leaves the previous plan whole', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const before = spreadsheet.names().map((n) => [n, JSON.stringify(spreadsheet.sheet(n).snapshot())]);
    spreadsheet.failOnSetValues = { after: 1 }; // the second new sheet fails
    expect(() => generatePlanFromInputs(ctx)).toThrow('timed out');
    spreadsheet.failOnSetValues = undefined;
    expect(spreadsheet.names().map((n) => [n, JSON.stringify(spreadsheet.sheet(n).snapshot())])).toEqual(before);
  });

  it('recognises the sheets of a CLI workbook uploaded to Drive by its hidden owner table', () => {
    const { ctx, spreadsheet } = generatedBySidebar(defaultPlanInput());
    const table = spreadsheet.insertSheetQuietly('_funnel_planner');
    const rows: unknown[][] = [['sheet', 'kind', 'version', 'generatedOn', 'fingerprint']];
    for (const name of ['Summary', 'Funnel', 'Inputs']) {
      const sheet = spreadsheet.sheet(name);
      const marker = JSON.parse(sheet.metadata.find((m) => m.getKey() === OWNER_KEY)!.getValue());
      rows.push([name, marker.kind, marker.version, marker.generatedOn, marker.fingerprint]);
      sheet.metadata = []; // an uploaded .xlsx has no developer metadata, and no charts (exceljs writes none)
      sheet.charts = [];
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
