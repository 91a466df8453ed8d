/** Every word the sidebar shows, in English and Chinese (terms as in the workbook and the report). */
import type { Lang } from '../../core/stages';

export interface SidebarText {
  readonly loading: string;
  readonly intro: string;
  readonly fromSheet: string;
  readonly fromTemplate: string;
  readonly readProblems: string;
  readonly planSection: string;
  readonly planName: string;
  readonly revenueTarget: string;
  readonly currency: string;
  readonly numbersHint: string;
  readonly sourcesSection: string;
  readonly sourceName: string;
  readonly share: string;
  readonly avgDealSize: string;
  readonly entryStage: string;
  readonly rates: string;
  readonly noRates: string;
  readonly preview: string;
  readonly generate: string;
  readonly previewing: string;
  readonly generating: string;
  readonly fixErrors: string;
  readonly failed: (message: string) => string;
  readonly resultsTitle: string;
  readonly revenueLine: (money: string) => string;
  readonly stale: string;
  readonly stage: string;
  readonly total: string;
  readonly count: string;
  readonly bySource: string;
  readonly headline: (count: string, stage: string) => string;
  readonly noMarketing: string;
  readonly sheetsWritten: (names: string) => string;
  readonly previewOnly: string;
  readonly backupsKept: (names: string) => string;
  readonly listSeparator: string;
}

const EN: SidebarText = {
  loading: 'Loading…',
  intro: 'Set the target and the rates. Preview shows the funnel; Generate sheets writes Inputs, Funnel and Summary.',
  fromSheet: 'Loaded from the Inputs sheet.',
  fromTemplate: 'Starting from the default template.',
  readProblems: 'The Inputs sheet could not be read, so the form shows the default template:',
  planSection: 'Plan',
  planName: 'Plan name',
  revenueTarget: 'Revenue target',
  currency: 'Currency',
  numbersHint: 'Type numbers as you would in a sheet: 25%, 1,200,000, 120万.',
  sourcesSection: 'Revenue sources',
  sourceName: 'Name',
  share: 'Share of target',
  avgDealSize: 'Average deal size',
  entryStage: 'Entry stage',
  rates: 'Conversion rates',
  noRates: 'Enters at the won stage: no rates needed.',
  preview: 'Preview',
  generate: 'Generate sheets',
  previewing: 'Previewing…',
  generating: 'Generating…',
  fixErrors: 'Fix the fields marked in red first.',
  failed: (message) => `Something went wrong: ${message}`,
  resultsTitle: 'The funnel',
  revenueLine: (money) => `Revenue target: ${money}`,
  stale: 'The form changed since this result; preview again to update it.',
  stage: 'Stage',
  total: 'Total',
  count: 'Count',
  bySource: 'By source',
  headline: (count, stage) => `Marketing must deliver ${count} ${stage}`,
  noMarketing: 'No source is marked kind "marketing", so there is no marketing target.',
  sheetsWritten: (names) => `Sheets written: ${names}.`,
  previewOnly: 'Preview only: no sheets were written.',
  backupsKept: (names) => `Backups kept of sheets you had edited: ${names}.`,
  listSeparator: ', ',
};

const ZH: SidebarText = {
  loading: '正在加载…',
  intro: '设置营收目标和转化率。“预览”显示漏斗；“生成工作表”写入计划输入、漏斗和摘要表。',
  fromSheet: '已从计划输入表读取。',
  fromTemplate: '从默认模板开始。',
  readProblems: '无法读取计划输入表，表单显示的是默认模板：',
  planSection: '计划',
  planName: '计划名称',
  revenueTarget: '年度营收目标',
  currency: '币种',
  numbersHint: '数字可按表格中的写法输入：25%、1,200,000、120万。',
  sourcesSection: '线索来源',
  sourceName: '名称',
  share: '营收占比',
  avgDealSize: '平均客单价',
  entryStage: '进入阶段',
  rates: '转化率',
  noRates: '从成单阶段进入：无需转化率。',
  preview: '预览',
  generate: '生成工作表',
  previewing: '正在预览…',
  generating: '正在生成…',
  fixErrors: '请先修正标红的字段。',
  failed: (message) => `出错了：${message}`,
  resultsTitle: '漏斗',
  revenueLine: (money) => `年度营收目标：${money}`,
  stale: '表单在此结果之后有改动；请重新预览。',
  stage: '阶段',
  total: '合计',
  count: '数量',
  bySource: '按来源',
  headline: (count, stage) => `市场部需要交付 ${count} 个${stage}`,
  noMarketing: '没有来源标记为 kind "marketing"，因此没有市场部的目标数。',
  sheetsWritten: (names) => `已写入工作表：${names}。`,
  previewOnly: '仅预览：未写入任何工作表。',
  backupsKept: (names) => `已为您编辑过的工作表保留备份：${names}。`,
  listSeparator: '、',
};

export function sidebarText(lang: Lang): SidebarText {
  return lang === 'zh-CN' ? ZH : EN;
}

/** Before the state arrives the sidebar does not know the plan's language; the browser's is the best guess. */
export function guessLang(): Lang {
  return /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en';
}
