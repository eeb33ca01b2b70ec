/**
 * Size limits that keep a malformed or hostile file from exhausting memory or hanging the import.
 * Each one ends the import with an `ImportError` that names the limit.
 */
export interface ImportLimits {
  /** Maximum characters in one CSV field or one XLSX cell. */
  readonly maxFieldChars: number;
  /** Maximum characters in one CSV record, counting every field. */
  readonly maxRecordChars: number;
  /** Maximum columns in one row. */
  readonly maxColumns: number;
  /** Maximum data rows (CSV records, sheet rows or Tally objects). */
  readonly maxRows: number;
  /** Maximum bytes inflated from an XLSX archive, over all entries read. */
  readonly maxDecompressedBytes: number;
  /** Maximum characters of text inside one Tally XML element. */
  readonly maxXmlTextChars: number;
  /** Maximum problems kept with full detail; later ones are only counted. */
  readonly maxProblems: number;
}

/**
 * Defaults sized for ledgers of a few million rows. A receivables row is well under 4 KB, and a
 * 1,000,000-row sheet inflates to roughly 150–300 MB of XML (an estimate from generated sheets
 * with 8–12 columns).
 */
export const defaultImportLimits: ImportLimits = {
  maxFieldChars: 32_767,
  maxRecordChars: 1_048_576,
  maxColumns: 16_384,
  maxRows: 10_000_000,
  maxDecompressedBytes: 2_147_483_648,
  maxXmlTextChars: 1_048_576,
  maxProblems: 5_000,
};

export function resolveLimits(overrides: Partial<ImportLimits> | undefined): ImportLimits {
  return { ...defaultImportLimits, ...overrides };
}
