import { defaultPlanInput } from '../../src/core/defaultPlan';
import { formatFieldError } from '../../src/core/fieldError';
import { readHistoryPlanOptions } from '../../src/core/history/historyPlanOptions';
import { PLAN_FIELDS, SOURCE_FIELDS, editDistance, probableField } from '../../src/core/knownFields';
import { validatePlan } from '../../src/core/validatePlan';
import { clone, seedExample } from './fixtures';

function messagesOf(input: unknown, lang: 'en' | 'zh-CN' = 'en'): string[] {
  const result = validatePlan(input);
  if (result.ok) throw new Error('expected the plan to be invalid');
  return result.errors.map((e) => formatFieldError(e, lang));
}

function edited(edit: (p: Record<string, any>) => void): unknown {
  const p = clone(seedExample) as unknown as Record<string, any>;
  edit(p);
  return p;
}

/** Renames a field, keeping its value: the typo a user makes. */
function rename(record: Record<string, unknown>, from: string, to: string): void {
  record[to] = record[from];
  delete record[from];
}

describe('probableField', () => {
  it.each([
    ['avgDealsize', SOURCE_FIELDS, 'avgDealSize'],
    ['entrystage', SOURCE_FIELDS, 'entryStage'],
    ['entry_stage', SOURCE_FIELDS, 'entryStage'],
    ['handofStage', PLAN_FIELDS, 'handoffStage'],
    ['revnueTarget', PLAN_FIELDS, 'revenueTarget'],
    ['Sources', PLAN_FIELDS, 'sources'],
    ['shares', SOURCE_FIELDS, 'share'],
    ['conversionRate', SOURCE_FIELDS, 'conversionRates'],
    ['dealSize', SOURCE_FIELDS, 'avgDealSize'],
    ['dealSizeCV', SOURCE_FIELDS, 'dealSizeCv'],
    ['conversionRange', SOURCE_FIELDS, 'conversionRanges'],
    ['rates', SOURCE_FIELDS, 'conversionRates'],
    ['notes', SOURCE_FIELDS, undefined],
    ['x', SOURCE_FIELDS, undefined],
  ])('%s → %s', (key, known, meant) => {
    expect(probableField(key, known)).toBe(meant);
  });

  it('counts edits by hand: a swap of neighbours is one', () => {
    expect(editDistance('handofstage', 'handoffstage')).toBe(1);
    expect(editDistance('shrae', 'share')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('unknown fields in a plan', () => {
  it('name the field and the one it probably meant, in a source and at the top', () => {
    expect(messagesOf(edited((p) => rename(p.sources[0], 'avgDealSize', 'avgDealsize')))).toEqual([
      'sources[0].avgDealsize: is not a field here; did you mean avgDealSize?',
      'sources[0].avgDealSize: is required but missing',
    ]);
    expect(messagesOf(edited((p) => rename(p.sources[1], 'entryStage', 'entrystage')))).toEqual([
      'sources[1].entrystage: is not a field here; did you mean entryStage?',
      // …which is why it matters: without it the source would enter at the first stage.
      'sources[1].conversionRates.lead: is required but missing',
      'sources[1].conversionRates.mql: is required but missing',
    ]);
    expect(messagesOf(edited((p) => (p.handofStage = 'mql')))).toEqual(['handofStage: is not a field here; did you mean handoffStage?']);
  });

  it('quote a key that is not a plain name', () => {
    expect(messagesOf(edited((p) => (p.sources[0]['avg deal size'] = 1)))[0]).toBe('sources[0]["avg deal size"]: is not a field here; did you mean avgDealSize?');
    expect(messagesOf(edited((p) => (p[''] = 1)))[0]).toMatch(/^\[""\]: is not a field here \(expected one of: /);
  });

  it('list the fields expected when nothing is close', () => {
    expect(messagesOf(edited((p) => (p.sources[0].notes = 'from the board deck')))).toEqual([
      'sources[0].notes: is not a field here (expected one of: id, name, kind, share, avgDealSize, entryStage, conversionRates, conversionRanges, dealSizeCv, stageDays, lag, channels)',
    ]);
  });

  it('speak Chinese', () => {
    expect(messagesOf(edited((p) => (p.handofStage = 'mql')), 'zh-CN')).toEqual(['handofStage: 不是此处的字段；是否想写 handoffStage？']);
    expect(messagesOf(edited((p) => (p.owner = 'cfo')), 'zh-CN')[0]).toBe(
      'owner: 不是此处的字段（可用字段：$schema, name, revenueTarget, currency, stages, handoffStage, sources, timing, history, headcount, bonus, benchmarks）',
    );
  });

  it('allow $schema and the history section, and check the history section\'s own fields', () => {
    const withExtras = edited((p) => {
      p.$schema = './funnel-plan.schema.json';
      p.history = { sourceMap: { Web: 'marketing' }, unmappedSource: 'marketing', stageColumns: { lead: 'Created' }, sourceColumn: 'Source', matureRates: false };
    });
    expect(validatePlan(withExtras).ok).toBe(true);
    expect(messagesOf(edited((p) => (p.history = { sourcemap: {}, matureRate: false })))).toEqual([
      'history.sourcemap: is not a field here; did you mean sourceMap?',
      'history.matureRate: is not a field here; did you mean matureRates?',
    ]);
  });

  it('the default template uses only known fields', () => {
    expect(validatePlan(defaultPlanInput()).ok).toBe(true);
  });
});

describe('the history section of a plan', () => {
  const ids = ['marketing', 'outbound'];

  it('a non-boolean matureRates says true or false is expected', () => {
    const read = readHistoryPlanOptions({ matureRates: 'yes' }, ids);
    if (read.ok) throw new Error('expected an error');
    expect(read.errors.map((e) => formatFieldError(e))).toEqual(['history.matureRates: expected true or false, got "yes"']);
    expect(read.errors.map((e) => formatFieldError(e, 'zh-CN'))).toEqual(['history.matureRates: 应为 true 或 false，实际为 "yes"']);
    const zero = readHistoryPlanOptions({ matureRates: 0 }, ids);
    expect(zero.ok ? [] : zero.errors.map((e) => formatFieldError(e))).toEqual(['history.matureRates: expected true or false, got 0']);
  });

  it('refuses unknown fields in it, with the one probably meant', () => {
    const read = readHistoryPlanOptions({ unmapedSource: 'marketing' }, ids);
    if (read.ok) throw new Error('expected an error');
    expect(read.errors.map((e) => formatFieldError(e))).toEqual(['history.unmapedSource: is not a field here; did you mean unmappedSource?']);
    expect(readHistoryPlanOptions({ matureRates: false, sourceMap: { Web: 'marketing' } }, ids)).toMatchObject({ ok: true, options: { matureRates: false } });
  });
});
