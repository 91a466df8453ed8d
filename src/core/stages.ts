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

/**
 * A stage's label in the user's language (the catalogue's `stages`); an id the funnel does not know is its own label.
 *
 * @example
 * stageLabel('sql');          // → 'SQLs'
 * stageLabel('sql', 'zh-CN'); // → '销售认可线索 (SQL)'
 * stageLabel('sql', 'zh-TW'); // → '銷售認可線索 (SQL)'
 * stageLabel('trial');        // → 'trial'
 */
export function stageLabel(stage: string, lang: Lang = 'en'): string {
  const labels: Readonly<Record<string, string>> = messages(lang).stages;
  return Object.prototype.hasOwnProperty.call(labels, stage) ? labels[stage] : stage;
}
