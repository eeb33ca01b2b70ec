import { sql } from 'kysely';
import { findDuplicateCustomers } from '../../core/quality/duplicates';
import type { LedgerDatabase } from '../db/connection';
import { appendAudit } from './audit';
import { ServiceError } from './errors';

export interface DuplicateCandidateGroup {
  readonly reasons: string[];
  readonly message: string;
  readonly customers: { id: number; name: string; externalRef: string | null; gstin: string | null; pan: string | null }[];
}

/** Lists suspected duplicate customers across the whole ledger, for review; merges nothing. */
export async function findLedgerDuplicates(db: LedgerDatabase): Promise<DuplicateCandidateGroup[]> {
  const customers = await db.selectFrom('customers').select(['id', 'name', 'external_ref', 'gstin', 'pan']).where('erased_at', 'is', null).orderBy('id').execute();
  const contacts = await db.selectFrom('customer_contacts').select(['customer_id', 'kind', 'value']).execute();
  const contactsByCustomer = new Map<number, { kind: 'email' | 'phone'; value: string }[]>();
  for (const contact of contacts) {
    const list = contactsByCustomer.get(contact.customer_id) ?? [];
    list.push({ kind: contact.kind, value: contact.value });
    contactsByCustomer.set(contact.customer_id, list);
  }
  const identities = customers.map((customer) => ({ name: customer.name, externalRef: customer.external_ref, gstin: customer.gstin, pan: customer.pan, contacts: contactsByCustomer.get(customer.id) ?? [] }));
  return findDuplicateCustomers(identities).map((group) => ({
    reasons: group.reasons,
    message: group.message,
    customers: group.members.map((member) => {
      const customer = customers[member.index]!;
      return { id: customer.id, name: customer.name, externalRef: customer.external_ref, gstin: customer.gstin, pan: customer.pan };
    }),
  }));
}

/**
 * Merges customers into the one kept, in one transaction: their invoices, payments, credit notes,
 * promises and contacts move to it, and identifiers it lacks are copied over. Fails, changing
 * nothing, when two of them hold an invoice with the same number.
 */
export async function mergeCustomers(db: LedgerDatabase, keepId: number, mergeIds: number[], now: Date): Promise<{ keptId: number; merged: number[] }> {
  const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
  if (others.length === 0) throw new ServiceError('invalid_input', 'Choose at least one other customer to merge into the one kept.');
  await db.transaction().execute(async (trx) => {
    const all = await trx.selectFrom('customers').selectAll().where('id', 'in', [keepId, ...others]).execute();
    const kept = all.find((customer) => customer.id === keepId);
    if (kept === undefined || all.length !== others.length + 1) throw new ServiceError('not_found', 'One of the customers to merge no longer exists. Refresh the list.');
    const clash = await trx
      .selectFrom('invoices as a')
      .innerJoin('invoices as b', (join) => join.onRef('a.invoice_number', '=', 'b.invoice_number'))
      .select(['a.invoice_number'])
      .where('a.customer_id', 'in', [keepId, ...others])
      .where('b.customer_id', 'in', [keepId, ...others])
      .whereRef('a.customer_id', '<', 'b.customer_id')
      .executeTakeFirst();
    if (clash !== undefined) {
      throw new ServiceError('conflict', `Both customers have an invoice numbered ${clash.invoice_number}, so they cannot be merged without losing one. Check whether they are really the same customer.`);
    }
    for (const table of ['invoices', 'payments', 'credit_notes', 'promises_to_pay'] as const) {
      await trx.updateTable(table).set({ customer_id: keepId }).where('customer_id', 'in', others).execute();
    }
    await sql`update customer_contacts set customer_id = ${keepId} where customer_id in (${sql.join(others)})
      and not exists (select 1 from customer_contacts k where k.customer_id = ${keepId} and k.kind = customer_contacts.kind and k.value = customer_contacts.value)`.execute(trx);
    await trx.deleteFrom('customer_contacts').where('customer_id', 'in', others).execute();
    // The merged rows go first, so a customer code copied from one of them stays unique.
    await trx.deleteFrom('customers').where('id', 'in', others).execute();
    const fill = <T>(value: T | null, pick: (customer: (typeof all)[number]) => T | null): T | null => value ?? all.map(pick).find((candidate) => candidate !== null) ?? null;
    await trx.updateTable('customers').set({
      gstin: fill(kept.gstin, (customer) => customer.gstin),
      pan: fill(kept.pan, (customer) => customer.pan),
      cin: fill(kept.cin, (customer) => customer.cin),
      address: fill(kept.address, (customer) => customer.address),
      external_ref: fill(kept.external_ref, (customer) => customer.external_ref),
      updated_at: now.toISOString(),
    }).where('id', '=', keepId).execute();
    await appendAudit(trx, { action: 'customer.merged', entityType: 'customer', entityId: keepId, details: { merged: others } }, now);
  });
  return { keptId: keepId, merged: others };
}
