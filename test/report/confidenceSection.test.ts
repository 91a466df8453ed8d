/** The report's "How sure is the plan": a simulation written by hand, so every number on the page can be traced. */
import type { Confidence } from '../../src/core/confidence/confidence';
import { defaultPlanInput } from '../../src/core/defaultPlan';
import { plan } from '../../src/core/plan';
import { confidenceSection } from '../../src/report/confidenceSection';

const q = (p10: number, p50: number, p90: number, mean: number) => ({ p10, p50, p90, mean });
const outcome = plan(defaultPlanInput());
if (!outcome.ok) throw new Error('valid template');
const funnel = outcome.funnel;

const HAND: Confidence = {
  trials: 10,
  seed: 7,
  target: 10_000_000,
  revenue: q(9_000_000, 10_000_000, 11_000_000, 10_050_000.4),
  pHitTarget: 0.6,
  bySource: { marketing: { won: q(140, 160, 180, 160.5), revenue: q(1, 2, 3, 2) }, outbound: { won: q(180, 200, 220, 200.2), revenue: q(1, 2, 3, 2) } },
  forConfidence: { confidence: 0.9, multiplier: 1.25, bySource: { marketing: { stage: 'lead', planned: 12_800, volume: 16_000 }, outbound: { stage: 'sql', planned: 1_668, volume: 2_085 } } },
  histogram: [
    { from: 9_000_000, to: 10_000_000, trials: 4 },
    { from: 10_000_000, to: 11_000_000, trials: 6 },
  ],
  bonusCost: q(400_000, 500_000, 650_000, 510_000),
};

describe('the report\'s confidence section', () => {
  it('says the range, the chance, the volumes for 90 %, the bonus cost, and draws each bin with the target marked', () => {
    const html = confidenceSection(HAND, funnel, 'en');
    expect(html).toContain('<div class="value">USD 10,050,000</div><div class="label">Revenue, mean</div>');
    expect(html).toContain('The plan reaches its target of USD 10,000,000 in 60% of the trials.');
    expect(html).toContain('For 90% confidence every entry volume × 1.25:');
    expect(html).toContain('The bonus pool costs USD 510,000 on average over the trials, USD 650,000 at P90');
    expect(html).toContain('<td class="num"><strong>16,000</strong></td>');
    expect([...html.matchAll(/data-trials="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([4, 6]);
    // The bin from the target up is blue, the one below it grey; the target's line stands between them.
    expect(html).toMatch(/data-trials="4"[^>]*fill="#a0aec0"/);
    expect(html).toMatch(/data-trials="6"[^>]*fill="#2b6cb0"/);
    expect(html).toMatch(/<g class="target"><line x1="430" /);
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it('without a simulation: nothing; every trial the same revenue, or no volume reaching the confidence: still a page without NaN', () => {
    expect(confidenceSection(undefined, funnel, 'en')).toBe('');
    const { bonusCost: _b, ...rest } = HAND;
    const flat: Confidence = {
      ...rest,
      histogram: [{ from: 10_000_000, to: 10_000_000, trials: 10 }],
      forConfidence: { confidence: 0.95, multiplier: undefined, bySource: { marketing: { stage: 'lead', planned: 12_800, volume: undefined }, outbound: { stage: 'sql', planned: 1_668, volume: undefined } } },
    };
    const html = confidenceSection(flat, funnel, 'zh-CN');
    expect(html).toContain('<h2>计划有多大把握</h2>');
    expect(html).toContain('进入量增至计划的 20 倍仍达不到这一把握');
    expect(html).toContain('超过计划的 20 倍');
    expect(html).not.toContain('奖金池');
    expect(html).toContain('data-trials="10"');
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});
