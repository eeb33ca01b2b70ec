import { z } from 'zod';
import { importMappingSchema } from '../import/mapping/mapping';
import { defineRequest } from './define';

export const importOptionsSchema = z.object({
  preset: z.string().max(100).optional(),
  mapping: importMappingSchema.optional(),
  sheet: z.union([z.string().max(200), z.number().int().min(0)]).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 currency code.').optional(),
  defaultTermsDays: z.number().int().min(0).max(3650).optional(),
  termsByCustomer: z.record(z.string().max(300), z.number().int().min(0).max(3650)).optional(),
});
export type ImportRequestOptions = z.infer<typeof importOptionsSchema>;

const entityChangesSchema = z.object({ new: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const importChangesSchema = z.object({
  customers: entityChangesSchema,
  invoices: entityChangesSchema,
  payments: entityChangesSchema,
  allocations: entityChangesSchema,
  disputes: z.number().int(),
  balanceAdjustments: z.number().int(),
});

export const importProblemSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
  code: z.string(),
});

export const importStatsSchema = z.object({
  rowsRead: z.number().int(),
  rowsSkipped: z.number().int(),
  rowsRejected: z.number().int(),
  customers: z.number().int(),
  invoices: z.number().int(),
  payments: z.number().int(),
  allocations: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  problemsNotKept: z.number().int(),
});

export const importFileSchema = z.object({ fileId: z.string(), fileName: z.string(), sizeBytes: z.number().int() });

export const importPreviewSchema = z.object({
  file: importFileSchema,
  format: z.string(),
  preset: z.string(),
  encoding: z.string(),
  sheetName: z.string().nullable(),
  columns: z.array(z.string()),
  mapping: importMappingSchema.nullable(),
  stats: importStatsSchema,
  changes: importChangesSchema,
  problems: z.array(importProblemSchema),
  problemCounts: z.record(z.string(), z.number().int()),
  ambiguousDateColumns: z.array(z.string()),
  duplicates: z.array(z.object({ reasons: z.array(z.string()), message: z.string(), names: z.array(z.string()) })),
  sampleInvoices: z.array(z.object({ row: z.number().int(), customer: z.string(), invoiceNumber: z.string(), issueDate: z.string(), dueDate: z.string(), amountMinor: z.number().int(), currency: z.string(), openAmountMinor: z.number().int().nullable() })),
  alreadyImportedOn: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importLogEntrySchema = z.object({
  id: z.number().int(),
  sourceFile: z.string(),
  format: z.string(),
  preset: z.string().nullable(),
  startedAt: z.string(),
  committedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  changes: importChangesSchema.nullable(),
});
export type ImportLogEntry = z.infer<typeof importLogEntrySchema>;

export const importPresetSchema = z.object({ id: z.string(), label: z.string(), description: z.string() });

export const importRequests = {
  'import.presets': defineRequest(z.object({}), z.array(importPresetSchema)),
  'import.chooseFile': defineRequest(z.object({}), importFileSchema.nullable()),
  'import.preview': defineRequest(z.object({ fileId: z.string().min(1).max(100), options: importOptionsSchema.default({}) }), importPreviewSchema),
  'import.commit': defineRequest(
    z.object({ fileId: z.string().min(1).max(100), options: importOptionsSchema.default({}) }),
    z.object({ importId: z.number().int(), changes: importChangesSchema, problems: z.array(importProblemSchema) }),
  ),
  'import.discard': defineRequest(z.object({ fileId: z.string().min(1).max(100) }), z.object({ discarded: z.boolean() })),
  'import.list': defineRequest(z.object({}), z.array(importLogEntrySchema)),
  'import.undo': defineRequest(z.object({ importId: z.number().int().positive() }), z.object({ importId: z.number().int(), removed: z.record(z.string(), z.number().int()) })),
  'import.mappings': defineRequest(z.object({}), z.array(z.object({ name: z.string(), mapping: importMappingSchema }))),
  'import.saveMapping': defineRequest(z.object({ name: z.string().trim().min(1).max(100), mapping: importMappingSchema }), z.object({ saved: z.literal(true) })),
} as const;
