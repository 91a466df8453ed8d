/** Every word the sidebar shows: a view of the catalogue (core/i18n `sidebar`, and the workbook's and the report's terms where the sidebar says the same). */
import { messages } from '../../core/i18n/catalogue';
import { langOfTag } from '../../core/i18n/lang';
import type { Lang } from '../../core/stages';

export type SidebarText = ReturnType<typeof sidebarText>;

export function sidebarText(lang: Lang) {
  const { sidebar, labels, report, teams, headcount } = messages(lang);
  return {
    ...sidebar,
    // As the Inputs sheet names its Timing, Seasonality and Channels sections.
    timingSection: labels.sectionTiming,
    fiscalYearStart: labels.fiscalYearStart,
    nextYearGrowth: labels.nextYearGrowth,
    seasonality: labels.sectionSeasonality,
    holidays: labels.holidays,
    channels: labels.sectionChannels,
    channelName: labels.channelName,
    channelShare: labels.channelShare,
    costPerLead: labels.costPerLead,
    // As the Teams sheet and the report show months and budgets.
    monthShort: report.monthShort,
    month: teams.month,
    quarter: teams.quarter,
    fiscalYear: teams.fiscalYear,
    carryIn: teams.carryIn,
    byMonth: teams.headlineByMonth,
    channelBudget: report.channelBudget,
    channel: report.channel,
    budgetFy: report.budgetFy,
    marketingBudget: labels.marketingBudget,
    // The default roles' names (the page carries only this part of `headcount`: scripts/build-sidebar.js).
    roleNames: headcount.roles,
  };
}

/** Before the state arrives the sidebar does not know the plan's language; the browser's is the best guess. */
export function guessLang(): Lang {
  return langOfTag(navigator.language || '') ?? 'en';
}
