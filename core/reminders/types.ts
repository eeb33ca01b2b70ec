import type { IsoDate } from '../ledger/dates';

export type Channel = 'email' | 'whatsapp' | 'sms';
export const channels: readonly Channel[] = ['email', 'whatsapp', 'sms'];

/** Tone of a reminder. None of them may threaten: the strongest, `final`, is still a request. */
export type Tone = 'polite' | 'neutral' | 'firm' | 'final';
export const tones: readonly Tone[] = ['polite', 'neutral', 'firm', 'final'];

/** Risk band from the scoring engine, A (lowest risk) to E. */
export type Band = 'A' | 'B' | 'C' | 'D' | 'E';

/**
 * A customer's consent to payment reminders, as recorded by the privacy module. A record
 * without `channel` covers every channel, and a channel-specific record overrides it.
 */
export interface ReminderConsent {
  readonly customerId: number;
  readonly channel?: Channel;
  readonly granted: boolean;
}

/** Returns the consent recorded for a customer and channel, or undefined when none is recorded. */
export type ConsentLookup = (customerId: number, channel: Channel) => boolean | undefined;

/**
 * A reminder already sent or queued, as kept by the outbox: one record per idempotency key, so a
 * grouped message gives one record per invoice, all with the same channel and `sentAt`.
 */
export interface SentReminder {
  readonly idempotencyKey: string;
  readonly customerId: number;
  readonly channel: Channel;
  /** ISO 8601 instant, for example 2026-01-05T04:30:00Z. */
  readonly sentAt: string;
}

export interface Recipient {
  /** E-mail address, or a phone number in E.164 form. */
  readonly address: string;
  readonly name: string | null;
}

export type SkipReason =
  | 'paid'
  | 'disputed'
  | 'promise-to-pay'
  | 'consent-withdrawn'
  | 'consent-missing'
  | 'no-address'
  | 'manual'
  | 'catch-up-expired'
  | 'customer-not-found';

export type DeferReason = 'quiet-hours' | 'weekly-off-day' | 'holiday' | 'weekly-cap';

/** One step of a schedule as it applies to one invoice; `repeatIndex` 0 is the step itself. */
export interface StepOccurrence {
  readonly stepId: string;
  readonly repeatIndex: number;
  /** Local calendar date on which the step falls due for this invoice. */
  readonly date: IsoDate;
  readonly templateId: string;
  readonly tone: Tone;
  readonly channels: readonly Channel[];
  readonly attachStatement: boolean;
}

/** A message to send now (`due`) or later (`deferred`, no earlier than `notBefore`). */
export interface PlannedMessage {
  readonly status: 'due' | 'deferred';
  /** One key per invoice in the message; the outbox stores them to keep sending idempotent. */
  readonly idempotencyKeys: readonly string[];
  readonly customerId: number;
  readonly invoiceIds: readonly number[];
  /** Step of the invoice with the earliest due date in the message, whose template was used. */
  readonly stepId: string;
  readonly repeatIndex: number;
  readonly templateId: string;
  readonly tone: Tone;
  readonly channel: Channel;
  readonly language: string;
  /** E-mail subject, empty for WhatsApp and SMS. */
  readonly subject: string;
  readonly body: string;
  readonly recipients: readonly Recipient[];
  readonly attachStatement: boolean;
  /** wa.me or sms: link for the first recipient; null for e-mail. */
  readonly link: string | null;
  /** ISO instant before which a deferred message must not go out; null when due. */
  readonly notBefore: string | null;
  readonly deferReason: DeferReason | null;
  /** Plain sentence explaining a deferral; null when due. */
  readonly deferMessage: string | null;
}

export interface SkipRecord {
  readonly status: 'skipped';
  readonly customerId: number;
  readonly invoiceId: number;
  readonly stepId: string;
  readonly repeatIndex: number;
  /** The channel skipped, or null when the skip applies to every channel of the step. */
  readonly channel: Channel | null;
  readonly reason: SkipReason;
  /** Plain sentence for the user, naming the invoice. */
  readonly message: string;
}

/** Outcome for one invoice, step and channel, so a screen can list every invoice's state. */
export interface ReminderDecision {
  readonly invoiceId: number;
  readonly customerId: number;
  readonly stepId: string;
  readonly repeatIndex: number;
  readonly channel: Channel | null;
  readonly status: 'due' | 'deferred' | 'skipped';
  readonly idempotencyKey: string | null;
  readonly reason: SkipReason | DeferReason | null;
  readonly notBefore: string | null;
}

export interface ReminderPlan {
  /** The instant the plan was made for. */
  readonly now: string;
  readonly messages: readonly PlannedMessage[];
  readonly deferred: readonly PlannedMessage[];
  readonly skipped: readonly SkipRecord[];
  readonly decisions: readonly ReminderDecision[];
}

/** Builds the idempotency key of one invoice, step, repeat and channel. */
export function reminderKey(invoiceId: number, stepId: string, repeatIndex: number, channel: Channel): string {
  return `${invoiceId}:${stepId}:${repeatIndex}:${channel}`;
}
