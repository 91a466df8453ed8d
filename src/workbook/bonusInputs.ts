/**
 * The Inputs sheet's Bonus sections (tables/inputsTables.ts BONUS_TABLES) both ways: a plan's
 * `bonus` as the rows of the pool settings and the five lists, and those rows read back into the
 * plan input's `bonus` — each field's cell remembered under its plan path, so an error names it —
 * with where each share, weight and curve point is, for the Bonus sheet's formulas.
 */
import type { Lang } from '../core/stages';
import type { ValidBonus } from '../core/bonus/bonusTypes';
import { labelVariants, normalizeLabel, text } from './labels';
import type { CellValue } from './port';
import { BONUS_BUCKETS_TABLE, BONUS_CURVES_TABLE, BONUS_KPIS_TABLE, BONUS_ROLES_TABLE, BONUS_SCENARIOS_TABLE, BONUS_TABLE } from './tables/inputsTables';
import type { CellAt, TablePlace } from './tables/tableSpec';

/** A curve's points on the Curve points list: the attainment and multiplier cells, point by point. */
export interface CurveCells {
  readonly attainments: readonly CellAt[];
  readonly multipliers: readonly CellAt[];
}

export interface BucketKpiCells {
  readonly weight?: CellAt;
  readonly stepped?: CellAt;
  readonly curve: CurveCells;
}

export interface BucketCells {
  readonly share?: CellAt;
  /** Each role's weight cell, in the bucket's order (undefined: the list has no weight column). */
  readonly roleWeights: readonly (CellAt | undefined)[];
  readonly kpis: readonly BucketKpiCells[];
}

/** Where the Bonus sections keep the inputs the Bonus sheet's formulas read, in the plan's order. */
export interface BonusCells {
  readonly poolAmount?: CellAt;
  readonly poolPercent?: CellAt;
  readonly gateMin?: CellAt;
  readonly fitToPool?: CellAt;
  readonly fundingStepped?: CellAt;
  readonly funding?: CurveCells;
  readonly buckets: readonly BucketCells[];
}

/** Which rows of the lists hold what, by row index within each list. */
export interface BonusRowIndex {
  readonly buckets: readonly { readonly row: number; readonly roles: readonly number[]; readonly kpis: readonly { readonly row: number; readonly points: readonly number[] }[] }[];
  readonly funding: readonly number[];
}

type Row = Record<string, CellValue>;

/** A number as a cell holds it: read at 15 significant digits, as the plan's reader takes it. */
const n = (x: number): number => Number(x.toPrecision(15));
const listText = (xs: readonly number[]): string => xs.map((x) => String(n(x))).join(', ');

/** The Bonus sections' contents for a plan's pool, and which rows hold which bucket, KPI and point. */
export function bonusRows(bonus: ValidBonus, lang: Lang): {
  readonly settings: Readonly<Record<string, CellValue>>;
  readonly lists: Readonly<Record<string, readonly Row[]>>;
  readonly index: BonusRowIndex;
} {
  const pool = text('bonusPoolWord', lang);
  const buckets: Row[] = [];
  const roles: Row[] = [];
  const kpis: Row[] = [];
  const curves: Row[] = [];
  const index: { row: number; roles: number[]; kpis: { row: number; points: number[] }[] }[] = [];
  const funding: number[] = [];
  for (const p of bonus.fundingCurve?.points ?? []) {
    funding.push(curves.length);
    curves.push({ bucket: pool, kpi: 'revenue', attainment: n(p.attainment), multiplier: n(p.multiplier) });
  }
  for (const b of bonus.buckets) {
    const at = { row: buckets.length, roles: [] as number[], kpis: [] as { row: number; points: number[] }[] };
    buckets.push({ id: b.id, name: b.name ?? null, share: n(b.share) });
    for (const r of b.roles) {
      at.roles.push(roles.length);
      roles.push({ bucket: b.id, role: r, weight: n(b.roleWeights[r]) });
    }
    for (const k of b.kpis) {
      const points: number[] = [];
      at.kpis.push({ row: kpis.length, points });
      kpis.push({ bucket: b.id, kpi: k.kpi, weight: n(k.weight), stepped: k.curve.stepped });
      for (const p of k.curve.points) {
        points.push(curves.length);
        curves.push({ bucket: b.id, kpi: k.kpi, attainment: n(p.attainment), multiplier: n(p.multiplier) });
      }
    }
    index.push(at);
  }
  const scenarios: Row[] = bonus.scenarios.flatMap((s): Row[] => {
    const given = Object.entries(s.kpis);
    return given.length === 0 ? [{ scenario: s.name, kpi: null, attainment: null }] : given.map(([kpi, a]) => ({ scenario: s.name, kpi, attainment: n(a) }));
  });
  const settings: Record<string, CellValue> = {
    poolAmount: bonus.pool.kind === 'amount' ? n(bonus.pool.amount) : null,
    poolPercent: bonus.pool.kind === 'percentOfRevenue' ? n(bonus.pool.percent) : null,
    gateKpi: bonus.gate?.kpi ?? null,
    gateMin: bonus.gate ? n(bonus.gate.min) : null,
    fitToPool: bonus.fitToPool,
    fundingStepped: bonus.fundingCurve ? bonus.fundingCurve.stepped : null,
    gridRevenue: listText(bonus.grid.revenue),
    gridMarketingShare: listText(bonus.grid.marketingShare),
  };
  return {
    settings,
    lists: { [BONUS_BUCKETS_TABLE.id]: buckets, [BONUS_ROLES_TABLE.id]: roles, [BONUS_KPIS_TABLE.id]: kpis, [BONUS_CURVES_TABLE.id]: curves, [BONUS_SCENARIOS_TABLE.id]: scenarios },
    index: { buckets: index, funding },
  };
}

/** The cells of the Bonus sections, from where the tables are and which rows hold what. */
export function bonusCellsOf(places: ReadonlyMap<string, TablePlace>, index: BonusRowIndex | undefined): BonusCells | undefined {
  const settings = places.get(BONUS_TABLE.id);
  if (!settings || !index) return undefined;
  const setting = (id: string): CellAt | undefined => {
    const row = settings.rows.get(id);
    return row === undefined ? undefined : { row, col: settings.valueCol };
  };
  const cell = (table: string, i: number, column: string): CellAt | undefined => {
    const list = places.get(table)?.list;
    const row = list?.rows[i];
    const col = list?.columns.get(column);
    return row === undefined || col === undefined ? undefined : { row, col };
  };
  const curve = (rows: readonly number[]): CurveCells => {
    const attainments = rows.map((i) => cell(BONUS_CURVES_TABLE.id, i, 'attainment'));
    const multipliers = rows.map((i) => cell(BONUS_CURVES_TABLE.id, i, 'multiplier'));
    const whole = <T>(xs: readonly (T | undefined)[]): xs is T[] => xs.every((x) => x !== undefined);
    return whole(attainments) && whole(multipliers) ? { attainments, multipliers } : { attainments: [], multipliers: [] };
  };
  const opt = <K extends string>(key: K, c: CellAt | undefined) => (c ? { [key]: c } : {}) as Partial<Record<K, CellAt>>;
  return {
    ...opt('poolAmount', setting('poolAmount')),
    ...opt('poolPercent', setting('poolPercent')),
    ...opt('gateMin', setting('gateMin')),
    ...opt('fitToPool', setting('fitToPool')),
    ...opt('fundingStepped', setting('fundingStepped')),
    ...(index.funding.length > 0 ? { funding: curve(index.funding) } : {}),
    buckets: index.buckets.map((b) => ({
      ...opt('share', cell(BONUS_BUCKETS_TABLE.id, b.row, 'share')),
      roleWeights: b.roles.map((i) => cell(BONUS_ROLES_TABLE.id, i, 'weight')),
      kpis: b.kpis.map((k) => ({
        ...opt('weight', cell(BONUS_KPIS_TABLE.id, k.row, 'weight')),
        ...opt('stepped', cell(BONUS_KPIS_TABLE.id, k.row, 'stepped')),
        curve: curve(k.points),
      })),
    })),
  };
}

/** TRUE/FALSE typed as text (any case, any language's word) as a boolean; anything else as it is, for the plan's reader to judge. */
function booleanOf(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const label = normalizeLabel(v);
  if (label === 'true' || labelVariants('bonusTrueWord').includes(label)) return true;
  if (label === 'false' || labelVariants('bonusFalseWord').includes(label)) return false;
  return v;
}

/** "70%, 80%, 90%" → its entries (a single number typed stays one entry). */
function axisOf(v: unknown, split: (s: string) => string[]): unknown {
  if (typeof v === 'string') return split(v);
  return typeof v === 'number' ? [v] : v;
}

type Rows = (Record<string, unknown> | undefined)[];

/**
 * Moves the Bonus lists' rows (`bonusBucketRows`, `bonusRoleRows`…, as readTables put them) into
 * the plan input's `bonus`: each bucket with its roles and role weights, its KPIs with their
 * curves (points from the Curve points list, (pool) rows the funding curve), the scenarios by
 * name; fitToPool and stepped as booleans, the grid axes as lists. A row naming a bucket (or a
 * bucket's KPI) the lists do not have is a problem naming its cell. Without a Bonus pool section
 * the plan has no pool (and the lists, if any, are not read).
 */
export function assembleBonus(
  input: Record<string, unknown>,
  cellOf: Map<string, string>,
  places: ReadonlyMap<string, TablePlace>,
  lang: Lang,
  ref: (row: number, col: number) => string,
  split: (s: string) => string[],
): { problems: string[]; index?: BonusRowIndex } {
  const take = (key: string): Rows => {
    const rows = (input[key] as Rows | undefined) ?? [];
    delete input[key];
    return rows;
  };
  const bucketRows = take('bonusBucketRows');
  const roleRows = take('bonusRoleRows');
  const kpiRows = take('bonusKpiRows');
  const curveRows = take('bonusCurveRows');
  const scenarioRows = take('bonusScenarioRows');
  const settings = places.get(BONUS_TABLE.id);
  if (!settings) {
    delete input.bonus;
    return { problems: [] };
  }
  const bonus = ((input.bonus as Record<string, unknown> | undefined) ??= {});
  const problems: string[] = [];
  const move = (from: string, to: string) => {
    const cell = cellOf.get(from);
    if (cell) cellOf.set(to, cell);
  };
  const firstSetting = [...settings.rows.values()].sort((a, b) => a - b)[0];
  cellOf.set('bonus', ref(firstSetting ?? settings.title.row, settings.valueCol));
  move('bonus.pool.amount', 'bonus.pool');
  if (!cellOf.has('bonus.pool')) move('bonus.pool.percentOfRevenue', 'bonus.pool');
  move('bonus.gate.kpi', 'bonus.gate');
  if (bonus.fitToPool !== undefined) bonus.fitToPool = booleanOf(bonus.fitToPool);
  const grid = bonus.grid as Record<string, unknown> | undefined;
  if (grid) for (const axis of ['revenue', 'marketingShare']) if (grid[axis] !== undefined) grid[axis] = axisOf(grid[axis], split);
  const gate = bonus.gate as Record<string, unknown> | undefined;
  if (gate && gate.kpi === undefined && gate.min === undefined) delete bonus.gate;

  const listTitle = (table: string) => {
    const place = places.get(table);
    return place ? ref(place.title.row, place.title.col) : undefined;
  };
  const rowsOf = (table: string) => places.get(table)?.list?.rows ?? [];
  const key = (v: unknown) => (typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v));

  // Buckets, in the list's order.
  const bucketsTitle = listTitle(BONUS_BUCKETS_TABLE.id);
  if (bucketsTitle) cellOf.set('bonus.buckets', bucketsTitle);
  const index: { row: number; roles: number[]; kpis: { row: number; points: number[] }[] }[] = [];
  const buckets = rowsOf(BONUS_BUCKETS_TABLE.id).map((_, i) => {
    const row = bucketRows[i] ?? {};
    const from = `bonusBucketRows[${i}]`;
    const to = `bonus.buckets[${i}]`;
    move(`${from}.id`, to);
    for (const f of ['id', 'name', 'share']) move(`${from}.${f}`, `${to}.${f}`);
    index.push({ row: i, roles: [], kpis: [] });
    const bucket: Record<string, unknown> = {};
    for (const f of ['id', 'name', 'share']) if (row[f] !== undefined) bucket[f] = row[f];
    return bucket;
  });
  if (buckets.length > 0 || places.has(BONUS_BUCKETS_TABLE.id)) bonus.buckets = buckets;
  const ids = buckets.map((b) => key(b.id));
  const bucketOf = (row: Record<string, unknown>, from: string): number | undefined => {
    const j = ids.indexOf(key(row.bucket));
    if (j >= 0 && key(row.bucket) !== '') return j;
    problems.push(text('bonusUnknownBucket', lang, { cell: cellOf.get(`${from}.bucket`) ?? from, bucket: key(row.bucket), buckets: ids.join(', ') }));
    return undefined;
  };

  // Roles and their weights per head, bucket by bucket in the list's order.
  rowsOf(BONUS_ROLES_TABLE.id).forEach((_, i) => {
    const row = roleRows[i] ?? {};
    const from = `bonusRoleRows[${i}]`;
    const j = bucketOf(row, from);
    if (j === undefined) return;
    const bucket = buckets[j];
    const roles = ((bucket.roles as unknown[] | undefined) ??= []);
    const to = `bonus.buckets[${j}]`;
    if (roles.length === 0) move(`${from}.role`, `${to}.roles`);
    move(`${from}.role`, `${to}.roles[${roles.length}]`);
    roles.push(row.role ?? null);
    index[j].roles.push(i);
    if (row.weight !== undefined) {
      const weights = ((bucket.roleWeights as Record<string, unknown> | undefined) ??= {});
      weights[key(row.role)] = row.weight;
      move(`${from}.weight`, `${to}.roleWeights.${key(row.role)}`);
      move(`${from}.weight`, `${to}.roleWeights`);
    }
  });

  // KPIs with their weights; their curves' points come next.
  const kpiAt: { bucket: number; k: number }[] = [];
  rowsOf(BONUS_KPIS_TABLE.id).forEach((_, i) => {
    const row = kpiRows[i] ?? {};
    const from = `bonusKpiRows[${i}]`;
    const j = bucketOf(row, from);
    if (j === undefined) return;
    const kpis = ((buckets[j].kpis as Record<string, unknown>[] | undefined) ??= []);
    const to = `bonus.buckets[${j}].kpis[${kpis.length}]`;
    if (kpis.length === 0) move(`${from}.kpi`, `bonus.buckets[${j}].kpis`);
    move(`${from}.kpi`, to);
    move(`${from}.kpi`, `${to}.kpi`);
    move(`${from}.weight`, `${to}.weight`);
    move(`${from}.kpi`, `${to}.curve`);
    move(`${from}.kpi`, `${to}.curve.points`);
    move(`${from}.stepped`, `${to}.curve.stepped`);
    const curve: Record<string, unknown> = { points: [] };
    if (row.stepped !== undefined) curve.stepped = booleanOf(row.stepped);
    const kpi: Record<string, unknown> = { curve };
    if (row.kpi !== undefined) kpi.kpi = row.kpi;
    if (row.weight !== undefined) kpi.weight = row.weight;
    kpiAt[i] = { bucket: j, k: kpis.length };
    index[j].kpis.push({ row: i, points: [] });
    kpis.push(kpi);
  });

  // Curve points: (pool) rows make the funding curve, the others a bucket KPI's curve.
  const poolWords = labelVariants('bonusPoolWord');
  const funding: unknown[][] = [];
  const fundingRows: number[] = [];
  rowsOf(BONUS_CURVES_TABLE.id).forEach((_, i) => {
    const row = curveRows[i] ?? {};
    const from = `bonusCurveRows[${i}]`;
    const point = [row.attainment ?? null, row.multiplier ?? null];
    const place = (path: string) => {
      move(`${from}.attainment`, path);
      move(`${from}.attainment`, `${path}[0]`);
      move(`${from}.multiplier`, `${path}[1]`);
    };
    if (poolWords.includes(normalizeLabel(row.bucket))) {
      if (funding.length === 0) move(`${from}.attainment`, 'bonus.fundingCurve');
      if (funding.length === 0) move(`${from}.attainment`, 'bonus.fundingCurve.points');
      place(`bonus.fundingCurve[${funding.length}]`);
      place(`bonus.fundingCurve.points[${funding.length}]`);
      funding.push(point);
      fundingRows.push(i);
      return;
    }
    const j = bucketOf(row, from);
    if (j === undefined) return;
    const k = kpiAt.findIndex((at, r) => at !== undefined && at.bucket === j && key(kpiRows[r]?.kpi) === key(row.kpi));
    if (k < 0) {
      problems.push(text('bonusUnknownCurve', lang, { cell: cellOf.get(`${from}.kpi`) ?? cellOf.get(`${from}.bucket`) ?? from, bucket: key(row.bucket), kpi: key(row.kpi) }));
      return;
    }
    const { k: kk } = kpiAt[k];
    const kpi = (buckets[j].kpis as Record<string, unknown>[])[kk];
    const points = (kpi.curve as { points: unknown[] }).points;
    place(`bonus.buckets[${j}].kpis[${kk}].curve.points[${points.length}]`);
    points.push(point);
    index[j].kpis[kk].points.push(i);
  });
  const fundingStepped = booleanOf(bonus.fundingStepped);
  delete bonus.fundingStepped;
  move('bonus.fundingStepped', 'bonus.fundingCurve.stepped');
  if (funding.length > 0) bonus.fundingCurve = fundingStepped === undefined ? funding : { points: funding, stepped: fundingStepped };
  else if (fundingStepped !== undefined) move('bonus.fundingStepped', 'bonus.fundingCurve');

  // Scenarios by name, in order of first appearance; each row one KPI's attainment.
  if (places.has(BONUS_SCENARIOS_TABLE.id)) {
    const scenarios: Record<string, unknown>[] = [];
    const scenariosTitle = listTitle(BONUS_SCENARIOS_TABLE.id);
    if (scenariosTitle) cellOf.set('bonus.scenarios', scenariosTitle);
    rowsOf(BONUS_SCENARIOS_TABLE.id).forEach((_, i) => {
      const row = scenarioRows[i] ?? {};
      const from = `bonusScenarioRows[${i}]`;
      let s = scenarios.findIndex((x) => key(x.name) === key(row.name) && key(row.name) !== '');
      if (s < 0) {
        s = scenarios.length;
        move(`${from}.name`, `bonus.scenarios[${s}]`);
        move(`${from}.name`, `bonus.scenarios[${s}].name`);
        scenarios.push(row.name === undefined ? {} : { name: row.name });
      }
      if (row.kpi === undefined) return;
      const kpi = key(row.kpi);
      scenarios[s][kpi] = row.attainment ?? null;
      move(`${from}.attainment`, `bonus.scenarios[${s}].${kpi}`);
      if (row.attainment === undefined) move(`${from}.kpi`, `bonus.scenarios[${s}].${kpi}`);
    });
    bonus.scenarios = scenarios;
  }
  return { problems, index: { buckets: index, funding: fundingRows } };
}
