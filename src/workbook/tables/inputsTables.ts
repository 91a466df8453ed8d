/**
 * The Inputs sheet's sections as tables: Plan (key–value), Sources (one column per source),
 * Conversion rates (stage rows × source columns), the timing sections and Channels (one row per
 * channel). A new input section is one more spec
 * here; inputsLayout writes these and readInputs reads them back.
 */
import type { TableSpec } from './tableSpec';

export const SOURCE_KINDS: readonly string[] = ['marketing', 'sales', 'partner', 'expansion', 'other'];

export const PLAN_TABLE = {
  kind: 'keyValue',
  id: 'plan',
  title: 'sectionPlan',
  rows: [
    { id: 'name', label: 'name', path: 'name', parse: 'text', required: false },
    { id: 'revenueTarget', label: 'revenueTarget', path: 'revenueTarget', parse: 'value', required: true, note: 'noteRevenueTarget', format: 'money', validation: { kind: 'number', greaterThan: 0 } },
    { id: 'currency', label: 'currency', path: 'currency', parse: 'text', required: true },
    { id: 'handoffStage', label: 'handoffStage', path: 'handoffStage', parse: 'text', required: true, note: 'noteHandoff', validation: { kind: 'rowKeysOf', table: 'rates' } },
  ],
} as const satisfies TableSpec;

export const SOURCES_TABLE = {
  kind: 'grid',
  id: 'sources',
  title: 'sectionSources',
  column: 'sourceNumber',
  total: 'total',
  rows: [
    { id: 'id', label: 'sourceId', path: 'sources[{i}].id', parse: 'text', required: true },
    { id: 'name', label: 'sourceName', path: 'sources[{i}].name', parse: 'text', required: true },
    { id: 'kind', label: 'kind', path: 'sources[{i}].kind', parse: 'text', required: true, note: 'noteKind', validation: { kind: 'list', values: SOURCE_KINDS } },
    { id: 'share', label: 'share', path: 'sources[{i}].share', parse: 'value', required: true, note: 'noteShare', format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
    { id: 'avgDealSize', label: 'avgDealSize', path: 'sources[{i}].avgDealSize', parse: 'value', required: true, note: 'noteDeal', format: 'dealMoney', validation: { kind: 'number', greaterThan: 0 } },
    { id: 'entryStage', label: 'entryStage', path: 'sources[{i}].entryStage', parse: 'text', required: true, note: 'noteEntry', validation: { kind: 'rowKeysOf', table: 'rates' } },
  ],
} as const satisfies TableSpec;

export const RATES_TABLE = {
  kind: 'grid',
  id: 'rates',
  title: 'sectionRates',
  titleNote: 'noteRates',
  column: 'sourceNumber',
  recordsOf: 'sources',
  rows: {
    keyed: true,
    keysPath: 'stages',
    path: 'sources[{i}].conversionRates.{key}',
    parse: 'value',
    format: 'percent',
    validation: { kind: 'number', min: 0, max: 1 },
    lastRowMarker: 'wonStage',
  },
} as const satisfies TableSpec;

/** The plan over the year (design.md §7). Optional: older Inputs sheets have no such section. */
export const TIMING_TABLE = {
  kind: 'keyValue',
  id: 'timing',
  title: 'sectionTiming',
  optional: true,
  rows: [
    { id: 'fiscalYearStart', label: 'fiscalYearStart', path: 'timing.fiscalYearStart', parse: 'text', required: false, note: 'noteFiscalYearStart' },
    { id: 'nextYearGrowth', label: 'nextYearGrowth', path: 'timing.nextYearGrowth', parse: 'value', required: false, note: 'noteNextYearGrowth', format: 'percent', validation: { kind: 'number', min: 0 } },
    // Read as text and split at commas by readInputs.
    { id: 'holidays', label: 'holidays', path: 'timing.holidays', parse: 'text', required: false, note: 'noteHolidays' },
  ],
} as const satisfies TableSpec;

/** Twelve weights across, one per FY month; blank for an even year. */
export const SEASONALITY_TABLE = {
  kind: 'grid',
  id: 'seasonality',
  title: 'sectionSeasonality',
  titleNote: 'noteSeasonality',
  column: 'monthNumber',
  optional: true,
  rows: [{ id: 'weight', label: 'seasonalityWeight', path: 'timing.seasonality[{i}]', parse: 'value', required: false, validation: { kind: 'number', min: 0 } }],
} as const satisfies TableSpec;

/** Median days from each stage to the next, stage rows × source columns like the rates. */
export const STAGE_DAYS_TABLE = {
  kind: 'grid',
  id: 'stageDays',
  title: 'sectionStageDays',
  titleNote: 'noteStageDays',
  column: 'sourceNumber',
  recordsOf: 'sources',
  optional: true,
  rows: {
    keyed: true,
    path: 'sources[{i}].stageDays.{key}',
    parse: 'value',
    format: 'days',
    validation: { kind: 'number', min: 0 },
    lastRowMarker: 'wonStage',
  },
} as const satisfies TableSpec;

/**
 * One row per channel of any source (a list: add a channel by inserting a row below the last);
 * readInputs moves each into its source's `channels`. A channel's own deal size and its own
 * rates ("Rate from lead" …, one column per stage above won) override its source's; blank
 * cells inherit them.
 */
/** The Channels section as sheets written before it was a list had it: one column per channel, fields down (read, never written). */
export const CHANNELS_ACROSS_TABLE = {
  kind: 'grid',
  id: 'channels',
  title: 'sectionChannels',
  column: 'channelNumber',
  optional: true,
  rows: [
    { id: 'source', label: 'channelSource', path: 'channelRows[{i}].source', parse: 'text', required: true },
    { id: 'id', label: 'channelId', path: 'channelRows[{i}].id', parse: 'text', required: true },
    { id: 'name', label: 'channelName', path: 'channelRows[{i}].name', parse: 'text', required: false },
    { id: 'share', label: 'channelShare', path: 'channelRows[{i}].share', parse: 'value', required: true },
    { id: 'costPerLead', label: 'costPerLead', path: 'channelRows[{i}].costPerLead', parse: 'value', required: false },
    { id: 'avgDealSize', label: 'channelDealSize', path: 'channelRows[{i}].avgDealSize', parse: 'value', required: false },
  ],
} as const satisfies TableSpec;

export const CHANNELS_TABLE = {
  kind: 'list',
  id: 'channels',
  title: 'sectionChannels',
  titleNote: 'noteChannels',
  optional: true,
  columns: [
    { id: 'source', label: 'channelSource', path: 'channelRows[{i}].source', parse: 'text', required: true },
    { id: 'id', label: 'channelId', path: 'channelRows[{i}].id', parse: 'text', required: true },
    { id: 'name', label: 'channelName', path: 'channelRows[{i}].name', parse: 'text', required: false },
    { id: 'share', label: 'channelShare', path: 'channelRows[{i}].share', parse: 'value', required: true, format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
    { id: 'costPerLead', label: 'costPerLead', path: 'channelRows[{i}].costPerLead', parse: 'value', required: false, format: 'dealMoney', validation: { kind: 'number', min: 0 } },
    { id: 'avgDealSize', label: 'channelDealSize', path: 'channelRows[{i}].avgDealSize', parse: 'value', required: false, format: 'dealMoney', validation: { kind: 'number', greaterThan: 0 } },
  ],
  keyed: {
    keysOf: 'rates',
    header: 'channelRateHeader',
    note: 'noteChannelRate',
    path: 'channelRows[{i}].conversionRates.{key}',
    parse: 'value',
    format: 'percent',
    validation: { kind: 'number', min: 0, max: 1 },
  },
  across: CHANNELS_ACROSS_TABLE,
} as const satisfies TableSpec;

/**
 * Each source's lag distributions (core/time/readLag.ts), stage rows × source columns like the
 * stage days: a cell holds the won deals by months after the stage as text, "1, 2, 3, 4" (readInputs
 * splits it). Derive rates from History fills it, as `plan --rates-from` fills `sources[].lag`.
 */
export const LAG_TABLE = {
  kind: 'grid',
  id: 'lag',
  title: 'sectionLag',
  titleNote: 'noteLag',
  column: 'sourceNumber',
  recordsOf: 'sources',
  optional: true,
  rows: {
    keyed: true,
    path: 'sources[{i}].lag.{key}',
    parse: 'text',
    format: 'text',
    lastRowMarker: 'wonStage',
  },
} as const satisfies TableSpec;

/**
 * Each source's typed rate ranges (sources[].conversionRanges), stage rows × source columns like
 * the lag: a cell holds "low, high" as text ("30%, 50%"), which readInputs splits.
 */
export const RANGES_TABLE = {
  kind: 'grid',
  id: 'ranges',
  title: 'sectionRanges',
  titleNote: 'noteRanges',
  column: 'sourceNumber',
  recordsOf: 'sources',
  optional: true,
  rows: {
    keyed: true,
    path: 'sources[{i}].conversionRanges.{key}',
    parse: 'text',
    format: 'text',
    lastRowMarker: 'wonStage',
  },
} as const satisfies TableSpec;

/** Each source's deal-size spread (sources[].dealSizeCv), one row across the sources. */
export const DEAL_SPREAD_TABLE = {
  kind: 'grid',
  id: 'dealSpread',
  title: 'sectionDealSpread',
  titleNote: 'noteDealSpread',
  column: 'sourceNumber',
  recordsOf: 'sources',
  optional: true,
  rows: [{ id: 'dealSizeCv', label: 'dealSizeCv', path: 'sources[{i}].dealSizeCv', parse: 'value', required: false, format: 'percent', validation: { kind: 'number', min: 0, max: 5 } }],
} as const satisfies TableSpec;

/**
 * The diagnosis's benchmark bands (plan `benchmarks`, core/diagnosis/benchmarks.ts), one row per
 * stage transition: the from-stage, the band's low and high. Written with every band the plan's
 * stages have (its own, else the cited default) so a user sees what the rates are judged against;
 * readInputs turns the rows into `benchmarks`.
 */
export const BENCHMARKS_TABLE = {
  kind: 'list',
  id: 'benchmarks',
  title: 'sectionBenchmarks',
  titleNote: 'noteBenchmarks',
  optional: true,
  columns: [
    { id: 'stage', label: 'benchmarkStage', path: 'benchmarkRows[{i}].stage', parse: 'text', required: true, validation: { kind: 'rowKeysOf', table: 'rates' } },
    { id: 'low', label: 'benchmarkLow', path: 'benchmarkRows[{i}].low', parse: 'value', required: true, format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
    { id: 'high', label: 'benchmarkHigh', path: 'benchmarkRows[{i}].high', parse: 'value', required: true, format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
  ],
} as const satisfies TableSpec;

/** The kinds of a role's driver (core/headcount): the keyword in the Roles list's Driver column. */
export const DRIVER_KINDS: readonly string[] = ['stage', 'accounts', 'span', 'ratio', 'fixed'];

/**
 * The headcount plan's own settings (core/headcount/readHeadcount.ts): the first month a hire can
 * be made, and the vertical structure compared with (full-cycle reps): which roles they replace
 * ("none": no comparison) and what differs from the default full-cycle rep (blank: the default,
 * which follows the roles). readInputs turns the texts into lists and the stage into a driver.
 */
export const HEADCOUNT_TABLE = {
  kind: 'keyValue',
  id: 'headcount',
  title: 'sectionHeadcount',
  optional: true,
  rows: [
    { id: 'planStart', label: 'planStart', path: 'headcount.planStart', parse: 'text', required: false, note: 'notePlanStart', format: 'text' },
    { id: 'verticalReplaces', label: 'verticalReplaces', path: 'headcount.vertical.replaces', parse: 'text', required: false, note: 'noteVerticalReplaces' },
    { id: 'verticalDriver', label: 'verticalDriver', path: 'headcount.vertical.driver', parse: 'text', required: false, note: 'noteVerticalDriver' },
    { id: 'verticalCapacity', label: 'verticalCapacity', path: 'headcount.vertical.capacityPerMonth', parse: 'value', required: false, note: 'noteVerticalCapacity', validation: { kind: 'number', greaterThan: 0 } },
    { id: 'verticalRamp', label: 'verticalRamp', path: 'headcount.vertical.ramp', parse: 'text', required: false, note: 'noteVerticalRamp', format: 'text' },
    { id: 'verticalAttrition', label: 'verticalAttrition', path: 'headcount.vertical.attritionPerYear', parse: 'value', required: false, note: 'noteVerticalDefault', format: 'percent' },
    { id: 'verticalLead', label: 'verticalLead', path: 'headcount.vertical.hireLeadMonths', parse: 'value', required: false, note: 'noteVerticalDefault' },
    { id: 'verticalCost', label: 'verticalCost', path: 'headcount.vertical.monthlyCost', parse: 'value', required: false, note: 'noteVerticalDefault', format: 'money' },
    { id: 'verticalCurrent', label: 'verticalCurrent', path: 'headcount.vertical.current', parse: 'value', required: false, note: 'noteVerticalDefault' },
  ],
} as const satisfies TableSpec;

/**
 * One row per role of the headcount plan (a list: add a role by typing a row below the last):
 * its driver as a keyword, a value and a list (readInputs builds `driver` from them), capacity,
 * attrition, lead time, cost and current staff, then the ramp by tenure month, one numbered
 * column each ("Ramp month 1" = the start month). The Headcount sheet's formulas read these cells.
 */
export const ROLES_TABLE = {
  kind: 'list',
  id: 'roles',
  title: 'sectionRoles',
  titleNote: 'noteRoles',
  optional: true,
  columns: [
    { id: 'id', label: 'roleId', path: 'roleRows[{i}].id', parse: 'text', required: true },
    { id: 'name', label: 'roleName', path: 'roleRows[{i}].name', parse: 'text', required: false, note: 'noteRoleName' },
    { id: 'driver', label: 'roleDriver', path: 'roleRows[{i}].driver', parse: 'text', required: true, note: 'noteRoleDriver', validation: { kind: 'list', values: DRIVER_KINDS } },
    { id: 'driverValue', label: 'roleDriverValue', path: 'roleRows[{i}].driverValue', parse: 'value', required: true, note: 'noteRoleDriverValue' },
    { id: 'driverOf', label: 'roleDriverOf', path: 'roleRows[{i}].driverOf', parse: 'text', required: false, note: 'noteRoleDriverOf' },
    { id: 'capacityPerMonth', label: 'capacityPerMonth', path: 'roleRows[{i}].capacityPerMonth', parse: 'value', required: false, note: 'noteCapacityPerMonth', validation: { kind: 'number', greaterThan: 0 } },
    { id: 'attritionPerYear', label: 'attritionPerYear', path: 'roleRows[{i}].attritionPerYear', parse: 'value', required: false, note: 'noteAttritionPerYear', format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
    { id: 'hireLeadMonths', label: 'hireLeadMonths', path: 'roleRows[{i}].hireLeadMonths', parse: 'value', required: false, note: 'noteHireLeadMonths', validation: { kind: 'number', min: 0, max: 24 } },
    { id: 'monthlyCost', label: 'monthlyCost', path: 'roleRows[{i}].monthlyCost', parse: 'value', required: false, note: 'noteMonthlyCost', format: 'money', validation: { kind: 'number', min: 0 } },
    { id: 'current', label: 'currentStaff', path: 'roleRows[{i}].current', parse: 'value', required: false, note: 'noteCurrentStaff', validation: { kind: 'number', min: 0 } },
  ],
  numbered: {
    header: 'rampMonthHeader',
    note: 'noteRampMonth',
    path: 'roleRows[{i}].ramp.{key}',
    parse: 'value',
    format: 'percent',
    validation: { kind: 'number', min: 0, max: 1 },
  },
} as const satisfies TableSpec;

/**
 * The shared bonus pool (core/bonus/readBonus.ts, design.md §10), all optional: a plan without a
 * pool has none of them. The pool's settings (key–value), then five lists, one row per bucket,
 * per role a bucket pays, per KPI it is paid on, per curve point and per scenario KPI, tied
 * together by the bucket id (and the KPI): readInputs assembles `bonus` from them. The Bonus
 * sheet's formulas read the shares, weights, curve points, the pool, the gate and fitToPool here.
 */
export const BONUS_TABLE = {
  kind: 'keyValue',
  id: 'bonus',
  title: 'sectionBonusPool',
  titleNote: 'noteBonusPool',
  optional: true,
  rows: [
    { id: 'poolAmount', label: 'bonusPoolAmount', path: 'bonus.pool.amount', parse: 'value', required: false, note: 'noteBonusPoolAmount', format: 'money' },
    { id: 'poolPercent', label: 'bonusPoolPercent', path: 'bonus.pool.percentOfRevenue', parse: 'value', required: false, note: 'noteBonusPoolPercent', format: 'percent' },
    { id: 'gateKpi', label: 'bonusGateKpi', path: 'bonus.gate.kpi', parse: 'text', required: false, note: 'noteBonusGateKpi' },
    { id: 'gateMin', label: 'bonusGateMin', path: 'bonus.gate.min', parse: 'value', required: false, note: 'noteBonusGateMin', format: 'percent' },
    { id: 'fitToPool', label: 'bonusFitToPool', path: 'bonus.fitToPool', parse: 'value', required: false, note: 'noteBonusFitToPool' },
    // readInputs puts it on the funding curve (its points are the (pool) rows of the curve points).
    { id: 'fundingStepped', label: 'bonusFundingStepped', path: 'bonus.fundingStepped', parse: 'value', required: false, note: 'noteBonusFundingStepped' },
    // Read as text and split at commas by readInputs.
    { id: 'gridRevenue', label: 'bonusGridRevenue', path: 'bonus.grid.revenue', parse: 'text', required: false, note: 'noteBonusGridRevenue', format: 'text' },
    { id: 'gridMarketingShare', label: 'bonusGridMarketingShare', path: 'bonus.grid.marketingShare', parse: 'text', required: false, note: 'noteBonusGridMarketingShare', format: 'text' },
  ],
} as const satisfies TableSpec;

export const BONUS_BUCKETS_TABLE = {
  kind: 'list',
  id: 'bonusBuckets',
  title: 'sectionBonusBuckets',
  titleNote: 'noteBonusBuckets',
  optional: true,
  columns: [
    { id: 'id', label: 'bucketId', path: 'bonusBucketRows[{i}].id', parse: 'text', required: true },
    { id: 'name', label: 'bucketName', path: 'bonusBucketRows[{i}].name', parse: 'text', required: false },
    { id: 'share', label: 'bucketShare', path: 'bonusBucketRows[{i}].share', parse: 'value', required: true, format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
  ],
} as const satisfies TableSpec;

export const BONUS_ROLES_TABLE = {
  kind: 'list',
  id: 'bonusRoles',
  title: 'sectionBonusRoles',
  titleNote: 'noteBonusRoles',
  optional: true,
  columns: [
    { id: 'bucket', label: 'bucketId', path: 'bonusRoleRows[{i}].bucket', parse: 'text', required: true },
    { id: 'role', label: 'roleId', path: 'bonusRoleRows[{i}].role', parse: 'text', required: true },
    { id: 'weight', label: 'bonusRoleWeight', path: 'bonusRoleRows[{i}].weight', parse: 'value', required: false },
  ],
} as const satisfies TableSpec;

export const BONUS_KPIS_TABLE = {
  kind: 'list',
  id: 'bonusKpis',
  title: 'sectionBonusKpis',
  titleNote: 'noteBonusKpis',
  optional: true,
  columns: [
    { id: 'bucket', label: 'bucketId', path: 'bonusKpiRows[{i}].bucket', parse: 'text', required: true },
    { id: 'kpi', label: 'bonusKpi', path: 'bonusKpiRows[{i}].kpi', parse: 'text', required: true },
    { id: 'weight', label: 'bonusKpiWeight', path: 'bonusKpiRows[{i}].weight', parse: 'value', required: true, format: 'percent', validation: { kind: 'number', min: 0, max: 1 } },
    { id: 'stepped', label: 'bonusStepped', path: 'bonusKpiRows[{i}].stepped', parse: 'value', required: false },
  ],
} as const satisfies TableSpec;

export const BONUS_CURVES_TABLE = {
  kind: 'list',
  id: 'bonusCurves',
  title: 'sectionBonusCurves',
  titleNote: 'noteBonusCurves',
  optional: true,
  columns: [
    { id: 'bucket', label: 'bucketId', path: 'bonusCurveRows[{i}].bucket', parse: 'text', required: true },
    { id: 'kpi', label: 'bonusKpi', path: 'bonusCurveRows[{i}].kpi', parse: 'text', required: false },
    { id: 'attainment', label: 'bonusAttainment', path: 'bonusCurveRows[{i}].attainment', parse: 'value', required: true, format: 'percent' },
    { id: 'multiplier', label: 'bonusMultiplier', path: 'bonusCurveRows[{i}].multiplier', parse: 'value', required: true },
  ],
} as const satisfies TableSpec;

export const BONUS_SCENARIOS_TABLE = {
  kind: 'list',
  id: 'bonusScenarios',
  title: 'sectionBonusScenarios',
  titleNote: 'noteBonusScenarios',
  optional: true,
  columns: [
    { id: 'scenario', label: 'bonusScenario', path: 'bonusScenarioRows[{i}].name', parse: 'text', required: true },
    { id: 'kpi', label: 'bonusKpi', path: 'bonusScenarioRows[{i}].kpi', parse: 'text', required: false },
    { id: 'attainment', label: 'bonusAttainment', path: 'bonusScenarioRows[{i}].attainment', parse: 'value', required: false, format: 'percent' },
  ],
} as const satisfies TableSpec;

/** The bonus pool's sections, in sheet order: written only for a plan with a pool. */
export const BONUS_TABLES: readonly TableSpec[] = [BONUS_TABLE, BONUS_BUCKETS_TABLE, BONUS_ROLES_TABLE, BONUS_KPIS_TABLE, BONUS_CURVES_TABLE, BONUS_SCENARIOS_TABLE];

/**
 * In sheet order; the reader needs Sources before the rates and stage days, whose columns follow
 * its records, and the rates before Channels, whose rate columns follow its stages. A new section
 * goes after Lag (Ranges, Deal spread and Benchmarks did), so none above it moves. Channels, Roles and the bonus lists grow down: a row is
 * added by inserting one below a list's last row (typed below the last, it is read too while the
 * blank row before the next section is free). The bonus sections come last and only with a pool.
 */
export const INPUTS_TABLES: readonly TableSpec[] = [
  PLAN_TABLE,
  SOURCES_TABLE,
  RATES_TABLE,
  TIMING_TABLE,
  SEASONALITY_TABLE,
  STAGE_DAYS_TABLE,
  LAG_TABLE,
  RANGES_TABLE,
  DEAL_SPREAD_TABLE,
  BENCHMARKS_TABLE,
  CHANNELS_TABLE,
  HEADCOUNT_TABLE,
  ROLES_TABLE,
  ...BONUS_TABLES,
];

/** Where the first section's title goes, below the sheet's title, help and stamp. */
export const INPUTS_FIRST_TABLE_ROW = 5;

export type SourceField = (typeof SOURCES_TABLE.rows)[number]['id'];
export type PlanField = (typeof PLAN_TABLE.rows)[number]['id'];
export type ChannelField = (typeof CHANNELS_TABLE.columns)[number]['id'];
export type RoleField = (typeof ROLES_TABLE.columns)[number]['id'];
