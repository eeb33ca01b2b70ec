import { isKnownCurrency } from '../ledger';
import { readCsvRows } from './csv/read-csv';
import { ImportError } from './errors';
import { resolveLimits, type ImportLimits } from './limits';
import { parseImportMapping } from './mapping/mapping';
import { PeekableBytes } from './source';
import { readTabular } from './tabular/read-tabular';
import type { RawRow } from './tabular/raw-row';
import { readTally } from './tally/read-tally';
import { decodeChunks, detectEncoding } from './text/encoding';
import type { ImportEvent, ImportFormat, ImportOptions, ImportSource } from './types';
import { openXlsxSheet } from './xlsx/read-xlsx';
import { createTextDecoder } from './text/text-decoder';

const defaultBatchRows = 1_000;
const formatSniffBytes = 4_096;

function hasZipSignature(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function namedAsWorkbook(fileName: string | undefined): boolean {
  return fileName !== undefined && /\.xls[xm]$/i.test(fileName);
}

/** Chooses XLSX from the zip signature or the file name (a renamed CSV then fails clearly). */
function chooseBinaryFormat(head: Uint8Array, options: ImportOptions): 'xlsx' | null {
  if (options.format !== undefined) return options.format === 'xlsx' ? 'xlsx' : null;
  return hasZipSignature(head) || namedAsWorkbook(options.fileName) ? 'xlsx' : null;
}

function checkOptions(options: ImportOptions): void {
  const currency = options.mapping?.defaultCurrency ?? options.defaultCurrency;
  if (currency !== undefined && !isKnownCurrency(currency)) {
    throw new ImportError('INVALID_MAPPING', `Default currency "${currency}" is not a known ISO 4217 code such as INR or USD.`);
  }
  if (options.mapping !== undefined) parseImportMapping(options.mapping);
}

async function* asyncBatches(rows: Iterable<RawRow[]>): AsyncGenerator<RawRow[]> {
  yield* rows;
}

/**
 * Reads an import file as a stream of events: a header (format, preset, mapping), batches of
 * drafts and problems, and a summary. Memory contains the first 20,000 rows (to decide date
 * orders), one batch, and what the checks across rows keep (invoice numbers, customers). An
 * XLSX file is the exception: its zip is held in memory while its sheet is inflated step by step.
 * Throws `ImportError` for a file that cannot be read at all.
 */
export async function* readRecords(source: ImportSource, options: ImportOptions = {}): AsyncGenerator<ImportEvent> {
  checkOptions(options);
  const limits = resolveLimits(options.limits);
  const batchRows = options.batchRows ?? defaultBatchRows;
  const defaultCurrency = options.mapping?.defaultCurrency ?? options.defaultCurrency ?? 'INR';
  const bytes = new PeekableBytes(source);
  const head = await bytes.peek(formatSniffBytes);
  if (head.length === 0) throw new ImportError('EMPTY_FILE', 'The file is empty (0 bytes): export the ledger again.');

  const tableOptions = { ...options, defaultCurrency, limits, batchRows };
  if (chooseBinaryFormat(head, options) === 'xlsx') {
    const all = await bytes.readAll(limits.maxDecompressedBytes, (size) => tooLarge(size, limits));
    const sheet = openXlsxSheet(all, { sheet: options.sheet, limits, batchRows, fileName: options.fileName });
    yield* readTabular(asyncBatches(sheet.rows), tableOptions, { format: 'xlsx', encoding: 'utf-8', sheetName: sheet.sheetName });
    return;
  }

  const encoding = await detectEncoding(bytes, options.encoding);
  const sample = createTextDecoder(encoding).decode(await bytes.peek(formatSniffBytes), { stream: true }).trimStart();
  if (sample === '' && head.length < formatSniffBytes) throw new ImportError('EMPTY_FILE', 'The file contains only white space: export the ledger again.');
  const format: ImportFormat = options.format ?? (sample.startsWith('<') ? 'tally-xml' : 'csv');
  const text = decodeChunks(bytes.chunks(), encoding);

  if (format === 'tally-xml') {
    yield* readTally(text, tableOptions, { format, encoding, sheetName: null });
    return;
  }
  const rows = readCsvRows(text, { limits, batchRows });
  yield* readTabular(rows, tableOptions, { format: 'csv', encoding, sheetName: null });
}

function tooLarge(size: number, limits: ImportLimits): ImportError {
  return new ImportError('DECOMPRESSED_TOO_LARGE', `The workbook is larger than ${limits.maxDecompressedBytes} bytes (at least ${size}): export the data as CSV instead.`);
}
