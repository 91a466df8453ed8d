/** The plan as the sidebar shows it, and validation errors as the sidebar's form fields name them. */
import { FieldError, formatFieldError } from '../core/fieldError';
import type { FunnelPlan } from '../core/funnelPlan';
import { Lang, stageLabel } from '../core/stages';
import type { SidebarFieldError, SidebarSummary } from './sidebarContract';

export function sidebarSummary(funnel: FunnelPlan, lang: Lang): SidebarSummary {
  const m = funnel.marketingTarget;
  return {
    currency: funnel.currency,
    revenueTarget: funnel.revenueTarget,
    stages: funnel.stages.map((id) => ({ id, label: stageLabel(id, lang), total: funnel.total.counts[id] })),
    sources: funnel.sources.map((s) => ({ id: s.id, name: s.name, counts: { ...s.counts }, revenue: s.revenue })),
    marketingTarget: m ? { stage: m.stage, label: stageLabel(m.stage, lang), count: m.count } : null,
  };
}

export function sidebarErrors(errors: readonly FieldError[], lang: Lang): SidebarFieldError[] {
  // The message without its "path: " prefix: the form shows it next to the field.
  return errors.map((e) => ({ path: e.path, message: formatFieldError(e, lang).slice(e.path.length + 2) }));
}
