import { ImportError } from '../errors';
import type { ImportLimits } from '../limits';
import type { RawRow } from '../tabular/raw-row';
import { excelSerialToIso } from '../values/dates';
import { streamXmlEntry, type Archive } from './entries';
import { excelNumberText } from './numbers';
import type { ZipEntry } from './zip';

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: ImportLimits;
}

/** Decodes the `_xHHHH_` escapes Excel writes for control characters in text. */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Converts a column reference such as "B12" or "AA3" to a 0-based column index. */
export function columnIndex(reference: string): number {
  let index = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  inlineText: string;
}

function cellText(cell: CellState, context: SheetContext): string {
  switch (cell.type) {
    case 's':
      return decodeExcelEscapes(context.sharedStrings[Number(cell.value)] ?? '');
    case 'inlineStr':
      return decodeExcelEscapes(cell.inlineText);
    case 'str':
    case 'e':
      return decodeExcelEscapes(cell.value);
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return cell.value;
    default:
      if (cell.value === '') return '';
      if (context.dateStyles[cell.style] === true) {
        return excelSerialToIso(Number(cell.value), context.date1904) ?? excelNumberText(cell.value);
      }
      return excelNumberText(cell.value);
  }
}

/**
 * Streams the rows of one worksheet in batches. Cached formula results are read and formulas are
 * ignored. Rows Excel leaves out (empty rows) do not appear, so row numbers can skip.
 */
export function* readSheetRows(archive: Archive, entry: ZipEntry, context: SheetContext, batchRows: number): Generator<RawRow[]> {
  let batch: RawRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: CellState | null = null;
  let textTarget: 'value' | 'inline' | null = null;
  let rowCount = 0;
  const { maxColumns, maxFieldChars, maxRows } = context.limits;

  const handlers = {
    open: (name: string, attributes: Readonly<Record<string, string>>) => {
      if (name === 'row') {
        rowNumber = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
        cells = [];
      } else if (name === 'c') {
        const column = attributes.r === undefined ? cells.length : columnIndex(attributes.r);
        if (column >= maxColumns) {
          throw new ImportError('TOO_MANY_COLUMNS', `Row ${rowNumber} of the sheet has more than ${maxColumns} columns: remove the extra columns.`);
        }
        cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '', inlineText: '' };
      } else if (name === 'v' && cell !== null) textTarget = 'value';
      else if (name === 't' && cell !== null) textTarget = 'inline';
    },
    text: (text: string) => {
      if (cell === null || textTarget === null) return;
      if (textTarget === 'value') cell.value += text;
      else cell.inlineText += text;
      if (cell.value.length + cell.inlineText.length > maxFieldChars) {
        throw new ImportError('FIELD_TOO_LARGE', `A cell on row ${rowNumber} is longer than ${maxFieldChars} characters, which is not a ledger value.`);
      }
    },
    close: (name: string) => {
      if (name === 'v' || name === 't') textTarget = null;
      else if (name === 'c' && cell !== null) {
        const text = cellText(cell, context);
        while (cells.length < cell.column) cells.push('');
        cells[cell.column] = text;
        cell = null;
      } else if (name === 'row') {
        rowCount++;
        if (rowCount > maxRows) throw new ImportError('TOO_MANY_ROWS', `The sheet has more than ${maxRows} rows: split it into smaller files.`);
        batch.push({ number: rowNumber, cells });
      }
    },
  };

  for (const _ of streamXmlEntry(archive, entry, handlers)) {
    if (batch.length >= batchRows) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
