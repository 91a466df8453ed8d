/** The add-on menu. onOpen may run in AuthMode.NONE: it only builds the menu, touching no document or user data. */
import { messages, type Messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/i18n/lang';

export const MENU_ITEMS: readonly { readonly key: Exclude<keyof Messages['menu'], 'failed'>; readonly fn: string }[] = [
  { key: 'openPlanner', fn: 'showSidebar' },
  { key: 'generatePlan', fn: 'generatePlan' },
  { key: 'insertInputs', fn: 'insertInputs' },
  { key: 'deriveRates', fn: 'deriveRates' },
  { key: 'help', fn: 'showHelp' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui, lang: Lang = 'en'): void {
  const t = messages(lang).menu;
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(t[item.key], item.fn);
  });
  menu.addToUi();
}
