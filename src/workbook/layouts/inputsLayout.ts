/**
 * The Inputs sheet: every plan input in a labelled, shaded cell, with named ranges
 * (RevenueTarget, MarketingShare, Stages…), validation and notes. This is the sheet users edit;
 * the Funnel and Summary formulas read it.
 */
import { marketingSources } from '../../core/funnelPlan';
import { stageLabel } from '../../core/stages';
import { area, areaAddress } from '../a1';
import { PERCENT_FORMAT, STYLE, moneyFormat } from '../formats';
import { Grid } from '../grid';
import { text } from '../labels';
import type { Cell, ConditionalFormatRule, NamedRange, ValidationRule } from '../port';
import type { SheetLayout } from '../sheetLayout';
import { InputsGeometry, VALUE_COL, inputsGeometry, sourceCol, stageRow } from './inputsGeometry';
import type { LayoutInput } from './layoutInput';
import { SHEET } from './sheetNames';

export const SOURCE_KINDS: readonly string[] = ['marketing', 'sales', 'partner', 'expansion', 'other'];

export function inputsGeometryOf(input: Pick<LayoutInput, 'plan' | 'inputsGeometry'>): InputsGeometry {
  return input.inputsGeometry ?? inputsGeometry(input.plan.stages.length, input.plan.sources.length);
}

/** Each source's kind as the sheet shows it; "marketing" filled in where the engine infers it. */
export function effectiveKinds(input: Pick<LayoutInput, 'plan'>): string[] {
  const marketing = marketingSources(input.plan.sources);
  return input.plan.sources.map((s) => s.kind ?? (marketing.includes(s.id) ? 'marketing' : ''));
}

export function inputsLayout(input: LayoutInput): SheetLayout {
  const { plan, lang, stamp } = input;
  // A fresh Inputs sheet always has the standard rows, whatever an older one had.
  const g = inputsGeometry(plan.stages.length, plan.sources.length);
  const t = (key: Parameters<typeof text>[0], params?: Record<string, string | number>) => text(key, lang, params);
  const grid = new Grid();
  const label = (row: number, key: Parameters<typeof text>[0], note?: Parameters<typeof text>[0]): void => {
    grid.set(row, 1, { value: t(key), style: STYLE.label, ...(note ? { note: t(note) } : {}) });
  };
  const inputCell = (value: Cell['value'], format?: string): Cell => ({ value, style: STYLE.input, ...(format ? { format } : {}) });
  const cents = plan.sources.some((s) => !Number.isInteger(s.avgDealSize.value));
  const money = moneyFormat(plan.currency, cents);

  grid.set(1, 1, { value: t('inputsTitle'), style: STYLE.title });
  grid.set(2, 1, { value: t('inputsHelp'), style: STYLE.help });
  grid.set(3, 1, { value: t('generated', { version: stamp.version, date: stamp.generatedOn }), style: STYLE.generated });

  grid.set(5, 1, { value: t('sectionPlan'), style: STYLE.section });
  label(g.name, 'name');
  grid.set(g.name, VALUE_COL, inputCell(plan.name ?? ''));
  label(g.revenueTarget, 'revenueTarget', 'noteRevenueTarget');
  grid.set(g.revenueTarget, VALUE_COL, inputCell(plan.revenueTarget.value, moneyFormat(plan.currency)));
  label(g.currency, 'currency');
  grid.set(g.currency, VALUE_COL, inputCell(plan.currency));
  label(g.handoffStage, 'handoffStage', 'noteHandoff');
  grid.set(g.handoffStage, VALUE_COL, inputCell(plan.handoffStage ?? ''));

  grid.set(g.sourcesHeader, 1, { value: t('sectionSources'), style: STYLE.section });
  label(g.sourceId, 'sourceId');
  label(g.sourceName, 'sourceName');
  label(g.kind, 'kind', 'noteKind');
  label(g.share, 'share', 'noteShare');
  label(g.avgDealSize, 'avgDealSize', 'noteDeal');
  label(g.entryStage, 'entryStage', 'noteEntry');
  const kinds = effectiveKinds(input);
  plan.sources.forEach((source, i) => {
    const col = sourceCol(g, i);
    grid.set(g.sourcesHeader, col, { value: t('sourceNumber', { n: i + 1 }), style: STYLE.header });
    grid.set(g.sourceId, col, inputCell(source.id));
    grid.set(g.sourceName, col, inputCell(source.name));
    grid.set(g.kind, col, inputCell(kinds[i]));
    grid.set(g.share, col, inputCell(source.share.value, PERCENT_FORMAT));
    grid.set(g.avgDealSize, col, inputCell(source.avgDealSize.value, money));
    grid.set(g.entryStage, col, inputCell(source.entryStage));
    const entry = plan.stages.indexOf(source.entryStage);
    plan.stages.forEach((stage, k) => {
      if (k === plan.stages.length - 1) {
        grid.set(stageRow(g, k), col, { value: t('wonStage'), style: STYLE.muted });
      } else {
        const rate = source.conversionRates[stage];
        grid.set(stageRow(g, k), col, inputCell(k >= entry && rate ? rate.value : null, PERCENT_FORMAT));
      }
    });
  });
  const shareTotal = plan.sources.reduce((sum, s) => sum + s.share.value, 0);
  grid.set(g.sourcesHeader, g.totalCol, { value: t('total'), style: STYLE.header });
  grid.set(g.share, g.totalCol, {
    formula: `SUM(${areaAddress(area(g.share, g.firstSourceCol, 1, g.sourceCount))})`,
    value: Number(shareTotal.toPrecision(15)),
    format: PERCENT_FORMAT,
    style: STYLE.total,
  });

  grid.set(g.ratesHeader, 1, { value: t('sectionRates'), style: STYLE.section, note: t('noteRates') });
  plan.stages.forEach((stage, k) => {
    grid.set(stageRow(g, k), 1, { value: stage, note: stageLabel(stage, lang) });
  });

  const sourcesArea = (row: number) => area(row, g.firstSourceCol, 1, g.sourceCount);
  const stagesArea = area(g.firstStage, 1, g.stageCount, 1);
  const namedRanges = inputsNamedRanges(g, kinds);

  const validations: ValidationRule[] = [
    { area: area(g.revenueTarget, VALUE_COL), kind: 'number', greaterThan: 0, help: text('noteRevenueTarget', lang) },
    { area: area(g.handoffStage, VALUE_COL), kind: 'listFromRange', sheet: SHEET.inputs, source: stagesArea, help: text('noteHandoff', lang) },
    { area: sourcesArea(g.kind), kind: 'list', values: SOURCE_KINDS, help: text('noteKind', lang) },
    { area: sourcesArea(g.share), kind: 'number', min: 0, max: 1, help: text('noteShare', lang) },
    { area: sourcesArea(g.avgDealSize), kind: 'number', greaterThan: 0, help: text('noteDeal', lang) },
    { area: sourcesArea(g.entryStage), kind: 'listFromRange', sheet: SHEET.inputs, source: stagesArea, help: text('noteEntry', lang) },
    { area: area(g.firstStage, g.firstSourceCol, g.stageCount - 1, g.sourceCount), kind: 'number', min: 0, max: 1, help: text('noteRates', lang) },
  ];
  const conditionalFormats: ConditionalFormatRule[] = [
    { area: area(g.share, g.totalCol), kind: 'notEqual', value: 1, background: '#fce8e6', color: '#c5221f' },
  ];

  return {
    name: SHEET.inputs,
    kind: 'inputs',
    blocks: [grid.toBlock()],
    frozenRows: 0,
    frozenCols: 1,
    columnWidths: [230, ...plan.sources.map(() => 150), 90],
    namedRanges,
    validations,
    conditionalFormats,
  };
}

/** The Inputs sheet's named ranges for rows at `g`: written with the sheet, and re-pointed on each Generate. */
export function inputsNamedRanges(g: InputsGeometry, kinds: readonly string[]): NamedRange[] {
  const sourcesArea = (row: number) => area(row, g.firstSourceCol, 1, g.sourceCount);
  const ranges: NamedRange[] = [
    { name: 'RevenueTarget', sheet: SHEET.inputs, area: area(g.revenueTarget, VALUE_COL) },
    { name: 'Currency', sheet: SHEET.inputs, area: area(g.currency, VALUE_COL) },
    { name: 'HandoffStage', sheet: SHEET.inputs, area: area(g.handoffStage, VALUE_COL) },
    { name: 'Stages', sheet: SHEET.inputs, area: area(g.firstStage, 1, g.stageCount, 1) },
    { name: 'SourceIds', sheet: SHEET.inputs, area: sourcesArea(g.sourceId) },
    { name: 'SourceKinds', sheet: SHEET.inputs, area: sourcesArea(g.kind) },
    { name: 'Shares', sheet: SHEET.inputs, area: sourcesArea(g.share) },
    { name: 'DealSizes', sheet: SHEET.inputs, area: sourcesArea(g.avgDealSize) },
  ];
  const firstMarketing = kinds.findIndex((k) => k.toLowerCase() === 'marketing');
  if (firstMarketing >= 0) ranges.push({ name: 'MarketingShare', sheet: SHEET.inputs, area: area(g.share, sourceCol(g, firstMarketing)) });
  return ranges;
}
