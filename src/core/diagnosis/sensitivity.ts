/**
 * Sensitivity: for each stage of each source, what a 10 % better rate (relative: 40 % → 44 %,
 * capped at 100 %) is worth, worked by the engine's own reverse funnel (same rounding up as the
 * plan) and forward funnel:
 *
 *     leadsSaved    = entry count today − entry count with the better rate   (reverse funnel)
 *     budgetSaved   = Σ over the source's channels of their entry counts saved × costPerLead
 *                     (null when the source has no channels, or one of them has no cost)
 *     revenueGained = forward revenue at today's entry volume with the better rate − today's
 *
 * "Leads" are entry records: SQLs for a source entering at SQL. Ranked by revenueGained (the one
 * quantity in the same unit for every source: a source without costs has no budget, and one
 * entering at SQL counts SQLs, not leads), then budgetSaved (null last), then leadsSaved, then
 * plan order; a row that changes nothing (nothing saved, nothing gained: a source with a 0 share,
 * a rate already at 100 %) goes last, kept so that every stage is listed.
 *
 * Seed 003's example: MQL → SQL 40 % → 44 % needs 2,910 MQLs instead of 3,200 and 11,640 leads
 * instead of 12,800: 1,160 leads saved, 46,400 at a cost per lead of 40.
 */
import { forwardSource } from '../forwardFunnel';
import { Fraction, FRACTION_ONE, FRACTION_ZERO, add, compare, fraction, fractionToNumber, multiply, subtract } from '../fraction';
import { reverseSources } from '../funnelPlan';
import type { Exact, ValidChannel, ValidPlan, ValidSource } from '../planInput';

export interface SensitivityItem {
  readonly source: string;
  /** The from-stage whose rate improves. */
  readonly stage: string;
  readonly rate: number;
  readonly betterRate: number;
  readonly entryStage: string;
  readonly entryToday: number;
  readonly entryBetter: number;
  readonly leadsSaved: number;
  readonly budgetSaved: number | null;
  readonly revenueGained: number;
}

const TEN_PERCENT_BETTER = fraction(BigInt(11), BigInt(10));

/**
 * A rate 10 % better, relative, capped at 1.
 *
 * @example
 * betterRate(fraction(2n, 5n)); // → 11/25 (0.44)
 * betterRate(fraction(19n, 20n)); // → 1 (1.045 capped)
 */
export function betterRate(rate: Fraction): Fraction {
  const better = multiply(rate, TEN_PERCENT_BETTER);
  return compare(better, FRACTION_ONE) > 0 ? FRACTION_ONE : better;
}

const exact = (f: Fraction): Exact => ({ exact: f, value: fractionToNumber(f) });

/** The source with one stage's rate 10 % better, in the source and in each of its channels. */
function improved(source: ValidSource, stage: string): ValidSource {
  const rates = { ...source.conversionRates, [stage]: exact(betterRate(source.conversionRates[stage].exact)) };
  const channels = source.channels.map((c): ValidChannel => ({ ...c, conversionRates: { ...c.conversionRates, [stage]: exact(betterRate(c.conversionRates[stage].exact)) } }));
  return { ...source, conversionRates: rates, channels };
}

/** Expected revenue of a source (or of its channels, summed) from the given entry volumes, exact. */
function forwardRevenue(plan: ValidPlan, source: ValidSource, volumes: readonly bigint[]): Fraction {
  const stages = plan.stages;
  const won = stages.length - 1;
  const paths = source.channels.length === 0 ? [{ conversionRates: source.conversionRates, avgDealSize: source.avgDealSize }] : source.channels;
  return paths.reduce((sum, path, i) => {
    const expected = forwardSource(fraction(volumes[i]), stages, source.entryStage, (stage) => path.conversionRates[stage].exact);
    return add(sum, multiply(expected[won], path.avgDealSize.exact));
  }, FRACTION_ZERO);
}

/**
 * Every stage of every source with what its 10 % better rate saves and adds, ranked (rules at the top).
 *
 * @example
 * // The seed's marketing source as one channel at 40 a lead: MQL → SQL 40 % → 44 %.
 * sensitivity(plan).find((s) => s.source === 'marketing' && s.stage === 'mql');
 * // → { rate: 0.4, betterRate: 0.44, entryToday: 12800, entryBetter: 11640, leadsSaved: 1160, budgetSaved: 46400, revenueGained: 400000, … }
 */
export function sensitivity(plan: ValidPlan): SensitivityItem[] {
  const stages = plan.stages;
  const target = plan.revenueTarget.exact;
  const items: SensitivityItem[] = [];
  for (const source of plan.sources) {
    const entry = stages.indexOf(source.entryStage);
    const [today] = reverseSources(target, stages, [source]);
    const volumesOf = (r: typeof today) => (source.channels.length === 0 ? [r.counts[entry]] : r.channels.map((c) => c.counts[entry]));
    const todayVolumes = volumesOf(today);
    const todayRevenue = forwardRevenue(plan, source, todayVolumes);
    for (const stage of stages.slice(entry, -1)) {
      const better = improved(source, stage);
      const [after] = reverseSources(target, stages, [better]);
      const costs = source.channels.map((c) => c.costPerLead);
      const budget =
        source.channels.length > 0 && costs.every((c) => c !== undefined)
          ? source.channels.reduce((sum, _c, i) => add(sum, multiply(fraction(today.channels[i].counts[entry] - after.channels[i].counts[entry]), (costs[i] as Exact).exact)), FRACTION_ZERO)
          : undefined;
      items.push({
        source: source.id,
        stage,
        rate: source.conversionRates[stage].value,
        betterRate: better.conversionRates[stage].value,
        entryStage: source.entryStage,
        entryToday: Number(today.counts[entry]),
        entryBetter: Number(after.counts[entry]),
        leadsSaved: Number(today.counts[entry] - after.counts[entry]),
        budgetSaved: budget === undefined ? null : fractionToNumber(budget),
        revenueGained: fractionToNumber(subtract(forwardRevenue(plan, better, todayVolumes), todayRevenue)),
      });
    }
  }
  return rankSensitivity(items);
}

/**
 * Ranked: rows that change something first, then revenueGained, budgetSaved (null last) and
 * leadsSaved, all highest first; ties keep their order.
 *
 * @example
 * rankSensitivity([{ revenueGained: 0, leadsSaved: 0, budgetSaved: 0, … }, { revenueGained: 600480, budgetSaved: null, … }, { revenueGained: 400000, budgetSaved: 100, … }]).map((s) => s.revenueGained); // → [600480, 400000, 0]
 */
export function rankSensitivity(items: readonly SensitivityItem[]): SensitivityItem[] {
  const budget = (s: SensitivityItem) => (s.budgetSaved === null ? -Infinity : s.budgetSaved);
  const changes = (s: SensitivityItem) => (s.revenueGained !== 0 || s.leadsSaved !== 0 || (s.budgetSaved ?? 0) !== 0 ? 1 : 0);
  return [...items].sort((a, b) => changes(b) - changes(a) || b.revenueGained - a.revenueGained || budget(b) - budget(a) || b.leadsSaved - a.leadsSaved);
}
