/**
 * The words for historyPolicy's warnings and errors, in each language. They state what was
 * found; what to do about it differs by adapter (a plan field and flag in the CLI, a sheet in
 * Google Sheets), so each adapter adds its own hint (`hint` below says which one applies).
 */
import { stageLabel, type Lang } from '../stages';
import { NO_SOURCE } from './historyAccumulator';
import type { OwnRate, PolicyNote } from './historyPolicy';

const MESSAGES = {
  unmappedSources: {
    en: 'CRM sources not mapped to a plan source: {list}; no plan source has their id or name',
    'zh-CN': '以下 CRM 来源没有对应的计划来源：{list}；没有计划来源的 id 或名称与之相同',
  },
  unmeasuredError: {
    en: '{source}: the export\'s column "{column}" (stage {empty}) has no date in any row, so the {stage} → {next} rate cannot be measured; give the {stage} rate by hand or map a column that has the {empty} dates',
    'zh-CN': '{source}：导出数据的“{column}”列（阶段 {empty}）没有任何日期，无法计算 {stage} → {next} 的转化率；请手动填写 {stage} 的转化率，或指定含有 {empty} 日期的列',
  },
  unmeasuredKept: {
    en: '{source}: kept the plan\'s own {stage} rate ({own}): the export\'s column "{column}" (stage {empty}) has no date in any row, so {stage} → {next} is not measured',
    'zh-CN': '{source}：保留计划自己的 {stage} 转化率（{own}）：导出数据的“{column}”列（阶段 {empty}）没有任何日期，{stage} → {next} 无法计算',
  },
  noRateError: {
    en: 'no history converts {source} records from {stage}: {found} in the export; map more CRM sources to "{source}" or give its {stage} rate by hand',
    'zh-CN': '历史数据中没有 {source} 的记录从 {stage} 转化（{found}）；请把更多 CRM 来源对应到“{source}”，或手动填写其 {stage} 转化率',
  },
  noRateKept: {
    en: '{source}: kept the plan\'s own {stage} rate ({own}): no history converts {source} records from {stage} ({found} in the export)',
    'zh-CN': '{source}：保留计划自己的 {stage} 转化率（{own}）：历史数据中没有 {source} 的记录从 {stage} 转化（{found}）',
  },
  noSource: { en: '{name} (records with no source)', 'zh-CN': '{name}（没有来源的记录）' },
  noRecords: { en: 'no records', 'zh-CN': '导出数据中没有记录' },
  ofSample: { en: '{converted} of {sample}', 'zh-CN': '导出数据中 {sample} 条记录有 {converted} 条转化' },
  allRecords: {
    en: '{source}: no mature {stage} records yet, so its {stage} rate uses all records',
    'zh-CN': '{source}：尚无成熟的 {stage} 记录，其 {stage} 转化率按全部记录计算',
  },
} as const satisfies Record<string, Record<Lang, string>>;

function say(key: keyof typeof MESSAGES, lang: Lang, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_m, p: string) => String(params[p] ?? `{${p}}`));
}

const shown = (own: OwnRate): string => (typeof own === 'string' ? own : String(own));

/** English keeps the stage ids the plan input uses (`lead → mql`); Chinese names the stages. */
const stageName = (stage: string, lang: Lang): string => (lang === 'en' ? stage : stageLabel(stage, lang));

/**
 * One warning or error of historyPolicy in words.
 *
 * @example
 * describePolicyNote({ code: 'allRecords', source: 'marketing', stage: 'opportunity' }, 'en')
 * // → 'marketing: no mature opportunity records yet, so its opportunity rate uses all records'
 */
export function describePolicyNote(note: PolicyNote, lang: Lang): string {
  switch (note.code) {
    case 'unmappedSources':
      return say('unmappedSources', lang, {
        list: note.crmSources.map((s) => (s === NO_SOURCE ? say('noSource', lang, { name: JSON.stringify(s) }) : JSON.stringify(s))).join(', '),
      });
    case 'unmeasured': {
      const params = { source: note.source, stage: stageName(note.stage, lang), next: stageName(note.next, lang), empty: stageName(note.emptyStage, lang), column: note.column };
      return note.kept === null ? say('unmeasuredError', lang, params) : say('unmeasuredKept', lang, { ...params, own: shown(note.kept) });
    }
    case 'noRate': {
      const found = note.sample === 0 ? say('noRecords', lang) : say('ofSample', lang, { converted: note.converted, sample: note.sample });
      const params = { source: note.source, stage: stageName(note.stage, lang), found };
      return note.kept === null ? say('noRateError', lang, params) : say('noRateKept', lang, { ...params, own: shown(note.kept) });
    }
    case 'allRecords':
      return say('allRecords', lang, { source: note.source, stage: stageName(note.stage, lang) });
  }
}

/** The kind of fix an adapter should suggest after a note: where CRM sources are mapped, or none. */
export function hint(note: PolicyNote): 'sourceMapping' | undefined {
  return note.code === 'unmappedSources' ? 'sourceMapping' : undefined;
}
