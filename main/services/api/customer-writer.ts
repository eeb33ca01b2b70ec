import type Database from 'better-sqlite3-multiple-ciphers';
import type { RecordChange } from '../../../core/api/schemas';
import type { CustomerInput, CustomerRecord } from '../../../core/contract/customers';
import { nameKey } from '../../../core/quality/identifiers';
import { readCustomerRecord } from './records';
import type { WriteStep } from './write-transaction';
import { statement } from './statements';

interface CustomerRow {
  id: number;
  name: string;
  gstin: string | null;
  pan: string | null;
  cin: string | null;
  address: string | null;
  state_code: string | null;
  segment: string | null;
  credit_limit_minor: number | null;
  credit_limit_currency: string | null;
  payment_terms_days: number | null;
}

type CustomerFields = Omit<CustomerRow, 'id' | 'state_code'>;

/**
 * Creates or updates one customer inside the caller's transaction. The customer is matched as an
 * import matches it: by customer code, else by exact name among customers without a code. An
 * update takes every field the request gives and keeps the stored value of every field it leaves
 * null. A customer matched by code also takes the request's name. Contacts are added when the
 * customer lacks them and never removed.
 */
export function saveCustomer(raw: Database.Database, input: CustomerInput, at: string): WriteStep<{ change: RecordChange; customer: CustomerRecord }> {
  const existing = (input.externalRef === null
    ? statement(raw, 'select * from customers where name = ? and external_ref is null and erased_at is null order by id limit 1').get(input.name)
    : statement(raw, 'select * from customers where external_ref = ? and erased_at is null').get(input.externalRef)) as CustomerRow | undefined;
  let change: RecordChange;
  let id: number;
  if (existing === undefined) {
    id = insertCustomer(raw, input, at);
    change = 'created';
  } else {
    id = existing.id;
    change = updateCustomer(raw, existing, input, at) ? 'updated' : 'unchanged';
  }
  const contactsAdded = addMissingContacts(raw, id, input, at);
  if (change === 'unchanged' && contactsAdded > 0) change = 'updated';
  const action = change === 'created' ? 'customer.created' : 'customer.updated';
  return {
    body: { change, customer: readCustomerRecord(raw, id) },
    customerId: id,
    change,
    audit: { action, entityType: 'customer', entityId: id, details: { source: 'api', contactsAdded } },
  };
}

function insertCustomer(raw: Database.Database, input: CustomerInput, at: string): number {
  const result = statement(raw, `insert into customers (external_ref, name, name_key, gstin, pan, cin, address, state_code, segment, credit_limit_minor, credit_limit_currency,
      payment_terms_days, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(input.externalRef, input.name, nameKey(input.name), input.gstin, input.pan, input.cin, input.address, input.gstin?.slice(0, 2) ?? null, input.segment,
      input.creditLimitMinor, input.creditLimitMinor === null ? null : input.creditLimitCurrency, input.paymentTermsDays, at, at);
  return Number(result.lastInsertRowid);
}

/** Applies the request's non-null fields; returns whether any stored value changed. */
function updateCustomer(raw: Database.Database, existing: CustomerRow, input: CustomerInput, at: string): boolean {
  const next: CustomerFields = {
    name: input.externalRef === null ? existing.name : input.name,
    gstin: input.gstin ?? existing.gstin,
    pan: input.pan ?? existing.pan,
    cin: input.cin ?? existing.cin,
    address: input.address ?? existing.address,
    segment: input.segment ?? existing.segment,
    credit_limit_minor: input.creditLimitMinor ?? existing.credit_limit_minor,
    credit_limit_currency: input.creditLimitMinor === null ? existing.credit_limit_currency : input.creditLimitCurrency,
    payment_terms_days: input.paymentTermsDays ?? existing.payment_terms_days,
  };
  const changed = (Object.keys(next) as (keyof CustomerFields)[]).some((key) => next[key] !== existing[key]);
  if (!changed) return false;
  statement(raw, `update customers set name = ?, name_key = ?, gstin = ?, pan = ?, cin = ?, address = ?, state_code = ?, segment = ?, credit_limit_minor = ?,
      credit_limit_currency = ?, payment_terms_days = ?, updated_at = ? where id = ?`)
    .run(next.name, nameKey(next.name), next.gstin, next.pan, next.cin, next.address, next.gstin?.slice(0, 2) ?? existing.state_code, next.segment,
      next.credit_limit_minor, next.credit_limit_currency, next.payment_terms_days, at, existing.id);
  return true;
}

function addMissingContacts(raw: Database.Database, customerId: number, input: CustomerInput, at: string): number {
  if (input.contacts.length === 0) return 0;
  const known = new Set((statement(raw, 'select kind, value from customer_contacts where customer_id = ?').all(customerId) as { kind: string; value: string }[])
    .map((contact) => `${contact.kind}:${contact.value}`));
  const insert = statement(raw, 'insert into customer_contacts (customer_id, kind, value, name, created_at) values (?, ?, ?, ?, ?)');
  let added = 0;
  for (const contact of input.contacts) {
    const key = `${contact.kind}:${contact.value}`;
    if (known.has(key)) continue;
    insert.run(customerId, contact.kind, contact.value, contact.name, at);
    known.add(key);
    added += 1;
  }
  return added;
}
