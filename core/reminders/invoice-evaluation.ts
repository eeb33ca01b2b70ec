import { daysBetween, type IsoDate } from '../ledger/dates';
import type { Customer, Dispute, Invoice, PromiseToPay } from '../ledger/types';
import { findCoveringPromise, findOpenDispute, recipientsFor } from './eligibility';
import { lateFeeFor, type LateFee } from './late-fees/late-fee';
import { latestOccurrence, type CustomerProfile } from './schedules';
import type { ReminderSettings } from './settings';
import { skipMessage, type SkipDetails } from './skip-messages';
import { reminderKey, type Channel, type ConsentLookup, type Recipient, type SkipReason, type SkipRecord, type StepOccurrence } from './types';

/** One invoice's reminder step on one channel that passed every check. */
export interface DueItem {
  readonly invoice: Invoice;
  readonly occurrence: StepOccurrence;
  readonly channel: Channel;
  readonly idempotencyKey: string;
  readonly balanceMinor: number;
  readonly lateFee: LateFee | null;
  readonly recipients: readonly Recipient[];
}

export interface InvoiceEvaluation {
  readonly items: readonly DueItem[];
  readonly skips: readonly SkipRecord[];
}

/** Inputs for evaluating one customer's invoices, drawn from the plan input. */
export interface EvaluationContext {
  readonly settings: ReminderSettings;
  readonly sentKeys: ReadonlySet<string>;
  readonly disputesByInvoice: ReadonlyMap<number, readonly Dispute[]>;
  readonly customerPromises: readonly PromiseToPay[];
  readonly consent: ConsentLookup;
  readonly today: IsoDate;
  readonly balances: ReadonlyMap<number, number>;
  /** The customer's open balance by currency, for promises made for no particular invoice. */
  readonly customerOpenByCurrency: ReadonlyMap<string, number>;
}

const nothing: InvoiceEvaluation = { items: [], skips: [] };

/**
 * Decides what one invoice needs now: nothing (no step reached, or the step already sent on
 * every channel), skips with reasons, or due items per channel. Checks run in a fixed order:
 * paid, catch-up window, manual customer, dispute, promise to pay, then per channel consent and
 * address. A paid invoice whose step is past the catch-up window yields nothing, so old paid
 * invoices do not fill the skip list.
 */
export function evaluateInvoice(context: EvaluationContext, profile: CustomerProfile, customer: Customer, invoice: Invoice): InvoiceEvaluation {
  const { settings, today } = context;
  const occurrence = latestOccurrence(profile.schedule, invoice.dueDate, today);
  if (occurrence === null) return nothing;
  const pending = occurrence.channels.filter((channel) => !context.sentKeys.has(reminderKey(invoice.id, occurrence.stepId, occurrence.repeatIndex, channel)));
  if (pending.length === 0) return nothing;

  const skip = (reason: SkipReason, details: SkipDetails = {}): InvoiceEvaluation => ({ items: [], skips: [skipRecord(invoice, occurrence, reason, details)] });
  const balanceMinor = context.balances.get(invoice.id) ?? invoice.amountMinor;
  const maxCatchUpDays = settings.maxCatchUpDays;
  const stale = maxCatchUpDays !== null && daysBetween(occurrence.date, today) > maxCatchUpDays;

  if (balanceMinor <= 0) return stale ? nothing : skip('paid');
  if (stale) return skip('catch-up-expired', { stepDate: occurrence.date, maxCatchUpDays });
  if (profile.manual) return skip('manual');
  const dispute = findOpenDispute(context.disputesByInvoice.get(invoice.id) ?? [], today);
  if (dispute !== null) return skip('disputed', { dispute });
  const customerOpen = context.customerOpenByCurrency.get(invoice.currency) ?? balanceMinor;
  const promise = findCoveringPromise(invoice, balanceMinor, context.customerPromises, customerOpen, today);
  if (promise !== null) return skip('promise-to-pay', { promise });

  const items: DueItem[] = [];
  const skips: SkipRecord[] = [];
  const lateFee = lateFeeFor(settings.lateFee, invoice, balanceMinor, today);
  for (const channel of pending) {
    const consent = context.consent(customer.id, channel);
    const recipients = recipientsFor(customer, channel);
    let reason: SkipReason | null = null;
    if (consent === false) reason = 'consent-withdrawn';
    else if (consent === undefined && settings.consentRequired) reason = 'consent-missing';
    else if (recipients.length === 0) reason = 'no-address';

    if (reason !== null) skips.push({ ...skipRecord(invoice, occurrence, reason, { channel }), channel });
    else items.push({ invoice, occurrence, channel, idempotencyKey: reminderKey(invoice.id, occurrence.stepId, occurrence.repeatIndex, channel), balanceMinor, lateFee, recipients });
  }
  return { items, skips };
}

function skipRecord(invoice: Invoice, occurrence: StepOccurrence, reason: SkipReason, details: SkipDetails): SkipRecord {
  return {
    status: 'skipped',
    customerId: invoice.customerId,
    invoiceId: invoice.id,
    stepId: occurrence.stepId,
    repeatIndex: occurrence.repeatIndex,
    channel: null,
    reason,
    message: skipMessage(reason, invoice, details),
  };
}
