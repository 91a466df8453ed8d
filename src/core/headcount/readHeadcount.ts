/**
 * The plan's `headcount` section (issue "Org-role headcount"): the first month a hire can be
 * made, the roles with their drivers, capacity, ramp, attrition, hiring lead time, cost and
 * current staff, and the full-cycle reps of the vertical structure — read field by field, every
 * problem named by its path, the value found and what was expected (messages in core/i18n), as
 * validatePlan reads the rest of the plan. What the section leaves out comes from defaultRoles.ts.
 */
import { FieldError, fieldError } from '../fieldError';
import { isBlank, readExact } from '../input/readExact';
import { isRecord } from '../isRecord';
import { checkKnownFields, fieldPath } from '../knownFields';
import { FiscalYearStart, fiscalMonthIndex, monthKey, parseFiscalYearStart } from '../time/fiscalYear';
import { DEFAULT_ROLE_IDS, FULL_CYCLE_ID, defaultRoles, defaultVertical } from './defaultRoles';
import type { RoleDriver, ValidHeadcount, ValidRole, ValidVertical } from './headcountTypes';
import { roleOrder } from './roleOrder';

/** Fields of `headcount`. */
export const HEADCOUNT_FIELDS: readonly string[] = ['planStart', 'roles', 'vertical'];
/** Fields of one entry of `headcount.roles`. */
export const ROLE_FIELDS: readonly string[] = ['id', 'name', 'driver', 'capacityPerMonth', 'ramp', 'attritionPerYear', 'hireLeadMonths', 'monthlyCost', 'current'];
/** Fields of `headcount.vertical`: a role's, less its id, plus the roles it replaces. */
export const VERTICAL_FIELDS: readonly string[] = [...ROLE_FIELDS.filter((f) => f !== 'id'), 'replaces'];
/** Fields of a driver: one of stage (with sources), accounts, span or ratio (with of), fixed. */
export const DRIVER_FIELDS: readonly string[] = ['stage', 'sources', 'accounts', 'span', 'ratio', 'of', 'fixed'];

const DRIVER_KINDS = ['stage', 'accounts', 'span', 'ratio', 'fixed'] as const;
/** The longest ramp a role may have, in months. */
export const MAX_RAMP_MONTHS = 36;
/** The longest hiring lead time, in months. */
export const MAX_LEAD_MONTHS = 24;
/** How far before the fiscal year a plan may start hiring, in months. */
export const MAX_MONTHS_BEFORE_FY = 36;

/** What the rest of the plan tells the section: its stages, sources and channels, fiscal year. */
export interface HeadcountContext {
  readonly stages: readonly string[] | undefined;
  readonly handoffStage: string | undefined;
  /** Undefined when the sources did not all read (their ids are then not checked). */
  readonly sourceIds: readonly string[] | undefined;
  /** Channel id → its source id. */
  readonly channelSources: ReadonlyMap<string, string>;
  readonly fiscalYearStart: FiscalYearStart | undefined;
  /** Ids that would collide with the output's keys or JS object internals. */
  readonly reservedIds: readonly string[];
}

const own = (record: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

function readWhole(value: unknown, path: string, max: number | undefined, errors: FieldError[]): number | undefined {
  const n = readExact(value, path, 'nonNegative', errors);
  if (!n) return undefined;
  if (n.exact.den !== BigInt(1)) {
    errors.push(fieldError(path, 'notInteger', value));
    return undefined;
  }
  if (max !== undefined && n.value > max) {
    errors.push(fieldError(path, 'wholeRange', value, `0–${max}`));
    return undefined;
  }
  return n.value;
}

function readIdList(value: unknown, path: string, errors: FieldError[]): string[] | undefined {
  if (!Array.isArray(value)) {
    errors.push(fieldError(path, isBlank(value) ? 'required' : 'notArray', value ?? undefined));
    return undefined;
  }
  if (value.length === 0) {
    errors.push(fieldError(path, 'emptyList', value));
    return undefined;
  }
  const ids: string[] = [];
  const before = errors.length;
  value.forEach((raw, i) => {
    if (typeof raw !== 'string' || raw.trim() === '') {
      errors.push(fieldError(`${path}[${i}]`, isBlank(raw) ? 'required' : 'notString', raw ?? undefined));
      return;
    }
    const id = raw.trim();
    if (ids.includes(id)) errors.push(fieldError(`${path}[${i}]`, 'duplicateEntry', raw));
    ids.push(id);
  });
  return errors.length === before ? ids : undefined;
}

/** A driver's kind from its keys, or an error when there is not exactly one of the allowed. */
function driverKind(raw: Record<string, unknown>, path: string, allowed: readonly string[], errors: FieldError[]): (typeof DRIVER_KINDS)[number] | undefined {
  // A kind written with null is still written: { "stage": "sql", "fixed": null } names two kinds.
  const found = DRIVER_KINDS.filter((k) => Object.prototype.hasOwnProperty.call(raw, k));
  if (found.length !== 1 || !allowed.includes(found[0])) {
    errors.push(fieldError(path, 'driverKind', found.length === 0 ? undefined : found.join(', '), allowed.join(', ')));
    return undefined;
  }
  return found[0];
}

interface RoleReading {
  readonly context: HeadcountContext;
  /** Every role id of the section (to check span and ratio lists). */
  readonly roleIds: readonly string[];
}

function readDriver(raw: unknown, path: string, reading: RoleReading, selfId: string | undefined, allowed: readonly string[], errors: FieldError[]): RoleDriver | undefined {
  if (!isRecord(raw)) {
    errors.push(fieldError(path, isBlank(raw) ? 'required' : 'notObject', raw ?? undefined));
    return undefined;
  }
  const before = errors.length;
  checkKnownFields(raw, DRIVER_FIELDS, path, errors);
  const kind = driverKind(raw, path, allowed, errors);
  if (kind === undefined) return undefined;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(raw, key);
  if (kind !== 'stage' && has('sources')) errors.push(fieldError(`${path}.sources`, 'fieldNotUsed', own(raw, 'sources'), kind));
  if (kind !== 'span' && kind !== 'ratio' && has('of')) errors.push(fieldError(`${path}.of`, 'fieldNotUsed', own(raw, 'of'), kind));
  const { stages, sourceIds, channelSources } = reading.context;
  let driver: RoleDriver | undefined;
  if (kind === 'stage') {
    const rawStage = own(raw, 'stage');
    const stage = typeof rawStage === 'string' ? rawStage.trim() : undefined;
    if (stage === undefined || stage === '') errors.push(fieldError(`${path}.stage`, typeof rawStage === 'string' ? 'required' : 'notString', rawStage));
    else if (stages && !stages.includes(stage)) errors.push(fieldError(`${path}.stage`, 'unknownStage', rawStage, stages.join(', ')));
    let sources: string[] | undefined = sourceIds ? [...sourceIds] : [];
    const rawSources = own(raw, 'sources');
    if (rawSources !== undefined && rawSources !== null) {
      sources = readIdList(rawSources, `${path}.sources`, errors);
      if (sources && sourceIds) {
        const known = [...sourceIds, ...channelSources.keys()];
        sources.forEach((id, i) => {
          if (!sourceIds.includes(id) && !channelSources.has(id)) errors.push(fieldError(`${path}.sources[${i}]`, 'unknownSource', (rawSources as unknown[])[i], known.join(', ')));
          else if (!sourceIds.includes(id) && sources!.includes(channelSources.get(id)!)) errors.push(fieldError(`${path}.sources[${i}]`, 'channelAndSource', (rawSources as unknown[])[i], channelSources.get(id)));
        });
      }
    }
    if (stage && sources) driver = { kind: 'stage', stage, sources };
  } else if (kind === 'accounts') {
    const existing = readWhole(own(raw, 'accounts'), `${path}.accounts`, undefined, errors);
    if (existing !== undefined) driver = { kind: 'accounts', existing };
  } else if (kind === 'span' || kind === 'ratio') {
    const per = readExact(own(raw, kind), `${path}.${kind}`, 'positive', errors);
    const of = readIdList(own(raw, 'of'), `${path}.of`, errors);
    of?.forEach((id, i) => {
      if (!reading.roleIds.includes(id)) errors.push(fieldError(`${path}.of[${i}]`, 'unknownRole', (own(raw, 'of') as unknown[])[i], reading.roleIds.join(', ')));
      else if (id === selfId) errors.push(fieldError(`${path}.of[${i}]`, 'roleCycle', (own(raw, 'of') as unknown[])[i], `${id} → ${id}`));
    });
    if (per && of) driver = { kind, per: per.value, of };
  } else {
    const fte = readExact(own(raw, 'fixed'), `${path}.fixed`, 'nonNegative', errors);
    if (fte) driver = { kind: 'fixed', fte: fte.value };
  }
  return errors.length === before ? driver : undefined;
}

function readRamp(raw: unknown, path: string, errors: FieldError[]): number[] | undefined {
  if (!Array.isArray(raw)) {
    errors.push(fieldError(path, 'notArray', raw));
    return undefined;
  }
  if (raw.length > MAX_RAMP_MONTHS) {
    errors.push(fieldError(path, 'rampLength', raw, String(MAX_RAMP_MONTHS)));
    return undefined;
  }
  const before = errors.length;
  const ramp = raw.map((entry, k) => {
    const x = readExact(entry, `${path}[${k}]`, 'any', errors);
    if (x && (x.exact.num < BigInt(0) || x.exact.num > x.exact.den)) errors.push(fieldError(`${path}[${k}]`, 'rampRange', entry));
    return x?.value ?? 0;
  });
  return errors.length === before ? ramp : undefined;
}

function readAttrition(raw: unknown, path: string, errors: FieldError[]): number | undefined {
  const a = readExact(raw, path, 'any', errors);
  if (!a) return undefined;
  if (a.exact.num < BigInt(0) || a.exact.num >= a.exact.den) {
    errors.push(fieldError(path, 'attritionRange', raw));
    return undefined;
  }
  return a.value;
}

/** The fields of a role or of the vertical, each the written value or the base's. */
function readRoleFields(
  raw: Record<string, unknown>,
  path: string,
  base: Omit<ValidRole, 'id'> | undefined,
  reading: RoleReading,
  selfId: string | undefined,
  allowedKinds: readonly string[],
  errors: FieldError[],
): Omit<ValidRole, 'id'> | undefined {
  const before = errors.length;
  const rawName = own(raw, 'name');
  let name = base?.name;
  if (typeof rawName === 'string' && rawName.trim() !== '') name = rawName.trim();
  else if (rawName !== undefined && rawName !== null && typeof rawName !== 'string') errors.push(fieldError(`${path}.name`, 'notString', rawName));

  const rawDriver = own(raw, 'driver');
  let driver: RoleDriver | undefined;
  if (isBlank(rawDriver) && base) {
    driver = base.driver;
    // A default manager counts only the roles the plan has; with none of them, say what it needs.
    if ((driver.kind === 'span' || driver.kind === 'ratio') && driver.of.some((id) => !reading.roleIds.includes(id))) {
      const of = driver.of.filter((id) => reading.roleIds.includes(id));
      if (of.length === 0) errors.push(fieldError(`${path}.driver`, 'required', undefined));
      else driver = { ...driver, of };
    }
  } else driver = readDriver(rawDriver, `${path}.driver`, reading, selfId, allowedKinds, errors);

  const usesCapacity = driver !== undefined && (driver.kind === 'stage' || driver.kind === 'accounts');
  const rawCapacity = own(raw, 'capacityPerMonth');
  let capacityPerMonth: number | undefined;
  if (driver && !usesCapacity && !isBlank(rawCapacity)) {
    errors.push(fieldError(`${path}.capacityPerMonth`, 'fieldNotUsed', rawCapacity, driver.kind));
  } else if (usesCapacity && !isBlank(rawCapacity)) {
    capacityPerMonth = readExact(rawCapacity, `${path}.capacityPerMonth`, 'positive', errors)?.value;
  } else if (usesCapacity && base && base.driver.kind === driver!.kind && base.capacityPerMonth !== undefined) {
    capacityPerMonth = base.capacityPerMonth; // the default's unit is the same only for the same kind of driver
  } else if (usesCapacity && selfId !== undefined) {
    errors.push(fieldError(`${path}.capacityPerMonth`, 'required', undefined)); // a vertical without one takes the specialists' pace
  }

  const field = <T>(key: string, read: (value: unknown, at: string) => T | undefined, fallback: T | undefined): T | undefined => {
    const value = own(raw, key);
    if (isBlank(value)) {
      if (fallback === undefined) errors.push(fieldError(`${path}.${key}`, 'required', undefined));
      return fallback;
    }
    return read(value, `${path}.${key}`);
  };
  const ramp = field('ramp', (v, at) => readRamp(v, at, errors), base?.ramp ?? []);
  const attritionPerYear = field('attritionPerYear', (v, at) => readAttrition(v, at, errors), base?.attritionPerYear ?? 0);
  const hireLeadMonths = field('hireLeadMonths', (v, at) => readWhole(v, at, MAX_LEAD_MONTHS, errors), base?.hireLeadMonths ?? 0);
  const monthlyCost = field('monthlyCost', (v, at) => readExact(v, at, 'nonNegative', errors)?.value, base?.monthlyCost);
  const current = field('current', (v, at) => readWhole(v, at, undefined, errors), base?.current ?? 0);

  if (errors.length > before || !driver || ramp === undefined || attritionPerYear === undefined || hireLeadMonths === undefined || monthlyCost === undefined || current === undefined) {
    return undefined;
  }
  return { name, driver, capacityPerMonth, ramp, attritionPerYear, hireLeadMonths, monthlyCost, current };
}

function readPlanStart(raw: unknown, fiscalYearStart: FiscalYearStart | undefined, errors: FieldError[]): FiscalYearStart | undefined {
  if (isBlank(raw)) return undefined;
  const start = typeof raw === 'string' ? parseFiscalYearStart(raw) : undefined;
  if (!start) {
    errors.push(fieldError('headcount.planStart', 'notMonth', raw));
    return undefined;
  }
  if (fiscalYearStart) {
    const index = fiscalMonthIndex(fiscalYearStart, start.year, start.month);
    if (index < -MAX_MONTHS_BEFORE_FY || index > 11) {
      errors.push(fieldError('headcount.planStart', 'planStartRange', raw, `${monthKey(fiscalYearStart, -MAX_MONTHS_BEFORE_FY)} – ${monthKey(fiscalYearStart, 11)}`));
      return undefined;
    }
  }
  return start;
}

/**
 * Reads `headcount`. Absent, the plan gets the default roles (defaultRoles.ts) from 3 months
 * before its fiscal year, and the default vertical structure. `roles` replaces the default list
 * (a listed default id takes the default's values for what it leaves out); `"vertical": null`
 * leaves the structure comparison out.
 *
 * @example
 * const errors: FieldError[] = [];
 * readHeadcount({ planStart: '2026-10', roles: [{ id: 'sdr', current: 6 }] }, context, errors);
 * // → { planStart: { year: 2026, month: 10 }, roles: [SDR: the default SDR with current 6], order: ['sdr'], vertical: full-cycle reps replacing sdr }
 *
 * @example
 * readHeadcount({ roles: [{ id: 'mgr', driver: { span: 8, of: ['sdrs'] }, monthlyCost: 9000 }] }, context, errors);
 * // errors gets { path: 'headcount.roles[0].driver.of[0]', code: 'unknownRole', value: 'sdrs', detail: 'mgr' }
 */
export function readHeadcount(raw: unknown, context: HeadcountContext, errors: FieldError[]): ValidHeadcount | undefined {
  const section = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(section)) {
    errors.push(fieldError('headcount', 'notObject', raw));
    return undefined;
  }
  const before = errors.length;
  checkKnownFields(section, HEADCOUNT_FIELDS, 'headcount', errors);
  const planStart = readPlanStart(own(section, 'planStart'), context.fiscalYearStart, errors);
  const defaults = context.stages ? defaultRoles({ stages: context.stages, handoffStage: context.handoffStage, sourceIds: context.sourceIds ?? [] }) : [];

  const rawRoles = own(section, 'roles');
  let roles: ValidRole[] = [];
  if (rawRoles === undefined || rawRoles === null) {
    roles = defaults;
  } else if (!Array.isArray(rawRoles)) {
    errors.push(fieldError('headcount.roles', 'notArray', rawRoles));
  } else {
    const ids = rawRoles.map((r) => (isRecord(r) && typeof r.id === 'string' ? r.id.trim() : ''));
    const reading: RoleReading = { context, roleIds: ids.filter((id, i) => id !== '' && ids.indexOf(id) === i) };
    rawRoles.forEach((entry, i) => {
      const path = `headcount.roles[${i}]`;
      if (!isRecord(entry)) {
        errors.push(fieldError(path, 'notObject', entry));
        return;
      }
      checkKnownFields(entry, ROLE_FIELDS, path, errors);
      const rawId = own(entry, 'id');
      if (isBlank(rawId)) return void errors.push(fieldError(`${path}.id`, 'required', undefined));
      if (typeof rawId !== 'string') return void errors.push(fieldError(`${path}.id`, 'notString', rawId));
      const id = rawId.trim();
      if (context.reservedIds.includes(id)) return void errors.push(fieldError(`${path}.id`, 'reservedId', rawId, context.reservedIds.slice(0, 9).join(', ')));
      const first = ids.indexOf(id);
      if (first !== i) return void errors.push(fieldError(`${path}.id`, 'duplicateRoleId', rawId, `headcount.roles[${first}]`));
      const base = (DEFAULT_ROLE_IDS as readonly string[]).includes(id) ? defaults.find((r) => r.id === id) : undefined;
      const fields = readRoleFields(entry, path, base, reading, id, DRIVER_KINDS, errors);
      if (fields) roles.push({ id, ...fields });
    });
  }

  let order: string[] = [];
  if (errors.length === before) {
    const sorted = roleOrder(roles);
    if (sorted.ok) order = sorted.order;
    else {
      const at = roles.findIndex((r) => r.id === sorted.cycle[0]);
      const of = roles[at].driver as { of: readonly string[] };
      errors.push(fieldError(`headcount.roles[${at}].driver.of`, 'roleCycle', [...of.of], sorted.cycle.join(' → ')));
    }
  }

  const rawVertical = own(section, 'vertical');
  let vertical: ValidVertical | null = null;
  if (errors.length === before) {
    const fallback = defaultVertical(roles);
    if (rawVertical === undefined) vertical = fallback;
    else if (rawVertical !== null) vertical = readVertical(rawVertical, roles, fallback, context, errors);
  }

  if (errors.length > before) return undefined;
  return { planStart, roles, order, vertical };
}

function readVertical(raw: unknown, roles: readonly ValidRole[], fallback: ValidVertical | null, context: HeadcountContext, errors: FieldError[]): ValidVertical | null {
  const path = 'headcount.vertical';
  if (!isRecord(raw)) {
    errors.push(fieldError(path, 'notObject', raw));
    return null;
  }
  const before = errors.length;
  checkKnownFields(raw, VERTICAL_FIELDS, path, errors);
  const roleIds = roles.map((r) => r.id);
  let replaces = fallback?.replaces;
  const rawReplaces = own(raw, 'replaces');
  if (!isBlank(rawReplaces)) {
    replaces = readIdList(rawReplaces, `${path}.replaces`, errors);
    replaces?.forEach((id, i) => {
      if (!roleIds.includes(id)) errors.push(fieldError(`${fieldPath(path, 'replaces')}[${i}]`, 'unknownRole', (rawReplaces as unknown[])[i], roleIds.join(', ')));
    });
  } else if (!replaces) errors.push(fieldError(`${path}.replaces`, 'required', undefined));
  const fields = readRoleFields(raw, path, fallback ?? undefined, { context, roleIds }, undefined, ['stage', 'accounts'], errors);
  if (errors.length > before || !fields || !replaces) return null;
  return { id: FULL_CYCLE_ID, ...fields, replaces };
}
