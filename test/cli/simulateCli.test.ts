/** `funnel-planner simulate`: the template's range and P(hit), reproducible by seed, the volume for a confidence, rates drawn from a CRM export, bad flags named. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('prints the bonus pool\'s cost over the trials: nothing more than twice the pool, the plan\'s 600,000 inside P10–P90', () => {
    const json = JSON.parse(runCli(['simulate', '--trials', '2000', '--json']).stdout);
    const cost = json.bonusCost;
    expect(Object.keys(cost).sort()).toEqual(['mean', 'p10', 'p50', 'p90']);
    expect(cost.p10).toBeLessThan(600_000);
    expect(cost.p90).toBeGreaterThan(600_000);
    expect(cost.p90).toBeLessThanOrEqual(1_200_000);
    expect(Number.isInteger(Math.round(cost.mean * 100))).toBe(true);
    const text = runCli(['simulate', '--trials', '2000', '--lang', 'zh-CN']).stdout;
    expect(text).toContain(`奖金池成本：P10 USD ${Math.round(cost.p10).toLocaleString('en-US')}`);
  });

  it('draws typed conversionRanges and dealSizeCv, which widen the range; a range that misses the rate is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-simulate-typed-'));
    const base = { revenueTarget: 10_000_000, sources: [{ id: 'm', kind: 'marketing', share: 1, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } }] };
    const spread = { ...base, sources: [{ ...base.sources[0], conversionRanges: { mql: ['30%', '50%'], opportunity: [0.15, 0.35] }, dealSizeCv: '60%' }] };
    writeFileSync(join(dir, 'plain.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'spread.json'), JSON.stringify(spread));
    const plain = JSON.parse(runCli(['simulate', join(dir, 'plain.json'), '--trials', '2000', '--json']).stdout);
    const wide = runCli(['simulate', join(dir, 'spread.json'), '--trials', '2000', '--json']);
    expect(wide.status).toBe(0);
    const w = JSON.parse(wide.stdout);
    expect(w.revenue.p90 - w.revenue.p10).toBeGreaterThan(2 * (plain.revenue.p90 - plain.revenue.p10));
    // A wider spread needs more volume for the same 90 %.
    expect(w.forConfidence.multiplier).toBeGreaterThan(plain.forConfidence.multiplier);
    expect(runCli(['simulate', join(dir, 'spread.json'), '--trials', '300']).stdout).toContain('typed conversionRanges vary as a PERT (Beta) spread, most likely at the planned rate; deal sizes vary by dealSizeCv.');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...base, sources: [{ ...base.sources[0], conversionRanges: { mql: [0.5, 0.6] } }] }));
    const bad = runCli(['simulate', join(dir, 'bad.json')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('sources[0].conversionRanges.mql: expected a range [low, high] that contains the planned rate 0.4 (40%)');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
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

describe('funnel-planner simulate --rates-from', () => {
  it('draws each rate from the export\'s counts, which widens the range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-simulate-'));
    // 400 web leads: 100 MQLs (25 %), 40 SQLs (40 %), 20 opportunities (50 %), 5 won (25 %); 300 outbound SQLs: 120 opportunities, 36 won.
    const rows = ['Record ID,Original Source,Became a Lead Date,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Became a Customer Date'];
    for (let i = 0; i < 400; i++) rows.push(`${i},Web,2024-01-02,${i < 100 ? '2024-01-10' : ''},${i < 40 ? '2024-01-20' : ''},${i < 20 ? '2024-02-01' : ''},${i < 5 ? '2024-03-15' : ''}`);
    for (let i = 0; i < 300; i++) rows.push(`${400 + i},Offline Sources,,,2024-01-05,${i < 120 ? '2024-01-20' : ''},${i < 36 ? '2024-03-10' : ''}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\r\n'));
    const plan = {
      revenueTarget: 10_000_000,
      timing: { fiscalYearStart: '2027-01' },
      sources: [
        { id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: {} },
        { id: 'outbound', kind: 'sales', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: {} },
      ],
      history: { sourceMap: { Web: 'marketing', 'Offline Sources': 'outbound' }, matureRates: false },
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = runCli(['simulate', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv'), '--trials', '2000', '--json']);
    expect(r.status).toBe(0);
    const spread = JSON.parse(r.stdout);
    const typed = { ...plan, history: undefined, sources: [{ ...plan.sources[0], conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 } }, { ...plan.sources[1], conversionRates: { sql: 0.4, opportunity: 0.3 } }] };
    writeFileSync(join(dir, 'typed.json'), JSON.stringify(typed));
    const plain = JSON.parse(runCli(['simulate', join(dir, 'typed.json'), '--trials', '2000', '--json']).stdout);
    // The same average rates, so about the same median; the measured uncertainty (Beta of 400, 100, 40, 20 and 300, 120 records) widens P10–P90 several times over.
    expect(spread.revenue.p90 - spread.revenue.p10).toBeGreaterThan(2 * (plain.revenue.p90 - plain.revenue.p10));
    // The export-reading flags plan has: a plan without a sourceMap names the source for the CRM's others.
    writeFileSync(join(dir, 'unmapped.json'), JSON.stringify({ ...plan, history: { sourceMap: { 'Offline Sources': 'outbound' }, matureRates: false } }));
    const refused = runCli(['simulate', join(dir, 'unmapped.json'), '--rates-from', join(dir, 'export.csv'), '--trials', '300']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('--unmapped-source');
    const mapped = runCli(['simulate', join(dir, 'unmapped.json'), '--rates-from', join(dir, 'export.csv'), '--unmapped-source', 'marketing', '--trials', '300', '--json']);
    expect(mapped.status).toBe(0);
    expect(JSON.parse(mapped.stdout).forConfidence.bySource.marketing.planned).toBeGreaterThan(0);
    // A typed range for a stage the export measured gives way to the export's counts (it need not hold the measured 40 %).
    writeFileSync(join(dir, 'ranged.json'), JSON.stringify({ ...plan, sources: [{ ...plan.sources[0], conversionRanges: { mql: [0.1, 0.2] } }, plan.sources[1]] }));
    const ranged = runCli(['simulate', join(dir, 'ranged.json'), '--rates-from', join(dir, 'export.csv'), '--trials', '2000', '--json']);
    expect(ranged.status).toBe(0);
    expect(JSON.parse(ranged.stdout).revenue).toEqual(spread.revenue);
    expect(runCli(['simulate', join(dir, 'plan.json'), '--rates-from', join(dir, 'export.csv'), '--trials', '300']).stdout).toContain('rates vary as the CRM export measured them (Beta of its converted and sample counts)');
  });
});

describe('funnel-planner simulate --json, a confidence out of reach', () => {
  it('keeps multiplier and each volume as null', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-simulate-null-'));
    // One deal a year whose size varies five-fold: even 20 × the SQLs leave a few trials in 1,000 below the target.
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ revenueTarget: 10_000, stages: ['sql', 'won'], sources: [{ id: 'a', share: 1, avgDealSize: 10_000, dealSizeCv: 5, conversionRates: { sql: 0.01 } }] }));
    const json = JSON.parse(runCli(['simulate', join(dir, 'p.json'), '--confidence', '0.999', '--trials', '2000', '--json']).stdout);
    expect(json.forConfidence.multiplier).toBeNull();
    expect(json.forConfidence.bySource.a).toEqual({ stage: 'sql', volume: null, planned: 100 });
  });
});
