/** The command line's own words in traditional Chinese: every key of ./en.ts (a missing one does not compile). */
import type { CliMessages } from './en';

export const cliZhTW = {
  planTable: {
    stage: '階段',
    total: '合計',
    share: '營收佔比',
    dealSize: '平均客單價',
    revenue: '營收目標',
    wonRevenue: '成交數 × 客單價',
    target: '年度營收目標',
    headline: (n: string, stage: string, names: string) => `市場部需要交付 ${n} 個${stage}（${names}）。`,
    noMarketing: '沒有來源標記為 kind "marketing"，因此沒有市場部的目標數。',
    noHandoff: '階段中沒有 "sql"：請用 "handoffStage" 指定市場部的目標階段。',
    listSeparator: '、',
  },

  headcount: {
    title: (from: string, to: string, fyFrom: string) => `人員計畫：${from} 至 ${to}（財年自 ${fyFrom} 起）`,
    role: '角色',
    driver: '需求來源',
    hires: '招聘',
    headsAtFyEnd: '財年末人數',
    monthsShort: '缺口月數',
    yearCost: '成本（財年）',
    total: '合計',
    driverStage: (unit: string, capacity: string) => `${unit} ÷ 每月 ${capacity}`,
    driverAccounts: (capacity: string) => `客戶數 ÷ ${capacity}`,
    driverSpan: (per: string, of: string) => `每 ${per} 名${of}配 1 名`,
    driverRatio: (per: string, of: string) => `每 ${per} 名${of}配 1 名`,
    driverFixed: (n: string) => `固定 ${n} 名`,
    roles: (n: number) => `人員（${n} 個角色）`,
    costLine: (money: string, heads: string) => `財年人員成本：${money}；財年末 ${heads} 人（含流失的期望值）。`,
    gapTitle: '爬坡缺口（新員工能夠完全上手之前：計畫起點 + 招聘週期 + 爬坡期），按人計，如實列出而不靠多招人填補：',
    gapLine: (role: string, months: string) => `  ${role}：${months}`,
    perPersonTitle: '人均目標（財年平均，按有效人力計）：',
    structuresTitle: '橫向結構還是縱向結構：',
    structureLine: (name: string, heads: string, cost: string, ramp: number, short: number) =>
      `  ${name}：財年末 ${heads} 人，財年成本 ${cost}，有人在爬坡的月份 ${ramp} 個，有缺口的月份 ${short} 個`,
  },

  forwardTable: {
    stage: '階段（預期）',
    total: '合計',
    revenue: '預期營收',
    planned: '（按計畫量）',
    summary: (rev: string, target: string, pct: string) => `預期營收 ${rev}，目標 ${target}，完成 ${pct}。`,
    short: (gap: string) => `距目標還差 ${gap}。`,
    over: (gap: string) => `超出目標 ${gap}。`,
  },

  ratesText: {
    head: ['階段 → 下一階段', '到達數', '轉化率（95% 區間）', '成熟轉化率', '中位天數', 'P90 天數'],
    columns: (path: string, columns: readonly string[]) => `${path}：欄位 ${columns.join('，')}`,
    overall: (rows: string, asOf: string) => `全部來源 — 共 ${rows} 筆，截至 ${asOf}`,
    source: (name: string, n: string) => `來源：${name} — 首階段 ${n} 筆`,
    none: '（無來源）',
    small: (min: number) => `* 樣本少於 ${min} 筆：不宜單獨據此做計畫`,
    mature: '成熟轉化率：只計到達該階段已滿其 P90 天數的記錄。',
    warnings: '注意：',
    skipped: (n: string) => `略過 ${n} 筆：日期無法識別（不計入任何轉化率）：`,
    line: (n: number) => `第 ${n} 行`,
    row: (n: number) => `工作表第 ${n} 列`,
    more: (n: string) => `… 另有 ${n} 筆`,
  },

  historyNotes: {
    matureBasis: '成熟記錄（到達該階段已超過 p90 天）',
    allBasis: '全部記錄',
    head: (file: string, rows: number, skipped: number, asOf: string, basis: string) =>
      `轉化率來自 ${file}：${rows} 筆（略過 ${skipped} 筆），截至 ${asOf}，依據${basis}。`,
    allRecords: '，全部記錄',
  },

  files: {
    cannotRead: (path: string, why: string) => `無法讀取 ${path}：${why}`,
    noSuchFile: '檔案不存在',
    isFolder: '這是資料夾，不是檔案',
    permissionDenied: '沒有權限',
    emptyPlan: (where: string) => `${where} 是空的：應為 JSON 計畫`,
    notJson: (where: string, problem: string, line: number, column: number) => `${where} 不是有效的 JSON：第 ${line} 行第 ${column} 欄${problem}`,
    jsonProblems: {
      InvalidSymbol: '有意外的字元',
      InvalidNumberFormat: '有格式錯誤的數字',
      PropertyNameExpected: '此處應為雙引號括起的屬性名',
      ValueExpected: '此處應為一個值',
      ColonExpected: '此處應為冒號 (:)',
      CommaExpected: '此處應為逗號 (,)',
      CloseBraceExpected: '此處應為右花括號 (})',
      CloseBracketExpected: '此處應為右方括號 (])',
      EndOfFileExpected: '檔案應在此處結束',
      InvalidCommentToken: '有註解，而 JSON 不允許註解',
      UnexpectedEndOfComment: '有未結束的註解',
      UnexpectedEndOfString: '有未結束的字串',
      UnexpectedEndOfNumber: '有未結束的數字',
      InvalidUnicode: '有無效的 \\u 跳脫',
      InvalidEscapeCharacter: '有無效的跳脫字元',
      InvalidCharacter: '字串中有無效字元',
    },
    utf16NoBom: (where: string) => `${where} 是沒有位元組順序標記 (BOM) 的 UTF-16 文字：請另存為 UTF-8（記事本：另存為 → 編碼 UTF-8）後重試`,
    planNotUtf8: (where: string, line: number) => `${where} 第 ${line} 行不是 UTF-8 文字：請另存為 UTF-8（記事本：另存為 → 編碼 UTF-8）後重試`,
    cannotWrite: (path: string, why: string) => `無法寫入 ${path}：${why}`,
    writeProblems: {
      ENOENT: '資料夾不存在',
      ENOTDIR: '路徑中有一部分是檔案而不是資料夾',
      EISDIR: '這是資料夾',
      EACCES: '沒有權限',
      EPERM: '沒有權限',
      EROFS: '檔案系統唯讀',
      ENOSPC: '磁碟已滿',
      ENAMETOOLONG: '檔名太長',
    },
    wrongExtension: (option: string, path: string, expected: string) => `${option} ${path}：應為 ${expected} 檔名`,
    overInput: (option: string, path: string) => `${option} ${path}：不會覆蓋輸入檔案；請換一個檔名`,
    exportMissing: (path: string) => `${path}：檔案不存在`,
    exportFolder: (path: string) => `${path} 是資料夾，不是 CSV 或 .xlsx 匯出檔案`,
    oldXls: (path: string) => `${path} 是舊式 .xls 工作簿：請另存為 .xlsx 或 CSV UTF-8 後重試`,
    formulaNoResult: (cell: string) =>
      `${cell} 是沒有儲存計算結果的公式；請在試算表軟體中開啟並儲存該檔案，讓公式保留結果，或貼上為數值`,
    noHeaderRow: (path: string) => `${path} 沒有表頭列`,
    exportNotUtf8: (path: string, line: number, bytes: string) =>
      `${path} 第 ${line} 行不是 UTF-8 文字（位元組 ${bytes}）：它似乎以其他編碼儲存（GBK、Latin-1 等），其中的名稱會被讀錯`,
    saveAsUtf8: '請另存為 "CSV UTF-8（逗號分隔）"（Excel：檔案 → 另存為 → CSV UTF-8）後重試',
    headerNotUtf8: '表頭無法按 UTF-8 文字讀取：請把匯出檔案另存為 "CSV UTF-8"（Excel：檔案 → 另存為 → CSV UTF-8）',
    oneColumn: (semicolons: boolean) =>
      `表頭只有一欄：檔案似乎以${semicolons ? '分號' : '製表符'}分隔，而這裡唯讀取逗號分隔；請另存為 "CSV UTF-8（逗號分隔）"`,
  },

  readers: {
    utf16: (path: string) => `${path} 是 UTF-16 文字；請另存為「CSV UTF-8（逗號分隔）」後重試`,
    utf16NoBom: (path: string) => `${path} 看起來是沒有位元組順序標記的 UTF-16 文字（以 NUL 位元組開頭）；請另存為「CSV UTF-8（逗號分隔）」後重試`,
    unclosedQuote: (path: string, line: number) => `${path}，第 ${line} 列：此處開始的帶引號欄位沒有結束（檔案中有多餘的 " 嗎？）`,
    empty: (path: string) => `${path} 是空檔案：應有一列表頭和若干資料列`,
    notXlsx: (path: string, why: string) => `無法把 ${path} 當作 .xlsx 活頁簿讀取（${why}）`,
    noSheets: (path: string) => `${path} 中沒有工作表`,
    noSuchSheet: (path: string, sheet: string, all: string) => `${path} 中沒有名為 ${sheet} 的工作表；現有工作表：${all}`,
    emptySheet: (path: string, sheet: string) => `${path}：工作表「${sheet}」是空的：應有一列表頭和若干資料列`,
  },

  cliHistory: {
    stageColumnHint: (stage: string, columns: readonly string[]) => `請用 --map ${stage}="${columns[0]}" 指明欄（或在計畫中設定 history.stageColumns）。`,
    mappingHint: '請在 history.sourceMap 中為它們指定計畫來源，或用 history.unmappedSource（--unmapped-source）指定接收其餘來源的計畫來源。',
    dateOrderHint: '請用 --date-order dmy（日在前：05/03/2024 為 2024 年 3 月 5 日）或 --date-order mdy（月在前：2024 年 5 月 3 日）指定',
    mapHint: '請用 --map 指定各欄，如 --map lead="Created" --map won="Closed Won"（來源欄用 --source-column）',
    sqlNeedsTable: (warehouse: string) => `--sql 需要 --table 表名：存放匯出資料的 ${warehouse} 表`,
    tableNeedsSql: '--table 要與 --sql 一起使用（它指定查詢讀取的資料倉儲表）',
    missingExport: '缺少 CRM 匯出檔案：funnel-planner rates 匯出.csv（或 匯出.xlsx）；參見 funnel-planner rates --help',
    badAsOf: (value: string, why: string) => `--as-of：應為日期 YYYY-MM-DD（或 YYYY-MM-DDTHH:MM），實際為 "${value}"${why}`,
    needsSources: '--rates-from 需要計畫中有來源清單，才能給各來源填入轉化率',
    historyProblems: '計畫的 "history" 部分有問題：',
    cannotTakeRates: (file: string) => `無法從 ${file} 獲取計畫的轉化率：`,
    volumeWhere: (where: string) => `--volume（基於 ${where}）`,
    internalError: (message: string) => `內部錯誤：${message}`,
    reportIt: '（加上 --debug 重新執行可檢視詳情，並請報告此問題）',
  },

  usage: {
    unknownOption: (flag: string) => `錯誤：未知選項 '${flag}'`,
    unknownCommand: (name: string) => `錯誤：未知指令 '${name}'`,
    argumentMissing: (flags: string) => `錯誤：選項 '${flags}' 缺少參數值`,
    missingArgument: (name: string) => `錯誤：缺少必要的參數 '${name}'`,
    invalidArgument: (flags: string, value: string, why: string) => `錯誤：選項 '${flags}' 的參數值 '${value}' 無效。${why}`,
    choices: (list: string) => `可用的值為 ${list}。`,
    keyValue: (form: string, example: string, got: string) => `應為 ${form} 的形式（如 ${example}），實際為 "${got}"`,
    tooManyArguments: (command: string, expected: number, got: number) => `錯誤：'${command}' 的參數過多：應為 ${expected} 個，實際為 ${got} 個。`,
    didYouMean: (names: string) => `（是否想輸入 ${names}？）`,
    helpAfterError: '（執行 funnel-planner --help 檢視用法）',
  },

  cli: {
    langOption: '訊息和表格的語言：en、zh-CN 或 zh-TW',
    badLang: (value: string) => `應為 "en"、"zh-CN" 或 "zh-TW"，實際為 "${value}"`,
    warning: '注意',
    invalidPlan: (where: string, count: number) => `${where} 中的計畫有 ${count} 個問題：`,
    defaultTemplate: '預設範本',
    cannotReadPlan: (path: string) => `無法從 ${path} 讀取計畫：`,
    notXlsx: (path: string) => `${path} 不是可讀取的 .xlsx 工作簿`,
    notPlanFile: (path: string) => `${path}：應為 .json 計畫檔案，或含 Inputs 工作表的 .xlsx 工作簿`,
    wroteWorkbook: (path: string) => `已寫入工作簿 ${path}`,
    wroteReport: (path: string) => `已寫入報告 ${path}`,
    wroteFile: (path: string) => `已寫入 ${path}`,
    listSeparator: '、',
    none: '無',
    overwriteRefused: (option: string, path: string, why: string) =>
      `${option} ${path}：該檔案已存在，${why}；未覆蓋。請換一個檔名，或加上 --force 覆蓋它`,
    notReport: '它不是 Funnel Planner 生成的報告',
    otherJson: '其中是其他 JSON 內容（您編輯過的計畫？）',
    notXlsxFile: '它不是 .xlsx 工作簿',
    unreadableXlsx: '它是無法讀取的 .xlsx 工作簿',
    notOurs: (list: string) => `它不是 Funnel Planner 寫出的（其工作表：${list}）`,
    foreignSheets: (list: string) => `其中有不是 Funnel Planner 寫出的工作表：${list}`,
    edited: (list: string) => `其中的工作表在 Funnel Planner 寫出後被編輯過：${list}`,
  },
  help: {
    program: 'Funnel Planner：營收目標 → 成交 → 商機 → SQL → MQL → 線索，按來源分解',
    debug: '顯示內部錯誤的堆疊資訊',
    input: '計畫輸入：.json 計畫檔案，或含 Inputs 工作表的 .xlsx 工作簿；預設為內建範本',
    json: '以 JSON 輸出結果',
    monthly: '同時按月、季度和財年輸出各團隊的數字（含銷售週期落差與下一年度的管道）',
    planDescription: '從營收目標倒推各來源所需的成交、商機、SQL、MQL 和線索',
    planOut: '寫出計畫工作簿（摘要、含即時公式的漏斗、計畫輸入）',
    planReport: '寫出帶圖表的獨立 HTML 報告',
    ratesFrom: '從 CRM 匯出檔案（.csv 或 .xlsx）獲取轉化率；參見計畫輸入的 "history" 部分',
    unmappedSource: '與 --rates-from 一起使用：接收 history.sourceMap 中未列出的 CRM 來源的計畫來源',
    allRecords: '與 --rates-from 一起使用：採用全部記錄，而不只是成熟記錄',
    planMap: '與 --rates-from 一起使用：某個階段在匯出檔案中的欄（可重複）；與 history.stageColumns 相同',
    planForce: '即使 --out / --report 中有不是 Funnel Planner 寫出的內容（其他檔案，或之後的修改），也覆蓋它們',
    planSourceColumn: '與 --rates-from 一起使用：匯出檔案中記錄來源所在的欄；與 history.sourceColumn 相同',
    planDateOrder: '與 --rates-from 一起使用：匯出檔案中 a/b/yyyy 日期的讀法，dmy 或 mdy（預設：由各欄的日期判斷）',
    forwardDescription: '假設分析：從各來源進入階段的數量推算預期成交和營收',
    volume: '進入某個來源的數量，如 marketing=9000（可重複）；其他來源保持計畫數量',
    templateDescription: '預設的計畫輸入，作為您自己計畫的起點：JSON 輸出到標準輸出，或 --out inputs.xlsx / my-plan.json',
    templateOut: '寫入 .json 檔案，或含 Inputs 工作表的 .xlsx 工作簿',
    force: '即使 --out 中有不是 Funnel Planner 寫出的內容（其他檔案，或之後的修改），也覆蓋它',
    ratesDescription: '從 CRM 匯出檔案（.csv 或 .xlsx）計算轉化率和階段週期，按全部記錄和按來源',
    ratesExport: 'CRM 匯出檔案：.csv（UTF-8）或 .xlsx；使用 --sql 時可省略',
    ratesMap: '某個階段的日期欄，如 lead="Create Date"（可重複）',
    ratesSourceColumn: '記錄來源所在的欄（預設：自動識別，如 "Original Source"）',
    stages: (defaults: string) => `漏斗的階段，從上到下，成交階段放在最後（預設：${defaults}，檔案有 BQL 欄時加上 bql）`,
    asOf: '從該日期（YYYY-MM-DD）起計算成熟度（預設：檔案中最晚的日期）',
    sheet: '.xlsx 匯出檔案中的工作表（預設：第一個）',
    ratesDateOrder: 'a/b/yyyy 日期的讀法：dmy（05/03/2024 = 3 月 5 日）或 mdy（= 5 月 3 日）；預設：由各欄的日期判斷',
    sql: '輸出在資料倉儲中計算相同結果的 SQL，而不讀取資料列',
    table: '--sql 查詢讀取的表（project.dataset.table）',
    ratesOut: '同時把轉化率表寫成工作簿（其 History summary 工作表）',
    ratesAfter: `
讀取 CRM 匯出檔案（HubSpot、Salesforce，或任何每個階段一個日期欄的 CSV/.xlsx），
按全部記錄和按來源計算：
  到達數     到達某階段的記錄：該階段或之後任一階段的日期已填寫
  轉化率     到達數(下一階段) / 到達數(本階段)，附 Wilson 95% 區間；* 表示少於 30 筆紀錄
  成熟轉化率 只計到達該階段已滿其 P90 天數（截至 --as-of，預設為檔案中最晚的日期）的記錄，
            因此仍在進行中的新記錄不會拉低轉化率
  天數       從一個階段的日期到下一階段日期的中位天數和 P90 天數

欄位按名稱識別（如 "Became a Lead Date"、"Original Source"、"成交時間"）；其他欄用 --map 和
--source-column 指定。CSV 檔案為 UTF-8（有無 BOM 均可）、逗號分隔，引號內的欄位可包含逗號、
引號（""）和換行。空行會被跳過。
a/b/yyyy 格式的日期：所在欄中有日期的第一部分大於 12（13/03/2024）時按日在前讀，第二部分
大於 12 時按月在前讀；兩種讀法都說得通的欄跟隨檔案中其他此類欄，否則需要 --date-order dmy|mdy。

跳過的行按「第 N 行」報告：該行在檔案中開始的行號，從 1 數起，表頭為第 1 行（空行也計數，與文字
編輯器一致；引號內含換行的行取其第一行的行號）。.xlsx 檔案中 N 為工作表的行號。

儲存格比表頭少或多的行也會讀取（缺少的儲存格為空，多出的捨棄），並在提示中按行列出。`,
    usage: '用法：',
    arguments: '參數：',
    options: '選項：',
    commands: '命令：',
    helpFor: '顯示指令說明',
    version: '顯示版本號',
    defaultIs: (value: string) => `（預設：${value}）`,
    choicesAre: (list: string) => `（可選：${list}）`,
  },
} satisfies CliMessages;
