/**
 * The `bonus` section read field by field: what a finance user may get wrong, each named by its
 * path with the value and what was expected, in every language; and what it fills in.
 */
import { formatFieldError } from '../../../src/core/fieldError';
import { defaultPlanInput } from '../../../src/core/defaultPlan';
import { plan } from '../../../src/core/plan';
import { DEFAULT_GRID, DEFAULT_SCENARIOS } from '../../../src/core/bonus/readBonus';

const bucket = (over: Record<string, unknown> = {}) => ({ id: 'sales', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1]] }], ...over });
const withBonus = (bonus: unknown) => ({ ...defaultPlanInput(), bonus });
function errorsOf(bonus: unknown, lang: 'en' | 'zh-CN' | 'zh-TW' = 'en'): string[] {
  const outcome = plan(withBonus(bonus));
  if (outcome.ok) return [];
  return outcome.errors.map((e) => formatFieldError(e, lang));
}

describe('reading bonus', () => {
  it('fills in the scenarios and the grid, reads percentages and a stepped curve', () => {
    const outcome = plan(withBonus({ pool: { percentOfRevenue: '5%' }, gate: { min: '80%' }, buckets: [bucket({ kpis: [{ kpi: 'sql', weight: '100%', curve: { points: [[0.5, 0.5], ['100%', 1]], stepped: true } }] })] }));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const b = outcome.plan.bonus!;
    expect(b.pool).toEqual({ kind: 'percentOfRevenue', percent: 0.05 });
    expect(b.gate).toEqual({ kpi: 'revenue', min: 0.8 });
    expect(b.fundingCurve).toBeNull();
    expect(b.fitToPool).toBe(false);
    expect(b.buckets[0]).toMatchObject({ roleWeights: { ae: 1 }, kpis: [{ kpi: 'sql', weight: 1, curve: { stepped: true, points: [{ attainment: 0.5, multiplier: 0.5 }, { attainment: 1, multiplier: 1 }] } }] });
    expect(b.scenarios).toEqual(DEFAULT_SCENARIOS);
    expect(b.grid).toEqual(DEFAULT_GRID);
  });

  it('leaves a plan without bonus without a pool', () => {
    const { bonus: _b, ...none } = defaultPlanInput();
    const outcome = plan(none);
    expect(outcome.ok && outcome.plan.bonus).toBeUndefined();
  });

  it.each<[string, unknown, string]>([
    ['no pool', { buckets: [bucket()] }, 'bonus.pool: is required but missing'],
    ['both kinds of pool', { pool: { amount: 1, percentOfRevenue: 0.1 }, buckets: [bucket()] }, 'bonus.pool: expected exactly one of amount'],
    ['a negative pool', { pool: { amount: -5 }, buckets: [bucket()] }, 'bonus.pool.amount: expected a number greater than 0, got -5'],
    ['a gate on an unknown KPI', { pool: { amount: 1 }, gate: { kpi: 'nps', min: 0.8 }, buckets: [bucket()] }, 'bonus.gate.kpi: expected a KPI: revenue, marketingShare, mqlToSql or a stage of the plan (revenue, marketingShare, mqlToSql, lead, mql, sql, opportunity, won), got "nps"'],
    ['points out of order', { pool: { amount: 1 }, fundingCurve: [[1, 1], [0.8, 0.5]], buckets: [bucket()] }, "bonus.fundingCurve[1][0]: expected an attainment above the previous point's 1"],
    ['a point that is not a pair', { pool: { amount: 1 }, fundingCurve: [[1, 1, 2]], buckets: [bucket()] }, 'bonus.fundingCurve[0]: expected a point as [attainment, multiplier]'],
    ['shares that do not add up', { pool: { amount: 1 }, buckets: [bucket({ share: 0.6 }), bucket({ id: 'm', share: 0.3 })] }, "bonus.buckets: the shares of the pool's buckets must add up to 1 (100%), but they add up to 0.9 (90%)"],
    ['KPI weights that do not add up', { pool: { amount: 1 }, buckets: [bucket({ kpis: [{ kpi: 'revenue', weight: 0.5, curve: [[0, 1]] }, { kpi: 'sql', weight: 0.4, curve: [[0, 1]] }] })] }, "bonus.buckets[0].kpis: the weights of a bucket's KPIs must add up to 1 (100%), but they add up to 0.9 (90%)"],
    ['a role the headcount plan does not have', { pool: { amount: 1 }, buckets: [bucket({ roles: ['ae', 'ceo'] })] }, 'bonus.buckets[0].roles[1]: expected one of the plan\'s role ids'],
    ['a role weight for a role not in the bucket', { pool: { amount: 1 }, buckets: [bucket({ roleWeights: { sdr: 2 } })] }, 'bonus.buckets[0].roleWeights.sdr: is not a field here'],
    ['all role weights 0', { pool: { amount: 1 }, buckets: [bucket({ roleWeights: { ae: 0 } })] }, 'bonus.buckets[0].roleWeights: expected at least one role with a weight above 0'],
    ['a bucket id twice', { pool: { amount: 1 }, buckets: [bucket({ share: 0.5 }), bucket({ share: 0.5 })] }, 'bonus.buckets[1].id: "sales" is listed more than once'],
    ['a scenario with an unknown KPI', { pool: { amount: 1 }, buckets: [bucket()], scenarios: [{ name: 'X', revnue: 0.9 }] }, 'bonus.scenarios[0].revnue: is not a field here; did you mean revenue?'],
    ['a grid with a negative attainment', { pool: { amount: 1 }, buckets: [bucket()], grid: { revenue: [0.9, -1] } }, 'bonus.grid.revenue[1]: expected a number of 0 or more, got -1'],
    ['an attainment typed as 120万', { pool: { amount: 1 }, buckets: [bucket()], scenarios: [{ name: 'X', revenue: '120万' }] }, 'bonus.scenarios[0].revenue: expected an attainment from 0 to 10'],
    ['a pool no cent can count', { pool: { amount: 9e15 }, buckets: [bucket()] }, 'bonus.pool: the pool could pay 9.00e+15 USD, more than'],
    ['two scenarios that differ only in case', { pool: { amount: 1 }, buckets: [bucket()], scenarios: [{ name: 'Down' }, { name: 'down' }] }, 'bonus.scenarios[1].name: "down" is listed more than once'],
    ['fitToPool as text', { pool: { amount: 1 }, buckets: [bucket()], fitToPool: 'yes' }, 'bonus.fitToPool: expected true or false, got "yes"'],
  ])('names %s', (_what, bonus, message) => {
    expect(errorsOf(bonus).join('\n')).toContain(message);
  });

  it('says it in Chinese', () => {
    expect(errorsOf({ pool: { amount: 1 }, buckets: [bucket({ share: 0.6 }), bucket({ id: 'm', share: 0.3 })] }, 'zh-CN').join('\n')).toContain('奖金池各奖金包的占比之和应为 1（100%），实际为 0.9 (90%)');
    expect(errorsOf({ pool: { amount: 1 }, gate: { kpi: 'nps', min: 1 }, buckets: [bucket()] }, 'zh-TW').join('\n')).toContain('應為以下 KPI 之一');
  });
});
