import { fromDayNumber, toDayNumber, type IsoDate } from '../../ledger/dates';
import type { Contact, Customer } from '../../ledger/types';
import { normalizeEmail, normalizePhone } from '../../quality/identifiers';
import type { LedgerIndex } from '../index/ledger-index';
import type { FraudSettings } from '../types';
import { blankToNull } from './identity';
import type { EvidenceRecord, Indicator, IndicatorSeverity } from './indicator';

/** A change of a customer's contact or bank details, from the change log of the ledger. */
export interface ContactChange {
  readonly customerId: number;
  readonly changedOn: IsoDate;
  /** Name of the changed detail, for example "phone", "email" or "bank account". */
  readonly field?: string | null;
}

type IdentifierKind = 'gstin' | 'pan' | 'phone' | 'email';

/** Customers by normalised identifier, built once per ledger. */
export type IdentifierIndex = ReadonlyMap<string, readonly number[]>;

const sharedSeverity: Readonly<Record<IdentifierKind, IndicatorSeverity>> = { gstin: 'high', pan: 'warning', phone: 'warning', email: 'warning' };
const identifierNames: Readonly<Record<IdentifierKind, string>> = { gstin: 'GSTIN', pan: 'PAN', phone: 'Phone number', email: 'E-mail address' };
const sharedNote: Readonly<Record<IdentifierKind, string>> = {
  gstin: 'A GSTIN belongs to one registration, so this is a duplicate record or an impersonation.',
  pan: 'The customers may be branches of one business registered in several states.',
  phone: 'Unrelated businesses rarely share a phone number.',
  email: 'Unrelated businesses rarely share an e-mail address.',
};

function compact(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

/** Returns a customer's identifier keys, such as "pan:AAPFU0939F". The PAN inside a GSTIN counts when no PAN is recorded. */
export function identifierKeys(customer: Customer): string[] {
  const keys = new Set<string>();
  const gstin = blankToNull(customer.gstin);
  const pan = blankToNull(customer.pan);
  if (gstin !== null) keys.add(`gstin:${compact(gstin)}`);
  if (pan !== null) keys.add(`pan:${compact(pan)}`);
  else if (gstin !== null && compact(gstin).length === 15) keys.add(`pan:${compact(gstin).slice(2, 12)}`);
  for (const contact of customer.contacts) {
    const value = contactKey(contact);
    if (value !== null) keys.add(`${contact.kind}:${value}`);
  }
  return [...keys];
}

function contactKey(contact: Contact): string | null {
  if (contact.kind === 'email') return normalizeEmail(contact.value).value;
  // Phones are stored in E.164 form; only other forms go through the slower phone parser.
  if (/^\+\d{8,15}$/.test(contact.value)) return contact.value;
  return normalizePhone(contact.value).value;
}

export function buildIdentifierIndex(customers: readonly Customer[]): IdentifierIndex {
  const index = new Map<string, number[]>();
  for (const customer of customers) {
    for (const key of identifierKeys(customer)) {
      const owners = index.get(key);
      if (owners === undefined) index.set(key, [customer.id]);
      else owners.push(customer.id);
    }
  }
  return index;
}

/** Flags identifiers the customer shares with other customers. */
export function sharedIdentifierIndicators(customer: Customer, identifiers: IdentifierIndex): Indicator[] {
  const indicators: Indicator[] = [];
  for (const key of identifierKeys(customer)) {
    const others = (identifiers.get(key) ?? []).filter((id) => id !== customer.id);
    if (others.length === 0) continue;
    const separator = key.indexOf(':');
    const kind = key.slice(0, separator) as IdentifierKind;
    const value = key.slice(separator + 1);
    indicators.push({
      category: 'fraud', code: `shared-${kind}`, severity: sharedSeverity[kind],
      message: `${identifierNames[kind]} ${value} is also recorded for ${others.length === 1 ? 'customer' : 'customers'} ${others.join(', ')}. ${sharedNote[kind]}`,
      values: { identifier: kind, value, otherCustomers: others.length },
      records: [{ kind: 'customer', id: customer.id }, ...others.map((id): EvidenceRecord => ({ kind: 'customer', id }))],
    });
  }
  return indicators;
}

/** Median invoice amount of the ledger, from an evenly spaced sample of at most 100,001 invoices. */
export function ledgerMedianInvoice(index: LedgerIndex): number {
  const count = index.amount.length;
  if (count === 0) return 0;
  const stride = Math.max(1, Math.floor(count / 100_000));
  const sample = new Float64Array(Math.ceil(count / stride));
  for (let position = 0; position < sample.length; position++) sample[position] = index.amount[position * stride] ?? 0;
  return median(sample);
}

function median(values: Float64Array): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Flags invoices raised within the window after a contact change that are at least the large-order
 * multiple of the customer's median earlier invoice (the ledger median when it has none). Changes
 * after the as-of date are ignored.
 */
export function contactChangeIndicators(
  index: LedgerIndex,
  customer: number,
  changes: readonly ContactChange[],
  ledgerMedian: number,
  settings: FraudSettings,
): Indicator[] {
  const indicators: Indicator[] = [];
  const start = index.invoiceStart[customer] ?? 0;
  const end = index.invoiceStart[customer + 1] ?? 0;
  for (const change of changes) {
    const changeDay = toDayNumber(change.changedOn);
    if (changeDay > index.asOfDay) continue;
    const earlier: number[] = [];
    const large: number[] = [];
    for (let invoice = start; invoice < end && (index.issueDay[invoice] ?? 0) < changeDay; invoice++) earlier.push(index.amount[invoice] ?? 0);
    const baseline = earlier.length > 0 ? median(Float64Array.from(earlier)) : ledgerMedian;
    for (let invoice = start + earlier.length; invoice < end; invoice++) {
      const day = index.issueDay[invoice] ?? 0;
      if (day > changeDay + settings.contactChangeWindowDays) break;
      if ((index.amount[invoice] ?? 0) >= settings.largeOrderMultiple * baseline) large.push(invoice);
    }
    if (large.length === 0) continue;
    const largest = Math.max(...large.map((invoice) => index.amount[invoice] ?? 0));
    indicators.push({
      category: 'fraud', code: 'contact-change-before-large-order', severity: 'high',
      message: `${change.field ?? 'Contact details'} changed on ${change.changedOn}, and within ${settings.contactChangeWindowDays} days came ${large.length === 1 ? 'an order' : `${large.length} orders`} of up to ${(largest / Math.max(1, baseline)).toFixed(1)} times the ${earlier.length > 0 ? "customer's" : "ledger's"} median invoice.`,
      values: { changedOn: change.changedOn, field: change.field ?? null, baselineMinor: baseline, largestMinor: largest, baselineSource: earlier.length > 0 ? 'customer' : 'ledger' },
      records: large.map((invoice): EvidenceRecord => ({ kind: 'invoice', id: index.invoices[invoice]!.id })),
    });
  }
  return indicators;
}

/**
 * Flags a customer whose first invoice is at most `newCustomerDays` old when any of its invoices
 * is at least the new-customer multiple of the ledger's median invoice.
 */
export function newCustomerIndicators(index: LedgerIndex, customer: number, ledgerMedian: number, settings: FraudSettings): Indicator[] {
  const start = index.invoiceStart[customer] ?? 0;
  const end = index.invoiceStart[customer + 1] ?? 0;
  if (start === end || ledgerMedian <= 0) return [];
  const firstDay = index.issueDay[start] ?? 0;
  if (index.asOfDay - firstDay > settings.newCustomerDays) return [];
  const large: number[] = [];
  for (let invoice = start; invoice < end; invoice++) {
    if ((index.amount[invoice] ?? 0) >= settings.newCustomerOrderMultiple * ledgerMedian) large.push(invoice);
  }
  if (large.length === 0) return [];
  const largest = Math.max(...large.map((invoice) => index.amount[invoice] ?? 0));
  return [{
    category: 'fraud', code: 'new-customer-large-order', severity: 'warning',
    message: `New customer since ${fromDayNumber(firstDay)} with ${large.length === 1 ? 'an order' : `${large.length} orders`} of up to ${(largest / ledgerMedian).toFixed(1)} times the ledger's median invoice.`,
    values: { firstInvoiceOn: fromDayNumber(firstDay), ledgerMedianMinor: ledgerMedian, largestMinor: largest },
    records: large.map((invoice): EvidenceRecord => ({ kind: 'invoice', id: index.invoices[invoice]!.id })),
  }];
}
