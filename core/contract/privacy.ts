import { z } from 'zod';
import { isIsoDate } from '../ledger/dates';
import { consentActions, consentPurposes, legalBases } from '../privacy/consent';
import { privacyRequestKinds, privacyRequestStatuses } from '../privacy/requests';
import { retentionCategories } from '../privacy/retention';
import { defineRequest } from './define';
import { ledgerSummarySchema, passphraseSchema } from './ledger';

const id = z.number().int().positive();
const isoDate = z.string().refine(isIsoDate, { message: 'Use a date in the form YYYY-MM-DD.' });
const channel = z.enum(['email', 'whatsapp', 'sms']);

export const consentRecordSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  contactId: z.number().int().nullable(),
  contact: z.string().nullable(),
  channel: channel.nullable(),
  purpose: z.enum(consentPurposes),
  legalBasis: z.enum(legalBases),
  action: z.enum(consentActions),
  noticeVersion: z.string().nullable(),
  effectiveOn: z.string(),
  method: z.string(),
  replacesId: z.number().int().nullable(),
  replaced: z.boolean(),
  recordedAt: z.string(),
});
export type ConsentRecordOutput = z.infer<typeof consentRecordSchema>;

const consentFields = z.object({
  contactId: id.nullable().default(null),
  channel: channel.nullable().default(null),
  purpose: z.enum(consentPurposes),
  legalBasis: z.enum(legalBases),
  action: z.enum(consentActions),
  noticeVersion: z.string().trim().max(100).nullable().default(null),
  effectiveOn: isoDate,
  method: z.string().trim().min(1, 'Say how the consent was given or withdrawn, for example "signed form" or "reply to e-mail".').max(300),
});

export const reminderDecisionSchema = z.object({
  allowed: z.boolean(),
  state: z.enum(['granted', 'withdrawn', 'missing']),
  reason: z.string(),
  recordId: z.number().int().nullable(),
});

const customerBrief = z.object({ id: z.number().int(), name: z.string(), externalRef: z.string().nullable(), erased: z.boolean() });

const importRowSchema = z.object({
  row: z.number().int(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  contactId: z.number().int().nullable(),
  channel: channel.nullable(),
  purpose: z.enum(consentPurposes).nullable(),
  legalBasis: z.enum(legalBases).nullable(),
  action: z.enum(consentActions).nullable(),
  noticeVersion: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  method: z.string(),
  problems: z.array(z.string()),
});
/** CSV text of a consent register, at most 5 MB, which is room for tens of thousands of rows. */
const csvText = z.string().min(1, 'The file is empty.').max(5_000_000, 'The file is larger than 5 MB of text: split it.');

const keptSchema = z.object({ what: z.string(), count: z.number().int(), fields: z.string(), rule: z.string() });

export const rectifiableFields = ['name', 'externalRef', 'gstin', 'pan', 'cin', 'address', 'segment', 'paymentTermsDays', 'contact'] as const;

export const privacyRequestSchema = z.object({
  id: z.number().int(),
  kind: z.enum(privacyRequestKinds),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(privacyRequestStatuses),
  overdue: z.boolean(),
  responseSentOn: z.string().nullable(),
  responseText: z.string().nullable(),
  notes: z.string().nullable(),
});

const retentionRule = z.object({ enabled: z.boolean(), years: z.number().int().min(1).max(100) });
export const privacySettingsSchema = z.object({
  deadlines: z.object({ responseMonths: z.number().int().min(1).max(3), extensionMonths: z.number().int().min(0).max(2), grievanceDays: z.number().int().min(1).max(90) }),
  retention: z.object(Object.fromEntries(retentionCategories.map((category) => [category, retentionRule])) as Record<(typeof retentionCategories)[number], typeof retentionRule>),
  lastRetentionRun: z.string().nullable(),
});

const retentionItem = z.object({ category: z.enum(retentionCategories), table: z.string(), rowId: z.string(), customerId: z.number().int().nullable(), description: z.string() });

const auditEntrySchema = z.object({ seq: z.number().int(), at: z.string(), action: z.string(), entityType: z.string().nullable(), entityId: z.string().nullable(), details: z.string(), hash: z.string() });
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  problem: z.object({ seq: z.number().int().nullable(), kind: z.string(), message: z.string(), entry: auditEntrySchema.nullable() }).nullable(),
});

export const privacyRequests = {
  'privacy.customers.search': defineRequest(z.object({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(200).default(50) }), z.array(customerBrief)),
  'privacy.consents.list': defineRequest(
    z.object({ customerId: id }),
    z.object({
      customer: customerBrief,
      contacts: z.array(z.object({ id: z.number().int(), kind: z.enum(['email', 'phone']), value: z.string() })),
      records: z.array(consentRecordSchema),
      current: z.array(consentRecordSchema),
      reminders: z.object({ email: reminderDecisionSchema, whatsapp: reminderDecisionSchema, sms: reminderDecisionSchema }),
    }),
  ),
  'privacy.consents.record': defineRequest(consentFields.extend({ customerId: id }), consentRecordSchema),
  'privacy.consents.correct': defineRequest(consentFields.extend({ consentId: id }), consentRecordSchema),
  'privacy.consents.previewImport': defineRequest(z.object({ csv: csvText }), z.object({ rows: z.array(importRowSchema), fileProblems: z.array(z.string()), canCommit: z.boolean() })),
  'privacy.consents.commitImport': defineRequest(z.object({ csv: csvText }), z.object({ imported: z.number().int() })),
  'privacy.reminderConsent': defineRequest(z.object({ customerId: id, channel }), reminderDecisionSchema),
  'privacy.customer.export': defineRequest(
    z.object({ customerId: id, requestId: id.nullable().default(null) }),
    z.object({ folder: z.string(), files: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })) }),
  ),
  'privacy.customer.erasurePreview': defineRequest(
    z.object({ customerId: id }),
    z.object({ customer: customerBrief, removed: z.record(z.string(), z.number().int()), kept: z.array(keptSchema), warnings: z.array(z.string()) }),
  ),
  'privacy.customer.erase': defineRequest(
    z.object({ customerId: id, confirmName: z.string().max(300), requestId: id.nullable().default(null) }),
    z.object({ customerId: z.number().int(), pseudonym: z.string(), removed: z.record(z.string(), z.number().int()), kept: z.array(keptSchema), compacted: z.boolean() }),
  ),
  'privacy.customer.rectify': defineRequest(
    z.object({
      customerId: id,
      field: z.enum(rectifiableFields),
      contactId: id.nullable().default(null),
      newValue: z.string().trim().max(1000).nullable(),
      reason: z.string().trim().min(1, 'Give the reason for the correction.').max(1000),
      requestedOn: isoDate.nullable().default(null),
      requestId: id.nullable().default(null),
    }),
    z.object({ rectificationId: z.number().int(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable() }),
  ),
  'privacy.rectifications.list': defineRequest(
    z.object({ customerId: id }),
    z.array(z.object({ id: z.number().int(), field: z.string(), oldValue: z.string().nullable(), newValue: z.string().nullable(), reason: z.string(), requestedOn: z.string(), recordedAt: z.string() })),
  ),
  'privacy.requests.list': defineRequest(z.object({ includeClosed: z.boolean().default(true) }), z.array(privacyRequestSchema)),
  'privacy.requests.create': defineRequest(
    z.object({ kind: z.enum(privacyRequestKinds), customerId: id.nullable().default(null), receivedOn: isoDate, notes: z.string().trim().max(2000).nullable().default(null) }),
    privacyRequestSchema,
  ),
  'privacy.requests.update': defineRequest(
    z.object({
      id,
      status: z.enum(privacyRequestStatuses).optional(),
      responseSentOn: isoDate.nullable().optional(),
      responseText: z.string().trim().max(5000).nullable().optional(),
      notes: z.string().trim().max(2000).nullable().optional(),
    }),
    privacyRequestSchema,
  ),
  'privacy.settings.get': defineRequest(z.object({}), privacySettingsSchema),
  'privacy.settings.update': defineRequest(privacySettingsSchema.omit({ lastRetentionRun: true }).partial(), privacySettingsSchema),
  'privacy.retention.preview': defineRequest(
    z.object({ limit: z.number().int().min(1).max(5000).default(500) }),
    z.object({ cutoffs: z.record(z.string(), z.string()), counts: z.record(z.string(), z.number().int()), items: z.array(retentionItem), notes: z.array(z.string()) }),
  ),
  'privacy.retention.run': defineRequest(z.object({}), z.object({ removed: z.record(z.string(), z.number().int()), compacted: z.boolean() })),
  'privacy.audit.list': defineRequest(
    z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }),
    z.object({ total: z.number().int(), items: z.array(auditEntrySchema) }),
  ),
  'privacy.audit.verify': defineRequest(z.object({}), auditVerificationSchema),
  'privacy.backup.create': defineRequest(z.object({ passphrase: passphraseSchema }), z.object({ path: z.string(), sizeBytes: z.number().int(), tables: z.number().int(), rows: z.number().int() })),
  'privacy.backup.restore': defineRequest(
    z.object({
      backupPath: z.string().min(1).max(4096),
      backupPassphrase: z.string().min(1).max(1024),
      name: z.string().trim().min(1).max(120).refine((name) => !/[/\\:*?"<>|]/.test(name), { message: 'A ledger name cannot contain / \\ : * ? " < > |.' }),
      newPassphrase: passphraseSchema,
    }),
    z.object({ ledger: ledgerSummarySchema, recoveryKey: z.string(), rows: z.number().int() }),
  ),
} as const;
