import { z } from 'zod';
import { ImportError } from '../errors';

/** The fields a column can be mapped to. */
export const importFields = [
  'customerName',
  'customerRef',
  'customerGstin',
  'customerPan',
  'customerEmail',
  'customerPhone',
  'customerAddress',
  'customerTermsDays',
  'invoiceNumber',
  'issueDate',
  'dueDate',
  'creditDays',
  'amount',
  'currency',
  'openAmount',
  'description',
  'disputed',
  'status',
  'transactionType',
  'paymentDate',
  'paidAmount',
  'paymentReference',
  'daysToPayment',
  'overdueDays',
] as const;

export type ImportField = (typeof importFields)[number];

/**
 * Layout that decides how rows become records:
 * - `invoices`: each row is an invoice, optionally with the payment that settles it;
 * - `payments`: each row is a payment, optionally against one invoice number;
 * - `open-items`: an outstanding or ageing report. Rows are open bills, grouped under
 *   party-name rows when no customer column exists, with "On Account" and totals rows.
 */
export const importLayouts = ['invoices', 'payments', 'open-items'] as const;
export type ImportLayout = (typeof importLayouts)[number];

const dateOrderSchema = z.enum(['DMY', 'MDY']);

export const importMappingSchema = z.object({
  version: z.literal(1),
  preset: z.string().min(1),
  layout: z.enum(importLayouts),
  /** 1-based row number of the (last) header row, or null to detect it. */
  headerRow: z.number().int().positive().nullable(),
  /** 2 when the header spans two rows, as in Tally reports ("Pending" over "Amount"). */
  headerRowCount: z.union([z.literal(1), z.literal(2)]),
  /** Column header text for each mapped field. */
  columns: z.partialRecord(z.enum(importFields), z.string().min(1)),
  /** Ageing-bucket columns whose sum is the open amount when no open-amount column is mapped. */
  agingColumns: z.array(z.string().min(1)),
  /** Day/month order per date column header, set when the values cannot decide it. */
  dateOrder: z.record(z.string(), dateOrderSchema),
  decimalSeparator: z.enum(['.', ',']),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
  /** Credit period in days for invoices with no due date, credit days or customer terms. */
  defaultTermsDays: z.number().int().min(0).max(3650).nullable(),
  /** True when a payment date alone means the invoice was paid in full on that date. */
  settledInFull: z.boolean(),
  /** True when each line item repeats its invoice's number and total (Zoho Books exports). */
  linesRepeatInvoice: z.boolean(),
});

export type ImportMapping = z.infer<typeof importMappingSchema>;

/** Validates a mapping loaded from JSON, throwing `INVALID_MAPPING` with the first problem. */
export function parseImportMapping(value: unknown): ImportMapping {
  const result = importMappingSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'the mapping' : `mapping.${issue.path.join('.')}`;
  throw new ImportError('INVALID_MAPPING', `The saved column mapping is invalid at ${where}: ${issue?.message ?? 'unknown problem'}. Map the columns again.`);
}

export function emptyMapping(preset: string, layout: ImportLayout, defaultCurrency: string): ImportMapping {
  return {
    version: 1,
    preset,
    layout,
    headerRow: null,
    headerRowCount: 1,
    columns: {},
    agingColumns: [],
    dateOrder: {},
    decimalSeparator: '.',
    defaultCurrency,
    defaultTermsDays: null,
    settledInFull: false,
    linesRepeatInvoice: false,
  };
}
