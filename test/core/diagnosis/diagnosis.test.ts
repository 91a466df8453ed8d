/**
 * The funnel diagnosis: crafted funnels for each of seed 003's shapes and for healthy, judged
 * from a plan's rates and from a CRM history's counts; the sensitivity of seed 003's worked
 * example and of the default template by hand; properties; the `benchmarks` field's messages.
 */
import fc from 'fast-check';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { benchmarkBands } from '../../../src/core/diagnosis/benchmarks';
import { diagnose, diagnosisJson } from '../../../src/core/diagnosis/diagnosis';
import { historyEvidence, planEvidence } from '../../../src/core/diagnosis/funnelEvidence';
import { funnelShapes, percent } from '../../../src/core/diagnosis/funnelShapes';
import { sensitivity } from '../../../src/core/diagnosis/sensitivity';
import { formatFieldError } from '../../../src/core/fieldError';
import type { HistoryResult, RateStat, StageStats } from '../../../src/core/history/historyTypes';
import type { PlanInput, ValidPlan } from '../../../src/core/planInput';
import { validatePlan } from '../../../src/core/validatePlan';
import { clone, seedExample } from '../fixtures';

const STAGES = ['lead', 'mql', 'sql', 'opportunity', 'won'];

function valid(input: unknown): ValidPlan {
  const checked = validatePlan(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.plan;
}

/** The seed's plan with marketing's rates replaced. */
function withMarketing(rates: Record<string, number>, extra: Partial<PlanInput> = {}): ValidPlan {
  const input = clone(seedExample);
  input.sources[0].conversionRates = rates;
  return valid({ ...input, ...extra });
}

function shapesOf(plan: ValidPlan, id = 'marketing', lang: 'en' | 'zh-CN' | 'zh-TW' = 'en') {
  const d = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, benchmarks: plan.benchmarks, evidence: planEvidence(plan), plan, lang });
  return d.sources.find((s) => s.id === id)!.shapes;
}

describe('shapes from a plan\'s rates against the default bands', () => {
  it('healthy: every rate within its band (the seed\'s plan, both sources)', () => {
    const plan = valid(seedExample);
    for (const id of ['marketing', 'outbound']) expect(shapesOf(plan, id).map((f) => f.shape)).toEqual(['healthy']);
    expect(shapesOf(plan)[0].evidence).toBe('Lead → MQL 25%, band 15%–40%; MQL → SQL 40%, band 20%–50%; SQL → Opportunity 50%, band 40%–70%; Opportunity → Won 25%, band 15%–40%');
  });

  it('big head, small tail: MQL → SQL below 20 % — the handoff fails; advice on definitions and the SLA', () => {
    const [finding] = shapesOf(withMarketing({ lead: 0.25, mql: 0.1, sql: 0.5, opportunity: 0.25 }));
    expect(finding.shape).toBe('bigHeadSmallTail');
    expect(finding.evidence).toBe('MQL → SQL 10%, band 20%–50%');
    expect(finding.advice).toContain('SLA');
    expect(finding.advice).toContain('white paper');
  });

  it('wide top, narrow bottom: SQL → opportunity or opportunity → won below its band; advice on SDR filtering', () => {
    const shapes = shapesOf(withMarketing({ lead: 0.25, mql: 0.4, sql: 0.3, opportunity: 0.1 }));
    expect(shapes.map((f) => f.shape)).toEqual(['wideTopNarrowBottom']);
    expect(shapes[0].evidence).toBe('SQL → Opportunity 30%, band 40%–70%; Opportunity → Won 10%, band 15%–40%');
    expect(shapes[0].advice).toContain('SDRs filter');
    // Outbound enters at SQL: its poor win rate is the same shape.
    const input = clone(seedExample);
    input.sources[1].conversionRates = { sql: 0.4, opportunity: 0.12 };
    expect(shapesOf(valid(input), 'outbound').map((f) => f.shape)).toEqual(['wideTopNarrowBottom']);
  });

  it('straight tube: lead → MQL above 40 % — hardly wider at the top; advice on the content / events / SEM trident', () => {
    const [finding] = shapesOf(withMarketing({ lead: 0.6, mql: 0.4, sql: 0.5, opportunity: 0.25 }));
    expect(finding.shape).toBe('straightTube');
    expect(finding.evidence).toBe('Lead → MQL 60%, band 15%–40%');
    expect(finding.advice).toMatch(/content, events and SEM/);
  });

  it('straight tube also when the acquisition rate is in band but the whole funnel needs fewer leads per win than the high ends allow', () => {
    // Every rate at its default high end: 0.4 × 0.5 × 0.7 × 0.4 = 5.6 %, not above the 5.6 % of the high ends: healthy.
    expect(shapesOf(withMarketing({ lead: 0.4, mql: 0.5, sql: 0.7, opportunity: 0.4 })).map((f) => f.shape)).toEqual(['healthy']);
    // With SQL → opportunity's band ending at 60 %, the high ends allow 0.4 × 0.5 × 0.6 × 0.4 = 4.8 % (⌈20.8⌉ = 21 leads per won deal);
    // the funnel converts 5.6 % (⌈17.9⌉ = 18 leads per won deal): hardly wider at the top than at the bottom.
    const benchmarks = { sql: { low: 0.1, high: 0.6 } };
    const f = shapesOf(withMarketing({ lead: 0.4, mql: 0.5, sql: 0.7, opportunity: 0.4 }, { benchmarks } as Partial<PlanInput>));
    expect(f.map((x) => x.shape)).toEqual(['straightTube']);
    expect(f[0].evidence).toBe("Lead → Won 5.6%, above the 4.8% of every rate at its band's high end: 18 entries per won deal, where even the best benchmark funnel needs 21");
  });

  it('several shapes at once, each its own finding', () => {
    const shapes = shapesOf(withMarketing({ lead: 0.6, mql: 0.1, sql: 0.5, opportunity: 0.1 }));
    expect(shapes.map((f) => f.shape)).toEqual(['straightTube', 'bigHeadSmallTail', 'wideTopNarrowBottom']);
  });

  it('with a BQL stage the handoff is MQL → BQL → SQL, with the Demand Waterfall\'s bands', () => {
    const input = clone(seedExample);
    input.stages = ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'];
    input.sources[0].conversionRates = { lead: 0.25, mql: 0.5, bql: 0.3, sql: 0.5, opportunity: 0.25 };
    const [finding] = shapesOf(valid(input));
    expect(finding.shape).toBe('bigHeadSmallTail');
    expect(finding.evidence).toBe('BQL → SQL 30%, band 50%–70%');
  });

  it('without an SQL stage the handoff is the transition out of MQL: a poor win rate is wide top narrow bottom, not a failed handoff', () => {
    const plan = valid({ revenueTarget: 1_000_000, stages: ['lead', 'mql', 'opportunity', 'won'], sources: [{ id: 'a', share: 1, avgDealSize: 10_000, conversionRates: { lead: 0.3, mql: 0.3, opportunity: 0.05 } }] });
    expect(plan.handoffStage).toBeUndefined();
    const shapes = shapesOf(plan, 'a');
    expect(shapes.map((f) => f.shape)).toEqual(['wideTopNarrowBottom']);
    expect(shapes[0].evidence).toBe('Opportunity → Won 5%, band 15%–40%');
  });

  it('a channel overriding a rate is judged on its own rates, in a finding naming it (the source on its own)', () => {
    const input = clone(seedExample);
    // Marketing at 25 % / 40 % / 50 % / 25 % is healthy; its channel web converts MQLs at 10 %: its handoff fails.
    input.sources[0].channels = [
      { id: 'web', share: 0.6, costPerLead: 50, conversionRates: { mql: 0.1 } },
      { id: 'events', share: 0.4, costPerLead: 200 },
    ];
    const plan = valid(input);
    const shapes = shapesOf(plan);
    expect(shapes.map((f) => [f.shape, f.channel])).toEqual([['healthy', undefined], ['bigHeadSmallTail', 'web']]);
    expect(shapes[1].evidence).toBe('channel web: MQL → SQL 10%, band 20%–50%');
    expect(shapesOf(plan, 'marketing', 'zh-CN')[1].evidence).toBe('渠道 web：MQL → SQL 10%，基准 20%–50%');
    expect(shapesOf(plan, 'marketing', 'zh-TW')[1].evidence).toMatch(/^渠道 web：MQL → SQL 10%/);
    const d = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, evidence: planEvidence(plan), plan });
    expect(diagnosisJson(d).bySource.marketing.shapes[1]).toMatchObject({ shape: 'bigHeadSmallTail', channel: 'web', stages: ['mql'] });
    // A channel without overrides is its source's funnel: no finding of its own.
    expect(shapes.some((f) => f.channel === 'events')).toBe(false);
  });

  it('the plan\'s own benchmarks replace the defaults', () => {
    const plan = withMarketing({ lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 }, { benchmarks: { mql: { low: '45%', high: 0.6 } } } as Partial<PlanInput>);
    expect(plan.benchmarks).toEqual({ mql: { low: 0.45, high: 0.6 } });
    expect(shapesOf(plan)[0]).toMatchObject({ shape: 'bigHeadSmallTail', evidence: 'MQL → SQL 40%, band 45%–60%' });
  });

  it('speaks the user\'s language', () => {
    const plan = withMarketing({ lead: 0.25, mql: 0.1, sql: 0.5, opportunity: 0.25 });
    const cn = shapesOf(plan, 'marketing', 'zh-CN')[0];
    expect(cn.evidence).toBe('MQL → SQL 10%，基准 20%–50%');
    expect(cn.advice).toContain('下载白皮书算 MQL');
    expect(shapesOf(plan, 'marketing', 'zh-TW')[0].advice).toContain('規範行銷移交線索');
  });
});

// ---- shapes from a CRM history -----------------------------------------------------------

function stat(converted: number, sample: number): RateStat {
  return { rate: sample === 0 ? null : converted / sample, converted, sample, low: null, high: null, smallSample: sample < 30 };
}

/** A history of one source from reached counts per stage (mature rates = all rates). */
function history(reached: number[], emptyColumns?: { stage: string; column: string }[]): Pick<HistoryResult, 'bySource' | 'emptyColumns'> {
  const rates: Record<string, RateStat> = {};
  STAGES.slice(0, -1).forEach((s, k) => (rates[s] = stat(reached[k + 1], reached[k])));
  const stats = { reached: Object.fromEntries(STAGES.map((s, k) => [s, reached[k]])), rates, matureRates: rates } as unknown as StageStats;
  return { bySource: { marketing: stats }, ...(emptyColumns ? { emptyColumns } : {}) };
}

const judge = (h: Pick<HistoryResult, 'bySource' | 'emptyColumns'>, lang: 'en' | 'zh-CN' = 'en') =>
  funnelShapes(historyEvidence(h, STAGES, [{ id: 'marketing' }])[0], { stages: STAGES, handoffStage: 'sql', bands: benchmarkBands(STAGES), lang });

describe('shapes from a CRM history\'s counts', () => {
  it('broken: a stage column empty in every row — the evidence names the column', () => {
    // Nothing has an SQL date: the records reach SQL only through later stages (60 opportunities).
    const findings = judge(history([1000, 250, 60, 60, 15], [{ stage: 'sql', column: 'SQL Date' }]));
    expect(findings[0].shape).toBe('broken');
    expect(findings[0].evidence).toBe('MQL → SQL: the column "SQL Date" has no date in any row; SQL → Opportunity: the column "SQL Date" has no date in any row');
    expect(findings[0].advice).toContain('one CRM');
  });

  it('broken: no flow (0 of 250 MQLs became SQLs) and no data (nothing reached the stages below)', () => {
    const [finding] = judge(history([1000, 250, 0, 0, 0]));
    expect(finding.shape).toBe('broken');
    expect(finding.evidence).toBe('MQL → SQL: none of 250 records converted; SQL → Opportunity: no record reached SQL; Opportunity → Won: no record reached Opportunity');
    expect(judge(history([1000, 250, 0, 0, 0]), 'zh-CN')[0].evidence).toContain('MQL → SQL：250 条记录无一转化');
  });

  it('broken: a source the export has no record of', () => {
    const evidence = historyEvidence({ bySource: {} }, STAGES, [{ id: 'marketing' }])[0];
    const [finding] = funnelShapes(evidence, { stages: STAGES, handoffStage: 'sql', bands: benchmarkBands(STAGES) });
    expect(finding).toMatchObject({ shape: 'broken', evidence: 'the export has no record of this source' });
  });

  it('a source the export has no record of, with plan rates: judged on them (as plan and simulate keep them), the evidence saying so', () => {
    const planRates = { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.1 };
    const evidence = historyEvidence({ bySource: {} }, STAGES, [{ id: 'marketing', planRates }])[0];
    expect(evidence).toMatchObject({ measured: false, notInExport: true });
    const context = { stages: STAGES, handoffStage: 'sql', bands: benchmarkBands(STAGES) };
    expect(funnelShapes(evidence, context)).toEqual([
      expect.objectContaining({ shape: 'wideTopNarrowBottom', evidence: 'the export has no record of this source: judged on the plan\'s rates; Opportunity → Won 10%, band 15%–40%' }),
    ]);
    expect(funnelShapes(evidence, { ...context, lang: 'zh-CN' })[0].evidence).toContain('导出文件中没有这个来源的记录：按计划的转化率判断');
    expect(funnelShapes(evidence, { ...context, lang: 'zh-TW' })[0].evidence).toContain('匯出檔中沒有這個來源的記錄：按計畫的轉化率判斷');
    // Without a plan rate for every stage there is nothing to judge: broken, as before.
    const partial = historyEvidence({ bySource: {} }, STAGES, [{ id: 'marketing', planRates: { lead: 0.25 } }])[0];
    expect(funnelShapes(partial, context)[0]).toMatchObject({ shape: 'broken', evidence: 'the export has no record of this source' });
  });

  it('the evidence shows the rate plan --rates-from plans on (four significant digits), so evidence and sensitivity agree', () => {
    // 779 of 3,001 = 0.259580…: the policy plans on 0.2596 (planningRate); the evidence judges and shows that rate.
    const evidence = historyEvidence(history([3001, 779, 390, 195, 50]), STAGES, [{ id: 'marketing' }])[0];
    expect(evidence.transitions[0]).toMatchObject({ rate: 0.2596, converted: 779, sample: 3001 });
  });

  it('big head, small tail with the volumes: 1,200 MQLs, 120 SQLs', () => {
    const [finding] = judge(history([4000, 1200, 120, 60, 15]));
    expect(finding).toMatchObject({ shape: 'bigHeadSmallTail', evidence: 'MQL → SQL 10% (120 of 1,200), band 20%–50%' });
  });

  it('healthy from history: 12,800 → 3,200 → 1,280 → 640 → 160', () => {
    expect(judge(history([12800, 3200, 1280, 640, 160])).map((f) => f.shape)).toEqual(['healthy']);
  });
});

// ---- sensitivity --------------------------------------------------------------------------

describe('sensitivity: what a 10 % better rate saves', () => {
  it('seed 003\'s example: MQL → SQL 40 % → 44 % needs 2,910 MQLs, 11,640 leads: 1,160 leads and 46,400 saved at 40 a lead', () => {
    const input = clone(seedExample);
    input.sources[0].channels = [{ id: 'all', share: 1, costPerLead: 40 }];
    const item = sensitivity(valid(input)).find((s) => s.source === 'marketing' && s.stage === 'mql')!;
    // 160 won / 0.25 = 640 opportunities / 0.5 = 1,280 SQLs; / 0.44 = 2,909.09 → 2,910 MQLs; / 0.25 = 11,640 leads.
    expect(item).toMatchObject({ rate: 0.4, betterRate: 0.44, entryToday: 12_800, entryBetter: 11_640, leadsSaved: 1_160, budgetSaved: 46_400 });
    // Forward at today's 12,800 leads: 12,800 × 0.25 × 0.44 × 0.5 × 0.25 = 176 deals instead of 160: 16 × 25,000 more.
    expect(item.revenueGained).toBe(400_000);
  });

  it('the default template by hand, ranked by revenue gained, then budget saved', () => {
    const ranked = sensitivity(valid(defaultPlanInput()));
    // Marketing's channels: content 50 % (2,000,000 → 80 won), events 30 % (1,200,000 → 48), SEM 20 % (800,000 → 32);
    // at 25 % / 40 % / 50 % / 25 % they need 1,600, 960 and 640 MQLs, 6,400, 3,840 and 2,560 leads.
    // Lead → MQL 27.5 %: ⌈5,818.2⌉ = 5,819, ⌈3,490.9⌉ = 3,491, ⌈2,327.3⌉ = 2,328 leads: 581 + 349 + 232 = 1,162 saved,
    //   581 × 120 + 349 × 250 + 232 × 200 = 69,720 + 87,250 + 46,400 = 203,370.
    // MQL → SQL 44 %: SQLs 640, 384, 256 → MQLs ⌈1,454.5⌉ = 1,455, ⌈872.7⌉ = 873, ⌈581.8⌉ = 582 → leads 5,820, 3,492, 2,328:
    //   580 + 348 + 232 = 1,160 saved, 69,600 + 87,000 + 46,400 = 203,000.
    // SQL → opportunity 55 %: opportunities 320, 192, 128 → SQLs 582, 350, 233 → MQLs 1,455, 875, 583 → leads 5,820, 3,500, 2,332:
    //   580 + 340 + 228 = 1,148, 69,600 + 85,000 + 45,600 = 200,200.
    // Opportunity → won 27.5 %: opportunities 291, 175, 117 → leads 5,820, 3,500, 2,340: 580 + 340 + 220 = 1,140, 198,600.
    // Every rate 10 % better adds 10 % of a source's revenue at today's volume: marketing 4,000,000 → 400,000;
    // outbound 1,668 SQLs × 0.4 × 0.3 × 30,000 = 6,004,800 → 600,480. Revenue is the one unit every source has,
    // so outbound (no costs) comes first; marketing's four tie on revenue and go by budget saved.
    expect(ranked.map((s) => [s.source, s.stage, Math.round(s.revenueGained)])).toEqual([
      ['outbound', 'sql', 600_480],
      ['outbound', 'opportunity', 600_480],
      ['marketing', 'lead', 400_000],
      ['marketing', 'mql', 400_000],
      ['marketing', 'sql', 400_000],
      ['marketing', 'opportunity', 400_000],
    ]);
    expect(ranked.slice(2).map((s) => [s.stage, s.leadsSaved, s.budgetSaved])).toEqual([
      ['lead', 1_162, 203_370],
      ['mql', 1_160, 203_000],
      ['sql', 1_148, 200_200],
      ['opportunity', 1_140, 198_600],
    ]);
    // Outbound has no channels and so no cost per lead: budget null.
    const outbound = ranked.filter((s) => s.source === 'outbound');
    expect(outbound.map((s) => s.budgetSaved)).toEqual([null, null]);
    // Outbound: 200 won / 0.3 = 666.7 → 667 opportunities / 0.4 = 1,667.5 → 1,668 SQLs.
    // Opportunity → won 33 %: ⌈606.06⌉ = 607 → ⌈1,517.5⌉ = 1,518 SQLs: 150 saved. SQL → opportunity 44 %: ⌈1,515.9⌉ = 1,516: 152 saved.
    expect(Object.fromEntries(outbound.map((s) => [s.stage, s.leadsSaved]))).toEqual({ sql: 152, opportunity: 150 });
    expect(outbound.map((s) => s.stage)).toEqual(['sql', 'opportunity']);
  });

  it('a rate at 100 % cannot get better: it saves nothing', () => {
    const item = sensitivity(withMarketing({ lead: 1, mql: 0.4, sql: 0.5, opportunity: 0.25 })).find((s) => s.stage === 'lead' && s.source === 'marketing')!;
    expect(item).toMatchObject({ betterRate: 1, leadsSaved: 0, revenueGained: 0 });
  });

  it('a row that changes nothing (a source with a 0 share) goes last, below every real lever', () => {
    const plan = valid({
      revenueTarget: 1_000_000,
      sources: [
        { id: 'a', share: 1, avgDealSize: 10_000, conversionRates: { lead: 0.2, mql: 0.3, sql: 0.5, opportunity: 0.25 } },
        { id: 'b', share: 0, avgDealSize: 10_000, conversionRates: { lead: 0.2, mql: 0.3, sql: 0.5, opportunity: 0.25 }, channels: [{ id: 'x', share: 1, costPerLead: 10 }] },
      ],
    });
    const ranked = sensitivity(plan);
    // b plans 0 leads: 0 → 0, nothing saved, nothing gained (budget 0, which ranked it above a's null budgets).
    // a: 100 won / 0.25 / 0.5 / 0.3 = 2,667 MQLs / 0.2 = 13,335 leads, 1,000,125 at today's volume; 10 % better: 100,012.5 more.
    expect(ranked.map((s) => s.source)).toEqual(['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b']);
    expect(ranked.slice(4).every((s) => s.leadsSaved === 0 && s.budgetSaved === 0 && s.revenueGained === 0)).toBe(true);
    expect(ranked.slice(0, 4).map((s) => s.revenueGained)).toEqual([100_012.5, 100_012.5, 100_012.5, 100_012.5]);
  });

  const ratesArb = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }).map((r) => r.map((k) => k / 100));
  it('property: a better rate never needs more entries, never loses revenue, and saves budget in proportion', () => {
    fc.assert(
      fc.property(ratesArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500 }), ([lead, mql, sql, opportunity], kilo, cost) => {
        const input = clone(seedExample);
        input.revenueTarget = kilo * 10_000;
        input.sources[0].conversionRates = { lead, mql, sql, opportunity };
        input.sources[0].channels = [{ id: 'all', share: 1, costPerLead: cost }];
        for (const s of sensitivity(valid(input))) {
          expect(s.leadsSaved).toBeGreaterThanOrEqual(0);
          expect(s.entryBetter).toBeLessThanOrEqual(s.entryToday);
          expect(s.revenueGained).toBeGreaterThanOrEqual(0);
          if (s.source === 'marketing') expect(s.budgetSaved).toBe(s.leadsSaved * cost);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('property: the ranking is by revenue gained, then budget saved (null last), then leads saved; rows changing nothing last', () => {
    fc.assert(
      fc.property(ratesArb, fc.integer({ min: 0, max: 10 }), ([lead, mql, sql, opportunity], tenths) => {
        const input = defaultPlanInput();
        input.sources[0].conversionRates = { lead, mql, sql, opportunity };
        input.sources[0].share = tenths / 10;
        input.sources[1].share = 1 - tenths / 10;
        const ranked = sensitivity(valid(input));
        const nothing = (s: (typeof ranked)[number]) => s.revenueGained === 0 && s.leadsSaved === 0 && (s.budgetSaved ?? 0) === 0;
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1], ranked[i]];
          if (nothing(a)) { expect(nothing(b)).toBe(true); continue; }
          if (nothing(b)) continue;
          const [ba, bb] = [a.budgetSaved ?? -Infinity, b.budgetSaved ?? -Infinity];
          expect(a.revenueGained > b.revenueGained || (a.revenueGained === b.revenueGained && (ba > bb || (ba === bb && a.leadsSaved >= b.leadsSaved)))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('sensitivity beside a measured diagnosis', () => {
  it('leaves out the stages a source is broken at in the export (their plan rates are typed, not measured), and says which', () => {
    // The SQL column has no date: marketing is broken on MQL → SQL and SQL → opportunity; the plan kept its typed 40 % / 50 % there.
    const evidence = historyEvidence(history([1000, 250, 60, 60, 15], [{ stage: 'sql', column: 'SQL Date' }]), STAGES, [{ id: 'marketing' }, { id: 'outbound', entryStage: 'sql', planRates: { sql: 0.4, opportunity: 0.3 } }]);
    const plan = valid(seedExample);
    const d = diagnose({ stages: STAGES, handoffStage: 'sql', evidence, plan });
    expect(d.sources[0].shapes[0].shape).toBe('broken');
    expect(d.sensitivity!.filter((s) => s.source === 'marketing').map((s) => s.stage)).toEqual(['lead', 'opportunity']);
    expect(d.sensitivity!.filter((s) => s.source === 'outbound').map((s) => s.stage)).toEqual(['sql', 'opportunity']);
    expect(d.sensitivityLeftOut).toEqual([{ source: 'marketing', stage: 'mql' }, { source: 'marketing', stage: 'sql' }]);
    expect(diagnosisJson(d).sensitivityLeftOut).toEqual([{ source: 'marketing', stage: 'mql' }, { source: 'marketing', stage: 'sql' }]);
    // From the plan alone nothing is broken: nothing is left out.
    expect(diagnose({ stages: STAGES, handoffStage: 'sql', evidence: planEvidence(plan), plan }).sensitivityLeftOut).toEqual([]);
  });
});

describe('percent: decimal rounding, not the binary double\'s', () => {
  it('25.95 % reads 26 %, 50.25 % reads 50.3 % (toFixed gives 25.9 and 50.2); other rates as before', () => {
    expect(percent(0.2595)).toBe('26%');
    expect(percent(0.5025)).toBe('50.3%');
    expect(percent(0.0115)).toBe('1.2%');
    expect([0.125, 0.4, 0.275, 1, 0, 0.33345].map(percent)).toEqual(['12.5%', '40%', '27.5%', '100%', '0%', '33.3%']);
  });

  it('property: a rate typed with two decimals of a percent rounds half up at one decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        // hundredths of a percent: k / 10,000 as a rate; half up at one decimal is ⌊(k + 5) / 10⌋ tenths.
        const tenths = Math.floor((hundredths + 5) / 10);
        expect(percent(hundredths / 10_000)).toBe(`${tenths / 10}%`);
      }),
    );
  });
});

describe('diagnosisJson', () => {
  it('bySource.<id>.shapes and the ranked sensitivity', () => {
    const plan = valid(defaultPlanInput());
    const json = diagnosisJson(diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, evidence: planEvidence(plan), plan }));
    expect(Object.keys(json.bySource)).toEqual(['marketing', 'outbound']);
    expect(json.bySource.marketing.shapes[0]).toMatchObject({ shape: 'healthy', stages: [] });
    expect(Object.keys(json.sensitivity![0]).sort()).toEqual(expect.arrayContaining(['budgetSaved', 'leadsSaved', 'revenueGained', 'source', 'stage']));
    expect(json.benchmarks.mql).toEqual({ low: 0.2, high: 0.5 });
  });
});

describe('benchmarks: the field\'s checks name path, value and expectation', () => {
  const errorsOf = (benchmarks: unknown, lang: 'en' | 'zh-CN' | 'zh-TW' = 'en') => {
    const checked = validatePlan({ ...clone(seedExample), benchmarks });
    return checked.ok ? [] : checked.errors.map((e) => formatFieldError(e, lang));
  };

  it('accepts bands from 0 to 1 with low ≤ high, as numbers or text; null or {} is none', () => {
    expect(errorsOf({ lead: { low: 0, high: '100%' }, mql: { low: 0.3, high: 0.3 } })).toEqual([]);
    expect(errorsOf(null)).toEqual([]);
    expect(errorsOf({})).toEqual([]);
  });

  it('refuses an end outside 0–1, low above high, a missing end, a stage that does not convert, a typo', () => {
    expect(errorsOf({ mql: { low: -0.1, high: 1.2 } })).toEqual([
      'benchmarks.mql.low: expected a benchmark rate from 0 to 1 (e.g. 0.2 or "20%"), got -0.1',
      'benchmarks.mql.high: expected a benchmark rate from 0 to 1 (e.g. 0.2 or "20%"), got 1.2',
    ]);
    expect(errorsOf({ mql: { low: 0.5, high: 0.4 } })).toEqual(["benchmarks.mql.high: expected a band's high end at or above its low end (0.5): 0 ≤ low ≤ high ≤ 1, got 0.4"]);
    expect(errorsOf({ mql: { low: 0.2 } })).toEqual(['benchmarks.mql.high: is required but missing']);
    expect(errorsOf({ won: { low: 0.2, high: 0.3 } })[0]).toBe('benchmarks.won: "won" is not a stage that converts to a next one; rates are keyed by the from-stage (lead, mql, sql, opportunity)');
    expect(errorsOf({ mq: { low: 0.2, high: 0.3 } })[0]).toMatch(/^benchmarks\.mq: .*mql/);
    expect(errorsOf({ mql: { low: 0.2, hi: 0.3 } })[0]).toMatch(/^benchmarks\.mql\.hi: .*high/);
    expect(errorsOf({ mql: 0.3 })[0]).toBe('benchmarks.mql: expected an object with fields, got 0.3');
  });

  it('in zh-CN and zh-TW', () => {
    expect(errorsOf({ mql: { low: 0.5, high: 0.4 } }, 'zh-CN')).toEqual(['benchmarks.mql.high: 基准区间的上限应不低于下限（0.5）：0 ≤ low ≤ high ≤ 1，实际为 0.4']);
    expect(errorsOf({ mql: { low: 2, high: 0.4 } }, 'zh-TW')[0]).toBe('benchmarks.mql.low: 基準轉化率應在 0 到 1 之間（如 0.2 或 "20%"），實際為 2');
  });
});
