import type { ImportLayout } from '../mapping/mapping';
import { readAmount } from '../values/amounts';
import { readDate } from '../values/dates';
import { cleanCell } from '../values/text';
import type { ColumnSet } from './columns';
import type { RawRow } from './raw-row';

/**
 * Kind of a sheet row:
 * - `data`: a record;
 * - `party`: a customer name over the bill rows below it (outstanding reports);
 * - `on-account`: an "On Account" line with the party's unallocated balance;
 * - `total`: a totals or subtotal line;
 * - `section`: another layout line, such as an ageing heading ("1 - 30 days past due");
 * - `blank`.
 */
export type RowKind =
  | { readonly kind: 'data' }
  | { readonly kind: 'party'; readonly name: string }
  | { readonly kind: 'on-account' }
  | { readonly kind: 'total' }
  | { readonly kind: 'section' }
  | { readonly kind: 'blank' };

const totalPattern = /^(grand\s+|sub[-\s]?)?totals?\b|^total\s+for\b/i;
const onAccountPattern = /^on\s*account$/i;

function isAmountText(text: string): boolean {
  return readAmount(text, { defaultCurrency: 'INR' }).kind === 'amount';
}

export function classifyRow(row: RawRow, columns: ColumnSet, layout: ImportLayout): RowKind {
  const cells = row.cells.map(cleanCell);
  const nonEmpty = cells.filter((cell) => cell !== '');
  if (nonEmpty.length === 0) return { kind: 'blank' };

  const dateField = layout === 'payments' ? 'paymentDate' : 'issueDate';
  const dateText = cleanCell(columns.raw(row.cells, dateField));
  const hasDate = dateText !== '' && readDate(dateText).kind !== 'invalid';
  const numberText = cleanCell(columns.raw(row.cells, 'invoiceNumber'));

  const totalCell = nonEmpty.find((cell) => totalPattern.test(cell));
  if (totalCell !== undefined && !hasDate && (numberText === '' || numberText === totalCell)) return { kind: 'total' };
  if (layout !== 'open-items') return { kind: 'data' };

  if (nonEmpty.some((cell) => onAccountPattern.test(cell))) return { kind: 'on-account' };
  if (!hasDate && numberText === '') {
    const name = nonEmpty.find((cell) => !isAmountText(cell));
    const customerCell = cleanCell(columns.raw(row.cells, 'customerName'));
    if (columns.has('customerName') && customerCell === '') return { kind: 'section' };
    if (!columns.has('customerName') && name !== undefined) return { kind: 'party', name };
    return { kind: 'section' };
  }
  return { kind: 'data' };
}
