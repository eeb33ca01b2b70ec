import { z } from 'zod';
import { defineRequest } from './define';

export const contactSchema = z.object({
  kind: z.enum(['email', 'phone']),
  value: z.string().trim().min(3).max(254),
  name: z.string().trim().max(200).nullable().default(null),
});

export const customerSchema = z.object({
  id: z.number().int(),
  externalRef: z.string().nullable(),
  name: z.string(),
  gstin: z.string().nullable(),
  pan: z.string().nullable(),
  cin: z.string().nullable(),
  address: z.string().nullable(),
  segment: z.string().nullable(),
  creditLimitMinor: z.number().int().nullable(),
  creditLimitCurrency: z.string().nullable(),
  paymentTermsDays: z.number().int().nullable(),
  contacts: z.array(z.object({ kind: z.enum(['email', 'phone']), value: z.string(), name: z.string().nullable() })),
});
export type CustomerRecord = z.infer<typeof customerSchema>;

export const customerInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the customer name.').max(300),
  externalRef: z.string().trim().max(120).nullable().default(null),
  gstin: z.string().trim().toUpperCase().max(15).nullable().default(null),
  pan: z.string().trim().toUpperCase().max(10).nullable().default(null),
  cin: z.string().trim().toUpperCase().max(21).nullable().default(null),
  address: z.string().trim().max(1000).nullable().default(null),
  segment: z.string().trim().max(100).nullable().default(null),
  creditLimitMinor: z.number().int().min(0).nullable().default(null),
  creditLimitCurrency: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
  paymentTermsDays: z.number().int().min(0).max(3650).nullable().default(null),
  contacts: z.array(contactSchema).max(50).default([]),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerRequests = {
  'customers.add': defineRequest(customerInputSchema, customerSchema),
  'customers.get': defineRequest(z.object({ id: z.number().int().positive() }), customerSchema),
  'customers.duplicates': defineRequest(
    z.object({}),
    z.array(z.object({
      reasons: z.array(z.string()),
      message: z.string(),
      customers: z.array(z.object({ id: z.number().int(), name: z.string(), externalRef: z.string().nullable(), gstin: z.string().nullable(), pan: z.string().nullable() })),
    })),
  ),
  'customers.merge': defineRequest(
    z.object({ keepId: z.number().int().positive(), mergeIds: z.array(z.number().int().positive()).min(1).max(50) }),
    z.object({ keptId: z.number().int(), merged: z.array(z.number().int()) }),
  ),
  'customers.list': defineRequest(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ total: z.number().int(), items: z.array(customerSchema) }),
  ),
} as const;
