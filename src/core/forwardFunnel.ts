/**
 * The forward funnel, for what-if questions: from a volume at each source's entry
 * stage down to the expected won deals and revenue.
 *
 *     E_entry = volume,   E_(k+1) = E_k × rate_k,   revenue = E_won × avgDealSize
 *
 * Example: if marketing delivers only 9,000 leads at 25% / 40% / 50% / 25%, it yields
 * 9,000 × 0.0125 = 112.5 expected deals, 2,812,500 at 25,000 each. Sources without a
 * volume keep their planned entry-stage count from the reverse funnel.
 */
import { FieldError, fieldError } from './fieldError';
import { Fraction, add, divide, fraction, fractionToNumber, multiply, subtract } from './fraction';
import type { FunnelPlan } from './funnelPlan';
import { readExact } from './input/readExact';
import { Exact, ValidPlan } from './planInput';

export interface ForwardSource {
  readonly id: string;
  readonly name: string;
  readonly entryStage: string;
  /** The volume at the entry stage used; `planned` when it came from the reverse funnel. */
  readonly volume: number;
  readonly planned: boolean;
  /** Expected count per stage (not rounded: 112.5 expected deals is an honest answer); 0 above entry. */
  readonly expected: Readonly<Record<string, number>>;
  readonly revenue: number;
}

export interface ForwardPlan {
  readonly currency: string;
  readonly revenueTarget: number;
  readonly stages: readonly string[];
  readonly sources: readonly ForwardSource[];
  readonly total: { readonly expected: Readonly<Record<string, number>>; readonly revenue: number };
  /** revenueTarget − expected revenue; negative when the volumes beat the target. */
  readonly gap: number;
  /** Expected revenue / revenueTarget. */
  readonly attainment: number;
}

export type VolumeValidation = { ok: true; volumes: Map<string, Exact> } | { ok: false; errors: FieldError[] };

/**
 * Checks what-if volumes keyed by source id; paths read `volumes.<sourceId>`.
 *
 * @example
 * // The seed's plan has sources marketing and outbound.
 * validateVolumes(plan, { marketing: '9k' }); // → { ok: true, volumes: Map { 'marketing' → 9000 } }
 * validateVolumes(plan, { partners: 10 });
 * // → { ok: false, errors: [{ path: 'volumes.partners', code: 'unknownSource', value: 'partners', detail: 'marketing, outbound' }] }
 */
export function validateVolumes(plan: ValidPlan, raw: Readonly<Record<string, unknown>>): VolumeValidation {
  const errors: FieldError[] = [];
  const volumes = new Map<string, Exact>();
  const ids = plan.sources.map((s) => s.id);
  for (const key of Object.keys(raw)) {
    const path = `volumes.${key}`;
    if (!ids.includes(key)) {
      errors.push(fieldError(path, 'unknownSource', key, ids.join(', ')));
      continue;
    }
    const volume = readExact(raw[key], path, 'nonNegative', errors);
    if (volume) volumes.set(key, volume);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, volumes };
}

/**
 * Expected counts from `volume` at the entry stage down to won, exact.
 *
 * @example
 * // 9,000 leads at 25% / 40% / 50% / 25%:
 * forwardSource(fraction(9000n), ['lead', 'mql', 'sql', 'opportunity', 'won'], 'lead', (stage) => rates[stage]);
 * // → [9000, 2250, 900, 450, 225/2] (112.5 expected deals)
 */
export function forwardSource(
  volume: Fraction,
  stages: readonly string[],
  entryStage: string,
  rate: (stage: string) => Fraction,
): Fraction[] {
  const zero = fraction(BigInt(0));
  const expected = stages.map(() => zero);
  const entry = stages.indexOf(entryStage);
  expected[entry] = volume;
  for (let k = entry; k < stages.length - 1; k++) expected[k + 1] = multiply(expected[k], rate(stages[k]));
  return expected;
}

/**
 * What-if: each source's given volume (else its planned entry-stage count, read from `funnel`,
 * the reverse funnel validatePlan returned with `plan`) worked forward to expected deals and revenue.
 *
 * @example
 * // The seed's plan with marketing at 9,000 leads; outbound keeps its planned 1,668 SQLs.
 * const { plan, funnel } = validatePlan(seedExample);
 * const result = forwardPlan(plan, funnel, new Map([['marketing', { exact: fraction(9000n), value: 9000 }]]));
 * result.sources.map((s) => s.revenue); // → [2812500, 6004800] (112.5 and 200.16 expected deals)
 * result.gap;                           // → 1182700 (10,000,000 − 8,817,300)
 * result.attainment;                    // → 0.88173
 */
export function forwardPlan(plan: ValidPlan, funnel: FunnelPlan, volumes: ReadonlyMap<string, Exact>): ForwardPlan {
  const stages = plan.stages;
  const zero = fraction(BigInt(0));
  const totals = stages.map(() => zero);
  let totalRevenue = zero;
  const sources = plan.sources.map((source, i): ForwardSource => {
    const rate = (stage: string) => source.conversionRates[stage].exact;
    const given = volumes.get(source.id);
    // A planned count is a safe integer (validatePlan checked), so the number is exact.
    const volume = given?.exact ?? fraction(BigInt(funnel.sources[i].counts[source.entryStage]));
    const expected = forwardSource(volume, stages, source.entryStage, rate);
    const revenue = multiply(expected[stages.length - 1], source.avgDealSize.exact);
    totalRevenue = add(totalRevenue, revenue);
    const byStage: Record<string, number> = {};
    stages.forEach((stage, k) => {
      totals[k] = add(totals[k], expected[k]);
      byStage[stage] = fractionToNumber(expected[k]);
    });
    return {
      id: source.id,
      name: source.name,
      entryStage: source.entryStage,
      volume: fractionToNumber(volume),
      planned: given === undefined,
      expected: byStage,
      revenue: fractionToNumber(revenue),
    };
  });
  const expected: Record<string, number> = {};
  stages.forEach((stage, k) => {
    expected[stage] = fractionToNumber(totals[k]);
  });
  return {
    currency: plan.currency,
    revenueTarget: plan.revenueTarget.value,
    stages,
    sources,
    total: { expected, revenue: fractionToNumber(totalRevenue) },
    gap: fractionToNumber(subtract(plan.revenueTarget.exact, totalRevenue)),
    attainment: fractionToNumber(divide(totalRevenue, plan.revenueTarget.exact)),
  };
}
