import { deriveHistory } from '../../../src/core/history/deriveHistory';
import { applyHistoryPolicy, matchSource, planningRate, PolicySource, sameSourceName, SourceMapping, sourceGrouping } from '../../../src/core/history/historyPolicy';
import { describePolicyNote } from '../../../src/core/history/historyPolicyText';
import { readSourceMap } from '../../../src/workbook/sourceMapSheet';

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];
const HEADER = ['Original Source', 'Became a Lead Date', 'Became a Marketing Qualified Lead Date', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];

function run(rows: string[][], sources: PolicySource[], mapping: SourceMapping = { sourceMap: {} }, matureRates = true) {
  const grouping = sourceGrouping(sources, mapping);
  const derived = deriveHistory([HEADER, ...rows], { groupSource: grouping.group });
  if (!derived.ok) throw new Error(derived.message);
  return applyHistoryPolicy({ stages: STAGES, sources, result: derived.result, grouping, matureRates });
}

describe('matchSource: which plan source a CRM source belongs to', () => {
  const sources = [
    { id: 'marketing', name: 'Inbound' },
    { id: 'inbound', name: 'Partners' },
    { id: 'outbound', name: 'Outbound sales' },
  ];
  it('the source map first, then a plan source id, then a name, then all others', () => {
    expect(matchSource('Inbound', sources, { sourceMap: { ' INBOUND ': 'outbound' } })).toEqual({ crmSource: 'Inbound', planSource: 'outbound', by: 'sourceMap' });
    expect(matchSource('Inbound', sources, { sourceMap: {} })).toMatchObject({ planSource: 'inbound', by: 'id' }); // an id beats another source's name
    expect(matchSource('outbound  SALES', sources, { sourceMap: {} })).toMatchObject({ planSource: 'outbound', by: 'name' });
    expect(matchSource('Ｐａｒｔｎｅｒｓ', sources, { sourceMap: {} })).toMatchObject({ planSource: 'inbound', by: 'name' }); // full width
    expect(matchSource('Referral', sources, { sourceMap: {}, unmappedSource: 'marketing' })).toMatchObject({ planSource: 'marketing', by: 'unmappedSource' });
    expect(matchSource('Referral', sources, { sourceMap: {} })).toBeUndefined();
    expect(sameSourceName(' Trade  Show ')).toBe('tradeshow');
  });
});

describe('applyHistoryPolicy', () => {
  // "Web": 4 leads, 2 SQLs (MQL dates skipped), 1 opportunity, 1 won; all mature (the as-of date is a December lead).
  const web = [
    ['Web', '2024-01-01', '2024-01-03', '2024-01-05', '2024-01-10', '2024-01-30'],
    ['Web', '2024-01-02', '2024-01-04', '2024-01-06', '', ''],
    ['Web', '2024-01-03', '', '', '', ''],
    ['Web', '2024-01-04', '', '', '', ''],
    ['Web', '2024-12-31', '', '', '', ''],
  ];

  it('feeds from the entry stage down, rounded to four digits, recording what each rate replaces', () => {
    const out = run(web, [{ id: 'web', own: { lead: 0.25, mql: '=B21', sql: '' } }]);
    expect(out.ok).toBe(true);
    // lead: 2 of 4 mature leads reached MQL (the December lead is not mature): 0.5; mql 2/2; sql 1/2; opp 1/1.
    expect(out.rates.map((r) => [r.stage, r.rate, r.previous, r.basis])).toEqual([
      ['lead', 0.5, 0.25, 'mature'],
      ['mql', 1, '=B21', 'mature'],
      ['sql', 0.5, null, 'mature'],
      ['opportunity', 1, null, 'mature'],
    ]);
    expect(out.rates[0].from).toEqual(['Web']);
    expect(planningRate(2 / 3)).toBe(0.6667);
  });

  it('leaves stages above a source\'s entry stage alone', () => {
    const out = run(web, [{ id: 'web', entryStage: 'sql', own: {} }]);
    expect(out.rates.map((r) => r.stage)).toEqual(['sql', 'opportunity']);
  });

  it('uses every record with matureRates false; warns when no mature record converts yet', () => {
    const all = run(web, [{ id: 'web', own: {} }], { sourceMap: {} }, false);
    expect(all.rates[0]).toMatchObject({ stage: 'lead', rate: 0.4, basis: 'all records' }); // 2 of 5
    expect(all.warnings).toEqual([]);
    // Opportunity → won takes 12 and 46 days: p90 42.6. Web's one opportunity (Jan 20) is 41 days
    // before the as-of date (Mar 1), not mature: all records, 1 of 1. Ads: 2 mature, 1 converted.
    const young = run(
      [['Web', '', '', '', '2024-01-20', '2024-02-01'], ['Ads', '', '', '', '2024-01-14', ''], ['Ads', '', '', '', '2024-01-15', '2024-03-01']],
      [{ id: 'web', entryStage: 'opportunity', own: {} }, { id: 'ads', entryStage: 'opportunity', own: {} }],
    );
    expect(young.rates).toEqual([
      expect.objectContaining({ source: 'web', stage: 'opportunity', rate: 1, basis: 'all records' }),
      expect.objectContaining({ source: 'ads', stage: 'opportunity', rate: 0.5, basis: 'mature' }),
    ]);
    expect(young.warnings).toEqual([{ code: 'allRecords', source: 'web', stage: 'opportunity' }]);
  });

  it('a rate of 0, or a plan source with no records, keeps the plan\'s own rate or is an error', () => {
    const none = [['Web', '2024-01-01', '', '2024-01-02', '', ''], ['Web', '2024-01-01', '', '2024-01-02', '', ''], ['Ads', '2024-01-01', '', '2024-01-02', '2024-01-03', '2024-01-10'], ['Ads', '2024-12-31', '', '', '', '']];
    const sources = [
      { id: 'web', entryStage: 'sql', own: { sql: 0.3, opportunity: 0.2 } },
      { id: 'ads', entryStage: 'sql', own: {} },
      { id: 'events', entryStage: 'sql', own: {} },
    ];
    const out = run(none, sources);
    expect(out.ok).toBe(false);
    expect(out.rates).toEqual([]);
    expect(out.warnings).toContainEqual({ code: 'noRate', source: 'web', stage: 'sql', next: 'opportunity', converted: 0, sample: 2, kept: 0.3 });
    expect(out.errors).toContainEqual(expect.objectContaining({ code: 'noRate', source: 'events', stage: 'sql', sample: 0, kept: null }));
    expect(describePolicyNote(out.warnings[0], 'en')).toBe("web: kept the plan's own sql rate (0.3): no history converts web records from sql (0 of 2 in the export)");
    expect(describePolicyNote(out.warnings[0], 'zh-CN')).toBe('web：保留计划自己的 销售认可线索 (SQL) 转化率（0.3）：历史数据中没有 web 的记录从 销售认可线索 (SQL) 转化（导出数据中 2 条记录有 0 条转化）');
    const events = out.errors.find((e) => e.code === 'noRate' && e.source === 'events' && e.stage === 'opportunity')!;
    expect(describePolicyNote(events, 'en')).toBe('no history converts events records from opportunity: no records in the export; map more CRM sources to "events" or give its opportunity rate by hand');
    expect(describePolicyNote(events, 'zh-CN')).toBe('历史数据中没有 events 的记录从 商机 转化（导出数据中没有记录）；请把更多 CRM 来源对应到“events”，或手动填写其 商机 转化率');
  });

  it('an unplaced CRM source is the one error, before any stage is looked at', () => {
    const out = run([...web, ['Referral', '2024-01-01', '', '', '', '']], [{ id: 'web', own: {} }]);
    expect(out).toMatchObject({ ok: false, rates: [], errors: [{ code: 'unmappedSources', crmSources: ['Referral'] }] });
    expect(describePolicyNote(out.errors[0], 'en')).toBe('CRM sources not mapped to a plan source: "Referral"; no plan source has their id or name');
    expect(describePolicyNote(out.errors[0], 'en')).not.toContain('--');
  });


  it('records with a blank source are the CRM source "(none)", placed like any other', () => {
    const rows = [...web, ['', '2024-01-01', '', '', '', '']];
    const out = run(rows, [{ id: 'web', own: {} }]);
    expect(out.errors).toEqual([{ code: 'unmappedSources', crmSources: ['(none)'] }]);
    expect(describePolicyNote(out.errors[0], 'en')).toBe('CRM sources not mapped to a plan source: "(none)" (records with no source); no plan source has their id or name');
    const placed = run(rows, [{ id: 'web', own: {} }], { sourceMap: { '(none)': 'web' } });
    expect(placed.ok).toBe(true);
    expect(placed.rates[0]).toMatchObject({ stage: 'lead', from: ['Web', '(none)'], stat: { sample: 5, converted: 2 } }); // 2 of 5 mature leads
  });
});

describe('readSourceMap: the Source map sheet', () => {
  const sources = [{ id: 'marketing', name: 'Inbound' }, { id: 'outbound', name: 'Outbound' }];
  it('takes plan sources by id or name, "*" for all others, and names a bad cell', () => {
    expect(readSourceMap([['Notes'], ['CRM source', 'Plan source'], ['Organic Search', 'inbound'], ['Offline', 'outbound'], ['', 'marketing'], ['Later', ''], ['*', 'Marketing']], sources, 'en')).toEqual({
      ok: true,
      mapping: { sourceMap: { 'Organic Search': 'marketing', Offline: 'outbound' }, unmappedSource: 'marketing' },
    });
    expect(readSourceMap([['CRM 来源', '计划来源'], ['Web', 'nobody'], ['web', 'marketing'], ['WEB', 'outbound']], sources, 'en')).toEqual({
      ok: false,
      problems: ["'Source map'!B2: expected one of the plan's sources (marketing, outbound), got \"nobody\"", "'Source map'!A4: \"WEB\" is already mapped in 'Source map'!A3"],
    });
  });
});
