/** The add-on menu. onOpen may run in AuthMode.NONE: it only builds the menu, touching no document or user data. */
export const MENU_ITEMS: readonly { readonly label: string; readonly fn: string }[] = [
  { label: 'Open planner', fn: 'showSidebar' },
  { label: 'Generate plan', fn: 'generatePlan' },
  { label: 'Insert Inputs sheet', fn: 'insertInputs' },
  { label: 'Derive rates from History', fn: 'deriveRates' },
  { label: 'Help', fn: 'showHelp' },
];

export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  MENU_ITEMS.forEach((item, i) => {
    if (i === MENU_ITEMS.length - 1) menu.addSeparator();
    menu.addItem(item.label, item.fn);
  });
  menu.addToUi();
}
