/**
 * What the diagnosis judges a source by: its rate at every stage from its entry stage down,
 * and, when a CRM export measured them, the records behind each rate and the stage columns
 * that held no date. Built from a validated plan (rates only) or from a history (rates and
 * volumes) — the latter also for exports a plan refuses, since a broken funnel is exactly
 * what `diagnose` must be able to read.
 */
import { planningRate } from '../history/historyPolicy';
import type { HistoryResult, RateStat } from '../history/historyTypes';
import type { ValidPlan } from '../planInput';

/** One stage transition of a source, by its from-stage. */
export interface TransitionEvidence {
  readonly from: string;
  readonly to: string;
  /** The rate; null when nothing reached `from` (no records to measure it on). */
  readonly rate: number | null;
  /** From a history: records that reached `from`, and of them those that reached `to`. */
  readonly sample?: number;
  readonly converted?: number;
  /** From a history: the stage column (of `from` or `to`) that has no date in any row. */
  readonly emptyColumn?: { readonly stage: string; readonly column: string };
}

export interface SourceEvidence {
  readonly id: string;
  readonly name: string;
  readonly entryStage: string;
  /** From the entry stage down to the stage above won, in order. */
  readonly transitions: readonly TransitionEvidence[];
  /** True when the rates and counts come from a CRM export. */
  readonly measured: boolean;
  /** From a history: no record of this source in the export at all, and no plan rates to judge it on. */
  readonly noRecords?: boolean;
  /** From a history: no record of this source in the export; judged on the plan's rates instead. */
  readonly notInExport?: boolean;
  /** The channels that override a rate of the source, each with its own rates (the plan's): judged on their own. */
  readonly channels?: readonly ChannelEvidence[];
}

export interface ChannelEvidence {
  readonly id: string;
  readonly name: string;
  /** Every transition with the channel's rate (its override, else the source's). */
  readonly transitions: readonly TransitionEvidence[];
}

/**
 * The channels of a plan source that override one of its rates, with their rates: a channel at
 * MQL → BQL 90 % has its own shape even when its source's 50 % is healthy.
 *
 * @example
 * // Source mkt with channel web overriding mql at 0.9, channel ev without overrides:
 * channelEvidence(plan, plan.sources[0]).map((c) => [c.id, c.transitions[1].rate]); // → [['web', 0.9]]
 */
export function channelEvidence(plan: ValidPlan, source: ValidPlan['sources'][number]): ChannelEvidence[] {
  const stages = plan.stages;
  return source.channels
    .filter((c) => Object.keys(c.own.conversionRates).length > 0)
    .map((c) => ({
      id: c.id,
      name: c.name,
      transitions: stages.slice(stages.indexOf(source.entryStage), -1).map((from) => ({ from, to: stages[stages.indexOf(from) + 1], rate: c.conversionRates[from].value })),
    }));
}

/**
 * A validated plan's sources as evidence: their own rates (a channel's overrides are the
 * channel's, judged as the channel's: `channels`), no volumes.
 *
 * @example
 * // The seed's plan: marketing from lead, outbound from sql.
 * planEvidence(plan)[1]; // → { id: 'outbound', entryStage: 'sql', transitions: [{ from: 'sql', to: 'opportunity', rate: 0.4 }, { from: 'opportunity', to: 'won', rate: 0.3 }], measured: false, … }
 */
export function planEvidence(plan: ValidPlan): SourceEvidence[] {
  const stages = plan.stages;
  return plan.sources.map((source) => ({
    id: source.id,
    name: source.name,
    entryStage: source.entryStage,
    measured: false,
    transitions: stages.slice(stages.indexOf(source.entryStage), -1).map((from) => ({
      from,
      to: stages[stages.indexOf(from) + 1],
      rate: source.conversionRates[from].value,
    })),
    ...(channelEvidence(plan, source).length > 0 ? { channels: channelEvidence(plan, source) } : {}),
  }));
}

export interface HistorySourceRef {
  readonly id: string;
  readonly name?: string;
  readonly entryStage?: string;
  /** The plan's own rates by from-stage: what the source is judged on when the export has no record of it. */
  readonly planRates?: Readonly<Record<string, number>>;
}

/**
 * Sources as a CRM export measured them (`result.bySource` keyed by plan source id, as
 * sourceGrouping reads it): per transition the mature rate when `matureRates` and it has a
 * record converting, else the rate over all records — the choice `plan --rates-from` makes
 * (core/history/historyPolicy.ts), at its four significant digits (planningRate) — with its counts, and the empty stage column it goes through.
 * A source the export has no record of keeps the plan's rates, as plan and simulate keep them
 * (`notInExport`, not measured); only without a plan rate for every stage is it broken (`noRecords`).
 *
 * @example
 * // 1,000 leads, 250 MQLs, an SQL column with no date in any row:
 * historyEvidence(result, ['lead', 'mql', 'sql', 'won'], [{ id: 'marketing' }])[0].transitions[1];
 * // → { from: 'mql', to: 'sql', rate: 0, sample: 250, converted: 0, emptyColumn: { stage: 'sql', column: 'SQL Date' } }
 */
export function historyEvidence(
  result: Pick<HistoryResult, 'bySource' | 'emptyColumns'>,
  stages: readonly string[],
  sources: readonly HistorySourceRef[],
  matureRates = true,
): SourceEvidence[] {
  return sources.map((source) => {
    const entryStage = source.entryStage !== undefined && stages.includes(source.entryStage) ? source.entryStage : stages[0];
    const stats = result.bySource[source.id];
    const fromStages = stages.slice(stages.indexOf(entryStage), -1);
    const planRates = source.planRates;
    if (stats === undefined && planRates && fromStages.every((from) => typeof planRates[from] === 'number' && planRates[from] > 0)) {
      const transitions = fromStages.map((from) => ({ from, to: stages[stages.indexOf(from) + 1], rate: planRates[from] }));
      return { id: source.id, name: source.name ?? source.id, entryStage, transitions, measured: false, notInExport: true };
    }
    const transitions = stages.slice(stages.indexOf(entryStage), -1).map((from): TransitionEvidence => {
      const to = stages[stages.indexOf(from) + 1];
      const empty = (result.emptyColumns ?? []).find((c) => c.stage === from || c.stage === to);
      const stat = pickStat(stats?.matureRates[from], stats?.rates[from], matureRates);
      return {
        from,
        to,
        // The rate as the policy puts it into the plan (four significant digits): the evidence and the sensitivity show one rate.
        rate: stat?.rate === null || stat?.rate === undefined ? null : planningRate(stat.rate),
        sample: stat?.sample ?? 0,
        converted: stat?.converted ?? 0,
        ...(empty ? { emptyColumn: { stage: empty.stage, column: empty.column } } : {}),
      };
    });
    return { id: source.id, name: source.name ?? source.id, entryStage, transitions, measured: true, ...(stats === undefined ? { noRecords: true } : {}) };
  });
}

function pickStat(mature: RateStat | undefined, all: RateStat | undefined, matureRates: boolean): RateStat | undefined {
  return matureRates && mature !== undefined && mature.rate !== null && mature.rate > 0 ? mature : all;
}
