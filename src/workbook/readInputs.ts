/**
 * Reads the Inputs sheet back into a plan input, finding each row by its label (English
 * or Chinese), so a workbook the user edited plans again. Every field remembers its cell,
 * so validation errors can say `Inputs!C15 (sources[1].share)`.
 */
import { FieldError, formatFieldError } from '../core/fieldError';
import { DEFAULT_STAGES, stageLabel, type Lang } from '../core/stages';
import { area, areaAddress, cellAddress, quoteSheet } from './a1';
import { TextKey, labelVariants, normalizeLabel, text } from './labels';
import { InputsGeometry, inputsGeometry } from './layouts/inputsGeometry';
import { SHEET } from './layouts/sheetNames';
import type { CellValue, WorkbookPort } from './port';
import { fill, LANGS, messages, type Messages } from '../core/i18n/catalogue';

export type InputsReading =
  | {
      ok: true;
      input: Record<string, unknown>;
      cellOf: ReadonlyMap<string, string>;
      /** Where the rows really are, so formulas written against this sheet point at them. */
      geometry: InputsGeometry;
      /** Things that read but look wrong (the stages differ from the Funnel sheet's): shown, not fatal. */
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** The reader's own messages, from the catalogue (core/i18n `readInputs`; sheet texts are in labels.ts). */
function say(key: keyof Messages['readInputs'], lang: Lang, params: Readonly<Record<string, string>>): string {
  return fill(messages(lang).readInputs[key], params);
}

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
/** Rows every Inputs sheet has; a missing one (deleted, or its label changed) would silently plan with a default. */
const REQUIRED_ROWS: readonly RowKey[] = ['revenueTarget', 'currency', 'handoffStage', 'id', 'sourceName', 'kind', 'share', 'avgDealSize', 'entryStage', 'ratesHeader'];

const isBlank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
/** Ids and stage names typed as numbers are still ids. */
const asText = (v: CellValue | undefined) => (isBlank(v) ? undefined : typeof v === 'string' ? v.trim() : String(v));
const asValue = (v: CellValue | undefined) => (isBlank(v) ? undefined : v);

/**
 * Checks that cost a read more, for files that may come from anywhere (the CLI turns them on; in
 * Google Sheets formulas always have results, and each read is a round trip).
 */
export interface InputsChecks {
  /** A blank cell that holds a formula had its result dropped (openpyxl, pandas): name it. */
  readonly formulasWithoutResults?: boolean;
  /** Compare the stage rows with the Funnel sheet's, and warn when they differ. */
  readonly stagesAgainstFunnel?: boolean;
}

/** `read`: the sheet's readValues when the caller has them already, so Inputs is read once, not twice. */
export function readInputs(
  port: WorkbookPort,
  sheet: string = SHEET.inputs,
  lang: Lang = 'en',
  read?: readonly (readonly CellValue[])[],
  checks: InputsChecks = {},
): InputsReading {
  if (read === undefined && !port.listSheets().includes(sheet)) {
    const sheets = port.listSheets().join(', ') || messages(lang).readInputs.noSheets;
    return { ok: false, problems: [say('noSheet', lang, { sheet, sheets })] };
  }
  const values = read ?? port.readValues(sheet);
  const size = { rows: values.length, cols: values.reduce((max, row) => Math.max(max, row.length), 0) };
  if (size.rows === 0 || size.cols === 0) return { ok: false, problems: [say('emptySheet', lang, { sheet })] };
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
      problems: missing.map((k) => say('missingRow', lang, { column: `${quoteSheet(sheet)}!A:A`, label: text(ROW_LABELS[k], lang) })),
    };
  }
  const row = (k: RowKey) => rows[k] as number;
  const optionalRow = (k: RowKey) => rows[k];

  // A formula whose result was never saved reads as blank: say so instead of "missing".
  let formulas: string[][] | undefined;
  const uncached: string[] = [];
  const cellAt = (r: number, c: number): CellValue | undefined => {
    const v = at(r, c);
    if (checks.formulasWithoutResults && isBlank(v)) {
      formulas ??= port.readFormulas(sheet);
      const formula = formulas[r - 1]?.[c - 1];
      if (formula) uncached.push(say('uncached', lang, { cell: ref(r, c), formula: formula.replace(/^=/, '') }));
    }
    return v;
  };
  const cellOf = new Map<string, string>();
  const input: Record<string, unknown> = {};
  const plainField = (key: 'name' | 'revenueTarget' | 'currency' | 'handoffStage', textual: boolean) => {
    const r = optionalRow(key);
    if (r === undefined) return;
    cellOf.set(key, ref(r, 2));
    const v = cellAt(r, 2);
    const got = textual ? asText(v) : asValue(v);
    if (got !== undefined) input[key] = got;
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
      const got = textual ? asText(cellAt(r, col)) : asValue(cellAt(r, col));
      if (got !== undefined) source[key] = got;
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
      const v = asValue(cellAt(r, col));
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
  const problems = [...uncached, ...wonRowProblems(stages, firstStageRow, sources.length, at, ref, lang)];
  if (problems.length > 0) return { ok: false, problems };
  const changed = checks.stagesAgainstFunnel && stagesChangedWarning(port, stages, `${quoteSheet(sheet)}!${areaAddress(area(firstStageRow, 1, Math.max(stages.length, 1), 1))}`, lang);
  return { ok: true, input, cellOf, geometry, warnings: changed ? [changed] : [] };
}

/**
 * The last stage row is the won stage: it has no rate (the sheet marks it "(won stage)"). One
 * that holds a rate means the won row was deleted, and the plan would end a stage early.
 */
function wonRowProblems(
  stages: readonly string[],
  firstStageRow: number,
  sourceCount: number,
  at: (row: number, col: number) => CellValue | undefined,
  ref: (row: number, col: number) => string,
  lang: Lang,
): string[] {
  if (stages.length === 0) return [];
  const last = firstStageRow + stages.length - 1;
  const markers = labelVariants('wonStage');
  for (let col = 2; col < 2 + sourceCount; col++) {
    const v = at(last, col);
    if (!isBlank(v) && !markers.includes(normalizeLabel(v))) {
      return [say('wonRowMissing', lang, { cell: ref(last, col), stage: stages[stages.length - 1], won: text('wonStage', lang) })];
    }
  }
  return [];
}

/** The stage ids a Funnel sheet's labels stand for (labels of unknown ids are the ids themselves). */
function funnelStages(values: readonly (readonly CellValue[])[]): string[] | undefined {
  const labels = values.map((row) => normalizeLabel(row[0]));
  const header = labels.findIndex((l) => labelVariants('stage').includes(l));
  if (header < 0) return undefined;
  const end = labels.findIndex((l, i) => i > header && labelVariants('revenue').includes(l));
  if (end < 0) return undefined;
  const known = [...new Set([...DEFAULT_STAGES, 'bql'])];
  return values.slice(header + 1, end).map((row) => {
    const label = normalizeLabel(row[0]);
    return known.find((id) => LANGS.some((l) => normalizeLabel(stageLabel(id, l)) === label)) ?? String(row[0] ?? '').trim();
  });
}

/**
 * A stage row deleted from the Inputs sheet plans a shorter funnel without complaint (the rates
 * of the rows left still read). The Funnel sheet, written with the Inputs, remembers the stages
 * it was generated for: a difference is named, as a warning, since changing stages is allowed.
 */
function stagesChangedWarning(port: WorkbookPort, stages: readonly string[], range: string, lang: Lang): string | undefined {
  if (!port.listSheets().includes(SHEET.funnel)) return undefined;
  const then = funnelStages(port.readValues(SHEET.funnel));
  if (!then || then.length === 0) return undefined;
  const same = (a: string, b: string) => normalizeLabel(a) === normalizeLabel(b);
  if (then.length === stages.length && then.every((s, i) => same(s, stages[i]))) return undefined;
  const missing = then.filter((s) => !stages.some((t) => same(s, t)));
  const added = stages.filter((s) => !then.some((t) => same(s, t)));
  const change = [...missing.map((stage) => say('stageMissing', lang, { stage })), ...added.map((stage) => say('stageAdded', lang, { stage }))].join('; ');
  return say('stagesChanged', lang, { range, now: stages.join(', '), funnel: SHEET.funnel, then: then.join(', '), change: change || then.join(', ') });
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
