/**
 * Size limits that keep a malformed or hostile file from exhausting memory or hanging the import.
 * Each one ends the import with an `ImportError` that names the limit.
 */
export interface ImportLimits {
  /** Maximum characters in one CSV field or one XLSX cell; 32,767 is Excel's own cell limit. */
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
 * Default limits. They leave room for ledgers of millions of rows, whose rows are far below the
 * record limit.
 * NOTE: the 2 GiB inflate limit is an estimate of what a multi-million-row sheet needs. Reaching
 * it costs time but not memory, because the sheet is parsed as it inflates.
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
