import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { erasedCustomerName, keptRecordRules, type KeptRecords } from '../../../core/privacy/erasure-rules';
import { nameKey, normalizeName } from '../../../core/quality/identifiers';
import type { LedgerDatabase } from '../../db/connection';
import type { LedgerSchema } from '../../db/schema';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import { countScope, customerScopes, scanTables, type CustomerScope, type Executor } from './customer-data';

/**
 * Tables whose rows of an erased customer stay because a rule requires them (see
 * `keptRecordRules`), with the columns blanked in them: descriptions, references, free text and
 * links back to the source file.
 */
const blankedColumns: Readonly<Record<string, readonly string[]>> = {
  invoices: ['description', 'source_file', 'source_row'],
  payments: ['reference', 'source_file', 'source_row'],
  credit_notes: ['reason', 'source_file', 'source_row'],
  allocations: [],
  privacy_requests: ['response_text', 'notes'],
};

/** Customer columns that stay on the pseudonym row; every other nullable column is set to null. */
const customerColumnsKept = new Set(['id', 'name', 'name_key', 'created_at', 'updated_at', 'erased_at', 'import_id', 'reminder_language', 'time_zone']);

export interface ErasurePlan {
  readonly customer: { id: number; name: string; externalRef: string | null; erased: boolean };
  readonly removed: Record<string, number>;
  readonly kept: KeptRecords[];
  readonly warnings: string[];
}

interface CustomerRow {
  id: number;
  name: string;
  external_ref: string | null;
  gstin: string | null;
  pan: string | null;
  cin: string | null;
  erased_at: string | null;
}

async function loadCustomer(db: Executor, customerId: number): Promise<CustomerRow> {
  const row = await sql<CustomerRow>`select id, name, external_ref, gstin, pan, cin, erased_at from customers where id = ${customerId}`.execute(db);
  const customer = row.rows[0];
  if (customer === undefined) throw new ServiceError('not_found', `No customer has the id ${customerId}.`);
  return customer;
}

async function scopesFor(db: Executor, customer: CustomerRow): Promise<CustomerScope[]> {
  return customerScopes(await scanTables(db), customer.id, { gstin: customer.gstin, pan: customer.pan, cin: customer.cin });
}

async function openInvoiceCount(db: Executor, customerId: number): Promise<number> {
  const row = await sql<{ count: number }>`select count(*) as count from invoices i where i.customer_id = ${customerId}
    and i.amount_minor > coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0)`.execute(db);
  return Number(row.rows[0]?.count ?? 0);
}

/** Counts what an erasure would delete and keep, without changing anything. */
export async function planErasure(db: Executor, customerId: number): Promise<ErasurePlan> {
  const customer = await loadCustomer(db, customerId);
  const removed: Record<string, number> = {};
  const kept: KeptRecords[] = [];
  for (const scope of await scopesFor(db, customer)) {
    if (scope.table === 'customers') continue;
    const count = await countScope(db, scope);
    const rule = (keptRecordRules as Record<string, Omit<KeptRecords, 'count'> | undefined>)[scope.table];
    if (rule !== undefined) {
      if (count > 0) kept.push({ ...rule, count });
    } else if (count > 0) {
      removed[scope.table] = count;
    }
  }
  const audit = await sql<{ count: number }>`select count(*) as count from audit_log where entity_type = 'customer' and entity_id = ${String(customerId)}`.execute(db);
  kept.push({ ...keptRecordRules.audit_log, count: Number(audit.rows[0]?.count ?? 0) });
  const open = await openInvoiceCount(db, customerId);
  const warnings = open > 0 ? [`${open} invoices of this customer are still open. After erasure no contact details remain to collect them.`] : [];
  return { customer: { id: customer.id, name: customer.name, externalRef: customer.external_ref, erased: customer.erased_at !== null }, removed, kept, warnings };
}

function confirms(typed: string, name: string): boolean {
  return normalizeName(typed).toLocaleLowerCase('en-IN') === normalizeName(name).toLocaleLowerCase('en-IN');
}

async function pseudonymizeCustomer(trx: Transaction<LedgerSchema>, customerId: number, pseudonym: string, at: string): Promise<void> {
  const table = (await scanTables(trx)).find((candidate) => candidate.name === 'customers');
  const cleared = (table?.nullable ?? []).filter((column) => !customerColumnsKept.has(column));
  const assignments = [
    sql`name = ${pseudonym}`,
    sql`name_key = ${nameKey(pseudonym)}`,
    sql`updated_at = ${at}`,
    sql`erased_at = ${at}`,
    ...cleared.map((column) => sql`${sql.ref(column)} = null`),
  ];
  await sql`update customers set ${sql.join(assignments)} where id = ${customerId}`.execute(trx);
}

async function eraseScope(trx: Transaction<LedgerSchema>, scope: CustomerScope): Promise<number> {
  const blanked = blankedColumns[scope.table];
  if (blanked === undefined) {
    const result = await sql`delete from ${sql.table(scope.table)} where ${scope.where}`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  }
  if (blanked.length > 0) {
    await sql`update ${sql.table(scope.table)} set ${sql.join(blanked.map((column) => sql`${sql.ref(column)} = null`))} where ${scope.where}`.execute(trx);
  }
  return 0;
}

/**
 * Erases one customer in one transaction with one audit entry: deletes every linked row that no
 * law requires kept, blanks free text in the rows that are kept, and replaces the customer's name
 * and identifiers with a pseudonym. The caller compacts the ledger afterwards, so the deleted
 * values leave the WAL and free pages too.
 * NOTE: undoing the import that created this customer afterwards cannot put back the values the
 * import replaced, because the import's change records are erased with the customer.
 */
export async function eraseCustomer(db: LedgerDatabase, customerId: number, confirmName: string, requestId: number | null, now: Date): Promise<ErasurePlan & { pseudonym: string }> {
  return db.transaction().execute(async (trx) => {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    const plan = await planErasure(trx, customerId);
    if (plan.customer.erased) throw new ServiceError('conflict', `Customer ${customerId} was already erased.`);
    if (!confirms(confirmName, plan.customer.name)) {
      throw new ServiceError('invalid_input', 'The typed name does not match the customer\'s name. Type the name exactly as shown to confirm the erasure.');
    }
    const customer = await loadCustomer(trx, customerId);
    const removed: Record<string, number> = {};
    for (const scope of await scopesFor(trx, customer)) {
      if (scope.table === 'customers') continue;
      const count = await eraseScope(trx, scope);
      if (count > 0) removed[scope.table] = count;
    }
    const pseudonym = erasedCustomerName(randomBytes(8).toString('hex'));
    await pseudonymizeCustomer(trx, customerId, pseudonym, now.toISOString());
    const keptCounts = Object.fromEntries(plan.kept.map((kept) => [kept.what, kept.count]));
    await appendAudit(trx, { action: 'customer.erased', entityType: 'customer', entityId: customerId, details: { removed, kept: keptCounts, requestId } }, now);
    return { ...plan, removed, pseudonym };
  });
}
