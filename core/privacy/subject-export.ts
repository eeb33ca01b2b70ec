import { escapeSpreadsheetCell } from '../import/values/text';
import { formatMoney } from '../ledger/money';

export type CellValue = string | number | null;
export type ExportRow = Readonly<Record<string, CellValue>>;

/** One section of an access export: rows of one table, or of one query over it. */
export interface ExportSection {
  /** File-safe name, for example `invoices`; the CSV file is `NAME.csv`. */
  readonly name: string;
  readonly title: string;
  /** The table's columns, so an empty section still gets a CSV header. */
  readonly columns: readonly string[];
  readonly rows: readonly ExportRow[];
}

/** Everything held about one customer, as written to the export folder. */
export interface SubjectExport {
  readonly format: 'duewatch-subject-export';
  readonly version: 1;
  readonly generatedAt: string;
  readonly customerId: number;
  readonly customer: ExportRow;
  readonly sections: readonly ExportSection[];
}

/** Returns the columns of a section: the keys of its rows in first-seen order. */
export function sectionColumns(rows: readonly ExportRow[]): string[] {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  return columns;
}

function csvCell(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : escapeSpreadsheetCell(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes rows as RFC 4180 CSV with CRLF line ends. Text cells that a spreadsheet would run as a
 * formula get a leading apostrophe (see `escapeSpreadsheetCell`), so opening the export in Excel
 * cannot execute anything that an imported file smuggled into a name or description.
 */
export function toCsv(rows: readonly ExportRow[], columns = sectionColumns(rows)): string {
  const lines = [columns.map((column) => csvCell(column)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Formats a cell for reading: amounts in minor units with their currency column become money. */
function readableCell(row: ExportRow, column: string): string {
  const value = row[column] ?? null;
  if (value === null) return '—';
  if (typeof value === 'number' && Number.isSafeInteger(value) && column.endsWith('_minor')) {
    const currency = row[column.replace(/_minor$/, '_currency')] ?? row.currency ?? null;
    if (typeof currency === 'string' && /^[A-Z]{3}$/.test(currency)) return formatMoney(value, currency, { locale: 'en-IN' });
  }
  return String(value);
}

function htmlTable(rows: readonly ExportRow[]): string {
  if (rows.length === 0) return '<p class="none">None held.</p>';
  const columns = sectionColumns(rows);
  const head = columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((column) => `<td>${escapeHtml(readableCell(row, column))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

const style = 'body{font:14px system-ui,sans-serif;margin:32px;color:#1c2430}table{border-collapse:collapse;margin:8px 0 24px}'
  + 'th,td{border:1px solid #dfe3ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f0f3f7}.none{color:#6b7686}';

/**
 * Renders the export as one self-contained HTML page for the person to read. Every value is
 * HTML-escaped, and the page's Content Security Policy blocks scripts and outside resources.
 */
export function renderSubjectHtml(data: SubjectExport, ledgerName: string): string {
  const identity = Object.keys(data.customer)
    .map((key) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(readableCell(data.customer, key))}</td></tr>`)
    .join('\n');
  const sections = data.sections.map((section) => `<h2>${escapeHtml(section.title)} (${section.rows.length})</h2>\n${htmlTable(section.rows)}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Personal data held about customer ${data.customerId}</title><style>${style}</style></head>
<body>
<h1>Personal data held about customer ${data.customerId}</h1>
<p>Exported from the Duewatch ledger ${escapeHtml(ledgerName)} on ${escapeHtml(data.generatedAt)}. The same data is in data.json and in one CSV file per table.</p>
<h2>Identity</h2>
<table><tbody>
${identity}
</tbody></table>
${sections}
</body></html>
`;
}
