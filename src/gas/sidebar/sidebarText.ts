/** Every word the sidebar shows: a view of the catalogue (core/i18n `sidebar`, and the workbook's and the report's terms where the sidebar says the same). */
import { LANGS, messages } from '../../core/i18n/catalogue';
import type { Lang } from '../../core/stages';

export type SidebarText = ReturnType<typeof sidebarText>;

export function sidebarText(lang: Lang) {
  const { sidebar, labels, report, teams, headcount, bonusView, confidenceView, diagnosis, diagnosisView } = messages(lang);
  return {
    ...sidebar,
    // "none" for a ramp reads in any of the page's languages, as the Inputs sheet reads its "none".
    rampNoneWords: LANGS.map((l) => messages(l).sidebar.rampNone),
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
    // The bonus pool's words the page shows (scripts/build-sidebar.js carries these keys of `bonusView`).
    bonus: {
      sidebarTitle: bonusView.sidebarTitle,
      sliderHint: bonusView.sliderHint,
      revenueAttainment: bonusView.revenueAttainment,
      marketingShareAttainment: bonusView.marketingShareAttainment,
      funded: bonusView.funded,
      total: bonusView.total,
      cost: bonusView.cost,
      bucket: bonusView.bucket,
      payout: bonusView.payout,
      roleHeads: bonusView.roleHeads,
      each: bonusView.each,
      belowGate: bonusView.belowGate,
    },
    // The Confidence card's words (the page carries the whole section).
    confidence: confidenceView,
    // The diagnosis card's words, with the shapes' names and the short stage names its findings use.
    diagnosis: { ...diagnosisView, shapes: diagnosis.shapes, stageNames: diagnosis.stage, transition: diagnosis.transition },
  };
}
