/**
 * Sheets hands date cells to scripts as instants in the spreadsheet's time zone (a date
 * typed as 2024-01-01 in Shanghai arrives as 2023-12-31T16:00Z). The history core reads
 * dates as wall-clock UTC, so each Date becomes the wall-clock text the user sees.
 */
export function withWallClockDates(rows: readonly (readonly unknown[])[], format: (date: Date) => string): unknown[][] {
  return rows.map((row) => row.map((cell) => (cell instanceof Date ? format(cell) : cell)));
}
