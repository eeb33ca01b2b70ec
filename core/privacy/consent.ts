import type { IsoDate } from '../ledger/dates';
import type { Channel, ReminderConsent } from '../reminders/types';

/**
 * Consent and legal basis per customer, contact and purpose. DPDP Act 2023 s.6(4) lets a Data
 * Principal withdraw consent at any time, as easily as it was given, and GDPR art. 7(1) makes
 * the controller able to show that consent was given. So every grant and every withdrawal is a
 * new record, none is overwritten, and the state in force is computed from the history.
 */
export const consentPurposes = ['payment-reminders', 'credit-assessment', 'bureau-checks', 'marketing'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/**
 * The lawful ground a record relies on: consent (DPDP s.6, GDPR art. 6(1)(a)), performance of
 * the contract (GDPR art. 6(1)(b)), a legal obligation (GDPR art. 6(1)(c)), or establishing and
 * enforcing a legal claim (DPDP s.17(1)(a), GDPR art. 17(3)(e)).
 */
export const legalBases = ['consent', 'contract', 'legal-obligation', 'enforcing-a-claim'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const consentActions = ['given', 'withdrawn'] as const;
export type ConsentAction = (typeof consentActions)[number];

export const reminderChannels: readonly Channel[] = ['email', 'whatsapp', 'sms'];

/** One stored consent record. `contactId` null covers the whole customer; `channel` null covers every channel. */
export interface ConsentRecord {
  readonly id: number;
  readonly customerId: number;
  readonly contactId: number | null;
  readonly channel: Channel | null;
  readonly purpose: ConsentPurpose;
  readonly legalBasis: LegalBasis;
  readonly action: ConsentAction;
  readonly noticeVersion: string | null;
  /** The day the consent was given or withdrawn. */
  readonly effectiveOn: IsoDate;
  /** The channel or method of giving or withdrawing, in the user's words: "signed credit application", "reply to e-mail". */
  readonly method: string;
  /** The record this one corrects; the corrected record stays in the history but no longer counts. */
  readonly replacesId: number | null;
  readonly recordedAt: string;
}

export interface ContactRef {
  readonly id: number;
  readonly kind: 'email' | 'phone';
}

/** Returns the channels a contact reaches: e-mail addresses get e-mail, phone numbers WhatsApp and SMS. */
export function channelsOfContact(kind: 'email' | 'phone'): readonly Channel[] {
  return kind === 'email' ? ['email'] : ['whatsapp', 'sms'];
}

function scopeKey(record: ConsentRecord): string {
  return `${record.customerId}|${record.contactId ?? '*'}|${record.channel ?? '*'}|${record.purpose}`;
}

/** Orders records by the day they took effect, then by id, so the later record of one day wins. */
function compareRecords(a: ConsentRecord, b: ConsentRecord): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  return a.id - b.id;
}

/** Returns the record in force for each scope (customer, contact, channel, purpose), ignoring corrected records. */
export function currentConsents(records: readonly ConsentRecord[]): ConsentRecord[] {
  const replaced = new Set(records.map((record) => record.replacesId).filter((id): id is number => id !== null));
  const latest = new Map<string, ConsentRecord>();
  for (const record of [...records].sort(compareRecords)) {
    if (replaced.has(record.id)) continue;
    latest.set(scopeKey(record), record);
  }
  return [...latest.values()].sort(compareRecords);
}

export interface ReminderDecision {
  readonly allowed: boolean;
  /** `missing` when no record covers the channel; callers that send without consent treat it as allowed. */
  readonly state: 'granted' | 'withdrawn' | 'missing';
  readonly reason: string;
  /** The record the decision rests on, or null when none does. */
  readonly recordId: number | null;
}

function describe(record: ConsentRecord): string {
  if (record.legalBasis === 'consent') return `consent ${record.action} on ${record.effectiveOn}`;
  return record.action === 'given'
    ? `legal basis ${record.legalBasis}, recorded on ${record.effectiveOn}`
    : `objection to processing on legal basis ${record.legalBasis}, recorded on ${record.effectiveOn}`;
}

/**
 * Returns the records in force that decide one channel. The levels are tried most specific first
 * (records for a contact the channel reaches, customer-wide records for that channel, then
 * customer-wide records for every channel), and the first level with any record decides.
 */
function decidingRecords(current: readonly ConsentRecord[], contacts: readonly ContactRef[], channel: Channel): ConsentRecord[] {
  const reminders = current.filter((record) => record.purpose === 'payment-reminders');
  const reaching = new Set(contacts.filter((contact) => channelsOfContact(contact.kind).includes(channel)).map((contact) => contact.id));
  const levels = [
    reminders.filter((record) => record.contactId !== null && reaching.has(record.contactId) && (record.channel === null || record.channel === channel)),
    reminders.filter((record) => record.contactId === null && record.channel === channel),
    reminders.filter((record) => record.contactId === null && record.channel === null),
  ];
  return levels.find((level) => level.length > 0) ?? [];
}

/**
 * Decides whether payment reminders may go to a customer on one channel.
 * NOTE: the reminder engine sends to every address of a channel, so a withdrawal for any one
 * contact on that channel stops the whole channel, even where another contact still consents.
 */
export function decideReminders(records: readonly ConsentRecord[], contacts: readonly ContactRef[], channel: Channel): ReminderDecision {
  const deciding = decidingRecords(currentConsents(records), contacts, channel);
  if (deciding.length === 0) {
    return { allowed: false, state: 'missing', reason: 'no consent or other legal basis recorded', recordId: null };
  }
  const withdrawn = deciding.filter((record) => record.action === 'withdrawn').sort(compareRecords).at(-1);
  if (withdrawn !== undefined) return { allowed: false, state: 'withdrawn', reason: describe(withdrawn), recordId: withdrawn.id };
  const given = deciding.sort(compareRecords).at(-1) as ConsentRecord;
  return { allowed: true, state: 'granted', reason: describe(given), recordId: given.id };
}

/**
 * Converts the consent history of customers into the records the reminder engine reads: one per
 * customer and channel that has a decision, none where nothing is recorded (the engine's
 * `consentRequired` setting decides those).
 */
export function toReminderConsents(
  customerIds: readonly number[],
  recordsByCustomer: ReadonlyMap<number, readonly ConsentRecord[]>,
  contactsByCustomer: ReadonlyMap<number, readonly ContactRef[]>,
): ReminderConsent[] {
  const result: ReminderConsent[] = [];
  for (const customerId of customerIds) {
    const records = recordsByCustomer.get(customerId) ?? [];
    if (records.length === 0) continue;
    for (const channel of reminderChannels) {
      const decision = decideReminders(records, contactsByCustomer.get(customerId) ?? [], channel);
      if (decision.state !== 'missing') result.push({ customerId, channel, granted: decision.allowed });
    }
  }
  return result;
}
