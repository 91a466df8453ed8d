/** What a CSV or .xlsx reader hands its caller: the header, then each data row with its line; shared by the readers without importing one another. */

/**
 * Receives the header row and the line it is on. It may return the indexes of the only
 * columns it will read: the others then arrive as '' and cost no allocation.
 */
export type HeaderHandler = (header: string[], line: number) => readonly number[] | void;

/**
 * Receives one data row: exactly one cell per header column (missing cells are '', cells
 * beyond the header are dropped) and the 1-based line of the file where the row starts —
 * what an editor shows, blank lines included; a row with a line break inside quotes keeps
 * the number of its first line.
 */
export type RowHandler = (cells: unknown[], line: number) => void;
