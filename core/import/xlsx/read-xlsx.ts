import { ImportError } from '../errors';
import type { ImportLimits } from '../limits';
import type { RawRow } from '../tabular/raw-row';
import { requireEntry, type Archive } from './entries';
import { readSharedStrings } from './shared-strings';
import { readSheetRows } from './sheet';
import { readDateStyles } from './styles';
import { chooseSheet, readWorkbook } from './workbook';
import { DecompressionBudget, readZipDirectory } from './zip';
import { createTextDecoder } from '../text/text-decoder';

export interface XlsxReadOptions {
  readonly sheet?: string | number;
  readonly limits: ImportLimits;
  readonly batchRows: number;
  readonly fileName?: string;
}

export interface OpenedSheet {
  readonly sheetName: string;
  readonly sheetNames: readonly string[];
  readonly rows: Generator<RawRow[]>;
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

function describeStart(bytes: Uint8Array): string {
  const text = createTextDecoder('utf-8').decode(bytes.subarray(0, 40)).replace(/[^\x20-\x7e]+/g, ' ').trim();
  return text === '' ? 'binary data' : `"${text}"`;
}

/** Throws `NOT_A_WORKBOOK` unless the bytes start like a zip archive, naming what they look like instead. */
export function assertZipSignature(bytes: Uint8Array, fileName: string | undefined): void {
  if (zipSignature.every((value, index) => bytes[index] === value)) return;
  if (bytes.length === 0) throw new ImportError('EMPTY_FILE', 'The file is empty: export the ledger again.');
  const named = fileName === undefined ? 'The file' : `"${fileName}"`;
  const looksLikeText = bytes.subarray(0, 512).every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d);
  const advice = looksLikeText
    ? 'It looks like text, probably a CSV file renamed to .xlsx: import it as CSV (or rename it to .csv).'
    : 'Open it in Excel and save it as .xlsx, or export the ledger as CSV.';
  throw new ImportError('NOT_A_WORKBOOK', `${named} is not an Excel workbook: it starts with ${describeStart(bytes)}. ${advice}`);
}

/**
 * Opens an XLSX workbook held in memory and streams the rows of one sheet. Shared strings and
 * styles are read first. The sheet XML is inflated and parsed step by step, and every inflated
 * byte counts against `maxDecompressedBytes`.
 */
export function openXlsxSheet(bytes: Uint8Array, options: XlsxReadOptions): OpenedSheet {
  assertZipSignature(bytes, options.fileName);
  const archive: Archive = {
    bytes,
    entries: readZipDirectory(bytes),
    budget: new DecompressionBudget(options.limits.maxDecompressedBytes),
  };

  const workbook = readWorkbook(archive);
  const sheet = chooseSheet(workbook, options.sheet);
  const sheetEntry = requireEntry(archive, sheet.path);
  const context = {
    sharedStrings: readSharedStrings(archive, workbook.sharedStringsPath, options.limits.maxFieldChars),
    dateStyles: readDateStyles(archive, workbook.stylesPath),
    date1904: workbook.date1904,
    limits: options.limits,
  };

  return {
    sheetName: sheet.name,
    sheetNames: workbook.sheets.map((candidate) => candidate.name),
    rows: readSheetRows(archive, sheetEntry, context, options.batchRows),
  };
}
