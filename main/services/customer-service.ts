import type { Selectable } from 'kysely';
import type { CustomerInput, CustomerRecord } from '../../core/contract/customers';
import { isKnownCurrency } from '../../core/ledger/currency';
import { nameKey, normalizeEmail, normalizeName, normalizePhone, validateGstin, validatePan } from '../../core/quality/identifiers';
import type { LedgerDatabase } from '../db/connection';
import type { CustomersTable } from '../db/schema';
import { appendAudit } from './audit';
import { findLedgerDuplicates, mergeCustomers } from './customer-merge';
import type { AppConfig } from './config';
import { ServiceError } from './errors';
import type { Session } from './session';

export type CustomerRow = Selectable<CustomersTable>;

/** Adds, reads and lists customers of the unlocked ledger. */
export class CustomerService {
  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
  ) {}

  private get db(): LedgerDatabase {
    return this.session.require().database.db;
  }

  /** Validates identifiers and contacts, then inserts the customer and its audit entry in one transaction. */
  async add(input: CustomerInput): Promise<CustomerRecord> {
    const clean = normalizeCustomerInput(input);
    const now = this.config.now();
    const at = now.toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      if (clean.externalRef !== null) {
        const existing = await trx.selectFrom('customers').select('id').where('external_ref', '=', clean.externalRef).executeTakeFirst();
        if (existing !== undefined) throw new ServiceError('already_exists', `A customer with the code "${clean.externalRef}" already exists (id ${existing.id}).`);
      }
      const inserted = await trx
        .insertInto('customers')
        .values({
          external_ref: clean.externalRef,
          name: clean.name,
          name_key: nameKey(clean.name),
          gstin: clean.gstin,
          pan: clean.pan,
          cin: clean.cin,
          address: clean.address,
          state_code: clean.gstin?.slice(0, 2) ?? null,
          segment: clean.segment,
          credit_limit_minor: clean.creditLimitMinor,
          credit_limit_currency: clean.creditLimitMinor === null ? null : clean.creditLimitCurrency,
          payment_terms_days: clean.paymentTermsDays,
          created_at: at,
          updated_at: at,
          erased_at: null,
          import_id: null,
          source_file: null,
          source_row: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const contact of clean.contacts) {
        await trx.insertInto('customer_contacts').values({ customer_id: inserted.id, kind: contact.kind, value: contact.value, name: contact.name, created_at: at, import_id: null }).execute();
      }
      await appendAudit(trx, { action: 'customer.created', entityType: 'customer', entityId: inserted.id, details: { contacts: clean.contacts.length } }, now);
      return inserted.id;
    });
    return this.get(id);
  }

  duplicates() {
    return findLedgerDuplicates(this.db);
  }

  async merge(keepId: number, mergeIds: number[]) {
    const result = await mergeCustomers(this.db, keepId, mergeIds, this.config.now());
    this.session.emit('ledger.changed', { tables: ['customers'] });
    return result;
  }

  /** Sets a customer's credit limit, and optionally its segment and payment terms, with one audit entry. */
  async setCreditLimit(input: { id: number; creditLimitMinor: number | null; currency: string | null; segment?: string | null | undefined; paymentTermsDays?: number | null | undefined }): Promise<CustomerRecord> {
    if (input.creditLimitMinor !== null && (input.currency === null || !isKnownCurrency(input.currency))) {
      throw new ServiceError('invalid_input', `Currency "${input.currency ?? ''}" is not a known ISO 4217 code; a credit limit needs one.`);
    }
    const now = this.config.now();
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('customers').set({
        credit_limit_minor: input.creditLimitMinor,
        credit_limit_currency: input.creditLimitMinor === null ? null : input.currency,
        ...(input.segment === undefined ? {} : { segment: input.segment }),
        ...(input.paymentTermsDays === undefined ? {} : { payment_terms_days: input.paymentTermsDays }),
        updated_at: now.toISOString(),
      }).where('id', '=', input.id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new ServiceError('not_found', `No customer has the id ${input.id}.`);
      await appendAudit(trx, { action: 'customer.credit_policy_changed', entityType: 'customer', entityId: input.id }, now);
    });
    return this.get(input.id);
  }

  async get(id: number): Promise<CustomerRecord> {
    const row = await this.db.selectFrom('customers').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new ServiceError('not_found', `No customer has the id ${id}.`);
    const contacts = await this.db.selectFrom('customer_contacts').select(['kind', 'value', 'name']).where('customer_id', '=', id).orderBy('id').execute();
    return customerFromRow(row, contacts);
  }

  async list(offset: number, limit: number): Promise<{ total: number; items: CustomerRecord[] }> {
    const total = await this.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    const rows = await this.db.selectFrom('customers').selectAll().orderBy('name').orderBy('id').offset(offset).limit(limit).execute();
    const ids = rows.map((row) => row.id);
    const contacts = ids.length === 0 ? [] : await this.db.selectFrom('customer_contacts').select(['customer_id', 'kind', 'value', 'name']).where('customer_id', 'in', ids).orderBy('id').execute();
    const byCustomer = new Map<number, typeof contacts>();
    for (const contact of contacts) {
      const list = byCustomer.get(contact.customer_id) ?? [];
      list.push(contact);
      byCustomer.set(contact.customer_id, list);
    }
    return { total: Number(total.count), items: rows.map((row) => customerFromRow(row, byCustomer.get(row.id) ?? [])) };
  }
}

/** Maps a customers row and its contacts to the contract's customer record (the same shape as core's Customer). */
export function customerFromRow(row: CustomerRow, contacts: readonly { kind: 'email' | 'phone'; value: string; name: string | null }[]): CustomerRecord {
  return {
    id: row.id,
    externalRef: row.external_ref,
    name: row.name,
    gstin: row.gstin,
    pan: row.pan,
    cin: row.cin,
    address: row.address,
    segment: row.segment,
    creditLimitMinor: row.credit_limit_minor,
    creditLimitCurrency: row.credit_limit_currency,
    paymentTermsDays: row.payment_terms_days,
    contacts: contacts.map((contact) => ({ kind: contact.kind, value: contact.value, name: contact.name })),
  };
}

/** Rejects invalid identifiers, contacts and currencies with a message naming the value. */
function normalizeCustomerInput(input: CustomerInput): CustomerInput {
  const problems: { field: string; message: string }[] = [];
  const gstin = input.gstin === null || input.gstin === '' ? null : validateGstin(input.gstin);
  if (gstin !== null && !gstin.valid) problems.push({ field: 'gstin', message: `GSTIN "${input.gstin}" is invalid: ${gstin.problems.join(' ')}` });
  const pan = input.pan === null || input.pan === '' ? null : validatePan(input.pan);
  if (pan !== null && !pan.valid) problems.push({ field: 'pan', message: `PAN "${input.pan}" is invalid: ${pan.problems.join(' ')}` });
  if (input.creditLimitMinor !== null && (input.creditLimitCurrency === null || !isKnownCurrency(input.creditLimitCurrency))) {
    problems.push({ field: 'creditLimitCurrency', message: `Credit limit currency "${input.creditLimitCurrency ?? ''}" is not a known ISO 4217 code.` });
  }
  const contacts = input.contacts.map((contact, index) => {
    const normalized = contact.kind === 'email' ? normalizeEmail(contact.value) : normalizePhone(contact.value);
    if (normalized.value === null) problems.push({ field: `contacts.${index}.value`, message: normalized.reason });
    return { ...contact, value: normalized.value ?? contact.value };
  });
  if (problems.length > 0) {
    throw new ServiceError('invalid_input', problems.map((problem) => problem.message).join(' '), problems);
  }
  return {
    ...input,
    name: normalizeName(input.name),
    gstin: gstin?.normalized ?? null,
    pan: pan?.normalized ?? null,
    contacts,
  };
}
