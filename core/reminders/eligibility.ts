import type { IsoDate } from '../ledger/dates';
import type { Customer, Dispute, Invoice, PromiseToPay } from '../ledger/types';
import type { Channel, ConsentLookup, Recipient, ReminderConsent } from './types';

/** Returns whether a dispute on the invoice is open at the end of `today`. */
export function findOpenDispute(disputes: readonly Dispute[], today: IsoDate): Dispute | null {
  return disputes.find((dispute) => dispute.openedOn <= today && (dispute.resolvedOn === null || dispute.resolvedOn > today)) ?? null;
}

/** Returns whether a promise is still open. It runs to the end of its promised date, and reminders resume after that. */
function isUnexpired(promise: PromiseToPay, today: IsoDate): boolean {
  return promise.madeOn <= today && promise.promisedDate >= today;
}

/**
 * Finds the promise to pay that covers an invoice today, or null. Unexpired promises made for
 * the invoice cover it when together they reach its balance, and the one with the latest date is
 * returned. A promise for no particular invoice covers each open invoice of the customer when it
 * reaches the customer's whole open balance in that currency.
 */
export function findCoveringPromise(
  invoice: Invoice,
  balanceMinor: number,
  customerPromises: readonly PromiseToPay[],
  customerOpenMinor: number,
  today: IsoDate,
): PromiseToPay | null {
  const live = customerPromises.filter((promise) => promise.currency === invoice.currency && isUnexpired(promise, today));
  const forInvoice = live.filter((promise) => promise.invoiceId === invoice.id);
  const promisedForInvoice = forInvoice.reduce((sum, promise) => sum + promise.amountMinor, 0);
  if (forInvoice.length > 0 && promisedForInvoice >= balanceMinor) {
    return forInvoice.reduce((latest, promise) => (promise.promisedDate > latest.promisedDate ? promise : latest));
  }
  return live.find((promise) => promise.invoiceId === null && promise.amountMinor >= customerOpenMinor) ?? null;
}

/** Builds a lookup over consent records in which a later record replaces an earlier one of the same scope. */
export function createConsentLookup(records: readonly ReminderConsent[]): ConsentLookup {
  const customerWide = new Map<number, boolean>();
  const byChannel = new Map<string, boolean>();
  for (const record of records) {
    if (record.channel === undefined) customerWide.set(record.customerId, record.granted);
    else byChannel.set(`${record.customerId}:${record.channel}`, record.granted);
  }
  return (customerId, channel) => byChannel.get(`${customerId}:${channel}`) ?? customerWide.get(customerId);
}

/** An E.164 phone number: +, a country code and up to 15 digits in all. */
const e164Pattern = /^\+[1-9][0-9]{7,14}$/;

/**
 * Returns the addresses a channel reaches: every e-mail address for e-mail, and the first phone
 * number in E.164 form for WhatsApp and SMS, so a customer gets one chat message, not one per
 * number. A phone number in another form cannot make a wa.me link, so it is passed over.
 */
export function recipientsFor(customer: Customer, channel: Channel): Recipient[] {
  if (channel === 'email') {
    return customer.contacts.filter((contact) => contact.kind === 'email').map((contact) => ({ address: contact.value, name: contact.name }));
  }
  const phone = customer.contacts.find((contact) => contact.kind === 'phone' && e164Pattern.test(contact.value));
  return phone === undefined ? [] : [{ address: phone.value, name: phone.name }];
}
