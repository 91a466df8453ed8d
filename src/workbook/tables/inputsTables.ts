/**
 * The Inputs sheet's sections as tables: Plan (key–value), Sources (one column per source)
 * and Conversion rates (stage rows × source columns). A new input section is one more spec
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

/** In sheet order; the reader needs Sources before the rates, whose columns follow its records. */
export const INPUTS_TABLES: readonly TableSpec[] = [PLAN_TABLE, SOURCES_TABLE, RATES_TABLE];

/** Where the first section's title goes, below the sheet's title, help and stamp. */
export const INPUTS_FIRST_TABLE_ROW = 5;

export type SourceField = (typeof SOURCES_TABLE.rows)[number]['id'];
export type PlanField = (typeof PLAN_TABLE.rows)[number]['id'];
