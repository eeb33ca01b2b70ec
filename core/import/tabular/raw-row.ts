/**
 * One row of a CSV file or worksheet. `number` is the 1-based row number a spreadsheet shows.
 * Cells are text. XLSX numbers arrive as plain decimal text and XLSX dates as YYYY-MM-DD.
 */
export interface RawRow {
  readonly number: number;
  readonly cells: readonly string[];
}
