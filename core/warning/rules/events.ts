import { promiseOutcomes } from '../../scoring/analytics/promises';
import { NEVER } from '../../scoring/index/days';
import { eventFinding, invoiceEvidence, wholeMinor, type CustomerView } from '../customer-view';
import type { Finding } from '../types';

/** Flags a promise to pay whose date passed uncovered, dated the day after the promised date. */
export function brokenPromises(view: CustomerView, out: Finding[]): void {
  if (!view.settings.rules['promise-broken'].enabled) return;
  const { index, customer } = view;
  if (index.promiseStart[customer] === index.promiseStart[customer + 1]) return;
  const outcomes = promiseOutcomes(index, customer);
  for (let position = 0; position < outcomes.length; position++) {
    const outcome = outcomes[position]!;
    if (outcome.status !== 'broken') continue;
    const promise = (index.promiseStart[customer] ?? 0) + position;
    const record = index.promises[promise]!;
    const invoice = index.promiseInvoice[promise] ?? -1;
    const finding = eventFinding(view, outcome.brokenDay, {
      rule: 'promise-broken',
      subject: `promise:${record.id}`,
      severity: 'high',
      message: `A promise made on ${record.madeOn} to pay by ${record.promisedDate} was broken: ${Math.round((100 * outcome.receivedMinor) / Math.max(1, index.promiseAmount[promise] ?? 0))}% of it arrived.`,
      evidence: {
        invoices: invoice >= 0 ? [invoiceEvidence(index, invoice)] : [],
        paymentIds: [],
        values: { promiseId: record.id, promisedDate: record.promisedDate, promisedMinor: wholeMinor(index.promiseAmount[promise] ?? 0), receivedMinor: wholeMinor(outcome.receivedMinor) },
      },
    });
    if (finding !== null) out.push(finding);
  }
}

/** Flags a dispute opened on one of the customer's invoices, dated the day it was opened. */
export function newDisputes(view: CustomerView, out: Finding[]): void {
  if (!view.settings.rules['dispute-opened'].enabled) return;
  const { index, customer } = view;
  for (let dispute = index.disputeStart[customer] ?? 0; dispute < (index.disputeStart[customer + 1] ?? 0); dispute++) {
    const invoice = index.disputeInvoice[dispute] ?? 0;
    const resolved = index.disputeResolvedDay[dispute] !== NEVER;
    const finding = eventFinding(view, index.disputeOpenedDay[dispute] ?? 0, {
      rule: 'dispute-opened',
      subject: `dispute:${index.disputes[dispute]!.id}`,
      severity: 'warning',
      message: `A dispute was opened on invoice ${index.invoices[invoice]!.invoiceNumber}${resolved ? ` and resolved on ${index.disputes[dispute]!.resolvedOn ?? ''}` : ''}.`,
      evidence: { invoices: [invoiceEvidence(index, invoice)], paymentIds: [], values: { disputeId: index.disputes[dispute]!.id, balanceMinor: wholeMinor(index.balance[invoice] ?? 0), resolved } },
    });
    if (finding !== null) out.push(finding);
  }
}

/** Flags a payment reversed or a cheque bounced, dated the day of the reversal. */
export function reversedPayments(view: CustomerView, out: Finding[]): void {
  if (!view.settings.rules['payment-reversed'].enabled) return;
  const { index, customer } = view;
  for (let payment = index.paymentStart[customer] ?? 0; payment < (index.paymentStart[customer + 1] ?? 0); payment++) {
    const reversedDay = index.paymentReversedDay[payment] ?? NEVER;
    if (reversedDay === NEVER) continue;
    const record = index.payments[payment]!;
    const finding = eventFinding(view, reversedDay, {
      rule: 'payment-reversed',
      subject: `payment:${record.id}`,
      severity: 'high',
      message: `A payment of ${record.paymentDate}${record.reference === null ? '' : ` (reference ${record.reference})`} was reversed or bounced.`,
      evidence: { invoices: reversedInvoices(view, payment), paymentIds: [record.id], values: { amountMinor: wholeMinor(index.paymentAmount[payment] ?? 0), paymentDate: record.paymentDate } },
    });
    if (finding !== null) out.push(finding);
  }
}

/** Invoices the reversed payment had settled, found through its negative settlement events. */
function reversedInvoices(view: CustomerView, payment: number) {
  const { index, customer } = view;
  const invoices = [];
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) {
    for (let event = index.eventStart[invoice] ?? 0; event < (index.eventStart[invoice + 1] ?? 0); event++) {
      if (index.eventPayment[event] === payment && (index.eventAmount[event] ?? 0) < 0) {
        invoices.push(invoiceEvidence(index, invoice));
        break;
      }
    }
  }
  return invoices;
}
