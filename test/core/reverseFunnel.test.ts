import { plan } from '../../src/core/plan';
import { PlanInput } from '../../src/core/planInput';
import { clone, seedExample } from './fixtures';

function funnelOf(input: PlanInput) {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.funnel;
}

const oneSource = (overrides: Partial<PlanInput['sources'][number]>, target: PlanInput['revenueTarget'], stages?: string[]): PlanInput => ({
  revenueTarget: target,
  ...(stages ? { stages } : {}),
  sources: [{ id: 'marketing', share: 1, avgDealSize: 25_000, conversionRates: {}, ...overrides }],
});

describe('reverse funnel, worked by hand', () => {
  it("the seed's example: 10,000,000 target, 40% from marketing", () => {
    const f = funnelOf(seedExample);
    const m = f.sources[0];
    // 4,000,000 / 25,000 = 160; /0.25 = 640; /0.5 = 1,280; /0.4 = 3,200; /0.25 = 12,800
    expect(m.revenue).toBe(4_000_000);
    expect(m.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 1_280, opportunity: 640, won: 160 });
    // 6,000,000 / 30,000 = 200; /0.3 = 666.67 → 667; /0.4 = 1,667.5 → 1,668; nothing above sql
    const o = f.sources[1];
    expect(o.counts).toEqual({ lead: 0, mql: 0, sql: 1_668, opportunity: 667, won: 200 });
    expect(f.total.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 2_948, opportunity: 1_307, won: 360 });
    expect(f.total.revenue).toBe(10_000_000);
    expect(f.marketingTarget).toEqual({ stage: 'sql', count: 1_280, sourceIds: ['marketing'] });
  });

  it('57 won deals at a 57% win rate need exactly 100 opportunities, not 101', () => {
    // 1,425,000 / 25,000 = 57 won; 57 / 0.57 = 100
    const f = funnelOf(oneSource({ entryStage: 'opportunity', conversionRates: { opportunity: 0.57 } }, 1_425_000));
    expect(f.sources[0].counts.won).toBe(57);
    expect(f.sources[0].counts.opportunity).toBe(100);
  });

  it('4,300,000 / 20,476.19 = 210.0000049 still rounds up to 211 won', () => {
    const f = funnelOf(oneSource({ avgDealSize: 20_476.19, entryStage: 'won' }, 4_300_000));
    expect(f.sources[0].counts.won).toBe(211);
    expect(f.sources[0].wonRevenue).toBeCloseTo(211 * 20_476.19, 6);
  });

  it('rates typed as text divide exactly too ("57%")', () => {
    const f = funnelOf(oneSource({ entryStage: 'opportunity', conversionRates: { opportunity: '57%' } }, '142.5万'));
    expect(f.sources[0].counts).toMatchObject({ opportunity: 100, won: 57 });
  });

  it('0.1 + 0.2 shares sum to exactly 0.3 of the target', () => {
    const input: PlanInput = {
      revenueTarget: 1_000_000,
      sources: [
        { id: 'a', share: 0.1, avgDealSize: 1000, entryStage: 'won', conversionRates: {} },
        { id: 'b', share: 0.2, avgDealSize: 1000, entryStage: 'won', conversionRates: {} },
        { id: 'c', share: 0.7, avgDealSize: 1000, entryStage: 'won', conversionRates: {} },
      ],
    };
    const f = funnelOf(input);
    expect(f.sources.map((s) => s.counts.won)).toEqual([100, 200, 700]);
  });

  it('a source entering at sql has zeros above it', () => {
    const f = funnelOf(oneSource({ entryStage: 'sql', conversionRates: { sql: 0.5, opportunity: 0.25 } }, 10_000_000));
    // 400 won → 1,600 opportunities → 3,200 SQLs
    expect(f.sources[0].counts).toEqual({ lead: 0, mql: 0, sql: 3_200, opportunity: 1_600, won: 400 });
  });

  it('a share of 0 needs nothing at any stage', () => {
    const input = clone(seedExample);
    input.sources[0].share = 0;
    input.sources[1].share = 1;
    const f = funnelOf(input);
    expect(f.sources[0].counts).toEqual({ lead: 0, mql: 0, sql: 0, opportunity: 0, won: 0 });
    expect(f.sources[0].revenue).toBe(0);
    expect(f.marketingTarget?.count).toBe(0);
    // 10,000,000 / 30,000 = 333.3 → 334; /0.3 = 1,113.3 → 1,114; /0.4 = 2,785
    expect(f.sources[1].counts).toMatchObject({ sql: 2_785, opportunity: 1_114, won: 334 });
  });

  it('a plan with a bql stage between mql and sql', () => {
    const input: PlanInput = {
      revenueTarget: 10_000_000,
      stages: ['lead', 'mql', 'bql', 'sql', 'opportunity', 'won'],
      sources: [
        {
          id: 'marketing',
          share: 1,
          avgDealSize: 50_000,
          conversionRates: { lead: 0.2, mql: 0.5, bql: 0.6, sql: 0.5, opportunity: 0.3 },
        },
      ],
    };
    // 200 won; /0.3 = 666.7 → 667; /0.5 = 1,334; /0.6 = 2,223.3 → 2,224; /0.5 = 4,448; /0.2 = 22,240
    const f = funnelOf(input);
    expect(f.sources[0].counts).toEqual({ lead: 22_240, mql: 4_448, bql: 2_224, sql: 1_334, opportunity: 667, won: 200 });
    expect(f.marketingTarget).toEqual({ stage: 'sql', count: 1_334, sourceIds: ['marketing'] });
  });

  it('any ordered stage list works, with the handoff stage named', () => {
    const input: PlanInput = {
      revenueTarget: 900_000,
      stages: ['visit', 'signup', 'trial', 'paid'],
      handoffStage: 'trial',
      sources: [{ id: 'self-serve', kind: 'marketing', share: 1, avgDealSize: 3_000, conversionRates: { visit: 0.1, signup: 0.3, trial: 0.25 } }],
    };
    // 300 paid; /0.25 = 1,200 trials; /0.3 = 4,000 signups; /0.1 = 40,000 visits
    const f = funnelOf(input);
    expect(f.sources[0].counts).toEqual({ visit: 40_000, signup: 4_000, trial: 1_200, paid: 300 });
    expect(f.marketingTarget?.count).toBe(1_200);
  });

  it('a rate of exactly 1 passes the count through unchanged', () => {
    const f = funnelOf(oneSource({ entryStage: 'sql', conversionRates: { sql: 1, opportunity: 1 } }, 250_000));
    expect(f.sources[0].counts).toMatchObject({ sql: 10, opportunity: 10, won: 10 });
  });
});

describe('ceilAsSheets: the rounding the live formulas use', () => {
  const { ceilAsSheets } = jest.requireActual('../../src/core/reverseFunnel') as typeof import('../../src/core/reverseFunnel');
  const { fraction, divide } = jest.requireActual('../../src/core/fraction') as typeof import('../../src/core/fraction');
  test('exact wholes stay, real excesses round up, a hair above a whole is the whole', () => {
    expect(ceilAsSheets(fraction(BigInt(5700), BigInt(57)))).toBe(BigInt(100));
    expect(ceilAsSheets(fraction(BigInt(430_000_000), BigInt(2_047_619)))).toBe(BigInt(211)); // 210.0000049
    // 1000 / 0.33333333333333 = 3000.00000000003: within 1e-12 relative, as a spreadsheet sees it.
    expect(ceilAsSheets(divide(fraction(BigInt(1000)), fraction(BigInt(33_333_333_333_333), BigInt(10) ** BigInt(14))))).toBe(BigInt(3000));
    // From 1e6 up the tolerance is 1e-6 absolute: 236,622,820.0000087 still rounds up.
    expect(ceilAsSheets(fraction(BigInt(2_366_228_200_000_087), BigInt(10_000_000)))).toBe(BigInt(236_622_821));
    expect(ceilAsSheets(fraction(BigInt(1_000_000_000_000_001), BigInt(1_000_000_000)))).toBe(BigInt(1_000_000)); // 1e-9 above
  });
});
