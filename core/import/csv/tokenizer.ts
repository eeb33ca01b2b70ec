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
    let index = 0;
    if (this.skipLineFeed && text.charCodeAt(0) === lineFeed) index = 1;
    this.skipLineFeed = false;

    while (index < text.length) {
      switch (this.state) {
        case 'field-start':
          index = this.startField(text, index);
          break;
        case 'unquoted':
          index = this.scanUnquoted(text, index, onRecord);
          break;
        case 'quoted':
          index = this.scanQuoted(text, index);
          break;
        case 'quote-in-quoted':
          index = this.afterQuote(text, index);
          break;
      }
    }
  }

  private startField(text: string, index: number): number {
    if (text.charCodeAt(index) !== quote) {
      this.state = 'unquoted';
      return index;
    }
    this.state = 'quoted';
    this.quoteStartRecord = this.recordNumber;
    return index + 1;
  }

  /** Reads up to the next delimiter or line break; returns where reading continues. */
  private scanUnquoted(text: string, start: number, onRecord: RecordHandler): number {
    for (let index = start; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === this.delimiter) {
        this.appendField(text.slice(start, index));
        this.endField();
        this.state = 'field-start';
        return index + 1;
      }
      if (code === lineFeed || code === carriageReturn) {
        this.appendField(text.slice(start, index));
        this.endRecord(onRecord);
        if (code === carriageReturn) {
          if (index + 1 === text.length) this.skipLineFeed = true;
          else if (text.charCodeAt(index + 1) === lineFeed) return index + 2;
        }
        return index + 1;
      }
    }
    this.appendField(text.slice(start));
    return text.length;
  }

  private scanQuoted(text: string, start: number): number {
    const closing = text.indexOf('"', start);
    if (closing === -1) {
      this.appendField(text.slice(start));
      return text.length;
    }
    this.appendField(text.slice(start, closing));
    this.state = 'quote-in-quoted';
    return closing + 1;
  }

  /** After a quote inside a quoted field: "" is a literal quote, anything else ends the quoting. */
  private afterQuote(text: string, index: number): number {
    if (text.charCodeAt(index) === quote) {
      this.appendField('"');
      this.state = 'quoted';
      return index + 1;
    }
    this.state = 'unquoted';
    return index;
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
