/**
 * Benchmark bands of B2B funnel conversion rates, one per stage transition, keyed like a plan's
 * conversionRates by the from-stage ("mql" is MQL → SQL). A rate below its band's low end is
 * poor, above its high end unusually high; the diagnosis (funnelShapes.ts) reads shapes from
 * where the rates fall. A plan's `benchmarks` field replaces any of these (readBenchmarks.ts).
 *
 * The defaults are ranges published for B2B (mostly SaaS) funnels, taken wide enough that a
 * rate outside them is unusual across the sources, not merely below one vendor's average:
 *
 * - lead → MQL 15–40 %: "15-30%" (firstsales.io, Funnel conversion rate, benchmarks by stage),
 *   "typically 20 to 40 percent" (b2blead.io, B2B conversion rate, 2026).
 * - MQL → SQL 20–50 %: "20-40%" (firstsales.io), "30-50%" (altiorco.com RevOps dictionary,
 *   source HubSpot), ~39 % central estimate (First Page Sage, as cited by omegapoint.systems).
 * - MQL → BQL 40–60 % and BQL → SQL 50–70 %: the SiriusDecisions (Forrester) Demand Waterfall's
 *   MQL → sales-accepted lead 40–60 % and accepted → qualified 50–70 % (mv3marketing.com,
 *   Demand Waterfall). Judgement call: a BQL (seed 002, a lead past inside sales' BANT check)
 *   is taken as the waterfall's sales-accepted lead.
 * - SQL → opportunity 40–70 %: "40 to 80 percent" (b2blead.io), "50-70%" (firstsales.io).
 * - opportunity → won 15–40 %: average B2B win rate 21 % (HubSpot survey of 1,000+ sales
 *   professionals, as cited by salesmotion.io), "15-20%" for most teams (hubspot.com glossary,
 *   closing ratio), "20-40%" (firstsales.io).
 *
 * Transitions the defaults do not know (into a custom "demo", or SQL straight to won) have no band unless the plan gives one,
 * and are not judged.
 */

/** A benchmark range of a conversion rate: 0 ≤ low ≤ high ≤ 1. */
export interface Band {
  readonly low: number;
  readonly high: number;
}

/** A default band, for the transition from one known stage to the next. */
export interface DefaultBand extends Band {
  readonly from: string;
  readonly to: string;
  /** Where the range comes from (README, docs/diagnosis.md). */
  readonly source: string;
}

/**
 * The default bands. A band applies only where the plan's next stage is `to`: a plan going
 * straight from SQL to won has no default SQL band (SQL → won is not SQL → opportunity).
 */
export const DEFAULT_BENCHMARKS: readonly DefaultBand[] = [
  { from: 'lead', to: 'mql', low: 0.15, high: 0.4, source: 'firstsales.io (15–30 %), b2blead.io (20–40 %)' },
  { from: 'mql', to: 'sql', low: 0.2, high: 0.5, source: 'firstsales.io (20–40 %), altiorco.com citing HubSpot (30–50 %), First Page Sage (~39 %)' },
  { from: 'mql', to: 'bql', low: 0.4, high: 0.6, source: 'SiriusDecisions / Forrester Demand Waterfall, MQL → sales-accepted lead (mv3marketing.com)' },
  { from: 'bql', to: 'sql', low: 0.5, high: 0.7, source: 'SiriusDecisions / Forrester Demand Waterfall, sales-accepted → sales-qualified lead (mv3marketing.com)' },
  { from: 'sql', to: 'opportunity', low: 0.4, high: 0.7, source: 'b2blead.io (40–80 %), firstsales.io (50–70 %)' },
  { from: 'opportunity', to: 'won', low: 0.15, high: 0.4, source: 'HubSpot sales survey (21 % average win rate, via salesmotion.io), hubspot.com (15–20 %), firstsales.io (20–40 %)' },
];

/**
 * The band of each transition of `stages` (by from-stage): the plan's own where it gives one,
 * else the default for that pair of stages; a transition with neither has none.
 *
 * @example
 * benchmarkBands(['lead', 'mql', 'sql', 'opportunity', 'won']).mql;             // → { low: 0.2, high: 0.5 }
 * benchmarkBands(['lead', 'mql', 'bql', 'sql', 'won']).mql;                    // → { low: 0.4, high: 0.6 } (MQL → BQL)
 * benchmarkBands(['lead', 'mql', 'won'], { mql: { low: 0.1, high: 0.2 } }).mql; // → { low: 0.1, high: 0.2 }
 * benchmarkBands(['lead', 'sql', 'won']).sql;                                  // → undefined (SQL → won has no default)
 */
export function benchmarkBands(stages: readonly string[], own: Readonly<Record<string, Band>> = {}): Record<string, Band> {
  const bands: Record<string, Band> = {};
  stages.slice(0, -1).forEach((stage, k) => {
    if (Object.prototype.hasOwnProperty.call(own, stage)) {
      bands[stage] = { low: own[stage].low, high: own[stage].high };
      return;
    }
    const known = DEFAULT_BENCHMARKS.find((b) => b.from === stage && b.to === stages[k + 1]);
    if (known) bands[stage] = { low: known.low, high: known.high };
  });
  return bands;
}
