/** Everything the add-on's use cases need from Apps Script, passed in so tests can give fakes. */
import { langOfTag } from '../core/i18n/lang';
import type { Lang } from '../core/stages';
import type { SheetsBuilders } from './sheetsWorkbook';
import { FormatDate, wallClockIn } from './wallClockDates';

export interface DocumentLock {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface GasContext {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly builders: SheetsBuilders;
  readonly lock: DocumentLock;
  readonly lang: Lang;
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  readonly today: string;
  /** YYYY-MM-DD HH:mm, for backup sheet names. */
  readonly now: string;
  readonly version: string;
  /** A date cell as the wall-clock text it shows in the spreadsheet's time zone (see wallClockIn). */
  readonly wallClock: (date: Date) => string;
  /** A yes / no question in a dialog (Ui.alert with YES_NO_CANCEL); absent where no one can answer. */
  readonly ask?: (title: string, question: string) => 'yes' | 'no' | 'cancel';
}

/** The context's clock: today, now and date cells, all on the spreadsheet's wall clock. */
export function sheetClock(timeZone: string, formatDate: FormatDate, now: Date): Pick<GasContext, 'today' | 'now' | 'wallClock'> {
  return {
    today: formatDate(now, timeZone, 'yyyy-MM-dd'),
    now: formatDate(now, timeZone, 'yyyy-MM-dd HH:mm'),
    wallClock: wallClockIn(timeZone, formatDate),
  };
}

/**
 * The language of a spreadsheet or user locale: zh_TW and zh_HK (and zh_MO, zh-Hant) read
 * traditional characters, other zh locales simplified, anything else English.
 *
 * @example
 * langOfLocale('zh_TW') // → 'zh-TW'
 * langOfLocale('zh_HK') // → 'zh-TW'
 * langOfLocale('zh_CN') // → 'zh-CN'
 * langOfLocale('de_DE') // → 'en'
 */
export function langOfLocale(locale: string | undefined): Lang {
  return langOfTag(locale ?? '') ?? 'en';
}
