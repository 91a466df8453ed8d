/**
 * Reads the Inputs sheet back into a plan input, finding each row by its label (English
 * or Chinese), so a workbook the user edited plans again. Every field remembers its cell,
 * so validation errors can say `Inputs!C15 (sources[1].share)`.
 */
import { FieldError, formatFieldError } from '../core/fieldError';
import type { Lang } from '../core/stages';
import { area, areaAddress, cellAddress, quoteSheet } from './a1';
import { TextKey, labelVariants, normalizeLabel, text } from './labels';
import { InputsGeometry, inputsGeometry } from './layouts/inputsGeometry';
import { SHEET } from './layouts/sheetNames';
import type { CellValue, WorkbookPort } from './port';

export type InputsReading =
  | {
      ok: true;
      input: Record<string, unknown>;
      cellOf: ReadonlyMap<string, string>;
      /** Where the rows really are, so formulas written against this sheet point at them. */
      geometry: InputsGeometry;
    }
  | { ok: false; problems: string[] };

const ROW_LABELS = {
  name: 'name',
  revenueTarget: 'revenueTarget',
  currency: 'currency',
  handoffStage: 'handoffStage',
  sourcesHeader: 'sectionSources',
  id: 'sourceId',
  sourceName: 'sourceName',
  kind: 'kind',
  share: 'share',
  avgDealSize: 'avgDealSize',
  entryStage: 'entryStage',
  ratesHeader: 'sectionRates',
} as const satisfies Record<string, TextKey>;

type RowKey = keyof typeof ROW_LABELS;
const REQUIRED_ROWS: readonly RowKey[] = ['revenueTarget', 'id', 'sourceName', 'kind', 'share', 'avgDealSize', 'entryStage', 'ratesHeader'];

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
/** Ids and stage names typed as numbers are still ids. */
const asText = (v: CellValue | undefined) => (isBlank(v) ? undefined : typeof v === 'string' ? v.trim() : String(v));
const asValue = (v: CellValue | undefined) => (isBlank(v) ? undefined : v);

/** `read`: the sheet's readValues when the caller has them already, so Inputs is read once, not twice. */
export function readInputs(port: WorkbookPort, sheet: string = SHEET.inputs, lang: Lang = 'en', read?: readonly (readonly CellValue[])[]): InputsReading {
  if (read === undefined && !port.listSheets().includes(sheet)) {
    return { ok: false, problems: [`the workbook has no "${sheet}" sheet (it has: ${port.listSheets().join(', ') || 'no sheets'})`] };
  }
  const values = read ?? port.readValues(sheet);
  const size = { rows: values.length, cols: values.reduce((max, row) => Math.max(max, row.length), 0) };
  if (size.rows === 0 || size.cols === 0) return { ok: false, problems: [`the "${sheet}" sheet is empty`] };
  const at = (row: number, col: number): CellValue | undefined => values[row - 1]?.[col - 1];
  const ref = (row: number, col: number) => `${quoteSheet(sheet)}!${cellAddress(row, col)}`;

  const rows: Partial<Record<RowKey, number>> = {};
  const wanted = Object.entries(ROW_LABELS).map(([k, label]) => [k as RowKey, labelVariants(label)] as const);
  for (let r = 1; r <= size.rows; r++) {
    const label = normalizeLabel(at(r, 1));
    const match = wanted.find(([k, variants]) => rows[k] === undefined && variants.includes(label));
    if (match) rows[match[0]] = r;
  }
  const missing = REQUIRED_ROWS.filter((k) => rows[k] === undefined);
  if (missing.length > 0) {
    return {
      ok: false,
      problems: missing.map((k) => `${quoteSheet(sheet)}!A:A has no row labelled "${text(ROW_LABELS[k], lang)}"`),
    };
  }
  const row = (k: RowKey) => rows[k] as number;
  const optionalRow = (k: RowKey) => rows[k];

  const cellOf = new Map<string, string>();
  const input: Record<string, unknown> = {};
  const plainField = (key: 'name' | 'revenueTarget' | 'currency' | 'handoffStage', textual: boolean) => {
    const r = optionalRow(key);
    if (r === undefined) return;
    cellOf.set(key, ref(r, 2));
    const v = at(r, 2);
    const read = textual ? asText(v) : asValue(v);
    if (read !== undefined) input[key] = read;
  };
  plainField('name', true);
  plainField('revenueTarget', false);
  plainField('currency', true);
  plainField('handoffStage', true);

  const stages: string[] = [];
  const firstStageRow = row('ratesHeader') + 1;
  for (let r = firstStageRow; r <= size.rows && !isBlank(at(r, 1)); r++) {
    stages.push(asText(at(r, 1)) as string);
    cellOf.set(`stages[${stages.length - 1}]`, ref(r, 1));
  }
  input.stages = stages;
  if (stages.length > 0) cellOf.set('stages', `${quoteSheet(sheet)}!${areaAddress(area(firstStageRow, 1, stages.length, 1))}`);

  const totals = labelVariants('total');
  const header = optionalRow('sourcesHeader');
  const sourceRows: RowKey[] = ['id', 'sourceName', 'kind', 'share', 'avgDealSize', 'entryStage'];
  const sources: Record<string, unknown>[] = [];
  for (let col = 2; col <= size.cols; col++) {
    if (header !== undefined && totals.includes(normalizeLabel(at(header, col)))) break;
    const cells = sourceRows.map((k) => optionalRow(k)).filter((r): r is number => r !== undefined);
    if (cells.every((r) => isBlank(at(r, col)))) break;
    const i = sources.length;
    const path = `sources[${i}]`;
    const source: Record<string, unknown> = {};
    const field = (key: string, k: RowKey, textual: boolean) => {
      const r = optionalRow(k);
      if (r === undefined) return;
      cellOf.set(`${path}.${key}`, ref(r, col));
      const read = textual ? asText(at(r, col)) : asValue(at(r, col));
      if (read !== undefined) source[key] = read;
    };
    field('id', 'id', true);
    field('name', 'sourceName', true);
    field('kind', 'kind', true);
    field('share', 'share', false);
    field('avgDealSize', 'avgDealSize', false);
    field('entryStage', 'entryStage', true);
    const rates: Record<string, unknown> = {};
    stages.slice(0, -1).forEach((stage, k) => {
      const r = firstStageRow + k;
      cellOf.set(`${path}.conversionRates.${stage}`, ref(r, col));
      const v = asValue(at(r, col));
      if (v !== undefined) rates[stage] = v;
    });
    source.conversionRates = rates;
    cellOf.set(path, `${quoteSheet(sheet)}!${areaAddress(area(row('id'), col, firstStageRow + stages.length - row('id'), 1))}`);
    cellOf.set(`${path}.conversionRates`, `${quoteSheet(sheet)}!${areaAddress(area(firstStageRow, col, Math.max(stages.length - 1, 1), 1))}`);
    sources.push(source);
  }
  input.sources = sources;
  if (sources.length > 0) cellOf.set('sources', `${quoteSheet(sheet)}!${areaAddress(area(row('share'), 2, 1, sources.length))}`);
  const fixed = inputsGeometry(stages.length, sources.length);
  const geometry: InputsGeometry = {
    ...fixed,
    name: optionalRow('name') ?? fixed.name,
    revenueTarget: row('revenueTarget'),
    currency: optionalRow('currency') ?? fixed.currency,
    handoffStage: optionalRow('handoffStage') ?? fixed.handoffStage,
    sourcesHeader: optionalRow('sourcesHeader') ?? row('id') - 1,
    sourceId: row('id'),
    sourceName: row('sourceName'),
    kind: row('kind'),
    share: row('share'),
    avgDealSize: row('avgDealSize'),
    entryStage: row('entryStage'),
    ratesHeader: row('ratesHeader'),
    firstStage: firstStageRow,
  };
  return { ok: true, input, cellOf, geometry };
}

/** `Inputs!C15 (sources[1].share): expected …` — the nearest cell that holds the field. */
export function formatCellError(error: FieldError, cellOf: ReadonlyMap<string, string>, lang: Lang = 'en'): string {
  let path = error.path;
  let cell = cellOf.get(path);
  // Walk up to the nearest field that has a cell; stop when a path cannot be shortened (a["b"]).
  while (cell === undefined && /[.[]/.test(path)) {
    const parent = path.replace(/(\.[^.[]*|\[\d+\])$/, '');
    if (parent === path) break;
    path = parent;
    cell = cellOf.get(path);
  }
  const message = formatFieldError(error, lang);
  return cell === undefined ? message : `${cell} (${message.replace(/^([^:]*): /, '$1): ')}`;
}
