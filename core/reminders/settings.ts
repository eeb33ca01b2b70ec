import { z } from 'zod';
import { isIsoDate } from '../ledger/dates';
import { closeFollowUpSchedule, standardSchedule } from './default-schedules';
import { lateFeeSettingsSchema } from './late-fees/late-fee';
import { isValidTimeZone } from './local-time';
import { scheduleAssignmentSchema, scheduleIdSchema, scheduleSchema } from './schedule-schema';
import { languagePackEditSchema, languageTagSchema } from './templates/language-pack';
import { checkSettingsReferences } from './settings-references';

const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 08:00.');
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'Use an IANA time zone such as Asia/Kolkata.');

/**
 * When reminders may go out, in the customer's time zone: from `start` (inclusive) to `end`
 * (exclusive) on days that are neither weekly off-days nor listed holidays. Outside the window a
 * reminder is deferred, not dropped.
 */
export const sendWindowSchema = z.object({
  sendingHours: z.object({ start: timeOfDaySchema, end: timeOfDaySchema })
    .refine((hours) => hours.start < hours.end, 'The sending hours must start before they end.')
    .default({ start: '08:00', end: '19:00' }),
  /** Days of the week without reminders: 0 is Sunday, 6 is Saturday. */
  weeklyOffDays: z.array(z.number().int().min(0).max(6)).max(6)
    .refine((days) => new Set(days).size === days.length, 'List each off-day once.')
    .default([0]),
  holidays: z.array(z.object({
    date: z.string().refine(isIsoDate, 'Use a YYYY-MM-DD date.'),
    name: z.string().trim().max(100).default(''),
  })).max(1_000).default([]),
});
export type SendWindow = z.infer<typeof sendWindowSchema>;

export const customerReminderPreferenceSchema = z.object({
  /** `manual`: the app sends no automatic reminders to this customer. */
  mode: z.enum(['automatic', 'manual']).default('automatic'),
  scheduleId: scheduleIdSchema.nullable().default(null),
  language: languageTagSchema.nullable().default(null),
  timeZone: timeZoneSchema.nullable().default(null),
});
export type CustomerReminderPreference = z.infer<typeof customerReminderPreferenceSchema>;

const optionalText = (max: number) => z.string().trim().max(max).default('');

/** The sender's details as printed in reminders and statements. */
export const businessDetailsSchema = z.object({
  name: optionalText(200),
  address: optionalText(1_000),
  gstin: z.string().trim().toUpperCase().regex(/^(|[0-9]{2}[A-Z0-9]{13})$/, 'A GSTIN has 15 characters, starting with the 2-digit state code.').default(''),
  phone: optionalText(40),
  email: optionalText(254),
  upiId: z.string().trim().regex(/^(|[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64})$/, 'Use a UPI ID such as name@bank.').default(''),
  bankAccountName: optionalText(200),
  bankAccountNumber: z.string().trim().regex(/^(|[0-9]{6,20})$/, 'A bank account number has 6 to 20 digits.').default(''),
  bankName: optionalText(200),
  ifsc: z.string().trim().toUpperCase().regex(/^(|[A-Z]{4}0[A-Z0-9]{6})$/, 'An IFSC has 11 characters: 4 letters, a zero, then 6 letters or digits.').default(''),
});
export type BusinessDetails = z.infer<typeof businessDetailsSchema>;

export const reminderSettingsSchema = z.object({
  schedules: z.array(scheduleSchema).min(1).max(50).default([standardSchedule, closeFollowUpSchedule]),
  assignment: scheduleAssignmentSchema.prefault({ defaultScheduleId: 'standard', byBand: { D: 'close-follow-up', E: 'close-follow-up' } }),
  /** Preferences by customer id (as a decimal string, so the settings stay plain JSON). */
  customers: z.record(z.string().regex(/^[0-9]+$/, 'Use the customer id.'), customerReminderPreferenceSchema).default({}),
  defaultLanguage: languageTagSchema.default('en'),
  defaultTimeZone: timeZoneSchema.default('Asia/Kolkata'),
  /** Edits to the shipped languages and whole new languages, by language tag. */
  languages: z.record(languageTagSchema, languagePackEditSchema).default({}),
  sendWindow: sendWindowSchema.prefault({}),
  /** Maximum reminders to one customer in any 7 days over all channels, or null for no cap. */
  weeklyCap: z.number().int().min(1).max(50).nullable().default(3),
  /** Days after which a step that fell due is no longer sent late, or null to always catch up. */
  maxCatchUpDays: z.number().int().min(0).max(3_650).nullable().default(30),
  /** When true, a customer with no consent record gets no reminders; when false, only a withdrawal stops them. */
  consentRequired: z.boolean().default(false),
  lateFee: lateFeeSettingsSchema.default({ kind: 'none' }),
  business: businessDetailsSchema.prefault({}),
}).superRefine(checkSettingsReferences);
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

/** Parses and checks reminder settings, and throws a ZodError listing every invalid field. */
export function parseReminderSettings(input: unknown = {}): ReminderSettings {
  return reminderSettingsSchema.parse(input);
}
