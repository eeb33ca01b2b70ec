import { formatDateIndian, type IsoDate } from '../ledger/dates';
import type { Dispute, Invoice, PromiseToPay } from '../ledger/types';
import type { Channel, SkipReason } from './types';

const channelNames: Record<Channel, string> = { email: 'e-mail', whatsapp: 'WhatsApp', sms: 'SMS' };

/** Details a skip sentence may need beyond the invoice. */
export interface SkipDetails {
  readonly channel?: Channel;
  readonly dispute?: Dispute;
  readonly promise?: PromiseToPay;
  readonly stepDate?: IsoDate;
  readonly maxCatchUpDays?: number;
}

/** Writes the plain sentence shown to the user for a skipped reminder. */
export function skipMessage(reason: SkipReason, invoice: Invoice, details: SkipDetails = {}): string {
  const subject = `Invoice ${invoice.invoiceNumber}`;
  const object = `invoice ${invoice.invoiceNumber}`;
  const channel = details.channel === undefined ? 'any channel' : channelNames[details.channel];
  switch (reason) {
    case 'paid':
      return `${subject} is paid in full, so no reminder is sent.`;
    case 'disputed':
      return `${subject} has a dispute open since ${details.dispute ? formatDateIndian(details.dispute.openedOn) : 'an earlier date'}, so reminders pause until it is resolved.`;
    case 'promise-to-pay':
      return `${subject} is covered by a promise to pay by ${details.promise ? formatDateIndian(details.promise.promisedDate) : 'a later date'}, so reminders pause until then.`;
    case 'consent-withdrawn':
      return `The customer has withdrawn consent to payment reminders by ${channel}, so none is sent for ${object}.`;
    case 'consent-missing':
      return `No consent to payment reminders by ${channel} is recorded for this customer, and the settings require one, so none is sent for ${object}.`;
    case 'no-address':
      return details.channel === 'email'
        ? `The customer has no e-mail address, so the e-mail reminder for ${object} is skipped.`
        : `The customer has no phone number, so the ${channel} reminder for ${object} is skipped.`;
    case 'manual':
      return `The customer is set to manual reminders, so nothing is sent automatically for ${object}.`;
    case 'catch-up-expired': {
      const fellDue = details.stepDate === undefined ? 'fell due' : `fell due on ${formatDateIndian(details.stepDate)}`;
      return `The reminder for ${object} ${fellDue}, more than ${details.maxCatchUpDays ?? 'the allowed number of'} days ago, so it is not sent late.`;
    }
    case 'customer-not-found':
      return `${subject} belongs to customer ${invoice.customerId}, who is not in the ledger, so no reminder is sent.`;
  }
}
