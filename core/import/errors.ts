/** Reasons an import stops before it produces any result. */
export type ImportErrorCode =
  | 'EMPTY_FILE'
  | 'HEADER_ONLY'
  | 'NO_HEADER'
  | 'BINARY_FILE'
  | 'UNSUPPORTED_ENCODING'
  | 'ENCODING_MISMATCH'
  | 'TRUNCATED_FILE'
  | 'FIELD_TOO_LARGE'
  | 'TOO_MANY_COLUMNS'
  | 'TOO_MANY_ROWS'
  | 'NOT_A_WORKBOOK'
  | 'INVALID_WORKBOOK'
  | 'SHEET_NOT_FOUND'
  | 'DECOMPRESSED_TOO_LARGE'
  | 'INVALID_XML'
  | 'NOT_TALLY_XML'
  | 'INVALID_MAPPING'
  | 'UNKNOWN_FORMAT';

/**
 * A file that cannot be imported. The message names the problem and what the user can do, so the
 * app can show it as it is. `detail` carries values for logs, such as the byte offset.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly detail: Readonly<Record<string, string | number>>;

  constructor(code: ImportErrorCode, message: string, detail: Record<string, string | number> = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.detail = detail;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
