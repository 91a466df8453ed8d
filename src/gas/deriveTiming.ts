/**
 * Derive rates from History, beside the rates: the timing the plan takes from the History
 * sheet's won records under the rules of core/history/historyTiming.ts, the same as
 * `plan --rates-from` applies to a plan input — so Generate on the Sheet and the CLI on the same
 * export plan the same months:
 *
 * - Stage days: each blank Stage days cell of a source's stage gets the export's median; a typed
 *   one (or a formula) is never overwritten.
 * - Lag: each lag measured from enough won records goes into the source's cell of the "Lag to
 *   won (from history)" section as "1, 2, 3, 4", replacing what the cell held (listed on History
 *   summary); Generate reads it back as `sources[].lag`.
 * - Seasonality: "history" typed in the Seasonality row becomes the won dates per FY month.
 *
 * An Inputs sheet without a Stage days or Lag section (written before it existed) gets the
 * section added below its last row; nothing above is moved.
 */
import { FedLag, fiscalYearStartMonth, historySeasonality, historyTiming, lagFeed } from '../core/history/historyTiming';
import type { PolicySource } from '../core/history/historyPolicy';
import type { HistoryResult } from '../core/history/historyTypes';
import { messages } from '../core/i18n/catalogue';
import { isRecord } from '../core/isRecord';
import { stageLabel, type Lang } from '../core/stages';
import { DAYS_FORMAT, STYLE, TEXT_FORMAT } from '../workbook/formats';
import { Grid } from '../workbook/grid';
import type { InputsFeed } from '../workbook/inputsFeed';
import { text } from '../workbook/labels';
import type { FedTiming } from '../workbook/layouts/historySummaryLayout';
import { INPUTS_TABLES, LAG_TABLE, STAGE_DAYS_TABLE } from '../workbook/tables/inputsTables';
import type { CellAt, TablePlace, TableSpec } from '../workbook/tables/tableSpec';
import type { Block, Cell, CellValue, ValidationRule } from '../workbook/port';
import { writeTables } from '../workbook/tables/writeTables';
import { SHEET } from '../workbook/layouts/sheetNames';

/** A section the sheet lacks, with the values it would be added with: by source index, then stage. */
export interface MissingSection {
  readonly spec: TableSpec;
  readonly values: ReadonlyMap<number, ReadonlyMap<string, CellValue>>;
}

export interface TimingFeed {
  /** What went in, for History summary. */
  readonly fed: readonly FedTiming[];
  /** Notes (too few won records for a lag…) and what was filled, in words, as the CLI words them. */
  readonly lines: readonly string[];
  readonly missing: readonly MissingSection[];
}

/** The cell of record j, stage `stage` in a keyed section; undefined when the sheet has no such row or column. */
function keyedCell(place: TablePlace, j: number, stage: string): CellAt | undefined {
  const row = place.keys.find((k) => k.key === stage)?.row;
  const col = place.records[j]?.col;
  return row === undefined || col === undefined ? undefined : { row, col };
}

/** Every value cell of a keyed section (its last row, the won stage, holds a marker). */
function keyedCells(place: TablePlace): CellAt[] {
  return place.keys.slice(0, -1).flatMap((k) => place.records.map((r) => ({ row: k.row, col: r.col })));
}

/**
 * Feeds the timing into `cells` (sections found on the sheet) or into the sections to add.
 * `input` is the plan as read from Inputs; `sources` the policy's plan sources, in order.
 */
export function feedTiming(
  input: Record<string, unknown>,
  places: ReadonlyMap<string, TablePlace>,
  stages: readonly string[],
  sources: readonly PolicySource[],
  result: HistoryResult,
  cells: InputsFeed,
  lang: Lang,
): TimingFeed {
  const t = messages(lang).history;
  const raw = (input.sources as Record<string, unknown>[] | undefined) ?? [];
  const timing = historyTiming({
    stages,
    sources: sources.map((s, j) => ({
      id: s.id,
      ...(s.entryStage !== undefined ? { entryStage: s.entryStage } : {}),
      ...(isRecord(raw[j]?.stageDays) ? { stageDays: raw[j].stageDays as Record<string, unknown> } : {}),
    })),
    result,
  });
  const fed: FedTiming[] = [];
  const missing: MissingSection[] = [];
  const index = (source: string) => sources.findIndex((s) => s.id === source);

  /** Puts per-source, per-stage values into a keyed section, or into the section to add. */
  const feedKeyed = <T extends { readonly source: string; readonly stage: string }>(
    spec: TableSpec,
    items: readonly T[],
    value: (item: T) => CellValue,
    record: (item: T, previous: CellValue) => FedTiming,
  ) => {
    if (items.length === 0) return;
    const place = places.get(spec.id);
    if (!place) {
      const values = new Map<number, Map<string, CellValue>>();
      for (const item of items) {
        const j = index(item.source);
        if (!values.has(j)) values.set(j, new Map());
        values.get(j)!.set(item.stage, value(item));
        fed.push(record(item, null));
      }
      missing.push({ spec, values });
      return;
    }
    const section = cells.section(keyedCells(place));
    for (const item of items) {
      const cell = keyedCell(place, index(item.source), item.stage);
      if (!cell) continue; // a stage row the user deleted from the section: nothing to fill
      fed.push(record(item, cells.previous(cell)));
      section.set(cell, value(item));
    }
  };

  feedKeyed(STAGE_DAYS_TABLE, timing.stageDays, (f) => f.days, (f, previous) => ({ planSource: f.source, stage: f.stage, kind: 'stageDays', previous, value: f.days, sample: f.sample }));
  const lagText = (l: FedLag) => l.counts.join(', ');
  const lags = lagFeed(timing);
  feedKeyed(LAG_TABLE, lags, lagText, (l, previous) => ({ planSource: l.source, stage: l.stage, kind: 'lag', previous, value: lagText(l), sample: l.sample }));

  const lines = [
    ...timing.notes.map((n) => t.lagSmallSample(n.source, n.stage, n.sample, n.min)),
    ...timing.stageDays.map((f) => t.stageDaysFilled(f.source, f.stage, f.days)),
    ...lags.map((l) => t.lagFilled(l.source, l.stage, lagText(l), l.sample)),
  ];

  // Seasonality "history" (readInputs reads the word typed in the Seasonality row so).
  const rawTiming = isRecord(input.timing) ? input.timing : undefined;
  const season = places.get('seasonality');
  if (rawTiming?.seasonality === 'history' && season) {
    const month = fiscalYearStartMonth(rawTiming);
    const weights = month === undefined ? undefined : historySeasonality(result, month);
    const row = season.rows.get('weight');
    if (month !== undefined && !weights) lines.push(t.seasonalityNoWon);
    if (weights && row !== undefined && season.records.length === 12) {
      const weightCells = season.records.map((r) => ({ row, col: r.col }));
      const marker = weightCells.map((c) => cells.previous(c)).find((v) => v !== null && v !== '') ?? null;
      const section = cells.section(weightCells);
      weightCells.forEach((cell, m) => section.set(cell, weights[m]));
      fed.push({ planSource: '', stage: '', kind: 'seasonality', previous: marker, value: weights.join(', '), sample: weights.reduce((a, b) => a + b, 0) });
      lines.push(t.seasonalityFilled(weights.join(', ')));
    }
  }
  return { fed, lines, missing };
}

/**
 * The sections an older Inputs sheet lacks, written from `startRow` down (below its last row and
 * a blank one) as a fresh sheet has them, holding what Derive fed: one block and its validations.
 */
export function appendSections(
  missing: readonly MissingSection[],
  startRow: number,
  input: Record<string, unknown>,
  stages: readonly string[],
  lang: Lang,
): { block: Block; validations: readonly ValidationRule[] } {
  const sourceCount = ((input.sources as unknown[] | undefined) ?? []).length;
  const grid = new Grid();
  // In the order a fresh sheet has them.
  const specs = INPUTS_TABLES.filter((spec) => missing.some((m) => m.spec.id === spec.id));
  const won: Cell = { value: text('wonStage', lang), style: STYLE.muted };
  const contents = Object.fromEntries(
    missing.map((m) => [
      m.spec.id,
      {
        records: sourceCount,
        keys: stages.map((stage) => ({ key: stage, note: stageLabel(stage, lang) })),
        cell: (stage: string, j: number): CellValue | Cell => (stage === stages[stages.length - 1] ? won : (m.values.get(j)?.get(stage) ?? null)),
      },
    ]),
  );
  const { validations } = writeTables(specs, contents, grid, { lang, sheet: SHEET.inputs, formats: { days: DAYS_FORMAT, text: TEXT_FORMAT }, startRow });
  const whole = grid.toBlock();
  return { block: { row: startRow, col: 1, cells: whole.cells.slice(startRow - 1) }, validations };
}
