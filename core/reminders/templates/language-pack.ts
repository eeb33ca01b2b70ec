import { z } from 'zod';

/**
 * BCP 47 language tag of a reminder language: `en`, `hi` (Hindi in Devanagari) and `hi-Latn`
 * (Hinglish, Hindi written in Latin script) ship by default, and users may add more.
 */
export const languageTagSchema = z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'Use a language tag such as en, hi or hi-Latn.');

export const templateIdSchema = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens, up to 64 characters.');

/** One reminder text in one language: subject and body for e-mail, `short` for WhatsApp and SMS. */
export const reminderTemplateSchema = z.object({
  subject: z.string().max(300),
  body: z.string().min(1).max(10_000),
  short: z.string().min(1).max(2_000),
});
export type ReminderTemplate = z.infer<typeof reminderTemplateSchema>;

/** Phrases for an invoice's state, used by the `{status}` placeholder of the invoice line. */
export const statusPhrasesSchema = z.object({
  upcoming: z.string().min(1).max(300),
  dueToday: z.string().min(1).max(300),
  overdueOneDay: z.string().min(1).max(300),
  overdue: z.string().min(1).max(300),
});

export const paymentLabelsSchema = z.object({
  heading: z.string().max(200),
  upiId: z.string().max(100),
  accountName: z.string().max(100),
  accountNumber: z.string().max(100),
  bankName: z.string().max(100),
  ifsc: z.string().max(100),
});

export const lateFeeLabelsSchema = z.object({
  msmed: z.string().max(300),
  simple: z.string().max(300),
  penal: z.string().max(300),
});

export const languagePackSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** Template for one line of `{invoice_list}`. */
  invoiceLine: z.string().min(1).max(1_000),
  statusPhrases: statusPhrasesSchema,
  paymentLabels: paymentLabelsSchema,
  lateFeeLabels: lateFeeLabelsSchema,
  /** Name used when neither the contact nor the customer has one. */
  fallbackContactName: z.string().max(100),
  templates: z.record(templateIdSchema, reminderTemplateSchema),
});
export type LanguagePack = z.infer<typeof languagePackSchema>;

/**
 * A user's edits to a language. Every field is optional, and `templates` is merged by id over
 * the shipped pack of the same tag. A language with no shipped pack must give every field.
 */
export const languagePackEditSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  invoiceLine: z.string().min(1).max(1_000).optional(),
  statusPhrases: statusPhrasesSchema.partial().optional(),
  paymentLabels: paymentLabelsSchema.partial().optional(),
  lateFeeLabels: lateFeeLabelsSchema.partial().optional(),
  fallbackContactName: z.string().max(100).optional(),
  templates: z.record(templateIdSchema, reminderTemplateSchema).optional(),
});
export type LanguagePackEdit = z.infer<typeof languagePackEditSchema>;

/** Applies a user's edits to a shipped pack, or builds a new pack from edits alone (null when incomplete). */
export function mergeLanguagePack(base: LanguagePack | undefined, edit: LanguagePackEdit | undefined): LanguagePack | null {
  if (base === undefined) {
    const parsed = languagePackSchema.safeParse(edit ?? {});
    return parsed.success ? parsed.data : null;
  }
  if (edit === undefined) return base;
  return {
    name: edit.name ?? base.name,
    invoiceLine: edit.invoiceLine ?? base.invoiceLine,
    statusPhrases: { ...base.statusPhrases, ...edit.statusPhrases },
    paymentLabels: { ...base.paymentLabels, ...edit.paymentLabels },
    lateFeeLabels: { ...base.lateFeeLabels, ...edit.lateFeeLabels },
    fallbackContactName: edit.fallbackContactName ?? base.fallbackContactName,
    templates: { ...base.templates, ...edit.templates },
  };
}
