/** Validates and plans a sidebar's input: the shared core of previewPlan and generateFromSidebar. */
import { plan } from '../core/plan';
import type { FunnelPlan } from '../core/funnelPlan';
import type { ValidPlan } from '../core/planInput';
import type { Lang } from '../core/stages';
import type { GenerateResponse } from './sidebarContract';
import { sidebarErrors, sidebarSummary } from './sidebarSummary';

export type Planned = { ok: true; plan: ValidPlan; funnel: FunnelPlan } | { ok: false; response: GenerateResponse };

export function planForSidebar(input: unknown, lang: Lang, today?: string): Planned {
  const outcome = plan(input, { today });
  if (!outcome.ok) return { ok: false, response: { ok: false, reason: 'invalid', errors: sidebarErrors(outcome.errors, lang) } };
  return outcome;
}

/** previewPlan: the summary the sidebar shows, without writing anything. */
export function previewResponse(input: unknown, lang: Lang): GenerateResponse {
  const planned = planForSidebar(input, lang);
  if (!planned.ok) return planned.response;
  return { ok: true, summary: sidebarSummary(planned.funnel, lang), sheets: [], backups: [] };
}
