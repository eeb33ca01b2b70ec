import type { CurrencyCode } from './currency';
import type { IsoDate } from './dates';

/** Where an imported record came from: the import, the source file and the 1-based row or element. */
export interface Lineage {
  readonly importId: number | null;
  readonly sourceFile: string | null;
  readonly sourceRow: number | null;
}

export type ContactKind = 'email' | 'phone';

export interface Contact {
  readonly kind: ContactKind;
  /** E-mail in lower case, or a phone number in E.164 form. */
  readonly value: string;
  readonly name: string | null;
}

export interface Customer {
  readonly id: number;
  /** The customer's code in the source system (Tally ledger name, customer ID). */
  readonly externalRef: string | null;
  readonly name: string;
  readonly gstin: string | null;
  readonly pan: string | null;
  readonly cin: string | null;
  readonly address: string | null;
  readonly segment: string | null;
  /** Credit limit in minor units of `creditLimitCurrency`, or null for none set. */
  readonly creditLimitMinor: number | null;
  readonly creditLimitCurrency: CurrencyCode | null;
  /** Default credit period in days, used where an invoice carries no due date. */
  readonly paymentTermsDays: number | null;
  readonly contacts: readonly Contact[];
}

export interface Invoice {
  readonly id: number;
  readonly customerId: number;
  /** Text, because invoice numbers keep leading zeros. */
  readonly invoiceNumber: string;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly description: string | null;
}

export interface Payment {
  readonly id: number;
  readonly customerId: number;
  readonly paymentDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly reference: string | null;
  /** Set when a cheque bounced or a payment was reversed; the payment then settles nothing. */
  readonly reversedOn: IsoDate | null;
}

/** The part of a payment (or credit note) that settles one invoice. */
export interface Allocation {
  readonly paymentId: number;
  readonly invoiceId: number;
  readonly amountMinor: number;
}

export interface CreditNote {
  readonly id: number;
  readonly customerId: number;
  readonly invoiceId: number | null;
  readonly noteNumber: string;
  readonly issueDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

export interface Dispute {
  readonly id: number;
  readonly invoiceId: number;
  readonly openedOn: IsoDate;
  readonly resolvedOn: IsoDate | null;
}

export interface PromiseToPay {
  readonly id: number;
  readonly customerId: number;
  readonly invoiceId: number | null;
  readonly promisedDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  readonly madeOn: IsoDate;
}
