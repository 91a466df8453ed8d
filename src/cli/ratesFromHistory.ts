/**
 * `plan --rates-from EXPORT`: the plan's conversion rates taken from a CRM export under the
 * one history policy (core/history/historyPolicy.ts, shared with Sheets' Derive rates): its
 * sources are grouped into plan sources (history.sourceMap, a plan source's id or name,
 * history.unmappedSource / --unmapped-source) while the file streams, then the policy's rates
 * go into the plan input's conversionRates. Its errors and warnings get the CLI's hints here.
 */
import { applyHistoryPolicy, PolicyNote, PolicyRate, PolicySource, SourceMatch, sourceGrouping } from '../core/history/historyPolicy';
import { describePolicyNote, hint } from '../core/history/historyPolicyText';
import { readHistoryPlanOptions } from '../core/history/historyPlanOptions';
import type { HistoryResult } from '../core/history/historyTypes';
import type { DateOrder } from '../core/history/parseHistoryDate';
import type { PlanInput } from '../core/planInput';
import type { Lang } from '../core/stages';
import { DEFAULT_STAGES } from '../core/stages';
import { formatFieldError } from '../core/fieldError';
import { InputError } from './cliError';
import { cliMessages } from './i18n/cliCatalogue';
import { readHistoryExport } from './history/readHistoryExport';
import { isRecord } from '../core/isRecord';
import {
  FedLag,
  FilledStageDays,
  HistoryTimingResult,
  fiscalYearStartMonth,
  historySeasonality,
  historyTiming,
  lagFeed,
  TimingNote,
  wantsHistorySeasonality,
} from '../core/history/historyTiming';
import { messages } from '../core/i18n/catalogue';
import type { FedTiming } from '../workbook/layouts/historySummaryLayout';

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
  readonly applied: readonly PolicyRate[];
  /** The history's and the policy's warnings, in words. */
  readonly warnings: readonly string[];
  /** The policy's warnings as data, and in words (also in `warnings`). */
  readonly notes: readonly PolicyNote[];
  readonly noteLines: readonly string[];
  /** Where each CRM source went. */
  readonly matches: readonly SourceMatch[];
  readonly matureRates: boolean;
  /** Lags and stage days from the export's won records (core/history/historyTiming.ts). */
  readonly timing: HistoryTimingResult;
  /** `timing.seasonality: "history"` replaced by these weights (FY month order, won counts). */
  readonly seasonality?: readonly number[];
  /** What the export filled in besides rates (stage days, lags, seasonality), in words. */
  readonly filledLines: readonly string[];
  /** The same as History summary rows, with what each replaced. */
  readonly timingFed: readonly FedTiming[];
}

function timingNoteLine(note: TimingNote, lang: Lang): string {
  return messages(lang).history.lagSmallSample(note.source, note.stage, note.sample, note.min);
}

/**
 * The input's stageDays with the stages the export filled (typed ones stay), and its lag with
 * the export's measured distributions (they replace the plan's own for their stages).
 */
function withHistoryTiming(source: unknown, filled: readonly FilledStageDays[], lags: readonly FedLag[]): unknown {
  if ((filled.length === 0 && lags.length === 0) || !isRecord(source)) return source;
  const days = isRecord(source.stageDays) ? source.stageDays : {};
  const lag = isRecord(source.lag) ? source.lag : {};
  return {
    ...source,
    ...(filled.length > 0 ? { stageDays: { ...days, ...Object.fromEntries(filled.map((f) => [f.stage, f.days])) } } : {}),
    ...(lags.length > 0 ? { lag: { ...lag, ...Object.fromEntries(lags.map((l) => [l.stage, [...l.counts]])) } } : {}),
  };
}


function noteLine(note: PolicyNote, lang: Lang): string {
  if (note.code === 'ambiguous') return `${describePolicyNote(note, lang)}. ${cliMessages(lang).cliHistory.stageColumnHint(note.ambiguousStage, note.columns)}`;
  return hint(note) === 'sourceMapping' ? `${describePolicyNote(note, lang)}. ${cliMessages(lang).cliHistory.mappingHint}` : describePolicyNote(note, lang);
}


/** A CRM export read for a plan: grouped into the plan's sources, nothing applied yet. */
export interface GroupedExport {
  readonly input: PlanInput;
  readonly stages: readonly string[];
  readonly sources: readonly PolicySource[];
  readonly grouping: ReturnType<typeof sourceGrouping>;
  readonly matureRates: boolean;
  readonly exported: Awaited<ReturnType<typeof readHistoryExport>>;
}

/**
 * Reads `file` for the plan input `raw`: the history section (with the flags) says how CRM
 * sources map onto plan sources, and the export is read grouped that way. It refuses only what
 * cannot be read at all; which rates may go into the plan is the policy's to say (`diagnose`
 * reads stages the policy refuses: they are its broken funnels).
 */
export async function readGroupedExport(raw: unknown, file: string, flags: RatesFromFlags, lang: Lang): Promise<GroupedExport> {
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
  const sources: PolicySource[] = input.sources.map((s) => {
    const source = (isRecord(s) ? s : {}) as Record<string, unknown>;
    return {
      id: typeof source.id === 'string' ? source.id.trim() : '',
      ...(typeof source.name === 'string' ? { name: source.name } : {}),
      ...(typeof source.entryStage === 'string' ? { entryStage: source.entryStage } : {}),
      own: isRecord(source.conversionRates) ? source.conversionRates : {},
    };
  });
  const grouping = sourceGrouping(sources, options);
  const stages = Array.isArray(input.stages) ? input.stages : [...DEFAULT_STAGES];
  const exported = await readHistoryExport(file, {
    stages,
    ...(options.stageColumns ? { stageColumns: { ...options.stageColumns } } : {}),
    ...(options.sourceColumn ? { sourceColumn: options.sourceColumn } : {}),
    groupSource: grouping.group,
    ...(flags.dateOrder !== undefined ? { dateOrder: flags.dateOrder } : {}),
  });
  return { input, stages, sources, grouping, matureRates: options.matureRates, exported };
}

/** A policy note as the CLI words it, with what to do in the CLI's terms. */
export function policyNoteLine(note: PolicyNote, lang: Lang): string {
  return noteLine(note, lang);
}

export async function ratesFromHistory(raw: unknown, file: string, flags: RatesFromFlags, lang: Lang): Promise<{ input: PlanInput; history: PlanHistory }> {
  const { input, stages, sources, grouping, exported, matureRates } = await readGroupedExport(raw, file, flags, lang);
  const options = { matureRates };
  const policy = applyHistoryPolicy({ stages, sources, result: exported.result, grouping, matureRates: options.matureRates });
  if (!policy.ok) throw new InputError(cliMessages(lang).cliHistory.cannotTakeRates(file), policy.errors.map((e) => noteLine(e, lang)));
  const timing = historyTiming({
    stages,
    sources: input.sources.map((s, j) => ({
      id: sources[j].id,
      ...(sources[j].entryStage !== undefined ? { entryStage: sources[j].entryStage } : {}),
      ...(isRecord(s) && isRecord(s.stageDays) ? { stageDays: s.stageDays } : {}),
    })),
    result: exported.result,
  });
  const withRates = input.sources.map((source, j) => {
    const fed = policy.rates.filter((r) => r.source === sources[j].id);
    const mine = <T extends { readonly source: string }>(list: readonly T[]) => list.filter((f) => f.source === sources[j].id);
    const timed = withHistoryTiming(source, mine(timing.stageDays), mine(lagFeed(timing))) as typeof source;
    if (fed.length === 0) return timed;
    return { ...timed, conversionRates: { ...(isRecord(source.conversionRates) ? source.conversionRates : {}), ...Object.fromEntries(fed.map((r) => [r.stage, r.rate])) } };
  });
  // timing.seasonality "history": the export's won dates by calendar month, in FY month order.
  const t = messages(lang).history;
  const rawTiming = isRecord(input.timing) ? (input.timing as Record<string, unknown>) : undefined;
  const wantsHistory = wantsHistorySeasonality(rawTiming);
  const startMonth = fiscalYearStartMonth(rawTiming);
  const seasonality = wantsHistory && startMonth !== undefined ? historySeasonality(exported.result, startMonth) : undefined;
  const timingLines = [
    ...timing.notes.map((n) => timingNoteLine(n, lang)),
    ...(wantsHistory && startMonth !== undefined && !seasonality ? [t.seasonalityNoWon] : []),
  ];
  const infoLines = [
    ...timing.stageDays.map((f) => t.stageDaysFilled(f.source, f.stage, f.days)),
    ...lagFeed(timing).map((l) => t.lagFilled(l.source, l.stage, l.counts.join(', '), l.sample)),
    ...(seasonality ? [t.seasonalityFilled(seasonality.join(', '))] : []),
  ];
  const withTiming = seasonality ? { ...input, timing: { ...rawTiming, seasonality } } : input;
  // What the History summary sheet lists, with what each replaced (as Derive rates from History lists it).
  const ownLag = (id: string, stage: string): string | null => {
    const source = input.sources.find((s, j) => sources[j].id === id) as unknown;
    const lag = isRecord(source) && isRecord(source.lag) ? source.lag[stage] : undefined;
    return Array.isArray(lag) ? lag.join(', ') : null;
  };
  const timingFed: FedTiming[] = [
    ...timing.stageDays.map((f): FedTiming => ({ planSource: f.source, stage: f.stage, kind: 'stageDays', previous: null, value: f.days, sample: f.sample })),
    ...lagFeed(timing).map((l): FedTiming => ({ planSource: l.source, stage: l.stage, kind: 'lag', previous: ownLag(l.source, l.stage), value: l.counts.join(', '), sample: l.sample })),
    ...(seasonality ? [{ planSource: '', stage: '', kind: 'seasonality', previous: 'history', value: seasonality.join(', '), sample: seasonality.reduce((a, b) => a + b, 0) } as const] : []),
  ];
  return {
    input: { ...withTiming, sources: withRates } as PlanInput,
    history: {
      file,
      result: exported.result,
      applied: policy.rates,
      warnings: [...exported.result.warnings, ...policy.warnings.map((w) => noteLine(w, lang)), ...timingLines],
      notes: policy.warnings,
      noteLines: [...policy.warnings.map((w) => noteLine(w, lang)), ...timingLines, ...infoLines],
      matches: policy.matches,
      matureRates: options.matureRates,
      timing,
      filledLines: infoLines,
      timingFed,
      ...(seasonality ? { seasonality } : {}),
    },
  };
}

/** The history part of `plan --json`: the rates used, and the durations the phasing will need. */
export function planHistoryJson(history: PlanHistory): Record<string, unknown> {
  const rates: Record<string, Record<string, unknown>> = {};
  for (const a of history.applied) {
    rates[a.source] ??= {};
    rates[a.source][a.stage] = {
      rate: a.rate,
      basis: a.basis,
      sample: a.stat.sample,
      converted: a.stat.converted,
      low: a.stat.low,
      high: a.stat.high,
      smallSample: a.stat.smallSample,
      from: a.from,
      previous: a.previous,
    };
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
    sourceMatches: Object.fromEntries(history.matches.map((m) => [m.crmSource, { planSource: m.planSource, by: m.by }])),
    lagMonths: Object.fromEntries(Object.entries(history.result.bySource).map(([source, stats]) => [source, { ...(stats.lagMonths ?? {}) }])),
    lags: lagsJson(history),
    stageDaysFilled: history.timing.stageDays.map((f) => ({ ...f })),
    wonByCalendarMonth: {
      overall: history.result.overall.wonByCalendarMonth ?? null,
      bySource: Object.fromEntries(Object.entries(history.result.bySource).map(([source, stats]) => [source, stats.wonByCalendarMonth ?? null])),
    },
    ...(history.seasonality ? { seasonality: [...history.seasonality] } : {}),
    warnings: history.warnings,
    notes: history.notes,
  };
}

/** Per plan source and stage: the won records' lag counts, how many, and whether the plan phases on them. */
function lagsJson(history: PlanHistory): Record<string, Record<string, { counts: number[]; sample: number; used: boolean }>> {
  const out: Record<string, Record<string, { counts: number[]; sample: number; used: boolean }>> = {};
  for (const m of history.timing.measured) (out[m.source] ??= {})[m.stage] = { counts: [...m.counts], sample: m.sample, used: m.used };
  return out;
}
