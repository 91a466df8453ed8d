/**
 * A sheet as a layout computes it: blocks of cells plus the sheet-level extras, all
 * pure data. `writeLayout` sends it through a WorkbookPort in a fixed number of calls,
 * whatever the number of sources or stages.
 */
import { areaAddress } from './a1';
import { fingerprintSheet } from './fingerprint';
import { type ChartSpec, ruleAreas } from './sheetTypes';
import type { Block, ChartSwap, ConditionalFormatRule, NamedRange, OwnerMarker, ValidationRule, WorkbookPort } from './port';

export interface SheetLayout {
  readonly name: string;
  /** Which layout: "inputs", "funnel", "summary"… (stored in the owner marker). */
  readonly kind: string;
  readonly blocks: readonly Block[];
  readonly frozenRows: number;
  readonly frozenCols: number;
  /** Pixels, from column 1. */
  readonly columnWidths: readonly number[];
  readonly namedRanges: readonly NamedRange[];
  readonly validations: readonly ValidationRule[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  /**
   * Absent: the sheet never has charts. A layout whose sheet has charts only sometimes (the
   * Confidence sheet, without a simulation) declares `[]` then, so a regenerate removes the
   * charts an earlier run put there.
   */
  readonly charts?: readonly ChartSpec[];
}

export interface LayoutStamp {
  readonly version: string;
  /** YYYY-MM-DD; passed in, the core has no clock. */
  readonly generatedOn: string;
}

/**
 * The digest of a sheet as this layout writes it (fingerprint.ts): its cells, validations,
 * conditional formats and, where the workbook holds charts, its charts.
 */
export function fingerprintLayout(layout: SheetLayout, options: { readonly charts: boolean }): string {
  return fingerprintSheet(layout.blocks, {
    validated: layout.validations.map((v) => areaAddress(v.area)),
    conditionalFormats: layout.conditionalFormats.map((r) => ({ kind: r.kind === 'colorScale' ? 'gradient' : 'boolean', ranges: ruleAreas(r).map((a) => areaAddress(a)) })),
    charts: options.charts
      ? (layout.charts ?? []).map((c) => ({ title: c.title, row: c.anchor.row, col: c.anchor.col, offsetX: 0, offsetY: 0, ranges: [areaAddress(c.data)] }))
      : [],
  });
}

/** The marker of a sheet written from this layout through `port` (which tells whether the charts are there). */
export function ownerMarker(layout: SheetLayout, stamp: LayoutStamp, port: Pick<WorkbookPort, 'setCharts'>): OwnerMarker {
  return { kind: layout.kind, version: stamp.version, generatedOn: stamp.generatedOn, fingerprint: fingerprintLayout(layout, { charts: port.setCharts !== undefined }) };
}

/** Writes a layout into an existing, empty sheet of the same name. */
export function writeLayout(port: WorkbookPort, layout: SheetLayout, stamp: LayoutStamp): void {
  for (const block of layout.blocks) port.writeBlock(layout.name, block);
  writeSheetExtras(port, layout, stamp)?.commit();
}

/**
 * Everything but the cells: panes, widths, validation, conditional formats, charts and (unless
 * told otherwise) the owner marker. The new charts stand beside the previous ones until the
 * caller commits the swap returned (or undoes it when the run fails).
 */
export function writeSheetExtras(port: WorkbookPort, layout: SheetLayout, stamp: LayoutStamp, options: { readonly owner?: boolean } = {}): ChartSwap | undefined {
  port.setFrozen(layout.name, layout.frozenRows, layout.frozenCols);
  port.setColumnWidths(layout.name, layout.columnWidths);
  if (layout.validations.length > 0) port.setValidations(layout.name, layout.validations);
  if (layout.conditionalFormats.length > 0) port.setConditionalFormats(layout.name, layout.conditionalFormats);
  const charts = port.setCharts && layout.charts ? port.setCharts(layout.name, layout.charts) : undefined;
  if (options.owner !== false) port.setOwner(layout.name, ownerMarker(layout, stamp, port));
  return charts;
}
