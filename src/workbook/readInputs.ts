/**
 * Reads the Inputs sheet back into a plan input through its table specs (tables/inputsTables.ts):
 * each section found by its title, each row by its label (English or Chinese), wherever the
 * user moved them, so a workbook the user edited plans again. Every field remembers its cell,
 * so validation errors can say `Inputs!C15 (sources[1].share)`.
 */
import { rangeParts } from '../core/input/rangeParts';
import { benchmarkBands } from '../core/diagnosis/benchmarks';
import { fieldPath } from '../core/knownFields';
import { FieldError, formatFieldError } from '../core/fieldError';
import { DEFAULT_STAGES, stageLabel, type Lang } from '../core/stages';
import { areaAddress, cellAddress, quoteSheet } from './a1';
import { labelVariants, normalizeLabel, text } from './labels';
import { CellAt, InputsGeometry, geometryFromPlaces, sourceCells, spanOf } from './layouts/inputsGeometry';
import { DRIVER_KINDS, INPUTS_TABLES, RATES_TABLE, ROLES_TABLE } from './tables/inputsTables';
import { DEFAULT_ROLE_IDS } from '../core/headcount/defaultRoles';
import { TableProblem, isBlank, parseCell, readTables } from './tables/readTables';
import type { TablePlace } from './tables/tableSpec';
import { SHEET } from './layouts/sheetNames';
import type { CellValue, WorkbookPort } from './port';
import { fill, LANGS, messages, type Messages } from '../core/i18n/catalogue';
import { assembleBonus } from './bonusInputs';

export type InputsReading =
  | {
      ok: true;
      input: Record<string, unknown>;
      cellOf: ReadonlyMap<string, string>;
      /** Where the rows really are, so formulas written against this sheet point at them. */
      geometry: InputsGeometry;
      /** Every section found, by table id (tables/inputsTables.ts): where Derive rates feeds stage days, lags and seasonality. */
      places: ReadonlyMap<string, TablePlace>;
      /** Things that read but look wrong (the stages differ from the Funnel sheet's): shown, not fatal. */
      warnings: string[];
    }
  | { ok: false; problems: string[] };

/** The reader's own messages, from the catalogue (core/i18n `readInputs`; sheet texts are in labels.ts). */
function say(key: keyof Messages['readInputs'], lang: Lang, params: Readonly<Record<string, string>>): string {
  return fill(messages(lang).readInputs[key], params);
}

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
  const span = (cells: readonly CellAt[]) => `${quoteSheet(sheet)}!${areaAddress(spanOf(cells))}`;

  const tables = readTables(INPUTS_TABLES, values, quoteSheet(sheet));
  if (tables.problems.length > 0) return { ok: false, problems: tables.problems.map((p) => tableProblem(p, sheet, lang)) };

  // A formula whose result was never saved reads as blank: say so instead of "missing".
  let formulas: string[][] | undefined;
  const uncached: string[] = [];
  const cellOf = new Map<string, string>();
  const input: Record<string, unknown> = { stages: [], sources: [] };
  for (const entry of tables.entries) {
    const { row, col } = entry.cell;
    cellOf.set(entry.path, ref(row, col));
    if (checks.formulasWithoutResults && isBlank(entry.raw)) {
      formulas ??= port.readFormulas(sheet);
      const formula = formulas[row - 1]?.[col - 1];
      if (formula) uncached.push(say('uncached', lang, { cell: ref(row, col), formula: formula.replace(/^=/, '') }));
    }
    const value = parseCell(entry.raw, entry.parse);
    if (value !== undefined) setAt(input, entry.segments, value);
  }
  const geometry = geometryFromPlaces(tables.places);
  const channelRows: number[][] = [];
  const ratesPlace = tables.places.get(RATES_TABLE.id) as TablePlace;
  // Where the stage rows are, or would start when there is none.
  const stageCells = geometry.stages.length > 0 ? geometry.stages : [{ row: ratesPlace.title.row + 1, col: ratesPlace.title.col }];
  const stages = input.stages as string[];
  const sources = input.sources as Record<string, unknown>[];
  sources.forEach((source) => (source.conversionRates ??= {}));
  if (stages.length > 0) cellOf.set('stages', span(geometry.stages));
  geometry.sources.forEach((cells, i) => {
    const fields = [cells.id, cells.name, cells.kind, cells.share, cells.avgDealSize, cells.entryStage];
    // With the rates below it in the same column, a source is the whole column, as it always was.
    const below = geometry.stages.length > 0 && cells.rates.every((r) => r.col === cells.id.col);
    const wonCell = geometry.stages.length > 0 ? { row: geometry.stages[geometry.stages.length - 1].row, col: cells.id.col } : cells.id;
    cellOf.set(`sources[${i}]`, span(below ? [...fields, wonCell] : fields));
    const ratesColumn = ratesPlace.records[i]?.col ?? cells.id.col;
    cellOf.set(`sources[${i}].conversionRates`, span(cells.rates.length > 0 ? cells.rates : [{ row: stageCells[0].row, col: ratesColumn }]));
  });
  if (sources.length > 0) cellOf.set('sources', span(sourceCells(geometry, 'share')));
  const foreign = totalColumnCell(tables.places, at, () => (formulas ??= port.readFormulas(sheet)), checks.formulasWithoutResults === true);
  const problems = [
    ...(foreign ? [say('totalColumn', lang, { cell: ref(foreign.row, foreign.col) })] : []),
    ...uncached,
    ...wonRowProblems(stages, geometry, at, ref, lang),
    ...timingAndChannels(input, cellOf, lang, channelRows),
  ];
  benchmarkRows(input, cellOf);
  headcountRoles(input, cellOf, tables.places, ref);
  const bonus = assembleBonus(input, cellOf, tables.places, lang, ref, splitList);
  problems.push(...bonus.problems);
  if (problems.length > 0) return { ok: false, problems };
  const changed = checks.stagesAgainstFunnel && stagesChangedWarning(port, stages, span(stageCells), lang);
  // Now that each channel row has its source: the geometry with every source's channel cells.
  return { ok: true, input, cellOf, geometry: geometryFromPlaces(tables.places, channelRows, bonus.index), places: tables.places, warnings: changed ? [changed] : [] };
}

/**
 * A source typed into the Sources section's Total column (a third source in D12:D17 when the
 * header says Total) is not read, and the plan silently leaves it out. Below the Total header
 * only the share total belongs: its own formula, or — where formulas are not read (Sheets,
 * which recalculates) — a value equal to the sum of the shares. The rates of such a source,
 * in the same column of the rates section, are foreign too. Gives the first foreign cell.
 */
function totalColumnCell(
  places: ReadonlyMap<string, TablePlace>,
  at: (row: number, col: number) => CellValue | undefined,
  readFormulas: () => string[][],
  formulasRead: boolean,
): CellAt | undefined {
  const sources = places.get('sources');
  const col = sources?.totalCol;
  if (!sources || col === undefined) return undefined;
  const shareRow = sources.rows.get('share');
  const shareSum = shareRow === undefined ? NaN : sources.records.reduce((sum, rec) => sum + (typeof at(shareRow, rec.col) === 'number' ? (at(shareRow, rec.col) as number) : NaN), 0);
  const own = (row: number, v: CellValue | undefined) => {
    if (row !== shareRow) return false;
    if (typeof v === 'number' && Math.abs(v - shareSum) <= 1e-9) return true;
    return formulasRead && Boolean(readFormulas()[row - 1]?.[col - 1]);
  };
  const rows = [...sources.rows.values()].sort((a, b) => a - b);
  const rates = places.get(RATES_TABLE.id);
  // Rates line up with the sources' columns when the sections share their first column.
  if (rates && rates.title.col === sources.title.col && !rates.records.some((r) => r.col === col)) rows.push(...rates.keys.map((k) => k.row));
  for (const row of rows) {
    const v = at(row, col);
    if (!isBlank(v) && !own(row, v)) return { row, col };
  }
  return undefined;
}

/** "1, 2, 3, 4" (or "1；2；3", "1 2 3") → its entries, as text for the plan's number reader. */
export function splitList(text: string): string[] {
  return text.split(/[,;，、；\s]+/).filter((part) => part !== '');
}

/**
 * The Timing, Lag and Channels sections as the plan wants them: holidays from one comma-separated
 * cell to a list; "history" typed alone in the Seasonality row (any language) as the plan's
 * `"history"`; each lag cell's "1, 2, 3, 4" to a list; each channel column into its source's
 * `channels` (its cells renamed so an error names them). A channel naming no source of the
 * sheet is a problem naming its cell.
 */
function timingAndChannels(input: Record<string, unknown>, cellOf: Map<string, string>, lang: Lang, channelRows: number[][]): string[] {
  const problems: string[] = [];
  const timing = input.timing as Record<string, unknown> | undefined;
  if (timing && typeof timing.holidays === 'string') {
    timing.holidays = splitList(timing.holidays);
  }
  if (timing && Array.isArray(timing.seasonality)) {
    const given: { value: unknown; m: number }[] = [];
    timing.seasonality.forEach((value: unknown, m: number) => given.push({ value, m }));
    const word = given.length === 1 ? given[0] : undefined;
    if (word && labelVariants('seasonalityHistory').includes(normalizeLabel(word.value))) {
      timing.seasonality = 'history';
      const cell = cellOf.get(`timing.seasonality[${word.m}]`);
      if (cell) cellOf.set('timing.seasonality', cell);
    }
  }
  for (const source of input.sources as Record<string, unknown>[]) {
    const lag = source.lag as Record<string, unknown> | undefined;
    if (lag) for (const [stage, cell] of Object.entries(lag)) if (typeof cell === 'string') lag[stage] = splitList(cell);
    const ranges = source.conversionRanges as Record<string, unknown> | undefined;
    if (ranges) for (const [stage, cell] of Object.entries(ranges)) if (typeof cell === 'string') ranges[stage] = rangeParts(cell);
  }
  const rows = input.channelRows as Record<string, unknown>[] | undefined;
  if (!rows) return problems;
  delete input.channelRows;
  const sources = input.sources as Record<string, unknown>[];
  sources.forEach((_, s) => (channelRows[s] ??= []));
  rows.forEach((row, i) => {
    const s = sources.findIndex((source) => source.id === row.source);
    const from = `channelRows[${i}]`;
    if (s < 0) {
      problems.push(say('channelSource', lang, { cell: cellOf.get(`${from}.source`) ?? from, source: String(row.source ?? ''), sources: sources.map((x) => String(x.id)).join(', ') }));
      return;
    }
    const channels = ((sources[s].channels as unknown[] | undefined) ??= []);
    const to = `sources[${s}].channels[${channels.length}]`;
    const { source: _source, ...channel } = row;
    channels.push(channel);
    channelRows[s].push(i);
    for (const [path, cell] of [...cellOf]) if (path === from || path.startsWith(`${from}.`)) cellOf.set(to + path.slice(from.length), cell);
  });
  return problems;
}

/**
 * The Benchmarks list as the plan's `benchmarks` — the rows not at their cited default — keyed by each row's from-stage, its cells
 * remembered under `benchmarks.<stage>.low` / `.high` so an error names them. No list (a sheet
 * written before it existed): none, the defaults apply.
 */
function benchmarkRows(input: Record<string, unknown>, cellOf: Map<string, string>): void {
  const rows = input.benchmarkRows as (Record<string, unknown> | undefined)[] | undefined;
  delete input.benchmarkRows;
  if (!rows) return;
  const benchmarks: Record<string, unknown> = {};
  // The sheet lists the defaults too, so a user sees them; a row still at its default is no band of the plan's own.
  const defaults = Array.isArray(input.stages) ? benchmarkBands(input.stages as string[]) : {};
  rows.forEach((row, i) => {
    if (!row) return;
    const from = `benchmarkRows[${i}]`;
    const stage = typeof row.stage === 'string' && row.stage !== '' ? row.stage : from;
    const band = Object.prototype.hasOwnProperty.call(defaults, stage) ? defaults[stage] : undefined;
    if (band && row.low === band.low && row.high === band.high) return;
    benchmarks[stage] = { low: row.low, high: row.high };
    const to = fieldPath('benchmarks', stage);
    for (const [path, cell] of [...cellOf]) if (path === from || path.startsWith(`${from}.`)) cellOf.set(to + path.slice(from.length), cell);
  });
  if (Object.keys(benchmarks).length > 0) input.benchmarks = benchmarks;
}

/** Whether `name` is a default role's own name in some language (the sheet shows it; the plan leaves it out). */
function isDefaultName(id: unknown, name: unknown): boolean {
  if (typeof id !== 'string' || !(DEFAULT_ROLE_IDS as readonly string[]).includes(id.trim())) return false;
  const names = (lang: Lang) => messages(lang).headcount.roles as Readonly<Record<string, { name: string }>>;
  return LANGS.some((lang) => normalizeLabel(names(lang)[id.trim()].name) === normalizeLabel(name));
}

/**
 * The Roles list as the plan's `headcount.roles`, one role per row (with the Headcount section's
 * plan start already at `headcount.planStart`): the Driver keyword, Driver value and "Sources or
 * roles counted" become `driver` ({ "stage": "sql", "sources": […] }, { "span": 8, "of": […] }…);
 * the Ramp month columns the ramp, up to the last one filled in (a blank one before it is a
 * missing entry, named by its cell; all blank: `[]`, productive at once). A default role's own
 * name in any language is no name of its own. Each field's cell is remembered under its plan path.
 * No Roles section (a sheet written before it existed): the plan's default roles.
 */
function headcountRoles(input: Record<string, unknown>, cellOf: Map<string, string>, places: ReadonlyMap<string, TablePlace>, ref: (row: number, col: number) => string): void {
  const rows = (input.roleRows as (Record<string, unknown> | undefined)[] | undefined) ?? [];
  delete input.roleRows;
  verticalCells(input, cellOf);
  const place = places.get(ROLES_TABLE.id);
  if (!place?.list) return;
  const headcount = (input.headcount ??= {}) as Record<string, unknown>;
  cellOf.set('headcount.roles', ref(place.title.row, place.title.col));
  const numbered = place.list.numberedColumns ?? [];
  headcount.roles = place.list.rows.map((_, i) => {
    const row = rows[i] ?? {};
    const from = `roleRows[${i}]`;
    const to = `headcount.roles[${i}]`;
    const move = (fromPath: string, toPath: string) => {
      const cell = cellOf.get(`${from}${fromPath}`);
      if (cell) cellOf.set(`${to}${toPath}`, cell);
    };
    const role: Record<string, unknown> = {};
    if (row.id !== undefined) role.id = row.id;
    if (row.name !== undefined && !isDefaultName(row.id, row.name)) role.name = row.name;
    move('.id', '');
    move('.id', '.id');
    move('.name', '.name');
    const kind = typeof row.driver === 'string' ? row.driver.trim().toLowerCase() : undefined;
    if (kind) {
      const value = row.driverValue;
      const driver: Record<string, unknown> = { [kind]: kind === 'stage' && value !== undefined ? String(value).trim() : (value ?? null) };
      if (typeof row.driverOf === 'string') driver[kind === 'stage' ? 'sources' : 'of'] = splitList(row.driverOf);
      role.driver = driver;
      move('.driver', '.driver');
      move(DRIVER_KIND_SET.has(kind) ? '.driverValue' : '.driver', `.driver.${kind}`);
      move('.driverOf', kind === 'stage' ? '.driver.sources' : '.driver.of');
    }
    for (const field of ['capacityPerMonth', 'attritionPerYear', 'hireLeadMonths', 'monthlyCost', 'current']) {
      if (row[field] !== undefined) role[field] = row[field];
      move(`.${field}`, `.${field}`);
    }
    const ramp = (row.ramp as Record<string, unknown> | undefined) ?? {};
    const last = numbered.reduce((max, k) => (ramp[String(k.n)] !== undefined ? Math.max(max, k.n) : max), 0);
    role.ramp = Array.from({ length: last }, (_, k) => ramp[String(k + 1)] ?? null);
    numbered.forEach((k) => move(`.ramp.${k.n}`, `.ramp[${k.n - 1}]`));
    const firstRamp = numbered[0] && cellOf.get(`${from}.ramp.${numbered[0].n}`);
    if (firstRamp) cellOf.set(`${to}.ramp`, firstRamp);
    return role;
  });
}

const DRIVER_KIND_SET: ReadonlySet<string> = new Set(DRIVER_KINDS);

/**
 * The Headcount section's full-cycle rep as the plan's `headcount.vertical`: the roles it replaces
 * and its ramp from comma-separated text ("none", in any language: no comparison, or no ramp), its
 * stage as a stage driver; cells left blank are the default's.
 */
function verticalCells(input: Record<string, unknown>, cellOf: Map<string, string>): void {
  const headcount = input.headcount as Record<string, unknown> | undefined;
  const vertical = headcount?.vertical as Record<string, unknown> | undefined;
  if (!headcount || !vertical) return;
  const none = (v: unknown) => labelVariants('noneWord').includes(normalizeLabel(v));
  const replacesCell = cellOf.get('headcount.vertical.replaces');
  if (replacesCell) cellOf.set('headcount.vertical', replacesCell);
  if (typeof vertical.replaces === 'string') {
    if (none(vertical.replaces)) {
      headcount.vertical = null;
      return;
    }
    vertical.replaces = splitList(vertical.replaces);
  }
  if (typeof vertical.ramp === 'string') vertical.ramp = none(vertical.ramp) ? [] : splitList(vertical.ramp);
  if (typeof vertical.driver === 'string') {
    vertical.driver = { stage: vertical.driver };
    const cell = cellOf.get('headcount.vertical.driver');
    if (cell) cellOf.set('headcount.vertical.driver.stage', cell);
  }
}

/** Puts a value at a path (`sources`, 1, `conversionRates`, `sql`), making the objects and lists on the way. */
function setAt(target: Record<string, unknown>, segments: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  segments.forEach((segment, k) => {
    if (k === segments.length - 1) {
      node[segment] = value;
      return;
    }
    node[segment] ??= typeof segments[k + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
}

/** A table the reader could not find whole, in the user's language, naming where it looked. */
function tableProblem(problem: TableProblem, sheet: string, lang: Lang): string {
  switch (problem.kind) {
    case 'missingRow':
      return say('missingRow', lang, { column: problem.column, label: text(problem.label, lang) });
    case 'missingSection':
      return text('missingSection', lang, { sheet, title: text(problem.title, lang) });
    case 'missingColumn':
      return text('missingColumn', lang, { range: problem.range, header: text(problem.header, lang, { n: problem.n }) });
  }
}

/**
 * The last stage row is the won stage: it has no rate (the sheet marks it "(won stage)"). One
 * that holds a rate means the won row was deleted, and the plan would end a stage early.
 */
function wonRowProblems(
  stages: readonly string[],
  g: InputsGeometry,
  at: (row: number, col: number) => CellValue | undefined,
  ref: (row: number, col: number) => string,
  lang: Lang,
): string[] {
  if (stages.length === 0) return [];
  const last = g.stages[g.stages.length - 1].row;
  const markers = labelVariants('wonStage');
  for (const source of g.sources) {
    const col = source.rates[0]?.col ?? source.id.col;
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
  const count = (list: readonly string[], s: string) => list.filter((t) => same(s, t)).length;
  // The same stages, each as often: only the order differs (two labels swapped, a row moved).
  if (missing.length === 0 && added.length === 0 && then.length === stages.length && then.every((s) => count(stages, s) === count(then, s))) {
    return say('stagesReordered', lang, { range, now: stages.join(', '), funnel: SHEET.funnel, then: then.join(', ') });
  }
  const repeated = stages.filter((s, i) => count(stages, s) > count(then, s) && stages.findIndex((t) => same(s, t)) === i);
  const change = [
    ...missing.map((stage) => say('stageMissing', lang, { stage })),
    ...added.map((stage) => say('stageAdded', lang, { stage })),
    ...repeated.filter((s) => !added.includes(s)).map((stage) => say('stageRepeated', lang, { stage, count: String(count(stages, stage)) })),
  ].join('; ');
  return say('stagesChanged', lang, { range, now: stages.join(', '), funnel: SHEET.funnel, then: then.join(', '), change });
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
