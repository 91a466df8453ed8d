/**
 * Puts rates derived from CRM history into a plan input: each plan source gets the
 * (mature, by default) rates of the CRM sources mapped to it, for every stage from its
 * entry stage down. The export's sources were grouped into plan source ids while it was
 * read (HistoryOptions.groupSource), so `result.bySource` is keyed by plan source id.
 */
import type { PlanInput } from '../planInput';
import type { HistoryResult, RateStat } from './historyTypes';
import type { HistoryPlanOptions } from './historyPlanOptions';
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';

export interface AppliedRate {
  readonly source: string;
  readonly stage: string;
  readonly rate: number;
  /** "mature" normally; "all records" when no record of the stage was mature yet. */
  readonly basis: 'mature' | 'all records';
  readonly stat: RateStat;
  /** The plan's own rate it replaced, as the plan had it; null when there was none. */
  readonly previous: number | string | null;
}

export type AppliedHistory =
  | { ok: true; input: PlanInput; applied: AppliedRate[]; warnings: string[] }
  | { ok: false; problems: string[] };

/** The grouping for HistoryOptions.groupSource; unmapped CRM sources are collected to report them. */
export function historyGrouping(options: HistoryPlanOptions): { group: (crmSource: string) => string; unmapped: Set<string> } {
  const unmapped = new Set<string>();
  const lower = new Map(Object.entries(options.sourceMap).map(([k, v]) => [k.trim().toLowerCase(), v]));
  return {
    unmapped,
    group: (crmSource) => {
      const mapped = lower.get(crmSource.trim().toLowerCase());
      if (mapped !== undefined) return mapped;
      unmapped.add(crmSource);
      return options.unmappedSource ?? `(unmapped) ${crmSource}`;
    },
  };
}

/**
 * The empty stage column a `stage` → next rate goes through, if any (HistoryResult.emptyColumns):
 * such a rate measures nothing (out of an empty stage it reads 100%) and must not be fed into a
 * plan. Shared by `plan --rates-from` and, for Sheets, Derive rates.
 *
 * @example
 * // emptyColumns: [{ stage: 'mql', column: 'MQL Date' }]
 * unmeasuredThrough(result, ['lead', 'mql', 'sql', 'won'], 'lead') // → { stage: 'mql', column: 'MQL Date' }
 * unmeasuredThrough(result, ['lead', 'mql', 'sql', 'won'], 'sql')  // → undefined
 */
export function unmeasuredThrough(
  result: Pick<HistoryResult, 'emptyColumns'>,
  stages: readonly string[],
  stage: string,
): { readonly stage: string; readonly column: string } | undefined {
  const empty = result.emptyColumns ?? [];
  const next = stages[stages.indexOf(stage) + 1];
  return empty.find((c) => c.stage === stage) ?? empty.find((c) => c.stage === next);
}

/**
 * A measured rate as a person would type it: four significant digits. The engine treats
 * inputs as exact decimals, so 2/3 measured as 0.6666666666666666 would need 480.00000000000004
 * leads for 320 MQLs and round up to 481; 0.6667 needs 479.98, i.e. 480.
 */
export function planningRate(rate: number): number {
  return Number(rate.toPrecision(4));
}

export function applyHistoryRates(input: PlanInput, result: HistoryResult, options: HistoryPlanOptions, unmapped: ReadonlySet<string>, lang: Lang = 'en'): AppliedHistory {
  const t = messages(lang).history;
  const problems: string[] = [];
  if (options.unmappedSource === undefined && unmapped.size > 0) {
    // Until every CRM source has a home, per-stage gaps would only repeat the same cause.
    const names = [...unmapped].sort().map((s) => JSON.stringify(s)).join(', ');
    return {
      ok: false,
      problems: [t.unmapped(names)],
    };
  }
  const stages = input.stages ?? result.stages;
  const applied: AppliedRate[] = [];
  const warnings: string[] = [];
  const keptNoted = new Set<string>();
  const sources = input.sources.map((source) => {
    const stats = result.bySource[source.id];
    const entry = Math.max(0, stages.indexOf(source.entryStage ?? stages[0]));
    const needed = stages.slice(entry, -1);
    const rates: Record<string, number | string> = { ...source.conversionRates };
    for (const stage of needed) {
      // A rate into or out of a stage whose column has no date measures nothing (out of it reads 100%).
      const next = stages[stages.indexOf(stage) + 1];
      const through = unmeasuredThrough(result, stages, stage);
      if (through !== undefined) {
        const { stage: empty, column } = through;
        const own = source.conversionRates?.[stage];
        if (own === undefined || own === null || own === '') {
          problems.push(t.emptyColumn(source.id, column, empty, stage, next));
        } else if (!keptNoted.has(`${source.id}:${stage}`)) {
          keptNoted.add(`${source.id}:${stage}`);
          warnings.push(t.keptOwn(source.id, stage, String(own), column, empty, next));
        }
        continue;
      }
      const mature = stats?.matureRates[stage];
      const all = stats?.rates[stage];
      const useMature = options.matureRates && mature !== undefined && mature.rate !== null && mature.rate > 0;
      const stat = useMature ? mature : all;
      if (!stat || stat.rate === null || stat.rate <= 0) {
        problems.push(t.noHistory(source.id, stage, stat ? stat.converted : null, stat ? stat.sample : null));
        continue;
      }
      if (options.matureRates && !useMature) warnings.push(t.noMature(source.id, stage));
      const rate = planningRate(stat.rate);
      rates[stage] = rate;
      const previous = source.conversionRates?.[stage];
      applied.push({ source: source.id, stage, rate, basis: useMature ? 'mature' : 'all records', stat, previous: previous === undefined || previous === '' ? null : previous });
    }
    return { ...source, conversionRates: rates };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { ...input, sources }, applied, warnings };
}
