/**
 * The command line's own words in English (tables, file and usage errors, flag hints): the keys of
 * the CLI catalogue. zh-CN.ts and zh-TW.ts beside it are typed against it. Kept out of core's
 * catalogue so the sidebar and the Apps Script bundle never carry them, and so core never words a flag.
 */
export const cliEn = {
  /** `plan` as a table (cli/planTable.ts). */
  planTable: {
    stage: 'Stage',
    total: 'Total',
    share: 'Share of target',
    dealSize: 'Avg deal size',
    revenue: 'Revenue target',
    wonRevenue: 'Won deals × deal size',
    target: 'Revenue target',
    headline: (n: string, stage: string, names: string) => `Marketing must deliver ${n} ${stage} (${names}).`,
    noMarketing: 'No source is marked kind "marketing", so there is no marketing headline target.',
    noHandoff: 'The stages have no "sql" stage: set "handoffStage" to the stage that is marketing\'s target.',
    listSeparator: ', ',
  },

  /** `plan`'s hiring plan (cli/headcountText.ts). */
  headcount: {
    title: (from: string, to: string, fyFrom: string) => `Headcount plan, ${from} to ${to} (fiscal year from ${fyFrom})`,
    role: 'Role',
    driver: 'Demand from',
    hires: 'Hires',
    headsAtFyEnd: 'Heads at FY end',
    monthsShort: 'Months short',
    yearCost: 'Cost (FY)',
    total: 'Total',
    driverStage: (unit: string, capacity: string) => `${unit} ÷ ${capacity} a month`,
    driverAccounts: (capacity: string) => `accounts ÷ ${capacity}`,
    driverSpan: (per: string, of: string) => `1 per ${per} ${of}`,
    driverRatio: (per: string, of: string) => `1 per ${per} ${of}`,
    driverFixed: (n: string) => `fixed ${n}`,
    roles: (n: number) => `heads of ${n} roles`,
    costLine: (money: string, heads: string) => `Headcount cost for the fiscal year: ${money}; ${heads} heads at its end (expected, with attrition).`,
    gapTitle: 'Ramp-up gap (before a new hire could be fully productive: plan start + hiring lead time + ramp), short in FTE, reported rather than hired away:',
    gapLine: (role: string, months: string) => `  ${role}: ${months}`,
    perPersonTitle: 'Per-person targets (fiscal-year average per effective FTE):',
    structuresTitle: 'Horizontal or vertical structure:',
    structureLine: (name: string, heads: string, cost: string, ramp: number, short: number) =>
      `  ${name}: ${heads} heads at FY end, ${cost} for the FY, someone ramping in ${ramp} months, short in ${short}`,
  },

  /** The shared bonus pool (cli/bonusText.ts): `plan` shows the plan scenario, `bonus` all of it. */
  bonus: {
    title: (currency: string) => `Shared bonus pool (${currency})`,
    poolAmount: (amount: string) => `a target pool of ${amount}`,
    poolPercent: (percent: string) => `${percent} of actual revenue`,
    rule: (pool: string, gate: string | undefined, funding: boolean, fit: boolean) =>
      `The pool is ${pool}${funding ? ', times the funding curve of revenue attainment' : ''}${gate ? `; nothing is funded below ${gate}` : ''}${fit ? '; payouts are scaled down to fit the funded pool' : ''}.`,
    scenario: 'Scenario',
    attainment: 'Attainment',
    funded: 'Funded pool',
    total: 'Total paid',
    ofRevenue: 'Of revenue',
    worstCase: 'At the caps',
    planScenario: 'Plan',
    explainTitle: (scenario: string) => `${scenario}, bucket by bucket:`,
    gridTitle: 'Total paid by revenue attainment (rows) and marketing-sourced share (columns):',
    findingsTitle: 'Findings:',
    uncapped: 'A share of revenue has no ceiling: the pool keeps growing with revenue past every cap, so "At the caps" is the most at the attainments tried, not a limit.',
    unknownScenario: (name: string, known: string) => `--scenario ${name}: no such scenario; the plan has ${known}`,
    noBonus: 'The plan has no "bonus" section, so there is no pool to show. Add one (README, "Shared bonus pool") or start from `funnel-planner template`.',
  },

  /** `simulate` (cli/simulateText.ts). */
  simulate: {
    title: (trials: string, seed: number) => `How sure is the plan: ${trials} trials (seed ${seed})`,
    spread: (s: { history: boolean; ranges: boolean; dealSize: boolean }): string =>
      !s.history && !s.ranges && !s.dealSize
        ? 'Only the binomial noise of every stage varies (no spread given: add --rates-from to draw the rates from a CRM export, or conversionRanges and dealSizeCv to the plan).'
        : [
            'Every stage converts as a binomial count of the records entering it;',
            ...(s.history ? ['rates vary as the CRM export measured them (Beta of its converted and sample counts);'] : []),
            ...(s.ranges ? ['typed conversionRanges vary as a PERT (Beta) spread, most likely at the planned rate;'] : []),
            ...(s.dealSize ? ['deal sizes vary by dealSizeCv;'] : []),
          ].join(' ').replace(/;$/, '.'),
    bonusCost: (p10: string, p50: string, p90: string, mean: string) => `Bonus pool cost: P10 ${p10}, P50 ${p50}, P90 ${p90}; expected ${mean}.`,
    revenue: (p10: string, p50: string, p90: string, mean: string) => `Revenue: P10 ${p10}, P50 ${p50}, P90 ${p90}; mean ${mean}.`,
    pHit: (p: string, target: string) => `P(revenue ≥ target ${target}) = ${p}.`,
    source: 'Source',
    won: 'Won deals P10 / P50 / P90',
    entry: 'Entry stage',
    planned: 'Planned',
    needed: (c: string) => `For ${c}`,
    forConfidence: (c: string, k: string) => `For ${c} confidence every entry volume × ${k}:`,
    unreachable: (c: string) => `No volume up to 20 × the plan reaches ${c} confidence (a rate at 0, or a spread too wide).`,
    badWhole: (flag: string, value: string, min: string, max: string) => `${flag} ${value}: expected a whole number from ${min} to ${max}`,
    badConfidence: (value: string) => `--confidence ${value}: expected a confidence above 0 and below 1, e.g. 0.9 or 90%`,
    histogram: 'Revenue over the trials:',
  },

  /** `diagnose` (cli/diagnoseText.ts): the funnel's shapes by source and the sensitivity ranking. */
  diagnose: {
    description: 'what is wrong with the funnel: each source\'s shape (broken, straight tube, wide top narrow bottom, big head small tail, or healthy) against benchmark bands, with evidence and advice, and what a 10 % better rate at each stage saves',
    ratesFrom: 'judge the rates and volumes a CRM export (.csv or .xlsx) measured, even where a stage measured nothing (that is a broken funnel)',
    title: (where: string) => `What is wrong with the funnel: ${where}`,
    measured: (file: string) => `Judged on the rates and counts measured in ${file}.`,
    planned: 'Judged on the plan\'s rates (add --rates-from EXPORT to judge a CRM export\'s rates and volumes).',
    source: (name: string, entry: string) => `${name} (enters at ${entry})`,
    evidence: 'Evidence: ',
    advice: 'Advice: ',
    sensitivityTitle: 'What a 10 % better rate saves, ranked (revenue added at today\'s volume, then budget saved, then entries saved):',
    stage: 'Stage',
    rate: 'Rate → better',
    entries: 'Entries today → needed',
    saved: 'Entries saved',
    budget: 'Budget saved',
    revenue: 'Revenue at today\'s volume',
    noCost: '—',
    leftOut: (items: string) => `Left out, broken in the export (their rates would be the plan's typed ones, not measured): ${items}.`,
    costNote: 'Budget saved = entries saved × each channel\'s costPerLead; "—" where a source has no channels with a cost.',
    noSensitivity: 'No sensitivity: the export leaves a stage without a rate the plan could use, so there is no plan to work it on:',
    bandsTitle: 'Benchmark bands (the plan\'s "benchmarks" replace them; docs/diagnosis.md cites the defaults\' sources):',
  },

  /** `forward` as a table (cli/forwardTable.ts). */
  forwardTable: {
    stage: 'Stage (expected)',
    total: 'Total',
    revenue: 'Expected revenue',
    planned: '(planned volume)',
    summary: (rev: string, target: string, pct: string) => `Expected revenue ${rev} against a target of ${target}: ${pct} of target.`,
    short: (gap: string) => `Short of target by ${gap}.`,
    over: (gap: string) => `Above target by ${gap}.`,
  },

  /** `rates` as text (cli/history/ratesText.ts). */
  ratesText: {
    head: ['Stage → next', 'Reached', 'Rate (95% interval)', 'Mature rate', 'Median days', 'P90 days'],
    columns: (path: string, columns: readonly string[]) => `${path}: columns ${columns.join(', ')}`,
    overall: (rows: string, asOf: string) => `All sources — ${rows} rows, as of ${asOf}`,
    source: (name: string, n: string) => `Source: ${name} — ${n} reached the first stage`,
    none: '(no source)',
    small: (min: number) => `* fewer than ${min} records: too uncertain to plan on alone`,
    mature: 'Mature rate: only records that reached the stage at least its p90 days before the as-of date.',
    warnings: 'Warnings:',
    skipped: (n: string, one: boolean) => `Skipped ${n} ${one ? 'row' : 'rows'} with a date that could not be read (not counted in any rate):`,
    line: (n: number) => `line ${n}`,
    row: (n: number) => `row ${n}`,
    more: (n: string) => `… and ${n} more`,
  },

  /** What `plan --rates-from` says under the table (cli/historyNotes.ts). */
  historyNotes: {
    matureBasis: 'mature records (reached the stage at least p90 days before the as-of date)',
    allBasis: 'all records',
    head: (file: string, rows: number, skipped: number, asOf: string, basis: string) =>
      `Rates from ${file}: ${rows} rows (${skipped} skipped), as of ${asOf}, using ${basis}.`,
    allRecords: ', all records',
  },

  /** Files the command line reads and writes (cli/readJsonFile.ts, writeFileAtomic.ts, outputPaths.ts, history readers). */
  files: {
    cannotRead: (path: string, why: string) => `cannot read ${path}: ${why}`,
    noSuchFile: 'no such file',
    isFolder: 'it is a folder, not a file',
    permissionDenied: 'permission denied',
    emptyPlan: (where: string) => `${where} is empty: expected a JSON plan`,
    notJson: (where: string, problem: string, line: number, column: number) => `${where} is not valid JSON: ${problem} at line ${line}, column ${column}`,
    jsonProblems: {
      InvalidSymbol: 'an unexpected character',
      InvalidNumberFormat: 'a malformed number',
      PropertyNameExpected: 'a property name in double quotes was expected',
      ValueExpected: 'a value was expected',
      ColonExpected: 'a colon (:) was expected',
      CommaExpected: 'a comma (,) was expected',
      CloseBraceExpected: 'a closing brace (}) was expected',
      CloseBracketExpected: 'a closing bracket (]) was expected',
      EndOfFileExpected: 'the file should end here',
      InvalidCommentToken: 'comments are not allowed in JSON',
      UnexpectedEndOfComment: 'an unfinished comment',
      UnexpectedEndOfString: 'an unfinished string',
      UnexpectedEndOfNumber: 'an unfinished number',
      InvalidUnicode: 'an invalid \\u escape',
      InvalidEscapeCharacter: 'an invalid escape character',
      InvalidCharacter: 'an invalid character in a string',
    },
    utf16NoBom: (where: string) => `${where} is UTF-16 text without a byte-order mark: save it as UTF-8 (Notepad: Save As → Encoding UTF-8) and try again`,
    planNotUtf8: (where: string, line: number) => `${where} is not UTF-8 text at line ${line}: save it as UTF-8 (Notepad: Save As → Encoding UTF-8) and try again`,
    cannotWrite: (path: string, why: string) => `cannot write ${path}: ${why}`,
    writeProblems: {
      ENOENT: 'the folder does not exist',
      ENOTDIR: 'part of the path is a file, not a folder',
      EISDIR: 'it is a folder',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      ENAMETOOLONG: 'the name is too long',
    },
    wrongExtension: (option: string, path: string, expected: string) => `${option} ${path}: expected a ${expected} file name`,
    overInput: (option: string, path: string) => `${option} ${path}: refusing to write over an input file; choose another name`,
    exportMissing: (path: string) => `${path}: no such file`,
    exportFolder: (path: string) => `${path} is a folder, not a CSV or .xlsx export`,
    oldXls: (path: string) => `${path} is an old-style .xls workbook: save it as .xlsx or as CSV UTF-8 and try again`,
    formulaNoResult: (cell: string) =>
      `${cell} is a formula with no saved result; open and save the file in a spreadsheet so formulas keep their results, or paste values`,
    noHeaderRow: (path: string) => `${path} has no header row`,
    exportNotUtf8: (path: string, line: number, bytes: string) =>
      `${path} is not UTF-8 text at line ${line} (bytes ${bytes}): it looks saved in another encoding (GBK, Latin-1…), and its names would be read wrong`,
    saveAsUtf8: 'save it as "CSV UTF-8 (comma delimited)" (Excel: File → Save As → CSV UTF-8) and try again',
    headerNotUtf8: 'the header does not read as UTF-8 text: save the export as "CSV UTF-8" (Excel: File → Save As → CSV UTF-8)',
    oneColumn: (semicolons: boolean) =>
      `the header is one column: the file seems separated by ${semicolons ? 'semicolons' : 'tabs'}, and only commas are read; save it as "CSV UTF-8 (comma delimited)"`,
  },

  /** What the command line adds to core's history messages: its flags (core never names them). */
  /** The CSV and .xlsx export readers (cli/history). */
  readers: {
    utf16: (path: string) => `${path} is UTF-16 text; save it as "CSV UTF-8 (comma delimited)" and try again`,
    utf16NoBom: (path: string) => `${path} looks like UTF-16 text without a byte-order mark (it starts with NUL bytes); save it as "CSV UTF-8 (comma delimited)" and try again`,
    unclosedQuote: (path: string, line: number) => `${path}, line ${line}: a quoted field opens here and is never closed (a stray " in the file?)`,
    empty: (path: string) => `${path} is empty: expected a header row and data rows`,
    notXlsx: (path: string, why: string) => `${path} could not be read as an .xlsx workbook (${why})`,
    noSheets: (path: string) => `${path} has no sheets`,
    noSuchSheet: (path: string, sheet: string, all: string) => `${path} has no sheet named ${sheet}; its sheets are: ${all}`,
    emptySheet: (path: string, sheet: string) => `${path}: the sheet "${sheet}" is empty: expected a header row and data rows`,
  },

  cliHistory: {
    stageColumnHint: (stage: string, columns: readonly string[]) => `Name the column with --map ${stage}="${columns[0]}" (or history.stageColumns in the plan).`,
    mappingHint: 'Map them in history.sourceMap, or name a plan source for all others with history.unmappedSource (--unmapped-source).',
    dateOrderHint: 'give it with --date-order dmy (day first: 05/03/2024 is 5 March 2024) or --date-order mdy (month first: May 3, 2024)',
    mapHint: 'name the columns with --map, e.g. --map lead="Created" --map won="Closed Won" (and --source-column for the source)',
    sqlNeedsTable: (warehouse: string) => `--sql needs --table NAME: the ${warehouse} table that holds the export`,
    tableNeedsSql: '--table goes with --sql (it names the warehouse table the query reads)',
    missingExport: 'missing the CRM export: funnel-planner rates EXPORT.csv (or EXPORT.xlsx); see funnel-planner rates --help',
    badAsOf: (value: string, why: string) => `--as-of: expected a date YYYY-MM-DD (or YYYY-MM-DDTHH:MM), got "${value}"${why}`,
    needsSources: '--rates-from needs a plan with a list of sources to give rates to',
    historyProblems: 'the plan\'s "history" section has problems:',
    cannotTakeRates: (file: string) => `cannot take the plan's rates from ${file}:`,
    volumeWhere: (where: string) => `--volume (with ${where})`,
    internalError: (message: string) => `internal error: ${message}`,
    reportIt: '(run again with --debug for details, and please report it)',
  },

  /** Usage errors of the argument parser, reworded at the CLI's edge; option flags and values are quoted as typed. */
  usage: {
    unknownOption: (flag: string) => `error: unknown option '${flag}'`,
    unknownCommand: (name: string) => `error: unknown command '${name}'`,
    argumentMissing: (flags: string) => `error: option '${flags}' argument missing`,
    missingArgument: (name: string) => `error: missing required argument '${name}'`,
    invalidArgument: (flags: string, value: string, why: string) => `error: option '${flags}' argument '${value}' is invalid. ${why}`,
    choices: (list: string) => `Allowed choices are ${list}.`,
    keyValue: (form: string, example: string, got: string) => `expected ${form} such as ${example}, got "${got}"`,
    tooManyArguments: (command: string, expected: number, got: number) =>
      `error: too many arguments for '${command}'. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
    didYouMean: (names: string) => `(Did you mean ${names}?)`,
    helpAfterError: '(run funnel-planner --help for usage)',
  },

  /** The command line's own messages (cli/*). */
  cli: {
    langOption: 'language of messages and tables: en, zh-CN or zh-TW',
    badLang: (value: string) => `expected "en", "zh-CN" or "zh-TW", got "${value}"`,
    warning: 'warning',
    invalidPlan: (where: string, count: number) => `the plan in ${where} has ${count} problem${count === 1 ? '' : 's'}:`,
    defaultTemplate: 'the default template',
    cannotReadPlan: (path: string) => `cannot read the plan from ${path}:`,
    notXlsx: (path: string) => `${path} is not a readable .xlsx workbook`,
    notPlanFile: (path: string) => `${path}: expected a .json plan or an .xlsx workbook with an Inputs sheet`,
    wroteWorkbook: (path: string) => `wrote the workbook to ${path}`,
    wroteReport: (path: string) => `wrote the report to ${path}`,
    wroteFile: (path: string) => `wrote ${path}`,
    listSeparator: ', ',
    none: 'none',
    overwriteRefused: (option: string, path: string, why: string) =>
      `${option} ${path}: the file exists and ${why}; not overwriting it: choose another name, or add --force to replace it`,
    notReport: 'it is not a Funnel Planner report',
    otherJson: 'it holds other JSON (a plan you edited?)',
    notXlsxFile: 'it is not an .xlsx workbook',
    unreadableXlsx: 'it is an .xlsx workbook that could not be read',
    notOurs: (list: string) => `it was not written by Funnel Planner (its sheets: ${list})`,
    foreignSheets: (list: string) => `it has sheets Funnel Planner did not write: ${list}`,
    edited: (list: string) => `its sheets were edited since Funnel Planner wrote them: ${list}`,
  },
  /** `--help`: every command's and option's description, and commander's own help words (rewritten at the edge). */
  help: {
    program: 'Funnel Planner: revenue target → won deals → opportunities → SQLs → MQLs → leads, per source',
    debug: 'show stack traces of internal errors',
    input: 'plan input: a .json plan or an .xlsx workbook with an Inputs sheet; default: the built-in template',
    json: 'print the result as JSON',
    monthly: 'also print each team\'s numbers by month, quarter and fiscal year (with the sales-cycle lag and next year\'s pipeline)',
    bonusDescription: 'the shared bonus pool: what it pays each bucket, role and head per scenario and across the revenue × marketing-share grid, explained, with the findings',
    scenarioOption: 'explain this scenario bucket by bucket (a name from the plan\'s scenarios, or Plan); default: Plan',
    simulateDescription: 'how sure the plan is: a seeded Monte Carlo run of the funnel — revenue P10 / P50 / P90, the chance of hitting the target, and the volume a confidence needs',
    trials: 'trials to run (default 10000)',
    seed: 'the seed: the same seed gives the same numbers (default 2027)',
    confidence: 'the confidence to size the volume for, e.g. 0.9 or 90% (default 0.9)',
    simulateRatesFrom: 'draw each rate from a CRM export (.csv or .xlsx): Beta(1 + converted, 1 + sample − converted)',
    planDescription: 'work a revenue target backwards into won deals, opportunities, SQLs, MQLs and leads per source',
    planOut: 'write the plan workbook (Summary, Funnel with live formulas, Inputs)',
    planReport: 'write a self-contained HTML report with charts',
    ratesFrom: 'take conversion rates from a CRM export (.csv or .xlsx); see the "history" section of the plan input',
    unmappedSource: 'with --rates-from: the plan source that gets CRM sources not in history.sourceMap',
    allRecords: 'with --rates-from: use every record, not only mature ones',
    planMap: 'with --rates-from: the export column of a stage (repeatable); same as history.stageColumns',
    planForce: 'replace --out / --report even if they hold work Funnel Planner did not write (another file, or edits since)',
    planSourceColumn: 'with --rates-from: the export column of the record source; same as history.sourceColumn',
    planDateOrder: "with --rates-from: how the export's a/b/yyyy dates read, dmy or mdy (default: told by each column's dates)",
    forwardDescription: "what-if: from volumes at each source's entry stage to expected deals and revenue",
    volume: 'volume entering a source, e.g. marketing=9000 (repeatable); other sources keep their planned volume',
    templateDescription: 'the default plan input, to start your own: JSON on stdout, or --out inputs.xlsx / my-plan.json',
    templateOut: 'write to a .json file, or an .xlsx workbook holding the Inputs sheet',
    force: 'replace --out even if it holds work Funnel Planner did not write (another file, or edits since)',
    ratesDescription: 'conversion rates and stage durations from a CRM export (.csv or .xlsx), overall and per source',
    ratesExport: 'the CRM export: a .csv (UTF-8) or an .xlsx; optional with --sql',
    ratesMap: 'the date column of a stage, e.g. lead="Create Date" (repeatable)',
    ratesSourceColumn: 'the column holding each record\'s source (default: recognised, e.g. "Original Source")',
    stages: (defaults: string) => `the funnel's stages, top to bottom, won last (default: ${defaults}, plus bql when the file has a BQL column)`,
    asOf: 'measure maturity from this date, YYYY-MM-DD (default: the latest date in the file)',
    sheet: 'the sheet of an .xlsx export (default: the first)',
    ratesDateOrder: "how a/b/yyyy dates read: dmy (05/03/2024 = 5 March) or mdy (= May 3); default: told by each column's dates",
    sql: 'print the SQL that computes the same in a warehouse, instead of reading rows',
    table: 'the table (project.dataset.table) the --sql query reads',
    ratesOut: 'also write the rates table as a workbook (its History summary sheet)',
    ratesAfter: `
Reads a CRM export (HubSpot, Salesforce, or any CSV/.xlsx with one date column per stage)
and measures, overall and per source:
  reached   records that reached a stage: its date, or any later stage's date, is filled in
  rate      reached(next) / reached(stage), with a Wilson 95% interval; * marks < 30 records
  mature    the same rate over records that reached the stage at least its p90 days before
            --as-of (default: the latest date in the file), so recent records still in
            progress do not drag it down
  days      median and p90 days from a stage's date to the next stage's date

Columns are recognised by name (e.g. "Became a Lead Date", "Original Source"); name others
with --map and --source-column. CSV files are UTF-8 (with or without a BOM), comma-separated,
quoted fields may hold commas, quotes ("") and line breaks. Blank lines are skipped.
Dates written a/b/yyyy are read day first when a date in their column has a first part
over 12 (13/03/2024), month first when one has a second part over 12; a column whose dates
fit both orders follows the file's other such columns, else needs --date-order dmy|mdy.

Skipped rows are reported by "line N": the line of the file where the row starts, counting
from 1 with the header on line 1 (blank lines count, as in a text editor; a row with a line
break inside quotes keeps the number of its first line). For .xlsx, N is the sheet's row number.

Rows with fewer or more cells than the header are read (missing cells blank, extra ones
dropped) and listed by line in the warnings.

Exit codes: 0 success; 2 a missing file, unrecognisable columns, a bad option, a file that
is not UTF-8, a column whose day/month order is mixed or cannot be told, stages out of
funnel order, nothing to measure (no data rows, every row skipped); 1 an internal error.

Examples:
  funnel-planner rates contacts.csv
  funnel-planner rates contacts.csv --json --map lead="Create Date" --source-column "Lead Source"
  funnel-planner rates --sql bigquery --table crm.contacts --map lead="Became a Lead Date" --map won="Became a Customer Date"
`,
    usage: 'Usage: ',
    arguments: 'Arguments:',
    options: 'Options:',
    commands: 'Commands:',
    helpFor: 'display help for command',
    version: 'output the version number',
    defaultIs: (value: string) => `(default: ${value})`,
    choicesAre: (list: string) => `(choices: ${list})`,
  },
};

/** The shape every language's CLI catalogue has. */
export type CliMessages = typeof cliEn;
