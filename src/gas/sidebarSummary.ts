/** The plan as the sidebar shows it, and validation errors as the sidebar's form fields name them. */
import { bonusKpis, bonusMinorDigits, headsAtFyEnd } from '../core/bonus/bonusPlan';
import type { ValidBonus } from '../core/bonus/bonusTypes';
import { FieldError, formatFieldError } from '../core/fieldError';
import type { FunnelPlan } from '../core/funnelPlan';
import { hiringSummary } from '../core/headcount/hiringSummary';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { roleName } from '../core/headcount/roleName';
import { messages } from '../core/i18n/catalogue';
import { Lang, stageLabel } from '../core/stages';
import { calendarMonth } from '../core/time/fiscalYear';
import type { PlanTimeline } from '../core/time/planTimeline';
import type { SidebarBonus, SidebarFieldError, SidebarHiring, SidebarMonths, SidebarSummary } from './sidebarContract';

/** `headcount`: the plan's hiring plan (planHeadcount), computed once with the timeline; `bonus`: the plan's validated shared bonus pool. */
export function sidebarSummary(funnel: FunnelPlan, lang: Lang, timeline: PlanTimeline | undefined, headcount?: HeadcountPlan, bonus?: ValidBonus): SidebarSummary {
  const m = funnel.marketingTarget;
  return {
    currency: funnel.currency,
    revenueTarget: funnel.revenueTarget,
    stages: funnel.stages.map((id) => ({ id, label: stageLabel(id, lang), total: funnel.total.counts[id] })),
    sources: funnel.sources.map((s) => ({ id: s.id, name: s.name, counts: { ...s.counts }, revenue: s.revenue })),
    marketingTarget: m ? { stage: m.stage, label: stageLabel(m.stage, lang), count: m.count } : null,
    months: timeline ? sidebarMonths(funnel, timeline, lang) : null,
    hiring: headcount && headcount.months.length > 0 ? sidebarHiring(headcount, lang) : null,
    bonus: bonus ? sidebarBonus(bonus, funnel, headcount, lang) : null,
  };
}

/** The bonus with what the page needs to pay it as bonusPlan does: the KPIs, the heads at FY end, the target, the currency's digits, the names. */
function sidebarBonus(bonus: ValidBonus, funnel: FunnelPlan, headcount: HeadcountPlan | undefined, lang: Lang): SidebarBonus {
  const roles = [...new Set(bonus.buckets.flatMap((b) => b.roles))];
  return {
    bonus,
    kpis: bonusKpis(bonus),
    heads: headsAtFyEnd(headcount),
    revenueTarget: funnel.revenueTarget,
    currency: funnel.currency,
    minorDigits: bonusMinorDigits(funnel.currency),
    bucketNames: Object.fromEntries(bonus.buckets.map((b) => [b.id, b.name ?? b.id])),
    roleNames: Object.fromEntries(roles.map((id) => [id, roleName(headcount?.roles.find((p) => p.role.id === id)?.role ?? { id, name: undefined }, lang)])),
  };
}

const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Who to hire when (months named as the sidebar names them), the FY cost, and each role's hires, heads at FY end, cost and gap. */
function sidebarHiring(h: HeadcountPlan, lang: Lang): SidebarHiring {
  const t = messages(lang);
  const label = (i: number) => {
    const { year, month } = calendarMonth(h.start, h.planStart + i);
    return t.report.monthLabel(year, month);
  };
  const last = h.months.length - 1;
  const fy = (minor: readonly number[]) => {
    let sum = 0;
    for (let i = h.fyFrom; i < minor.length; i++) sum += minor[i];
    return sum / 10 ** h.minorDigits;
  };
  const yearCost = fy(h.total.costMinor);
  return {
    sentence: hiringSummary(h, lang, label),
    costLine: t.hiring.costLine(`${h.currency} ${MONEY.format(yearCost)}`, ONE_DECIMAL.format(h.total.heads[last])),
    currency: h.currency,
    yearCost,
    roles: h.roles.map((p) => ({
      id: p.role.id,
      name: roleName(p.role, lang),
      hires: p.hires.reduce((a, b) => a + b, 0),
      headsAtFyEnd: p.heads[last],
      yearCost: fy(p.costMinor),
      gap: h.months.flatMap((_, i) => (p.shortfall[i] > 0 ? [{ label: label(i), fte: p.shortfall[i] }] : [])),
    })),
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
