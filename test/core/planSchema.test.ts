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
import { DRIVER_FIELDS, HEADCOUNT_FIELDS, ROLE_FIELDS, VERTICAL_FIELDS } from '../../src/core/headcount/readHeadcount';
import { BONUS_FIELDS, BUCKET_FIELDS, BUCKET_KPI_FIELDS, GATE_FIELDS, GRID_FIELDS, POOL_FIELDS } from '../../src/core/bonus/readBonus';
import { monthKey, parseFiscalYearStart } from '../../src/core/time/fiscalYear';
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


/** A number as a number or as text ("30%", "6"). */
const numberOrText = (n: number, percent = false) => fc.constantFrom<Json>(n, String(n), ...(percent ? [`${Math.round(n * 100)}%`] : []));

/**
 * A valid `headcount`: 0–4 roles (default ids and custom ones) with every kind of driver —
 * spans and ratios only over roles listed before them, so there is no circle — numbers as
 * numbers or text, fields left out or blank where a default applies; plan start inside the
 * allowed window of the plan's fiscal year; the vertical left out, null, or given in full.
 */
const headcountArb = (shape: Shape): fc.Arbitrary<Json> =>
  fc
    .record({
      ids: fc.uniqueArray(fc.constantFrom('sdr', 'ae', 'csm', 'sdrManager', 'partnerManager', 'ops', '渠道经理'), { maxLength: 4 }),
      drivers: fc.array(fc.nat({ max: 4 }), { minLength: 4, maxLength: 4 }),
      picks: fc.array(fc.nat({ max: 1000 }), { minLength: 24, maxLength: 24 }),
      present: fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
      planStartOffset: fc.integer({ min: -36, max: 11 }),
      planStartForm: fc.constantFrom('month', 'omitted', 'null', 'blank'),
      verticalForm: fc.constantFrom('omitted', 'null', 'given'),
      rolesForm: fc.constantFrom('given', 'omitted', 'null'),
    })
    .map((g) => {
      const pick = (i: number, list: readonly Json[]) => list[g.picks[i % g.picks.length] % list.length];
      const roles = g.ids.map((id, i) => {
        const role: Json = { id, monthlyCost: pick(i, [8000, '8,000', '$9k', 0]) };
        const kind = i === 0 ? g.drivers[i] % 2 === 0 ? 0 : g.drivers[i] % 3 === 1 ? 1 : 4 : g.drivers[i];
        if (kind === 0) {
          role.driver = { stage: pick(i + 1, shape.stages) };
          if (g.present[i]) role.driver.sources = shape.ids.filter((_, k) => k === 0 || g.present[k + 4]);
          role.capacityPerMonth = pick(i + 2, [15, '12.5', 0.5]);
        } else if (kind === 1) {
          role.driver = { accounts: pick(i + 3, [0, 40, '120']) };
          role.capacityPerMonth = pick(i + 4, [40, '45']);
        } else if (kind === 2 || kind === 3) {
          role.driver = { [kind === 2 ? 'span' : 'ratio']: pick(i + 5, [8, '7.5', 25]), of: g.ids.slice(0, i).filter((_, k) => k === 0 || g.present[k + 8]) };
        } else role.driver = { fixed: pick(i + 6, [1, 0.5, '2']) };
        put(role, 'name', pick(i + 7, ['SDR', '渠道经理', null, ' ']), g.present[i + 12]);
        put(role, 'ramp', pick(i + 8, [[0.25, 0.5, 0.75], [], ['25%', 0.6, '85%'], [0], null]), g.present[i + 16]);
        put(role, 'attritionPerYear', pick(i + 9, [0.3, '32%', 0, null, '']), g.present[i + 20]);
        put(role, 'hireLeadMonths', pick(i + 10, [0, 1, '2', 24]), g.present[(i + 13) % 24]);
        put(role, 'current', pick(i + 11, [0, 6, '3', null]), g.present[(i + 17) % 24]);
        return role;
      });
      const section: Json = {};
      if (g.rolesForm === 'given') section.roles = roles;
      if (g.rolesForm === 'null') section.roles = null;
      if (g.planStartForm === 'null') section.planStart = null;
      if (g.planStartForm === 'blank') section.planStart = ' ';
      if (g.planStartForm === 'month') section.planStart = g.planStartOffset; // a month once the fiscal year is known (below)
      if (g.verticalForm === 'null') section.vertical = null;
      if (g.verticalForm === 'given' && g.rolesForm === 'given' && roles.length > 0) {
        section.vertical = { replaces: roles.slice(0, 2).map((r: Json) => r.id), driver: { stage: pick(20, shape.stages) }, monthlyCost: 18_000 };
        put(section.vertical, 'capacityPerMonth', pick(21, [4, '3.5']), g.present[3]);
        put(section.vertical, 'ramp', [0, 0.2, 0.5], g.present[7]);
      }
      return section;
    });

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
        headcount: headcountArb(shape),
        present: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
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
      if (g.present[6]) {
        const section = copy(g.headcount);
        if (typeof section.planStart === 'number') {
          const fy = typeof g.timing.fiscalYearStart === 'string' ? parseFiscalYearStart(g.timing.fiscalYearStart) : undefined;
          section.planStart = monthKey(fy && g.present[5] ? fy : { year: 2027, month: 1 }, section.planStart);
        }
        plan.headcount = section;
      }
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
const headcountOf = (plan: Json): Json => (plan.headcount = plan.headcount ?? {});
/** A role of the plan's headcount section, a valid fixed one added when it lists none. */
const roleOf = (plan: Json, pick: number): Json => {
  const section = headcountOf(plan);
  if (!Array.isArray(section.roles) || section.roles.length === 0) section.roles = [{ id: 'ops', driver: { fixed: 1 }, monthlyCost: 5000 }];
  return at<Json>(section.roles, pick);
};
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
  { name: 'misspelled headcount key', apply: (p, n) => (n & 1 ? (headcountOf(p)[typo(at(HEADCOUNT_FIELDS, n >> 1), n, HEADCOUNT_FIELDS)] = 1) : (roleOf(p, n)[typo(at(ROLE_FIELDS, n >> 1), n, ROLE_FIELDS)] = 1)) },
  {
    name: 'headcount field of the wrong type',
    apply: (p, n) => {
      const role = roleOf(p, n);
      const site = at(['section', 'roles', 'role', 'id', 'name', 'ramp', 'driver', 'current', 'planStart', 'vertical', 'sources', 'of'], n);
      const junk = n >> 4;
      if (site === 'section') p.headcount = at(NOT_OBJECT, junk);
      else if (site === 'roles') headcountOf(p).roles = at([{}, 'x', 3, true], junk);
      else if (site === 'role') headcountOf(p).roles[0] = at([[], 'x', 3, null], junk);
      else if (site === 'id') role.id = at([...NOT_STRING, ''], junk);
      else if (site === 'name') role.name = at(NOT_STRING, junk);
      else if (site === 'ramp') role.ramp = at([{}, 'fast', 3, ['slow'], [null]], junk);
      else if (site === 'driver') role.driver = at([3, 'sql', [], {}, { stage: 'sql', fixed: 1 }, { stage: 'sql', fixed: null }, { fixed: 1, of: ['x'] }, { stage: 7 }], junk);
      else if (site === 'current') role.current = at([true, [], 'n/a', 0.5, {}], junk);
      else if (site === 'planStart') headcountOf(p).planStart = at([7, true, '2027-13', 'next year', []], junk);
      else if (site === 'vertical') headcountOf(p).vertical = at(['yes', 3, [], true], junk);
      else if (site === 'sources') role.driver = { stage: (p.stages ?? ['lead'])[0], sources: at([[], 'marketing', [3], {}], junk) };
      else role.driver = { span: 8, of: at([[], 'sdr', [3], {}], junk) };
    },
  },
  {
    name: 'a driver naming two kinds',
    apply: (p, n) => {
      const stage = (p.stages ?? ['lead'])[0];
      roleOf(p, n).driver = at<Json>([{ stage, fixed: 1 }, { stage, accounts: 3 }, { span: 8, of: ['x'], fixed: null }, { stage, ratio: 2, of: ['x'] }, { accounts: 1, fixed: 2 }], n >> 3);
    },
  },
  {
    name: 'headcount number out of range',
    apply: (p, n) => {
      const role = roleOf(p, n);
      const k = 1 + (n % 97);
      const site = at(['attrition', 'ramp', 'lead', 'current', 'cost', 'span', 'fixed', 'capacity', 'rampLength'], n >> 2);
      if (site === 'attrition') role.attritionPerYear = at([1, 1 + k / 100, -k / 100], n >> 6);
      else if (site === 'ramp') role.ramp = [0.25, at([1 + k / 100, -k / 100], n >> 6)];
      else if (site === 'lead') role.hireLeadMonths = at([25, -1, 1.5], n >> 6);
      else if (site === 'current') role.current = at([-k, k + 0.5], n >> 6);
      else if (site === 'cost') role.monthlyCost = -k;
      else if (site === 'span') role.driver = { span: at([0, -k], n >> 6), of: [role.id === 'sdr' ? 'ae' : 'sdr'] };
      else if (site === 'fixed') role.driver = { fixed: -k };
      else if (site === 'capacity') {
        role.driver = { stage: (p.stages ?? ['lead'])[0] };
        role.capacityPerMonth = at([0, -k], n >> 6);
      } else role.ramp = Array(37).fill(0.5);
    },
  },
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
    expect(text).toMatch(/"headcount":\{"roles":\[\{"id":"\w+"/);
    expect(text).toContain('"span":');
    expect(text).toContain('"vertical":{"replaces"');
    expect(text).toMatch(/"planStart":"\d{4}-\d{2}"/);
    expect(plans.some((p) => p.stages === undefined)).toBe(true);
    expect(plans.some((p) => p.sources.some((s: Json) => s.entryStage === (p.stages ?? [])[p.stages?.length - 1]))).toBe(true);
    const mutations = new Set(fc.sample(mutatedArb, { numRuns: 400, seed: 7 }).map((m) => m.mutation));
    expect(mutations.size).toBe(MUTATIONS.length);
  });

  // The check can fail: each of these schemas lacks one thing, and the agreement finds it.
  it.each<[string, (s: Json) => void, string, number?]>([
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
    // One path among the many of a plan with a headcount section: more edits to land on it.
    ['a $schema that must be text (the planner ignores it)', (s) => (s.properties.$schema.type = 'string'), 'the schema refuses nothing the planner accepts', 1500],
    ['a ramp without an upper bound', (s) => delete s.definitions.share.anyOf[0].maximum, 'mutations fail both'],
    ['a stage driver that may name a second kind', (s) => delete s.definitions.driver.oneOf[0].additionalProperties, 'mutations fail both'],
    ['roles that may carry unknown keys', (s) => delete s.definitions.role.additionalProperties, 'mutations fail both'],
  ])('finds a schema with %s', (_what, breakIt, property, runs = 400) => {
    const broken = copy(schemaJson) as Json;
    breakIt(broken);
    expect(disagreement(compile(broken), runs)?.property).toBe(property);
  });

  it('lists the same fields as the validator, and refuses every reserved id', () => {
    const s = schemaJson as Json;
    expect(Object.keys(s.properties).sort()).toEqual([...PLAN_FIELDS].sort());
    expect(Object.keys(s.definitions.source.properties).sort()).toEqual([...SOURCE_FIELDS].sort());
    expect(Object.keys(s.definitions.history.properties).sort()).toEqual([...HISTORY_FIELDS].sort());
    expect(Object.keys(s.definitions.headcount.properties).sort()).toEqual([...HEADCOUNT_FIELDS].sort());
    expect(Object.keys(s.definitions.role.properties).sort()).toEqual([...ROLE_FIELDS].sort());
    expect(Object.keys(s.definitions.bonus.properties).sort()).toEqual([...BONUS_FIELDS].sort());
    expect(Object.keys(s.definitions.bonus.properties.pool.properties).sort()).toEqual([...POOL_FIELDS].sort());
    expect(Object.keys(s.definitions.bonus.properties.gate.anyOf[0].properties).sort()).toEqual([...GATE_FIELDS].sort());
    expect(Object.keys(s.definitions.bonus.properties.grid.anyOf[0].properties).sort()).toEqual([...GRID_FIELDS].sort());
    expect(Object.keys(s.definitions.bucket.properties).sort()).toEqual([...BUCKET_FIELDS].sort());
    expect(Object.keys(s.definitions.bucket.properties.kpis.items.properties).sort()).toEqual([...BUCKET_KPI_FIELDS].sort());
    expect(Object.keys(s.definitions.vertical.properties).sort()).toEqual([...VERTICAL_FIELDS].sort());
    const driverKeys = new Set(s.definitions.driver.oneOf.flatMap((d: Json) => Object.keys(d.properties)));
    expect([...driverKeys].sort()).toEqual([...DRIVER_FIELDS].sort());
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
    expect(described(s.definitions.headcount.properties)).toEqual([]);
    expect(described(s.definitions.role.properties)).toEqual([]);
    expect(described(s.definitions.vertical.properties)).toEqual([]);
    expect(described(s.definitions.bonus.properties)).toEqual([]);
    expect(described(s.definitions.bucket.properties)).toEqual([]);
  });
});

describe('the schema and the bonus pool', () => {
  const pool = (edit: (b: Json) => void): Json => {
    const p = copy(templateJson) as Json;
    edit(p.bonus);
    return p;
  };

  it('accepts the template\'s pool, a percent-of-revenue pool, a stepped curve and scenarios as text', () => {
    for (const p of [
      pool(() => undefined),
      pool((b) => (b.pool = { percentOfRevenue: '5%' })),
      pool((b) => (b.buckets[3].kpis[0].curve = { points: [[0.8, 0.5], ['100%', 1]], stepped: true })),
      pool((b) => (b.scenarios = [{ name: 'Flat', revenue: '95%' }])),
      pool((b) => (b.gate = null)),
    ]) {
      expect(plannerAccepts(p)).toBe(true);
      expect(schemaAccepts(p)).toBe(true);
    }
  });

  it.each<[string, (b: Json) => void]>([
    ['a typo in the pool section', (b) => (b.fitToPol = true)],
    ['both kinds of pool', (b) => (b.pool = { amount: 1, percentOfRevenue: 0.1 })],
    ['no buckets', (b) => (b.buckets = [])],
    ['a typo in a bucket', (b) => (b.buckets[0].rols = ['sdr'])],
    ['a point that is not a pair', (b) => (b.fundingCurve = [[0.8, 0.5, 1]])],
    ['a negative share', (b) => (b.buckets[0].share = -0.2)],
    ['a scenario without a name', (b) => (b.scenarios = [{ revenue: 0.9 }])],
    ['fitToPool as text', (b) => (b.fitToPool = 'yes')],
    ['a grid of text', (b) => (b.grid = { revenue: 'high' })],
  ])('refuses %s, as the planner does', (_what, edit) => {
    const p = pool(edit);
    expect(plannerAccepts(p)).toBe(false);
    expect(schemaAccepts(p)).toBe(false);
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
