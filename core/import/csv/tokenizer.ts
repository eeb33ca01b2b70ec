import { ImportError } from '../errors';
import type { ImportLimits } from '../limits';

export type RecordHandler = (fields: string[], recordNumber: number) => void;

const quote = 0x22;
const carriageReturn = 0x0d;
const lineFeed = 0x0a;

type State = 'field-start' | 'unquoted' | 'quoted' | 'quote-in-quoted';

/**
 * A streaming CSV tokenizer (RFC 4180 with lenient quoting) that accepts text in arbitrary chunks.
 * Quoted fields may contain delimiters, quotes doubled as "" and line breaks. A quote inside an
 * unquoted field, or text after a closing quote, is kept as text. Records end at LF, CRLF or CR.
 * Every record is numbered from 1, blank lines included, as a spreadsheet numbers rows.
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private state: State = 'field-start';
  private fields: string[] = [];
  private field = '';
  private recordChars = 0;
  private recordNumber = 1;
  private quoteStartRecord = 0;
  private skipLineFeed = false;

  constructor(delimiter: string, private readonly limits: Pick<ImportLimits, 'maxFieldChars' | 'maxRecordChars' | 'maxColumns'>) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, onRecord: RecordHandler): void {
    let start = 0;
    let index = 0;
    const length = text.length;

    if (this.skipLineFeed && text.charCodeAt(0) === lineFeed) {
      index = start = 1;
    }
    this.skipLineFeed = false;

    while (index < length) {
      const code = text.charCodeAt(index);
      switch (this.state) {
        case 'field-start':
          if (code === quote) {
            this.state = 'quoted';
            this.quoteStartRecord = this.recordNumber;
            start = index + 1;
          } else {
            this.state = 'unquoted';
            start = index;
            continue;
          }
          break;

        case 'unquoted':
          if (code === this.delimiter) {
            this.appendField(text.slice(start, index));
            this.endField();
            this.state = 'field-start';
          } else if (code === lineFeed || code === carriageReturn) {
            this.appendField(text.slice(start, index));
            this.endRecord(onRecord);
            if (code === carriageReturn) {
              if (index + 1 === length) this.skipLineFeed = true;
              else if (text.charCodeAt(index + 1) === lineFeed) index++;
            }
          }
          break;

        case 'quoted': {
          const closing = text.indexOf('"', index);
          if (closing === -1) {
            this.appendField(text.slice(index));
            index = length;
            continue;
          }
          this.appendField(text.slice(index, closing));
          this.state = 'quote-in-quoted';
          index = closing;
          break;
        }

        case 'quote-in-quoted':
          if (code === quote) {
            this.appendField('"');
            this.state = 'quoted';
          } else {
            this.state = 'unquoted';
            start = index;
            continue;
          }
          break;
      }
      index++;
    }

    if (this.state === 'unquoted') this.appendField(text.slice(start, length));
  }

  /** Ends the input. Throws `TRUNCATED_FILE` when a quoted field is still open. */
  end(onRecord: RecordHandler): void {
    if (this.state === 'quoted') {
      throw new ImportError(
        'TRUNCATED_FILE',
        `A quoted field that starts on row ${this.quoteStartRecord} is never closed, so the file is cut off or has a stray quote: fix that row and import again.`,
        { row: this.quoteStartRecord },
      );
    }
    if (this.state !== 'field-start' || this.fields.length > 0) this.endRecord(onRecord);
  }

  private appendField(part: string): void {
    if (part === '') return;
    this.field += part;
    this.recordChars += part.length;
    if (this.field.length > this.limits.maxFieldChars) {
      const inQuotes = this.state === 'quoted' || this.state === 'quote-in-quoted';
      const where = inQuotes ? `a quoted field that starts on row ${this.quoteStartRecord}` : `a field on row ${this.recordNumber}`;
      const hint = inQuotes ? ' A quote that is never closed causes this.' : '';
      throw new ImportError(
        'FIELD_TOO_LARGE',
        `The file has ${where} longer than ${this.limits.maxFieldChars} characters, which is not a ledger value.${hint} Check the delimiter and quoting.`,
        { row: inQuotes ? this.quoteStartRecord : this.recordNumber },
      );
    }
    if (this.recordChars > this.limits.maxRecordChars) {
      throw new ImportError(
        'FIELD_TOO_LARGE',
        `Row ${this.recordNumber} is longer than ${this.limits.maxRecordChars} characters, so it is not a ledger row: check that the file is a CSV export with line breaks.`,
        { row: this.recordNumber },
      );
    }
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    if (this.fields.length > this.limits.maxColumns) {
      throw new ImportError(
        'TOO_MANY_COLUMNS',
        `Row ${this.recordNumber} has more than ${this.limits.maxColumns} columns: check the delimiter, or remove the extra columns.`,
        { row: this.recordNumber },
      );
    }
  }

  private endRecord(onRecord: RecordHandler): void {
    this.endField();
    const fields = this.fields;
    const recordNumber = this.recordNumber;
    this.fields = [];
    this.recordChars = 0;
    this.recordNumber++;
    this.state = 'field-start';
    onRecord(fields, recordNumber);
  }
}
