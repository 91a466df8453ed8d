/**
 * The Confidence sheet in Google Sheets, through the SpreadsheetApp fake: Generate from the sidebar
 * writes the simulation the page ran (checked first: a malformed one, or one of another plan, is
 * refused and nothing is written); menu Generate, which must not simulate, writes the sheet that
 * says where the simulation runs, replacing an older one with numbers and backing up one the user
 * edited.
 */
import type { Confidence } from '../../src/core/confidence/confidence';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { planConfidence } from '../../src/core/confidence/confidence';
import { plan } from '../../src/core/plan';
import type { PlanInput } from '../../src/core/planInput';
import { generateFromSidebarInput, generatePlanFromInputs } from '../../src/gas/generatePlan';
import { fakeContext } from './fakes/gasFakes';
import { rowOf } from './generatedSheets';

/** The page's simulation of `input` as google.script.run hands it over: JSON (undefined fields dropped). */
function pageConfidence(input: PlanInput): Confidence & Record<string, unknown> {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error('valid plan');
  return JSON.parse(JSON.stringify(planConfidence(outcome.plan, outcome.funnel, { trials: 1_000 })));
}

const TEMPLATE = pageConfidence(defaultPlanInput());

function valueRight(values: unknown[][], label: string, col = 1): unknown {
  const row = values.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row[col];
}

const numbersOf = (values: unknown[][]) => values.flat().filter((v) => typeof v === 'number');

describe('the Confidence sheet in Google Sheets', () => {
  it('Generate from the sidebar writes the page\'s simulation: its numbers, the sources\' volumes and the histogram with a column chart', () => {
    const { ctx, spreadsheet } = fakeContext();
    const response = generateFromSidebarInput(ctx, defaultPlanInput(), null, TEMPLATE);
    expect(response).toMatchObject({ ok: true, sheets: expect.arrayContaining(['Confidence']) });
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
    const sheet = spreadsheet.sheet('Confidence');
    const { values, formulas } = sheet.snapshot();
    expect(formulas.flat().every((f) => f === '')).toBe(true);
    expect(valueRight(values, 'Trials')).toBe(1_000);
    expect(valueRight(values, 'Seed (the same seed gives the same numbers)')).toBe(2027);
    expect(valueRight(values, 'Revenue P10 (9 trials in 10 reach it)')).toBe(TEMPLATE.revenue.p10);
    expect(valueRight(values, 'Revenue P50 (the median trial)')).toBe(TEMPLATE.revenue.p50);
    expect(valueRight(values, 'Revenue P90 (1 trial in 10 reaches it)')).toBe(TEMPLATE.revenue.p90);
    expect(valueRight(values, 'P(revenue ≥ target)')).toBe(TEMPLATE.pHitTarget);
    expect(valueRight(values, 'Every entry volume ×')).toBe(TEMPLATE.forConfidence.multiplier ?? 'more than 20× the plan');
    const m = TEMPLATE.forConfidence.bySource.marketing;
    expect(values[rowOf(spreadsheet, 'Confidence', 'Marketing-sourced') - 1].slice(1, 7)).toEqual(['Leads', ...Object.values({ a: TEMPLATE.bySource.marketing.won.p10, b: TEMPLATE.bySource.marketing.won.p50, c: TEMPLATE.bySource.marketing.won.p90 }), 12_800, m.volume ?? 'more than 20× the plan']);
    const bins = values.filter((r) => typeof r[0] === 'string' && / – /.test(r[0] as string)).map((r) => r[1]);
    expect(bins).toEqual(TEMPLATE.histogram.map((b) => b.trials));
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0].spec).toMatchObject({ type: 'column', options: { title: 'Revenue over the trials', legend: { position: 'none' } } });
    expect(sheet.charts[0].spec.stacked).toBeUndefined();
  });

  it('Generate from the sidebar without a simulation (null), and menu Generate, write no number: the sheet says the simulation runs in the sidebar', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(generateFromSidebarInput(ctx, defaultPlanInput(), null, null).ok).toBe(true);
    const fromSidebar = spreadsheet.sheet('Confidence').snapshot().values;
    expect(numbersOf(fromSidebar)).toEqual([]);
    expect(fromSidebar[2][0]).toMatch(/runs in the sidebar, in your browser.*Generate sheets/);
    const fresh = fakeContext();
    expect(generatePlanFromInputs({ ...fresh.ctx, lang: 'zh-TW' }).ok).toBe(true);
    const fromMenu = fresh.spreadsheet.sheet('Confidence').snapshot().values;
    expect(numbersOf(fromMenu)).toEqual([]);
    expect(fromMenu[2][0]).toMatch(/模擬在側邊欄中.*生成工作表/);
    expect(fresh.spreadsheet.sheet('Confidence').charts).toEqual([]);
  });

  it('menu Generate replaces a Confidence sheet with numbers by the one without (no stale numbers, no backup of an unedited sheet, the chart gone)', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(generateFromSidebarInput(ctx, defaultPlanInput(), null, TEMPLATE).ok).toBe(true);
    const outcome = generatePlanFromInputs(ctx);
    expect(outcome).toMatchObject({ ok: true, message: expect.not.stringContaining('kept as') });
    const values = spreadsheet.sheet('Confidence').snapshot().values;
    expect(numbersOf(values)).toEqual([]);
    expect(values[2][0]).toMatch(/runs in the sidebar/);
    expect(spreadsheet.sheet('Confidence').charts).toEqual([]);
    expect(spreadsheet.names()).toEqual(['Summary', 'Funnel', 'Monthly', 'Teams', 'Headcount', 'Bonus', 'Confidence', 'Diagnosis', 'Inputs', 'Sheet1']);
  });

  it('a Confidence sheet the user edited is kept as a backup when it is replaced', () => {
    const { ctx, spreadsheet } = fakeContext();
    expect(generateFromSidebarInput(ctx, defaultPlanInput(), null, TEMPLATE).ok).toBe(true);
    spreadsheet.sheet('Confidence').cellAt(60, 1).value = 'board asked for P90';
    const outcome = generatePlanFromInputs(ctx);
    const kept = 'Confidence (edited, before 2026-11-23 16:40)';
    expect(outcome.message).toContain(`it is kept as ${kept}`);
    expect(spreadsheet.sheet(kept).peek(60, 1).value).toBe('board asked for P90');
    expect(valueRight(spreadsheet.sheet(kept).snapshot().values, 'Trials')).toBe(1_000);
  });

  describe('a malformed simulation is refused with its field, and nothing is written', () => {
    const refused = (confidence: unknown, lang: 'en' | 'zh-CN' = 'en') => {
      const { ctx, spreadsheet } = fakeContext();
      const response = generateFromSidebarInput({ ...ctx, lang }, defaultPlanInput(), null, confidence);
      expect(spreadsheet.names()).toEqual(['Sheet1']);
      if (response.ok || response.reason !== 'failed') throw new Error(JSON.stringify(response));
      return response.message;
    };
    const { pHitTarget: _p, ...withoutPHit } = TEMPLATE;

    it.each([
      ['not an object', 'simulated', 'confidence: expected an object with fields, got "simulated"'],
      ['trials as text', { ...TEMPLATE, trials: 'many' }, 'confidence.trials: expected a whole number of trials from 1 to 10,000,000, got "many"'],
      ['a fractional seed', { ...TEMPLATE, seed: 20.27 }, 'confidence.seed: expected a whole number from 0 to 4294967295, got 20.27'],
      ['a NaN that JSON made null', { ...TEMPLATE, revenue: { ...TEMPLATE.revenue, p10: null } }, 'confidence.revenue.p10: expected a finite number, got null'],
      ['no P(hit)', withoutPHit, 'confidence.pHitTarget: expected a finite number, got nothing'],
      ['a P(hit) above 1', { ...TEMPLATE, pHitTarget: 1.5 }, 'confidence.pHitTarget: expected a number from 0 to 1, got 1.5'],
      ['another plan\'s sources', { ...TEMPLATE, bySource: { web: TEMPLATE.bySource.marketing, outbound: TEMPLATE.bySource.outbound } }, 'confidence.bySource: expected exactly the plan\'s sources (marketing, outbound), got "web, outbound"'],
      ['another plan\'s target', { ...TEMPLATE, target: 12_000_000 }, 'confidence.target: expected this plan\'s revenue target, 10000000 (the simulation is of another plan), got 12000000'],
      [
        'another plan\'s volume',
        { ...TEMPLATE, forConfidence: { ...TEMPLATE.forConfidence, bySource: { ...TEMPLATE.forConfidence.bySource, marketing: { ...TEMPLATE.forConfidence.bySource.marketing, planned: 9_000 } } } },
        'confidence.forConfidence.bySource.marketing.planned: expected this plan\'s entry volume, 12800 (the simulation is of another plan), got 9000',
      ],
      ['a confidence of 1', { ...TEMPLATE, forConfidence: { ...TEMPLATE.forConfidence, confidence: 1 } }, 'confidence.forConfidence.confidence: expected a number above 0 and below 1, got 1'],
      ['a histogram that loses trials', { ...TEMPLATE, histogram: TEMPLATE.histogram.slice(1) }, `confidence.histogram: expected bins whose trials add up to 1000, got ${1_000 - TEMPLATE.histogram[0].trials}`],
      ['a bin with no trials field', { ...TEMPLATE, histogram: [{ from: 1, to: 2 }] }, 'confidence.histogram[0].trials: expected a whole number of 0 or more, got nothing'],
    ])('%s', (_what, confidence, message) => {
      expect(refused(confidence)).toBe(`The sidebar's simulation, ${message}. Nothing was written; press Generate sheets again (reload the sidebar if it repeats).`);
    });

    it('in zh-CN', () => {
      expect(refused({ ...TEMPLATE, trials: -1 }, 'zh-CN')).toBe('侧边栏的模拟结果 confidence.trials：应为1 到 10,000,000 之间的整数模拟次数，实际为 -1。未写入任何内容；请再点一次“生成工作表”（如仍出现，请重新载入侧边栏）。');
    });
  });
});
