import { sql, type Transaction } from 'kysely';
import type { LedgerSchema } from '../../db/schema';
import { scanTables, type Executor } from './customer-data';

export interface RetentionItem {
  readonly category: 'settled-invoices' | 'inactive-contacts' | 'reminder-history' | 'scores';
  readonly table: string;
  readonly rowId: string;
  readonly customerId: number | null;
  readonly description: string;
}

interface SettledInvoice {
  id: number;
  customer_id: number;
  invoice_number: string;
  issue_date: string;
  settled_on: string;
}

/**
 * Invoices fully settled by payments or credit notes whose issue date and last settlement are
 * both before the cutoff. An invoice with nothing allocated to it is open, so it never qualifies.
 */
async function settledInvoices(db: Executor, cutoff: string, limit: number): Promise<SettledInvoice[]> {
  const rows = await sql<SettledInvoice>`
    select * from (
      select i.id, i.customer_id, i.invoice_number, i.issue_date,
        (select max(d) from (
          select p.payment_date as d from allocations a join payments p on p.id = a.payment_id where a.invoice_id = i.id
          union all
          select c.issue_date as d from allocations a join credit_notes c on c.id = a.credit_note_id where a.invoice_id = i.id)) as settled_on
      from invoices i
      where i.issue_date < ${cutoff}
        and i.amount_minor <= coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0))
    where settled_on is not null and settled_on < ${cutoff}
    order by id limit ${limit}`.execute(db);
  return rows.rows;
}

export async function previewSettledInvoices(db: Executor, cutoff: string, limit: number): Promise<{ count: number; items: RetentionItem[] }> {
  const all = await settledInvoices(db, cutoff, Number.MAX_SAFE_INTEGER);
  const items = all.slice(0, limit).map((row): RetentionItem => ({
    category: 'settled-invoices',
    table: 'invoices',
    rowId: String(row.id),
    customerId: row.customer_id,
    description: `Invoice ${row.invoice_number} of ${row.issue_date}, settled on ${row.settled_on}`,
  }));
  return { count: all.length, items };
}

function idList(ids: readonly number[]) {
  return sql`(${sql.join(ids.map((id) => sql`${id}`))})`;
}

async function deleteCount(trx: Transaction<LedgerSchema>, query: ReturnType<typeof sql>): Promise<number> {
  const result = await query.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

function add(removed: Record<string, number>, table: string, count: number): void {
  if (count > 0) removed[table] = (removed[table] ?? 0) + count;
}

/** Deletes one chunk of settled invoices with every row that refers to them. */
async function deleteInvoiceChunk(trx: Transaction<LedgerSchema>, ids: readonly number[], cutoff: string, removed: Record<string, number>): Promise<void> {
  const list = idList(ids);
  const payments = (await sql<{ id: number }>`select distinct payment_id as id from allocations where invoice_id in ${list} and payment_id is not null`.execute(trx)).rows.map((row) => row.id);
  const notes = (await sql<{ id: number }>`select distinct credit_note_id as id from allocations where invoice_id in ${list} and credit_note_id is not null
    union select id from credit_notes where invoice_id in ${list}`.execute(trx)).rows.map((row) => row.id);
  for (const table of await scanTables(trx)) {
    if (table.name === 'invoices' || table.name === 'credit_notes' || !table.columns.includes('invoice_id')) continue;
    add(removed, table.name, await deleteCount(trx, sql`delete from ${sql.table(table.name)} where invoice_id in ${list}`));
  }
  add(removed, 'import_changes', await deleteCount(trx, sql`delete from import_changes where table_name = 'invoices' and row_id in ${list}`));
  await sql`update credit_notes set invoice_id = null where invoice_id in ${list}`.execute(trx);
  add(removed, 'invoices', await deleteCount(trx, sql`delete from invoices where id in ${list}`));
  if (payments.length > 0) {
    add(removed, 'payments', await deleteCount(trx, sql`delete from payments where id in ${idList(payments)} and payment_date < ${cutoff}
      and not exists (select 1 from allocations a where a.payment_id = payments.id)`));
  }
  if (notes.length > 0) {
    add(removed, 'credit_notes', await deleteCount(trx, sql`delete from credit_notes where id in ${idList(notes)} and issue_date < ${cutoff}
      and not exists (select 1 from allocations a where a.credit_note_id = credit_notes.id)`));
  }
}

/**
 * Deletes settled invoices past the cutoff, with their allocations, disputes, promises and every
 * other row that names them, and the payments and credit notes left with no allocation.
 */
export async function deleteSettledInvoices(trx: Transaction<LedgerSchema>, cutoff: string, removed: Record<string, number>): Promise<void> {
  const ids = (await settledInvoices(trx, cutoff, Number.MAX_SAFE_INTEGER)).map((row) => row.id);
  for (let start = 0; start < ids.length; start += 500) await deleteInvoiceChunk(trx, ids.slice(start, start + 500), cutoff, removed);
}
