/**
 * The plan's `bonus` section (design.md §10): the pool, its gate and funding curve, the
 * buckets with their roles and KPI curves, the scenarios and the grid — read field by field,
 * every problem named by its path, the value found and what was expected, as validatePlan
 * reads the rest of the plan.
 */
import { FieldError, fieldError } from '../fieldError';
import { isBlank, readExact } from '../input/readExact';
import { percentText, sharesAddUp } from '../input/sharesAddUp';
import { isRecord } from '../isRecord';
import { checkKnownFields } from '../knownFields';
import type { BonusGate, BonusPool, BucketKpi, Curve, CurvePoint, ValidBonus, ValidBucket, ValidScenario } from './bonusTypes';

export const BONUS_FIELDS: readonly string[] = ['pool', 'gate', 'fundingCurve', 'buckets', 'fitToPool', 'scenarios', 'grid'];
export const POOL_FIELDS: readonly string[] = ['amount', 'percentOfRevenue'];
export const GATE_FIELDS: readonly string[] = ['kpi', 'min'];
export const CURVE_FIELDS: readonly string[] = ['points', 'stepped'];
export const BUCKET_FIELDS: readonly string[] = ['id', 'name', 'share', 'roles', 'roleWeights', 'kpis'];
export const BUCKET_KPI_FIELDS: readonly string[] = ['kpi', 'weight', 'curve'];
export const GRID_FIELDS: readonly string[] = ['revenue', 'marketingShare'];
/** KPIs every plan has; any stage id of the plan is one too (its count's attainment). */
export const NAMED_KPIS: readonly string[] = ['revenue', 'marketingShare', 'mqlToSql'];
/** The most points a curve, and values a grid axis, may have (a sheet row each). */
export const MAX_CURVE_POINTS = 12;
export const MAX_GRID_VALUES = 15;
export const MAX_SCENARIOS = 12;

/** Scenarios when the section lists none: a downside, plan and an upside. */
export const DEFAULT_SCENARIOS: readonly ValidScenario[] = [
  { name: 'Downside', kpis: { revenue: 0.85, marketingShare: 0.9 } },
  { name: 'Plan', kpis: {} },
  { name: 'Upside', kpis: { revenue: 1.15, marketingShare: 1.1 } },
];
export const DEFAULT_GRID = { revenue: [0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3], marketingShare: [0.8, 0.9, 1, 1.1, 1.2] } as const;

export interface BonusContext {
  readonly stages: readonly string[] | undefined;
  /** The headcount plan's role ids (undefined when the headcount section did not read). */
  readonly roleIds: readonly string[] | undefined;
  readonly reservedIds: readonly string[];
}

const own = (record: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

/**
 * The KPIs a plan's bonus may name: revenue, marketing share, MQL → SQL (when the plan has both), and every stage.
 *
 * @example
 * kpiIds(['lead', 'mql', 'sql', 'opportunity', 'won']); // → ['revenue', 'marketingShare', 'mqlToSql', 'lead', 'mql', 'sql', 'opportunity', 'won']
 * kpiIds(['sql', 'won']);                              // → ['revenue', 'marketingShare', 'sql', 'won']
 */
export function kpiIds(stages: readonly string[] | undefined): string[] {
  const s = stages ?? [];
  return ['revenue', 'marketingShare', ...(s.includes('mql') && s.includes('sql') ? ['mqlToSql'] : []), ...s];
}

function readKpi(value: unknown, path: string, context: BonusContext, errors: FieldError[]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    errors.push(fieldError(path, isBlank(value) ? 'required' : 'notString', value ?? undefined));
    return undefined;
  }
  const id = value.trim();
  const known = kpiIds(context.stages);
  if (context.stages && !known.includes(id)) {
    errors.push(fieldError(path, 'unknownKpi', value, known.join(', ')));
    return undefined;
  }
  return id;
}

function readNumber(value: unknown, path: string, errors: FieldError[]): number | undefined {
  return readExact(value, path, 'nonNegative', errors)?.value;
}

/** The highest attainment a bonus reads: 10 × plan. Beyond it a value is a typo ("120万" for 120 %), not a scenario. */
export const MAX_ATTAINMENT = 10;

function readAttainment(value: unknown, path: string, errors: FieldError[]): number | undefined {
  const n = readNumber(value, path, errors);
  if (n !== undefined && n > MAX_ATTAINMENT) {
    errors.push(fieldError(path, 'attainmentRange', value, String(MAX_ATTAINMENT)));
    return undefined;
  }
  return n;
}

/**
 * A curve written as `[[attainment, multiplier], …]` or `{ "points": […], "stepped": true }`.
 *
 * @example
 * readCurve([[0.8, 0.5], [1, 1]], 'bonus.fundingCurve', errors); // → { points: [{ attainment: 0.8, multiplier: 0.5 }, { attainment: 1, multiplier: 1 }], stepped: false }
 * readCurve([[1, 1], [0.8, 0.5]], 'bonus.fundingCurve', errors); // → undefined; errors: bonus.fundingCurve[1][0] curveOrder
 */
export function readCurve(raw: unknown, path: string, errors: FieldError[]): Curve | undefined {
  let rawPoints = raw;
  let stepped = false;
  let pointsPath = path;
  if (isRecord(raw)) {
    checkKnownFields(raw, CURVE_FIELDS, path, errors);
    rawPoints = own(raw, 'points');
    pointsPath = `${path}.points`;
    const s = own(raw, 'stepped');
    if (s !== undefined && s !== null && typeof s !== 'boolean') errors.push(fieldError(`${path}.stepped`, 'notBoolean', s));
    stepped = s === true;
  }
  if (!Array.isArray(rawPoints)) {
    errors.push(fieldError(pointsPath, isBlank(rawPoints) ? 'required' : 'notArray', rawPoints ?? undefined));
    return undefined;
  }
  if (rawPoints.length === 0) return void errors.push(fieldError(pointsPath, 'emptyList', rawPoints));
  if (rawPoints.length > MAX_CURVE_POINTS) return void errors.push(fieldError(pointsPath, 'tooManyEntries', rawPoints.length, String(MAX_CURVE_POINTS)));
  const before = errors.length;
  const points: CurvePoint[] = [];
  rawPoints.forEach((p, i) => {
    const at = `${pointsPath}[${i}]`;
    if (!Array.isArray(p) || p.length !== 2) return void errors.push(fieldError(at, 'curvePoint', p));
    const attainment = readAttainment(p[0], `${at}[0]`, errors);
    const multiplier = readNumber(p[1], `${at}[1]`, errors);
    if (attainment === undefined || multiplier === undefined) return;
    const previous = points[points.length - 1];
    if (previous && attainment <= previous.attainment) return void errors.push(fieldError(`${at}[0]`, 'curveOrder', p[0], String(previous.attainment)));
    points.push({ attainment, multiplier });
  });
  return errors.length === before ? { points, stepped } : undefined;
}

function readPool(raw: unknown, errors: FieldError[]): BonusPool | undefined {
  if (!isRecord(raw)) return void errors.push(fieldError('bonus.pool', isBlank(raw) ? 'required' : 'notObject', raw ?? undefined));
  checkKnownFields(raw, POOL_FIELDS, 'bonus.pool', errors);
  const kinds = POOL_FIELDS.filter((k) => Object.prototype.hasOwnProperty.call(raw, k));
  if (kinds.length !== 1) return void errors.push(fieldError('bonus.pool', 'poolKind', kinds.length === 0 ? undefined : kinds.join(', ')));
  if (kinds[0] === 'amount') {
    const amount = readExact(own(raw, 'amount'), 'bonus.pool.amount', 'positive', errors);
    return amount ? { kind: 'amount', amount: amount.value } : undefined;
  }
  const percent = readExact(own(raw, 'percentOfRevenue'), 'bonus.pool.percentOfRevenue', 'share', errors);
  return percent ? { kind: 'percentOfRevenue', percent: percent.value } : undefined;
}

function readGate(raw: unknown, context: BonusContext, errors: FieldError[]): BonusGate | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) return void errors.push(fieldError('bonus.gate', 'notObject', raw));
  checkKnownFields(raw, GATE_FIELDS, 'bonus.gate', errors);
  const kpi = own(raw, 'kpi') === undefined ? 'revenue' : readKpi(own(raw, 'kpi'), 'bonus.gate.kpi', context, errors);
  const min = readAttainment(own(raw, 'min'), 'bonus.gate.min', errors);
  return kpi !== undefined && min !== undefined ? { kpi, min } : undefined;
}

function readIds(raw: unknown, path: string, known: readonly string[] | undefined, errors: FieldError[]): string[] | undefined {
  if (!Array.isArray(raw)) return void errors.push(fieldError(path, isBlank(raw) ? 'required' : 'notArray', raw ?? undefined));
  if (raw.length === 0) return void errors.push(fieldError(path, 'emptyList', raw));
  const before = errors.length;
  const ids: string[] = [];
  raw.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '') return void errors.push(fieldError(`${path}[${i}]`, isBlank(v) ? 'required' : 'notString', v ?? undefined));
    const id = v.trim();
    if (known && !known.includes(id)) return void errors.push(fieldError(`${path}[${i}]`, 'unknownRole', v, known.join(', ')));
    if (ids.includes(id)) return void errors.push(fieldError(`${path}[${i}]`, 'duplicateEntry', v));
    ids.push(id);
  });
  return errors.length === before ? ids : undefined;
}

function readBucketKpis(raw: unknown, path: string, context: BonusContext, errors: FieldError[]): BucketKpi[] | undefined {
  if (!Array.isArray(raw)) return void errors.push(fieldError(path, isBlank(raw) ? 'required' : 'notArray', raw ?? undefined));
  if (raw.length === 0) return void errors.push(fieldError(path, 'emptyList', raw));
  const before = errors.length;
  const kpis: BucketKpi[] = [];
  const weights: ReturnType<typeof readExact>[] = [];
  raw.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(entry)) return void errors.push(fieldError(at, 'notObject', entry));
    checkKnownFields(entry, BUCKET_KPI_FIELDS, at, errors);
    const kpi = readKpi(own(entry, 'kpi'), `${at}.kpi`, context, errors);
    const weight = readExact(own(entry, 'weight'), `${at}.weight`, 'share', errors);
    const curve = readCurve(own(entry, 'curve'), `${at}.curve`, errors);
    if (kpi !== undefined && kpis.some((k) => k.kpi === kpi)) errors.push(fieldError(`${at}.kpi`, 'duplicateEntry', own(entry, 'kpi')));
    weights.push(weight);
    if (kpi !== undefined && weight && curve) kpis.push({ kpi, weight: weight.value, curve });
  });
  if (errors.length > before) return undefined;
  const { sum, ok } = sharesAddUp(weights.map((w) => w!.exact));
  if (!ok) return void errors.push(fieldError(path, 'kpiWeightsSum', raw.map((e) => (isRecord(e) ? e.weight : e)), percentText(sum)));
  return kpis;
}

function readRoleWeights(raw: unknown, path: string, roles: readonly string[], errors: FieldError[]): Record<string, number> | undefined {
  const weights: Record<string, number> = Object.fromEntries(roles.map((r) => [r, 1]));
  if (raw === undefined || raw === null) return weights;
  if (!isRecord(raw)) return void errors.push(fieldError(path, 'notObject', raw));
  const before = errors.length;
  checkKnownFields(raw, roles, path, errors);
  for (const r of roles) {
    if (own(raw, r) === undefined) continue;
    const w = readNumber(own(raw, r), `${path}.${r}`, errors);
    if (w !== undefined) weights[r] = w;
  }
  if (errors.length > before) return undefined;
  if (!roles.some((r) => weights[r] > 0)) return void errors.push(fieldError(path, 'roleWeightsZero', raw));
  return weights;
}

function readBuckets(raw: unknown, context: BonusContext, errors: FieldError[]): ValidBucket[] | undefined {
  const path = 'bonus.buckets';
  if (!Array.isArray(raw)) return void errors.push(fieldError(path, isBlank(raw) ? 'required' : 'notArray', raw ?? undefined));
  if (raw.length === 0) return void errors.push(fieldError(path, 'emptyList', raw));
  const before = errors.length;
  const buckets: ValidBucket[] = [];
  const shares: ReturnType<typeof readExact>[] = [];
  const ids: string[] = [];
  raw.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(entry)) return void errors.push(fieldError(at, 'notObject', entry));
    checkKnownFields(entry, BUCKET_FIELDS, at, errors);
    const rawId = own(entry, 'id');
    let id: string | undefined;
    if (typeof rawId !== 'string' || rawId.trim() === '') errors.push(fieldError(`${at}.id`, isBlank(rawId) ? 'required' : 'notString', rawId ?? undefined));
    else if (context.reservedIds.includes(rawId.trim())) errors.push(fieldError(`${at}.id`, 'reservedId', rawId, context.reservedIds.slice(0, 9).join(', ')));
    else if (ids.includes(rawId.trim())) errors.push(fieldError(`${at}.id`, 'duplicateEntry', rawId));
    else id = rawId.trim();
    if (id) ids.push(id);
    const rawName = own(entry, 'name');
    if (rawName !== undefined && rawName !== null && typeof rawName !== 'string') errors.push(fieldError(`${at}.name`, 'notString', rawName));
    const share = readExact(own(entry, 'share'), `${at}.share`, 'share', errors);
    shares.push(share);
    const roles = readIds(own(entry, 'roles'), `${at}.roles`, context.roleIds, errors);
    const roleWeights = roles ? readRoleWeights(own(entry, 'roleWeights'), `${at}.roleWeights`, roles, errors) : undefined;
    const kpis = readBucketKpis(own(entry, 'kpis'), `${at}.kpis`, context, errors);
    const name = typeof rawName === 'string' && rawName.trim() !== '' ? rawName.trim() : undefined;
    if (id && share && roles && roleWeights && kpis) buckets.push({ id, name, share: share.value, roles, roleWeights, kpis });
  });
  if (errors.length > before) return undefined;
  const { sum, ok } = sharesAddUp(shares.map((s) => s!.exact));
  if (!ok) return void errors.push(fieldError(path, 'bucketSharesSum', raw.map((e) => (isRecord(e) ? e.share : e)), percentText(sum)));
  return buckets;
}

function readScenarios(raw: unknown, context: BonusContext, errors: FieldError[]): ValidScenario[] | undefined {
  const path = 'bonus.scenarios';
  if (raw === undefined || raw === null) return [...DEFAULT_SCENARIOS];
  if (!Array.isArray(raw)) return void errors.push(fieldError(path, 'notArray', raw));
  if (raw.length > MAX_SCENARIOS) return void errors.push(fieldError(path, 'tooManyEntries', raw.length, String(MAX_SCENARIOS)));
  const before = errors.length;
  const scenarios: ValidScenario[] = [];
  raw.forEach((entry, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(entry)) return void errors.push(fieldError(at, 'notObject', entry));
    const rawName = own(entry, 'name');
    if (typeof rawName !== 'string' || rawName.trim() === '') return void errors.push(fieldError(`${at}.name`, isBlank(rawName) ? 'required' : 'notString', rawName ?? undefined));
    const name = rawName.trim();
    // Names are matched without case (`bonus --scenario downside`), so two may not differ only in case.
    if (scenarios.some((s) => s.name.toLowerCase() === name.toLowerCase())) return void errors.push(fieldError(`${at}.name`, 'duplicateEntry', rawName));
    const known = kpiIds(context.stages);
    checkKnownFields(entry, ['name', ...known], at, errors);
    const kpis: Record<string, number> = {};
    for (const k of known) {
      if (own(entry, k) === undefined) continue;
      const v = readAttainment(own(entry, k), `${at}.${k}`, errors);
      if (v !== undefined) kpis[k] = v;
    }
    scenarios.push({ name, kpis });
  });
  return errors.length === before ? scenarios : undefined;
}

function readAxis(raw: unknown, path: string, fallback: readonly number[], errors: FieldError[]): number[] | undefined {
  if (raw === undefined || raw === null) return [...fallback];
  if (!Array.isArray(raw)) return void errors.push(fieldError(path, 'notArray', raw));
  if (raw.length === 0) return void errors.push(fieldError(path, 'emptyList', raw));
  if (raw.length > MAX_GRID_VALUES) return void errors.push(fieldError(path, 'tooManyEntries', raw.length, String(MAX_GRID_VALUES)));
  const before = errors.length;
  const values = raw.map((v, i) => readAttainment(v, `${path}[${i}]`, errors));
  return errors.length === before ? (values as number[]) : undefined;
}

function readGrid(raw: unknown, errors: FieldError[]): ValidBonus['grid'] | undefined {
  if (raw === undefined || raw === null) return { revenue: [...DEFAULT_GRID.revenue], marketingShare: [...DEFAULT_GRID.marketingShare] };
  if (!isRecord(raw)) return void errors.push(fieldError('bonus.grid', 'notObject', raw));
  checkKnownFields(raw, GRID_FIELDS, 'bonus.grid', errors);
  const revenue = readAxis(own(raw, 'revenue'), 'bonus.grid.revenue', DEFAULT_GRID.revenue, errors);
  const marketingShare = readAxis(own(raw, 'marketingShare'), 'bonus.grid.marketingShare', DEFAULT_GRID.marketingShare, errors);
  return revenue && marketingShare ? { revenue, marketingShare } : undefined;
}

/**
 * Reads `bonus`. Absent or null: the plan has no pool (undefined, no error) — a pool is finance's
 * design, so none is made up. Scenarios and grid default to DEFAULT_SCENARIOS and DEFAULT_GRID.
 *
 * @example
 * readBonus({ pool: { amount: 500000 }, gate: { kpi: 'revenue', min: 0.8 }, buckets: [
 *   { id: 'sales', share: 1, roles: ['ae'], kpis: [{ kpi: 'revenue', weight: 1, curve: [[0.8, 0.5], [1, 1], [1.5, 2]] }] } ] }, context, errors);
 * // → { pool: { kind: 'amount', amount: 500000 }, gate: { kpi: 'revenue', min: 0.8 }, fundingCurve: null, buckets: [sales], fitToPool: false, scenarios: DEFAULT_SCENARIOS, grid: DEFAULT_GRID }
 */
export function readBonus(raw: unknown, context: BonusContext, errors: FieldError[]): ValidBonus | undefined | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) return void errors.push(fieldError('bonus', 'notObject', raw));
  const before = errors.length;
  checkKnownFields(raw, BONUS_FIELDS, 'bonus', errors);
  const pool = readPool(own(raw, 'pool'), errors);
  const gate = readGate(own(raw, 'gate'), context, errors);
  const rawFunding = own(raw, 'fundingCurve');
  const fundingCurve = rawFunding === undefined || rawFunding === null ? null : readCurve(rawFunding, 'bonus.fundingCurve', errors);
  const buckets = readBuckets(own(raw, 'buckets'), context, errors);
  const rawFit = own(raw, 'fitToPool');
  if (rawFit !== undefined && rawFit !== null && typeof rawFit !== 'boolean') errors.push(fieldError('bonus.fitToPool', 'notBoolean', rawFit));
  const scenarios = readScenarios(own(raw, 'scenarios'), context, errors);
  const grid = readGrid(own(raw, 'grid'), errors);
  if (errors.length > before || !pool || gate === undefined || fundingCurve === undefined || !buckets || !scenarios || !grid) return undefined;
  return { pool, gate, fundingCurve, buckets, fitToPool: rawFit === true, scenarios, grid };
}

/**
 * The most minor units the pool could ever pay: the pool at its largest (a percent pool at
 * MAX_ATTAINMENT × the target) × the funding curve's top × the buckets' top multiplier.
 *
 * @example
 * largestPayoutMinor(templateBonus, 10_000_000, 2); // → 600,000 × 2 × 2 × 100 = 240,000,000
 */
export function largestPayoutMinor(bonus: ValidBonus, revenueTarget: number, digits: number): number {
  const top = (c: Curve) => Math.max(...c.points.map((p) => p.multiplier));
  const pool = bonus.pool.kind === 'amount' ? bonus.pool.amount : bonus.pool.percent * revenueTarget * MAX_ATTAINMENT;
  const funding = bonus.fundingCurve ? top(bonus.fundingCurve) : 1;
  const buckets = bonus.buckets.reduce((sum, b) => sum + b.share * b.kpis.reduce((m, k) => m + k.weight * top(k.curve), 0), 0);
  return pool * funding * Math.max(1, buckets) * 10 ** digits;
}

/** Above this many minor units a double no longer holds every cent of a sum (2^53 ≈ 9.007e15), with room for the sums. */
export const MAX_PAYOUT_MINOR = 1e15;
