/**
 * The one policy from a CRM history to a plan's conversion rates, used by `plan --rates-from`
 * (on the plan input JSON) and by Sheets' "Derive rates from History" (on the Inputs cells):
 *
 * 1. Which plan source a CRM source belongs to (matchSource): the source map; else the plan
 *    source whose id, else whose name, is the CRM source's (case, width and spaces ignored);
 *    else the plan source named for all others (`unmappedSource`); else it is unmapped — an
 *    error: its records would silently leave every plan source's rates, so nothing is applied
 *    until each CRM source has a home. Overall rates are never fed to a plan source: they mix
 *    sources with other entry stages and deal paths. Records with a blank source are the CRM
 *    source "(none)" (NO_SOURCE), placed by the same rules.
 * 2. Which stages: a plan source's entry stage down to the stage above won.
 * 3. Which rate: the mature rate of the records grouped into the plan source; all records when
 *    `matureRates` is false, or (with a warning) when no mature record converts yet. A rate of
 *    0 or null is not usable, and a rate through a stage column with no date in any row
 *    (unmeasuredThrough) is never used, nor one through a stage recognised in two columns
 *    (ambiguousThrough) until the user names the column. There is no minimum sample: a small sample is used,
 *    flagged in the provenance (`stat.smallSample`) and in the history's warnings.
 * 4. No usable rate: the plan's own rate stays, with a warning; without one it is an error.
 * 5. Rounding: planningRate, four significant digits.
 * 6. What is replaced: the plan's own value (number, text or formula) per plan source and stage.
 *
 * Warnings and errors are data (PolicyNote); historyPolicyText.ts words them, and each adapter
 * adds what to do in its own terms (a CLI flag, a Sheets sheet).
 */
import type { HistoryResult, RateStat } from './historyTypes';

/** A plan source as the policy needs it. */
export interface PolicySource {
  readonly id: string;
  readonly name?: string;
  readonly entryStage?: string;
  /** The plan's own rate per from-stage as the user has it: a number, text ("40%"), a formula ("=B20"); blank when none. */
  readonly own: Readonly<Record<string, unknown>>;
}

/** How CRM sources map onto plan sources (plan JSON `history`, or Sheets' Source map sheet). */
export interface SourceMapping {
  /** CRM source (case and spaces ignored) → plan source id. */
  readonly sourceMap: Readonly<Record<string, string>>;
  /** Plan source id for every CRM source the map and the names do not place. */
  readonly unmappedSource?: string;
}

export type MatchedBy = 'sourceMap' | 'id' | 'name' | 'unmappedSource';

export interface SourceMatch {
  readonly crmSource: string;
  readonly planSource: string;
  readonly by: MatchedBy;
}

/**
 * The history group of CRM sources no rule placed: never a plan source id.
 *
 * @example
 * UNMAPPED_GROUP('Trade show'); // → '(unmapped) Trade show'
 */
export const UNMAPPED_GROUP = (crmSource: string): string => `(unmapped) ${crmSource}`;

/**
 * The form two source names are compared in: NFKC (full-width letters read as ASCII),
 * lower case, no white space.
 *
 * @example
 * sameSourceName(' Trade  Show ') === sameSourceName('tradeshow') // → true
 */
export function sameSourceName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * The plan source a CRM source belongs to, and by which rule; undefined when none applies.
 *
 * @example
 * const sources = [{ id: 'marketing', name: 'Inbound', own: {} }, { id: 'outbound', own: {} }];
 * matchSource('Organic Search', sources, { sourceMap: { 'organic search': 'marketing' } }) // → { …, planSource: 'marketing', by: 'sourceMap' }
 * matchSource('INBOUND', sources, { sourceMap: {} })    // → { …, planSource: 'marketing', by: 'name' }
 * matchSource('Referral', sources, { sourceMap: {} })   // → undefined (an error unless unmappedSource is given)
 */
export function matchSource(crmSource: string, sources: readonly Pick<PolicySource, 'id' | 'name'>[], mapping: SourceMapping): SourceMatch | undefined {
  const key = sameSourceName(crmSource);
  const mapped = Object.entries(mapping.sourceMap).find(([crm]) => sameSourceName(crm) === key);
  if (mapped) return { crmSource, planSource: mapped[1], by: 'sourceMap' };
  const byId = sources.find((s) => sameSourceName(s.id) === key);
  if (byId) return { crmSource, planSource: byId.id, by: 'id' };
  const byName = sources.find((s) => s.name !== undefined && sameSourceName(s.name) !== '' && sameSourceName(s.name) === key);
  if (byName) return { crmSource, planSource: byName.id, by: 'name' };
  if (mapping.unmappedSource !== undefined) return { crmSource, planSource: mapping.unmappedSource, by: 'unmappedSource' };
  return undefined;
}

export interface SourceGrouping {
  /** For HistoryOptions.groupSource: a CRM source → its plan source id, or UNMAPPED_GROUP(crm). */
  readonly group: (crmSource: string) => string;
  /** Every CRM source seen so far and where it went, in the order first seen. */
  readonly matches: () => readonly SourceMatch[];
  /** CRM sources no rule placed, sorted. */
  readonly unmapped: () => readonly string[];
}

/**
 * The grouping to read an export with, so `result.bySource` is keyed by plan source id.
 *
 * @example
 * const g = sourceGrouping([{ id: 'marketing', own: {} }], { sourceMap: {} });
 * g.group('Marketing') // → 'marketing'
 * g.group('Referral')  // → '(unmapped) Referral'; g.unmapped() → ['Referral']
 */
export function sourceGrouping(sources: readonly Pick<PolicySource, 'id' | 'name'>[], mapping: SourceMapping): SourceGrouping {
  const seen = new Map<string, SourceMatch | undefined>();
  return {
    group: (crmSource) => {
      if (!seen.has(crmSource)) seen.set(crmSource, matchSource(crmSource, sources, mapping));
      const match = seen.get(crmSource);
      return match ? match.planSource : UNMAPPED_GROUP(crmSource);
    },
    matches: () => [...seen.values()].filter((m): m is SourceMatch => m !== undefined),
    unmapped: () => [...seen.entries()].filter(([, m]) => m === undefined).map(([crm]) => crm).sort(),
  };
}

/** The column of `stage` or of the stage after it, in `columns`: what a rate from `stage` passes through. */
function columnThrough<C extends { readonly stage: string }>(columns: readonly C[], stages: readonly string[], stage: string): C | undefined {
  const next = stages[stages.indexOf(stage) + 1];
  return columns.find((c) => c.stage === stage) ?? columns.find((c) => c.stage === next);
}

/**
 * The empty stage column a `stage` → next rate goes through, if any (HistoryResult.emptyColumns):
 * such a rate measures nothing (out of an empty stage it reads 100%) and must not be fed into a plan.
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
  return columnThrough(result.emptyColumns ?? [], stages, stage);
}

/**
 * The stage recognised in more than one column (HistoryResult.ambiguousColumns) a `stage` → next
 * rate goes through, if any: which column holds the stage is the user's to say, so no such rate
 * is fed into a plan until they do.
 *
 * @example
 * // ambiguousColumns: [{ stage: 'mql', columns: ['MQL Date', 'Became a Marketing Qualified Lead Date'] }]
 * ambiguousThrough(result, ['lead', 'mql', 'sql', 'won'], 'lead') // → { stage: 'mql', columns: [...] }
 * ambiguousThrough(result, ['lead', 'mql', 'sql', 'won'], 'sql')  // → undefined
 */
export function ambiguousThrough(
  result: Pick<HistoryResult, 'ambiguousColumns'>,
  stages: readonly string[],
  stage: string,
): { readonly stage: string; readonly columns: readonly string[] } | undefined {
  return columnThrough(result.ambiguousColumns ?? [], stages, stage);
}

/**
 * A measured rate as a person would type it: four significant digits. The engine treats
 * inputs as exact decimals, so 2/3 measured as 0.6666666666666666 would need 480.00000000000004
 * leads for 320 MQLs and round up to 481; 0.6667 needs 479.98, i.e. 480.
 *
 * @example
 * planningRate(2 / 3) // → 0.6667
 */
export function planningRate(rate: number): number {
  return Number(rate.toPrecision(4));
}

/** The plan's own value of a rate as the policy records it: blank → null. */
export type OwnRate = number | string | boolean | null;

/** One rate the policy puts into the plan. */
export interface PolicyRate {
  readonly source: string;
  readonly stage: string;
  /** planningRate of the stat's rate. */
  readonly rate: number;
  readonly basis: 'mature' | 'all records';
  readonly stat: RateStat;
  /** The CRM sources (as written in the export) whose records made the rate. */
  readonly from: readonly string[];
  /** The plan's own value it replaces (a number, text, or a formula with its "="); null when blank. */
  readonly previous: OwnRate;
}

/** A warning or an error, as data; historyPolicyText.ts words it. */
export type PolicyNote =
  /** Error: CRM sources no rule placed. */
  | { readonly code: 'unmappedSources'; readonly crmSources: readonly string[] }
  /** The rate goes through a stage column with no date: kept (warning) or, with no own rate, an error. */
  | { readonly code: 'unmeasured'; readonly source: string; readonly stage: string; readonly next: string; readonly emptyStage: string; readonly column: string; readonly kept: OwnRate }
  /** The rate goes through a stage recognised in two or more columns: kept (warning) or, with no own rate, an error. */
  | { readonly code: 'ambiguous'; readonly source: string; readonly stage: string; readonly next: string; readonly ambiguousStage: string; readonly columns: readonly string[]; readonly kept: OwnRate }
  /** No record of the plan source converts from the stage (converted of sample): kept (warning) or an error. */
  | { readonly code: 'noRate'; readonly source: string; readonly stage: string; readonly next: string; readonly converted: number; readonly sample: number; readonly kept: OwnRate }
  /** Warning: no mature record of the stage converts yet, so the rate uses all records. */
  | { readonly code: 'allRecords'; readonly source: string; readonly stage: string };

export interface HistoryPolicyInput {
  /** The plan's stages, top to bottom, won last. */
  readonly stages: readonly string[];
  readonly sources: readonly PolicySource[];
  /** Read with sourceGrouping(…).group, so bySource is keyed by plan source id. */
  readonly result: HistoryResult;
  readonly grouping: Pick<SourceGrouping, 'matches' | 'unmapped'>;
  /** Mature rates (default true) or every record. */
  readonly matureRates?: boolean;
}

export interface HistoryPolicyResult {
  /** False when `errors` is not empty: then nothing may be applied. */
  readonly ok: boolean;
  /** The rates to put into the plan, by plan source (in plan order) then stage (top down). */
  readonly rates: readonly PolicyRate[];
  /** Where each CRM source went. */
  readonly matches: readonly SourceMatch[];
  readonly warnings: readonly PolicyNote[];
  readonly errors: readonly PolicyNote[];
}

const ownRate = (value: unknown): OwnRate =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : (value as OwnRate);

const usable = (stat: RateStat | undefined): stat is RateStat & { rate: number } => stat !== undefined && stat.rate !== null && stat.rate > 0;

/**
 * The rates a plan takes from a CRM history, with their provenance, the values they replace,
 * and the warnings and errors, under the rules at the top of this file.
 *
 * @example
 * // stages lead → mql → won; "marketing" (own lead rate 0.25) grouped 2 of 3 leads to MQL, 1 of 2 MQLs won
 * applyHistoryPolicy({ stages, sources: [{ id: 'marketing', own: { lead: 0.25 } }], result, grouping })
 * // → { ok: true, rates: [{ source: 'marketing', stage: 'lead', rate: 0.6667, previous: 0.25, … },
 * //                       { source: 'marketing', stage: 'mql', rate: 0.5, previous: null, … }], warnings: [], errors: [] }
 */
export function applyHistoryPolicy(input: HistoryPolicyInput): HistoryPolicyResult {
  const { stages, result } = input;
  const matureRates = input.matureRates ?? true;
  const matches = input.grouping.matches();
  const unmapped = input.grouping.unmapped();
  // Until every CRM source has a home, per-stage gaps would only repeat the same cause.
  if (unmapped.length > 0) return { ok: false, rates: [], matches, warnings: [], errors: [{ code: 'unmappedSources', crmSources: unmapped }] };

  const rates: PolicyRate[] = [];
  const warnings: PolicyNote[] = [];
  const errors: PolicyNote[] = [];
  for (const source of input.sources) {
    const stats = result.bySource[source.id];
    const from = matches.filter((m) => m.planSource === source.id).map((m) => m.crmSource);
    const entry = Math.max(0, stages.indexOf(source.entryStage ?? stages[0]));
    for (const stage of stages.slice(entry, -1)) {
      const next = stages[stages.indexOf(stage) + 1];
      const own = ownRate(source.own[stage]);
      const through = unmeasuredThrough(result, stages, stage);
      if (through !== undefined) {
        (own === null ? errors : warnings).push({ code: 'unmeasured', source: source.id, stage, next, emptyStage: through.stage, column: through.column, kept: own });
        continue;
      }
      const twice = ambiguousThrough(result, stages, stage);
      if (twice !== undefined) {
        (own === null ? errors : warnings).push({ code: 'ambiguous', source: source.id, stage, next, ambiguousStage: twice.stage, columns: twice.columns, kept: own });
        continue;
      }
      const mature = stats?.matureRates[stage];
      const all = stats?.rates[stage];
      const useMature = matureRates && usable(mature);
      const stat = useMature ? mature : all;
      if (!usable(stat)) {
        const note = { code: 'noRate', source: source.id, stage, next, converted: stat?.converted ?? 0, sample: stat?.sample ?? 0, kept: own } as const;
        (own === null ? errors : warnings).push(note);
        continue;
      }
      if (matureRates && !useMature) warnings.push({ code: 'allRecords', source: source.id, stage });
      rates.push({ source: source.id, stage, rate: planningRate(stat.rate), basis: useMature ? 'mature' : 'all records', stat, from, previous: own });
    }
  }
  return { ok: errors.length === 0, rates: errors.length === 0 ? rates : [], matches, warnings, errors };
}
