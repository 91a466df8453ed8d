/** `funnel-planner simulate`: the template's range and P(hit), reproducible by seed, the volume for a confidence, rates drawn from a CRM export, bad flags named. */
import { runCli } from './runCli';

describe('funnel-planner simulate', () => {
  it('prints the range, the chance of the target and the volume for 90 %, and --json the same numbers', () => {
    const text = runCli(['simulate', '--trials', '2000']);
    expect(text.status).toBe(0);
    const json = JSON.parse(runCli(['simulate', '--trials', '2000', '--json']).stdout);
    expect(json).toMatchObject({ trials: 2000, seed: 2027, target: 10_000_000 });
    expect(json.pHitTarget).toBeGreaterThan(0.45);
    expect(json.pHitTarget).toBeLessThan(0.56);
    expect(json.revenue.p10).toBeLessThan(json.revenue.p50);
    expect(json.revenue.p50).toBeLessThan(json.revenue.p90);
    expect(text.stdout).toContain(`P(revenue ≥ target USD 10,000,000) = ${Number((json.pHitTarget * 100).toFixed(1))}%.`);
    expect(json.forConfidence.confidence).toBe(0.9);
    expect(json.forConfidence.bySource.marketing).toMatchObject({ stage: 'lead', planned: 12_800 });
    expect(json.forConfidence.bySource.marketing.volume).toBeGreaterThan(12_800);
    expect(json.histogram.reduce((a: number, b: { trials: number }) => a + b.trials, 0)).toBe(2000);
  });

  it('reproduces by seed and differs across seeds', () => {
    const a = runCli(['simulate', '--trials', '500', '--seed', '7', '--json']).stdout;
    expect(runCli(['simulate', '--trials', '500', '--seed', '7', '--json']).stdout).toBe(a);
    expect(runCli(['simulate', '--trials', '500', '--seed', '8', '--json']).stdout).not.toBe(a);
  });

  it('names a bad flag in the run\'s language', () => {
    const bad = runCli(['simulate', '--trials', '12.5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--trials 12.5: expected a whole number from 100 to 1,000,000');
    expect(runCli(['simulate', '--confidence', '1.5', '--lang', 'zh-CN']).stderr).toContain('--confidence 1.5：把握程度应大于 0 且小于 1');
  });
});
