/** The command line's own words in simplified Chinese: every key of ./en.ts (a missing one does not compile). */
import type { CliMessages } from './en';

export const cliZhCN = {
  planTable: {
    stage: '阶段',
    total: '合计',
    share: '营收占比',
    dealSize: '平均客单价',
    revenue: '营收目标',
    wonRevenue: '成单数 × 客单价',
    target: '年度营收目标',
    headline: (n: string, stage: string, names: string) => `市场部需要交付 ${n} 个${stage}（${names}）。`,
    noMarketing: '没有来源标记为 kind "marketing"，因此没有市场部的目标数。',
    noHandoff: '阶段中没有 "sql"：请用 "handoffStage" 指定市场部的目标阶段。',
    listSeparator: '、',
  },

  headcount: {
    title: (from: string, to: string, fyFrom: string) => `人员计划：${from} 至 ${to}（财年自 ${fyFrom} 起）`,
    role: '角色',
    driver: '需求来源',
    hires: '招聘',
    headsAtFyEnd: '财年末人数',
    monthsShort: '缺口月数',
    yearCost: '成本（财年）',
    total: '合计',
    driverStage: (unit: string, capacity: string) => `${unit} ÷ 每月 ${capacity}`,
    driverAccounts: (capacity: string) => `客户数 ÷ ${capacity}`,
    driverSpan: (per: string, of: string) => `每 ${per} 名${of}配 1 名`,
    driverRatio: (per: string, of: string) => `每 ${per} 名${of}配 1 名`,
    driverFixed: (n: string) => `固定 ${n} 名`,
    roles: (n: number) => `人员（${n} 个角色）`,
    costLine: (money: string, heads: string) => `财年人员成本：${money}；财年末 ${heads} 人（含流失的期望值）。`,
    gapTitle: '爬坡缺口（新员工能够完全上手之前：计划起点 + 招聘周期 + 爬坡期），按人计，如实列出而不靠多招人填补：',
    gapLine: (role: string, months: string) => `  ${role}：${months}`,
    perPersonTitle: '人均目标（财年平均，按有效人力计）：',
    structuresTitle: '横向结构还是纵向结构：',
    structureLine: (name: string, heads: string, cost: string, ramp: number, short: number) =>
      `  ${name}：财年末 ${heads} 人，财年成本 ${cost}，有人在爬坡的月份 ${ramp} 个，有缺口的月份 ${short} 个`,
  },

  forwardTable: {
    stage: '阶段（预期）',
    total: '合计',
    revenue: '预期营收',
    planned: '（按计划量）',
    summary: (rev: string, target: string, pct: string) => `预期营收 ${rev}，目标 ${target}，完成 ${pct}。`,
    short: (gap: string) => `距目标还差 ${gap}。`,
    over: (gap: string) => `超出目标 ${gap}。`,
  },

  ratesText: {
    head: ['阶段 → 下一阶段', '到达数', '转化率（95% 区间）', '成熟转化率', '中位天数', 'P90 天数'],
    columns: (path: string, columns: readonly string[]) => `${path}：列 ${columns.join('，')}`,
    overall: (rows: string, asOf: string) => `全部来源 — 共 ${rows} 行，截至 ${asOf}`,
    source: (name: string, n: string) => `来源：${name} — 首阶段 ${n} 条`,
    none: '（无来源）',
    small: (min: number) => `* 样本少于 ${min} 条：不宜单独据此做计划`,
    mature: '成熟转化率：只计到达该阶段已满其 P90 天数的记录。',
    warnings: '注意：',
    skipped: (n: string) => `跳过 ${n} 行：日期无法识别（不计入任何转化率）：`,
    line: (n: number) => `第 ${n} 行`,
    row: (n: number) => `工作表第 ${n} 行`,
    more: (n: string) => `… 另有 ${n} 行`,
  },

  historyNotes: {
    matureBasis: '成熟记录（到达该阶段已超过 p90 天）',
    allBasis: '全部记录',
    head: (file: string, rows: number, skipped: number, asOf: string, basis: string) =>
      `转化率来自 ${file}：${rows} 行（跳过 ${skipped} 行），截至 ${asOf}，依据${basis}。`,
    allRecords: '，全部记录',
  },

  files: {
    cannotRead: (path: string, why: string) => `无法读取 ${path}：${why}`,
    noSuchFile: '文件不存在',
    isFolder: '这是文件夹，不是文件',
    permissionDenied: '没有权限',
    emptyPlan: (where: string) => `${where} 是空的：应为 JSON 计划`,
    notJson: (where: string, problem: string, line: number, column: number) => `${where} 不是有效的 JSON：第 ${line} 行第 ${column} 列${problem}`,
    jsonProblems: {
      InvalidSymbol: '有意外的字符',
      InvalidNumberFormat: '有格式错误的数字',
      PropertyNameExpected: '此处应为双引号括起的属性名',
      ValueExpected: '此处应为一个值',
      ColonExpected: '此处应为冒号 (:)',
      CommaExpected: '此处应为逗号 (,)',
      CloseBraceExpected: '此处应为右花括号 (})',
      CloseBracketExpected: '此处应为右方括号 (])',
      EndOfFileExpected: '文件应在此处结束',
      InvalidCommentToken: '有注释，而 JSON 不允许注释',
      UnexpectedEndOfComment: '有未结束的注释',
      UnexpectedEndOfString: '有未结束的字符串',
      UnexpectedEndOfNumber: '有未结束的数字',
      InvalidUnicode: '有无效的 \\u 转义',
      InvalidEscapeCharacter: '有无效的转义字符',
      InvalidCharacter: '字符串中有无效字符',
    },
    utf16NoBom: (where: string) => `${where} 是没有字节顺序标记 (BOM) 的 UTF-16 文本：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）后重试`,
    planNotUtf8: (where: string, line: number) => `${where} 第 ${line} 行不是 UTF-8 文本：请另存为 UTF-8（记事本：另存为 → 编码 UTF-8）后重试`,
    cannotWrite: (path: string, why: string) => `无法写入 ${path}：${why}`,
    writeProblems: {
      ENOENT: '文件夹不存在',
      ENOTDIR: '路径中有一部分是文件而不是文件夹',
      EISDIR: '这是文件夹',
      EACCES: '没有权限',
      EPERM: '没有权限',
      EROFS: '文件系统只读',
      ENOSPC: '磁盘已满',
      ENAMETOOLONG: '文件名太长',
    },
    wrongExtension: (option: string, path: string, expected: string) => `${option} ${path}：应为 ${expected} 文件名`,
    overInput: (option: string, path: string) => `${option} ${path}：不会覆盖输入文件；请换一个文件名`,
    exportMissing: (path: string) => `${path}：文件不存在`,
    exportFolder: (path: string) => `${path} 是文件夹，不是 CSV 或 .xlsx 导出文件`,
    oldXls: (path: string) => `${path} 是旧式 .xls 工作簿：请另存为 .xlsx 或 CSV UTF-8 后重试`,
    formulaNoResult: (cell: string) =>
      `${cell} 是没有保存计算结果的公式；请在电子表格软件中打开并保存该文件，让公式保留结果，或粘贴为数值`,
    noHeaderRow: (path: string) => `${path} 没有表头行`,
    exportNotUtf8: (path: string, line: number, bytes: string) =>
      `${path} 第 ${line} 行不是 UTF-8 文本（字节 ${bytes}）：它似乎以其他编码保存（GBK、Latin-1 等），其中的名称会被读错`,
    saveAsUtf8: '请另存为 "CSV UTF-8（逗号分隔）"（Excel：文件 → 另存为 → CSV UTF-8）后重试',
    headerNotUtf8: '表头无法按 UTF-8 文本读取：请把导出文件另存为 "CSV UTF-8"（Excel：文件 → 另存为 → CSV UTF-8）',
    oneColumn: (semicolons: boolean) =>
      `表头只有一列：文件似乎以${semicolons ? '分号' : '制表符'}分隔，而这里只读取逗号分隔；请另存为 "CSV UTF-8（逗号分隔）"`,
  },

  readers: {
    utf16: (path: string) => `${path} 是 UTF-16 文本；请另存为“CSV UTF-8（逗号分隔）”后重试`,
    utf16NoBom: (path: string) => `${path} 看起来是没有字节顺序标记的 UTF-16 文本（以 NUL 字节开头）；请另存为“CSV UTF-8（逗号分隔）”后重试`,
    unclosedQuote: (path: string, line: number) => `${path}，第 ${line} 行：此处开始的带引号字段没有结束（文件中有多余的 " 吗？）`,
    empty: (path: string) => `${path} 是空文件：应有一行表头和若干数据行`,
    notXlsx: (path: string, why: string) => `无法把 ${path} 作为 .xlsx 工作簿读取（${why}）`,
    noSheets: (path: string) => `${path} 中没有工作表`,
    noSuchSheet: (path: string, sheet: string, all: string) => `${path} 中没有名为 ${sheet} 的工作表；现有工作表：${all}`,
    emptySheet: (path: string, sheet: string) => `${path}：工作表“${sheet}”是空的：应有一行表头和若干数据行`,
  },

  cliHistory: {
    stageColumnHint: (stage: string, columns: readonly string[]) => `请用 --map ${stage}="${columns[0]}" 指明列（或在计划中设置 history.stageColumns）。`,
    mappingHint: '请在 history.sourceMap 中为它们指定计划来源，或用 history.unmappedSource（--unmapped-source）指定接收其余来源的计划来源。',
    dateOrderHint: '请用 --date-order dmy（日在前：05/03/2024 为 2024 年 3 月 5 日）或 --date-order mdy（月在前：2024 年 5 月 3 日）指定',
    mapHint: '请用 --map 指定各列，如 --map lead="Created" --map won="Closed Won"（来源列用 --source-column）',
    sqlNeedsTable: (warehouse: string) => `--sql 需要 --table 表名：存放导出数据的 ${warehouse} 表`,
    tableNeedsSql: '--table 要与 --sql 一起使用（它指定查询读取的数据仓库表）',
    missingExport: '缺少 CRM 导出文件：funnel-planner rates 导出.csv（或 导出.xlsx）；参见 funnel-planner rates --help',
    badAsOf: (value: string, why: string) => `--as-of：应为日期 YYYY-MM-DD（或 YYYY-MM-DDTHH:MM），实际为 "${value}"${why}`,
    needsSources: '--rates-from 需要计划中有来源列表，才能给各来源填入转化率',
    historyProblems: '计划的 "history" 部分有问题：',
    cannotTakeRates: (file: string) => `无法从 ${file} 获取计划的转化率：`,
    volumeWhere: (where: string) => `--volume（基于 ${where}）`,
    internalError: (message: string) => `内部错误：${message}`,
    reportIt: '（加上 --debug 重新运行可查看详情，并请报告此问题）',
  },

  usage: {
    unknownOption: (flag: string) => `错误：未知选项 '${flag}'`,
    unknownCommand: (name: string) => `错误：未知命令 '${name}'`,
    argumentMissing: (flags: string) => `错误：选项 '${flags}' 缺少参数值`,
    missingArgument: (name: string) => `错误：缺少必需的参数 '${name}'`,
    invalidArgument: (flags: string, value: string, why: string) => `错误：选项 '${flags}' 的参数值 '${value}' 无效。${why}`,
    choices: (list: string) => `可选值为 ${list}。`,
    keyValue: (form: string, example: string, got: string) => `应为 ${form} 的形式（如 ${example}），实际为 "${got}"`,
    tooManyArguments: (command: string, expected: number, got: number) => `错误：'${command}' 的参数过多：应为 ${expected} 个，实际为 ${got} 个。`,
    didYouMean: (names: string) => `（是否想输入 ${names}？）`,
    helpAfterError: '（运行 funnel-planner --help 查看用法）',
  },

  cli: {
    langOption: '消息和表格的语言：en、zh-CN 或 zh-TW',
    badLang: (value: string) => `应为 "en"、"zh-CN" 或 "zh-TW"，实际为 "${value}"`,
    warning: '注意',
    invalidPlan: (where: string, count: number) => `${where} 中的计划有 ${count} 个问题：`,
    defaultTemplate: '默认模板',
    cannotReadPlan: (path: string) => `无法从 ${path} 读取计划：`,
    notXlsx: (path: string) => `${path} 不是可读取的 .xlsx 工作簿`,
    notPlanFile: (path: string) => `${path}：应为 .json 计划文件，或含 Inputs 工作表的 .xlsx 工作簿`,
    wroteWorkbook: (path: string) => `已写入工作簿 ${path}`,
    wroteReport: (path: string) => `已写入报告 ${path}`,
    wroteFile: (path: string) => `已写入 ${path}`,
    listSeparator: '、',
    none: '无',
    overwriteRefused: (option: string, path: string, why: string) =>
      `${option} ${path}：该文件已存在，${why}；未覆盖。请换一个文件名，或加上 --force 覆盖它`,
    notReport: '它不是 Funnel Planner 生成的报告',
    otherJson: '其中是其他 JSON 内容（您编辑过的计划？）',
    notXlsxFile: '它不是 .xlsx 工作簿',
    unreadableXlsx: '它是无法读取的 .xlsx 工作簿',
    notOurs: (list: string) => `它不是 Funnel Planner 写出的（其工作表：${list}）`,
    foreignSheets: (list: string) => `其中有不是 Funnel Planner 写出的工作表：${list}`,
    edited: (list: string) => `其中的工作表在 Funnel Planner 写出后被编辑过：${list}`,
  },
  help: {
    program: 'Funnel Planner：营收目标 → 成单 → 商机 → SQL → MQL → 线索，按来源分解',
    debug: '显示内部错误的堆栈信息',
    input: '计划输入：.json 计划文件，或含 Inputs 工作表的 .xlsx 工作簿；默认为内置模板',
    json: '以 JSON 输出结果',
    monthly: '同时按月、季度和财年输出各团队的数字（含销售周期滞后与下一年度的管道）',
    planDescription: '从营收目标倒推各来源所需的成单、商机、SQL、MQL 和线索',
    planOut: '写出计划工作簿（摘要、含实时公式的漏斗、计划输入）',
    planReport: '写出带图表的独立 HTML 报告',
    ratesFrom: '从 CRM 导出文件（.csv 或 .xlsx）获取转化率；参见计划输入的 "history" 部分',
    unmappedSource: '与 --rates-from 一起使用：接收 history.sourceMap 中未列出的 CRM 来源的计划来源',
    allRecords: '与 --rates-from 一起使用：采用全部记录，而不只是成熟记录',
    planMap: '与 --rates-from 一起使用：某个阶段在导出文件中的列（可重复）；与 history.stageColumns 相同',
    planForce: '即使 --out / --report 中有不是 Funnel Planner 写出的内容（其他文件，或之后的修改），也覆盖它们',
    planSourceColumn: '与 --rates-from 一起使用：导出文件中记录来源所在的列；与 history.sourceColumn 相同',
    planDateOrder: '与 --rates-from 一起使用：导出文件中 a/b/yyyy 日期的读法，dmy 或 mdy（默认：由各列的日期判断）',
    forwardDescription: '假设分析：从各来源进入阶段的数量推算预期成单和营收',
    volume: '进入某个来源的数量，如 marketing=9000（可重复）；其他来源保持计划数量',
    templateDescription: '默认的计划输入，作为您自己计划的起点：JSON 输出到标准输出，或 --out inputs.xlsx / my-plan.json',
    templateOut: '写入 .json 文件，或含 Inputs 工作表的 .xlsx 工作簿',
    force: '即使 --out 中有不是 Funnel Planner 写出的内容（其他文件，或之后的修改），也覆盖它',
    ratesDescription: '从 CRM 导出文件（.csv 或 .xlsx）计算转化率和阶段周期，按全部记录和按来源',
    ratesExport: 'CRM 导出文件：.csv（UTF-8）或 .xlsx；使用 --sql 时可省略',
    ratesMap: '某个阶段的日期列，如 lead="Create Date"（可重复）',
    ratesSourceColumn: '记录来源所在的列（默认：自动识别，如 "Original Source"）',
    stages: (defaults: string) => `漏斗的阶段，从上到下，成单阶段放在最后（默认：${defaults}，文件有 BQL 列时加上 bql）`,
    asOf: '从该日期（YYYY-MM-DD）起计算成熟度（默认：文件中最晚的日期）',
    sheet: '.xlsx 导出文件中的工作表（默认：第一个）',
    ratesDateOrder: 'a/b/yyyy 日期的读法：dmy（05/03/2024 = 3 月 5 日）或 mdy（= 5 月 3 日）；默认：由各列的日期判断',
    sql: '输出在数据仓库中计算相同结果的 SQL，而不读取数据行',
    table: '--sql 查询读取的表（project.dataset.table）',
    ratesOut: '同时把转化率表写成工作簿（其 History summary 工作表）',
    ratesAfter: `
读取 CRM 导出文件（HubSpot、Salesforce，或任何每个阶段一个日期列的 CSV/.xlsx），
按全部记录和按来源计算：
  到达数     到达某阶段的记录：该阶段或之后任一阶段的日期已填写
  转化率     到达数(下一阶段) / 到达数(本阶段)，附 Wilson 95% 区间；* 表示少于 30 条记录
  成熟转化率 只计到达该阶段已满其 P90 天数（截至 --as-of，默认为文件中最晚的日期）的记录，
            因此仍在进行中的新记录不会拉低转化率
  天数       从一个阶段的日期到下一阶段日期的中位天数和 P90 天数

列按名称识别（如 "Became a Lead Date"、"Original Source"、"成交时间"）；其他列用 --map 和
--source-column 指定。CSV 文件为 UTF-8（有无 BOM 均可）、逗号分隔，引号内的字段可包含逗号、
引号（""）和换行。空行会被跳过。
a/b/yyyy 格式的日期：所在列中有日期的第一部分大于 12（13/03/2024）时按日在前读，第二部分
大于 12 时按月在前读；两种读法都说得通的列跟随文件中其他此类列，否则需要 --date-order dmy|mdy。

跳过的行按“第 N 行”报告：该行在文件中开始的行号，从 1 数起，表头为第 1 行（空行也计数，与文本
编辑器一致；引号内含换行的行取其第一行的行号）。.xlsx 文件中 N 为工作表的行号。

单元格比表头少或多的行也会读取（缺少的单元格为空，多出的舍弃），并在提示中按行列出。`,
    usage: '用法：',
    arguments: '参数：',
    options: '选项：',
    commands: '命令：',
    helpFor: '显示命令的帮助',
    version: '显示版本号',
    defaultIs: (value: string) => `（默认：${value}）`,
    choicesAre: (list: string) => `（可选：${list}）`,
  },
} satisfies CliMessages;
