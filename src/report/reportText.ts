/** The report's words: a view of the catalogue (core/i18n `report`); stage names come from core/stages instead. */
import { messages, type Messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';

export type ReportText = Messages['report'];

export function reportText(lang: Lang): ReportText {
  return messages(lang).report;
}
