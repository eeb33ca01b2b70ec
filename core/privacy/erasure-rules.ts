/**
 * Records an erasure keeps, and the law that requires them. DPDP Act 2023 s.8(7) and s.12(3) and GDPR
 * art. 17(1) require erasure on request, except where another law requires the data kept (DPDP
 * s.8(7), GDPR art. 17(3)(b)). Accounting law is such a law for invoices and payments, so those
 * stay, reduced to numbers, dates and amounts under a pseudonym.
 */
export interface KeptRecords {
  /** The kind of record kept, for example "invoices". */
  readonly what: string;
  readonly count: number;
  /** The fields that stay. */
  readonly fields: string;
  /** The rule that requires them kept. */
  readonly rule: string;
}

const booksOfAccount = 'Books of account are kept for 8 years: Companies Act 2013 s.128(5) and CGST Act 2017 s.36.';

export const keptRecordRules: Readonly<Record<'invoices' | 'payments' | 'credit_notes' | 'allocations' | 'privacy_requests' | 'audit_log', Omit<KeptRecords, 'count'>>> = {
  invoices: { what: 'invoices', fields: 'invoice number, issue and due dates, amount and currency', rule: booksOfAccount },
  payments: { what: 'payments', fields: 'payment date, amount and currency', rule: booksOfAccount },
  credit_notes: { what: 'credit notes', fields: 'note number, issue date, amount and currency', rule: booksOfAccount },
  allocations: { what: 'allocations of payments and credit notes to invoices', fields: 'amounts', rule: booksOfAccount },
  privacy_requests: {
    what: 'entries in the request register',
    fields: 'request type, dates and status (free text removed)',
    rule: 'The controller must be able to show how it handled requests: GDPR art. 5(2) and art. 12.',
  },
  audit_log: {
    what: 'audit entries',
    fields: 'action, time and ids (they never hold names or contact details)',
    rule: 'The hash-chained audit log is append-only, so changes to the ledger stay provable.',
  },
};

/** Returns the display name that replaces an erased customer's name, from 8 or more random hex digits. */
export function erasedCustomerName(randomHex: string): string {
  if (!/^[0-9a-f]{8,}$/.test(randomHex)) throw new RangeError('The pseudonym needs at least 8 lower-case hex digits.');
  return `Erased customer ${randomHex.slice(0, 8)}`;
}
