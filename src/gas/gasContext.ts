/** Everything the add-on's use cases need from Apps Script, passed in so tests can give fakes. */
import type { Lang } from '../core/stages';
import type { SheetsBuilders } from './sheetsWorkbook';

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
  /** A date cell as the wall-clock text it shows in the spreadsheet's time zone, "yyyy-MM-dd'T'HH:mm:ss". */
  readonly wallClock: (date: Date) => string;
}

export function langOfLocale(locale: string | undefined): Lang {
  return locale && locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
