/**
 * The simulation the sidebar ran in the browser (core/confidence, `planConfidence(plan, funnel)`),
 * as the Apps Script server receives it with Generate: plain JSON from a page, so nothing about it
 * is trusted. Every number is checked finite and in its range, trials and seed whole, the sources
 * exactly the plan's with their entry stages and planned volumes, the target the plan's and the
 * histogram's trials adding up — so a result that is malformed, or of another plan (a form changed
 * after the simulation), is refused with the field, what was expected and what was found, rather
 * than written onto the Confidence sheet. What passes is rebuilt field by field: nothing else the
 * page sent reaches a sheet.
 */
import type { Confidence, HistogramBin } from '../core/confidence/confidence';
import type { Quantiles } from '../core/confidence/simulate';
import { describeValue } from '../core/fieldError';
import type { FunnelPlan } from '../core/funnelPlan';
import { messages } from '../core/i18n/catalogue';
import { isRecord } from '../core/isRecord';
import type { ValidPlan } from '../core/planInput';
import { stageLabel, type Lang } from '../core/stages';

export type ConfidenceReading = { readonly ok: true; readonly confidence: Confidence | undefined } | { readonly ok: false; readonly message: string };

/** More bins than any histogram the core draws (20 by default) could sensibly have. */
const MAX_BINS = 1_000;
const MAX_TRIALS = 10_000_000;
const MAX_SEED = 0xffffffff;

class Refused extends Error {}

/** The volume a source enters the plan with, as the simulation plans it: its channels' entry counts summed, else its own. */
function plannedVolume(plan: ValidPlan, funnel: FunnelPlan, i: number): number {
  const s = plan.sources[i];
  const f = funnel.sources[i];
  return s.channels.length > 0 ? f.channels.reduce((a, c) => a + c.counts[s.entryStage], 0) : f.counts[s.entryStage];
}

/**
 * The sidebar's confidence for this plan, checked; `undefined` when the page sent none (null:
 * it could not simulate), so the sheet says where the simulation runs.
 *
 * @example
 * readConfidence(null, plan, funnel, 'en');                  // → { ok: true, confidence: undefined }
 * readConfidence({ trials: 'many' }, plan, funnel, 'en');    // → { ok: false, message: 'The sidebar\'s simulation, confidence.trials: expected a whole number of trials …, got "many". …' }
 */
export function readConfidence(raw: unknown, plan: ValidPlan, funnel: FunnelPlan, lang: Lang): ConfidenceReading {
  if (raw === null || raw === undefined) return { ok: true, confidence: undefined };
  const t = messages(lang).confidence;
  const refuse = (path: string, expected: string, got: unknown): never => {
    throw new Refused(t.bad(path, expected, describeValue(got, lang)));
  };
  const record = (value: unknown, path: string): Record<string, unknown> => (isRecord(value) ? value : refuse(path, t.expectObject, value));
  const finite = (value: unknown, path: string): number => (typeof value === 'number' && Number.isFinite(value) ? value : refuse(path, t.expectNumber, value));
  const whole = (value: unknown, path: string, max: number, expected: string, min = 0): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : refuse(path, expected, value);
  const quantiles = (value: unknown, path: string): Quantiles => {
    const q = record(value, path);
    return { p10: finite(q.p10, `${path}.p10`), p50: finite(q.p50, `${path}.p50`), p90: finite(q.p90, `${path}.p90`), mean: finite(q.mean, `${path}.mean`) };
  };
  const ids = plan.sources.map((s) => s.id);
  /** A record keyed by exactly the plan's source ids. */
  const bySourceOf = (value: unknown, path: string): Record<string, unknown> => {
    const r = record(value, path);
    const keys = Object.keys(r);
    if (keys.length !== ids.length || !ids.every((id) => Object.prototype.hasOwnProperty.call(r, id))) refuse(path, t.expectSources(ids.join(', ')), keys.join(', '));
    return r;
  };

  try {
    const c = record(raw, 'confidence');
    const trials = whole(c.trials, 'confidence.trials', MAX_TRIALS, t.expectTrials, 1);
    const seed = whole(c.seed, 'confidence.seed', MAX_SEED, t.expectSeed);
    const target = finite(c.target, 'confidence.target');
    if (target !== plan.revenueTarget.value) refuse('confidence.target', t.expectTarget(String(plan.revenueTarget.value)), target);
    const revenue = quantiles(c.revenue, 'confidence.revenue');
    const pHitTarget = finite(c.pHitTarget, 'confidence.pHitTarget');
    if (pHitTarget < 0 || pHitTarget > 1) refuse('confidence.pHitTarget', t.expectProbability, pHitTarget);

    const rawBySource = bySourceOf(c.bySource, 'confidence.bySource');
    const bySource = Object.fromEntries(
      ids.map((id) => {
        const s = record(rawBySource[id], `confidence.bySource.${id}`);
        return [id, { won: quantiles(s.won, `confidence.bySource.${id}.won`), revenue: quantiles(s.revenue, `confidence.bySource.${id}.revenue`) }];
      }),
    );

    const f = record(c.forConfidence, 'confidence.forConfidence');
    const level = finite(f.confidence, 'confidence.forConfidence.confidence');
    if (!(level > 0 && level < 1)) refuse('confidence.forConfidence.confidence', t.expectConfidence, level);
    // JSON has no undefined: a page may send null, or leave the field out, for "no multiplier reaches it".
    const multiplier = f.multiplier === null || f.multiplier === undefined ? undefined : finite(f.multiplier, 'confidence.forConfidence.multiplier');
    if (multiplier !== undefined && multiplier < 1) refuse('confidence.forConfidence.multiplier', t.expectMultiplier, multiplier);
    const rawVolumes = bySourceOf(f.bySource, 'confidence.forConfidence.bySource');
    const volumes = Object.fromEntries(
      plan.sources.map((source, i) => {
        const path = `confidence.forConfidence.bySource.${source.id}`;
        const v = record(rawVolumes[source.id], path);
        if (v.stage !== source.entryStage) refuse(`${path}.stage`, t.expectStage(`${source.entryStage} (${stageLabel(source.entryStage, lang)})`), v.stage);
        const planned = whole(v.planned, `${path}.planned`, Number.MAX_SAFE_INTEGER, t.expectCount);
        const wanted = plannedVolume(plan, funnel, i);
        if (planned !== wanted) refuse(`${path}.planned`, t.expectPlanned(String(wanted)), planned);
        const volume = v.volume === null || v.volume === undefined ? undefined : whole(v.volume, `${path}.volume`, Number.MAX_SAFE_INTEGER, t.expectCount);
        return [source.id, { stage: source.entryStage, planned, volume }];
      }),
    );

    if (!Array.isArray(c.histogram) || c.histogram.length > MAX_BINS) refuse('confidence.histogram', t.expectList, c.histogram);
    const histogram: HistogramBin[] = (c.histogram as unknown[]).map((bin, i) => {
      const path = `confidence.histogram[${i}]`;
      const b = record(bin, path);
      return { from: finite(b.from, `${path}.from`), to: finite(b.to, `${path}.to`), trials: whole(b.trials, `${path}.trials`, MAX_TRIALS, t.expectCount) };
    });
    const counted = histogram.reduce((a, b) => a + b.trials, 0);
    if (counted !== trials) refuse('confidence.histogram', t.expectBins(String(trials)), counted);

    const bonusCost = c.bonusCost === null || c.bonusCost === undefined ? undefined : quantiles(c.bonusCost, 'confidence.bonusCost');
    const confidence: Confidence = {
      trials,
      seed,
      target,
      revenue,
      pHitTarget,
      bySource,
      forConfidence: { confidence: level, multiplier, bySource: volumes },
      histogram,
      ...(bonusCost ? { bonusCost } : {}),
    };
    return { ok: true, confidence };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    throw error;
  }
}
