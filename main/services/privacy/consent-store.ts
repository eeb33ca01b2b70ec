import type { Selectable } from 'kysely';
import type { ConsentRecordOutput } from '../../../core/contract/privacy';
import { channelsOfContact, decideReminders, toReminderConsents, type ConsentRecord, type ContactRef, type ReminderDecision } from '../../../core/privacy/consent';
import { planConsentImport, type ConsentImportCustomer, type ConsentImportRow } from '../../../core/privacy/consent-csv';
import type { Channel, ReminderConsent } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import type { ConsentsTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import type { Executor } from './customer-data';

type ConsentRow = Selectable<ConsentsTable>;

export interface ConsentFields {
  readonly contactId: number | null;
  readonly channel: Channel | null;
  readonly purpose: ConsentRecord['purpose'];
  readonly legalBasis: ConsentRecord['legalBasis'];
  readonly action: ConsentRecord['action'];
  readonly noticeVersion: string | null;
  readonly effectiveOn: string;
  readonly method: string;
}

function toRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    customerId: row.customer_id,
    contactId: row.contact_id,
    channel: row.channel,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    action: row.action,
    noticeVersion: row.notice_version,
    effectiveOn: row.effective_on,
    method: row.method,
    replacesId: row.replaces_id,
    recordedAt: row.recorded_at,
  };
}

export function toOutput(record: ConsentRecord, contacts: ReadonlyMap<number, string>, replaced: ReadonlySet<number>): ConsentRecordOutput {
  return { ...record, contact: record.contactId === null ? null : (contacts.get(record.contactId) ?? null), replaced: replaced.has(record.id) };
}

export async function loadConsents(db: Executor, customerIds: readonly number[]): Promise<ConsentRecord[]> {
  if (customerIds.length === 0) return [];
  const rows = await db.selectFrom('consents').selectAll().where('customer_id', 'in', customerIds).orderBy('id').execute();
  return rows.map(toRecord);
}

export async function loadContacts(db: Executor, customerIds: readonly number[]): Promise<(ContactRef & { customerId: number; value: string })[]> {
  if (customerIds.length === 0) return [];
  const rows = await db.selectFrom('customer_contacts').select(['id', 'customer_id', 'kind', 'value']).where('customer_id', 'in', customerIds).orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, customerId: row.customer_id, kind: row.kind, value: row.value }));
}

/** Decides whether payment reminders may go to the customer on the channel; see `decideReminders`. */
export async function reminderDecision(db: Executor, customerId: number, channel: Channel): Promise<ReminderDecision> {
  return decideReminders(await loadConsents(db, [customerId]), await loadContacts(db, [customerId]), channel);
}

/**
 * Returns the consent records the reminder engine reads (`ReminderConsent` of core/reminders) for
 * the given customers, one per customer and channel with a recorded decision.
 */
export async function reminderConsentsFor(db: Executor, customerIds: readonly number[]): Promise<ReminderConsent[]> {
  const records = new Map<number, ConsentRecord[]>();
  for (let start = 0; start < customerIds.length; start += 500) {
    const chunk = customerIds.slice(start, start + 500);
    for (const record of await loadConsents(db, chunk)) records.set(record.customerId, [...(records.get(record.customerId) ?? []), record]);
  }
  const contacts = new Map<number, ContactRef[]>();
  const withRecords = [...records.keys()];
  for (let start = 0; start < withRecords.length; start += 500) {
    for (const contact of await loadContacts(db, withRecords.slice(start, start + 500))) contacts.set(contact.customerId, [...(contacts.get(contact.customerId) ?? []), contact]);
  }
  return toReminderConsents(customerIds, records, contacts);
}

async function checkScope(db: Executor, customerId: number, fields: ConsentFields, today: string): Promise<void> {
  const customer = await db.selectFrom('customers').select(['id', 'erased_at']).where('id', '=', customerId).executeTakeFirst();
  if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
  if (customer.erased_at !== null) throw new ServiceError('conflict', `Customer ${customerId} was erased; no consent can be recorded for it.`);
  if (fields.effectiveOn > today) throw new ServiceError('invalid_input', `The date ${fields.effectiveOn} is in the future: enter the day the consent was given or withdrawn.`);
  if (fields.contactId === null) return;
  const contact = await db.selectFrom('customer_contacts').select(['customer_id', 'kind']).where('id', '=', fields.contactId).executeTakeFirst();
  if (contact === undefined || contact.customer_id !== customerId) {
    throw new ServiceError('invalid_input', `Contact ${fields.contactId} is not a contact of customer ${customerId}. Choose one of the customer's contacts, or none for a customer-wide record.`);
  }
  if (fields.channel !== null && !channelsOfContact(contact.kind).includes(fields.channel)) {
    throw new ServiceError('invalid_input', `A ${contact.kind === 'email' ? 'e-mail address' : 'phone number'} cannot carry ${fields.channel}: choose ${channelsOfContact(contact.kind).join(' or ')}, or no channel.`);
  }
}

function rowValues(customerId: number, fields: ConsentFields, replacesId: number | null, at: string) {
  return {
    customer_id: customerId,
    contact_id: fields.contactId,
    channel: fields.channel,
    purpose: fields.purpose,
    legal_basis: fields.legalBasis,
    action: fields.action,
    notice_version: fields.noticeVersion,
    effective_on: fields.effectiveOn,
    method: fields.method,
    replaces_id: replacesId,
    recorded_at: at,
  };
}

/** Stores one consent record (a grant or a withdrawal) with its audit entry. */
export async function recordConsent(db: LedgerDatabase, customerId: number, fields: ConsentFields, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await checkScope(trx, customerId, fields, now.toISOString().slice(0, 10));
    const row = await trx.insertInto('consents').values(rowValues(customerId, fields, null, now.toISOString())).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { action: `consent.${fields.action}`, entityType: 'customer', entityId: customerId, details: { consentId: row.id } }, now);
    return row.id;
  });
}

/**
 * Corrects a consent record by storing a new one that replaces it. The old record stays in the
 * history, marked as replaced, so what was recorded before remains visible.
 */
export async function correctConsent(db: LedgerDatabase, consentId: number, fields: ConsentFields, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const original = await trx.selectFrom('consents').select(['id', 'customer_id']).where('id', '=', consentId).executeTakeFirst();
    if (original === undefined) throw new ServiceError('not_found', `No consent record has the id ${consentId}.`);
    const later = await trx.selectFrom('consents').select('id').where('replaces_id', '=', consentId).executeTakeFirst();
    if (later !== undefined) throw new ServiceError('conflict', `Consent record ${consentId} was already corrected by record ${later.id}: correct that one instead.`);
    await checkScope(trx, original.customer_id, fields, now.toISOString().slice(0, 10));
    const row = await trx.insertInto('consents').values(rowValues(original.customer_id, fields, consentId, now.toISOString())).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { action: 'consent.corrected', entityType: 'customer', entityId: original.customer_id, details: { consentId: row.id, replacesId: consentId } }, now);
    return row.id;
  });
}

async function importCustomers(db: Executor): Promise<ConsentImportCustomer[]> {
  const customers = await db.selectFrom('customers').select(['id', 'external_ref', 'name']).where('erased_at', 'is', null).execute();
  const contacts = await db.selectFrom('customer_contacts').select(['id', 'customer_id', 'kind', 'value']).execute();
  const byCustomer = new Map<number, { id: number; kind: 'email' | 'phone'; value: string }[]>();
  for (const contact of contacts) byCustomer.set(contact.customer_id, [...(byCustomer.get(contact.customer_id) ?? []), { id: contact.id, kind: contact.kind, value: contact.value }]);
  return customers.map((customer) => ({ id: customer.id, externalRef: customer.external_ref, name: customer.name, contacts: byCustomer.get(customer.id) ?? [] }));
}

/** Matches a consent CSV against the ledger's customers without writing anything. */
export async function previewConsentImport(db: Executor, csv: string, today: string): Promise<{ rows: ConsentImportRow[]; fileProblems: string[]; canCommit: boolean }> {
  const plan = planConsentImport(csv, await importCustomers(db));
  const rows = plan.rows.map((row) =>
    row.effectiveOn !== null && row.effectiveOn > today ? { ...row, problems: [...row.problems, `The date ${row.effectiveOn} is in the future.`] } : row,
  );
  return { rows, fileProblems: plan.fileProblems, canCommit: plan.fileProblems.length === 0 && rows.every((row) => row.problems.length === 0) };
}

/** Stores every row of a consent CSV in one transaction, or none when any row has a problem. */
export async function commitConsentImport(db: LedgerDatabase, csv: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const preview = await previewConsentImport(trx, csv, now.toISOString().slice(0, 10));
    if (!preview.canCommit) {
      const problems = [...preview.fileProblems, ...preview.rows.flatMap((row) => row.problems.map((problem) => `Row ${row.row}: ${problem}`))];
      throw new ServiceError('invalid_input', `Nothing was imported: ${problems.length} problems, first: ${problems.slice(0, 3).join(' ')}`, problems.slice(0, 200));
    }
    for (const row of preview.rows) {
      const fields = { ...row, purpose: row.purpose!, legalBasis: row.legalBasis!, action: row.action!, effectiveOn: row.effectiveOn! };
      await trx.insertInto('consents').values(rowValues(row.customerId!, fields, null, now.toISOString())).execute();
    }
    await appendAudit(trx, { action: 'consent.imported', entityType: 'consents', details: { records: preview.rows.length } }, now);
    return preview.rows.length;
  });
}
