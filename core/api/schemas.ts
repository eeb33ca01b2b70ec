import { z } from 'zod';
import { customerInputSchema, customerSchema } from '../contract/customers';
import { riskRowSchema } from '../contract/risk';
import { compareIsoDates, isIsoDate } from '../ledger/dates';

/**
 * Request and response bodies of the local HTTP API. Where the API carries what the contract
 * already defines (a customer, a risk row), it reuses the contract's schemas. Values follow the
 * ledger's rules: amounts are integer minor units, dates ISO `YYYY-MM-DD`, currencies ISO 4217.
 */

/** Error codes of the HTTP API: the contract's codes plus the three that only HTTP has. */
export const apiErrorCodes = [
  'invalid_input', 'forbidden', 'not_found', 'locked', 'conflict', 'internal',
  'payload_too_large', 'unsupported_media_type', 'rate_limited',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({ code: z.enum(apiErrorCodes), message: z.string(), details: z.unknown().optional() }),
});

const isoDateSchema = z.string().refine(isIsoDate, { message: 'Write the date as YYYY-MM-DD.' });
const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code, such as INR.');

/** Chooses one customer: by ledger id, by customer code, or by exact name (for customers without a code). */
const customerSelector = {
  customerId: z.number().int().positive().optional(),
  customerRef: z.string().trim().min(1).max(120).optional(),
  customerName: z.string().trim().min(1).max(300).optional(),
};

function exactlyOneCustomer(value: { customerId?: number | undefined; customerRef?: string | undefined; customerName?: string | undefined }, context: z.RefinementCtx): void {
  const given = [value.customerId, value.customerRef, value.customerName].filter((field) => field !== undefined).length;
  if (given !== 1) context.addIssue({ code: 'custom', message: 'Name the customer with exactly one of customerId, customerRef or customerName.', path: [] });
}

export const customerBodySchema = customerInputSchema.strict();

export const invoiceBodySchema = z
  .strictObject({
    ...customerSelector,
    invoiceNumber: z.string().trim().min(1, 'Enter the invoice number.').max(100),
    issueDate: isoDateSchema,
    dueDate: isoDateSchema,
    amountMinor: z.number().int().min(0, 'An invoice amount cannot be negative; record a credit note in your books instead.'),
    currency: currencySchema,
    description: z.string().trim().max(1000).nullable().default(null),
  })
  .superRefine((value, context) => {
    exactlyOneCustomer(value, context);
    if (isIsoDate(value.issueDate) && isIsoDate(value.dueDate) && compareIsoDates(value.dueDate, value.issueDate) < 0) {
      context.addIssue({ code: 'custom', message: `The due date ${value.dueDate} is before the issue date ${value.issueDate}.`, path: ['dueDate'] });
    }
  });
export type InvoiceBody = z.output<typeof invoiceBodySchema>;

export const paymentBodySchema = z
  .strictObject({
    ...customerSelector,
    paymentDate: isoDateSchema,
    amountMinor: z.number().int().min(1, 'A payment amount must be at least one minor unit.'),
    currency: currencySchema,
    reference: z.string().trim().max(200).nullable().default(null),
    /** Invoices of the same customer this payment settles, by invoice number. */
    allocations: z.array(z.strictObject({ invoiceNumber: z.string().trim().min(1).max(100), amountMinor: z.number().int().min(1) })).max(200).default([]),
  })
  .superRefine((value, context) => {
    exactlyOneCustomer(value, context);
    const allocated = value.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0);
    if (allocated > value.amountMinor) context.addIssue({ code: 'custom', message: `The allocations add up to ${allocated}, more than the payment amount ${value.amountMinor}.`, path: ['allocations'] });
    if (new Set(value.allocations.map((allocation) => allocation.invoiceNumber)).size !== value.allocations.length) {
      context.addIssue({ code: 'custom', message: 'List each invoice once in allocations.', path: ['allocations'] });
    }
  });
export type PaymentBody = z.output<typeof paymentBodySchema>;

export const creditCheckBodySchema = z.strictObject({
  /** The order's amount in minor units of the ledger's base currency. */
  amountMinor: z.number().int().min(1),
  /** Optional. When given, it must be the ledger's base currency. */
  currency: currencySchema.optional(),
});

export const customerIdParamsSchema = z.strictObject({
  id: z.string().regex(/^[1-9]\d{0,14}$/, 'The customer id is a positive whole number.').transform(Number),
});

export const customerLookupQuerySchema = z
  .strictObject({
    gstin: z.string().trim().toUpperCase().min(1).max(15).optional(),
    pan: z.string().trim().toUpperCase().min(1).max(10).optional(),
    name: z.string().trim().min(1).max(300).optional(),
    externalRef: z.string().trim().min(1).max(120).optional(),
  })
  .refine((query) => Object.values(query).filter((value) => value !== undefined).length === 1, { message: 'Look up by exactly one of gstin, pan, name or externalRef.' });

export const alertsQuerySchema = z.strictObject({
  customerId: z.string().regex(/^[1-9]\d{0,14}$/).transform(Number).optional(),
});

export const changeSchema = z.enum(['created', 'updated', 'unchanged']);
export type RecordChange = z.infer<typeof changeSchema>;

export const customerWriteResponseSchema = z.object({ change: changeSchema, customer: customerSchema });

export const invoiceRecordSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  invoiceNumber: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  description: z.string().nullable(),
  openMinor: z.number().int(),
});
export const invoiceWriteResponseSchema = z.object({ change: changeSchema, invoice: invoiceRecordSchema });

export const paymentRecordSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  paymentDate: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  reference: z.string().nullable(),
  allocations: z.array(z.object({ invoiceId: z.number().int(), invoiceNumber: z.string(), amountMinor: z.number().int() })),
});
export const paymentWriteResponseSchema = z.object({ change: changeSchema, payment: paymentRecordSchema });

export const customerListResponseSchema = z.object({ items: z.array(customerSchema) });

const reasonSchema = z.object({ code: z.string(), text: z.string(), direction: z.enum(['raises', 'lowers']), impactPoints: z.number() });
const indicatorSchema = z.object({ category: z.string(), code: z.string(), severity: z.string(), message: z.string() }).loose();

/** A customer's stored score as the app shows it, with its credit limit and the headroom left under it. */
export const riskViewSchema = riskRowSchema.extend({
  asOf: z.string(),
  probability: z.number(),
  currency: z.string(),
  reasons: z.array(reasonSchema),
  indicators: z.array(indicatorSchema),
  actionBasis: z.array(z.string()),
  creditLimitMinor: z.number().int().nullable(),
  headroomMinor: z.number().int().nullable(),
  utilisation: z.number().nullable(),
  overLimitMinor: z.number().int(),
});
export type RiskView = z.infer<typeof riskViewSchema>;

export const creditDecisionSchema = z.object({
  customerId: z.number().int(),
  decision: z.enum(['approve', 'approve-with-conditions', 'refuse']),
  amountMinor: z.number().int(),
  currency: z.string(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  conditions: z.array(z.string()),
  current: z.object({ score: z.number().int(), band: z.string(), suggestedAction: z.string() }),
  withOrder: z.object({ score: z.number().int(), band: z.string(), suggestedAction: z.string() }),
  creditLimitMinor: z.number().int().nullable(),
  exposureMinor: z.number().int(),
  headroomMinor: z.number().int().nullable(),
  headroomAfterMinor: z.number().int().nullable(),
});
export type CreditDecision = z.infer<typeof creditDecisionSchema>;

export const alertSchema = z.object({
  id: z.number().int().nullable(),
  customerId: z.number().int().nullable(),
  kind: z.string().nullable(),
  severity: z.string().nullable(),
  message: z.string().nullable(),
  status: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export const alertsResponseSchema = z.object({
  /** False while this ledger has no alerts table yet. */
  available: z.boolean(),
  items: z.array(alertSchema),
});
export type AlertsResponse = z.infer<typeof alertsResponseSchema>;
