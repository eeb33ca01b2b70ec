import { z } from 'zod';
import { channelSchema, toneSchema } from '../reminders/schedule-schema';
import { reminderSettingsSchema } from '../reminders/settings';
import { languageTagSchema, reminderTemplateSchema, templateIdSchema } from '../reminders/templates/language-pack';
import { contactSchema, customerSchema } from './customers';
import { defineRequest } from './define';

const emailOrEmpty = z.union([z.literal(''), z.email('Use an e-mail address such as accounts@example.in.')]);

/** Security of the SMTP connection: none, STARTTLS after connecting (usually port 587), or TLS from the start (usually port 465). */
export const smtpSecuritySchema = z.enum(['none', 'starttls', 'tls']);

export const smtpSettingsSchema = z.object({
  host: z.string().trim().max(253).regex(/^[A-Za-z0-9.:[\]-]*$/, 'Use a host name or IP address such as smtp.example.in.').default(''),
  port: z.number().int().min(1).max(65_535).default(587),
  security: smtpSecuritySchema.default('starttls'),
  /** Login name; empty for a server that accepts mail without authentication. */
  username: z.string().trim().max(254).default(''),
  fromAddress: emailOrEmpty.default(''),
  fromName: z.string().trim().max(200).default(''),
  replyTo: emailOrEmpty.default(''),
});
export type SmtpSettings = z.infer<typeof smtpSettingsSchema>;

/**
 * `off` plans and sends nothing. `review` writes drafts that wait for the user's approval.
 * `automatic` queues e-mail and sends it at once. WhatsApp and SMS messages always wait for the
 * user to send them from their phone and mark them sent.
 */
export const reminderModeSchema = z.enum(['off', 'review', 'automatic']);
export type ReminderMode = z.infer<typeof reminderModeSchema>;

export const reminderDeliverySchema = z.object({
  mode: reminderModeSchema.default('off'),
  smtp: smtpSettingsSchema.prefault({}),
});
export type ReminderDelivery = z.infer<typeof reminderDeliverySchema>;

export const outboxStatuses = ['draft', 'queued', 'sending', 'sent', 'failed', 'skipped', 'cancelled'] as const;
export const outboxStatusSchema = z.enum(outboxStatuses);
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

const recipientSchema = z.object({ address: z.string(), name: z.string().nullable() });

export const outboxItemSchema = z.object({
  id: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  invoiceIds: z.array(z.number().int()),
  invoiceNumbers: z.array(z.string()),
  stepId: z.string(),
  repeatIndex: z.number().int(),
  templateId: z.string(),
  tone: toneSchema,
  channel: channelSchema,
  language: z.string(),
  subject: z.string(),
  body: z.string(),
  recipients: z.array(recipientSchema),
  status: outboxStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  /** The SMTP server's reply or the connection error of the last failed attempt. */
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  /** False for a message Duewatch stopped while sending: it may or may not have reached the server. */
  deliveryConfirmed: z.boolean(),
  attachStatement: z.boolean(),
  /** wa.me or sms: link for WhatsApp and SMS; null for e-mail. */
  link: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

const skippedSchema = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  invoiceId: z.number().int(),
  invoiceNumber: z.string(),
  stepId: z.string(),
  channel: channelSchema.nullable(),
  reason: z.string(),
  message: z.string(),
});

export const reminderRunSchema = z.object({
  asOf: z.string(),
  mode: reminderModeSchema,
  /** Messages written to the outbox by this run, as drafts or queued. */
  created: z.array(z.object({ outboxId: z.number().int(), customerId: z.number().int(), customerName: z.string(), channel: channelSchema, status: outboxStatusSchema, invoiceNumbers: z.array(z.string()) })),
  /** E-mail handed to the SMTP server in this run, with the outcome. */
  delivered: z.array(z.object({ outboxId: z.number().int(), customerId: z.number().int(), status: outboxStatusSchema, error: z.string().nullable(), nextAttemptAt: z.string().nullable() })),
  skipped: z.array(skippedSchema),
  deferred: z.array(z.object({ customerId: z.number().int(), customerName: z.string(), channel: channelSchema, invoiceIds: z.array(z.number().int()), reason: z.string(), notBefore: z.string().nullable(), message: z.string() })),
  /** Outbox ids found in `sending` from a run that stopped; they are recorded as sent without confirmation. */
  unconfirmed: z.array(z.number().int()),
});
export type ReminderRun = z.infer<typeof reminderRunSchema>;

export const reminderHistoryEntrySchema = z.object({
  kind: z.enum(['message', 'skip']),
  at: z.string(),
  status: z.union([outboxStatusSchema, z.literal('skipped')]),
  channel: channelSchema.nullable(),
  stepId: z.string(),
  repeatIndex: z.number().int(),
  invoiceNumbers: z.array(z.string()),
  subject: z.string(),
  /** Skip reason code, such as `paid` or `promise-to-pay`; null for messages. */
  reason: z.string().nullable(),
  /** The skip sentence, or the last error of a failed message. */
  message: z.string().nullable(),
  outboxId: z.number().int().nullable(),
  deliveryConfirmed: z.boolean(),
});
export type ReminderHistoryEntry = z.infer<typeof reminderHistoryEntrySchema>;

const languageSummarySchema = z.object({
  tag: z.string(),
  name: z.string(),
  templates: z.record(z.string(), reminderTemplateSchema),
});

export const reminderSettingsViewSchema = z.object({
  settings: reminderSettingsSchema,
  delivery: reminderDeliverySchema,
  /** Whether an SMTP password is stored; the password itself never leaves the main process. */
  smtpPasswordSet: z.boolean(),
  /** Shipped languages with the user's edits applied, for the template editor. */
  languages: z.array(languageSummarySchema),
  placeholders: z.record(z.string(), z.string()),
});
export type ReminderSettingsView = z.infer<typeof reminderSettingsViewSchema>;

const idsSchema = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) });
const idsResultSchema = z.object({ updated: z.array(z.number().int()), unchanged: z.array(z.number().int()) });

export const reminderRequests = {
  'reminders.getSettings': defineRequest(z.object({}), reminderSettingsViewSchema),
  'reminders.saveSettings': defineRequest(
    z.object({
      settings: reminderSettingsSchema.optional(),
      delivery: reminderDeliverySchema.optional(),
      /** A new SMTP password, null to remove the stored one, or left out to keep it. */
      smtpPassword: z.string().min(1).max(500).nullable().optional(),
    }),
    reminderSettingsViewSchema,
  ),
  'reminders.sendTestEmail': defineRequest(
    z.object({ to: z.email('Use an e-mail address such as you@example.in.') }),
    z.object({ messageId: z.string(), response: z.string() }),
  ),
  'reminders.preview': defineRequest(
    z.object({
      customerId: z.number().int().positive().nullable().default(null),
      language: languageTagSchema,
      templateId: templateIdSchema,
      channel: channelSchema,
      /** Unsaved text from the template editor, previewed in place of the stored template. */
      template: reminderTemplateSchema.optional(),
    }),
    z.object({ subject: z.string(), body: z.string(), customerName: z.string(), invoiceCount: z.number().int(), usedSampleInvoices: z.boolean(), error: z.string().nullable() }),
  ),
  'reminders.run': defineRequest(z.object({}), reminderRunSchema),
  'reminders.outbox': defineRequest(
    z.object({ statuses: z.array(outboxStatusSchema).max(7).default([]), limit: z.number().int().min(1).max(1000).default(200) }),
    z.object({ items: z.array(outboxItemSchema), counts: z.record(z.string(), z.number().int()) }),
  ),
  'reminders.approve': defineRequest(idsSchema, idsResultSchema),
  'reminders.cancel': defineRequest(idsSchema, idsResultSchema),
  'reminders.retry': defineRequest(idsSchema, idsResultSchema),
  'reminders.markSent': defineRequest(idsSchema, idsResultSchema),
  'reminders.history': defineRequest(z.object({ customerId: z.number().int().positive(), limit: z.number().int().min(1).max(1000).default(200) }), z.array(reminderHistoryEntrySchema)),
  'reminders.findCustomers': defineRequest(
    z.object({ query: z.string().trim().max(200).default(''), limit: z.number().int().min(1).max(100).default(20) }),
    z.array(z.object({ id: z.number().int(), name: z.string(), externalRef: z.string().nullable(), openInvoices: z.number().int(), emails: z.array(z.string()), phones: z.array(z.string()) })),
  ),
  'reminders.addContact': defineRequest(contactSchema.extend({ customerId: z.number().int().positive() }), customerSchema),
} as const;
