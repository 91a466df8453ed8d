/**
 * The four unhealthy funnel shapes of seed 003, and healthy, judged for one source from its
 * rates (and volumes, when a CRM export gave them) against benchmark bands (benchmarks.ts).
 *
 * The transitions of a funnel fall in three parts, by their from-stage: above the MQL stage
 * (acquisition: lead → MQL), from the MQL stage to the handoff stage (the marketing → sales
 * handoff: MQL → SQL, or MQL → BQL → SQL), and from the handoff stage down (sales conversion:
 * SQL → opportunity → won). The handoff stage is the plan's (default "sql"); without one, the
 * stage after "mql" (lead, mql, opportunity, won: MQL → opportunity is the handoff), and without
 * "mql" either, the won stage. Without an "mql" stage above the handoff, the stage just above the
 * handoff plays it.
 *
 * - broken (断裂型): a transition with no data or no flow — its rate is 0 (no record converted),
 *   nothing reached its from-stage (a count of 0, no rate to measure), the export's column of
 *   its from- or to-stage has no date in any row, or the export has no record of the source and
 *   the plan gives it no rate for every stage (with its rates, the source is judged on them, its
 *   evidence saying the export does not cover it).
 *   The pipeline system itself is missing a piece.
 * - straightTube (直筒型): the source enters above the MQL stage and its funnel is hardly wider
 *   at the top than at the bottom: an acquisition transition is above its band's high end, or
 *   (nothing broken, every transition with a band) the entry-to-won rate is above the product of
 *   the high ends — fewer entries per won deal than even the best benchmark funnel needs.
 *   Judgement call: a rate above its band at the top is read as too few leads to filter, not as
 *   excellent leads, as seed 003 reads the shape (acquisition limits growth).
 * - bigHeadSmallTail (头大尾小型): a handoff transition is below its band's low end — many MQLs,
 *   few SQLs: the handoff fails.
 * - wideTopNarrowBottom (前宽后窄型): a transition from the handoff stage down is below its
 *   band's low end — conversion after the handoff is poor.
 * - healthy: none of these.
 *
 * A channel that overrides a rate of its source is judged on its own rates too (its override,
 * else the source's rate): its findings, healthy included, follow the source's, their evidence
 * naming the channel. The source's own findings stay those of its own rates.
 *
 * A source may show several shapes at once (each is its own finding). Transitions without a
 * band are judged only for broken. Judgement call: a plan's counts are never read as "a count
 * of 0" — a plan derives them from its rates (a source with a 0 share plans nothing on purpose);
 * only a history's counts are.
 */
import { messages } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import type { Band } from './benchmarks';
import type { SourceEvidence, TransitionEvidence } from './funnelEvidence';

export type FunnelShape = 'broken' | 'straightTube' | 'wideTopNarrowBottom' | 'bigHeadSmallTail' | 'healthy';

/** A transition as judged: its evidence, its band (if any) and which part of the funnel it is in. */
export interface JudgedTransition extends TransitionEvidence {
  readonly band?: Band;
  readonly part: 'acquisition' | 'handoff' | 'sales';
}

export interface ShapeFinding {
  readonly shape: FunnelShape;
  /** The numbers behind it, in words. */
  readonly evidence: string;
  /** What to do, from the seeds, in words. */
  readonly advice: string;
  /** The transitions it rests on (empty for healthy and for a source with no records). */
  readonly transitions: readonly JudgedTransition[];
  /** The channel whose own rates it is about; absent: the source's rates. */
  readonly channel?: string;
}

export interface ShapeContext {
  readonly stages: readonly string[];
  /** The plan's handoff stage; undefined: the stage after "mql" (else the won stage). */
  readonly handoffStage: string | undefined;
  /** By from-stage (benchmarkBands). */
  readonly bands: Readonly<Record<string, Band>>;
  readonly lang?: Lang;
}

/**
 * Every shape one source shows, in the order broken, straight tube, big head small tail, wide
 * top narrow bottom; one healthy finding when none applies.
 *
 * @example
 * // Marketing at 25 % / 10 % / 50 % / 25 % against the default bands: MQL → SQL is below 20 %.
 * funnelShapes(marketing, { stages, handoffStage: 'sql', bands: benchmarkBands(stages) }).map((f) => f.shape);
 * // → ['bigHeadSmallTail']
 */
export function funnelShapes(source: SourceEvidence, context: ShapeContext): ShapeFinding[] {
  const t = messages(context.lang ?? 'en').diagnosis;
  const judged = judgeTransitions(source, context);
  const findings: ShapeFinding[] = [];
  // A source the export does not cover is judged on the plan's rates: every finding says so, wherever it is shown.
  const lead = source.notInExport ? [t.notInExport] : [];
  const finding = (shape: FunnelShape, evidence: readonly string[], on: readonly JudgedTransition[]) =>
    findings.push({ shape, evidence: [...lead, ...evidence].join(t.separator), advice: t.advice[shape], transitions: on });

  const broken = judged.filter(isBroken);
  if (source.noRecords) finding('broken', [t.noRecords], []);
  else if (broken.length > 0) finding('broken', broken.map((j) => brokenText(j, context.lang ?? 'en')), broken);

  const fine = judged.filter((j) => !isBroken(j));
  const above = fine.filter((j) => j.part === 'acquisition' && j.band && (j.rate as number) > j.band.high);
  const hasAcquisition = judged.some((j) => j.part === 'acquisition');
  const overall = hasAcquisition && !source.noRecords && broken.length === 0 && judged.every((j) => j.band) ? overallWidth(judged) : undefined;
  if (above.length > 0 || (overall && overall.rate > overall.max)) {
    const texts = above.map((j) => bandText(j, context.lang ?? 'en'));
    if (overall && overall.rate > overall.max) {
      texts.push(t.overall(label(source.entryStage, context.lang), percent(overall.rate), percent(overall.max), count(Math.ceil(1 / overall.rate - 1e-9)), count(Math.ceil(1 / overall.max - 1e-9))));
    }
    finding('straightTube', texts, above);
  }
  const below = (part: JudgedTransition['part']) => fine.filter((j) => j.part === part && j.band && (j.rate as number) < j.band.low);
  const handoff = below('handoff');
  if (handoff.length > 0) finding('bigHeadSmallTail', handoff.map((j) => bandText(j, context.lang ?? 'en')), handoff);
  const sales = below('sales');
  if (sales.length > 0) finding('wideTopNarrowBottom', sales.map((j) => bandText(j, context.lang ?? 'en')), sales);

  // Each channel overriding a rate is judged on its own rates, healthy included: its findings follow the source's, naming it.
  const ofChannels = (source.channels ?? []).flatMap((c) =>
    funnelShapes({ id: c.id, name: c.name, entryStage: source.entryStage, transitions: c.transitions, measured: false }, context).map((f) => ({ ...f, evidence: t.inChannel(c.name, f.evidence), channel: c.id })),
  );
  if (findings.length === 0) {
    const banded = judged.filter((j) => j.band);
    finding('healthy', banded.length > 0 ? banded.map((j) => bandText(j, context.lang ?? 'en')) : [t.noBands], []);
  }
  return [...findings, ...ofChannels];
}

/**
 * Each transition of the source with its band and its part of the funnel (rules at the top).
 *
 * @example
 * judgeTransitions(marketing, { stages: ['lead', 'mql', 'sql', 'opportunity', 'won'], handoffStage: 'sql', bands }).map((j) => j.part);
 * // → ['acquisition', 'handoff', 'sales', 'sales']
 */
export function judgeTransitions(source: SourceEvidence, context: ShapeContext): JudgedTransition[] {
  const { stages } = context;
  const won = stages.length - 1;
  const mql = stages.indexOf('mql');
  // Without a handoff stage the handoff is still the one transition out of MQL: falling back to won
  // would read every sales transition below MQL as the handoff (a poor win rate as big head small tail).
  const fallback = mql >= 0 && mql < won ? mql + 1 : won;
  const handoffAt = context.handoffStage !== undefined && stages.includes(context.handoffStage) ? stages.indexOf(context.handoffStage) : fallback;
  const mqlAt = mql >= 0 && mql < handoffAt ? mql : handoffAt - 1;
  return source.transitions.map((tr) => {
    const at = stages.indexOf(tr.from);
    const part = at < mqlAt ? 'acquisition' : at < handoffAt ? 'handoff' : 'sales';
    const band = Object.prototype.hasOwnProperty.call(context.bands, tr.from) ? context.bands[tr.from] : undefined;
    return { ...tr, part, ...(band ? { band } : {}) };
  });
}

const isBroken = (j: TransitionEvidence): boolean => j.emptyColumn !== undefined || j.rate === null || j.rate === 0;

/** The entry-to-won rate, and the most it could be with every rate at its band's high end. */
function overallWidth(judged: readonly JudgedTransition[]): { rate: number; max: number } {
  return {
    rate: judged.reduce((p, j) => p * (j.rate as number), 1),
    max: judged.reduce((p, j) => p * (j.band as Band).high, 1),
  };
}

const label = (stage: string, lang: Lang = 'en'): string => {
  const short: Readonly<Record<string, string>> = messages(lang).diagnosis.stage;
  return Object.prototype.hasOwnProperty.call(short, stage) ? short[stage] : stage;
};

/**
 * A rate as a percentage with at most one decimal, rounded half up on the decimal digits: toFixed
 * rounds the binary double, so 25.95 (stored as 25.9499…) would read 25.9 % next to a 26 % for the
 * same rate elsewhere.
 *
 * @example
 * percent(0.125);  // → '12.5%'
 * percent(0.4);    // → '40%'
 * percent(0.2595); // → '26%'
 * percent(0.28545); // → '28.5%'
 */
export function percent(rate: number): string {
  // 12 significant digits drop the noise of rate × 100 (0.2595 × 100 = 25.950000000000003).
  const hundred = Number((rate * 100).toPrecision(12));
  const text = String(Math.abs(hundred));
  if (text.includes('e')) return `${Number(hundred.toFixed(1))}%`; // below 1e-6 %: nothing to round
  // Shifting by the decimal exponent in text keeps the digits decimal: Number('25.95e1') is 259.5 exactly.
  const rounded = Number(`${Math.round(Number(`${text}e1`))}e-1`);
  return `${hundred < 0 ? -rounded : rounded}%`;
}

/**
 * A count with thousands separators.
 *
 * @example
 * count(12800); // → '12,800'
 */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

function bandText(j: JudgedTransition, lang: Lang): string {
  const t = messages(lang).diagnosis;
  const volumes = j.sample !== undefined && j.converted !== undefined ? t.volumes(count(j.converted), count(j.sample), label(j.from, lang)) : undefined;
  return t.rateInBand(t.transition(label(j.from, lang), label(j.to, lang)), percent(j.rate as number), j.band ? `${percent(j.band.low)}–${percent(j.band.high)}` : undefined, volumes);
}

function brokenText(j: JudgedTransition, lang: Lang): string {
  const t = messages(lang).diagnosis;
  const name = t.transition(label(j.from, lang), label(j.to, lang));
  if (j.emptyColumn) return t.emptyColumn(name, j.emptyColumn.column);
  if (j.rate === null) return t.noneReached(name, label(j.from, lang));
  return t.noneConverted(name, count(j.sample ?? 0), label(j.from, lang));
}
