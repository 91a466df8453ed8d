/** Validates and plans a sidebar's input: the shared core of previewPlan and generateFromSidebar. */
import { plan } from '../core/plan';
import type { FunnelPlan } from '../core/funnelPlan';
import { HeadcountPlan, planHeadcount } from '../core/headcount/planHeadcount';
import type { ValidPlan } from '../core/planInput';
import type { Lang } from '../core/stages';
import { PlanTimeline, planTimeline } from '../core/time/planTimeline';
import type { GenerateResponse } from './sidebarContract';
import { sidebarErrors, sidebarSummary } from './sidebarSummary';

/** A valid plan with its funnel, its months and its headcount (undefined when it has no fiscal year), each computed once. */
export type Planned =
  | { ok: true; plan: ValidPlan; funnel: FunnelPlan; timeline: PlanTimeline | undefined; headcount: HeadcountPlan | undefined }
  | { ok: false; response: GenerateResponse };

/** `today` ("YYYY-MM-DD", the sheet's) dates a plan without a fiscal-year start, as Generate does. */
export function planForSidebar(input: unknown, lang: Lang, today?: string): Planned {
  const outcome = plan(input, { today });
  if (!outcome.ok) return { ok: false, response: { ok: false, reason: 'invalid', errors: sidebarErrors(outcome.errors, lang) } };
  const timeline = planTimeline(outcome.plan, outcome.funnel);
  return { ...outcome, timeline, headcount: timeline ? planHeadcount(outcome.plan, timeline) : undefined };
}

/** previewPlan: the summary the sidebar shows, without writing anything. */
export function previewResponse(input: unknown, lang: Lang, today?: string): GenerateResponse {
  const planned = planForSidebar(input, lang, today);
  if (!planned.ok) return planned.response;
  return { ok: true, summary: sidebarSummary(planned.funnel, lang, planned.timeline, planned.headcount, planned.plan.bonus), sheets: [], backups: [] };
}
