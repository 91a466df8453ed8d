/** `rates --json`: history as flat, documented keys (overall.rates.lead is a number or null), skipped rows by line. */
import type { HistoryMapping, HistoryResult, StageStats } from '../../core/history/historyTypes';

export interface StatsJson {
  readonly reached: Readonly<Record<string, number>>;
  readonly rates: Record<string, number | null>;
  readonly medianDays: Readonly<Record<string, number | null>>;
  readonly p90Days: Readonly<Record<string, number | null>>;
  readonly matureRates: Record<string, number | null>;
  readonly intervals: Record<string, { low: number | null; high: number | null; sample: number; converted: number }>;
  readonly matureSamples: Record<string, { sample: number; converted: number }>;
  readonly durationSamples: Readonly<Record<string, number>>;
}

export interface RatesJson {
  readonly file: string;
  readonly rows: number;
  readonly skipped: { readonly count: number; readonly examples: readonly { line: number; reason: string }[] };
  readonly asOf: string | null;
  readonly stages: readonly string[];
  readonly mapping: HistoryMapping;
  readonly overall: StatsJson;
  readonly bySource: Record<string, StatsJson>;
  readonly warnings: readonly string[];
}

function statsJson(stats: StageStats): StatsJson {
  const rates: StatsJson['rates'] = {};
  const matureRates: StatsJson['matureRates'] = {};
  const intervals: StatsJson['intervals'] = {};
  const matureSamples: StatsJson['matureSamples'] = {};
  for (const [stage, r] of Object.entries(stats.rates)) {
    rates[stage] = r.rate;
    intervals[stage] = { low: r.low, high: r.high, sample: r.sample, converted: r.converted };
  }
  for (const [stage, r] of Object.entries(stats.matureRates)) {
    matureRates[stage] = r.rate;
    matureSamples[stage] = { sample: r.sample, converted: r.converted };
  }
  return {
    reached: stats.reached,
    rates,
    medianDays: stats.medianDays,
    p90Days: stats.p90Days,
    matureRates,
    intervals,
    matureSamples,
    durationSamples: stats.durationSamples,
  };
}

/** Rates are keyed by from-stage (rates.lead = lead → next), like a plan's conversionRates. */
export function ratesJson(file: string, result: HistoryResult, mapping: HistoryMapping): RatesJson {
  const bySource: Record<string, StatsJson> = {};
  for (const [source, stats] of Object.entries(result.bySource)) bySource[source] = statsJson(stats);
  return {
    file,
    rows: result.rows,
    skipped: { count: result.skipped.count, examples: result.skipped.examples.map((e) => ({ line: e.row, reason: e.reason })) },
    asOf: result.asOf,
    stages: result.stages,
    mapping,
    overall: statsJson(result.overall),
    bySource,
    warnings: result.warnings,
  };
}
