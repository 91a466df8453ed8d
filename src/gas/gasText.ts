/** The add-on's messages (menu results, alerts): a view of the catalogue (core/i18n `gas`). */
import { messages, type Messages } from '../core/i18n/catalogue';
import type { Lang } from '../core/stages';
import type { RefusalReason } from '../workbook/sheetRefusal';

type Texts = Messages['gas'] & {
  /** Why Generate leaves a sheet it needs alone (workbook/sheetRefusal.ts). */
  readonly refusal: (reason: RefusalReason, sheet: string) => string;
};

export function gasText(lang: Lang): Texts {
  const t = messages(lang).gas;
  return {
    ...t,
    refusal: (reason, sheet) =>
      reason === 'notOurs' ? t.refusalNotOurs(sheet) : reason === 'markerCorrupt' ? t.refusalMarkerCorrupt(sheet) : t.refusalChanged(sheet),
  };
}
