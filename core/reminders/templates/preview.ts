import { addDays, type IsoDate } from '../../ledger/dates';
import type { Customer, Invoice } from '../../ledger/types';
import { lateFeeFor } from '../late-fees/late-fee';
import type { ReminderSettings } from '../settings';
import type { Channel } from '../types';
import { composeMessage, type ComposedMessage } from './compose';
import { resolveLanguagePacks } from './packs';
import { sumByCurrency, type MessageContext, type MessageInvoice } from './values';

export interface PreviewRequest {
  readonly language: string;
  readonly templateId: string;
  readonly channel: Channel;
  /** Date the preview is shown for, around which the sample invoices fall due. */
  readonly today: IsoDate;
  /** Invoices to preview with, or sample data when left out. */
  readonly customer?: Customer;
  readonly invoices?: readonly { readonly invoice: Invoice; readonly balanceMinor: number }[];
}

const sampleCustomer: Customer = {
  id: 0,
  externalRef: null,
  name: 'Sharma Traders',
  gstin: '27AAPFS1234K1Z5',
  pan: null,
  cin: null,
  address: null,
  segment: null,
  creditLimitMinor: null,
  creditLimitCurrency: null,
  paymentTermsDays: 30,
  contacts: [{ kind: 'email', value: 'accounts@sharmatraders.example', name: 'Rakesh Sharma' }],
};

function sampleInvoices(today: IsoDate): { invoice: Invoice; balanceMinor: number }[] {
  const invoice = (id: number, number: string, dueOffset: number, amountMinor: number, balanceMinor: number) => ({
    invoice: {
      id,
      customerId: 0,
      invoiceNumber: number,
      issueDate: addDays(today, dueOffset - 30),
      dueDate: addDays(today, dueOffset),
      amountMinor,
      currency: 'INR',
      description: null,
    },
    balanceMinor,
  });
  return [invoice(1, 'INV/25-26/0142', -12, 11_800_000, 11_800_000), invoice(2, 'INV/25-26/0157', -5, 4_525_050, 2_525_050)];
}

/**
 * Renders a template as a customer would receive it, with the settings' business details and
 * late-fee rule, on sample invoices unless the request gives real ones. Throws TemplateError
 * for an invalid template, so an editor can show the message next to the text.
 */
export function previewReminder(settings: ReminderSettings, request: PreviewRequest): ComposedMessage {
  const { packs } = resolveLanguagePacks(settings.languages);
  const pack = packs[request.language];
  if (pack === undefined) throw new RangeError(`Language "${request.language}" not found: add it under the reminder languages.`);

  const customer = request.customer ?? sampleCustomer;
  const chosen = request.invoices ?? sampleInvoices(request.today);
  const invoices: MessageInvoice[] = chosen.map(({ invoice, balanceMinor }) => ({
    invoice,
    balanceMinor,
    lateFee: lateFeeFor(settings.lateFee, invoice, balanceMinor, request.today),
  }));
  const contact = customer.contacts.find((candidate) => candidate.name !== null);
  const context: MessageContext = {
    customer,
    contactName: contact?.name ?? null,
    invoices,
    totalOutstanding: sumByCurrency(invoices.map((item) => ({ currency: item.invoice.currency, minor: item.balanceMinor }))),
    today: request.today,
    business: settings.business,
    lateFeeKind: settings.lateFee.kind === 'none' ? null : settings.lateFee.kind,
    language: request.language,
  };
  return composeMessage(pack, request.templateId, request.channel, context);
}
