import { formatMoney, type IsoDate } from '../../ledger';
import type { DraftCollector } from '../build/collector';
import { resolveDueDate } from '../build/terms';
import { creditPeriodDueDate, readTallyAmount } from './fields';
import type { TallySettings } from './ledger-customer';
import type { BillAllocation, LedgerEntry, VoucherInfo } from './voucher-info';

/** Voucher types whose debits to a customer are invoices, and whose credits are payments. */
const invoiceTypes = new Set(['Sales', 'Debit Note']);
const paymentTypes = new Set(['Receipt']);

interface VoucherContext {
  readonly voucher: VoucherInfo;
  readonly date: IsoDate;
  readonly baseType: string | null;
  readonly collector: DraftCollector;
  readonly settings: TallySettings;
}

function label(voucher: VoucherInfo): string {
  return `${voucher.type ?? 'Voucher'} ${voucher.number ?? `#${voucher.index}`}`;
}

function skip(context: VoucherContext, entry: LedgerEntry, amountMinor: number, kind: string): void {
  const { voucher, collector, settings } = context;
  collector.problem({
    row: voucher.index,
    column: 'VOUCHERTYPENAME',
    value: voucher.type,
    code: 'voucher-not-imported',
    severity: 'warning',
    reason: `${label(voucher)} of ${voucher.dateText ?? 'unknown date'} ${kind} "${entry.ledger}" by ${formatMoney(amountMinor, settings.currency)}; only sales, debit notes and receipts are imported, so this balance change is missing.`,
  });
}

/**
 * Adds the drafts of one voucher entry on a customer ledger, where Tally writes debits as
 * negative amounts. A debit on a sales voucher is an invoice per "New Ref" bill, or one invoice
 * numbered like the voucher when it has no bills. A credit on a receipt is a payment set against
 * its "Agst Ref" bills. Its "On Account", "Advance" and "New Ref" parts stay unallocated.
 */
export function addVoucherEntry(context: VoucherContext, entry: LedgerEntry, customerKey: string): void {
  const { voucher, collector, settings, baseType } = context;
  const signed = readTallyAmount(entry.amountText, settings.currency);
  if (signed === null || signed === 0) {
    if (signed === null) collector.problem({ row: voucher.index, column: 'AMOUNT', value: entry.amountText, code: 'invalid-amount', severity: 'error', reason: `${label(voucher)} has an unreadable amount for "${entry.ledger}".` });
    return;
  }

  if (signed < 0 && baseType !== null && invoiceTypes.has(baseType)) addInvoices(context, entry, customerKey, -signed);
  else if (signed > 0 && baseType !== null && paymentTypes.has(baseType)) addPayment(context, entry, customerKey, signed);
  else skip(context, entry, Math.abs(signed), signed < 0 ? 'debits' : 'credits');
}

function addInvoices(context: VoucherContext, entry: LedgerEntry, customerKey: string, debitMinor: number): void {
  const { voucher, collector, settings } = context;
  const newBills = entry.bills.filter((bill) => bill.type.toLowerCase() === 'new ref');
  if (entry.bills.length === 0) {
    addInvoice(context, customerKey, voucher.number ?? `VCH-${voucher.index}`, debitMinor, null);
    return;
  }
  for (const bill of newBills) {
    const signed = readTallyAmount(bill.amountText, settings.currency);
    if (signed !== null && signed < 0) addInvoice(context, customerKey, bill.name, -signed, bill);
  }
  for (const bill of entry.bills) {
    const type = bill.type.toLowerCase();
    const signed = readTallyAmount(bill.amountText, settings.currency) ?? 0;
    if (type === 'on account' || type === 'advance') collector.addOnAccount(customerKey, signed, settings.currency, voucher.index);
    else if (type !== 'new ref') skip(context, entry, Math.abs(signed), `sets a ${bill.type} bill ${bill.name} on`);
  }
}

function addInvoice(context: VoucherContext, customerKey: string, number: string, amountMinor: number, bill: BillAllocation | null): void {
  const { voucher, collector, settings, date } = context;
  const customer = collector.customer(customerKey);
  const due = resolveDueDate({
    issueDate: date,
    dueDate: bill?.creditPeriod ? creditPeriodDueDate(bill.creditPeriod, date) : null,
    creditDays: null,
    customerTermsDays: customer?.paymentTermsDays ?? null,
    defaultTermsDays: settings.defaultTermsDays,
    overdueDays: null,
    reportDate: null,
  });
  if (due === null) {
    collector.problem({ row: voucher.index, column: 'BILLCREDITPERIOD', value: number, code: 'missing-due-date', severity: 'error', reason: `Invoice ${number} has no credit period, and neither the ledger nor the default terms give one: set default terms and import again.` });
    collector.stats.rowsRejected++;
    return;
  }
  collector.addInvoice({
    customerKey,
    invoiceNumber: number,
    invoiceNumberGenerated: false,
    issueDate: date,
    dueDate: due.dueDate,
    dueDateSource: bill?.creditPeriod ? 'credit-period' : due.source,
    creditPeriodDays: bill?.creditPeriod && 'days' in bill.creditPeriod ? bill.creditPeriod.days : due.creditPeriodDays,
    amountMinor,
    currency: settings.currency,
    openAmountMinor: null,
    description: voucher.narration,
    disputed: false,
    sourceRow: voucher.index,
  });
}

function addPayment(context: VoucherContext, entry: LedgerEntry, customerKey: string, creditMinor: number): void {
  const { voucher, collector, settings, date } = context;
  const allocations = entry.bills
    .filter((bill) => bill.type.toLowerCase() === 'agst ref')
    .map((bill) => ({ invoiceNumber: bill.name, amountMinor: readTallyAmount(bill.amountText, settings.currency) ?? 0 }))
    .filter((allocation) => allocation.amountMinor > 0);
  collector.addPayment({
    payment: {
      key: `voucher-${voucher.guid ?? voucher.index}-${entry.ledger}`,
      customerKey,
      paymentDate: date,
      amountMinor: creditMinor,
      currency: settings.currency,
      reference: voucher.number,
      sourceRow: voucher.index,
    },
    allocations,
  });
}

/** Builds the per-voucher context, or reports a voucher without a date. */
export function voucherContext(voucher: VoucherInfo, baseType: string | null, collector: DraftCollector, settings: TallySettings): VoucherContext | null {
  if (voucher.date === null) {
    collector.problem({ row: voucher.index, column: 'DATE', value: voucher.dateText, code: 'invalid-date', severity: 'error', reason: `${label(voucher)} has no valid DATE (expected YYYYMMDD).` });
    collector.stats.rowsRejected++;
    return null;
  }
  return { voucher, date: voucher.date, baseType, collector, settings };
}
