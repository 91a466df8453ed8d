import { forwardPlan, validateVolumes } from '../../src/core/forwardFunnel';
import { formatFieldError } from '../../src/core/fieldError';
import { validatePlan } from '../../src/core/validatePlan';
import { seedExample } from './fixtures';

function validSeed() {
  const result = validatePlan(seedExample);
  if (!result.ok) throw new Error('seed example should be valid');
  return result;
}

function whatIf(volumes: Record<string, unknown>) {
  const { plan, funnel } = validSeed();
  const checked = validateVolumes(plan, volumes);
  if (!checked.ok) throw new Error(checked.errors.map((e) => formatFieldError(e)).join('; '));
  return forwardPlan(plan, funnel, checked.volumes);
}

describe('forward funnel', () => {
  it('if marketing delivers only 9,000 leads: 112.5 expected deals, 2,812,500 revenue', () => {
    const r = whatIf({ marketing: 9000 });
    const m = r.sources[0];
    // 9,000 × 0.25 = 2,250 MQLs × 0.4 = 900 SQLs × 0.5 = 450 opportunities × 0.25 = 112.5 won
    expect(m.expected).toEqual({ lead: 9000, mql: 2250, sql: 900, opportunity: 450, won: 112.5 });
    expect(m.revenue).toBe(2_812_500);
    expect(m.planned).toBe(false);
    // outbound keeps its planned 1,668 SQLs: × 0.4 × 0.3 = 200.16 won × 30,000
    expect(r.sources[1].planned).toBe(true);
    expect(r.sources[1].expected.won).toBeCloseTo(200.16, 10);
    expect(r.total.revenue).toBe(8_817_300);
    expect(r.gap).toBe(1_182_700);
    expect(r.attainment).toBeCloseTo(0.88173, 12);
  });

  it('the planned volumes reach at least the target (the reverse funnel rounds up)', () => {
    const r = whatIf({});
    expect(r.total.revenue).toBeGreaterThanOrEqual(10_000_000);
    expect(r.sources[0].revenue).toBe(4_000_000);
  });

  it('is exact for decimal rates: 100 opportunities at 57% is 57 deals', () => {
    const plan = validatePlan({
      revenueTarget: 1_425_000,
      sources: [{ id: 'm', share: 1, avgDealSize: 25_000, entryStage: 'opportunity', conversionRates: { opportunity: 0.57 } }],
    });
    if (!plan.ok) throw new Error('valid');
    const checked = validateVolumes(plan.plan, { m: 100 });
    if (!checked.ok) throw new Error('valid');
    expect(forwardPlan(plan.plan, plan.funnel, checked.volumes).sources[0].expected.won).toBe(57);
  });

  it('reads volumes as text and names bad ones', () => {
    expect(whatIf({ marketing: '9k' }).sources[0].volume).toBe(9000);
    const { plan } = validSeed();
    const checked = validateVolumes(plan, { marketing: -5, partners: 10, outbound: 'lots' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.errors.map((e) => formatFieldError(e))).toEqual([
        'volumes.marketing: expected a number of 0 or more, got -5',
        'volumes.partners: expected one of the plan\'s source ids (marketing, outbound), got "partners"',
        'volumes.outbound: expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got "lots"',
      ]);
    }
  });
});
