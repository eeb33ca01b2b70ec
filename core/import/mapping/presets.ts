import type { DateOrder } from '../values/dates';
import type { ImportField, ImportLayout } from './mapping';

export interface PresetField {
  /** Header names as `normalizeHeader` returns them, best match first. */
  readonly names: readonly string[];
  readonly required?: boolean;
}

export interface Preset {
  readonly id: string;
  readonly label: string;
  readonly layout: ImportLayout;
  readonly fields: Partial<Record<ImportField, PresetField>>;
  /** A title row above the header that must match, such as "Ledger Outstandings". */
  readonly title?: RegExp;
  /** A header (normalized) that must exist besides the fields, such as an ageing bucket. */
  readonly requiredHeader?: RegExp;
  /** Generic presets lose ties against specific ones. */
  readonly generic?: boolean;
  readonly settledInFull?: boolean;
  readonly linesRepeatInvoice?: boolean;
  /** The order the source system always writes numeric dates in. */
  readonly dateOrder?: DateOrder;
}

/** Lower-cases a header and keeps letters and digits, reading "#" as "no": "Party's Name" → "partysname". */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/#/g, 'no').replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '');
}

const customerNames = ['customername', 'customer', 'partysname', 'partyname', 'party', 'clientname', 'client', 'buyer', 'debtor', 'accountname', 'billto', 'name'];
const invoiceNumbers = ['invoicenumber', 'invoiceno', 'invoice', 'invno', 'billno', 'billnumber', 'documentnumber', 'docno', 'refno', 'vouchernumber', 'voucherno'];
const invoiceDates = ['invoicedate', 'billdate', 'documentdate', 'docdate', 'date'];
const dueDates = ['duedate', 'dueon', 'paymentdue', 'dateofpayment'];
const openAmounts = ['balancedue', 'balance', 'outstanding', 'outstandingamount', 'pendingamount', 'pending', 'openbalance', 'openamount', 'amountdue'];
const tallyRefs = ['refno', 'reference', 'billref', 'billno', 'name'];
const tallyPending = ['pendingamount', 'amountpending', 'pending', 'pendingamt', 'balance'];
const tallyOptional: Partial<Record<ImportField, PresetField>> = {
  amount: { names: ['openingamount', 'amountopening', 'opening', 'billamount', 'originalamount'] },
  dueDate: { names: ['dueon', 'duedate'] },
  overdueDays: { names: ['overduebydays', 'overdue', 'overduedays', 'overduebyday'] },
};

export const presets: readonly Preset[] = [
  {
    id: 'ibm-ar',
    label: 'IBM accounts-receivable sample',
    layout: 'invoices',
    settledInFull: true,
    dateOrder: 'MDY',
    fields: {
      customerRef: { names: ['customerid'], required: true },
      invoiceNumber: { names: ['invoicenumber'], required: true },
      issueDate: { names: ['invoicedate'], required: true },
      dueDate: { names: ['duedate'], required: true },
      amount: { names: ['invoiceamount'], required: true },
      disputed: { names: ['disputed'], required: true },
      paymentDate: { names: ['settleddate'], required: true },
    },
  },
  {
    id: 'invoice-payment-records',
    label: 'Invoice payment records (Vendor_Name, Settled, Outstanding)',
    layout: 'invoices',
    fields: {
      customerName: { names: ['vendorname'], required: true },
      issueDate: { names: ['invoicedate'], required: true },
      dueDate: { names: ['duedate'], required: true },
      amount: { names: ['amount'], required: true },
      paidAmount: { names: ['settled'], required: true },
      openAmount: { names: ['outstanding'], required: true },
      daysToPayment: { names: ['numberofdaysuntilpayment'], required: true },
      description: { names: ['description'] },
    },
  },
  {
    id: 'zoho-books-invoices',
    label: 'Zoho Books invoice export',
    layout: 'invoices',
    linesRepeatInvoice: true,
    fields: {
      invoiceNumber: { names: ['invoicenumber'], required: true },
      customerName: { names: ['customername'], required: true },
      issueDate: { names: ['invoicedate'], required: true },
      amount: { names: ['total'], required: true },
      status: { names: ['invoicestatus'], required: true },
      openAmount: { names: ['balance'] },
      dueDate: { names: ['duedate'] },
      currency: { names: ['currencycode'] },
      customerRef: { names: ['customerid'] },
      customerGstin: { names: ['gstidentificationnumbergstin', 'gstin'] },
      creditDays: { names: ['paymentterms'] },
    },
  },
  {
    id: 'quickbooks-ar-aging-detail',
    label: 'QuickBooks A/R Aging Detail',
    layout: 'open-items',
    fields: {
      issueDate: { names: ['date'], required: true },
      transactionType: { names: ['transactiontype', 'type'], required: true },
      invoiceNumber: { names: ['num', 'no', 'number'], required: true },
      customerName: { names: ['customer', 'customerfullname', 'name'], required: true },
      openAmount: { names: ['openbalance'], required: true },
      dueDate: { names: ['duedate'] },
      amount: { names: ['amount'] },
      overdueDays: { names: ['pastdue', 'aging'] },
    },
  },
  {
    id: 'xero-aged-receivables-detail',
    label: 'Xero Aged Receivables Detail',
    layout: 'open-items',
    requiredHeader: /^(current|older)$/,
    fields: {
      issueDate: { names: ['invoicedate', 'date'], required: true },
      invoiceNumber: { names: ['invoicenumber', 'number', 'invoiceno'], required: true },
      dueDate: { names: ['duedate'], required: true },
      openAmount: { names: ['total', 'totaldue'], required: true },
      customerName: { names: ['contact', 'contactname'] },
      description: { names: ['invoicereference', 'reference'] },
    },
  },
  {
    id: 'tally-bills-receivable',
    label: 'Tally Bills Receivable',
    layout: 'open-items',
    fields: {
      issueDate: { names: ['date', 'billdate'], required: true },
      invoiceNumber: { names: tallyRefs, required: true },
      customerName: { names: ['partysname', 'partyname', 'party', 'particulars'], required: true },
      openAmount: { names: tallyPending, required: true },
      ...tallyOptional,
    },
  },
  {
    id: 'tally-ledger-outstandings',
    label: 'Tally Ledger Outstandings',
    layout: 'open-items',
    title: /ledger\s*(outstandings|:)/i,
    fields: {
      issueDate: { names: ['date', 'billdate'], required: true },
      invoiceNumber: { names: tallyRefs, required: true },
      openAmount: { names: tallyPending, required: true },
      ...tallyOptional,
    },
  },
  {
    id: 'tally-group-outstandings',
    label: 'Tally Group Outstandings (Sundry Debtors)',
    layout: 'open-items',
    fields: {
      issueDate: { names: ['date', 'billdate'], required: true },
      invoiceNumber: { names: tallyRefs, required: true },
      openAmount: { names: tallyPending, required: true },
      ...tallyOptional,
    },
  },
  {
    id: 'generic-payments',
    label: 'Payment list',
    layout: 'payments',
    generic: true,
    requiredHeader: /payment|receipt|received|utr|cheque|remittance/,
    fields: {
      paymentDate: { names: ['paymentdate', 'receiptdate', 'datereceived', 'receiveddate', 'valuedate', 'date'], required: true },
      amount: { names: ['amountreceived', 'receivedamount', 'paymentamount', 'amountpaid', 'receiptamount', 'amount'], required: true },
      customerName: { names: customerNames, required: true },
      paymentReference: { names: ['receiptno', 'receiptnumber', 'paymentreference', 'paymentref', 'reference', 'utr', 'utrno', 'chequeno', 'transactionid', 'paymentid'] },
      invoiceNumber: { names: ['invoicenumber', 'invoiceno', 'againstinvoice', 'billno', 'invoice'] },
      currency: { names: ['currency', 'currencycode'] },
      customerRef: { names: ['customerid', 'customercode', 'accountcode'] },
    },
  },
  {
    id: 'generic-invoices',
    label: 'Invoice list',
    layout: 'invoices',
    generic: true,
    fields: {
      invoiceNumber: { names: invoiceNumbers, required: true },
      customerName: { names: customerNames, required: true },
      issueDate: { names: invoiceDates, required: true },
      amount: { names: ['invoiceamount', 'amount', 'invoicetotal', 'total', 'billamount', 'grossamount', 'netamount', 'value'], required: true },
      dueDate: { names: dueDates },
      creditDays: { names: ['creditdays', 'creditperiod', 'terms', 'paymentterms', 'termsdays'] },
      openAmount: { names: openAmounts },
      paidAmount: { names: ['amountpaid', 'paid', 'paidamount', 'received', 'settled'] },
      paymentDate: { names: ['paiddate', 'paymentdate', 'settleddate', 'datepaid'] },
      currency: { names: ['currency', 'currencycode', 'cur'] },
      customerRef: { names: ['customerid', 'customercode', 'customerno', 'accountcode', 'accountno'] },
      customerGstin: { names: ['gstin', 'gstno', 'gstnumber', 'customergstin', 'gstinuin'] },
      customerPan: { names: ['pan', 'panno', 'pannumber'] },
      customerEmail: { names: ['email', 'emailid', 'emailaddress', 'customeremail'] },
      customerPhone: { names: ['phone', 'mobile', 'phoneno', 'mobileno', 'contactno', 'phonenumber'] },
      customerAddress: { names: ['address', 'billingaddress'] },
      description: { names: ['description', 'narration', 'particulars', 'remarks', 'notes'] },
      disputed: { names: ['disputed', 'dispute', 'indispute'] },
    },
  },
];

export function findPreset(id: string): Preset | undefined {
  return presets.find((preset) => preset.id === id);
}
