/**
 * Where each input lives on the Inputs sheet, cell by cell: what the table writer put there, or
 * what the reader found after the user inserted rows or moved a section. Formulas on the Funnel
 * and Summary sheets and the named ranges are written against it.
 */
import { area, sheetAreaRef, sheetRef } from '../a1';
import { Grid } from '../grid';
import type { Area } from '../port';
import { CHANNELS_TABLE, HEADCOUNT_TABLE, PLAN_TABLE, RATES_TABLE, ROLES_TABLE, SOURCES_TABLE, type SourceField } from '../tables/inputsTables';
import { INPUTS_FIRST_TABLE_ROW } from '../tables/inputsTables';
import type { CellAt, TablePlace } from '../tables/tableSpec';
import { isLine, spanArea, writeTables } from '../tables/writeTables';
import { SHEET } from './sheetNames';
import { type BonusCells, type BonusRowIndex, bonusCellsOf } from '../bonusInputs';

export type { CellAt } from '../tables/tableSpec';

export type SourceCells = { readonly [F in SourceField]: CellAt } & {
  /** One per stage but the last (won), in stage order. */
  readonly rates: readonly CellAt[];
  /** The source's channels, in the plan's order (their rows of the Channels list); empty when it has none. */
  readonly channels: readonly ChannelCells[];
};

/** A channel's row of the Channels list; a column the list lacks (a deal size, a stage's rate) is inherited from the source. */
export interface ChannelCells {
  readonly id: CellAt;
  readonly name?: CellAt;
  readonly share: CellAt;
  readonly avgDealSize?: CellAt;
  /** The rate override cells by from-stage, for the stages the list has a column of. */
  readonly rates: Readonly<Record<string, CellAt>>;
}

/** A role's row of the Roles list: the cells the Headcount sheet's formulas read (a column the list lacks is absent). */
export interface RoleCells {
  readonly id: CellAt;
  readonly driverValue?: CellAt;
  readonly capacityPerMonth?: CellAt;
  readonly attritionPerYear?: CellAt;
  readonly monthlyCost?: CellAt;
  readonly current?: CellAt;
  /** The ramp's cell of each tenure month from 0 ("Ramp month 1"), up to the last numbered column; a column missing in between is undefined. */
  readonly ramp: readonly (CellAt | undefined)[];
}

/** The Headcount and Roles sections, when the sheet has them. */
export interface HeadcountCells {
  readonly planStart?: CellAt;
  /** One per row of the Roles list, in order: the plan's roles. */
  readonly roles: readonly RoleCells[];
}

export interface InputsGeometry {
  readonly name?: CellAt;
  readonly revenueTarget: CellAt;
  readonly currency: CellAt;
  readonly handoffStage: CellAt;
  /** The cell of each stage id, in order, the won stage last. */
  readonly stages: readonly CellAt[];
  readonly sources: readonly SourceCells[];
  readonly shareTotal?: CellAt;
  /** Undefined when the sheet has no Roles section (one written before it existed). */
  readonly headcount?: HeadcountCells;
  /** The Bonus sections' cells the Bonus sheet reads; undefined when the sheet has none (a plan without a pool). */
  readonly bonus?: BonusCells;
}

/** Where the Headcount and Roles sections keep each role's inputs; undefined without a Roles section. */
export function headcountCells(places: ReadonlyMap<string, TablePlace>): HeadcountCells | undefined {
  const roles = places.get(ROLES_TABLE.id)?.list;
  if (!roles) return undefined;
  const settings = places.get(HEADCOUNT_TABLE.id);
  const planStartRow = settings?.rows.get('planStart');
  const numbered = roles.numberedColumns ?? [];
  const last = numbered.reduce((max, k) => Math.max(max, k.n), 0);
  return {
    ...(settings && planStartRow !== undefined ? { planStart: { row: planStartRow, col: settings.valueCol } } : {}),
    roles: roles.rows.map((row): RoleCells => {
      const at = (id: string): CellAt | undefined => {
        const col = roles.columns.get(id);
        return col === undefined ? undefined : { row, col };
      };
      const cells: Record<string, CellAt> = {};
      for (const id of ['driverValue', 'capacityPerMonth', 'attritionPerYear', 'monthlyCost', 'current']) {
        const cell = at(id);
        if (cell) cells[id] = cell;
      }
      return {
        id: at('id') ?? { row, col: roles.columns.values().next().value ?? 1 },
        ...cells,
        ramp: Array.from({ length: last }, (_, k) => {
          const col = numbered.find((c) => c.n === k + 1)?.col;
          return col === undefined ? undefined : { row, col };
        }),
      };
    }),
  };
}

/**
 * The geometry of tables as placed by writeTables or found by readTables (all required rows
 * present). `channelRows[j]`: which records of the Channels list are source j's channels, in
 * its order (readInputs knows it from their source ids; a fresh sheet lists them source by source);
 * `bonusIndex`: which rows of the Bonus lists hold each bucket, KPI and curve point.
 */
export function geometryFromPlaces(places: ReadonlyMap<string, TablePlace>, channelRows: readonly (readonly number[])[] = [], bonusIndex?: BonusRowIndex): InputsGeometry {
  const plan = places.get(PLAN_TABLE.id) as TablePlace;
  const sources = places.get(SOURCES_TABLE.id) as TablePlace;
  const rates = places.get(RATES_TABLE.id) as TablePlace;
  const planCell = (id: string): CellAt | undefined => {
    const row = plan.rows.get(id);
    return row === undefined ? undefined : { row, col: plan.valueCol };
  };
  const name = planCell('name');
  const valued = rates.keys.slice(0, -1);
  const shareRow = sources.rows.get('share') as number;
  const channelsPlace = places.get(CHANNELS_TABLE.id);
  const list = channelsPlace?.list;
  const headcount = headcountCells(places);
  const bonus = bonusCellsOf(places, bonusIndex);
  const channelCells = (i: number): ChannelCells | undefined => {
    if (channelsPlace && !list) {
      // An older sheet's Channels section, one column per channel: no rate columns.
      const col = channelsPlace.records[i]?.col;
      const cell = (id: string) => {
        const row = channelsPlace.rows.get(id);
        return row === undefined || col === undefined ? undefined : { row, col };
      };
      const [id, share, name, avgDealSize] = [cell('id'), cell('share'), cell('name'), cell('avgDealSize')];
      return id && share ? { id, share, ...(name ? { name } : {}), ...(avgDealSize ? { avgDealSize } : {}), rates: {} } : undefined;
    }
    const row = list?.rows[i];
    const id = list?.columns.get('id');
    const share = list?.columns.get('share');
    if (!list || row === undefined || id === undefined || share === undefined) return undefined;
    const at = (col: number | undefined) => (col === undefined ? undefined : { row, col });
    const name = at(list.columns.get('name'));
    const avgDealSize = at(list.columns.get('avgDealSize'));
    return {
      id: { row, col: id },
      ...(name ? { name } : {}),
      share: { row, col: share },
      ...(avgDealSize ? { avgDealSize } : {}),
      rates: Object.fromEntries(list.keyColumns.map((k) => [k.key, { row, col: k.col }])),
    };
  };
  return {
    ...(name ? { name } : {}),
    revenueTarget: planCell('revenueTarget') as CellAt,
    currency: planCell('currency') as CellAt,
    handoffStage: planCell('handoffStage') as CellAt,
    stages: rates.keys.map((k) => ({ row: k.row, col: rates.title.col })),
    sources: sources.records.map((rec, i) => {
      const at = (id: SourceField): CellAt => ({ row: sources.rows.get(id) as number, col: rec.col });
      const rateCol = rates.records[i]?.col ?? rec.col;
      return {
        id: at('id'),
        name: at('name'),
        kind: at('kind'),
        share: at('share'),
        avgDealSize: at('avgDealSize'),
        entryStage: at('entryStage'),
        rates: valued.map((k) => ({ row: k.row, col: rateCol })),
        channels: (channelRows[i] ?? []).map(channelCells).filter((c): c is ChannelCells => c !== undefined),
      };
    }),
    ...(sources.totalCol ? { shareTotal: { row: shareRow, col: sources.totalCol } } : {}),
    ...(headcount ? { headcount } : {}),
    ...(bonus ? { bonus } : {}),
  };
}

/** Where a fresh Inputs sheet puts everything, for this many stages and sources. */
export function inputsGeometry(stageCount: number, sourceCount: number): InputsGeometry {
  const content = { records: sourceCount, keys: Array.from({ length: stageCount }, (_, k) => ({ key: `s${k}` })), cell: () => null };
  // Only the first three tables: the sections after them place nothing the formulas read.
  const { places } = writeTables([PLAN_TABLE, SOURCES_TABLE, RATES_TABLE], { plan: content, sources: content, rates: content }, new Grid(), {
    lang: 'en',
    sheet: SHEET.inputs,
    formats: {},
    startRow: INPUTS_FIRST_TABLE_ROW,
  });
  return geometryFromPlaces(places);
}

export function inputsRef(cell: CellAt): string {
  return sheetRef(SHEET.inputs, cell.row, cell.col);
}

/** The span of some cells (a row of sources, the column of stages): what a named range or a SUM covers. */
export function spanOf(cells: readonly CellAt[]): Area {
  return cells.length === 0 ? area(1, 1) : spanArea(cells);
}

/** One field of every source: its cells (`kind`, `share`…). */
export function sourceCells(g: InputsGeometry, field: SourceField): CellAt[] {
  return g.sources.map((s) => s[field]);
}

/**
 * `SUMIF(Inputs!kinds,"marketing",sum)` for sums laid out like the sources, one cell each.
 * When a blank column sits between sources on the Inputs sheet, the two ranges would differ in
 * size: then one SUMIF per source, added.
 */
export function sumIfKind(g: InputsGeometry, kind: string, sumCells: readonly string[], sumSpan: string): string {
  const kinds = sourceCells(g, 'kind');
  if (isLine(kinds) && spanArea(kinds).rows === 1) return `SUMIF(${sheetAreaRef(SHEET.inputs, spanOf(kinds))},${kind},${sumSpan})`;
  return kinds.map((cell, j) => `SUMIF(${inputsRef(cell)},${kind},${sumCells[j]})`).join('+');
}

/** Stage k's position in the Stages range: a number while the stage rows are contiguous, else a MATCH. */
export function stagePosition(g: InputsGeometry, k: number): string {
  return isLine(g.stages) ? String(k + 1) : `MATCH(${inputsRef(g.stages[k])},Stages,0)`;
}
