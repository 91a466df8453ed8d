/**
 * The Apps Script entry: one line per global, each delegating to app.ts. gas-webpack-plugin
 * turns every `global.X = (…) => …` into a top-level `function X(…)` and copies the JSDoc
 * above it (kept through esbuild by @preserve), which is what Sheets reads for custom
 * function autocomplete.
 */
import * as app from './app';

declare const global: Record<string, unknown>;

/** Builds the add-on menu; safe in AuthMode.NONE. @preserve */
global.onOpen = (e: unknown) => app.onOpen();
/** Runs onOpen after installation. @preserve */
global.onInstall = (e: unknown) => app.onOpen();
/** Menu: Open planner. @preserve */
global.showSidebar = () => app.showSidebar();
/** Menu: Generate plan. @preserve */
global.generatePlan = () => app.generatePlan();
/** Menu: Insert Inputs sheet. @preserve */
global.insertInputs = () => app.insertInputs();
/** Menu: Derive rates from History. @preserve */
global.deriveRates = () => app.deriveRates();
/** Menu: Help. @preserve */
global.showHelp = () => app.showHelp();
/** Sidebar: the form's starting point. @preserve */
global.getSidebarState = () => app.getSidebarState();
/** Sidebar: validate and plan without writing. @preserve */
global.previewPlan = (input: Parameters<typeof app.previewPlan>[0]) => app.previewPlan(input);
/** Sidebar: write every sheet, the Confidence sheet from the page's simulation (checked here). @preserve */
global.generateFromSidebar = (input: Parameters<typeof app.generateFromSidebar>[0], inputsFingerprint: string | null, confidence: unknown) =>
  app.generateFromSidebar(input, inputsFingerprint, confidence);

/**
 * Works a revenue target backwards through the funnel: the count needed at each stage, top stage first.
 * FUNNEL_REVERSE(10000000, 0.4, 25000, {0.25;0.4;0.5;0.25}) gives leads 12800, MQLs 3200, SQLs 1280, opportunities 640, won 160.
 *
 * @param {number} revenue Annual revenue target, e.g. 10000000.
 * @param {number} share Share of the target from this source, 0 to 1 (e.g. 0.4 or "40%").
 * @param {number} dealSize Average won deal size, e.g. 25000.
 * @param {number[]} rates Stage-to-stage conversion rates from the top stage down, as a row or column (4 rates for lead, MQL, SQL, opportunity, won).
 * @return Two columns: stage and required count, from the top stage down to won.
 * @customfunction
 * @preserve
 */
global.FUNNEL_REVERSE = (revenue: unknown, share: unknown, dealSize: unknown, rates: unknown) => app.funnelReverseInSheet(revenue, share, dealSize, rates);

/**
 * Works volumes forwards through the funnel: the expected count at each stage and the revenue it brings.
 * FUNNEL_FORWARD(9000, 25000, {0.25;0.4;0.5;0.25}) expects 112.5 won deals and 2,812,500 revenue.
 *
 * @param {number} volume Records entering at the top stage, e.g. 9000 leads.
 * @param {number} dealSize Average won deal size, e.g. 25000.
 * @param {number[]} rates Stage-to-stage conversion rates from the top stage down, as a row or column.
 * @return Two columns: stage and expected count, then a Revenue row.
 * @customfunction
 * @preserve
 */
global.FUNNEL_FORWARD = (volume: unknown, dealSize: unknown, rates: unknown) => app.funnelForwardInSheet(volume, dealSize, rates);

/**
 * Conversion rates, 95% intervals, mature rates and stage durations from a pasted CRM export.
 * Columns are recognised by name (HubSpot "Became a Lead Date" … "Became a Customer Date", "Original Source"; Salesforce; 线索创建时间 …).
 *
 * @param {string[][]} range The export, header row included.
 * @param {string} date_order Optional: "dmy" or "mdy", for text dates like 05/03/2024 that read either way.
 * @return A table: source, stage → next stage, reached, converted, rate, 95% low, 95% high, mature rate, mature sample, median days, p90 days, note.
 * @customfunction
 * @preserve
 */
global.FUNNEL_RATES = (range: unknown, date_order?: unknown) => app.funnelRatesInSheet(range, date_order);

/**
 * Splits a total over months (or any periods) by weights, so the parts add up to the total exactly (largest remainder: each part gets its whole share, the units left over go to the largest fractions, ties to the earlier month).
 *
 * @param {number} total The whole number to split, e.g. the year's SQLs.
 * @param {number[]} weights One weight per month (a row or a column), e.g. seasonality.
 * @param {number} lag_months Optional: months the work comes before the weighted month (sales-cycle lag); the result starts that many months earlier.
 * @return The months, in the weights' orientation, adding up to the total.
 * @customfunction
 * @preserve
 */
global.FUNNEL_PHASE = (total: unknown, weights: unknown, lag_months?: unknown) => app.funnelPhaseInSheet(total, weights, lag_months);

/**
 * A bonus payout curve's multiplier at an attainment, as the plan's shared bonus pool pays it: 0 below the first point (the threshold), linear between points (a steeper segment is an accelerator), the last point's multiplier beyond it (the cap).
 * FUNNEL_BONUS(1.25, {0.5,0.5;1,1;1.5,2}) gives 1.5; FUNNEL_BONUS(3, {0.5,0.5;1,1;1.5,2}) gives 2.
 *
 * @param {number} attainment Actual ÷ plan, e.g. 1.1 or "110%" (or a range of them).
 * @param {number[][]} curve The curve's points: two columns, attainment and multiplier, one point a row, attainments rising; blank rows are ignored.
 * @param {boolean} stepped Optional: TRUE pays the multiplier of the highest point at or below the attainment, with no interpolation.
 * @return The multiplier (a range of them for a range of attainments).
 * @customfunction
 * @preserve
 */
global.FUNNEL_BONUS = (attainment: unknown, curve: unknown, stepped?: unknown) => app.funnelBonusInSheet(attainment, curve, stepped);
