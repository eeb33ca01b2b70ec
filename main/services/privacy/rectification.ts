import type { Transaction } from 'kysely';
import type { rectifiableFields } from '../../../core/contract/privacy';
import { nameKey, normalizeEmail, normalizeName, normalizePhone, validateGstin, validatePan } from '../../../core/quality/identifiers';
import type { LedgerDatabase } from '../../db/connection';
import type { LedgerSchema } from '../../db/schema';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';

export type RectifiableField = (typeof rectifiableFields)[number];

export interface RectificationInput {
  readonly customerId: number;
  readonly field: RectifiableField;
  readonly contactId: number | null;
  readonly newValue: string | null;
  readonly reason: string;
  readonly requestedOn: string | null;
  readonly requestId: number | null;
}

type CustomerColumn = 'name' | 'external_ref' | 'gstin' | 'pan' | 'cin' | 'address' | 'segment' | 'payment_terms_days';
const columnOf: Record<Exclude<RectifiableField, 'contact'>, CustomerColumn> = {
  name: 'name',
  externalRef: 'external_ref',
  gstin: 'gstin',
  pan: 'pan',
  cin: 'cin',
  address: 'address',
  segment: 'segment',
  paymentTermsDays: 'payment_terms_days',
};

/** Validates and normalizes a new value the way adding a customer does; throws naming the value. */
function normalizeValue(field: Exclude<RectifiableField, 'contact'>, value: string | null): string | number | null {
  if (value === null || value === '') {
    if (field === 'name') throw new ServiceError('invalid_input', 'A customer name cannot be empty. Enter the corrected name.');
    return null;
  }
  switch (field) {
    case 'name':
      return normalizeName(value);
    case 'gstin': {
      const check = validateGstin(value);
      if (!check.valid) throw new ServiceError('invalid_input', `GSTIN "${value}" is invalid: ${check.problems.join(' ')}`);
      return check.normalized;
    }
    case 'pan': {
      const check = validatePan(value);
      if (!check.valid) throw new ServiceError('invalid_input', `PAN "${value}" is invalid: ${check.problems.join(' ')}`);
      return check.normalized;
    }
    case 'paymentTermsDays': {
      const days = Number(value);
      if (!/^\d+$/.test(value) || days > 3650) throw new ServiceError('invalid_input', `Payment terms "${value}" is not a whole number of days from 0 to 3650.`);
      return days;
    }
    default:
      return value.trim();
  }
}

async function rectifyCustomerField(trx: Transaction<LedgerSchema>, input: RectificationInput, field: Exclude<RectifiableField, 'contact'>, at: string): Promise<{ oldValue: string | null; newValue: string | null }> {
  const column = columnOf[field];
  const customer = await trx.selectFrom('customers').select(['id', column, 'erased_at']).where('id', '=', input.customerId).executeTakeFirst();
  if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${input.customerId}.`);
  if (customer.erased_at !== null) throw new ServiceError('conflict', `Customer ${input.customerId} was erased; there is nothing left to correct.`);
  const value = normalizeValue(field, input.newValue);
  if (field === 'externalRef' && value !== null) {
    const clash = await trx.selectFrom('customers').select('id').where('external_ref', '=', String(value)).where('id', '<>', input.customerId).executeTakeFirst();
    if (clash !== undefined) throw new ServiceError('already_exists', `Customer ${clash.id} already has the code "${String(value)}". Choose another code.`);
  }
  const extra = field === 'name' ? { name_key: nameKey(String(value)) } : field === 'gstin' ? { state_code: value === null ? null : String(value).slice(0, 2) } : {};
  await trx.updateTable('customers').set({ [column]: value, ...extra, updated_at: at }).where('id', '=', input.customerId).execute();
  const old = (customer as Record<string, unknown>)[column];
  return { oldValue: old === null || old === undefined ? null : String(old), newValue: value === null ? null : String(value) };
}

async function rectifyContact(trx: Transaction<LedgerSchema>, input: RectificationInput): Promise<{ oldValue: string | null; newValue: string | null }> {
  if (input.contactId === null) throw new ServiceError('invalid_input', 'Choose the contact to correct.');
  const contact = await trx.selectFrom('customer_contacts').select(['id', 'customer_id', 'kind', 'value']).where('id', '=', input.contactId).executeTakeFirst();
  if (contact === undefined || contact.customer_id !== input.customerId) throw new ServiceError('not_found', `Contact ${input.contactId} is not a contact of customer ${input.customerId}.`);
  if (input.newValue === null || input.newValue === '') {
    await trx.deleteFrom('customer_contacts').where('id', '=', contact.id).execute();
    return { oldValue: contact.value, newValue: null };
  }
  const normalized = contact.kind === 'email' ? normalizeEmail(input.newValue) : normalizePhone(input.newValue);
  if (normalized.value === null) throw new ServiceError('invalid_input', normalized.reason);
  await trx.updateTable('customer_contacts').set({ value: normalized.value }).where('id', '=', contact.id).execute();
  return { oldValue: contact.value, newValue: normalized.value };
}

/**
 * Corrects one customer field at the person's request (DPDP Act 2023 s.12(1)-(2), GDPR art. 16)
 * and keeps the old value, new value, reason and date in `rectifications`. The audit entry names
 * the rectification by id only, so the values live in one table that erasure clears.
 */
export async function rectify(db: LedgerDatabase, input: RectificationInput, now: Date): Promise<{ rectificationId: number; field: string; oldValue: string | null; newValue: string | null }> {
  const today = now.toISOString().slice(0, 10);
  if (input.requestedOn !== null && input.requestedOn > today) throw new ServiceError('invalid_input', `The request date ${input.requestedOn} is in the future.`);
  return db.transaction().execute(async (trx) => {
    if (input.requestId !== null) {
      const request = await trx.selectFrom('privacy_requests').select('id').where('id', '=', input.requestId).executeTakeFirst();
      if (request === undefined) throw new ServiceError('not_found', `No request in the register has the id ${input.requestId}.`);
    }
    const change = input.field === 'contact' ? await rectifyContact(trx, input) : await rectifyCustomerField(trx, input, input.field, now.toISOString());
    if (change.oldValue === change.newValue) throw new ServiceError('invalid_input', 'The new value is the same as the stored one, so there is nothing to correct.');
    const row = await trx
      .insertInto('rectifications')
      .values({ customer_id: input.customerId, field: input.field, old_value: change.oldValue, new_value: change.newValue, reason: input.reason, requested_on: input.requestedOn ?? today, request_id: input.requestId, recorded_at: now.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { action: 'customer.rectified', entityType: 'customer', entityId: input.customerId, details: { rectificationId: row.id, requestId: input.requestId } }, now);
    return { rectificationId: row.id, field: input.field, ...change };
  });
}
