import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAuditRaw } from '../audit';
import { ServiceError } from '../errors';

/**
 * Undoes one import inside a transaction: puts back the values it replaced, then deletes the
 * rows it created, children first. It refuses, changing nothing, when later records depend on
 * those rows (a later import's payment settling one of its invoices, say).
 */
export function undoImport(raw: Database.Database, importId: number, now: Date): Record<string, number> {
  const row = raw.prepare('select id, committed_at, undone_at from imports where id = ?').get(importId) as { id: number; committed_at: string | null; undone_at: string | null } | undefined;
  if (row === undefined || row.committed_at === null) throw new ServiceError('not_found', `No committed import has the id ${importId}.`);
  if (row.undone_at !== null) throw new ServiceError('conflict', `Import ${importId} was already undone on ${row.undone_at.slice(0, 10)}.`);

  const dependents = raw.prepare(`
    select (select count(*) from allocations a join invoices i on i.id = a.invoice_id where i.import_id = @id and coalesce(a.import_id, -1) <> @id)
         + (select count(*) from allocations a join payments p on p.id = a.payment_id where p.import_id = @id and coalesce(a.import_id, -1) <> @id)
         + (select count(*) from invoices i join customers c on c.id = i.customer_id where c.import_id = @id and coalesce(i.import_id, -1) <> @id)
         + (select count(*) from payments p join customers c on c.id = p.customer_id where c.import_id = @id and coalesce(p.import_id, -1) <> @id)
         + (select count(*) from import_changes ch join imports later on later.id = ch.import_id where later.id > @id and later.undone_at is null
              and ((ch.table_name = 'invoices' and ch.row_id in (select id from invoices where import_id = @id))
                or (ch.table_name = 'customers' and ch.row_id in (select id from customers where import_id = @id))))
  `).pluck().get({ id: importId }) as number;
  if (dependents > 0) {
    throw new ServiceError('conflict', `Import ${importId} cannot be undone: ${dependents} later records depend on what it added. Undo the later imports first.`);
  }

  const removed: Record<string, number> = {};
  raw.exec('BEGIN IMMEDIATE');
  try {
    for (const change of raw.prepare('select table_name, row_id, before_json from import_changes where import_id = ? order by id desc').all(importId) as { table_name: string; row_id: number; before_json: string }[]) {
      restoreRow(raw, change.table_name, change.row_id, JSON.parse(change.before_json) as Record<string, unknown>);
    }
    removed.restored = raw.prepare('delete from import_changes where import_id = ?').run(importId).changes;
    removed.allocations = raw.prepare('delete from allocations where import_id = ?').run(importId).changes;
    removed.disputes = raw.prepare('delete from disputes where import_id = ?').run(importId).changes;
    removed.payments = raw.prepare('delete from payments where import_id = ?').run(importId).changes;
    removed.invoices = raw.prepare('delete from invoices where import_id = ?').run(importId).changes;
    removed.contacts = raw.prepare('delete from customer_contacts where import_id = ?').run(importId).changes;
    removed.customers = raw.prepare('delete from customers where import_id = ?').run(importId).changes;
    raw.prepare('update imports set undone_at = ? where id = ?').run(now.toISOString(), importId);
    appendAuditRaw(raw, { action: 'import.undone', entityType: 'import', entityId: importId, details: removed }, now);
    raw.exec('COMMIT');
  } catch (error) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    throw error;
  }
  return removed;
}

const restorableColumns: Record<string, readonly string[]> = {
  customers: ['gstin', 'pan', 'address', 'state_code', 'credit_limit_minor', 'credit_limit_currency', 'payment_terms_days'],
  invoices: ['issue_date', 'due_date', 'amount_minor', 'currency', 'description'],
  allocations: ['amount_minor'],
};

function restoreRow(raw: Database.Database, table: string, rowId: number, before: Record<string, unknown>): void {
  const columns = restorableColumns[table];
  if (columns === undefined) return;
  const assignments = columns.map((column) => `${column} = @${column}`).join(', ');
  const values = Object.fromEntries(columns.map((column) => [column, before[column] ?? null]));
  raw.prepare(`update ${table} set ${assignments} where id = @rowId`).run({ ...values, rowId });
}
