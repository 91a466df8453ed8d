/**
 * The add-on's handlers over the real Apps Script services: each builds a GasContext
 * (spreadsheet, lock, clock, locale) and calls a use case. main.ts exposes them as globals.
 */
import type { PlanInput } from '../core/planInput';
import { VERSION } from '../core/version';
import { funnelBonus, funnelForward, funnelRates, funnelReverse } from './customFunctions';
import { deriveRatesFromHistory } from './deriveRates';
import { funnelPhase } from './funnelPhase';
import { FormatDate, wallClockIn, withWallClockDates } from './wallClockDates';
import { GasContext, langOfLocale, sheetClock } from './gasContext';
import { gasText } from './gasText';
import { MenuOutcome, generateFromSidebarInput, generatePlanFromInputs, insertInputsSheet } from './generatePlan';
import { buildMenu } from './menu';
import { messages } from '../core/i18n/catalogue';
import { previewResponse } from './planResponse';
import type { GenerateResponse, SidebarState } from './sidebarContract';
import { sidebarState } from './sidebarState';

/** Utilities.formatDate, called on Utilities (a detached host method is not guaranteed to work). */
const formatDate: FormatDate = (date, timeZone, format) => Utilities.formatDate(date, timeZone, format);

function context(): GasContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    spreadsheet,
    builders: SpreadsheetApp,
    lock: LockService.getDocumentLock(),
    lang: documentLang(),
    version: VERSION,
    ...sheetClock(spreadsheet.getSpreadsheetTimeZone(), formatDate, new Date()),
    ask: (title, question) => {
      const ui = SpreadsheetApp.getUi();
      const button = ui.alert(title, question, ui.ButtonSet.YES_NO_CANCEL);
      return button === ui.Button.YES ? 'yes' : button === ui.Button.NO ? 'no' : 'cancel';
    },
  };
}

function show(outcome: MenuOutcome): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(outcome.title, outcome.message, ui.ButtonSet.OK);
}

/** Unexpected failures reach the user as a message, not a stack trace. */
function guarded(run: () => void): void {
  try {
    run();
  } catch (error) {
    show({ ok: false, title: 'Funnel Planner', message: messages(documentLang()).menu.failed(error instanceof Error ? error.message : String(error)) });
  }
}

export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi(), userLang());
}

/**
 * The document's language: the spreadsheet's locale (File → Settings), so a zh_TW spreadsheet
 * gets traditional Chinese sheets, sidebar and messages whoever opens it; the user's locale
 * where the spreadsheet's cannot be read.
 */
function documentLang(): ReturnType<typeof langOfLocale> {
  try {
    return langOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return userLang();
  }
}

/** The user's language, for the menu (onOpen may run in AuthMode.NONE, where only this is readable); English where even it cannot be read. */
function userLang(): ReturnType<typeof langOfLocale> {
  try {
    return langOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(gasText(documentLang()).sidebarTitle);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function generatePlan(): void {
  guarded(() => show(generatePlanFromInputs(context())));
}

export function insertInputs(): void {
  guarded(() => show(insertInputsSheet(context())));
}

export function deriveRates(): void {
  guarded(() => show(deriveRatesFromHistory(context())));
}

export function showHelp(): void {
  const t = gasText(documentLang());
  show({ ok: true, title: t.helpTitle, message: t.help });
}

export function getSidebarState(): SidebarState {
  return sidebarState(context());
}

export function previewPlan(input: PlanInput): GenerateResponse {
  // Dated like Generate: a plan without a fiscal-year start previews the year Generate would write.
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { today } = sheetClock(spreadsheet.getSpreadsheetTimeZone(), formatDate, new Date());
  return previewResponse(input, documentLang(), today);
}

/** `confidence`: the page's simulation of this input, plain JSON and unchecked (generateFromSidebarInput checks it). */
export function generateFromSidebar(input: PlanInput, inputsFingerprint: string | null, confidence: unknown = null): GenerateResponse {
  try {
    return generateFromSidebarInput(context(), input, inputsFingerprint, confidence);
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Custom functions may read the spreadsheet's settings (locale, time zone) but nothing that
 * needs authorisation; their labels follow the spreadsheet's locale (zh_CN → Chinese).
 */
function sheetLang(): ReturnType<typeof langOfLocale> {
  return langOfLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
}

export function funnelReverseInSheet(revenue: unknown, share: unknown, dealSize: unknown, rates: unknown): ReturnType<typeof funnelReverse> {
  return funnelReverse(revenue, share, dealSize, rates, sheetLang());
}

export function funnelForwardInSheet(volume: unknown, dealSize: unknown, rates: unknown): ReturnType<typeof funnelForward> {
  return funnelForward(volume, dealSize, rates, sheetLang());
}

export function funnelPhaseInSheet(total: unknown, weights: unknown, lag?: unknown): ReturnType<typeof funnelPhase> {
  return funnelPhase(total, weights, lag, sheetLang());
}

export function funnelBonusInSheet(attainment: unknown, curve: unknown, stepped?: unknown): ReturnType<typeof funnelBonus> {
  return funnelBonus(attainment, curve, stepped, sheetLang());
}

export function funnelRatesInSheet(range: unknown, dateOrder?: unknown): ReturnType<typeof funnelRates> {
  // Date cells arrive as instants; they are read on the sheet's wall clock, as the menu reads them.
  const wallClock = wallClockIn(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(), formatDate);
  return funnelRates(Array.isArray(range) ? withWallClockDates(range as unknown[][], wallClock) : range, dateOrder, sheetLang());
}
