import { readCsvRows } from '../import/csv/read-csv';
import { ImportError } from '../import/errors';
import { resolveLimits } from '../import/limits';
import { normalizeHeader } from '../import/mapping/presets';
import { PeekableBytes } from '../import/source';
import type { RawRow } from '../import/tabular/raw-row';
import { decodeChunks, detectEncoding } from '../import/text/encoding';
import type { ImportSource } from '../import/types';
import { DateOrderEvidence } from '../import/values/date-order';
import { readDate, resolveDate, type DateReading } from '../import/values/dates';
import { openXlsxSheet } from '../import/xlsx/read-xlsx';
import type { BureauScale } from './types';

/** One valid row of a bureau file, with the identifiers it gives for its customer. */
export interface BureauRow {
  readonly row: number;
  readonly pan: string | null;
  readonly gstin: string | null;
  readonly code: string | null;
  readonly name: string | null;
  readonly reportDate: string;
  readonly bureau: string;
  readonly scale: BureauScale;
  readonly value: number;
}

export interface BureauFile {
  readonly rowCount: number;
  readonly rows: readonly BureauRow[];
  readonly invalid: readonly { row: number; message: string }[];
}

type Column = 'pan' | 'gstin' | 'code' | 'name' | 'reportDate' | 'bureau' | 'value' | 'scale';

/** Accepted header names per column, as `normalizeHeader` writes them, best first. */
const headerNames: Readonly<Record<Column, readonly string[]>> = {
  pan: ['pan', 'panno', 'pannumber'],
  gstin: ['gstin', 'gstno', 'gstnumber', 'gstinuin'],
  code: ['customerid', 'customercode', 'code', 'customerno', 'accountcode'],
  name: ['customername', 'name', 'customer', 'borrowername', 'companyname'],
  reportDate: ['reportdate', 'date', 'asof', 'asondate', 'scoredate'],
  bureau: ['bureau', 'creditbureau'],
  value: ['score', 'creditscore', 'cmr', 'cmrrank', 'rank', 'value'],
  scale: ['scale', 'scoretype', 'scoringscale'],
};

function findColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const normalized = header.map(normalizeHeader);
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(headerNames) as [Column, readonly string[]][]) {
    for (const name of names) {
      const position = normalized.indexOf(name);
      if (position >= 0 && !Object.values(columns).includes(position)) {
        columns[column] = position;
        break;
      }
    }
  }
  return columns;
}

async function* sourceRows(source: ImportSource, fileName: string): AsyncGenerator<RawRow[]> {
  const limits = resolveLimits({ maxRows: 1_000_000 });
  const bytes = new PeekableBytes(source);
  const head = await bytes.peek(4);
  if (head.length === 0) throw new ImportError('EMPTY_FILE', `${fileName} is empty (0 bytes): export the bureau file again.`);
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (zip || /\.xlsx$/i.test(fileName)) {
    const all = await bytes.readAll(limits.maxDecompressedBytes, (size) => new ImportError('DECOMPRESSED_TOO_LARGE', `${fileName} is larger than the ${limits.maxDecompressedBytes} bytes a bureau file may have (${size} read): split it.`));
    yield* openXlsxSheet(all, { limits, batchRows: 1000, fileName }).rows;
    return;
  }
  const encoding = await detectEncoding(bytes, undefined);
  yield* readCsvRows(decodeChunks(bytes.chunks(), encoding), { limits, batchRows: 1000 });
}

/**
 * Reads a bureau score file (CSV or XLSX): a header row, then one report per row with at least
 * one customer identifier (PAN, GSTIN, customer code or name), the report date, the bureau and
 * the score. Numeric dates such as 05/04/2026 are read day first unless the column shows
 * otherwise. Throws `ImportError` for a file without the required columns.
 */
export async function readBureauFile(source: ImportSource, fileName: string): Promise<BureauFile> {
  const raw: RawRow[] = [];
  for await (const batch of sourceRows(source, fileName)) raw.push(...batch.filter((row) => row.cells.some((cell) => cell.trim() !== '')));
  const [header, ...body] = raw;
  if (header === undefined) throw new ImportError('EMPTY_FILE', `${fileName} has no rows.`);
  const columns = findColumns(header.cells);
  const missing = (['reportDate', 'bureau', 'value'] as const).filter((column) => columns[column] === undefined).map(columnLabel);
  if (columns.pan === undefined && columns.gstin === undefined && columns.code === undefined && columns.name === undefined) missing.unshift('PAN, GSTIN, Customer Code or Customer Name');
  if (missing.length > 0) {
    throw new ImportError('NO_HEADER', `${fileName} has no ${missing.join(', ')} column. Add a header row with PAN, GSTIN, Customer Code or Customer Name, Report Date, Bureau and Score.`);
  }
  const cell = (row: RawRow, column: Column) => (columns[column] === undefined ? '' : (row.cells[columns[column]] ?? '').trim());
  const dates = new DateOrderEvidence();
  const readings = body.map((row) => readDate(cell(row, 'reportDate')));
  readings.forEach((reading: DateReading) => dates.observe(reading));

  const rows: BureauRow[] = [];
  const invalid: { row: number; message: string }[] = [];
  body.forEach((row, position) => {
    const parsed = parseRow(row, readings[position]!, dates.workingOrder, cell);
    if ('message' in parsed) invalid.push({ row: row.number, message: parsed.message });
    else rows.push(parsed);
  });
  return { rowCount: body.length, rows, invalid };
}

function columnLabel(column: 'reportDate' | 'bureau' | 'value'): string {
  return { reportDate: 'Report Date', bureau: 'Bureau', value: 'Score' }[column];
}

function parseRow(row: RawRow, reading: DateReading, order: 'DMY' | 'MDY', cell: (row: RawRow, column: Column) => string): BureauRow | { message: string } {
  const date = resolveDate(reading, order, cell(row, 'reportDate'));
  if ('reason' in date) return { message: `Report date: ${date.reason}` };
  const bureau = cell(row, 'bureau');
  if (bureau === '') return { message: 'The bureau is missing: name it, for example CIBIL, Experian, Equifax or CRIF High Mark.' };
  const valueText = cell(row, 'value');
  const value = /^\d{1,3}$/.test(valueText) ? Number(valueText) : Number.NaN;
  if (Number.isNaN(value)) return { message: `Score "${valueText}" is not a whole number.` };
  const scale = readScale(cell(row, 'scale'), value);
  if (typeof scale !== 'string') return scale;
  const identifiers = { pan: orNull(cell(row, 'pan')), gstin: orNull(cell(row, 'gstin')), code: orNull(cell(row, 'code')), name: orNull(cell(row, 'name')) };
  if (Object.values(identifiers).every((identifier) => identifier === null)) return { message: 'The row has no PAN, GSTIN, customer code or name.' };
  return { row: row.number, ...identifiers, reportDate: date.iso, bureau, scale, value };
}

/** Reads the scale column, or infers it from the value: 1-10 is a rank, 300-900 a score. */
function readScale(text: string, value: number): BureauScale | { message: string } {
  const lower = text.toLowerCase();
  let scale: BureauScale | null = null;
  if (/rank|cmr|1\s*-\s*10/.test(lower)) scale = 'rank-1-10';
  else if (/score|300|900/.test(lower)) scale = 'score-300-900';
  else if (lower !== '') return { message: `Scale "${text}" is not known: use 300-900 for a score or "rank 1-10" for a CIBIL MSME rank.` };
  else if (value >= 1 && value <= 10) scale = 'rank-1-10';
  else if (value >= 300 && value <= 900) scale = 'score-300-900';
  if (scale === 'rank-1-10' && (value < 1 || value > 10)) return { message: `Rank ${value} is outside 1-10.` };
  if (scale === 'score-300-900' && (value < 300 || value > 900)) return { message: `Score ${value} is outside 300-900.` };
  return scale ?? { message: `Score ${value} fits neither a 300-900 score nor a 1-10 rank.` };
}

function orNull(text: string): string | null {
  return text === '' ? null : text;
}
