/**
 * The Inputs sheet: every plan input in a labelled, shaded cell, laid out as the titled
 * tables of tables/inputsTables.ts (Plan, Sources, Conversion rates, Timing,
 * Seasonality, Stage days, Channels, Lag), with named ranges
 * (RevenueTarget, MarketingShare, Stages…), validation and notes. This is the sheet users edit;
 * the Funnel and Summary formulas read it.
 */
import { benchmarkBands } from '../../core/diagnosis/benchmarks';
import { marketingSources } from '../../core/funnelPlan';
import { type Fraction, fractionToNumber } from '../../core/fraction';
import { monthKey } from '../../core/time/fiscalYear';
import { stageLabel, type Lang } from '../../core/stages';
import type { ValidPlan } from '../../core/planInput';
import { areaAddress } from '../a1';
import { DAYS_FORMAT, PERCENT_FORMAT, STYLE, TEXT_FORMAT, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { Block, Cell, CellValue, ConditionalFormatRule, NamedRange, ValidationRule } from '../port';
import type { SheetLayout } from '../sheetLayout';
import { BONUS_TABLES, HEADCOUNT_TABLE, INPUTS_FIRST_TABLE_ROW, INPUTS_TABLES, ROLES_TABLE, SOURCE_KINDS, type ChannelField, type RoleField, type SourceField } from '../tables/inputsTables';
import type { TableSpec } from '../tables/tableSpec';
import { bonusRows } from '../bonusInputs';
import { headcountSection } from '../../core/headcount/planHeadcount';
import { DEFAULT_ROLE_IDS, defaultVertical } from '../../core/headcount/defaultRoles';
import type { ValidHeadcount, ValidRole } from '../../core/headcount/headcountTypes';
import { roleName } from '../../core/headcount/roleName';
import type { TableContent } from '../tables/writeTables';
import type { TablePlace } from '../tables/tableSpec';
import { writeTables } from '../tables/writeTables';
import { HeadcountCells, InputsGeometry, geometryFromPlaces, headcountCells, sourceCells, spanOf } from './inputsGeometry';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

export { SOURCE_KINDS };

const freshGeometry = new WeakMap<ValidPlan, InputsGeometry>();

/**
 * Where the Inputs sheet keeps each input: as read back from it, or where inputsLayout puts
 * them — with each channel's row of the Channels list when the plan has channels (the list
 * holds them source by source, in the plan's order).
 */
export function inputsGeometryOf(input: Pick<LayoutInput, 'plan' | 'inputsGeometry'>): InputsGeometry {
  if (input.inputsGeometry) return input.inputsGeometry;
  const { plan } = input;
  let g = freshGeometry.get(plan);
  if (!g) {
    const { places } = writeTables(inputsTablesOf(plan), inputsContents(plan, 'en'), new Grid(), { lang: 'en', sheet: SHEET.inputs, formats: {}, startRow: INPUTS_FIRST_TABLE_ROW });
    let next = 0;
    const bonusIndex = plan.bonus ? bonusRows(plan.bonus, 'en').index : undefined;
    g = geometryFromPlaces(places, plan.sources.map((s) => s.channels.map(() => next++)), bonusIndex);
    freshGeometry.set(plan, g);
  }
  return g;
}

/** The sections a fresh Inputs sheet has for this plan: the Bonus sections only with a pool. */
export function inputsTablesOf(plan: Pick<ValidPlan, 'bonus'>): readonly TableSpec[] {
  return plan.bonus ? INPUTS_TABLES : INPUTS_TABLES.filter((t) => !BONUS_TABLES.includes(t));
}

/** Each source's kind as the sheet shows it; "marketing" filled in where the engine infers it. */
export function effectiveKinds(input: Pick<LayoutInput, 'plan'>): string[] {
  const marketing = marketingSources(input.plan.sources);
  return input.plan.sources.map((s) => s.kind ?? (marketing.includes(s.id) ? 'marketing' : ''));
}

/** A lag distribution as its Inputs cell shows it: the weights by month, "1, 2, 3, 4" (readInputs reads it back). */
export function lagText(lag: readonly Fraction[]): string {
  return lag.map((w) => String(Number(fractionToNumber(w).toPrecision(15)))).join(', ');
}

/** How many Ramp month columns the Roles list gets: the longest ramp, and room to lengthen one. */
export const MIN_RAMP_COLUMNS = 6;

/** A month as the sheet shows it, "2026-10". */
function monthText(month: { readonly year: number; readonly month: number }): string {
  return `${month.year}-${String(month.month).padStart(2, '0')}`;
}

/** A role's cells in the Roles list, as readInputs reads them back into the same role. */
function roleValue(role: ValidRole, field: RoleField, sourceIds: readonly string[], lang: Lang): CellValue {
  const d = role.driver;
  switch (field) {
    case 'id':
      return role.id;
    case 'name':
      // A default role's name shows in the sheet's language; readInputs reads any language's back as "no name of its own".
      return role.name ?? ((DEFAULT_ROLE_IDS as readonly string[]).includes(role.id) ? roleName(role, lang) : null);
    case 'driver':
      return d.kind;
    case 'driverValue':
      return d.kind === 'stage' ? d.stage : d.kind === 'accounts' ? d.existing : d.kind === 'fixed' ? d.fte : d.per;
    case 'driverOf':
      if (d.kind === 'span' || d.kind === 'ratio') return d.of.join(', ');
      // Blank means every source: a source added later counts too, as it would with the default.
      if (d.kind === 'stage') return d.sources.length === sourceIds.length && d.sources.every((id, i) => id === sourceIds[i]) ? null : d.sources.join(', ');
      return null;
    case 'capacityPerMonth':
      return role.capacityPerMonth ?? null;
    case 'attritionPerYear':
      return role.attritionPerYear;
    case 'hireLeadMonths':
      return role.hireLeadMonths;
    case 'monthlyCost':
      return role.monthlyCost;
    case 'current':
      return role.current;
  }
}

/** A list of fractions as a text cell shows it: "0, 0.15, 0.3" (readInputs splits it). */
function numberList(values: readonly number[]): string {
  return values.map((v) => String(Number(v.toPrecision(15)))).join(', ');
}

/**
 * The vertical structure's cells of the Headcount section: blank where the plan's full-cycle rep
 * is the default one (defaultRoles.ts, which follows the roles), its own value where it differs,
 * "none" when the plan compares with no vertical structure.
 */
function verticalValue(headcount: ValidHeadcount, id: string, lang: Lang): CellValue {
  const v = headcount.vertical;
  const fallback = defaultVertical(headcount.roles);
  const none = text('noneWord', lang);
  const same = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (id === 'verticalReplaces') {
    if (!v) return fallback ? none : null;
    return fallback && same(v.replaces, fallback.replaces) ? null : v.replaces.join(', ');
  }
  if (!v) return null;
  switch (id) {
    case 'verticalDriver':
      return v.driver.kind === 'stage' && !(fallback?.driver.kind === 'stage' && fallback.driver.stage === v.driver.stage) ? v.driver.stage : null;
    case 'verticalCapacity':
      return v.capacityPerMonth ?? null;
    case 'verticalRamp':
      return fallback && same(v.ramp, fallback.ramp) ? null : v.ramp.length === 0 ? none : numberList(v.ramp);
    case 'verticalAttrition':
      return fallback?.attritionPerYear === v.attritionPerYear ? null : v.attritionPerYear;
    case 'verticalLead':
      return fallback?.hireLeadMonths === v.hireLeadMonths ? null : v.hireLeadMonths;
    case 'verticalCost':
      return fallback?.monthlyCost === v.monthlyCost ? null : v.monthlyCost;
    case 'verticalCurrent':
      return fallback?.current === v.current ? null : v.current;
  }
  return null;
}

/** A rate as the percent a user types: 0.3 → "30%", 0.125 → "12.5%". */
const percentOf = (x: number): string => `${Number((x * 100).toPrecision(12))}%`;

/** What goes in each table's cells, for inputsLayout. */
function inputsContents(plan: ValidPlan, lang: Lang): Record<string, TableContent> {
  const kinds = effectiveKinds({ plan });
  const planValues: Record<string, CellValue> = {
    name: plan.name ?? '',
    revenueTarget: plan.revenueTarget.value,
    currency: plan.currency,
    handoffStage: plan.handoffStage ?? '',
  };
  const sourceValue = (field: SourceField, j: number): CellValue => {
    const s = plan.sources[j];
    if (field === 'kind') return kinds[j];
    if (field === 'share' || field === 'avgDealSize') return s[field].value;
    return s[field];
  };
  const shareTotal = plan.sources.reduce((sum, s) => sum + s.share.value, 0);
  const last = plan.stages.length - 1;
  const timing = plan.timing;
  const timingValues: Record<string, CellValue> = {
    fiscalYearStart: timing.fiscalYearStart ? monthKey(timing.fiscalYearStart, 0) : '',
    nextYearGrowth: timing.nextYearGrowthValue,
    holidays: timing.holidays.join(', '),
  };
  const channels = plan.sources.flatMap((source) => source.channels.map((channel) => ({ source, channel })));
  const channelValue = (field: ChannelField, j: number): CellValue => {
    const { source, channel } = channels[j];
    if (field === 'source') return source.id;
    if (field === 'share' || field === 'costPerLead') return channel[field]?.value ?? null;
    // Blank unless the channel has its own: the source's is inherited.
    if (field === 'avgDealSize') return channel.own.avgDealSize?.value ?? null;
    return channel[field];
  };
  const rateStages = plan.stages.slice(0, -1);
  const bands = Object.entries(benchmarkBands(plan.stages, plan.benchmarks));
  const wonMarker = (): Cell => ({ value: text('wonStage', lang), style: STYLE.muted });
  const headcount = headcountSection(plan);
  const roles = headcount.roles;
  const sourceIds = plan.sources.map((s) => s.id);
  const bonus = plan.bonus ? bonusRows(plan.bonus, lang) : undefined;
  const bonusLists = Object.fromEntries(
    Object.entries(bonus?.lists ?? {}).map(([id, rows]): [string, TableContent] => [id, { records: rows.length, cell: (field, j) => rows[j][field] ?? null }]),
  );
  return {
    ...bonusLists,
    bonus: { cell: (id) => bonus?.settings[id] ?? null },
    headcount: { cell: (id) => (id === 'planStart' ? (headcount.planStart ? monthText(headcount.planStart) : null) : verticalValue(headcount, id, lang)) },
    roles: {
      records: roles.length,
      cell: (id, j) => roleValue(roles[j], id as RoleField, sourceIds, lang),
      numbered: Math.max(MIN_RAMP_COLUMNS, ...roles.map((r) => r.ramp.length)),
      numberedCell: (n, j) => roles[j].ramp[n - 1] ?? null,
    },
    timing: { cell: (id) => timingValues[id] ?? null },
    seasonality: {
      records: 12,
      cell: (_id, m) => (timing.seasonalityGiven ? Number(fractionToNumber(timing.seasonality[m]).toPrecision(15)) : null),
    },
    stageDays: {
      records: plan.sources.length,
      keys: plan.stages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
      cell: (stage, j): CellValue | Cell => {
        if (plan.stages.indexOf(stage) === last) return wonMarker();
        const days = plan.sources[j].stageDays?.[stage];
        return days ? Number(fractionToNumber(days).toPrecision(15)) : null;
      },
    },
    ranges: {
      records: plan.sources.length,
      keys: plan.stages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
      cell: (stage, j): CellValue | Cell => {
        if (plan.stages.indexOf(stage) === last) return wonMarker();
        const range = plan.sources[j].conversionRanges?.[stage];
        return range ? `${percentOf(range.low)}, ${percentOf(range.high)}` : null;
      },
    },
    benchmarks: {
      records: bands.length,
      cell: (id, j) => (id === 'stage' ? bands[j][0] : bands[j][1][id as 'low' | 'high']),
    },
    dealSpread: {
      records: plan.sources.length,
      cell: (_id, j) => plan.sources[j].dealSizeCv ?? null,
    },
    channels: {
      records: channels.length,
      cell: (id, j) => channelValue(id as ChannelField, j),
      columnKeys: rateStages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
      keyCell: (stage, j) => channels[j].channel.own.conversionRates[stage]?.value ?? null,
    },
    lag: {
      records: plan.sources.length,
      keys: plan.stages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
      cell: (stage, j): CellValue | Cell => {
        if (plan.stages.indexOf(stage) === last) return wonMarker();
        const lag = plan.sources[j].lag?.[stage];
        return lag ? lagText(lag) : null;
      },
    },
    plan: { cell: (id) => planValues[id] ?? null },
    sources: {
      records: plan.sources.length,
      cell: (id, j) => sourceValue(id as SourceField, j),
      total: (id, records): Cell | undefined =>
        id === 'share' ? { formula: `SUM(${areaAddress(records)})`, value: Number(shareTotal.toPrecision(15)), format: PERCENT_FORMAT, style: STYLE.total } : undefined,
    },
    rates: {
      records: plan.sources.length,
      keys: plan.stages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
      cell: (stage, j): CellValue | Cell => {
        const k = plan.stages.indexOf(stage);
        if (k === last) return { value: text('wonStage', lang), style: STYLE.muted };
        const source = plan.sources[j];
        const rate = source.conversionRates[stage];
        return k >= plan.stages.indexOf(source.entryStage) && rate ? rate.value : null;
      },
    },
  };
}

export function inputsLayout(input: LayoutInput): SheetLayout {
  const { plan, lang, stamp } = input;
  const t = (key: Parameters<typeof text>[0], params?: Record<string, string | number>) => text(key, lang, params);
  const grid = new Grid();
  const cents = plan.sources.some((s) => !Number.isInteger(s.avgDealSize.value));

  grid.set(1, 1, { value: t('inputsTitle'), style: STYLE.title });
  grid.set(2, 1, { value: t('inputsHelp'), style: STYLE.help });
  grid.set(3, 1, { value: t('generated', { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });
  // A fresh Inputs sheet always has the standard layout, whatever an older one had.
  const { places, validations } = writeTables(inputsTablesOf(plan), inputsContents(plan, lang), grid, {
    lang,
    sheet: SHEET.inputs,
    formats: { percent: PERCENT_FORMAT, money: moneyFormat(plan.currency), dealMoney: moneyFormat(plan.currency, cents), days: DAYS_FORMAT, text: TEXT_FORMAT },
    startRow: INPUTS_FIRST_TABLE_ROW,
  });
  const g = geometryFromPlaces(places);
  const conditionalFormats: ConditionalFormatRule[] = g.shareTotal
    ? [{ area: spanOf([g.shareTotal]), kind: 'notEqual', value: 1, background: '#fce8e6', color: '#c5221f' }]
    : [];

  return {
    name: SHEET.inputs,
    kind: 'inputs',
    blocks: [grid.toBlock()],
    frozenRows: 0,
    frozenCols: 1,
    columnWidths: [230, ...plan.sources.map(() => 150), 90],
    namedRanges: inputsNamedRanges(g, effectiveKinds(input)),
    validations,
    conditionalFormats,
  };
}

/** The Inputs sheet's named ranges for cells at `g`: written with the sheet, and re-pointed on each Generate. */
export function inputsNamedRanges(g: InputsGeometry, kinds: readonly string[]): NamedRange[] {
  const named = (name: string, cells: InputsGeometry['stages']): NamedRange => ({ name, sheet: SHEET.inputs, area: spanOf(cells) });
  const ranges: NamedRange[] = [
    named('RevenueTarget', [g.revenueTarget]),
    named('Currency', [g.currency]),
    named('HandoffStage', [g.handoffStage]),
    named('Stages', g.stages),
    named('SourceIds', sourceCells(g, 'id')),
    named('SourceKinds', sourceCells(g, 'kind')),
    named('Shares', sourceCells(g, 'share')),
    named('DealSizes', sourceCells(g, 'avgDealSize')),
  ];
  const firstMarketing = kinds.findIndex((k) => k.toLowerCase() === 'marketing');
  if (firstMarketing >= 0 && g.sources[firstMarketing]) ranges.push(named('MarketingShare', [g.sources[firstMarketing].share]));
  return ranges;
}

/**
 * The Headcount and Roles sections for an Inputs sheet written before they existed, from
 * `startRow` down (below its last row and a blank one) as a fresh sheet has them, holding the
 * plan's roles as used (the defaults): one block, its validations and where the roles' cells are,
 * so Generate adds them to the user's sheet without moving anything above and the Headcount
 * sheet's formulas can read them.
 */
export function headcountSections(
  plan: ValidPlan,
  lang: Lang,
  startRow: number,
  found: ReadonlyMap<string, TablePlace> = new Map(),
): { block: Block; validations: readonly ValidationRule[]; cells: HeadcountCells } {
  const grid = new Grid();
  const contents = inputsContents(plan, lang);
  // A Headcount section the sheet has already (its plan start typed) stays the one read.
  const specs = found.has(HEADCOUNT_TABLE.id) ? [ROLES_TABLE] : [HEADCOUNT_TABLE, ROLES_TABLE];
  const { places, validations } = writeTables(specs, contents, grid, {
    lang,
    sheet: SHEET.inputs,
    formats: { percent: PERCENT_FORMAT, money: moneyFormat(plan.currency), text: TEXT_FORMAT },
    startRow,
  });
  const whole = grid.toBlock();
  return { block: { row: startRow, col: 1, cells: whole.cells.slice(startRow - 1) }, validations, cells: headcountCells(new Map([...found, ...places]))! };
}
