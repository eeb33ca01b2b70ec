import type { ContactKind, CurrencyCode, IsoDate } from '../ledger';
import type { ImportLimits } from './limits';
import type { ImportMapping } from './mapping/mapping';

export type ImportFormat = 'csv' | 'xlsx' | 'tally-xml';

/** Bytes of a file in memory, or a stream of its chunks for files larger than memory. */
export type ImportSource = Uint8Array | AsyncIterable<Uint8Array>;

export interface ContactDraft {
  readonly kind: ContactKind;
  /** E-mail in lower case or phone in E.164, already normalized. */
  readonly value: string;
  readonly name: string | null;
}

/**
 * A customer found in the file. `key` is unique within one import and is what invoices,
 * payments and allocations use to refer to it: the external reference when the file has one,
 * otherwise the normalized name.
 */
export interface CustomerDraft {
  readonly key: string;
  readonly externalRef: string | null;
  readonly name: string;
  readonly gstin: string | null;
  readonly pan: string | null;
  readonly address: string | null;
  readonly contacts: readonly ContactDraft[];
  /** Default credit period in days, used where an invoice has no due date of its own. */
  readonly paymentTermsDays: number | null;
  readonly creditLimitMinor: number | null;
  readonly creditLimitCurrency: CurrencyCode | null;
  /** Receipts not set against any bill, in the customer's favour; a debit on account is negative. */
  readonly onAccountMinor: number;
  readonly onAccountCurrency: CurrencyCode | null;
  readonly sourceRow: number;
}

/** Source of an invoice's due date. */
export type DueDateSource = 'file' | 'credit-period' | 'customer-terms' | 'default-terms' | 'overdue-days';

export interface InvoiceDraft {
  readonly customerKey: string;
  /** Text, so leading zeros survive. Generated as `ROW-<n>` when the file has no number. */
  readonly invoiceNumber: string;
  readonly invoiceNumberGenerated: boolean;
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly dueDateSource: DueDateSource;
  readonly creditPeriodDays: number | null;
  /** The invoice's original amount in minor units. */
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  /**
   * The balance the file reports as still open, or null when it gives none. When null, the open
   * balance is the amount minus the allocations that settle it.
   */
  readonly openAmountMinor: number | null;
  readonly description: string | null;
  readonly disputed: boolean;
  readonly sourceRow: number;
}

export interface PaymentDraft {
  /** Unique within one import; allocations refer to the payment by this key. */
  readonly key: string;
  readonly customerKey: string;
  readonly paymentDate: IsoDate;
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
  /** Receipt number, voucher number or bank reference from the file. */
  readonly reference: string | null;
  /** The part of the payment that settles no invoice ("On Account" in Tally). */
  readonly unallocatedMinor: number;
  readonly sourceRow: number;
}

/** The part of a payment that settles one invoice, by invoice number. */
export interface AllocationDraft {
  readonly paymentKey: string;
  readonly customerKey: string;
  readonly invoiceNumber: string;
  readonly amountMinor: number;
  readonly sourceRow: number;
}

export type ProblemSeverity = 'error' | 'warning';

/**
 * One finding about the file. A row with an error is left out of the drafts. A warning keeps the
 * row. `row` is the 1-based row number in a sheet or CSV file (counting the header and title
 * rows) or the 1-based index of the object in a Tally file.
 */
export interface ImportProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly severity: ProblemSeverity;
  /** Stable identifier of the kind of problem, for grouping in the UI. */
  readonly code: string;
}

export interface ImportStats {
  /** Rows or objects read from the file, including skipped ones. */
  rowsRead: number;
  /** Title, blank, party-name and totals rows skipped as layout. */
  rowsSkipped: number;
  /** Rows left out because of an error. */
  rowsRejected: number;
  customers: number;
  invoices: number;
  payments: number;
  allocations: number;
  errors: number;
  warnings: number;
  /** Problems counted but not kept because `maxProblems` was reached. */
  problemsNotKept: number;
}

/** Drafts and problems found since the previous batch, in dependency order. */
export interface RecordBatch {
  /** New customers, and customers seen before whose later rows added fields (same key). */
  readonly customers: CustomerDraft[];
  readonly invoices: InvoiceDraft[];
  readonly payments: PaymentDraft[];
  readonly allocations: AllocationDraft[];
  readonly problems: ImportProblem[];
}

/** Format, preset and mapping the import detected, sent once before the first batch of drafts. */
export interface ImportHeader {
  readonly format: ImportFormat;
  readonly preset: string;
  /**
   * The mapping used, complete enough to save and pass back as `options.mapping`. Day/month orders
   * decided from the values arrive with the summary event.
   */
  readonly mapping: ImportMapping | null;
  readonly encoding: string;
  readonly sheetName: string | null;
  readonly columns: readonly string[];
}

/** Stream events from `readRecords`: one header, any number of batches, one summary. */
export type ImportEvent =
  | { readonly type: 'header'; readonly header: ImportHeader }
  | { readonly type: 'batch'; readonly batch: RecordBatch }
  | {
      readonly type: 'summary';
      readonly stats: ImportStats;
      readonly ambiguousDateColumns: readonly string[];
      /** Day/month order of each date column the values or the mapping decided, to save with the mapping. */
      readonly dateOrder: Readonly<Record<string, 'DMY' | 'MDY'>>;
    };

export interface ParsedImport {
  readonly format: ImportFormat;
  readonly preset: string;
  readonly mapping: ImportMapping | null;
  readonly encoding: string;
  readonly sheetName: string | null;
  readonly customers: CustomerDraft[];
  readonly invoices: InvoiceDraft[];
  readonly payments: PaymentDraft[];
  readonly allocations: AllocationDraft[];
  readonly problems: ImportProblem[];
  readonly stats: ImportStats;
  /**
   * Date columns whose day/month order the values cannot decide. While this is not empty the
   * dates in these columns were read as DMY only for preview, and the result must not be
   * saved: ask the user and import again with `mapping.dateOrder` set.
   */
  readonly ambiguousDateColumns: readonly string[];
}

export interface ImportOptions {
  /** The file name, used only as a hint (".xlsx", ".xml") and in messages. */
  readonly fileName?: string;
  /** Skips detection. */
  readonly format?: ImportFormat;
  /** A saved or edited mapping; when absent the preset is detected from the header row. */
  readonly mapping?: ImportMapping;
  /** A preset id to use instead of detection, such as "ibm-ar" or "tally-bills-receivable". */
  readonly preset?: string;
  /** Text encoding; detected from the BOM and the bytes when absent. */
  readonly encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Sheet name or 0-based index for XLSX files; the first sheet by default. */
  readonly sheet?: string | number;
  /** "," for amounts written as 1.234,56 when no mapping is given; "." by default. */
  readonly decimalSeparator?: '.' | ',';
  /** Currency for amounts that carry none (default INR). */
  readonly defaultCurrency?: CurrencyCode;
  /** Credit period in days for invoices without due date or credit period. */
  readonly defaultTermsDays?: number;
  /** Credit period in days per customer name or external reference. */
  readonly termsByCustomer?: Readonly<Record<string, number>>;
  /** Drafts per batch from `readRecords` (default 1,000 rows). */
  readonly batchRows?: number;
  readonly limits?: Partial<ImportLimits>;
}
