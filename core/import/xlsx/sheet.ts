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

/** Collects the rows of a worksheet from its XML events. */
class SheetRowParser {
  rows: RawRow[] = [];
  private rowNumber = 0;
  private rowCount = 0;
  private cells: string[] = [];
  private cell: CellState | null = null;
  private textTarget: 'value' | 'inline' | null = null;

  constructor(private readonly context: SheetContext) {}

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (name === 'row') {
      this.rowNumber = attributes.r === undefined ? this.rowNumber + 1 : Number(attributes.r);
      this.cells = [];
    } else if (name === 'c') {
      const column = attributes.r === undefined ? this.cells.length : columnIndex(attributes.r);
      if (column >= this.context.limits.maxColumns) {
        throw new ImportError('TOO_MANY_COLUMNS', `Row ${this.rowNumber} of the sheet has more than ${this.context.limits.maxColumns} columns: remove the extra columns.`);
      }
      this.cell = { column, type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: '', inlineText: '' };
    } else if (this.cell !== null && (name === 'v' || name === 't')) {
      this.textTarget = name === 'v' ? 'value' : 'inline';
    }
  }

  text(text: string): void {
    const cell = this.cell;
    if (cell === null || this.textTarget === null) return;
    if (this.textTarget === 'value') cell.value += text;
    else cell.inlineText += text;
    if (cell.value.length + cell.inlineText.length > this.context.limits.maxFieldChars) {
      throw new ImportError('FIELD_TOO_LARGE', `A cell on row ${this.rowNumber} is longer than ${this.context.limits.maxFieldChars} characters, which is not a ledger value.`);
    }
  }

  close(name: string): void {
    if (name === 'v' || name === 't') {
      this.textTarget = null;
    } else if (name === 'c' && this.cell !== null) {
      while (this.cells.length < this.cell.column) this.cells.push('');
      this.cells[this.cell.column] = cellText(this.cell, this.context);
      this.cell = null;
    } else if (name === 'row') {
      this.rowCount++;
      if (this.rowCount > this.context.limits.maxRows) {
        throw new ImportError('TOO_MANY_ROWS', `The sheet has more than ${this.context.limits.maxRows} rows: split it into smaller files.`);
      }
      this.rows.push({ number: this.rowNumber, cells: this.cells });
    }
  }
}

/**
 * Streams the rows of one worksheet in batches. Cached formula results are read and formulas are
 * ignored. Rows Excel leaves out (empty rows) do not appear, so row numbers can skip.
 */
export function* readSheetRows(archive: Archive, entry: ZipEntry, context: SheetContext, batchRows: number): Generator<RawRow[]> {
  const parser = new SheetRowParser(context);
  const handlers = {
    open: (name: string, attributes: Readonly<Record<string, string>>) => parser.open(name, attributes),
    text: (text: string) => parser.text(text),
    close: (name: string) => parser.close(name),
  };
  for (const _ of streamXmlEntry(archive, entry, handlers)) {
    if (parser.rows.length >= batchRows) {
      yield parser.rows;
      parser.rows = [];
    }
  }
  if (parser.rows.length > 0) yield parser.rows;
}
