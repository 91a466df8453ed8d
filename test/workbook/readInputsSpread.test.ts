/** The Inputs sheet's Rate ranges and Deal size spread sections (the confidence simulation's inputs): written, read back, typed in other forms, and errors named by cell. */
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import { validatePlan } from '../../src/core/validatePlan';
import { planLayouts } from '../../src/workbook/layouts/planLayouts';
import type { CellValue } from '../../src/workbook/port';
import { formatCellError, readInputs } from '../../src/workbook/readInputs';
import { writeLayouts } from '../../src/workbook/writeLayouts';
import { MemoryWorkbook } from '../support/memoryWorkbook';

const STAMP = { version: '9.9.9', generatedOn: '2026-12-01' };

function inputsValues(input: unknown, lang: 'en' | 'zh-CN' = 'en'): CellValue[][] {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => formatFieldError(e)).join('; '));
  const book = new MemoryWorkbook();
  writeLayouts(book, planLayouts({ plan: outcome.plan, funnel: outcome.funnel, lang, stamp: STAMP }), STAMP);
  return book.readValues('Inputs').map((r) => [...r]);
}

const read = (values: CellValue[][], lang: 'en' | 'zh-CN' = 'en') => readInputs(new MemoryWorkbook(), 'Inputs', lang, values);
const rowOf = (values: CellValue[][], label: string) => values.map((r) => r[0]).lastIndexOf(label);

function spreadPlan() {
  const t = defaultPlanInput();
  const [marketing, outbound] = t.sources;
  return { ...t, sources: [{ ...marketing, conversionRanges: { mql: ['30%', '50%'], opportunity: [0.125, 0.3] }, dealSizeCv: 0.6 }, { ...outbound, dealSizeCv: '45%' }] };
}

describe('the Inputs sheet: rate ranges and deal size spread', () => {
  it('writes each range as "low, high" and each CV as a percent, and reads them back as the plan had them', () => {
    const values = inputsValues(spreadPlan());
    const title = rowOf(values, 'Rate ranges (confidence)');
    expect(values[title].slice(0, 3)).toEqual(['Rate ranges (confidence)', 'Source 1', 'Source 2']);
    const row = (stage: string) => values.slice(title).find((r) => r[0] === stage)!.slice(0, 3);
    expect(row('mql')).toEqual(['mql', '30%, 50%', null]);
    expect(row('opportunity')).toEqual(['opportunity', '12.5%, 30%', null]);
    const cv = rowOf(values, 'Deal size CV');
    expect(values[cv].slice(0, 3)).toEqual(['Deal size CV', 0.6, 0.45]);
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.plan.sources[0].conversionRanges).toEqual({ mql: { low: 0.3, high: 0.5 }, opportunity: { low: 0.125, high: 0.3 } });
    expect(checked.plan.sources.map((s) => s.dealSizeCv)).toEqual([0.6, 0.45]);
  });

  it('a plan without them leaves both sections blank and reads back without them', () => {
    const values = inputsValues(defaultPlanInput(), 'zh-CN');
    expect(rowOf(values, '转化率区间（把握度）')).toBeGreaterThan(0);
    const reading = read(values, 'zh-CN');
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.plan.sources.map((s) => [s.conversionRanges, s.dealSizeCv])).toEqual([[undefined, undefined], [undefined, undefined]]);
  });

  it.each([['30% – 50%'], ['30%~50%'], ['0.3 to 0.5'], ['30% 至 50%'], ['30%，50%']])('reads a range typed as %s', (typed) => {
    const values = inputsValues(spreadPlan());
    const title = rowOf(values, 'Rate ranges (confidence)');
    const r = values.findIndex((v, i) => i > title && v[0] === 'mql');
    values[r][1] = typed;
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    expect(checked.ok && checked.plan.sources[0].conversionRanges?.mql).toEqual({ low: 0.3, high: 0.5 });
  });

  it('names the cell of a range that misses the rate, and of a CV out of range', () => {
    const values = inputsValues(spreadPlan());
    const title = rowOf(values, 'Rate ranges (confidence)');
    const r = values.findIndex((v, i) => i > title && v[0] === 'mql');
    values[r][1] = '45%, 60%';
    values[rowOf(values, 'Deal size CV')][2] = 7;
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    expect(checked.ok ? [] : checked.errors.map((e) => formatCellError(e, reading.cellOf))).toEqual([
      `Inputs!B${r + 1} (sources[0].conversionRanges.mql): expected a range [low, high] that contains the planned rate 0.4 (40%) (low ≤ rate ≤ high), got "[45%, 60%]"`,
      `Inputs!C${rowOf(values, 'Deal size CV') + 1} (sources[1].dealSizeCv): expected a coefficient of variation of one deal's size from 0 to 5 (standard deviation ÷ average; 0.6 or "60%" is typical of B2B deals), got 7`,
    ]);
  });
});

describe('the Inputs sheet: benchmark bands', () => {
  it('lists every band the plan\'s stages have, the defaults filled in, and reads edits back as the plan\'s benchmarks', () => {
    const values = inputsValues(defaultPlanInput());
    const title = rowOf(values, 'Benchmark bands (diagnosis)');
    expect(values[title + 1].slice(0, 3)).toEqual(['From stage', 'Low', 'High']);
    expect(values.slice(title + 2, title + 6).map((r) => r.slice(0, 3))).toEqual([
      ['lead', 0.15, 0.4],
      ['mql', 0.2, 0.5],
      ['sql', 0.4, 0.7],
      ['opportunity', 0.15, 0.4],
    ]);
    values[title + 3][1] = '45%';
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    // Only the edited band is the plan's own; the rows still at their cited default stay defaults.
    expect(checked.plan.benchmarks).toEqual({ mql: { low: 0.45, high: 0.5 } });
  });

  it('names the cell of a band whose high is below its low', () => {
    const values = inputsValues(defaultPlanInput());
    const title = rowOf(values, 'Benchmark bands (diagnosis)');
    values[title + 4][2] = 0.3;
    const reading = read(values);
    if (!reading.ok) throw new Error(reading.problems.join('\n'));
    const checked = validatePlan(reading.input);
    expect(checked.ok ? [] : checked.errors.map((e) => formatCellError(e, reading.cellOf))).toEqual([
      `Inputs!C${title + 5} (benchmarks.sql.high): expected a band's high end at or above its low end (0.4): 0 ≤ low ≤ high ≤ 1, got 0.3`,
    ]);
  });
});
