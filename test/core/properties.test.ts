import fc from 'fast-check';
import { formatFieldError } from '../../src/core/fieldError';
import { plan } from '../../src/core/plan';
import { PlanInput } from '../../src/core/planInput';
import { validatePlan } from '../../src/core/validatePlan';
import { clone, seedExample } from './fixtures';

/** A random valid plan, with every number kept as integers so the test can check it exactly. */
interface Generated {
  input: PlanInput;
  target: bigint; // revenueTarget in whole currency units
  shares: bigint[]; // share_i = shares[i] / 10,000
  dealCents: bigint[]; // avgDealSize_i = dealCents[i] / 100
  rates: Record<string, bigint>[]; // rate = value / 10,000
}

const STAGE_POOL = ['lead', 'mql', 'bql', 'sql', 'opportunity', 'proposal', 'won'];

const generatedPlan: fc.Arbitrary<Generated> = fc
  .record({
    stageCount: fc.integer({ min: 2, max: STAGE_POOL.length }),
    target: fc.integer({ min: 1, max: 2_000_000_000 }),
    cuts: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 4 }),
    seeds: fc.array(
      fc.record({
        deal: fc.integer({ min: 1, max: 50_000_000 }),
        entry: fc.nat(),
        rates: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 6, maxLength: 6 }),
      }),
      { minLength: 5, maxLength: 5 },
    ),
  })
  .map(({ stageCount, target, cuts, seeds }) => {
    const stages = STAGE_POOL.slice(STAGE_POOL.length - stageCount);
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    const shares = points.slice(1).map((p, i) => BigInt(p - points[i]));
    const sources = shares.map((share, i) => {
      const seed = seeds[i];
      const entry = stages[seed.entry % stages.length];
      const rates: Record<string, number> = {};
      stages.slice(0, -1).forEach((stage, k) => (rates[stage] = seed.rates[k] / 10_000));
      return {
        id: `s${i}`,
        kind: i === 0 ? 'marketing' : 'sales',
        share: Number(share) / 10_000,
        avgDealSize: seed.deal / 100,
        entryStage: entry,
        conversionRates: rates,
      };
    });
    return {
      input: { revenueTarget: target, stages, sources },
      target: BigInt(target),
      shares,
      dealCents: seeds.slice(0, shares.length).map((s) => BigInt(s.deal)),
      rates: seeds.slice(0, shares.length).map((s) => Object.fromEntries(stages.slice(0, -1).map((st, k) => [st, BigInt(s.rates[k])]))),
    };
  });

describe('reverse funnel properties', () => {
  it('every count is the least integer that suffices, stages never grow downwards, totals are sums', () => {
    fc.assert(
      fc.property(generatedPlan, (g) => {
        const outcome = plan(g.input);
        if (!outcome.ok) {
          // Tiny rates can push a count past MAX_SAFE_INTEGER or past 15 significant digits:
          // that, and only that, is refused — and such a count is at least 10^15.
          for (const e of outcome.errors) {
            expect(['tooLarge', 'tooManyDigits']).toContain(e.code);
            expect(BigInt(/\((\d+)\)/.exec(e.detail ?? '')![1])).toBeGreaterThanOrEqual(BigInt(10) ** BigInt(15));
          }
          return;
        }
        const { stages, sources, total } = outcome.funnel;
        const won = stages[stages.length - 1];
        sources.forEach((s, i) => {
          const n = (stage: string) => BigInt(s.counts[stage]);
          // won × deal ≥ revenue, and (won − 1) × deal < revenue:  won·cents·100 vs target·share
          const need = g.target * g.shares[i];
          expect(n(won) * g.dealCents[i] * BigInt(100) >= need).toBe(true);
          if (n(won) > BigInt(0)) expect((n(won) - BigInt(1)) * g.dealCents[i] * BigInt(100) < need).toBe(true);
          const entry = stages.indexOf(s.entryStage);
          stages.forEach((stage, k) => {
            expect(Number.isSafeInteger(s.counts[stage])).toBe(true);
            if (k < entry) expect(s.counts[stage]).toBe(0);
            if (k < entry || k === stages.length - 1) return;
            const next = n(stages[k + 1]) * BigInt(10_000);
            const rate = g.rates[i][stage];
            expect(n(stage) * rate >= next).toBe(true);
            if (n(stage) > BigInt(0)) expect((n(stage) - BigInt(1)) * rate < next).toBe(true);
            expect(s.counts[stage]).toBeGreaterThanOrEqual(s.counts[stages[k + 1]]);
          });
        });
        for (const stage of stages) {
          expect(total.counts[stage]).toBe(sources.reduce((sum, s) => sum + s.counts[stage], 0));
        }
      }),
      { numRuns: 300 },
    );
  });
});

const badValue = fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -1, 0, 1.5, 25, 'abc', '', null, {}, [], true, '1,2', -0.5);
const fieldPaths = [
  ['revenueTarget'],
  ['sources', 0, 'share'],
  ['sources', 1, 'avgDealSize'],
  ['sources', 0, 'conversionRates', 'lead'],
  ['sources', 1, 'conversionRates', 'opportunity'],
  ['sources', 1, 'entryStage'],
  ['sources', 0, 'id'],
  ['stages'],
  ['sources'],
] as const;

function assertClean(value: unknown): void {
  // Errors carry the user's bad value, but nothing computed may be NaN or Infinity.
  const result = validatePlan(value);
  if (result.ok) {
    const outcome = plan(value);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) {
      for (const s of outcome.funnel.sources) for (const c of Object.values(s.counts)) expect(Number.isSafeInteger(c)).toBe(true);
    }
    return;
  }
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    // Every path names a known field, or is the unknown field itself.
    if (e.code !== 'unknownField' && e.code !== 'misspelledField') expect(e.path).toMatch(/^(\(input\)|revenueTarget|currency|name|handoffStage|stages|sources)/);
    const text = formatFieldError(e);
    expect(text.startsWith(`${e.path}: `)).toBe(true);
    expect(text).not.toMatch(/undefined|\[object/);
  }
}

describe('invalid plan properties', () => {
  it('a broken field is reported by its path, never thrown', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fieldPaths), badValue, (path, bad) => {
        const input = clone(seedExample) as unknown as Record<string, unknown>;
        let target: any = input;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path[path.length - 1]] = bad;
        assertClean(input);
      }),
      { numRuns: 400 },
    );
  });

  it('arbitrary JSON never throws and never yields NaN or Infinity', () => {
    fc.assert(fc.property(fc.anything(), (value) => assertClean(value)), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.record({ revenueTarget: fc.anything(), sources: fc.array(fc.dictionary(fc.constantFrom('id', 'share', 'avgDealSize', 'entryStage', 'conversionRates'), fc.anything())) }),
        (value) => assertClean(value),
      ),
      { numRuns: 300 },
    );
  });
});
