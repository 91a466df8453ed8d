/**
 * `funnel-planner bonus` and the pool in `plan`: a small pool worked by hand — 100,000 past an
 * 80 % revenue gate, 60 % to 4 AEs on revenue (accelerating to 1.5× at 120 %), 40 % to 3 SDRs on
 * SQLs (capped at plan) — in the tables, the explanations, the findings and the JSON.
 */
import { runCli } from './runCli';
import { seedPlan, tempFiles } from './planFixtures';

const { file } = tempFiles('fp-bonus-');
const plan = {
  ...seedPlan,
  timing: { fiscalYearStart: '2027-01' },
  headcount: {
    roles: [
      { id: 'ae', driver: { fixed: 4 }, current: 4, attritionPerYear: 0 },
      { id: 'sdr', driver: { fixed: 3 }, current: 3, attritionPerYear: 0 },
    ],
  },
  bonus: {
    pool: { amount: 100_000 },
    gate: { kpi: 'revenue', min: 0.8 },
    buckets: [
      { id: 'sales', name: 'Sales', share: 0.6, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1], [1.2, 1.5]] }] },
      { id: 'sdr', name: 'SDR', share: 0.4, roles: ['sdr'], kpis: [{ kpi: 'sql', weight: 1, curve: [[0.5, 0.5], [1, 1]] }] },
    ],
    scenarios: [{ name: 'Down', revenue: 0.79 }, { name: 'Up', revenue: 1.1, sql: 1.2 }],
  },
};
const input = file('pool.json', JSON.stringify(plan));

describe('funnel-planner bonus', () => {
  it('prints the rule, every scenario, the plan bucket by bucket, the grid and the findings', () => {
    const r = runCli(['bonus', input]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The pool is a target pool of 100,000; nothing is funded below revenue 80%.');
    // Plan 60,000 + 40,000; Up: 1.25 × 60,000 = 75,000 and the SDRs' capped 40,000; Down: below the gate.
    expect(r.stdout).toMatch(/│ Plan\s+│\s+100,000 │\s+60,000 │\s+40,000 │\s+100,000 │\s+1% │/);
    expect(r.stdout).toMatch(/│ Up\s+│\s+100,000 │\s+75,000 │\s+40,000 │\s+115,000 │\s+1\.05% │/);
    expect(r.stdout).toMatch(/│ Down\s+│\s+0 │\s+0 │\s+0 │\s+0 │\s+0% │/);
    expect(r.stdout).toContain('Sales: 1 × (revenue 100% → 1 × 1) × 60% of a 100,000 pool = 60,000; 4 AEs, 15,000 each');
    expect(r.stdout).toContain('SDR: 1 × (SQLs 100% → 1 × 1) × 40% of a 100,000 pool = 40,000; 3 SDRs, 13,333.33 each (1 of them 0.01 more)');
    expect(r.stdout).toContain("SDR's SQLs curve is capped at 100%, so on plan it already pays its most");
    // Revenue 110–130 % pays above the pool in every column; at 130 %: 90,000 + 40,000.
    expect(r.stdout).toContain('Payouts exceed the funded pool in Up, At the caps and 15 grid cells, by up to 30,000');
  });

  it('explains the scenario asked for, below the gate too', () => {
    expect(runCli(['bonus', input, '--scenario', 'up']).stdout).toContain('Sales: 1.25 × (revenue 110% → 1.25 × 1) × 60% of a 100,000 pool = 75,000; 4 AEs, 18,750 each');
    expect(runCli(['bonus', input, '-s', 'Down']).stdout).toContain('revenue 79% is below the gate of 80%: no pool is funded, nothing is paid');
    const zh = runCli(['bonus', input, '-s', 'Up', '--lang', 'zh-CN']).stdout;
    expect(zh).toContain('Sales：1.25 ×（营收 110% → 1.25 × 1）× 奖金池 100,000 的 60% = 75,000；4 名销售代表 (AE)，每人 18,750');
  });

  it('--json: every scenario with funded, total, buckets and roles to the cent, the grid and the findings', () => {
    const r = runCli(['bonus', input, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.plan).toMatchObject({ funded: 100000, total: 100000, costOfRevenue: 0.01, gateMet: true });
    expect(json.plan.buckets.sdr.roles.sdr).toEqual({ heads: 3, payout: 40000, perHead: 13333.33, extraCentHeads: 1 });
    expect(json.scenarios.map((s: { name: string; total: number }) => [s.name, s.total])).toEqual([['Down', 0], ['Up', 115000]]);
    expect(json.grid.revenue).toEqual([0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3]);
    expect(json.grid.total[3]).toEqual([100000, 100000, 100000, 100000, 100000]);
    expect(json.grid.buckets.sales[6][0]).toBe(90000);
    // A gate with no funding curve opens the whole pool at once: all or nothing at 80 %.
    expect(json.findings.map((f: { kind: string }) => f.kind)).toEqual(['gateCliff', 'capInPlan', 'overPool']);
    expect(json.findings[0]).toMatchObject({ kpi: 'revenue', at: 0.8, jump: 100000, planFunded: 100000 });
    expect(json.findings[2]).toMatchObject({ scenarios: ['Up', 'caps'], cells: 15, excess: 30000 });
    expect(JSON.parse(runCli(['bonus', input, '--json', '-s', 'Up']).stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['Up']);
    expect(JSON.parse(runCli(['bonus', input, '--json', '-s', 'plan']).stdout).scenarios.map((s: { name: string }) => s.name)).toEqual(['Plan']);
    // A fall on a curve: the attainments stay attainments, the amounts are fromPay and toPay.
    const falling = { ...plan, bonus: { ...plan.bonus, buckets: [{ ...plan.bonus.buckets[0], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1], [1.2, 0.8]] }] }, plan.bonus.buckets[1]] } };
    const nm = JSON.parse(runCli(['bonus', file('falling.json', JSON.stringify(falling)), '--json']).stdout).findings.find((f: { kind: string }) => f.kind === 'notMonotone');
    expect(nm).toMatchObject({ bucket: 'sales', kpi: 'revenue', from: 1, to: 1.2, fromPay: 60000, toPay: 48000 });
  });

  it('plan shows the plan scenario and adds bonus to --json', () => {
    const r = runCli(['plan', input]);
    expect(r.stdout).toContain('Shared bonus pool (USD)');
    expect(r.stdout).toContain('Sales: 1 × (revenue 100% → 1 × 1) × 60% of a 100,000 pool = 60,000; 4 AEs, 15,000 each');
    expect(JSON.parse(runCli(['plan', input, '--json']).stdout).bonus.plan.buckets.sales.payout).toBe(60000);
  });

  it('names what is wrong: no pool, an unknown scenario, a bad bucket', () => {
    const none = runCli(['bonus', file('none.json', JSON.stringify({ ...plan, bonus: undefined }))]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('The plan has no "bonus" section');
    const unknown = runCli(['bonus', input, '-s', 'Sideways']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--scenario Sideways: no such scenario; the plan has Plan, Down, Up');
    const bad = runCli(['bonus', file('bad.json', JSON.stringify({ ...plan, bonus: { ...plan.bonus, buckets: [{ ...plan.bonus.buckets[0], roles: ['csm'] }] } }))]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("bonus.buckets[0].roles[0]: expected one of the plan's role ids (ae, sdr), got \"csm\"");
  });
});
