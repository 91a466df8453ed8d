/**
 * Funnel stages: ids, the default order, and labels in English and Chinese
 * (design.md §2). A plan may use any ordered list of ids; unknown ids are labelled
 * with the id itself.
 */
export type Lang = 'en' | 'zh-CN';

export const DEFAULT_STAGES: readonly string[] = ['lead', 'mql', 'sql', 'opportunity', 'won'];

/** The stage whose count is marketing's own target (seed 001: "市场部的营销目标即SQL数量"). */
export const DEFAULT_HANDOFF_STAGE = 'sql';

const LABELS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  lead: { en: 'Leads', 'zh-CN': '线索' },
  mql: { en: 'MQLs', 'zh-CN': '市场认可线索 (MQL)' },
  bql: { en: 'BQLs', 'zh-CN': '商业合格线索 (BQL)' },
  sql: { en: 'SQLs', 'zh-CN': '销售认可线索 (SQL)' },
  opportunity: { en: 'Opportunities', 'zh-CN': '商机' },
  won: { en: 'Won deals', 'zh-CN': '成单客户' },
};

/**
 * A stage's label in the user's language; an id the funnel does not know is its own label.
 *
 * @example
 * stageLabel('sql');          // → 'SQLs'
 * stageLabel('sql', 'zh-CN'); // → '销售认可线索 (SQL)'
 * stageLabel('trial');        // → 'trial'
 */
export function stageLabel(stage: string, lang: Lang = 'en'): string {
  return LABELS[stage]?.[lang] ?? stage;
}
