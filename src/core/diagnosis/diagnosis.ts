/**
 * What is wrong with the funnel (design.md §11): per source, the shapes of seed 003 with their
 * evidence and advice (funnelShapes.ts), and the sensitivity ranking (sensitivity.ts) — the
 * latter only when there is a valid plan to work it on (an export with a broken stage may have
 * no rate to plan with), and without the stages a source is broken at.
 */
import type { Lang } from '../i18n/lang';
import type { ValidPlan } from '../planInput';
import { Band, benchmarkBands } from './benchmarks';
import type { SourceEvidence } from './funnelEvidence';
import { ShapeFinding, funnelShapes } from './funnelShapes';
import { SensitivityItem, sensitivity } from './sensitivity';

export interface SourceDiagnosis {
  readonly id: string;
  readonly name: string;
  readonly entryStage: string;
  /** True when judged on a CRM export's rates and counts. */
  readonly measured: boolean;
  readonly shapes: readonly ShapeFinding[];
}

export interface Diagnosis {
  readonly stages: readonly string[];
  /** The bands judged against, by from-stage: the plan's own, else the defaults. */
  readonly bands: Readonly<Record<string, Band>>;
  readonly sources: readonly SourceDiagnosis[];
  /** Ranked; null when there was no valid plan to work it on. */
  readonly sensitivity: readonly SensitivityItem[] | null;
  /** Stages left out of the sensitivity: broken in the export, so the plan's rate there is typed, not measured. */
  readonly sensitivityLeftOut: readonly { readonly source: string; readonly stage: string }[];
}

export interface DiagnoseInput {
  readonly stages: readonly string[];
  readonly handoffStage: string | undefined;
  /** The plan's own bands (readBenchmarks); the rest are the defaults. */
  readonly benchmarks?: Readonly<Record<string, Band>>;
  readonly evidence: readonly SourceEvidence[];
  /** The plan the sensitivity is worked on; undefined: no sensitivity. */
  readonly plan?: ValidPlan;
  readonly lang?: Lang;
}

/**
 * The diagnosis of every source, and the sensitivity ranking when a plan is given.
 *
 * @example
 * // The default template: both sources healthy; the best 10 % is outbound's SQL → opportunity (+600,480).
 * const { plan } = validatePlan(defaultPlanInput());
 * const d = diagnose({ stages: plan.stages, handoffStage: plan.handoffStage, evidence: planEvidence(plan), plan });
 * d.sources.map((s) => s.shapes[0].shape); // → ['healthy', 'healthy']
 */
export function diagnose(input: DiagnoseInput): Diagnosis {
  const bands = benchmarkBands(input.stages, input.benchmarks ?? {});
  const context = { stages: input.stages, handoffStage: input.handoffStage, bands, lang: input.lang ?? 'en' };
  const sources = input.evidence.map((e) => ({ id: e.id, name: e.name, entryStage: e.entryStage, measured: e.measured, shapes: funnelShapes(e, context) }));
  // A broken stage has no measured rate: the plan kept the typed one there, and ranking a lever on it would rank a guess.
  const broken = sources.flatMap((s) => s.shapes.filter((f) => f.shape === 'broken').flatMap((f) => f.transitions.map((t) => ({ source: s.id, stage: t.from }))));
  const isBroken = (item: SensitivityItem) => broken.some((b) => b.source === item.source && b.stage === item.stage);
  const ranked = input.plan ? sensitivity(input.plan) : null;
  return {
    stages: input.stages,
    bands,
    sources,
    sensitivity: ranked ? ranked.filter((item) => !isBroken(item)) : null,
    sensitivityLeftOut: ranked ? broken : [],
  };
}

/**
 * `diagnose --json`: `bySource.<id>.shapes` (each `{ shape, evidence, advice, stages }`, stages
 * being the from-stages it rests on, and `channel` when it is about a channel's own rates), `sensitivity` (the ranked list, or null),
 * `sensitivityLeftOut` (`{ source, stage }` broken in the export, not ranked), `benchmarks`.
 *
 * @example
 * diagnosisJson(d).bySource.outbound.shapes[0].shape; // → 'healthy'
 */
export function diagnosisJson(d: Diagnosis): {
  bySource: Record<string, { name: string; entryStage: string; measured: boolean; shapes: { shape: string; evidence: string; advice: string; stages: string[]; channel?: string }[] }>;
  sensitivity: SensitivityItem[] | null;
  sensitivityLeftOut: { source: string; stage: string }[];
  benchmarks: Record<string, Band>;
} {
  const bySource: ReturnType<typeof diagnosisJson>['bySource'] = {};
  for (const s of d.sources) {
    bySource[s.id] = {
      name: s.name,
      entryStage: s.entryStage,
      measured: s.measured,
      shapes: s.shapes.map((f) => ({ shape: f.shape, evidence: f.evidence, advice: f.advice, stages: f.transitions.map((t) => t.from), ...(f.channel !== undefined ? { channel: f.channel } : {}) })),
    };
  }
  return { bySource, sensitivity: d.sensitivity ? d.sensitivity.map((s) => ({ ...s })) : null, sensitivityLeftOut: d.sensitivityLeftOut.map((s) => ({ ...s })), benchmarks: { ...d.bands } };
}
