/**
 * Funnel stages: ids, the default order, and their labels in each language (design.md §2,
 * from the catalogue in core/i18n). A plan may use any ordered list of ids; unknown ids are
 * labelled with the id itself.
 */
import { messages } from './i18n/catalogue';
import type { Lang } from './i18n/lang';

export type { Lang } from './i18n/lang';

export const DEFAULT_STAGES: readonly string[] = ['lead', 'mql', 'sql', 'opportunity', 'won'];

/** The stage whose count is marketing's own target (seed 001: "市场部的营销目标即SQL数量"). */
export const DEFAULT_HANDOFF_STAGE = 'sql';

/** `stageLabel('opportunity', 'zh-TW')` → '商機'; `stageLabel('demo')` → 'demo'. */
export function stageLabel(stage: string, lang: Lang = 'en'): string {
  const labels: Readonly<Record<string, string>> = messages(lang).stages;
  return Object.prototype.hasOwnProperty.call(labels, stage) ? labels[stage] : stage;
}
