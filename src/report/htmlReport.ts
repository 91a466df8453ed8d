/** A plan as one self-contained HTML page (inline CSS and SVG, no scripts, no network) to share or print. */
import type { BonusPlan } from '../core/bonus/bonusTypes';
import { FunnelPlan } from '../core/funnelPlan';
import type { HeadcountPlan } from '../core/headcount/planHeadcount';
import { Lang } from '../core/stages';
import { bonusSection } from './bonusSection';
import { diagnosisSection } from './diagnosisSection';
import type { Diagnosis } from '../core/diagnosis/diagnosis';
import { escapeHtml } from './escapeHtml';
import { funnelChart } from './funnelChart';
import { funnelTable } from './funnelTable';
import { hiringSections } from './hiringSection';
import { ReportHistory, historySection } from './historySection';
import { legend } from './legend';
import { REPORT_CSS } from './reportStyle';
import { reportText } from './reportText';
import { sourcesSection } from './sourcesSection';
import { summarySection } from './summarySection';
import { channelBudget, monthlySection, teamCards } from './timelineSections';
import type { PlanTimeline } from '../core/time/planTimeline';

export interface ReportOptions {
  version: string;
  /** YYYY-MM-DD; passed in so the same plan always renders the same page. */
  generatedOn: string;
  lang?: Lang;
  /** The CRM export the rates came from (`plan --rates-from`): adds a "Rates from history" section. */
  history?: ReportHistory;
  /** The plan over the year (`planTimeline`): adds the monthly chart, the team cards and the channel budget. */
  timeline?: PlanTimeline;
  /** The headcount plan (`planHeadcount`): adds the hiring plan, its timeline chart, per-person targets and the structures. */
  headcount?: HeadcountPlan;
  /** The shared bonus pool (`bonusPlan`): adds its scenarios, the revenue × marketing-share heat map, the plan's payouts in words and the findings. */
  bonus?: BonusPlan;
  /** The funnel diagnosis (core/diagnosis): adds each source's shapes with evidence and advice, and the sensitivity ranking. */
  diagnosis?: Diagnosis;
}

/** The generator of every report; overwriteGuard.ts replaces an existing .html only when it carries it. */
export const REPORT_GENERATOR = 'Funnel Planner';

export function htmlReport(funnel: FunnelPlan, options: ReportOptions): string {
  const lang = options.lang ?? 'en';
  const t = reportText(lang);
  const title = funnel.name && funnel.name.trim() !== '' ? funnel.name : t.defaultTitle;
  const chart =
    `<section class="funnel"><h2>${escapeHtml(t.funnel)}</h2><figure class="chart">` +
    funnelChart(funnel, t.chartTitle, lang) +
    legend(funnel.sources) +
    `<figcaption>${escapeHtml(t.funnelCaption)}</figcaption></figure></section>`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(t.htmlLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${REPORT_GENERATOR}">`, // how --report knows a file it may replace
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body><main>',
    `<header><h1>${escapeHtml(title)}</h1><p class="generated">${escapeHtml(t.generated(options.version, options.generatedOn))}</p></header>`,
    summarySection(funnel, t, lang),
    chart,
    options.timeline ? monthlySection(funnel, options.timeline, t, lang) : '',
    options.timeline ? teamCards(funnel, options.timeline, t, lang) : '',
    options.timeline ? channelBudget(funnel, options.timeline, t, lang) : '',
    hiringSections(options.headcount, lang),
    bonusSection(options.bonus, options.headcount, lang),
    diagnosisSection(options.diagnosis, funnel.currency, lang),
    sourcesSection(funnel, t, lang),
    funnelTable(funnel, t, lang),
    options.history ? historySection(options.history, lang) : '',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
