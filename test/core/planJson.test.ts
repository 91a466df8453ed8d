import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plan } from '../../src/core/plan';
import { PlanJson, planToJson } from '../../src/core/planJson';
import { clone, seedExample } from './fixtures';

function jsonOf(input: unknown): PlanJson {
  const outcome = plan(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return JSON.parse(JSON.stringify(planToJson(outcome.funnel)));
}

/** Every leaf key path, with source and stage ids written as the README's placeholders. */
function documentedShape(json: PlanJson): string[] {
  const stages = new Set(json.stages);
  const out: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out.push(path);
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      const name = path === 'funnel.bySource' ? '<sourceId>' : stages.has(key) ? '<stageId>' : key;
      walk(child, path === '' ? name : `${path}.${name}`);
    }
  };
  walk(json, '');
  return [...new Set(out)].sort();
}

describe('plan --json, schema version 2', () => {
  it('nests the counts of the seed example (README: 12,800 leads … 160 won for marketing)', () => {
    const json = jsonOf(seedExample);
    expect(json.schemaVersion).toBe(2);
    expect(json.funnel.bySource.marketing.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 1_280, opportunity: 640, won: 160 });
    // outbound: 6,000,000 / 30,000 = 200 won; / 0.3 = 666.7 → 667; / 0.4 = 1,667.5 → 1,668 SQLs
    expect(json.funnel.bySource.outbound.counts).toEqual({ lead: 0, mql: 0, sql: 1_668, opportunity: 667, won: 200 });
    expect(json.funnel.total.counts).toEqual({ lead: 12_800, mql: 3_200, sql: 2_948, opportunity: 1_307, won: 360 });
    expect(Object.keys(json.funnel.total.counts)).toEqual(json.stages);
  });

  it('writes the deprecated version 1 flat counts with the same numbers, for any stage list', () => {
    const custom = clone(seedExample) as any;
    custom.stages = ['lead', 'mql', 'demo', 'sql', 'opportunity', 'won'];
    custom.sources[0].conversionRates.demo = 0.5;
    for (const json of [jsonOf(seedExample), jsonOf(custom)]) {
      for (const entry of [...Object.values(json.funnel.bySource), json.funnel.total]) {
        for (const stage of json.stages) expect(entry[stage]).toBe(entry.counts[stage]);
      }
    }
  });

  it('a stage id never lands on a source field: the nested counts hold every stage, the fields stay themselves', () => {
    // Stage ids that are no reserved word but look like output keys or numbers (known ones in funnel order).
    const stageIds = fc.subarray(['lead', 'Revenue', 'shares', 'total', 'bySource', 'schemaVersion', '1', 'won'], { minLength: 2 });
    fc.assert(
      fc.property(stageIds, (stages) => {
        const input = { revenueTarget: 1_000_000, stages, sources: [{ id: 'a', share: 1, avgDealSize: 1_000, conversionRates: Object.fromEntries(stages.slice(0, -1).map((s) => [s, 0.5])) }] };
        const a = jsonOf(input).funnel.bySource.a;
        expect(Object.keys(a.counts).sort()).toEqual([...stages].sort());
        expect(a.counts[stages[stages.length - 1]]).toBe(1_000);
        expect(a).toMatchObject({ name: 'a', share: 1, avgDealSize: 1_000, revenue: 1_000_000, wonRevenue: 1_000_000 });
      }),
      { numRuns: 60 },
    );
  });

  // The plan over the year, the hiring plan and the bonus come from the CLI's timeline: test/cli/planCli.test.ts, planHeadcountCli.test.ts, bonusCli.test.ts.
  const OVER_THE_YEAR = ['timing', 'monthly', 'channels', 'teams', 'headcount', 'bonus'];

  it('has exactly the keys the README table lists', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The JSON output (`plan --json`)'));
    const rows = section
      .slice(0, section.indexOf('\n## ', 4))
      .split('\n')
      .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1])
      // history: `plan --rates-from`, see planRatesFrom.test.ts; warnings: the CLI's, see otherTools.test.ts; the plan over the year: test/cli/planCli.test.ts.
      .filter((key): key is string => key !== undefined && key.split('.')[0] !== 'history' && key !== 'warnings' && !OVER_THE_YEAR.includes(key.split('.')[0]));
    // Rows that are a parent of other rows (marketingTarget, which may be null) are not leaves.
    const leaves = rows.filter((key) => !rows.some((other) => other.startsWith(`${key}.`))).sort();
    expect(documentedShape(jsonOf(seedExample))).toEqual(leaves);
    expect(rows).toContain('marketingTarget');
  });
});
