/**
 * templates/plan.schema.json (what editors check) against validatePlan + readHistoryPlanOptions
 * (what the planner checks), on generated plans: every valid plan passes both; every mutation
 * the schema can express (unknown or misspelled key, wrong type, number out of range, missing
 * required field, blank or reserved id, too few stages) fails both; and the schema never
 * refuses a plan the planner accepts. Rules the schema cannot express (shares add up to 1,
 * rates keyed by the plan's stages, 15 significant digits) are left to the planner.
 */
import Ajv, { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { resolve } from 'node:path';
import schemaJson from '../../templates/plan.schema.json';
import templateJson from '../../templates/default-plan.json';
import { HISTORY_FIELDS, readHistoryPlanOptions } from '../../src/core/history/historyPlanOptions';
import { FUNNEL_ORDER } from '../../src/core/history/knownColumns';
import { PLAN_FIELDS, SOURCE_FIELDS } from '../../src/core/knownFields';
import { RESERVED_IDS, validatePlan } from '../../src/core/validatePlan';

type Json = any; // generated plans are plain JSON, mutated freely

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
/** Strict ajv, told about VS Code's own `patternErrorMessage` (the message an editor shows for a pattern). */
const compile = (schema: object): ValidateFunction => new Ajv({ allErrors: true, strict: true, keywords: ['patternErrorMessage'] }).compile(schema);
const schemaAccepts = compile(schemaJson);

/** The planner's verdict: the plan, and its history section as `plan --rates-from` reads it. */
function plannerAccepts(input: Json): boolean {
  const checked = validatePlan(input);
  if (!checked.ok) return false;
  if (input.history === undefined) return true;
  return readHistoryPlanOptions(input.history, checked.plan.sources.map((s) => s.id)).ok;
}

// ---- valid plans ------------------------------------------------------------------------

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
const okId = (s: string) => s.trim() === s && s !== '' && !RESERVED_IDS.includes(s);
const customId = fc
  .oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('partner', 'expansion', '市场部', '線索來源', 'proposal', 'demo'))
  .filter((s) => okId(s) && !FUNNEL_ORDER.includes(s.toLowerCase()));

/** Stage ids in funnel order (known ones keep FUNNEL_ORDER; custom ones anywhere), 2 to 6 of them. */
const stagesArb = fc
  .tuple(fc.subarray([...FUNNEL_ORDER]), fc.uniqueArray(customId, { maxLength: 3 }), fc.array(fc.nat(), { minLength: 3, maxLength: 3 }))
  .map(([known, custom, at]) => {
    const stages = [...known];
    custom.forEach((id, i) => stages.splice(at[i] % (stages.length + 1), 0, id));
    return stages.slice(0, 6);
  })
  .filter((stages) => stages.length >= 2);

/** 0.25 as a number, "25%", "0.25" or "２５%". */
const rateArb = fc.integer({ min: 5, max: 100 }).chain((k) => fc.constantFrom<Json>(k / 100, `${k}%`, String(k / 100), `${FULL_WIDTH(String(k))}%`, ` ${k} % `));
const shareText = (k: number) => fc.constantFrom<Json>(k / 100, `${k}%`, String(k / 100));
const amountArb = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) =>
    fc.constantFrom<Json>(
      n,
      String(n),
      n.toLocaleString('en-US'),
      `$${n.toLocaleString('en-US')}`,
      ...(n % 1000 === 0 ? [`${n / 1000}k`] : []),
      ...(n % 10_000 === 0 ? [`${n / 10_000}万`] : []),
    ),
  );
const optionalText = fc.option(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('marketing', 'sales', 'partner', '  ', '')), { nil: null });

interface Shape {
  stages: string[];
  writeStages: 'given' | 'omitted' | 'null';
  ids: string[];
}

const shapeArb: fc.Arbitrary<Shape> = fc
  .record({
    stages: fc.oneof(stagesArb, fc.constant<string[]>(['lead', 'mql', 'sql', 'opportunity', 'won'])),
    writeStages: fc.constantFrom<Shape['writeStages']>('given', 'omitted', 'null'),
    ids: fc.uniqueArray(fc.oneof(fc.constantFrom('marketing', 'outbound'), customId), { minLength: 1, maxLength: 4 }),
  })
  .map((s) => (s.stages.join() === 'lead,mql,sql,opportunity,won' ? s : { ...s, writeStages: 'given' as const }));

/** Sets `key` only when `present`: a field that may be left out sometimes is. */
function put(target: Json, key: string, value: Json, present: boolean): void {
  if (present) target[key] = value;
}

function sourceArb(stages: string[], id: string, percent: number): fc.Arbitrary<Json> {
  return fc
    .record({
      entry: fc.nat({ max: stages.length - 1 }),
      entryForm: fc.constantFrom('id', 'omitted', 'null', 'blank'),
      rates: fc.array(rateArb, { minLength: stages.length, maxLength: stages.length }),
      above: fc.array(fc.boolean(), { minLength: stages.length, maxLength: stages.length }),
      emptyRates: fc.constantFrom<Json>('omitted', null, {}),
      share: shareText(percent),
      avgDealSize: amountArb(100, 1_000_000),
      name: optionalText,
      kind: optionalText,
      present: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    })
    .map((g) => {
      const source: Json = { id, share: g.share, avgDealSize: g.avgDealSize };
      put(source, 'name', g.name, g.present[0]);
      put(source, 'kind', g.kind, g.present[1]);
      const entry = g.entryForm === 'id' ? g.entry : 0;
      if (g.entryForm === 'id') source.entryStage = stages[entry];
      if (g.entryForm === 'null') source.entryStage = null;
      if (g.entryForm === 'blank') source.entryStage = ' ';
      const rates: Json = {};
      stages.slice(0, -1).forEach((stage, k) => {
        if (k >= entry || g.above[k]) rates[stage] = g.rates[k];
      });
      if (Object.keys(rates).length > 0) source.conversionRates = rates;
      else if (g.emptyRates !== 'omitted') source.conversionRates = g.emptyRates;
      return source;
    });
}

const historyArb = (shape: Shape): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.constant(null),
    fc.record(
      {
        sourceMap: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__'), fc.constantFrom(...shape.ids), { maxKeys: 3 }), { nil: null }),
        unmappedSource: fc.option(fc.constantFrom(...shape.ids), { nil: null }),
        stageColumns: fc.option(fc.dictionary(fc.constantFrom(...shape.stages), fc.constantFrom('Created', '成为MQL时间', 'Close Date'), { maxKeys: 2 }), { nil: null }),
        sourceColumn: fc.option(fc.constantFrom('Original Source', '線索來源', ''), { nil: null }),
        matureRates: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  );

/** A valid plan by construction: shares are whole percents adding up to 100, counts stay far below 15 digits. */
/** A valid `timing`: months and dates with stray spaces, weights as numbers or text, "even" in any case. */
const timingArb = (stages: string[]): fc.Arbitrary<Json> =>
  fc.record(
    {
      fiscalYearStart: fc.tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('', ' ')).map(([y, m, pad]) => `${pad}${y}-${String(m).padStart(2, '0')}${pad}`),
      seasonality: fc.oneof(
        fc.constantFrom<Json>('even', 'Even', ' EVEN ', null),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }).map((n) => `${n}`)), { minLength: 12, maxLength: 12 }).map((w) => (w.some((x) => Number(x) > 0) ? w : [1, ...w.slice(1)])),
      ),
      nextYearGrowth: fc.constantFrom<Json>(0, 0.2, '20%', '-10%', null),
      holidays: fc.array(fc.constantFrom('2027-01-01', ' 2027-12-25', '2028-02-29'), { maxLength: 3 }),
      openPipeline: fc.constantFrom(...stages).map((stage) => ({ [stage]: 12 })),
    },
    { requiredKeys: [] },
  );

const validPlanArb: fc.Arbitrary<Json> = shapeArb.chain((shape) =>
  fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: shape.ids.length - 1, maxLength: shape.ids.length - 1 })
    .chain((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 100];
      const percents = shape.ids.map((_, i) => points[i + 1] - points[i]);
      return fc.record({
        sources: fc.tuple(...shape.ids.map((id, i) => sourceArb(shape.stages, id, percents[i]))),
        revenueTarget: amountArb(1_000, 100_000_000),
        name: optionalText,
        currency: fc.option(fc.constantFrom('USD', 'CNY', 'EUR'), { nil: null }),
        handoffStage: fc.option(fc.constantFrom(...shape.stages), { nil: null }),
        schema: fc.constantFrom('./plan.schema.json', './node_modules/funnel-planner/templates/plan.schema.json'),
        history: historyArb(shape),
        timing: timingArb(shape.stages),
        present: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      });
    })
    .map((g) => {
      const plan: Json = {};
      put(plan, '$schema', g.schema, g.present[0]);
      put(plan, 'name', g.name, g.present[1]);
      plan.revenueTarget = g.revenueTarget;
      put(plan, 'currency', g.currency, g.present[2]);
      if (shape.writeStages === 'given') plan.stages = shape.stages;
      if (shape.writeStages === 'null') plan.stages = null;
      put(plan, 'handoffStage', g.handoffStage, g.present[3]);
      plan.sources = g.sources;
      put(plan, 'history', g.history, g.present[4]);
      put(plan, 'timing', g.timing, g.present[5]);
      return copy(plan); // as a JSON file would hand it in
    }),
);

// ---- mutations the schema can express ------------------------------------------------

/** A misspelling of `key` that is not itself a known field: case, a dropped, doubled or swapped letter, a separator. */
function typo(key: string, pick: number, known: readonly string[]): string {
  const i = 1 + (pick % Math.max(1, key.length - 1));
  const variants = [
    key.toLowerCase(),
    key.slice(0, i) + key.slice(i + 1),
    key.slice(0, i) + key[i - 1] + key.slice(i),
    key.slice(0, i - 1) + (key[i] ?? '') + key[i - 1] + key.slice(i + 1),
    `${key.slice(0, i)}_${key.slice(i)}`,
    `${key} `,
  ];
  const candidate = variants[Math.floor(pick / 7) % variants.length];
  return known.includes(candidate) ? `${candidate}x` : candidate;
}

const NOT_STRING: Json[] = [7, true, [], {}];
const NOT_NUMBER: Json[] = [true, null, [], {}, '', '   ', 'n/a'];
const NOT_OBJECT: Json[] = [[], 'x', 3, true];

interface Mutation {
  readonly name: string;
  /** Changes `plan` in place; `pick` chooses where and how. */
  readonly apply: (plan: Json, pick: number) => void;
}

const at = <T>(list: readonly T[], pick: number): T => list[pick % list.length];
const source = (plan: Json, pick: number): Json => at(plan.sources, pick);
const historyOf = (plan: Json): Json => (plan.history = plan.history ?? {});
const rateKey = (plan: Json, pick: number): [Json, string] | undefined => {
  const withRates = plan.sources.filter((s: Json) => s.conversionRates && Object.keys(s.conversionRates).length > 0);
  if (withRates.length === 0) return undefined;
  const rates = at<Json>(withRates, pick).conversionRates;
  return [rates, at(Object.keys(rates), pick >> 3)];
};

const MUTATIONS: readonly Mutation[] = [
  { name: 'misspelled top-level key', apply: (p, n) => (p[typo(at(PLAN_FIELDS.filter((f) => f !== '$schema'), n), n, PLAN_FIELDS)] = 1) },
  { name: 'misspelled source key', apply: (p, n) => (source(p, n)[typo(at(SOURCE_FIELDS, n >> 2), n, SOURCE_FIELDS)] = 1) },
  { name: 'misspelled history key', apply: (p, n) => (historyOf(p)[typo(at(HISTORY_FIELDS, n), n, HISTORY_FIELDS)] = true) },
  { name: 'unknown key anywhere', apply: (p, n) => (at<Json>([p, source(p, n), historyOf(p)], n)[`extra${n}`] = 'x') },
  { name: 'text field not text', apply: (p, n) => (at<Json>([p, source(p, n)], n)[at(['name', 'currency', 'handoffStage', 'kind', 'entryStage'], n >> 1)] = at(NOT_STRING, n >> 4)) },
  { name: 'number field not a number', apply: (p, n) => ((n & 1 ? source(p, n >> 1) : p)[n & 1 ? at(['share', 'avgDealSize'], n >> 2) : 'revenueTarget'] = at(NOT_NUMBER, n >> 3)) },
  {
    name: 'rate not a number',
    apply: (p, n) => {
      const found = rateKey(p, n);
      if (found) found[0][found[1]] = at(NOT_NUMBER, n >> 5);
      else source(p, n).conversionRates = at(NOT_OBJECT, n);
    },
  },
  { name: 'id not text', apply: (p, n) => (source(p, n).id = at([...NOT_STRING, null], n >> 2)) },
  { name: 'stages not a list of text', apply: (p, n) => (p.stages = n & 1 ? at(NOT_OBJECT.slice(1).concat([{}]), n >> 1) : ['lead', at([3, null, true, []], n >> 1), 'won']) },
  { name: 'sources not a list of objects', apply: (p, n) => (n & 1 ? (p.sources = at([{}, 'x', 3], n >> 1)) : (p.sources[n % p.sources.length] = at([[], 'x', 3, null], n >> 1))) },
  { name: 'conversionRates not an object', apply: (p, n) => (source(p, n).conversionRates = at(NOT_OBJECT, n >> 2)) },
  {
    name: 'history field of the wrong type',
    apply: (p, n) => {
      const h = historyOf(p);
      const field = at(['sourceMap', 'unmappedSource', 'stageColumns', 'sourceColumn', 'matureRates', 'sourceMap value', 'history'], n);
      if (field === 'history') p.history = at(NOT_OBJECT, n >> 3);
      else if (field === 'sourceMap value') h.sourceMap = { 'Organic Search': at([3, true, null, [], {}, ' '], n >> 3) };
      else if (field === 'matureRates') h.matureRates = at(['true', 1, null, []], n >> 3);
      else if (field === 'sourceMap' || field === 'stageColumns') h[field] = at(NOT_OBJECT, n >> 3);
      else h[field] = at(NOT_STRING, n >> 3);
    },
  },
  {
    name: 'number out of range',
    apply: (p, n) => {
      const k = 1 + (n % 99);
      const found = rateKey(p, n);
      const site = n & 3;
      if (site === 0) p.revenueTarget = at([0, -k * 1000], n >> 2);
      else if (site === 1) source(p, n >> 2).avgDealSize = at([0, -k], n >> 2);
      else if (site === 2) source(p, n >> 2).share = at([-k / 100, 1 + k / 100], n >> 2);
      else if (found) found[0][found[1]] = at([0, -k / 100, 1 + k / 100], n >> 2);
      else p.revenueTarget = -1;
    },
  },
  { name: 'required field missing', apply: (p, n) => (n & 1 ? delete source(p, n >> 1)[at(['id', 'share', 'avgDealSize'], n >> 3)] : delete p[at(['revenueTarget', 'sources'], n >> 1)]) },
  { name: 'no sources', apply: (p) => (p.sources = []) },
  { name: 'fewer than 2 stages', apply: (p, n) => (p.stages = n & 1 ? [] : ['won']) },
  {
    name: 'a stage twice',
    apply: (p, n) => {
      const stages = p.stages ?? ['lead', 'mql', 'sql', 'opportunity', 'won'];
      p.stages = [...stages.slice(0, -1), at(stages, n), stages[stages.length - 1]];
    },
  },
  { name: 'blank id', apply: (p, n) => (n & 1 ? (source(p, n >> 1).id = at(['', '  ', '\t'], n >> 2)) : (p.stages = ['lead', at(['', ' '], n >> 1), 'won'])) },
  { name: 'reserved id', apply: (p, n) => (n & 1 ? (source(p, n >> 1).id = at(RESERVED_IDS, n >> 2)) : (p.stages = ['lead', at(RESERVED_IDS, n >> 1), 'won'])) },
];

const mutatedArb = fc.tuple(validPlanArb, fc.constantFrom(...MUTATIONS), fc.nat({ max: 1 << 16 })).map(([plan, mutation, pick]) => {
  const mutated = copy(plan);
  mutation.apply(mutated, pick);
  return { plan: copy(mutated), mutation: mutation.name };
});

// ---- arbitrary edits, for "the schema never refuses what the planner accepts" -----------

/** Paths to every value inside a JSON value. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => paths(value[k], [...prefix, k]))];
}

/** Numbers as a person or a spreadsheet writes them: at most 15 significant digits (see "known differences"). */
const typedNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => Number(x.toPrecision(15)));
const junkArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, 1, -1, 0.5, 2, '', ' ', '25%', 'abc', '１２', [], {}, ['lead', 'won']),
  typedNumber,
  fc.string({ maxLength: 6 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Number(x.toPrecision(15)) : x)))),
);

const editedArb = fc.tuple(validPlanArb, fc.nat(), junkArb, fc.boolean()).map(([plan, pick, junk, remove]) => {
  const all = paths(plan).filter((p) => p.length > 0);
  const path = all[pick % all.length];
  const parent = path.slice(0, -1).reduce((v: Json, k) => v[k], plan);
  const key = path[path.length - 1];
  if (remove && !Array.isArray(parent)) delete parent[key];
  else parent[key] = junk;
  return copy(plan);
});

// ---- the agreement, as a check that can be run against a broken schema ------------------

interface Disagreement {
  readonly property: string;
  readonly counterexample: unknown;
}

function disagreement(schema: ValidateFunction, numRuns: number): Disagreement | undefined {
  const runs: Array<[string, fc.IProperty<any>]> = [
    ['valid plans pass both', fc.property(validPlanArb, (plan) => plannerAccepts(plan) && schema(plan))],
    ['mutations fail both', fc.property(mutatedArb, ({ plan }) => !plannerAccepts(plan) && !schema(plan))],
    ['the schema refuses nothing the planner accepts', fc.property(editedArb, (plan) => !plannerAccepts(plan) || schema(plan))],
  ];
  for (const [property, run] of runs) {
    const result = fc.check(run, { numRuns, seed: 20_261_201 });
    if (result.failed) return { property, counterexample: result.counterexample };
  }
  return undefined;
}

describe('the plan input schema and the validator agree', () => {
  it('on generated valid plans, schema-expressible mutations and arbitrary edits', () => {
    expect(disagreement(schemaAccepts, 400)).toBeUndefined();
  });

  it('generated plans do reach the cases: text numbers, null fields, entry at won, history', () => {
    const plans = fc.sample(validPlanArb, { numRuns: 300, seed: 7 });
    const text = JSON.stringify(plans);
    expect(text).toMatch(/"share":"\d+%"/);
    expect(text).toMatch(/"avgDealSize":"\$[\d,]+"/);
    expect(text).toMatch(/"name":null/);
    expect(text).toMatch(/"entryStage":" "/);
    expect(text).toContain('"history":{');
    expect(plans.some((p) => p.stages === undefined)).toBe(true);
    expect(plans.some((p) => p.sources.some((s: Json) => s.entryStage === (p.stages ?? [])[p.stages?.length - 1]))).toBe(true);
    const mutations = new Set(fc.sample(mutatedArb, { numRuns: 400, seed: 7 }).map((m) => m.mutation));
    expect(mutations.size).toBe(MUTATIONS.length);
  });

  // The check can fail: each of these schemas lacks one thing, and the agreement finds it.
  it.each<[string, (s: Json) => void, string]>([
    [
      'a source property missing (avgDealSize)',
      (s) => {
        delete s.definitions.source.properties.avgDealSize;
        s.definitions.source.required = ['id', 'share'];
      },
      'valid plans pass both',
    ],
    ['unknown source keys allowed', (s) => delete s.definitions.source.additionalProperties, 'mutations fail both'],
    ['no upper bound on a rate', (s) => delete s.definitions.rate.anyOf[0].maximum, 'mutations fail both'],
    ['a required field not required', (s) => (s.required = ['sources']), 'mutations fail both'],
    ['ids that may be blank or reserved', (s) => delete s.definitions.id.pattern, 'mutations fail both'],
    ['a $schema that must be text (the planner ignores it)', (s) => (s.properties.$schema.type = 'string'), 'the schema refuses nothing the planner accepts'],
  ])('finds a schema with %s', (_what, breakIt, property) => {
    const broken = copy(schemaJson) as Json;
    breakIt(broken);
    expect(disagreement(compile(broken), 400)?.property).toBe(property);
  });

  it('lists the same fields as the validator, and refuses every reserved id', () => {
    const s = schemaJson as Json;
    expect(Object.keys(s.properties).sort()).toEqual([...PLAN_FIELDS].sort());
    expect(Object.keys(s.definitions.source.properties).sort()).toEqual([...SOURCE_FIELDS].sort());
    expect(Object.keys(s.definitions.history.properties).sort()).toEqual([...HISTORY_FIELDS].sort());
    const plan = copy(templateJson) as Json;
    for (const id of RESERVED_IDS) {
      for (const written of [id, ` ${id} `]) {
        plan.sources[0].id = written;
        expect([written, schemaAccepts(plan)]).toEqual([written, false]);
        expect(plannerAccepts(plan)).toBe(false);
      }
    }
    for (const id of ['revenue2', 'Revenue', ' counts-a ', 'my name', 'Name', '收入']) {
      plan.sources[0].id = id;
      expect([id, schemaAccepts(plan), plannerAccepts(plan)]).toEqual([id, true, true]);
    }
  });

  it('flags the typos users make, naming the key, as the validator does', () => {
    const cases: Array<[string, (p: Json) => void, string, string]> = [
      ['avgDealsize', (p) => { p.sources[0].avgDealsize = p.sources[0].avgDealSize; delete p.sources[0].avgDealSize; }, '/sources/0', 'sources[0].avgDealsize'],
      ['entrystage', (p) => { p.sources[1].entrystage = 'sql'; delete p.sources[1].entryStage; }, '/sources/1', 'sources[1].entrystage'],
      ['handofStage', (p) => (p.handofStage = 'sql'), '', 'handofStage'],
      ['sourcemap', (p) => (p.history = { sourcemap: {} }), '/history', 'history.sourcemap'],
    ];
    for (const [key, edit, instancePath, field] of cases) {
      const plan = copy(templateJson) as Json;
      edit(plan);
      expect(schemaAccepts(plan)).toBe(false);
      expect(schemaAccepts.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', instancePath, params: { additionalProperty: key } }));
      const checked = validatePlan(plan);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.map((e) => e.path)).toContain(field);
    }
  });

  it('known difference: the schema bounds the JSON number, the planner reads it to 15 significant digits', () => {
    const plan = copy(templateJson) as Json;
    plan.sources[0].conversionRates.lead = 1.0000000000000002; // 1 to 15 digits
    expect(plannerAccepts(plan)).toBe(true);
    expect(schemaAccepts(plan)).toBe(false);
  });
});

describe('the template and the schema', () => {
  it('templates/default-plan.json points at the schema and passes it', () => {
    expect(resolve(__dirname, '../../templates', templateJson.$schema)).toBe(resolve(__dirname, '../../templates/plan.schema.json'));
    expect(schemaAccepts(templateJson)).toBe(true);
    expect(plannerAccepts(templateJson)).toBe(true);
  });

  it('is draft-07, with a description on every property for editor hover', () => {
    expect((schemaJson as Json).$schema).toBe('http://json-schema.org/draft-07/schema#');
    const s = schemaJson as Json;
    const described = (props: Record<string, Json>) => Object.entries(props).filter(([, v]) => typeof v.description !== 'string').map(([k]) => k);
    expect(described(s.properties)).toEqual([]);
    expect(described(s.definitions.source.properties)).toEqual([]);
    expect(described(s.definitions.history.properties)).toEqual([]);
  });
});

describe('the schema and the plan over the year', () => {
  const withChannels: Json = {
    revenueTarget: 10_000_000,
    timing: { fiscalYearStart: '2027-01', seasonality: 'Even', holidays: [' 2027-12-25'] },
    sources: [
      {
        id: 'marketing', kind: 'marketing', share: 0.4, avgDealSize: 25_000, conversionRates: { lead: 0.25, mql: 0.4, sql: 0.5, opportunity: 0.25 },
        stageDays: { lead: 21, mql: '10', sql: 14, opportunity: 60 },
        channels: [{ id: 'content', share: 0.5, costPerLead: 120 }, { id: 'events', name: 'Events', share: '50%', costPerLead: '250', conversionRates: { lead: 0.3 } }],
      },
      { id: 'outbound', share: 0.6, avgDealSize: 30_000, entryStage: 'sql', conversionRates: { sql: 0.4, opportunity: 0.3 } },
    ],
  };

  it('accepts channels, stage days and timing the planner accepts', () => {
    expect(plannerAccepts(withChannels)).toBe(true);
    expect(schemaAccepts(withChannels)).toBe(true);
  });

  it.each([
    ['a typo in timing', (p: Json) => (p.timing.fiscalYearstart = '2027-01')],
    ['a typo in a channel', (p: Json) => (p.sources[0].channels[0].costPerlead = 1)],
    ['a month that does not exist', (p: Json) => (p.timing.fiscalYearStart = '2027-13')],
    ['eleven weights', (p: Json) => (p.timing.seasonality = Array(11).fill(1))],
    ['a channel without a share', (p: Json) => delete p.sources[0].channels[0].share],
  ])('both refuse %s', (_name, edit) => {
    const plan = copy(withChannels);
    edit(plan);
    expect(plannerAccepts(plan)).toBe(false);
    expect(schemaAccepts(plan)).toBe(false);
  });
});
