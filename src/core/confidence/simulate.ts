/**
 * How sure the plan is (design.md §11): a seeded Monte Carlo run of the funnel forwards. Each
 * trial starts every source (or each of its channels) at its planned entry volume, converts it
 * stage by stage as binomial counts of the records entering each stage, and values the won deals
 * at the deal size. Rate uncertainty, when the plan has it, is drawn once per trial and unit
 * before the counts: Beta(1 + converted, 1 + sample − converted) from history, or a Beta fitted to
 * a typed range; deal sizes vary by their coefficient of variation (the sum of W deals is then
 * Gamma(W / cv², avg · cv²)). Without either only the binomial noise remains, and the plain plan
 * hits its target about half the time (a little more: every stage was rounded up).
 *
 * Trial t draws from its own stream (the seed and t mixed), so two runs that differ only in their
 * volumes see the same luck trial by trial — common random numbers, which make "how many more
 * leads for 90 %" a search on a (nearly) monotone function.
 */
import type { FunnelPlan } from '../funnelPlan';
import type { RateRange, ValidPlan } from '../planInput';
import { beta, standardNormal } from '../random/beta';
import { binomial } from '../random/binomial';
import { RandomSource, reseedableRandom, seededRandom } from '../random/seededRandom';

/**
 * A rate's spread: low + (high − low) · Beta(a, b), a, b ≥ 1; low 0 and high 1 when not given;
 * times `scale` (at most 1) when given — a channel converting at its own rate under its source's
 * history draws the source's rate scaled by its own ÷ the source's.
 */
export interface RateSpread {
  readonly a: number;
  readonly b: number;
  readonly low?: number;
  readonly high?: number;
  readonly scale?: number;
}

/**
 * The PERT spread of a typed range around a unit's rate: Beta(1 + 4 (m − L) / (H − L), 1 + 4 (H − m) / (H − L))
 * on [L, H], most likely at the planned rate m (Vose, "Risk Analysis", 3rd ed., §9.1.4; the
 * three-point estimate project planners use). A channel whose rate differs from its source's
 * keeps the range's relative width: L and H scale by its rate ÷ the source's (H at most 1).
 * Undefined when the range is a single point: the rate is then certain.
 *
 * @example
 * pertSpread({ low: 0.3, high: 0.5 }, 0.4, 0.4); // → { a: 3, b: 3, low: 0.3, high: 0.5 } (mean 0.4)
 * pertSpread({ low: 0.3, high: 0.5 }, 0.4, 0.2); // → { a: 3, b: 3, low: 0.15, high: 0.25 }
 */
export function pertSpread(range: RateRange, sourceRate: number, rate: number): RateSpread | undefined {
  const k = rate / sourceRate;
  const low = range.low * k;
  const high = Math.min(1, range.high * k);
  if (!(high > low)) return undefined;
  return { a: 1 + (4 * (rate - low)) / (high - low), b: 1 + (4 * (high - rate)) / (high - low), low, high };
}

export interface Uncertainty {
  /** sourceId → stage → the rate's spread; a unit of a source (a channel) shares its source's. */
  readonly rates?: Readonly<Record<string, Readonly<Record<string, RateSpread>>>>;
  /** sourceId → coefficient of variation of one deal's size (sd ÷ mean); wins over the plan's dealSizeCv. */
  readonly dealSizeCv?: Readonly<Record<string, number>>;
}

/** One funnel that is simulated on its own: a source, or a channel of it. */
interface Unit {
  readonly sourceIndex: number;
  readonly sourceId: string;
  readonly volume: number;
  /** Rates from the entry stage down to the one above won, in order. */
  readonly rates: readonly number[];
  readonly spreads: readonly (RateSpread | undefined)[];
  readonly stages: readonly string[];
  /** Each of `stages` as its index in the plan's stages. */
  readonly stageIndex: readonly number[];
  readonly avgDealSize: number;
  readonly cv: number;
}

export interface SimulationModel {
  readonly target: number;
  readonly sourceIds: readonly string[];
  /** The plan's stages, top to bottom. */
  readonly stages: readonly string[];
  readonly units: readonly Unit[];
}

/**
 * The units of a plan: each channel of a split source, else the source. A rate's spread is
 * history's (`uncertainty.rates`) when the export measured it, else the source's typed range
 * (conversionRanges, as a PERT spread); deal sizes vary by `uncertainty.dealSizeCv`, else the
 * source's dealSizeCv.
 *
 * @example
 * simulationModel(plan, funnel).units.length; // → 4 for the template (3 marketing channels, outbound)
 */
export function simulationModel(plan: ValidPlan, funnel: FunnelPlan, uncertainty: Uncertainty = {}): SimulationModel {
  const stages = plan.stages;
  const won = stages[stages.length - 1];
  const units: Unit[] = [];
  plan.sources.forEach((source, sourceIndex) => {
    const from = stages.indexOf(source.entryStage);
    const chain = stages.slice(from, stages.length - 1);
    const spreadOf = uncertainty.rates?.[source.id] ?? {};
    const ranges = source.conversionRanges ?? {};
    const cv = uncertainty.dealSizeCv?.[source.id] ?? source.dealSizeCv ?? 0;
    const sf = funnel.sources[sourceIndex];
    const parts = source.channels.length > 0
      ? source.channels.map((c, i) => ({ rates: c.conversionRates, deal: c.avgDealSize.value, volume: sf.channels[i].counts[source.entryStage] }))
      : [{ rates: source.conversionRates, deal: source.avgDealSize.value, volume: sf.counts[source.entryStage] }];
    for (const p of parts) {
      units.push({
        sourceIndex,
        sourceId: source.id,
        volume: p.volume,
        rates: chain.map((s) => p.rates[s].value),
        spreads: chain.map((s) => {
          const measured = spreadOf[s];
          const own = p.rates[s].value;
          const of = source.conversionRates[s].value;
          if (measured) return own === of ? measured : { ...measured, scale: own / of };
          return ranges[s] ? pertSpread(ranges[s], of, own) : undefined;
        }),
        stages: [...chain, won],
        stageIndex: [...chain, won].map((s) => stages.indexOf(s)),
        avgDealSize: p.deal,
        cv,
      });
    }
  });
  return { target: plan.revenueTarget.value, sourceIds: plan.sources.map((s) => s.id), stages, units };
}

/**
 * The stream of trial t: the seed and t mixed, so trials are independent and each is reproducible on its own.
 *
 * @example
 * trialStream(2027, 0).nextUint32() === trialStream(2027, 0).nextUint32(); // → true
 */
export function trialStream(seed: number, t: number): RandomSource {
  return seededRandom((seed ^ Math.imul(t + 1, 0x9e3779b9)) >>> 0);
}

/**
 * A planned entry volume times a multiplier, rounded up exactly: the multiplier is taken to the
 * thousandth (the search's grid) and the product is whole thousandths, so 6,400 × 1.1 is 7,040
 * (binary 6,400 × 1.1 would round up to 7,041).
 *
 * @example
 * scaledVolume(6400, 1.1);   // → 7040
 * scaledVolume(1668, 1.067); // → 1780 (1,779.756 rounded up)
 */
export function scaledVolume(volume: number, multiplier: number): number {
  if (multiplier === 1) return volume;
  return Math.ceil((volume * Math.round(multiplier * 1000)) / 1000);
}

function drawRate(rng: RandomSource, spread: RateSpread): number {
  const low = spread.low ?? 0;
  const p = low + ((spread.high ?? 1) - low) * beta(rng, spread.a, spread.b);
  return spread.scale === undefined ? p : Math.min(1, p * spread.scale);
}

/**
 * What W won deals are worth together when one deal's size has mean avg and coefficient of
 * variation cv: a lognormal matched to the sum's mean W · avg and variance W · (avg · cv)²
 * (Fenton–Wilkinson). One deal is then exactly lognormal — B2B deal sizes are right-skewed, a
 * few large deals — and its median at cv 2 is 45 % of the mean (a gamma's would be 11 %).
 *
 * @example
 * dealSum(seededRandom(1), 40, 25_000, 0.6); // → about 1,000,000 (sd 95,000)
 */
export function dealSum(rng: RandomSource, won: number, avg: number, cv: number): number {
  const s2 = Math.log(1 + (cv * cv) / won);
  return Math.exp(Math.log(won * avg) - s2 / 2 + Math.sqrt(s2) * standardNormal(rng));
}

/**
 * Every stage of every unit draws from its own stream, seeded from the trial's in a fixed order:
 * how many uniforms one stage's draw takes (BTPE rejects a varying number) never moves another's,
 * so runs at neighbouring volumes keep each stage's luck — the common random numbers the volume
 * search leans on.
 */
const STAGE = reseedableRandom();

/** Where a trial's details go, each array zeroed by the trial first. */
export interface TrialOut {
  /** Won deals per source. */
  readonly won: Float64Array;
  /** Revenue per source. */
  readonly revenue: Float64Array;
  /** Records reaching each stage, per source: counts[s · stages + i] for the plan's stage i. */
  readonly counts?: Float64Array;
}

/**
 * One trial: its revenue, and its details into `out`. `scale` multiplies every planned entry
 * volume (scaledVolume). The W won deals of a unit are worth dealSum's lognormal together.
 *
 * @example
 * runTrial(model, trialStream(2027, 0));      // → e.g. 9,985,000
 * runTrial(model, trialStream(2027, 0), 1.1); // → the same trial's luck with 10 % more leads
 */
export function runTrial(model: SimulationModel, rng: RandomSource, scale = 1, out?: TrialOut): number {
  let total = 0;
  out?.won.fill(0);
  out?.revenue.fill(0);
  const counts = out?.counts;
  counts?.fill(0);
  const width = model.stages.length;
  for (const u of model.units) {
    let n = scaledVolume(u.volume, scale);
    const row = u.sourceIndex * width;
    for (let i = 0; i < u.rates.length; i++) {
      if (counts) counts[row + u.stageIndex[i]] += n;
      const spread = u.spreads[i];
      STAGE.reseed(rng.nextUint32());
      const p = spread ? drawRate(STAGE, spread) : u.rates[i];
      n = binomial(STAGE, n, p);
    }
    if (counts) counts[row + u.stageIndex[u.rates.length]] += n;
    STAGE.reseed(rng.nextUint32());
    const revenue = n === 0 ? 0 : u.cv > 0 ? dealSum(STAGE, n, u.avgDealSize, u.cv) : n * u.avgDealSize;
    total += revenue;
    if (out) {
      out.won[u.sourceIndex] += n;
      out.revenue[u.sourceIndex] += revenue;
    }
  }
  return total;
}

export interface Quantiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

/**
 * Nearest-rank quantiles of a sample: P10 is the value at rank ⌈0.1 · N⌉ of the sorted values.
 *
 * @example
 * quantiles(Float64Array.from([5, 1, 4, 2, 3, 6, 8, 7, 10, 9])); // → { p10: 1, p50: 5, p90: 9, mean: 5.5 }
 */
export function quantiles(values: Float64Array): Quantiles {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
  let sum = 0;
  for (const v of values) sum += v;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: sum / values.length };
}

export interface Simulation {
  readonly trials: number;
  readonly seed: number;
  /** Revenue of every trial, in trial order. */
  readonly revenue: Float64Array;
  /** wonBySource[s][t]: won deals of source s in trial t. */
  readonly wonBySource: readonly Float64Array[];
  readonly revenueBySource: readonly Float64Array[];
  /** Share of trials whose revenue reaches the target. */
  readonly pHitTarget: number;
}

/**
 * @example
 * const s = simulate(simulationModel(plan, funnel), 10_000, 2027);
 * s.pHitTarget;            // → about 0.55 for the plain template (binomial noise only)
 * quantiles(s.revenue).p50; // → about 10,050,000
 */
export function simulate(model: SimulationModel, trials: number, seed: number, scale = 1, onTrial?: (t: number, revenue: number, out: Required<TrialOut>) => void): Simulation {
  const revenue = new Float64Array(trials);
  const k = model.sourceIds.length;
  const wonBySource = Array.from({ length: k }, () => new Float64Array(trials));
  const revenueBySource = Array.from({ length: k }, () => new Float64Array(trials));
  const out: Required<TrialOut> = { won: new Float64Array(k), revenue: new Float64Array(k), counts: new Float64Array(k * model.stages.length) };
  let hits = 0;
  for (let t = 0; t < trials; t++) {
    const r = runTrial(model, trialStream(seed, t), scale, onTrial ? out : { won: out.won, revenue: out.revenue });
    revenue[t] = r;
    if (r >= model.target) hits++;
    for (let s = 0; s < k; s++) {
      wonBySource[s][t] = out.won[s];
      revenueBySource[s][t] = out.revenue[s];
    }
    onTrial?.(t, r, out);
  }
  return { trials, seed, revenue, wonBySource, revenueBySource, pHitTarget: hits / trials };
}

/** P(hit) of `trials` trials at a volume multiplier, nothing else kept (the search's step). */
function pHit(model: SimulationModel, trials: number, seed: number, scale: number): number {
  let hits = 0;
  for (let t = 0; t < trials; t++) if (runTrial(model, trialStream(seed, t), scale) >= model.target) hits++;
  return hits / trials;
}

/**
 * The smallest common multiplier of every planned entry volume, in thousandths, whose trials
 * reach the target at least `confidence` of the time, on the same trials as the plan's run;
 * undefined when even 20 × the volumes do not (a rate at 0, say). Bisection on the grid of
 * thousandths: the value returned is one whose trials were run and reached it. P(hit) rises with
 * volume on the common random numbers but not strictly step by step (the binomial draws of
 * neighbouring volumes are not one another's plus a little), so a grid value just below may too:
 * the search answers to its 0.001 on the trend.
 *
 * @example
 * multiplierForConfidence(model, 10_000, 2027, 0.9); // → about 1.066 for the plain template
 */
export function multiplierForConfidence(model: SimulationModel, trials: number, seed: number, confidence: number): number | undefined {
  const reaches = (k: number) => pHit(model, trials, seed, k / 1000) >= confidence;
  let lo: number;
  let hi: number;
  if (reaches(1000)) {
    // Already sure enough: how far could the volumes fall?
    lo = 0;
    hi = 1000;
  } else {
    lo = 1000;
    hi = 1250;
    while (!reaches(hi)) {
      lo = hi;
      if (hi >= 20_000) return undefined;
      hi = Math.min(20_000, hi * 2);
    }
  }
  // Invariant: hi reaches the confidence (tested), lo does not (or is 0).
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return hi / 1000;
}
