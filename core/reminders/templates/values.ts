import { daysBetween, formatDateIndian, type IsoDate } from '../../ledger/dates';
import { formatMoney } from '../../ledger/money';
import type { Customer, Invoice } from '../../ledger/types';
import type { LateFee, LateFeeKind } from '../late-fees/late-fee';
import type { BusinessDetails } from '../settings';
import type { LanguagePack } from './language-pack';
import { invoiceLinePlaceholders, type messagePlaceholders, statusPlaceholders } from './placeholders';
import { renderTemplate } from './render';

/** An invoice as a reminder shows it. */
export interface MessageInvoice {
  readonly invoice: Invoice;
  readonly balanceMinor: number;
  readonly lateFee: LateFee | null;
}

/** An amount in one currency. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly minor: number;
}

export interface MessageContext {
  readonly customer: Customer;
  /** Name of the contact the message goes to, when the ledger has one. */
  readonly contactName: string | null;
  /** Invoices in the message, oldest due date first. */
  readonly invoices: readonly MessageInvoice[];
  /** Unpaid balance of all the customer's open invoices, by currency. */
  readonly totalOutstanding: readonly CurrencyAmount[];
  /** The customer's local date. */
  readonly today: IsoDate;
  readonly business: BusinessDetails;
  readonly lateFeeKind: LateFeeKind | null;
  /** Language tag, used to name the template in errors. */
  readonly language: string;
}

const amountLocale = 'en-IN';

/** Formats amounts with en-IN grouping (₹1,00,000.00), joining several currencies with " + ". */
export function formatAmounts(amounts: readonly CurrencyAmount[]): string {
  return amounts.map((amount) => formatMoney(amount.minor, amount.currency, { locale: amountLocale })).join(' + ');
}

/** Adds amounts up by currency, keeping the order in which currencies first appear. */
export function sumByCurrency(amounts: Iterable<CurrencyAmount>): CurrencyAmount[] {
  const totals = new Map<string, number>();
  for (const amount of amounts) totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.minor);
  return [...totals].map(([currency, minor]) => ({ currency, minor }));
}

function choosePhrase(pack: LanguagePack, daysOverdue: number): string {
  const phrases = pack.statusPhrases;
  if (daysOverdue < 0) return phrases.upcoming;
  if (daysOverdue === 0) return phrases.dueToday;
  if (daysOverdue === 1) return phrases.overdueOneDay;
  return phrases.overdue;
}

function statusPhrase(pack: LanguagePack, dueDate: IsoDate, today: IsoDate, language: string): string {
  const daysOverdue = daysBetween(dueDate, today);
  const phrase = choosePhrase(pack, daysOverdue);
  const values = {
    due_date: formatDateIndian(dueDate),
    days_overdue: String(Math.max(0, daysOverdue)),
    days_to_due: String(Math.max(0, -daysOverdue)),
  };
  return renderTemplate(phrase, Object.keys(statusPlaceholders), values, `${language}/statusPhrases`);
}

/** Renders one line of `{invoice_list}`. */
export function renderInvoiceLine(pack: LanguagePack, item: MessageInvoice, today: IsoDate, language: string): string {
  const { invoice } = item;
  const daysOverdue = daysBetween(invoice.dueDate, today);
  const values = {
    invoice_number: invoice.invoiceNumber,
    invoice_date: formatDateIndian(invoice.issueDate),
    invoice_amount: formatMoney(invoice.amountMinor, invoice.currency, { locale: amountLocale }),
    balance: formatMoney(item.balanceMinor, invoice.currency, { locale: amountLocale }),
    due_date: formatDateIndian(invoice.dueDate),
    days_overdue: String(Math.max(0, daysOverdue)),
    days_to_due: String(Math.max(0, -daysOverdue)),
    status: statusPhrase(pack, invoice.dueDate, today, language),
    late_fee: item.lateFee === null ? '' : formatMoney(item.lateFee.amountMinor, invoice.currency, { locale: amountLocale }),
  };
  return renderTemplate(pack.invoiceLine, Object.keys(invoiceLinePlaceholders), values, `${language}/invoiceLine`);
}

function paymentDetails(pack: LanguagePack, business: BusinessDetails): string {
  const labels = pack.paymentLabels;
  const lines = [
    [labels.upiId, business.upiId],
    [labels.accountName, business.bankAccountName],
    [labels.accountNumber, business.bankAccountNumber],
    [labels.bankName, business.bankName],
    [labels.ifsc, business.ifsc],
  ].filter(([, value]) => value !== '').map(([label, value]) => `${label}: ${value}`);
  if (lines.length === 0) return '';
  return labels.heading === '' ? lines.join('\n') : [`${labels.heading}:`, ...lines].join('\n');
}

/** Computes the value of every message placeholder for one message. */
export function messageValues(pack: LanguagePack, context: MessageContext): Record<keyof typeof messagePlaceholders, string> {
  const { invoices, today, business } = context;
  const first = invoices[0];
  if (first === undefined) throw new RangeError('A reminder needs at least one invoice.');
  const earliestDue = invoices.reduce((earliest, item) => (item.invoice.dueDate < earliest ? item.invoice.dueDate : earliest), first.invoice.dueDate);
  const lateFees = sumByCurrency(invoices.flatMap((item) => (item.lateFee === null ? [] : [{ currency: item.invoice.currency, minor: item.lateFee.amountMinor }])));

  return {
    customer_name: context.customer.name,
    contact_name: context.contactName ?? (context.customer.name === '' ? pack.fallbackContactName : context.customer.name),
    invoice_count: String(invoices.length),
    invoice_numbers: invoices.map((item) => item.invoice.invoiceNumber).join(', '),
    invoice_list: invoices.map((item) => renderInvoiceLine(pack, item, today, context.language)).join('\n'),
    amount_due: formatAmounts(sumByCurrency(invoices.map((item) => ({ currency: item.invoice.currency, minor: item.balanceMinor })))),
    total_outstanding: formatAmounts(context.totalOutstanding),
    due_date: formatDateIndian(earliestDue),
    days_overdue: String(Math.max(0, daysBetween(earliestDue, today))),
    days_to_due: String(Math.max(0, daysBetween(today, earliestDue))),
    today: formatDateIndian(today),
    late_fee_total: formatAmounts(lateFees),
    late_fee_basis: context.lateFeeKind === null ? '' : pack.lateFeeLabels[context.lateFeeKind],
    business_name: business.name,
    business_phone: business.phone,
    business_email: business.email,
    upi_id: business.upiId,
    bank_account_name: business.bankAccountName,
    bank_account_number: business.bankAccountNumber,
    bank_name: business.bankName,
    ifsc: business.ifsc,
    payment_details: paymentDetails(pack, business),
  };
}
