/**
 * What the findings catch, each on a design built to have it (and the default template on none):
 * a bucket paid less when its KPI improves, a gate that makes the pool all or nothing, a cap
 * already binding on plan, payouts above the funded pool without fitToPool, a bucket with nobody.
 */
import { bonusPlan } from '../../../src/core/bonus/bonusPlan';
import { findingLines } from '../../../src/core/bonus/explainPayout';
import { bonusNames } from '../../../src/core/bonus/bonusNames';
import type { HeadcountPlan } from '../../../src/core/headcount/planHeadcount';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { planHeadcount } from '../../../src/core/headcount/planHeadcount';
import { plan } from '../../../src/core/plan';
import { planTimeline } from '../../../src/core/time/planTimeline';
import { bonusOf } from './bonusOf';

/** A headcount plan with these heads at the FY end (what bonusPlan reads of it). */
const heads = (h: Record<string, number>) => ({ months: ['2027-12'], roles: Object.entries(h).map(([id, n]) => ({ role: { id, name: undefined }, heads: [n] })) }) as unknown as HeadcountPlan;
const flat = [[0, 1]];
const one = (over: Record<string, unknown>) => ({ pool: { amount: 100_000 }, fitToPool: true, buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.5, 0.5], [1, 1], [1.5, 2]] }] }], ...over });
const findings = (raw: unknown, h: Record<string, number> = { ae: 5, sdr: 5 }) => bonusPlan(bonusOf(raw), 10_000_000, 'USD', heads(h)).findings;

describe('findings', () => {
  it('none for a sound design', () => {
    expect(findings(one({}))).toEqual([]);
  });

  it('a bucket paid less when a KPI it is paid on improves', () => {
    const f = findings(one({ fitToPool: false, buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'sql', weight: 1, curve: [[0.5, 0.5], [1, 1.2], [1.2, 0.9]] }] }] }));
    // The whole fall, from the peak at 100 % (1.2 × 100,000) to the curve's end at 120 % (0.9 ×), not its first cent.
    expect(f).toEqual([
      { kind: 'notMonotone', bucket: 'ae', kpi: 'sql', from: 1, to: 1.2, fromMinor: 12_000_000, toMinor: 9_000_000 },
      { kind: 'capInPlan', bucket: 'ae', kpi: 'sql', cap: 1 },
      expect.objectContaining({ kind: 'overPool', scenarios: ['Plan', 'Downside', 'Upside', 'caps'], cells: 35 }),
    ]);
  });

  it('a bucket that loses its share of a fitted pool when a KPI it shares with a heavier bucket improves', () => {
    const f = findings({
      pool: { amount: 100_000 },
      fitToPool: true,
      buckets: [
        { id: 'ae', share: 0.5, roles: ['ae'], kpis: [{ kpi: 'marketingShare', weight: 1, curve: [[0, 1], [1, 1], [1.5, 2]] }] },
        { id: 'sdr', share: 0.5, roles: ['sdr'], kpis: [{ kpi: 'marketingShare', weight: 0.2, curve: [[0, 1], [1, 1], [1.5, 2]] }, { kpi: 'sql', weight: 0.8, curve: flat }] },
      ],
    });
    expect(f).toEqual([expect.objectContaining({ kind: 'notMonotone', bucket: 'sdr', kpi: 'marketingShare' })]);
  });

  it('a gate that funds most of the pool the moment it opens', () => {
    expect(findings(one({ gate: { kpi: 'revenue', min: 0.9 }, buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: flat }] }] }))).toEqual([
      { kind: 'gateCliff', kpi: 'revenue', at: 0.9, jumpMinor: 10_000_000, planFundedMinor: 10_000_000 },
    ]);
    // Opening at half the pool is a threshold, not a cliff.
    expect(findings(one({ gate: { kpi: 'revenue', min: 0.8 }, fundingCurve: [[0.8, 0.5], [1, 1]] })).map((f) => f.kind)).toEqual(['capInPlan']);
  });

  it('a fall a plan below its own gate would hide, scanned with the gate open', () => {
    const f = findings({ pool: { amount: 100_000 }, gate: { kpi: 'opportunity', min: 1.1 }, buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'sql', weight: 1, curve: [[0.5, 0.5], [1, 1], [1.5, 0.5]] }] }] });
    expect(f.filter((x) => x.kind === 'notMonotone')).toEqual([expect.objectContaining({ bucket: 'ae', kpi: 'sql', from: 1, to: 1.5, fromMinor: 10_000_000, toMinor: 5_000_000 })]);
  });

  it('the worst case is the most any attainment tried pays, not the caps of a falling curve', () => {
    const b = bonusPlan(bonusOf(one({ fitToPool: false, buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1.5], [1.2, 0.5]] }] }] })), 10_000_000, 'USD', heads({ ae: 5 }));
    expect(b.worstCase.totalMinor).toBe(15_000_000);
    for (const s of [b.plan, ...b.scenarios, ...b.grid.cells.flat()]) expect(b.worstCase.totalMinor).toBeGreaterThanOrEqual(s.totalMinor);
  });

  it('a cap reached before the last point still binds on plan', () => {
    expect(findings(one({ buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1], [1.5, 1]] }] }] }))).toEqual([{ kind: 'capInPlan', bucket: 'ae', kpi: 'revenue', cap: 1 }]);
  });

  it('a cap that binds on plan', () => {
    expect(findings(one({ buckets: [{ id: 'ae', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.5, 0.5], [1, 1]] }] }] }))).toEqual([{ kind: 'capInPlan', bucket: 'ae', kpi: 'revenue', cap: 1 }]);
  });

  it('payouts above the funded pool without fitToPool, and none with it', () => {
    // Revenue 120 % pays 1.4 × the pool; the grid's rows above 100 % (110–130 %, 5 columns each) too; at the cap (150 %) 2 ×.
    const raw = one({ fitToPool: false, scenarios: [{ name: 'Up', revenue: 1.2 }, { name: 'Down', revenue: 0.9 }] });
    expect(findings(raw)).toEqual([{ kind: 'overPool', scenarios: ['Up', 'caps'], cells: 15, excessMinor: 10_000_000 }]);
    expect(findings({ ...raw, fitToPool: true })).toEqual([]);
  });

  it('a bucket with nobody to pay', () => {
    expect(findings(one({}), { ae: 0 })).toEqual([{ kind: 'noHeads', bucket: 'ae', roles: ['ae'] }]);
  });

  it('in words, in every language', () => {
    const b = bonusPlan(bonusOf(one({ gate: { kpi: 'revenue', min: 0.9 }, buckets: [{ id: 'ae', name: 'AE', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: flat }] }] })), 10_000_000, 'USD', heads({ ae: 5 }));
    expect(findingLines(b, 'en', bonusNames(undefined, 'en'))).toEqual([
      'The pool is all or nothing at revenue 90%: just below it pays 0, at it 100,000 (100% of the plan pool). Start the funding curve lower at the gate, or lower the gate.',
    ]);
    expect(findingLines(b, 'zh-CN', bonusNames(undefined, 'zh-CN'))[0]).toContain('奖金池在营收 90% 处“全有或全无”');
  });

  it('none for the default template, whose plan scenario pays the pool exactly', () => {
    const outcome = plan(defaultPlanInput());
    if (!outcome.ok) throw new Error('default plan');
    const h = planHeadcount(outcome.plan, planTimeline(outcome.plan, outcome.funnel)!);
    const b = bonusPlan(outcome.plan.bonus!, 10_000_000, 'USD', h);
    expect(b.findings).toEqual([]);
    expect(b.plan).toMatchObject({ fundedMinor: 60_000_000, totalMinor: 60_000_000, costOfRevenue: 0.06 });
    // Caps: revenue 150 % funds 2 × 600,000; the buckets are fitted into it.
    expect(b.worstCase).toMatchObject({ fundedMinor: 120_000_000, totalMinor: 120_000_000 });
    // Below the 80 % gate the grid's first row pays nothing.
    expect(b.grid.cells[0].map((c) => c.totalMinor)).toEqual([0, 0, 0, 0, 0]);
  });
});
