/**
 * The message catalogue in English: it defines the keys (and the parameters of every message
 * whose wording depends on them). zh-CN.ts and zh-TW.ts are typed against it, so a key missing
 * in any language is a compile error. Group by where the words appear; `{name}` in a label is
 * filled in by its module (workbook/labels.ts, workbook/readInputs.ts, cli/overwriteGuard.ts).
 */
import type { ErrorCode, FieldError } from '../fieldErrorTypes';

type FieldTemplate = (e: FieldError, got: string) => string;

/** What the structure trade-off sentence is built from (core/headcount/structures.ts); heads and money already formatted. */
export interface TradeOff {
  readonly horizontalHeads: string;
  readonly verticalHeads: string;
  readonly costDifference: string;
  readonly verticalCheaper: boolean;
  readonly sameCost: boolean;
  readonly horizontalRampMonths: number;
  readonly verticalRampMonths: number;
}

const fieldErrors: Record<ErrorCode, FieldTemplate> = {
  notObject: (_e, got) => `expected an object with fields, got ${got}`,
  required: () => `is required but missing`,
  notNumber: (_e, got) => `expected a number (such as 1200000, "1,200,000", "$1.2M", "120万" or "25%"), got ${got}`,
  notFinite: (_e, got) => `expected a finite number, got ${got}`,
  negative: (_e, got) => `expected a number of 0 or more, got ${got}`,
  notPositive: (_e, got) => `expected a number greater than 0, got ${got}`,
  rateRange: (_e, got) => `expected a conversion rate greater than 0 and at most 1 (e.g. 0.25 or "25%"), got ${got}`,
  shareRange: (_e, got) => `expected a share from 0 to 1 (e.g. 0.4 or "40%"), got ${got}`,
  sharesSum: (e) => `the shares of all sources must add up to 1 (100%), but they add up to ${e.detail}`,
  notString: (_e, got) => `expected text, got ${got}`,
  notArray: (_e, got) => `expected a list, got ${got}`,
  emptyList: () => `expected at least one entry, got an empty list`,
  tooFewStages: (_e, got) => `expected at least two stages (an entry stage and the won stage), got ${got}`,
  duplicateStage: (_e, got) => `stage ${got} appears more than once`,
  stagesOutOfOrder: (e, got) => `${got} is listed after a later stage of the funnel; list the stages top to bottom, won last (${e.detail})`,
  duplicateSourceId: (e, got) => `source id ${got} is already used by ${e.detail}`,
  unknownStage: (e, got) => `expected one of the plan's stages (${e.detail}), got ${got}`,
  unknownRateStage: (e, got) => `${got} is not a stage that converts to a next one; rates are keyed by the from-stage (${e.detail})`,
  reservedId: (e, got) => `${got} cannot be used as an id (reserved: ${e.detail})`,
  tooLarge: (e, got) => `${e.detail ?? 'the count'} would exceed ${Number.MAX_SAFE_INTEGER} (the largest exact number), from ${got}`,
  unknownSource: (e, got) => `expected one of the plan's source ids (${e.detail}), got ${got}`,
  notInteger: (_e, got) => `expected a whole number, got ${got}`,
  tooManyDigits: (e, got) =>
    e.detail === undefined
      ? `expected at most 15 significant digits (a spreadsheet keeps 15 and would change the rest), got ${got}`
      : `${e.detail} would have more than 15 significant digits, which a spreadsheet cannot hold exactly (it would change the last digits), from ${got}`,
  twoSigns: (_e, got) => `expected one sign at most (write -500 or (500)), got ${got}`,
  ambiguousComma: (e, got) =>
    `${got} is ambiguous: is the comma a decimal point? If so, write ${e.detail} ("." is the decimal point here; "," only separates groups of three digits)`,
  notBoolean: (_e, got) => `expected true or false, got ${got}`,
  unknownField: (e) => `is not a field here (expected one of: ${e.detail})`,
  misspelledField: (e) => `is not a field here; did you mean ${e.detail}?`,
  notMonth: (_e, got) => `expected a month as "YYYY-MM" (e.g. "2027-04"), got ${got}`,
  notDate: (_e, got) => `expected a date as "YYYY-MM-DD" (e.g. "2027-01-01"), got ${got}`,
  seasonalityLength: (_e, got) => `expected 12 weights, one per fiscal-year month (or "even"), got ${got}`,
  seasonalityZero: () => 'expected at least one month with a weight above 0: with all twelve at 0 no deal is ever won',
  seasonalityNeedsHistory: () => '"history" takes the seasonality from a CRM export: plan with rates from a CRM export, or give 12 weights',
  growthRange: (_e, got) => `expected a growth above -100% (e.g. 0.2 or "20%" for 20% more next year), got ${got}`,
  duplicateChannelId: (_e, got) => `channel id ${got} is already used by another channel`,
  channelSharesSum: (e) => `the shares of a source's channels must add up to 1 (100%), but they add up to ${e.detail}`,
  lagTooLong: (e) => `expected at most ${e.detail} monthly weights (months 0 to ${Number(e.detail) - 1} after the stage)`,
  lagZero: () => 'expected at least one month with a weight above 0: the won deals of the stage by months after it, e.g. [1, 2, 3, 4]',
  duplicateRoleId: (e, got) => `role id ${got} is already used by ${e.detail}`,
  unknownRole: (e, got) => `expected one of the plan's role ids (${e.detail}), got ${got}`,
  roleCycle: (e) => `these roles count one another in a circle (${e.detail}): a span or ratio cannot lead back to its own role; drive one of them by a stage, the accounts or a fixed number`,
  driverKind: (e, got) => `expected exactly one of ${e.detail} (e.g. { "stage": "sql" }, { "span": 8, "of": ["sdr"] } or { "fixed": 1 }), got ${got}`,
  fieldNotUsed: (e) => `is not used by a ${e.detail} driver (its demand is already in people, or it counts no sources); remove it`,
  attritionRange: (_e, got) => `expected an annual attrition of at least 0 and below 1 (e.g. 0.3 or "30%" for 30 % leaving a year), got ${got}`,
  rampRange: (_e, got) => `expected a productivity from 0 to 1 for this month of tenure (0.25 = a quarter of a fully ramped person's output), got ${got}`,
  rampLength: (e, got) => `expected a ramp of at most ${e.detail} months (one productivity per month of tenure; 1 after the list), got ${got}`,
  wholeRange: (e, got) => `expected a whole number from ${e.detail}, got ${got}`,
  planStartRange: (e, got) => `expected a month from ${e.detail} (at most 36 months before the fiscal year, at the latest its last month), got ${got}`,
  channelAndSource: (e, got) => `${got} is a channel of source ${e.detail}, which is listed too: its work would count twice`,
  duplicateEntry: (_e, got) => `${got} is listed more than once`,
  unknownKpi: (e, got) => `expected a KPI: revenue, marketingShare, mqlToSql or a stage of the plan (${e.detail}), got ${got}`,
  curvePoint: (_e, got) => `expected a point as [attainment, multiplier], e.g. [1, 1] for 100 % paying 1×, got ${got}`,
  curveOrder: (e, got) => `expected an attainment above the previous point's ${e.detail}: list a curve's points from the lowest attainment up, each once, got ${got}`,
  tooManyEntries: (e, got) => `expected at most ${e.detail} entries, got ${got}`,
  poolKind: (_e, got) => `expected exactly one of amount (a target pool, e.g. { "amount": 500000 }) or percentOfRevenue (e.g. { "percentOfRevenue": 0.05 }), got ${got ?? 'neither'}`,
  kpiWeightsSum: (e) => `the weights of a bucket's KPIs must add up to 1 (100%), but they add up to ${e.detail}`,
  roleWeightsZero: () => 'expected at least one role with a weight above 0: with all at 0 nobody in the bucket is paid',
  attainmentRange: (e, got) => `expected an attainment from 0 to ${e.detail} (1 or "100%" = on plan, 1.1 or "110%" = 10 % above), got ${got}`,
  poolTooLarge: (e, got) => `the pool could pay ${e.detail}, more than a spreadsheet or this planner can count to the cent; lower the pool or the curves' multipliers, got ${got}`,
  bucketSharesSum: (e) => `the shares of the pool's buckets must add up to 1 (100%), but they add up to ${e.detail}`,
  bandRange: (_e, got) => `expected a benchmark rate from 0 to 1 (e.g. 0.2 or "20%"), got ${got}`,
  bandOrder: (e, got) => `expected a band's high end at or above its low end (${e.detail}): 0 ≤ low ≤ high ≤ 1, got ${got}`,
};

export const en = {
  /** Stage labels (design.md §2); an unknown stage id is shown as itself. */
  stages: {
    lead: 'Leads',
    mql: 'MQLs',
    bql: 'BQLs',
    sql: 'SQLs',
    opportunity: 'Opportunities',
    won: 'Won deals',
  },

  /** core/fieldError.ts: what was expected, after `path: `. */
  fieldErrors,
  /** How a found value reads in a field error (strings and numbers are shown as they are). */
  value: {
    nothing: 'nothing',
    list: (n: number) => `a list of ${n}`,
    object: 'an object',
    /** What a count is called when a field error does not name it. */
    count: (stage: string, n: string, total: boolean) => `the ${total ? 'total ' : ''}${stage} count (${n})`,
    theCount: 'the count',
  },

  /** Sheet texts (workbook/labels.ts). The Inputs reader accepts any language's wording. */
  labels: {
    inputsTitle: 'Funnel Planner — plan inputs',
    inputsHelp:
      'Edit the shaded cells: the Funnel and Summary sheets recalculate. Changing stages or adding sources takes a new run of Generate / funnel-planner plan.',
    generated: 'Generated by Funnel Planner {version} on {date}',
    sectionPlan: 'Plan',
    name: 'Plan name',
    revenueTarget: 'Revenue target',
    currency: 'Currency',
    handoffStage: "Marketing's target stage",
    sectionSources: 'Sources',
    sourceNumber: 'Source {n}',
    total: 'Total',
    sourceId: 'Source id',
    sourceName: 'Name',
    kind: 'Kind',
    share: 'Share of target',
    avgDealSize: 'Average deal size',
    entryStage: 'Entry stage',
    sectionRates: 'Conversion rate to the next stage',
    wonStage: '(won stage)',
    funnelTitle: 'Funnel — what each source must produce',
    funnelHelp: 'Every number is a live formula of the Inputs sheet, rounded up at each stage.',
    stage: 'Stage',
    revenue: 'Revenue (target × share)',
    wonRevenue: 'Won deals × deal size',
    marketingMust: 'Marketing must deliver ({stage})',
    summaryTitle: 'Summary',
    marketingShare: 'Marketing-sourced share',
    required: 'Required to hit the target',
    stageRequired: '{stage} required',
    marketingRevenue: 'Marketing-sourced revenue',
    historyTitle: 'History — conversion rates and stage durations from your CRM',
    historyFrom:
      'From {file}: {rows} rows ({skipped} skipped), as of {asOf}. Mature rate: only records that reached the stage at least p90 days before that date.',
    historyWarnings: 'Warnings',
    historySkipped: 'Skipped rows',
    historyFed: 'Rates used in the plan',
    fedSource: 'Plan source',
    fedFrom: 'From history of',
    fedPrevious: 'Previous rate',
    fedRate: 'Rate',
    fedBasis: 'Basis',
    fedSample: 'Sample',
    historyTimingFed: 'Timing used in the plan',
    fedKind: 'What',
    fedPreviousValue: 'Previous',
    fedValue: 'Value',
    timingStageDays: 'Stage days (median)',
    timingLag: 'Lag (won by months after the stage)',
    timingSeasonality: 'Seasonality (won by FY month)',
    noteRevenueTarget: 'Annual revenue target, greater than 0.',
    noteHandoff: "The stage whose marketing-sourced count is marketing's own target (usually sql).",
    noteKind: '"marketing" marks marketing-sourced revenue.',
    noteShare: 'Share of the revenue target from this source, 0–100%. All shares add up to 100%.',
    noteDeal: 'Average won deal for this source, greater than 0.',
    noteEntry: 'Where this source enters the funnel; stages above it need nothing.',
    noteRates: 'Share of records at this stage that reach the next one (0–100%), from the entry stage down.',
    missingSection:
      'the "{sheet}" sheet has no section titled "{title}" (looked for in every cell): the title was deleted or changed; restore it (in English or Chinese) or regenerate the sheet',
    missingColumn: '{range} has no column headed "{header}": the column was deleted or its header changed; restore the header or regenerate the sheet',
    monthlyTitle: 'Monthly — each stage month by month',
    monthlyHelp:
      'Months before the fiscal year (marked) are carry-in: work last year must already have done for this year\'s deals. Month values come from the plan (largest-remainder splits); quarters and the check are live formulas, and the check must equal the Funnel sheet\'s annual count.',
    monthlyNoTiming: 'No fiscal year: add timing.fiscalYearStart to the plan to see its months.',
    monthlyBlock: '{name}',
    monthlyChannel: '{source} — channel {name}',
    thisYearDeals: 'For this year\'s deals',
    nextYearDeals: 'For next year\'s deals (pipeline inside this FY)',
    checkSum: 'Check: sum of months',
    annualCount: 'Annual count (Funnel)',
    checkDifference: 'Difference',
    marketingBudget: 'Marketing budget',
    channelBudget: 'Budget',
    monthlyChart: 'Monthly volume by stage',
    teamsTitle: 'Teams — what each team works and delivers',
    teamsHelp: 'By month (carry-in months before the FY first), quarter and fiscal year; the per-working-day rate is the month\'s work over its working days (Mon–Fri less holidays), one decimal.',
    teamsChannel: 'Channel {name}',
    workingDays: 'Working days',
    sectionTiming: 'Timing',
    fiscalYearStart: 'Fiscal year starts (YYYY-MM)',
    noteFiscalYearStart: 'The first month of the fiscal year, as YYYY-MM text (e.g. 2027-01).',
    nextYearGrowth: "Next year's growth",
    noteNextYearGrowth: "Next year's revenue target = this year's × (1 + growth); 0 = steady state. It sizes the pipeline this year builds for next year's deals.",
    holidays: 'Holidays (YYYY-MM-DD, comma-separated)',
    noteHolidays: 'Weekdays off, left out of the working days behind the per-working-day rates.',
    sectionSeasonality: 'Seasonality of won deals',
    noteSeasonality: 'Twelve weights of won deals by fiscal month (month 1 = the first FY month); leave blank for an even year. Type history in Month 1 to take them from the won dates of the History sheet (Derive rates from History puts them here).',
    monthNumber: 'Month {n}',
    seasonalityWeight: 'Weight',
    seasonalityHistory: 'history',
    sectionLag: 'Lag to won (from history)',
    noteLag:
      'Won deals by whole months from reaching each stage to being won, per source: "1, 2, 3, 4" is 1 won in the same month, 2 a month later, 3 two months later, 4 three (counts or shares). Derive rates from History fills it from the won records of the History sheet; a stage left blank takes its lag from Stage days.',
    sectionStageDays: 'Stage days',
    noteStageDays: 'Median days from reaching each stage to reaching the next, per source: the sales-cycle lag. Leave a source blank for no lag.',
    sectionChannels: 'Channels',
    noteChannels:
      "A source split into channels (content, events, SEM…), one row each, reverse-funnelled on its own; a source's channel shares add up to 100%. A channel's deal size and rates override its source's; leave them blank to inherit. Add a channel by inserting a row below the last.",
    channelRateHeader: 'Rate from {stage}',
    noteChannelRate: "{stage} to the next stage for this channel (0–100%); blank: the source's rate.",
    channelNumber: 'Channel {n}',
    channelSource: 'Source id',
    channelId: 'Channel id',
    channelName: 'Channel name',
    channelShare: "Share of the source's revenue",
    costPerLead: 'Cost per lead',
    channelDealSize: 'Average deal size (optional)',
    funnelChannels: 'Channels — each reverse-funnelled on its own',
    channel: 'Channel',
    funnelSplitNote: "The sum of this source's channels (the rows below the headline), each reverse-funnelled on its own from its row of the Inputs sheet's Channels list.",
    funnelChannelsNote:
      "Each channel is reverse-funnelled on its own from its row of the Inputs sheet's Channels list: won deals = target × source share × channel share ÷ deal size, rounded up, then up the stages by its rates (a blank deal size or rate there is the source's). A split source's cells above are the sums of its channels' rows.",
  },

  /** The headcount plan's sheet texts (workbook/labels.ts): the Inputs Headcount and Roles sections, the Headcount sheet. Not carried by the sidebar page. */
  headcountLabels: {
    sectionHeadcount: 'Headcount',
    planStart: 'Plan start (YYYY-MM)',
    notePlanStart: 'The first month a hire can be made, as YYYY-MM text (e.g. 2026-10); blank: 3 months before the fiscal year.',
    verticalReplaces: 'Full-cycle reps replace (role ids)',
    noteVerticalReplaces:
      'The vertical structure the Headcount sheet compares with: full-cycle reps who prospect, qualify and close, in place of these roles (comma-separated). Blank: the SDR and AE roles; none: no comparison.',
    verticalDriver: 'Full-cycle rep: stage worked',
    noteVerticalDriver: "The stage whose monthly work drives the full-cycle reps' demand; blank: the AE's.",
    verticalCapacity: 'Full-cycle rep: capacity per month',
    noteVerticalCapacity: "Work at that stage one fully ramped full-cycle rep does in a month; blank: the replaced specialists' combined pace.",
    verticalRamp: 'Full-cycle rep: ramp by month',
    noteVerticalRamp: 'Productivity by month of tenure, comma-separated, the start month first (e.g. 0, 15%, 30%); blank: 0, 15, 30, 50, 70, 85 %; none: productive at once.',
    verticalAttrition: 'Full-cycle rep: attrition per year',
    verticalLead: 'Full-cycle rep: hiring lead time (months)',
    verticalCost: 'Full-cycle rep: monthly cost',
    verticalCurrent: 'Full-cycle rep: current staff',
    noteVerticalDefault: 'Blank: the default (see the Headcount documentation).',
    noneWord: 'none',
    sectionRoles: 'Roles',
    noteRoles:
      'One row per role, in the order the Headcount sheet shows them. A default role id (sdr, ae, csm, sdrManager…) takes the default\'s value for a cell left blank; a role of your own needs a driver, a monthly cost and, for a stage or accounts driver, a capacity. Add a role by inserting a row below the last (the Bonus sections follow the list when the plan has a pool).',
    roleId: 'Role id',
    roleName: 'Role name',
    noteRoleName: "Blank: the default role's name in the sheet's language, or the id.",
    roleDriver: 'Driver',
    noteRoleDriver:
      "What the role's demand follows: stage (that stage's monthly work), accounts (existing accounts plus this year's won deals), span or ratio (heads of other roles ÷ the driver value), fixed (that many people).",
    roleDriverValue: 'Driver value',
    noteRoleDriverValue: 'stage: the stage id (e.g. sql); accounts: the existing accounts; span, ratio: people per one (e.g. 8); fixed: the number of people.',
    roleDriverOf: 'Sources or roles counted',
    noteRoleDriverOf: 'stage: the source or channel ids whose work counts, comma-separated (blank: all sources); span, ratio: the role ids counted.',
    capacityPerMonth: 'Capacity per month',
    noteCapacityPerMonth: "One fully ramped person's work in a month, in the driver's unit (SQLs, opportunities, accounts); blank for span, ratio and fixed drivers.",
    attritionPerYear: 'Attrition per year',
    noteAttritionPerYear: 'Share of the role\'s people who leave in a year (0–100%, below 100%); a month keeps (1 − attrition)^(1/12) of them.',
    hireLeadMonths: 'Hiring lead time (months)',
    noteHireLeadMonths: 'Months from plan start to the first month a new hire can start (0–24).',
    monthlyCost: 'Monthly cost (fully loaded)',
    noteMonthlyCost: "One person's fully loaded cost for a month (salary × about 1.25–1.40).",
    currentStaff: 'Current staff',
    noteCurrentStaff: 'People in the role at plan start, already ramped (a whole number).',
    rampMonthHeader: 'Ramp month {n}',
    noteRampMonth: "Productivity in the nth month of a new hire's tenure (month 1 = the start month), 0–100%; 100% after the last month filled in. All blank: productive at once.",
    headcountTitle: 'Headcount — who to hire, when, and what it costs',
    headcountHelp:
      "Hires (shaded) are the plan's: type over them to move a hire, and heads, effective FTE, shortfall and cost recalculate from them and from each role's ramp, attrition, current staff and cost on the Inputs sheet (Roles). Red: months short of demand. Demand and work are the plan's values; a new run of Generate / funnel-planner plan redoes them and the hires.",
    hcPlanTotal: 'Plan total',
    hcRoleTitle: '{name} ({id})',
    hcWork: 'Work: {unit}',
    hcAccounts: 'Account base',
    hcDemand: 'Demand (FTE)',
    hcHires: 'Hires (by start month)',
    hcHeads: 'Heads',
    hcEffective: 'Effective FTE',
    hcShortfall: 'Shortfall (FTE)',
    hcShortfallNote:
      'Demand − effective FTE where they fall short (by more than 1e-9 FTE). As planned, from {covered} on (the earliest start {start} + the ramp) effective FTE reach demand; before it is the ramp-up gap, reported rather than hired away.',
    hcShortfallNoCover: 'Demand − effective FTE where they fall short (by more than 1e-9 FTE). No month of the plan can be covered by a new hire (the earliest start + the ramp is past the fiscal year): every month short is ramp-up gap.',
    hcCost: 'Cost',
    hcRamp: 'Ramp by tenure month (0, 1, 2…)',
    hcRetained: 'Still there by tenure month',
    hcEffectivePerHire: 'Effective FTE per hire by tenure month',
    hcSummary: 'Summary by team',
    hcTeamHeads: '{team}: heads',
    hcTeamCost: '{team}: cost',
    hcTotalHeads: 'Total heads',
    hcTotalCost: 'Total cost',
    hcTeamLeadership: 'Leadership',
    hcTeamSupport: 'Analytics and design',
    hcTeamOther: 'Other roles',
    hcStructures: 'Structures: horizontal against vertical (as generated)',
    hcStructure: 'Structure',
    hcHeadsAtFyEnd: 'Heads at FY end',
    hcYearCost: 'Cost for the FY',
    hcStructureHires: 'Hires',
    hcRampMonths: 'Months with someone ramping',
    hcShortMonths: 'Months short',
  },

  /** The shared bonus pool's sheet texts (workbook/labels.ts): the Inputs Bonus sections and their reader's messages, the Bonus sheet. Not carried by the sidebar page. */
  bonusLabels: {
    sectionBonusPool: 'Bonus pool',
    noteBonusPool:
      'The shared bonus pool (see the Bonus sheet): a target pool or a share of actual revenue, funded along the funding curve (the (pool) rows of Bonus curve points) once the gate is met, split over the buckets below. Remove every Bonus section for a plan without a pool.',
    bonusPoolAmount: 'Pool amount',
    noteBonusPoolAmount: 'A target pool in the plan currency; leave blank when the pool is a share of revenue (fill exactly one of the two).',
    bonusPoolPercent: 'Pool as a share of actual revenue',
    noteBonusPoolPercent: 'The pool as a share of actual revenue (revenue attainment × the target), e.g. 5%; leave blank for a target pool.',
    bonusGateKpi: 'Gate KPI',
    noteBonusGateKpi: 'Nothing is funded while this KPI is below the gate: revenue, marketingShare, mqlToSql or a stage id. Blank with a gate minimum: revenue; both blank: no gate.',
    bonusGateMin: 'Gate minimum attainment',
    noteBonusGateMin: 'The attainment (actual ÷ plan) the gate KPI must reach for any pool to be funded, e.g. 80%.',
    bonusFitToPool: 'Fit payouts to the pool (TRUE/FALSE)',
    noteBonusFitToPool: 'TRUE: when the buckets together would pay more than the funded pool, the pool is split over them in proportion instead (to the cent).',
    bonusFundingStepped: 'Funding curve stepped (TRUE/FALSE)',
    noteBonusFundingStepped: "TRUE: the funding curve steps (the multiplier of the highest point at or below the revenue attainment) instead of running straight between its points.",
    bonusGridRevenue: 'Grid: revenue attainments',
    noteBonusGridRevenue: 'The rows of the Bonus sheet\'s grid, comma-separated (e.g. 70%, 80%, 90%, 100%); blank: 70% to 130%.',
    bonusGridMarketingShare: 'Grid: marketing share attainments',
    noteBonusGridMarketingShare: 'The columns of the Bonus sheet\'s grid, comma-separated; blank: 80% to 120%.',
    sectionBonusBuckets: 'Bonus buckets',
    noteBonusBuckets: 'One row per bucket (marketing, SDR, AE, CSM…): its share of the funded pool (the shares add up to 100%). Add a bucket by inserting a row below the last, then its roles, KPIs and curve points below.',
    bucketId: 'Bucket id',
    bucketName: 'Bucket name',
    bucketShare: 'Share of the pool',
    sectionBonusRoles: 'Bonus roles',
    noteBonusRoles: "One row per role a bucket pays, in the order paid: a role id of the Roles list and its weight per head (blank: 1). A bucket's payout is split over its roles by weight × heads at the fiscal year's end.",
    bonusRoleWeight: 'Weight per head',
    sectionBonusKpis: 'Bonus KPIs',
    noteBonusKpis: "One row per KPI a bucket is paid on: revenue, marketingShare, mqlToSql or a stage id; its weight (a bucket's weights add up to 100%); stepped TRUE for a curve that steps instead of running straight between its points.",
    bonusKpi: 'KPI',
    bonusKpiWeight: 'Weight',
    bonusStepped: 'Stepped (TRUE/FALSE)',
    sectionBonusCurves: 'Bonus curve points',
    noteBonusCurves:
      "The points of each curve, one row each, from the lowest attainment up: the bucket id and KPI of a Bonus KPIs row, or (pool) and revenue for the funding curve. Below the first point a curve pays 0, between points it runs straight (stepped: the lower point's), past the last it stays at the last point's multiplier (the cap).",
    bonusAttainment: 'Attainment',
    bonusMultiplier: 'Multiplier',
    bonusPoolWord: '(pool)',
    sectionBonusScenarios: 'Bonus scenarios',
    noteBonusScenarios: 'Named sets of attainments, one row per KPI of a scenario (a KPI not listed is on plan, 100%); a row with the KPI blank names a scenario with no changes. No rows: no named scenarios.',
    bonusScenario: 'Scenario',
    bonusTrueWord: 'true',
    bonusFalseWord: 'false',
    bonusUnknownBucket: '{cell}: bucket "{bucket}" is not in the Bonus buckets list (expected one of {buckets})',
    bonusUnknownCurve: '{cell}: the Bonus KPIs list has no KPI "{kpi}" of bucket "{bucket}" (a curve point belongs to a Bonus KPIs row, or to (pool) for the funding curve)',
    bonusTitle: 'Bonus — the shared pool, scenario by scenario',
    bonusHelp:
      "Attainments (shaded, actual ÷ plan) are inputs: type over them and the pool, every bucket's payout and every head's share recalculate from them and from the Bonus sections on Inputs (pool, gate, curve points, weights, shares). Heads (shaded) are the Headcount plan's at the fiscal year's end, rounded. Amounts are to the cent and add up exactly.",
    bonusNoPool: 'This plan has no bonus pool: add the Bonus sections to the Inputs sheet (or bonus to the plan file) and generate again.',
    bnScenario: 'Scenario',
    bnPlan: 'Plan',
    bnWorstCase: 'Worst case (at the caps)',
    bnAttainment: 'Attainment (actual ÷ plan)',
    bnHeads: 'Heads paid (at FY end)',
    bnRoleHeads: '{role} ({id})',
    bnPool: 'Pool',
    bnGateMet: 'Gate met',
    bnFunding: 'Funding multiplier',
    bnFunded: 'Funded pool',
    bnBucket: '{name} ({id})',
    bnCurve: '{kpi}: curve multiplier',
    bnBucketMultiplier: 'Bucket multiplier',
    bnPayout: 'Payout',
    bnRolePart: '{role}: part',
    bnRolePerHead: '{role}: per head',
    bnRoleExtra: '{role}: heads paid one minor unit more',
    bnTotal: 'Total paid',
    bnCostOfRevenue: 'Cost as a share of revenue',
    bnGrid: 'Total paid: revenue attainment (down) × marketing share attainment (across), the other KPIs on plan',
    bnGridCorner: 'Revenue ↓ / marketing share →',
    bnExplain: 'On plan, bucket by bucket (as generated)',
    bnFindings: 'Findings (as generated)',
    bnWorkings: 'Workings, in minor units (cents): the rounding and the splits that add up exactly',
    bnRevenueMinor: 'Actual revenue',
    bnFundedMinor: 'Funded pool',
    bnRawMinor: '{name}: before rounding',
    bnRoundedMinor: '{name}: rounded',
    bnOverPool: 'Paid in all: the buckets\' sum rounded, or the funded pool when fitted',
    bnFitQuota: '{name}: quota of the pool',
    bnFitPayout: '{name}: payout',
    bnRoleQuota: '{name} / {role}: quota',
    bnRolePartMinor: '{name} / {role}: part',
    bnGridWorkings: 'Grid workings, in minor units: {what}',
  },

  /** The Inputs reader's own messages (workbook/readInputs.ts). */
  readInputs: {
    noSheet: 'the workbook has no "{sheet}" sheet (it has: {sheets})',
    noSheets: 'no sheets',
    emptySheet: 'the "{sheet}" sheet is empty',
    missingRow:
      '{column} has no row labelled "{label}": the row was deleted or its label changed; restore the label (in English or Chinese) or regenerate the sheet',
    totalColumn: '{cell}: this column is the Total; to add a source, insert a column before it and regenerate',
    uncached:
      '{cell} holds the formula ={formula} but no saved result (the file was saved by a tool that does not calculate, such as openpyxl or pandas): open and save the workbook in Excel, LibreOffice or Google Sheets, or type the number instead of the formula',
    wonRowMissing:
      '{cell} holds a conversion rate, but "{stage}" is the last stage row, where the won stage (marked "{won}") should be: the won stage row was deleted; restore it or regenerate the sheet',
    stagesChanged:
      '{range} lists the stages {now}, but the {funnel} sheet was generated for {then}: {change}. If you changed the stages on purpose, ignore this; otherwise restore the row',
    stageMissing: 'the row "{stage}" is missing',
    stageAdded: 'the row "{stage}" is new',
    stagesReordered:
      '{range} has the stage rows in a different order than the {funnel} sheet was generated for: found {now}, generated {then}. If you reordered the stages on purpose, ignore this; otherwise put the rows back in the generated order',
    stageRepeated: 'the row "{stage}" appears {count} times',
    channelSource: '{cell}: channel of source "{source}", but the Sources section has no such id (expected one of {sources})',
  },

  /** The add-on's menu results and alerts (gas/gasText.ts). */
  gas: {
    busyTitle: 'Already running',
    busy: 'Funnel Planner is already generating a plan in this spreadsheet. Wait for it to finish, then try again.',
    inputsExistTitle: 'Inputs sheet exists',
    inputsExist: 'This spreadsheet already has an "Inputs" sheet; it was left as it is.',
    inputsInsertedTitle: 'Inputs sheet inserted',
    inputsInserted: 'Edit the shaded cells of the Inputs sheet, then choose Generate plan.',
    unreadableTitle: 'Cannot read the Inputs sheet',
    invalidTitle: 'Please fix the Inputs sheet',
    conflictTitle: 'Sheet name in use',
    doneTitle: 'Plan generated',
    wrote: (sheets: string) => `Wrote ${sheets}.`,
    backedUp: (sheets: string) => `You had edited the previous plan; it is kept as ${sheets}.`,
    rolesAdded: (rows: string) => `Added the Headcount and Roles sections to Inputs (${rows}) with the roles this plan used: edit them there.`,
    headline: (n: number | undefined) => (n === undefined ? '' : `Marketing must deliver ${n.toLocaleString('en-US')} SQLs.`),
    helpTitle: 'Funnel Planner',
    help:
      'Funnel Planner works a revenue target backwards through your funnel: won deals, opportunities, SQLs, MQLs and leads per source.\n\n' +
      '1. Extensions → Funnel Planner → Insert Inputs sheet (or Open planner).\n2. Edit the shaded cells: target, shares, deal sizes, conversion rates.\n' +
      '3. Generate plan writes the Summary and Funnel sheets; their numbers are live formulas of Inputs.\n\n' +
      '4. Derive rates from History: paste a CRM export into a sheet named History; its rates (with 95% intervals) go to History summary and into Inputs, with the stage days, the lags of its won records and, where Seasonality says history, the won months. CRM sources whose name is not a plan source\'s are placed on a sheet named Source map (CRM source | Plan source).\n\n' +
      'Custom functions: =FUNNEL_REVERSE(revenue, share, dealSize, rates), =FUNNEL_FORWARD(volume, dealSize, rates) and =FUNNEL_RATES(range).\n' +
      'Only sheets Funnel Planner created are ever replaced; a sheet you edited is kept as a backup copy.',
    sidebarTitle: 'Funnel Planner',
    historyPasteHere:
      'Paste your CRM export here: its header row in row 1 (e.g. HubSpot: Original Source, Became a Lead Date, …, Became a Customer Date).',
    historyMissingTitle: 'History sheet added',
    historyMissing: 'Paste your CRM export into the new History sheet (header row in row 1), then choose Derive rates from History again.',
    historyUnreadableTitle: 'Cannot read the History sheet',
    dateOrderTitle: 'Day first or month first?',
    dateOrderQuestion: (message: string) =>
      `${message}\n\nAre these dates day first (05/03/2024 = 5 March)? Yes: day first. No: month first (May 3).`,
    dateOrderHint: 'Choose Derive rates from History again and answer the question, or write the dates as YYYY-MM-DD.',
    historySheetName: 'the History sheet',
    historyDoneTitle: 'Rates derived from History',
    historyDone: (rows: number, fed: number) =>
      `Read ${rows.toLocaleString('en-US')} rows; wrote History summary${fed > 0 ? ` and ${fed} rates into Inputs (the rates they replaced are listed on History summary)` : ''}.`,
    historyTimingDone: (n: number) => `Timing from its won records (stage days, lags, seasonality): ${n} ${n === 1 ? 'value' : 'values'} into Inputs, listed on History summary.`,
    seasonalityHistoryHint: 'For "history", paste your CRM export into the History sheet and choose Derive rates from History: it puts the won deals by month into the Seasonality row.',
    historyNotFedEmpty: (columns: string) =>
      `Rates through ${columns} were not fed into Inputs: that column has no date in any row, so it would read 100 % or 0 %. Fill it in the export, or keep the typed rates.`,
    /** Sheets' way to name a column that recognition could not find (core says it in neutral terms). */
    historyNotFedTitle: 'Rates not fed into Inputs',
    sourceMapTitle: 'Please fix the Source map sheet',
    ambiguousHint: (stage: string) => `In the History sheet, remove or rename one of the columns of stage ${stage}, then choose Derive rates from History again.`,
    sourceMapHint: (sheet: string) =>
      `On the "${sheet}" sheet, type next to each CRM source the plan source it belongs to (its id or name on Inputs; a row "*" takes all others), then choose Derive rates from History again.`,
    moreNotes: (n: number) => `… and ${n} more: see History summary.`,
    mapHint: 'In the History sheet, give each stage\'s date column a header the add-on knows (e.g. "Became a Lead Date" … "Became a Customer Date", or 线索创建时间 … 成交时间), then choose Derive rates from History again.',
    refusalNotOurs: (sheet: string) =>
      `A sheet named "${sheet}" already exists and was not created by Funnel Planner. Rename it, then generate again.`,
    refusalMarkerCorrupt: (sheet: string) =>
      `The Funnel Planner marker of sheet "${sheet}" is damaged and cannot be read, so Funnel Planner cannot tell whether it made that sheet and leaves it alone. Rename the sheet (or delete it if it is an old plan), then generate again.`,
    refusalChanged: (sheet: string) =>
      `Sheet "${sheet}" is listed as Funnel Planner's in the owner table of an uploaded workbook, but it has changed since that workbook was written, so it may be a sheet of your own. Funnel Planner leaves it alone: rename it (or delete it if it is an old plan), then generate again.`,
  },

  /** The add-on menu (gas/menu.ts); the help and alerts quote these names. */
  menu: {
    openPlanner: 'Open planner',
    generatePlan: 'Generate plan',
    insertInputs: 'Insert Inputs sheet',
    deriveRates: 'Derive rates from History',
    help: 'Help',
    failed: (message: string) => `Something went wrong: ${message}`,
  },

  /** Custom functions (gas/customFunctions.ts). */
  customFunctions: {
    stageN: (n: number) => `Stage ${n}`,
    mapHint: 'Give each stage\'s date column a header a CRM uses (e.g. "Became a Lead Date", "Became a Customer Date", "成交时间").',
    revenue: 'Revenue',
    dateOrderBad: (got: string) =>
      `date_order: expected "dmy" (day first, 05/03/2024 = 5 March) or "mdy" (month first, = May 3), got "${got}"`,
    dateOrderHint:
      'Give the order as the second argument: =FUNNEL_RATES(range, "dmy") for day first (05/03/2024 = 5 March), "mdy" for month first (May 3).',
  },

  /** Every word the sidebar shows (gas/sidebar/sidebarText.ts). */
  sidebar: {
    loading: 'Loading…',
    intro: 'Set the target, the timing and the rates. Preview shows the funnel; Generate sheets writes Inputs, Summary, Funnel, Monthly, Teams and Headcount (who to hire when, and what it costs).',
    fromSheet: 'Loaded from the Inputs sheet.',
    fromTemplate: 'Starting from the default template.',
    readProblems: 'The Inputs sheet could not be read, so the form shows the default template:',
    planSection: 'Plan',
    planName: 'Plan name',
    revenueTarget: 'Revenue target',
    currency: 'Currency',
    numbersHint: 'Type numbers as you would in a sheet: 25%, 1,200,000, 120万.',
    sourcesSection: 'Revenue sources',
    sourceName: 'Name',
    share: 'Share of target',
    avgDealSize: 'Average deal size',
    entryStage: 'Entry stage',
    rates: 'Conversion rates',
    noRates: 'Enters at the won stage: no rates needed.',
    timingHint: 'A blank start plans the year from January (next January from October on).',
    seasonalityEven: 'Even: every month alike',
    seasonalityHistory: 'From the CRM export (history)',
    seasonalityCustom: 'Twelve weights, one a month',
    weightsHint: 'Won deals by fiscal month, relative to each other: a month of 2 wins twice a month of 1.',
    rate: 'Rate',
    days: 'Days',
    daysTo: (from: string, to: string) => `Days from ${from} to ${to}`,
    daysHint: 'Days: median days to the next stage (the sales-cycle lag); blank for none.',
    addChannel: '+ Add channel',
    removeChannel: 'Remove',
    removeChannelNamed: (name: string) => `Remove channel ${name}`,
    channelKeeps: 'Its own rates and deal size in the plan are kept.',
    teamSection: 'Team and hiring',
    teamHint: 'Each role: people now, what one fully ramped person does a month, cost and hiring lead time. The hiring plan follows from the plan’s monthly work; a field left as shown keeps the role’s value.',
    roleCurrent: 'People now',
    roleCapacity: 'Capacity a month, per person',
    roleMonthlyCost: 'Monthly cost, per person',
    roleLeadMonths: 'Hiring lead time (months)',
    roleAttrition: 'Attrition a year',
    roleRamp: 'Ramp (output by month)',
    roleRampHint: 'Output each month from the start month, e.g. 25%, 50%, 75%; 100% after the list. Blank: the default role’s ramp (none for a role of your own); none: productive at once.',
    rampNone: 'none',
    planStart: 'Plan start (YYYY-MM)',
    planStartHint: 'The first month a hire can start work; blank: 3 months before the fiscal year.',
    hiringTitle: 'Hiring plan',
    role: 'Role',
    hires: 'Hires',
    headsAtFyEnd: 'Heads at FY end',
    gapTitle: 'Ramp-up gap (FTE short, before a new hire could be fully productive)',
    gapLine: (role: string, months: string) => `${role}: ${months}`,
    preview: 'Preview',
    generate: 'Generate sheets',
    previewing: 'Previewing…',
    generating: 'Generating…',
    fixErrors: 'Fix the fields marked in red first.',
    failed: (message: string) => `Something went wrong: ${message}`,
    resultsTitle: 'The funnel',
    revenueLine: (money: string) => `Revenue target: ${money}`,
    stale: 'The form changed since this result; preview again to update it.',
    stage: 'Stage',
    total: 'Total',
    count: 'Count',
    bySource: 'By source',
    headline: (count: string, stage: string) => `Marketing must deliver ${count} ${stage}`,
    noMarketing: 'No source is marked kind "marketing", so there is no marketing target.',
    sheetsWritten: (names: string) => `Sheets written: ${names}.`,
    previewOnly: 'Preview only: no sheets were written.',
    backupsKept: (names: string) => `Backups kept of sheets you had edited: ${names}.`,
    listSeparator: ', ',
  },

  /** The HTML report (cli/report/*). */
  report: {
    htmlLang: 'en',
    defaultTitle: 'Funnel plan',
    generated: (version: string, date: string) => `Generated by Funnel Planner ${version} on ${date}`,
    summary: 'Summary',
    revenueTarget: 'Revenue target',
    marketingShare: 'Marketing-sourced share',
    requiredInTotal: 'required in total',
    headline: (count: string, stage: string) => `Marketing must deliver ${count} ${stage}`,
    headlineSources: (names: string) => `Marketing-sourced sources: ${names}`,
    noMarketing: 'No source is marked kind "marketing", so there is no marketing headline target.',
    funnel: 'The funnel',
    funnelCaption: 'Bar width is proportional to the total count at each stage; each colour is one source.',
    chartTitle: 'Count required at each stage, by source',
    sources: 'Sources compared',
    source: 'Source',
    entryStage: 'Entry stage',
    share: 'Share of target',
    revenue: 'Revenue target',
    dealSize: 'Avg deal size',
    wonDeals: 'Won deals',
    wonRevenue: 'Won deals × deal size',
    fullFunnel: 'Full funnel',
    stage: 'Stage',
    total: 'Total',
    rounding:
      'Every stage is rounded up, because 0.7 of a deal closes nothing; planned won revenue can therefore exceed the target slightly. “—” marks stages above a source’s entry stage.',
    overTheYear: 'The plan over the year',
    monthlyChartTitle: (stage: string) => `${stage} by month, by source`,
    monthlyCaption:
      'Each column is one month’s work at this stage, stacked by source. Lighter, outlined parts are next year’s pipeline worked this year; the shaded months before the fiscal year are carry-in work that must already be under way.',
    beforeFy: 'Before FY',
    nextYearPipeline: 'Next year’s pipeline',
    monthShort: (month: number) => ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1],
    monthLabel: (year: number, month: number) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`,
    teamsTitle: 'Every team’s target',
    teamWorks: 'Works',
    teamDelivers: 'Delivers',
    teamTarget: 'Target',
    teamBudget: 'Budget',
    fyTotal: 'FY total',
    busiestMonth: 'Busiest month',
    perWorkingDay: 'Per working day',
    teamsNote: (days: number) => `Per working day: the FY total over the fiscal year’s ${days} working days (Mon–Fri less holidays), one decimal. Work at a stage includes next year’s pipeline that falls inside this FY.`,
    channelBudget: 'Channel budget',
    channel: 'Channel',
    entryCount: 'Entry records',
    costPerLead: 'Cost per lead',
    budgetFy: 'Budget (FY)',
    costEach: 'cost each',
    channelNote:
      'Budget (FY): records at the entry stage in the fiscal year’s months × cost per lead. Cost each: this year’s entry records × cost per lead ÷ the stage’s count (at won deals: the acquisition cost, CAC).',
    historyTitle: 'Rates from history',
    historyFrom: (file: string, rows: string, skipped: number, asOf: string, mature: boolean) =>
      `From ${file}: ${rows} rows (${skipped} skipped), as of ${asOf}. The plan uses ${mature ? 'mature rates (records that reached the stage at least p90 days before that date)' : 'rates over all records'}.`,
  },

  /** The rates table as sheet rows (core/history/ratesTable.ts). */
  ratesTable: {
    headers: ['Source', 'Stage', 'Reached', 'Converted', 'Rate', '95% low', '95% high', 'Mature rate', 'Mature sample', 'Median days', 'P90 days', 'Note'],
    overall: 'Overall',
    none: '(none)',
    small: 'small sample',
  },

  /** Reading a CRM export (core/history/*): recognising columns, date orders, what could not be measured, feeding a plan. Never names a CLI flag or a menu: each front end adds its own hint. */
  history: {
    lineRef: (n: number) => `line ${n}`,
    rowRef: (n: number) => `row ${n}`,
    placeholderDates: (n: number, column: string, stage: string, first: string) =>
      `${n} ${n === 1 ? 'date' : 'dates'} in "${column}" (stage ${stage}) ${n === 1 ? 'is a placeholder' : 'are placeholders'}, not a real day (the first: ${first}): a date on or before 1970-01-01 or after 2100-12-31 is read as blank, so the record did not reach ${stage}`,
    futureDates: (column: string, latest: string, after: string, isAsOf: boolean) =>
      `"${column}" has dates after ${isAsOf ? 'the as-of date' : 'today'} (${after}), the latest ${latest}: a date in the future is a typo or a placeholder; check the export`,
    nothingDated: 'No row has a readable date in the mapped stage columns: there is nothing to measure.',
    and: ' and ',
    noColumn: (stage: string, pairs: string, several: boolean) =>
      `Stage "${stage}" has no date column: records reach it only through later stages, and ${pairs} ${several ? 'have' : 'has'} no durations or mature rate.`,
    emptyStageColumn: (column: string, stage: string, pairs: string, next: string | null, into: string, several: boolean) =>
      `Column "${column}" (stage ${stage}) has no date in any row read: ${pairs} cannot be measured ` +
      (next !== null
        ? `(records reach ${stage} only through later stages, so ${stage} → ${next} would read 100%)`
        : `(no record reaches ${stage}, so ${into} would read 0%)`) +
      `; do not plan on ${several ? 'them' : 'it'}.`,
    negative: (n: number, from: string, to: string) =>
      `${n} ${n === 1 ? 'record has its' : 'records have their'} ${to} date before the ${from} date; counted as negative durations in ${from} → ${to}.`,
    lagSmallSample: (source: string, stage: string, n: number, min: number) =>
      `Source "${source}": only ${n} won ${n === 1 ? 'record' : 'records'} measured the lag from ${stage} (under ${min}); its lag comes from the median stage days.`,
    lagFilled: (source: string, stage: string, counts: string, n: number) => `Source "${source}": lag from ${stage} from ${n} won records, by months after ${stage}: ${counts}.`,
    stageDaysFilled: (source: string, stage: string, days: number) => `Source "${source}": ${stage} stage days ${days} (the export's median).`,
    seasonalityFilled: (weights: string) => `Seasonality from the export's won dates, FY month order: ${weights}.`,
    seasonalityNoWon: 'Seasonality "history": the export has no won date to take it from.',
    wonBeforeReached: (n: number, stage: string, won: string) =>
      `${n} ${n === 1 ? 'record is' : 'records are'} ${won} in a month before ${n === 1 ? 'it' : 'they'} reached ${stage}; left out of the sales-cycle lag from ${stage}.`,
    tooManySources: (max: number, other: string) => `More than ${max} distinct sources: the rest are counted together as "${other}". Is the source column right?`,
    smallOverall: (min: number, list: string) => `Small samples (under ${min} records) overall: ${list}.`,
    smallSource: (min: number, source: string, list: string) => `Small samples (under ${min} records) for source "${source}": ${list}.`,
    emptyRange: 'The range is empty: expected a header row and data rows.',
    sentence: (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`,
    unknownStage: (key: string, stages: string) => `stage "${key}" was given a column, but it is not one of the stages (${stages})`,
    columnMissing: (stage: string, column: string, headers: string) => `the column "${column}" given for stage ${stage} is not in the file. Its columns are: ${headers}`,
    sharedColumn: (upper: string, lower: string, column: string) =>
      `Stages ${upper} and ${lower} are both mapped to the column "${column}": each stage needs its own date column (one column for two stages would measure ${upper} → ${lower} as 100% in 0 days).`,
    sourceColumnMissing: (column: string, headers: string) => `the source column "${column}" is not in the file. Its columns are: ${headers}`,
    moreThanOne: (stage: string, read: string, others: string, one: boolean) =>
      `Stage "${stage}" has more than one date column: "${read}" is read, ${others} ${one ? 'is' : 'are'} not. If the dates differ, check which one is right and name it as the stage's column.`,
    noStageColumns: (headers: string, stages: string) =>
      `No stage date columns recognised among the file's columns: ${headers}. Each stage needs a column of the dates records reached it (stages: ${stages}).`,
    noWonColumn: (won: string, found: string, headers: string) => `No date column for the won stage "${won}" (found ${found}); the file's columns are: ${headers}`,
    onlyWon: (found: string, headers: string) =>
      `Only the won stage has a date column (${found}); rates need at least one earlier stage. The file's columns are: ${headers}`,
    tooFewStages: (n: number) => `stages: expected at least two stages, got ${n}`,
    stageTwice: (stage: string) => `stages: "${stage}" appears twice`,
    stagesOrder: (before: string, after: string, order: string) =>
      `stages: "${before}" is listed before "${after}", but a record reaches ${after} first. List the stages top to bottom, won last (${order}).`,
    moreHeaders: (n: number) => ` … and ${n} more`,
    noHeaders: '(none: the header row is empty)',
    listSeparator: ', ',
    at: (text: string, unit: string, row: number) => `"${text}" (${unit} ${row})`,
    mixedOrders: (column: string, dayFirst: string, monthFirst: string) =>
      `Column "${column}" mixes day-first and month-first dates: ${dayFirst} can only be day first, ${monthFirst} only month first. Make the column's dates use one order.`,
    dayFirst: 'day first',
    monthFirst: 'month first',
    othersDisagree: (list: string) => ` The file's other columns disagree (${list}).`,
    ambiguousOrder: (column: string, example: string, others: string) =>
      `Column "${column}" has dates like ${example} that read either day first or month first, and none of its dates has a part over 12 to tell which.${others} The order the export uses must be given.`,
    noRows: 'there is a header but no data rows: there is nothing to measure',
    allSkipped: (count: number, where: string, reason: string) =>
      `${count === 1 ? 'the only data row was' : `all ${count} data rows were`} skipped for an unreadable date (the first: ${where}, ${reason}): there is nothing to measure`,
    noneDated: (rows: number, skipped: number) =>
      `none of the ${rows} data rows${skipped > 0 ? ` (${skipped} skipped for an unreadable date)` : ''} has a date in the stage columns: there is nothing to measure`,
  },

  /** The history policy's warnings and errors (core/history/historyPolicyText.ts), `{name}` filled in there; each adapter adds its own hint. */
  policy: {
    unmappedSources: 'CRM sources not mapped to a plan source: {list}; no plan source has their id or name',
    unmeasuredError: '{source}: the export\'s column "{column}" (stage {empty}) has no date in any row, so the {stage} → {next} rate cannot be measured; give the {stage} rate by hand or map a column that has the {empty} dates',
    unmeasuredKept: '{source}: kept the plan\'s own {stage} rate ({own}): the export\'s column "{column}" (stage {empty}) has no date in any row, so {stage} → {next} is not measured',
    ambiguousError: '{source}: stage {twice} is in more than one column of the export ({columns}), so the {stage} → {next} rate is not taken from it; say which column holds the {twice} dates, or give the {stage} rate by hand',
    ambiguousKept: '{source}: kept the plan\'s own {stage} rate ({own}): stage {twice} is in more than one column of the export ({columns}), so {stage} → {next} is not taken from it until you say which column holds the {twice} dates',
    noRateError: 'no history converts {source} records from {stage}: {found} in the export; map more CRM sources to "{source}" or give its {stage} rate by hand',
    noRateKept: '{source}: kept the plan\'s own {stage} rate ({own}): no history converts {source} records from {stage} ({found} in the export)',
    noSource: '{name} (records with no source)',
    noRecords: 'no records',
    ofSample: '{converted} of {sample}',
    allRecords: '{source}: no mature {stage} records yet, so its {stage} rate uses all records',
  },
  /** The Source map sheet (workbook/sourceMapSheet.ts), `{name}` filled in there. */
  sourceMap: {
    crmSource: 'CRM source',
    planSource: 'Plan source',
    help: 'Next to each CRM source (as written in the History sheet), type the plan source it belongs to: its id or name on Inputs. A row "*" takes every CRM source not listed. Then choose Derive rates from History again.',
    unknown: '{cell}: expected one of the plan\'s sources ({ids}), got "{got}"',
    twice: '{cell}: "{crm}" is already mapped in {first}',
  },
  /** Why a CRM cell is not a date (core/history/parseHistoryDate.ts). */
  dates: {
    invalidDate: 'an invalid Date is not a date',
    valueOfType: (type: string) => `a value of type ${type}`,
    notADate: (text: string) => `${text} is not a date (expected YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], M/D/YYYY [H:MM [AM/PM]], D/M/YYYY, YYYY/M/D, YYYY.MM.DD or an Excel date serial)`,
    serialRange: (serial: number, max: number) => `${serial} is not a date (expected an Excel date serial from 1 to ${max}, e.g. 45292 = 2024-01-01)`,
    serial60: (serial: number) => `${serial} is not a date (Excel serial 60 is 1900-02-29, which does not exist)`,
    invalid: (text: string, why: string) => `${text} is not a date: ${why}`,
    reasons: {
      neitherMonth: (r: { first: number; second: number }) => `neither ${r.first} nor ${r.second} is a month (1–12)`,
      monthDmy: (r: { n: number }) => `month ${r.n} (expected D/M/YYYY, day first)`,
      monthMdy: (r: { n: number }) => `month ${r.n} (expected M/D/YYYY, month first)`,
      month: (r: { n: number }) => `month ${r.n} (expected 1–12)`,
      utcOffset: (r: { offset: string }) => `UTC offset ${r.offset} (expected −12:00 to +14:00, minutes 00–59)`,
      hour12: (r: { n: number }) => `hour ${r.n} (expected 1–12 with AM/PM)`,
      hour24: (r: { n: number }) => `hour ${r.n} (expected 0–23)`,
      minute: (r: { n: number }) => `minute ${r.n} (expected 0–59)`,
      second: (r: { n: number }) => `second ${r.n} (expected 0–59)`,
      year: (r: { n: number }) => `year ${r.n} (expected 1000–9999)`,
      day: (r: { n: number; days: number }) => `day ${r.n} (expected 1–${r.days})`,
      monthDays: (r: { month: number; year: number; days: number }) =>
        `${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][r.month - 1]} ${r.year} has ${r.days} days`,
    },
  },

  /** The plan over the year: teams and months (core/teams, core/time). */
  teams: {
    marketing: 'Marketing',
    sdr: 'SDR',
    ae: 'AE',
    csm: 'CSM',
    works: 'works',
    delivers: 'delivers',
    headline: 'target',
    budget: 'Budget',
    month: 'Month',
    carryIn: '(before FY)',
    quarter: (n: number) => `Q${n}`,
    fiscalYear: 'FY',
    perWorkingDay: 'per working day',
    headlineByMonth: (stage: string) => `Marketing's ${stage} by month`,
    noLag: (sources: string) => `No sales-cycle lag for ${sources} (no stage days, no CRM history): their stages follow their won months.`,
  },
  /** The headcount plan (core/headcount): role names, the hiring plan in a sentence, per-person targets, the structures. */
  headcount: {
    /** Default roles (core/headcount/defaultRoles.ts): the name as a label, and the forms a count reads with (1 SDR, 3 SDRs). */
    roles: {
      cso: { name: 'CSO/CGO', one: 'CSO/CGO', many: 'CSOs/CGOs' },
      marketingDirector: { name: 'Digital marketing director', one: 'digital marketing director', many: 'digital marketing directors' },
      salesDirector: { name: 'Sales director', one: 'sales director', many: 'sales directors' },
      contentMarketer: { name: 'Content marketer', one: 'content marketer', many: 'content marketers' },
      seoSem: { name: 'SEO/SEM specialist', one: 'SEO/SEM specialist', many: 'SEO/SEM specialists' },
      socialMedia: { name: 'Social media specialist', one: 'social media specialist', many: 'social media specialists' },
      marketingAutomation: { name: 'Marketing automation specialist', one: 'marketing automation specialist', many: 'marketing automation specialists' },
      sdr: { name: 'SDR', one: 'SDR', many: 'SDRs' },
      ae: { name: 'AE', one: 'AE', many: 'AEs' },
      csm: { name: 'CSM', one: 'CSM', many: 'CSMs' },
      sdrManager: { name: 'SDR manager', one: 'SDR manager', many: 'SDR managers' },
      salesManager: { name: 'Sales manager', one: 'sales manager', many: 'sales managers' },
      dataAnalyst: { name: 'Data analyst', one: 'data analyst', many: 'data analysts' },
      design: { name: 'Designer', one: 'designer', many: 'designers' },
      fullCycleRep: { name: 'Full-cycle rep', one: 'full-cycle rep', many: 'full-cycle reps' },
    },
    /** One entry of the hiring plan: `role` already in the count's form. */
    hire: (count: number, role: string, month: string) => `${count} ${role} in ${month}`,
    hireList: (items: readonly string[]) => `Hire ${items.join(', ')}.`,
    noHires: 'No hires needed: the current staff cover every month a new hire could.',
    /** "each SDR: 14.2 SQLs a month, 0.7 a working day" (FY averages per effective FTE). */
    perPerson: (role: string, perMonth: string, unit: string, perDay: string | undefined) =>
      `each ${role}: ${perMonth} ${/^[A-Z][a-z]/.test(unit) ? unit.charAt(0).toLowerCase() + unit.slice(1) : unit} a month${perDay === undefined ? '' : `, ${perDay} a working day`}`,
    perPersonBook: (role: string, n: string, unit: string) => `each ${role}: ${n} ${unit} on average`,
    accounts: 'accounts',
    horizontal: 'Horizontal (SDR → AE → CSM)',
    vertical: 'Vertical (full-cycle reps)',
    tradeOff: (p: TradeOff) =>
      `Vertical: ${p.verticalHeads} heads at FY end against ${p.horizontalHeads} in the horizontal structure, ` +
      (p.sameCost ? 'at the same cost for the year' : `${p.costDifference} ${p.verticalCheaper ? 'less' : 'more'} for the year`) +
      `, with someone still ramping in ${p.verticalRampMonths} months against ${p.horizontalRampMonths}. ` +
      'Full-cycle reps own each deal from first call to close, so no handoff can drop it, but they are harder to find and train, are paid more, and a new one takes longer to ramp; ' +
      'specialists are easier to hire and train for one narrow skill, and every handoff (SDR → AE → CSM) has to work.',
  },
  /** The hiring plan as the report (report/hiringSection.ts, hiringChart.ts) and the sidebar's results (gas/sidebarSummary.ts) show it. */
  hiring: {
    title: 'Hiring plan',
    period: (from: string, to: string, fyFrom: string) => `From the plan start, ${from}, to ${to}; the fiscal year from ${fyFrom}.`,
    costLine: (money: string, heads: string) => `Headcount cost for the fiscal year: ${money}; ${heads} heads at its end (expected, with attrition).`,
    chartTitle: 'Hires by start month and heads by month, per role',
    chartCaption:
      'One lane per role: the stepped area is its heads month by month (expected, with attrition), each lane to its own scale; a dark mark is a start month with its number of hires; a red month is short (the ramp-up gap); the shaded months come before the fiscal year. The figure at the right is the heads at FY end.',
    noHiresFor: (names: string) => `No hires for: ${names}.`,
    shortIn: (role: string, month: string, fte: string) => `${role}, ${month}: ${fte} FTE short`,
    hiresIn: (role: string, month: string, n: number) => `${role}, ${month}: ${n} ${n === 1 ? 'hire starts' : 'hires start'}`,
    role: 'Role',
    headsAtFyEnd: 'Heads at FY end',
    hires: 'Hires',
    yearCost: 'Cost (FY)',
    firstCovered: 'First covered month',
    rampGap: 'Ramp-up gap',
    gapUpTo: (fte: string) => `up to ${fte} FTE short`,
    afterFy: 'after the FY',
    total: 'Total',
    tableNote:
      'First covered month: plan start + hiring lead time + ramp, the first month a new hire could be fully productive; from then on effective FTE cover the demand in every month. Before it, what current staff and ramping hires cannot cover is the ramp-up gap, reported rather than hired away with several half-productive people.',
    perPersonTitle: 'Per-person targets',
    perPersonNote: 'Fiscal-year averages per effective FTE (a ramping person counts by their productivity); per working day over Mon–Fri less holidays.',
    structuresTitle: 'Horizontal or vertical structure',
    rampMonths: 'Months with someone ramping',
    shortMonths: 'Months short',
    listSeparator: ', ',
  },
  /** The shared bonus pool as the report (report/bonusSection.ts), the sidebar (gas/sidebar/bonusView.ts) and =FUNNEL_BONUS show it; explanations and findings are core's `bonus` words. */
  bonusView: {
    title: 'Shared bonus pool',
    poolAmount: (money: string) => `A target pool of ${money}`,
    poolPercent: (share: string) => `A pool of ${share} of actual revenue`,
    /** "A target pool of USD 600,000; nothing is funded below revenue 80% (the gate); …" */
    poolLine: (pool: string, gate: string | null, curve: boolean, fit: boolean) =>
      `${pool}${gate ? `; nothing is funded below ${gate} (the gate)` : ''}${curve ? '; the funding curve scales it with revenue attainment' : ''}${fit ? '; payouts are scaled down to fit the funded pool' : ''}.`,
    amountsIn: (currency: string) => `Amounts in ${currency}.`,
    scenario: 'Scenario',
    plan: 'Plan',
    worstCase: 'Worst case',
    atCaps: 'every KPI at its cap',
    funded: 'Funded pool',
    total: 'Total',
    cost: 'Cost, % of revenue',
    scenariosNote:
      'Attainment is actual ÷ plan (100% = on plan); a KPI a scenario does not name is on plan. The worst case puts every KPI at the highest attainment any curve is capped at: the most the pool can cost.',
    gridTitle: 'Total payout by revenue and marketing-share attainment',
    gridCaption: 'Rows: revenue attainment; columns: marketing-sourced share attainment; every other KPI on plan. The darker the cell, the more the pool pays.',
    revenueAttainment: 'Revenue attainment',
    marketingShareAttainment: 'Marketing share attainment',
    explainTitle: 'How the plan pays',
    findingsTitle: 'Findings',
    sidebarTitle: 'Bonus pool',
    sliderHint: 'Move the sliders: every bucket’s payout follows, the other KPIs on plan.',
    bucket: 'Bucket',
    payout: 'Payout',
    roleHeads: (role: string, heads: number) => `${role} × ${heads}`,
    each: (money: string) => `${money} each`,
    belowGate: (min: string) => `Below the gate of ${min}: nothing is funded, nothing is paid.`,
    curveHint: 'Give the curve as two columns, attainment and multiplier, one point a row (e.g. 80% 0.5, 100% 1, 120% 1.5).',
  },
  /** The shared bonus pool (core/bonus): KPI names, a payout explained, findings. */
  bonus: {
    kpis: { revenue: 'revenue', marketingShare: 'marketing share', mqlToSql: 'MQL → SQL' } as Record<string, string>,
    /** "AE: 1.18 × (revenue 110% → 1.25 × 0.7, marketing share 95% → 0.9 × 0.3) × 50% of a 540,000 pool = 318,600" */
    explain: (bucket: string, multiplier: string, terms: readonly string[], share: string, pool: string, payout: string) =>
      `${bucket}: ${multiplier} × (${terms.join(', ')}) × ${share} of a ${pool} pool = ${payout}`,
    term: (kpi: string, attainment: string, curve: string, weight: string) => `${kpi} ${attainment} → ${curve} × ${weight}`,
    fitted: (explained: string, scale: string, payout: string) => `${explained}, × ${scale} to fit the pool = ${payout}`,
    /** "8 AEs, 39,825 each" (`role` in the count's form); `extra` heads get one cent more. */
    perHead: (heads: number, role: string, each: string, extra: number, unit: string) =>
      `${heads} ${role}, ${each} each${extra > 0 ? ` (${extra} of them ${unit} more)` : ''}`,
    oneMinor: (digits: number) => (digits === 0 ? '1' : `0.${'0'.repeat(digits - 1)}1`),
    /** The bucket's line, then who is paid. */
    paidTo: (explained: string, people: string) => `${explained}; ${people}`,
    peopleSeparator: '; ',
    noHeads: 'nobody in its roles at the fiscal year\'s end',
    /** The unpaid amount of a bucket with nobody to pay, after its line. */
    unpaid: (line: string, amount: string) => `${line}: ${amount} that nobody is paid (no heads in its roles at the fiscal year's end), not in the total`,
    /** Names of the scenarios Funnel Planner gives a plan without its own (readBonus.ts DEFAULT_SCENARIOS), and of the plan and worst case. */
    scenarioNames: { Plan: 'Plan', Downside: 'Downside', Upside: 'Upside', caps: 'At the caps' } as Record<string, string>,
    belowGate: (kpi: string, attainment: string, min: string) => `${kpi} ${attainment} is below the gate of ${min}: no pool is funded, nothing is paid`,
    funded: (pool: string, base: string, multiplier: string) => `Funded pool ${pool} (${base} × funding ${multiplier})`,
    findings: {
      notMonotone: (bucket: string, kpi: string, from: string, to: string, fromPay: string, toPay: string) =>
        `${bucket} is paid less when ${kpi} improves: ${fromPay} at ${from}, only ${toPay} at ${to}. Make every curve it is paid on rise or stay flat (with fitToPool, a bucket also loses its share of the pool when a heavier bucket gains more on the same KPI).`,
      gateCliff: (kpi: string, at: string, jump: string, share: string) =>
        `The pool is all or nothing at ${kpi} ${at}: just below it pays 0, at it ${jump} (${share} of the plan pool). Start the funding curve lower at the gate, or lower the gate.`,
      capInPlan: (bucket: string, kpi: string, cap: string) => `${bucket}'s ${kpi} curve is capped at ${cap}, so on plan it already pays its most: beating the plan earns nothing more.`,
      capInPlanFunding: (cap: string) => `The funding curve is capped at ${cap} revenue, so on plan the pool is already at its largest.`,
      overPool: (scenarios: string, cells: number, excess: string) =>
        `Payouts exceed the funded pool${scenarios ? ` in ${scenarios}` : ''}${cells > 0 ? `${scenarios ? ' and' : ' in'} ${cells} grid ${cells === 1 ? 'cell' : 'cells'}` : ''}, by up to ${excess}: set fitToPool, or lower the shares or the curves.`,
      noHeads: (bucket: string, roles: string) => `${bucket} has nobody to pay: no heads of ${roles} at the fiscal year's end.`,
      none: 'No findings: every payout rises with its KPIs, no cap binds on plan, and payouts stay within the funded pool.',
    },
  },
  /** The funnel diagnosis (core/diagnosis): shape names, evidence and advice (seeds 000–003). */
  diagnosis: {
    shapes: { broken: 'Broken', straightTube: 'Straight tube', wideTopNarrowBottom: 'Wide top, narrow bottom', bigHeadSmallTail: 'Big head, small tail', healthy: 'Healthy' },
    /** Short stage names in evidence ("MQL → SQL"); an unknown stage is its own id. */
    stage: { lead: 'Lead', mql: 'MQL', bql: 'BQL', sql: 'SQL', opportunity: 'Opportunity', won: 'Won' } as Record<string, string>,
    transition: (from: string, to: string) => `${from} → ${to}`,
    rateInBand: (transition: string, rate: string, band: string | undefined, volumes: string | undefined) =>
      `${transition} ${rate}${volumes ? ` (${volumes})` : ''}${band ? `, band ${band}` : ''}`,
    volumes: (converted: string, sample: string, _from: string) => `${converted} of ${sample}`,
    emptyColumn: (transition: string, column: string) => `${transition}: the column "${column}" has no date in any row`,
    noneReached: (transition: string, from: string) => `${transition}: no record reached ${from}`,
    noneConverted: (transition: string, sample: string, _from: string) => `${transition}: none of ${sample} records converted`,
    noRecords: 'the export has no record of this source',
    overall: (entry: string, rate: string, max: string, perWin: string, minPerWin: string) =>
      `${entry} → Won ${rate}, above the ${max} of every rate at its band's high end: ${perWin} entries per won deal, where even the best benchmark funnel needs ${minPerWin}`,
    noBands: 'no transition of this source has a benchmark band',
    separator: '; ',
    advice: {
      broken: 'The pipeline system itself is missing a piece. Record every stage of every record in one CRM, with a date per stage, so marketing and sales see the whole chain; agree what each stage means, and make sure records really move through this stage before planning on it.',
      straightTube: 'Acquisition limits growth: too few leads come in for the funnel to filter. Widen the top with the trident of content, events and SEM: more channels and more efficient ones (content that breaks through, events that draw a crowd and convert it, SEM tuned for ROI), each with its own lead target.',
      bigHeadSmallTail: 'The marketing → sales handoff fails: many MQLs, few SQLs. Write down what makes an MQL and an SQL (e.g. downloading a white paper is an MQL; a confirmed need and an agreed demo is an SQL), agree an SLA on how fast marketing hands leads over and sales follows up and feeds back, hand over only the leads scoring says are ripe, and tie both teams to the SQL target with shared metrics and rewards.',
      wideTopNarrowBottom: 'Conversion after the handoff is the limit: plenty of SQLs, too few deals. Have SDRs filter and nurture leads before an AE gets them (unfiltered leads disappoint sales, who then stop trusting marketing\'s leads), find the ripe ones with lead scoring and buyer profiles, qualify on budget, authority, need and timing (BANT), and review each stage from SQL to close.',
      healthy: 'No shape applies: every judged rate is within or above its band. Keep measuring per source; the sensitivity ranking shows where a 10 % better rate saves the most.',
    },
  },
};

/** The shape every language's catalogue has: the keys of `en`, with the same parameters. */
export type Messages = typeof en;
