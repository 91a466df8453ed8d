/** Every word the sidebar shows: a view of the catalogue (core/i18n `sidebar`; terms as in the workbook and the report). */
import { messages, type Messages } from '../../core/i18n/catalogue';
import { langOfTag } from '../../core/i18n/lang';
import type { Lang } from '../../core/stages';

export type SidebarText = Messages['sidebar'];

export function sidebarText(lang: Lang): SidebarText {
  return messages(lang).sidebar;
}

/** Before the state arrives the sidebar does not know the plan's language; the browser's is the best guess. */
export function guessLang(): Lang {
  return langOfTag(navigator.language || '') ?? 'en';
}
