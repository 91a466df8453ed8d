/** The plan as the sidebar shows it, and validation errors as the sidebar's form fields name them. */
import { FieldError, formatFieldError } from '../core/fieldError';
import type { FunnelPlan } from '../core/funnelPlan';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { calendarMonth } from '../core/time/fiscalYear';
import type { PlanTimeline } from '../core/time/planTimeline';
import type { SidebarFieldError, SidebarMonths, SidebarSummary } from './sidebarContract';

export function sidebarSummary(funnel: FunnelPlan, lang: Lang, timeline: PlanTimeline | undefined): SidebarSummary {
  const m = funnel.marketingTarget;
  return {
    currency: funnel.currency,
    revenueTarget: funnel.revenueTarget,
    stages: funnel.stages.map((id) => ({ id, label: stageLabel(id, lang), total: funnel.total.counts[id] })),
    sources: funnel.sources.map((s) => ({ id: s.id, name: s.name, counts: { ...s.counts }, revenue: s.revenue })),
    marketingTarget: m ? { stage: m.stage, label: stageLabel(m.stage, lang), count: m.count } : null,
    months: timeline ? sidebarMonths(funnel, timeline, lang) : null,
  };
}

/** Marketing's headline by month (the marketing team's, as on the Teams sheet) and each channel's budget over the FY. */
function sidebarMonths(funnel: FunnelPlan, timeline: PlanTimeline, lang: Lang): SidebarMonths {
  const t = messages(lang).report;
  const headline = timeline.teams.find((team) => team.id === 'marketing')?.headline;
  const channels = funnel.sources.flatMap((s) => s.channels.map((c) => ({ channel: c, source: s.name })));
  return {
    months: timeline.months.map((_, i) => {
      const index = timeline.first + i;
      const { year, month } = calendarMonth(timeline.start, index);
      return { label: t.monthLabel(year, month), carryIn: index < 0 };
    }),
    marketing: headline
      ? {
          stage: headline.stage,
          label: stageLabel(headline.stage, lang),
          values: [...headline.months.values],
          quarters: [...headline.quarters],
          fiscalYear: headline.fiscalYear,
        }
      : null,
    channels: channels.map(({ channel, source }) => ({
      id: channel.id,
      name: channel.name,
      source,
      budget: timeline.channels.find((c) => c.id === channel.id)?.budgetFiscalYear ?? null,
    })),
    marketingBudget: timeline.marketingBudgetFiscalYear ?? null,
  };
}

export function sidebarErrors(errors: readonly FieldError[], lang: Lang): SidebarFieldError[] {
  // The message without its "path: " prefix: the form shows it next to the field.
  return errors.map((e) => ({ path: e.path, message: formatFieldError(e, lang).slice(e.path.length + 2) }));
}
