import { addDays, type IsoDate } from '../../ledger';
import { readCreditPeriod } from '../build/terms';
import { readAmount } from '../values/amounts';
import { parseDateWithOrder } from '../values/dates';
import { child, type TallyElement } from './element';

/** A bill's credit period: a number of days after the bill date, or a fixed due date. */
export type CreditPeriod = { readonly days: number } | { readonly dueDate: IsoDate };

/**
 * Reads BILLCREDITPERIOD, whose P attribute or text is "60 Days" or a due date such as
 * "15-Apr-2024". Returns null when absent or unreadable.
 */
export function readBillCreditPeriod(element: TallyElement | undefined): CreditPeriod | null {
  if (element === undefined) return null;
  const text = (element.attributes.P ?? element.text).trim();
  if (text === '') return null;
  const days = readCreditPeriod(text);
  if (days !== null) return { days };
  const dueDate = parseDateWithOrder(text, 'DMY');
  return dueDate === null ? null : { dueDate };
}

export function creditPeriodDueDate(period: CreditPeriod, billDate: IsoDate): IsoDate {
  return 'days' in period ? addDays(billDate, period.days) : period.dueDate;
}

/**
 * Reads a Tally amount in minor units of the base currency. Tally writes debits as negative
 * numbers. A foreign-currency amount ("-$100.00 @ ₹ 83.00/$ = -₹ 8300.00") is read after its
 * last "=", which is the base-currency value. Returns null when unreadable.
 */
export function readTallyAmount(text: string | null, baseCurrency: string): number | null {
  if (text === null) return null;
  const equals = text.lastIndexOf('=');
  const base = equals === -1 ? text : text.slice(equals + 1);
  const reading = readAmount(base, { defaultCurrency: baseCurrency });
  if (reading.kind !== 'amount') return null;
  return reading.minor;
}

/** Reads YYYYMMDD dates such as 20250308. */
export function readTallyDate(text: string | null): IsoDate | null {
  return text === null ? null : parseDateWithOrder(text, 'DMY');
}

export function isYes(element: TallyElement, name: string): boolean {
  return child(element, name)?.text.trim().toLowerCase() === 'yes';
}
