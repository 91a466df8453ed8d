/**
 * A hand-built CRM export whose won records have known whole-month lags (design.md §7):
 * the lag from SQL is (won year·12 + won month) − (SQL year·12 + SQL month), a skipped SQL
 * reached at the opportunity date, across month ends and a year end.
 */
export const LAG_HEADER = ['Record ID', 'Original Source', 'Became a Sales Qualified Lead Date', 'Became an Opportunity Date', 'Became a Customer Date'];

/** [source, SQL, opportunity, won] and the lag from SQL it counts. */
export const LAG_RECORDS: readonly (readonly [string, string, string, string, number | null])[] = [
  ['Web', '2024-03-05', '', '2024-03-28', 0], // same month
  ['Web', '2024-01-31', '', '2024-02-01', 1], // one day, across a month end
  ['Web', '2024-12-31', '', '2025-01-02', 1], // across the year end
  ['Web', '2024-11-15', '', '2025-01-10', 2],
  ['Web', '2024-04-30', '', '2024-06-01', 2],
  ['Web', '2024-07-01', '', '2024-09-30', 2],
  ['Web', '2024-10-20', '', '2025-01-05', 3],
  ['Web', '2024-05-01', '', '2024-08-31', 3],
  ['Web', '', '2024-09-10', '2024-12-01', 3], // SQL skipped: reached at the opportunity date
  ['Web', '2024-02-29', '', '2024-05-01', 3],
  ['Web', '2024-06-10', '', '2024-05-20', null], // won before SQL: a data problem, not a lag
];

/** Won records by lag from SQL: j = 0, 1, 2, 3. */
export const SQL_LAG = [1, 2, 3, 4];
/** From opportunity: every record but the 9th skipped it (reached at its won date, j = 0). */
export const OPPORTUNITY_LAG = [10, 0, 0, 1];
/** Won dates by calendar month, January first. */
export const WON_BY_MONTH = [3, 1, 1, 0, 2, 1, 0, 1, 1, 0, 0, 1];

export const LAG_ROWS: readonly (readonly string[])[] = LAG_RECORDS.map(([source, sql, opp, won], i) => [String(i + 1), source, sql, opp, won]);

export const LAG_CSV = [LAG_HEADER.join(','), ...LAG_ROWS.map((r) => r.join(','))].join('\n') + '\n';

export const LAG_MAPPING = {
  stages: ['sql', 'opportunity', 'won'],
  stageColumns: { sql: LAG_HEADER[2], opportunity: LAG_HEADER[3], won: LAG_HEADER[4] },
  sourceColumn: LAG_HEADER[1],
};
