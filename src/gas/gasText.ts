/** The add-on's messages (menu results, alerts), in English and Chinese. */
import type { Lang } from '../core/stages';
import type { RefusalReason } from '../workbook/sheetRefusal';

const EN = {
  busyTitle: 'Already running',
  busy: 'Funnel Planner is already generating a plan in this spreadsheet. Wait for it to finish, then try again.',
  inputsExistTitle: 'Inputs sheet exists',
  inputsExist: 'This spreadsheet already has an "Inputs" sheet; it was left as it is.',
  inputsInsertedTitle: 'Inputs sheet inserted',
  inputsInserted: 'Edit the shaded cells of the Inputs sheet, then choose Generate plan.',
  unreadableTitle: 'Cannot read the Inputs sheet',
  invalidTitle: 'Please fix the Inputs sheet',
  conflictTitle: 'Sheet name in use',
  doneTitle: 'Plan generated',
  wrote: (sheets: string) => `Wrote ${sheets}.`,
  backedUp: (sheets: string) => `You had edited the previous plan; it is kept as ${sheets}.`,
  headline: (n: number | undefined) => (n === undefined ? '' : `Marketing must deliver ${n.toLocaleString('en-US')} SQLs.`),
  helpTitle: 'Funnel Planner',
  help:
    'Funnel Planner works a revenue target backwards through your funnel: won deals, opportunities, SQLs, MQLs and leads per source.\n\n' +
    '1. Extensions → Funnel Planner → Insert Inputs sheet (or Open planner).\n2. Edit the shaded cells: target, shares, deal sizes, conversion rates.\n' +
    '3. Generate plan writes the Summary and Funnel sheets; their numbers are live formulas of Inputs.\n\n' +
    '4. Derive rates from History: paste a CRM export into a sheet named History; its rates (with 95% intervals) go to History summary and into Inputs. CRM sources whose name is not a plan source\'s are placed on a sheet named Source map (CRM source | Plan source).\n\n' +
    'Custom functions: =FUNNEL_REVERSE(revenue, share, dealSize, rates), =FUNNEL_FORWARD(volume, dealSize, rates) and =FUNNEL_RATES(range).\n' +
    'Only sheets Funnel Planner created are ever replaced; a sheet you edited is kept as a backup copy.',
  sidebarTitle: 'Funnel Planner',
  historyPasteHere: 'Paste your CRM export here: its header row in row 1 (e.g. HubSpot: Original Source, Became a Lead Date, …, Became a Customer Date).',
  historyMissingTitle: 'History sheet added',
  historyMissing: 'Paste your CRM export into the new History sheet (header row in row 1), then choose Derive rates from History again.',
  historyUnreadableTitle: 'Cannot read the History sheet',
  dateOrderTitle: 'Day first or month first?',
  dateOrderQuestion: (message: string) =>
    `${message}\n\nAre these dates day first (05/03/2024 = 5 March)? Yes: day first. No: month first (May 3).`,
  dateOrderHint: 'Choose Derive rates from History again and answer the question, or write the dates as YYYY-MM-DD.',
  historySheetName: 'the History sheet',
  historyDoneTitle: 'Rates derived from History',
  historyDone: (rows: number, fed: number) =>
    `Read ${rows.toLocaleString('en-US')} rows; wrote History summary${fed > 0 ? ` and ${fed} rates into Inputs (the rates they replaced are listed on History summary)` : ''}.`,
  historyNotFedEmpty: (columns: string) =>
    `Rates through ${columns} were not fed into Inputs: that column has no date in any row, so it would read 100 % or 0 %. Fill it in the export, or keep the typed rates.`,
  historyNotFedTitle: 'Rates not fed into Inputs',
  sourceMapTitle: 'Please fix the Source map sheet',
  sourceMapHint: (sheet: string) =>
    `On the "${sheet}" sheet, type next to each CRM source the plan source it belongs to (its id or name on Inputs; a row "*" takes all others), then choose Derive rates from History again.`,
  moreNotes: (n: number) => `… and ${n} more: see History summary.`,
  /** Why Generate leaves a sheet it needs alone (workbook/sheetRefusal.ts). */
  refusal: (reason: RefusalReason, sheet: string): string =>
    reason === 'notOurs'
      ? `A sheet named "${sheet}" already exists and was not created by Funnel Planner. Rename it, then generate again.`
      : reason === 'markerCorrupt'
        ? `The Funnel Planner marker of sheet "${sheet}" is damaged and cannot be read, so Funnel Planner cannot tell whether it made that sheet and leaves it alone. Rename the sheet (or delete it if it is an old plan), then generate again.`
        : `Sheet "${sheet}" is listed as Funnel Planner's in the owner table of an uploaded workbook, but it has changed since that workbook was written, so it may be a sheet of your own. Funnel Planner leaves it alone: rename it (or delete it if it is an old plan), then generate again.`,
};

type Texts = typeof EN;

const ZH: Texts = {
  busyTitle: '正在运行',
  busy: 'Funnel Planner 正在为此表格生成计划，请稍后再试。',
  inputsExistTitle: '已有计划输入表',
  inputsExist: '此表格已有 "Inputs" 工作表，未作改动。',
  inputsInsertedTitle: '已插入计划输入表',
  inputsInserted: '编辑 Inputs 表中带底色的单元格，然后选择“生成计划”。',
  unreadableTitle: '无法读取 Inputs 表',
  invalidTitle: '请修正 Inputs 表',
  conflictTitle: '工作表名称已被占用',
  doneTitle: '计划已生成',
  wrote: (sheets: string) => `已写入 ${sheets}。`,
  backedUp: (sheets: string) => `上一版计划有您的修改，已保留为 ${sheets}。`,
  headline: (n: number | undefined) => (n === undefined ? '' : `市场部需要交付 ${n.toLocaleString('en-US')} 个 SQL。`),
  helpTitle: 'Funnel Planner',
  help:
    'Funnel Planner 从营收目标倒推漏斗：各来源所需的成单、商机、SQL、MQL 和线索。\n\n' +
    '1. 扩展程序 → Funnel Planner → 插入计划输入表（或打开规划器）。\n2. 编辑带底色的单元格：目标、占比、客单价、转化率。\n' +
    '3. “生成计划”写入摘要和漏斗表，其数字均为引用 Inputs 的公式。\n\n' +
    '4. 从历史数据推导转化率：把 CRM 导出粘贴到名为 History 的表中，转化率（含 95% 区间）写入 History summary 和 Inputs。名称与计划来源不同的 CRM 来源，在名为 Source map 的表中指定（CRM 来源 | 计划来源）。\n\n' +
    '自定义函数：=FUNNEL_REVERSE(revenue, share, dealSize, rates)、=FUNNEL_FORWARD(volume, dealSize, rates) 与 =FUNNEL_RATES(range)。\n' +
    '只会替换 Funnel Planner 创建的工作表；您修改过的表会保留备份。',
  sidebarTitle: 'Funnel Planner',
  historyPasteHere: '在此粘贴 CRM 导出数据：第 1 行为表头（如 HubSpot：Original Source、Became a Lead Date …… Became a Customer Date）。',
  historyMissingTitle: '已添加 History 表',
  historyMissing: '请把 CRM 导出数据粘贴到新的 History 表（第 1 行为表头），然后再次选择“从历史数据推导转化率”。',
  historyUnreadableTitle: '无法读取 History 表',
  dateOrderTitle: '日在前还是月在前？',
  dateOrderQuestion: (message: string) => `${message}\n\n这些日期是日在前吗（05/03/2024 = 3 月 5 日）？是：日在前。否：月在前（5 月 3 日）。`,
  dateOrderHint: '请再次选择“从历史数据推导转化率”并回答问题，或把日期写成 YYYY-MM-DD。',
  historySheetName: 'History 表',
  historyDoneTitle: '已从历史数据推导转化率',
  historyDone: (rows: number, fed: number) =>
    `已读取 ${rows.toLocaleString('en-US')} 行；已写入 History summary${fed > 0 ? `，并把 ${fed} 个转化率写入 Inputs（被替换的原值列在 History summary 中）` : ''}。`,
  historyNotFedEmpty: (columns: string) =>
    `经过 ${columns} 的转化率未写入 Inputs：该列在所有行中都没有日期，得出的会是 100% 或 0%。请在导出数据中补全该列，或保留手动输入的转化率。`,
  historyNotFedTitle: '转化率未写入 Inputs',
  sourceMapTitle: '请修正 Source map 表',
  sourceMapHint: (sheet: string) =>
    `请在“${sheet}”表中，在每个 CRM 来源旁填写它所属的计划来源（Inputs 表中的 id 或名称；“*”一行接收其余所有来源），然后再次选择“从历史数据推导转化率”。`,
  moreNotes: (n: number) => `…… 另有 ${n} 条：见 History summary。`,
  refusal: (reason: RefusalReason, sheet: string): string =>
    reason === 'notOurs'
      ? `已有名为“${sheet}”的工作表，且不是 Funnel Planner 创建的。请先重命名该表，再重新生成。`
      : reason === 'markerCorrupt'
        ? `工作表“${sheet}”上的 Funnel Planner 标记已损坏、无法读取，无法判断该表是否由 Funnel Planner 创建，因此不会改动它。请重命名该表（如是旧计划也可删除），再重新生成。`
        : `上传的工作簿的归属表把“${sheet}”列为 Funnel Planner 的表，但该表在工作簿写出后已被修改，可能是您自己的表，因此不会改动它。请重命名该表（如是旧计划也可删除），再重新生成。`,
};

export function gasText(lang: Lang): Texts {
  return lang === 'zh-CN' ? ZH : EN;
}
