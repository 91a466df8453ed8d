/**
 * `plan --rates-from EXPORT`: the plan's conversion rates taken from a CRM export. Its
 * sources are grouped into plan sources (history.sourceMap, the rest to
 * history.unmappedSource / --unmapped-source) while the file streams, then each plan source
 * gets its group's mature rates (or all-record rates with --all-records).
 */
import { AppliedRate, applyHistoryRates, historyGrouping } from '../core/history/applyHistoryRates';
import { readHistoryPlanOptions } from '../core/history/historyPlanOptions';
import type { HistoryResult } from '../core/history/historyTypes';
import type { DateOrder } from '../core/history/parseHistoryDate';
import type { PlanInput } from '../core/planInput';
import type { Lang } from '../core/stages';
import { DEFAULT_STAGES } from '../core/stages';
import { formatFieldError } from '../core/fieldError';
import { InputError } from './cliError';
import { readHistoryExport } from './history/readHistoryExport';
import { isRecord } from '../core/isRecord';
import { cliMessages } from './i18n/cliCatalogue';

export interface RatesFromFlags {
  readonly unmappedSource?: string;
  readonly allRecords?: boolean;
  /** --map stage=Column, added to history.stageColumns. */
  readonly map?: Readonly<Record<string, string>>;
  readonly sourceColumn?: string;
  /** --date-order: how a/b/yyyy dates read (default: detected per column). */
  readonly dateOrder?: DateOrder;
}

export interface PlanHistory {
  readonly file: string;
  readonly result: HistoryResult;
  readonly applied: readonly AppliedRate[];
  readonly warnings: readonly string[];
  readonly matureRates: boolean;
}


export async function ratesFromHistory(raw: unknown, file: string, flags: RatesFromFlags, lang: Lang): Promise<{ input: PlanInput; history: PlanHistory }> {
  if (!isRecord(raw) || !Array.isArray(raw.sources)) {
    throw new InputError(cliMessages(lang).cliHistory.needsSources);
  }
  const input = raw as unknown as PlanInput;
  const ids = input.sources.map((s) => (isRecord(s) && typeof s.id === 'string' ? s.id.trim() : '')).filter((id) => id !== '');
  const fromPlan = isRecord(raw.history) ? raw.history : {};
  const section = {
    ...fromPlan,
    ...(flags.map && Object.keys(flags.map).length > 0 ? { stageColumns: { ...(isRecord(fromPlan.stageColumns) ? fromPlan.stageColumns : {}), ...flags.map } } : {}),
    ...(flags.sourceColumn !== undefined ? { sourceColumn: flags.sourceColumn } : {}),
    ...(flags.unmappedSource !== undefined ? { unmappedSource: flags.unmappedSource } : {}),
    ...(flags.allRecords ? { matureRates: false } : {}),
  };
  const read = readHistoryPlanOptions(section, ids);
  if (!read.ok) {
    throw new InputError(cliMessages(lang).cliHistory.historyProblems, read.errors.map((e) => formatFieldError(e, lang).replace(/^history\.unmappedSource/, '--unmapped-source / history.unmappedSource')));
  }
  const options = read.options;
  const grouping = historyGrouping(options);
  const stages = Array.isArray(input.stages) ? input.stages : [...DEFAULT_STAGES];
  const exported = await readHistoryExport(file, {
    stages,
    ...(options.stageColumns ? { stageColumns: { ...options.stageColumns } } : {}),
    ...(options.sourceColumn ? { sourceColumn: options.sourceColumn } : {}),
    groupSource: grouping.group,
    ...(flags.dateOrder !== undefined ? { dateOrder: flags.dateOrder } : {}),
  });
  const applied = applyHistoryRates(input, exported.result, options, grouping.unmapped, lang);
  if (!applied.ok) {
    const hint = options.unmappedSource === undefined && grouping.unmapped.size > 0 ? [cliMessages(lang).cliHistory.unmappedHint] : [];
    throw new InputError(cliMessages(lang).cliHistory.cannotTakeRates(file), [...applied.problems, ...hint]);
  }
  return {
    input: applied.input,
    history: { file, result: exported.result, applied: applied.applied, warnings: [...exported.result.warnings, ...applied.warnings], matureRates: options.matureRates },
  };
}

/** The history part of `plan --json`: the rates used, and the durations the phasing will need. */
export function planHistoryJson(history: PlanHistory): Record<string, unknown> {
  const rates: Record<string, Record<string, unknown>> = {};
  for (const a of history.applied) {
    rates[a.source] ??= {};
    rates[a.source][a.stage] = { rate: a.rate, basis: a.basis, sample: a.stat.sample, converted: a.stat.converted, low: a.stat.low, high: a.stat.high };
  }
  const durations = (pick: 'medianDays' | 'p90Days') =>
    Object.fromEntries(Object.entries(history.result.bySource).map(([source, stats]) => [source, { ...stats[pick] }]));
  return {
    file: history.file,
    rows: history.result.rows,
    skipped: history.result.skipped,
    asOf: history.result.asOf,
    matureRates: history.matureRates,
    rates,
    medianDays: durations('medianDays'),
    p90Days: durations('p90Days'),
    warnings: history.warnings,
  };
}
