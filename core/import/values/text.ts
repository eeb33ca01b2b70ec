/**
 * Characters that make Excel, LibreOffice and Google Sheets read a cell as a formula, which a
 * crafted file can use to run commands when an export is opened (CSV injection, OWASP).
 * Tab and carriage return count too, because some programs strip them before that check.
 */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r']);

const plainNumberPattern = /^[-+]?\s*[\d.,\s]*\d[\d.,\s]*%?$/;

/** Returns true when a spreadsheet would read the text as a formula and the text is not a number. */
export function isFormulaLike(text: string): boolean {
  if (text === '' || !formulaTriggers.has(text.charAt(0))) return false;
  return !plainNumberPattern.test(text);
}

/**
 * Escapes a value for a CSV or spreadsheet cell by prefixing a single quote when a spreadsheet
 * would run it as a formula. Numbers such as "-12.50" are left as they are.
 */
export function escapeSpreadsheetCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

/** Trims a cell and turns non-breaking and other Unicode spaces into plain spaces. */
export function cleanCell(raw: string): string {
  return raw.replace(/[\u00a0\u2007\u202f\u2000-\u200a]/g, ' ').trim();
}
