import type { CurrencyCode, IsoDate } from '../../ledger';
import type { DraftCollector } from '../build/collector';
import type { ImportField, ImportMapping } from '../mapping/mapping';
import type { RawRow } from './raw-row';
import { readAmount } from '../values/amounts';
import { readCurrencyCode } from '../values/currency-symbols';
import { readDate, resolveDate } from '../values/dates';
import { cleanCell, isFormulaLike } from '../values/text';
import type { ColumnSet } from './columns';
import type { DateColumns } from './date-columns';

export interface AmountValue {
  readonly minor: number;
  readonly currency: CurrencyCode;
  readonly currencyWritten: boolean;
}

/** Shared state of the row readers: mapping, columns, date orders and the collector. */
export interface TableContext {
  readonly mapping: ImportMapping;
  readonly columns: ColumnSet;
  readonly dates: DateColumns;
  readonly collector: DraftCollector;
}

/**
 * Reads the mapped cells of one row. Each read that fails reports an error naming the row,
 * column and value, and marks the row as failed so the caller leaves it out.
 */
export class RowCells {
  failed = false;

  constructor(
    readonly row: RawRow,
    private readonly context: TableContext,
  ) {}

  get number(): number {
    return this.row.number;
  }

  has(field: ImportField): boolean {
    return this.context.columns.has(field);
  }

  raw(field: ImportField): string {
    return cleanCell(this.context.columns.raw(this.row.cells, field));
  }

  /** Reports an error (the row is left out) or a warning on a field of this row. */
  report(field: ImportField | null, code: string, reason: string, severity: 'error' | 'warning' = 'error'): void {
    if (severity === 'error') this.failed = true;
    const column = field === null ? null : this.context.columns.header(field);
    const value = field === null ? null : this.raw(field);
    this.context.collector.problem({ row: this.row.number, column, value, code, severity, reason });
  }

  /** Returns a text cell, or null when empty. Text a spreadsheet would run as a formula is kept and flagged. */
  text(field: ImportField): string | null {
    const value = this.raw(field);
    if (value === '') return null;
    if (isFormulaLike(value)) {
      this.report(field, 'formula-like', `"${value}" starts like a spreadsheet formula; it was kept as text and is escaped when exported.`, 'warning');
    }
    return value;
  }

  /** Returns a date, or null when the cell is empty or invalid (reported). */
  date(field: ImportField, label: string): IsoDate | null {
    const header = this.context.columns.header(field);
    const text = this.raw(field);
    if (header === null || text === '') return null;
    const result = resolveDate(readDate(text), this.context.dates.orderFor(header), text);
    if ('iso' in result) return result.iso;
    this.report(field, 'invalid-date', `${label} ${result.reason}`);
    return null;
  }

  /**
   * Returns an amount, or null when the cell is empty or invalid (reported). Amounts without a
   * symbol or code are in the row's currency column, else the mapping's default currency.
   */
  amount(field: ImportField, label: string): AmountValue | null {
    const text = this.raw(field);
    const mapping = this.context.mapping;
    const rowCurrency = this.has('currency') ? readCurrencyCode(this.raw('currency'), mapping.defaultCurrency) : null;
    const reading = readAmount(text, { defaultCurrency: rowCurrency ?? mapping.defaultCurrency, decimalSeparator: mapping.decimalSeparator });
    if (reading.kind === 'empty') return null;
    if (reading.kind === 'invalid') {
      this.report(field, reading.code, `${label} ${reading.reason}`);
      return null;
    }
    if (reading.rounded) {
      this.report(field, 'amount-rounded', `${label} "${text}" has more decimals than ${reading.currency} allows and was rounded.`, 'warning');
    }
    return reading;
  }

  /** Returns a whole number such as a day count, or null when empty or invalid (reported). */
  integer(field: ImportField, label: string): number | null {
    const text = this.raw(field).replace(/\s*days?$/i, '');
    if (text === '') return null;
    if (!/^-?\d{1,6}(\.0+)?$/.test(text)) {
      this.report(field, 'invalid-number', `${label} "${this.raw(field)}" is not a whole number of days.`);
      return null;
    }
    return Number.parseInt(text, 10);
  }

  /** Returns the currency column's code, or the fallback when the column is absent or empty. */
  currency(fallback: CurrencyCode): CurrencyCode | null {
    if (!this.has('currency')) return fallback;
    const text = this.raw('currency');
    if (text === '') return fallback;
    const code = readCurrencyCode(text, this.context.mapping.defaultCurrency);
    if (code === null) this.report('currency', 'unknown-currency', `Currency "${text}" is not a known ISO 4217 code such as INR or USD.`);
    return code;
  }

  /** Reads yes/no text: yes, y, true, 1, disputed. */
  flag(field: ImportField): boolean {
    return /^(yes|y|true|1|disputed|x)$/i.test(this.raw(field));
  }
}
