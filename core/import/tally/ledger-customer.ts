import { formatMoney } from '../../ledger';
import type { DraftCollector } from '../build/collector';
import { checkIdentifiers } from '../build/identifiers';
import { resolveDueDate } from '../build/terms';
import { creditPeriodDueDate, readTallyAmount } from './fields';
import type { LedgerInfo, OpeningBill } from './ledger-info';
import { phonesInText } from './ledger-info';

export interface TallySettings {
  readonly currency: string;
  readonly defaultTermsDays: number | null;
  readonly customerTerms: (externalRef: string | null, name: string) => number | null;
}

function addressOf(ledger: LedgerInfo): string | null {
  const lines = ledger.addressLines
    .filter((line) => phonesInText([line]).length === 0 || line.replace(/[^a-z]/gi, '').length > 12)
    .map((line) => line.replace(/[\s,]+$/, ''));
  const parts = [...lines];
  if (ledger.state !== null && !lines.some((line) => line.includes(ledger.state ?? ''))) parts.push(ledger.state);
  if (ledger.pincode !== null && !lines.some((line) => line.includes(ledger.pincode ?? ''))) parts.push(ledger.pincode);
  return parts.length === 0 ? null : parts.join(', ');
}

/** Adds a Sundry Debtors ledger as a customer with its identifiers, terms and opening bills. Returns the key. */
export function addLedgerCustomer(ledger: LedgerInfo, collector: DraftCollector, settings: TallySettings): string {
  const identifiers = checkIdentifiers(
    { gstin: ledger.gstin, pan: ledger.pan, emails: ledger.emails, phones: ledger.phones, contactName: ledger.contactName },
    ledger.index,
    { gstin: 'GSTIN', pan: 'INCOMETAXNUMBER', email: 'EMAIL', phone: 'LEDGERMOBILE' },
    (problem) => collector.problem(problem),
  );
  const creditLimit = readTallyAmount(ledger.creditLimitText, settings.currency);
  const terms = ledger.creditPeriod !== null && 'days' in ledger.creditPeriod ? ledger.creditPeriod.days : settings.customerTerms(ledger.name, ledger.name);

  const key = collector.upsertCustomer({
    externalRef: ledger.name,
    name: ledger.name,
    gstin: identifiers.gstin,
    pan: identifiers.pan,
    address: addressOf(ledger),
    contacts: identifiers.contacts,
    paymentTermsDays: terms,
    creditLimitMinor: creditLimit === null || creditLimit === 0 ? null : Math.abs(creditLimit),
    creditLimitCurrency: creditLimit === null || creditLimit === 0 ? null : settings.currency,
    sourceRow: ledger.index,
  });
  addOpeningBills(ledger, key, collector, settings);
  return key;
}

/**
 * Adds the ledger's opening bills as open invoices. A bill with a credit balance (an advance) and
 * any opening balance the bills do not explain are added on account.
 */
function addOpeningBills(ledger: LedgerInfo, customerKey: string, collector: DraftCollector, settings: TallySettings): void {
  let billedMinor = 0;
  for (const bill of ledger.openingBills) {
    // Tally writes a debit (money the customer owes) as a negative amount.
    const signed = readTallyAmount(bill.openingBalanceText, settings.currency);
    if (signed === null) {
      collector.problem({ row: ledger.index, column: 'OPENINGBALANCE', value: bill.openingBalanceText, code: 'invalid-amount', severity: 'error', reason: `Opening bill ${bill.name} of ledger "${ledger.name}" has no readable amount.` });
      continue;
    }
    billedMinor -= signed;
    if (signed > 0) {
      collector.addOnAccount(customerKey, signed, settings.currency, ledger.index);
      continue;
    }
    addOpeningInvoice(ledger, bill, -signed, customerKey, collector, settings);
  }

  const opening = readTallyAmount(ledger.openingBalanceText, settings.currency);
  const unexplained = opening === null ? 0 : -opening - billedMinor;
  if (unexplained !== 0 && ledger.openingBills.length > 0) {
    collector.addOnAccount(customerKey, -unexplained, settings.currency, ledger.index);
    collector.problem({
      row: ledger.index,
      column: 'OPENINGBALANCE',
      value: ledger.openingBalanceText,
      code: 'opening-balance-unbilled',
      severity: 'warning',
      reason: `The opening balance of "${ledger.name}" differs from its opening bills by ${formatMoney(unexplained, settings.currency)}; the difference is kept on account.`,
    });
  } else if (opening !== null && opening < 0 && ledger.openingBills.length === 0) {
    collector.problem({
      row: ledger.index,
      column: 'OPENINGBALANCE',
      value: ledger.openingBalanceText,
      code: 'opening-balance-without-bills',
      severity: 'warning',
      reason: `Ledger "${ledger.name}" has an opening balance of ${formatMoney(-opening, settings.currency)} but no opening bills, so it was not imported: turn on bill-wise details for the ledger in Tally and export again.`,
    });
  }
}

function addOpeningInvoice(ledger: LedgerInfo, bill: OpeningBill, amountMinor: number, customerKey: string, collector: DraftCollector, settings: TallySettings): void {
  if (bill.date === null) {
    collector.problem({ row: ledger.index, column: 'BILLDATE', value: bill.name, code: 'missing-issue-date', severity: 'error', reason: `Opening bill ${bill.name} of ledger "${ledger.name}" has no bill date.` });
    collector.stats.rowsRejected++;
    return;
  }
  const customer = collector.customer(customerKey);
  const due = resolveDueDate({
    issueDate: bill.date,
    dueDate: bill.creditPeriod === null ? null : creditPeriodDueDate(bill.creditPeriod, bill.date),
    creditDays: null,
    customerTermsDays: customer?.paymentTermsDays ?? null,
    defaultTermsDays: settings.defaultTermsDays,
    overdueDays: null,
    reportDate: null,
  });
  if (due === null) {
    collector.problem({ row: ledger.index, column: 'BILLCREDITPERIOD', value: bill.name, code: 'missing-due-date', severity: 'error', reason: `Opening bill ${bill.name} of "${ledger.name}" has no credit period, and neither the ledger nor the default terms give one: set default terms and import again.` });
    collector.stats.rowsRejected++;
    return;
  }
  collector.addInvoice({
    customerKey,
    invoiceNumber: bill.name,
    invoiceNumberGenerated: false,
    issueDate: bill.date,
    dueDate: due.dueDate,
    dueDateSource: bill.creditPeriod === null ? due.source : 'credit-period',
    creditPeriodDays: bill.creditPeriod !== null && 'days' in bill.creditPeriod ? bill.creditPeriod.days : due.creditPeriodDays,
    amountMinor,
    currency: settings.currency,
    openAmountMinor: null,
    description: 'Opening balance',
    disputed: false,
    sourceRow: ledger.index,
  });
}
