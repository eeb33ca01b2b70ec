import { sql, type RawBuilder, type Transaction } from 'kysely';
import { retentionCategories, retentionCategoryInfo, retentionCutoff, type RetentionCategory, type RetentionSettings } from '../../../core/privacy/retention';
import type { LedgerSchema } from '../../db/schema';
import { scanTables, type Executor, type TableInfo } from './customer-data';
import { deleteSettledInvoices, previewSettledInvoices, type RetentionItem } from './retention-invoices';

/**
 * Tables of dated history that a category covers, with the SQL expressions for each row's date
 * and id. They belong to other features' migrations, so each is used only when sqlite_master
 * lists it with every column named here.
 */
interface HistoryTarget {
  readonly table: string;
  readonly columns: readonly string[];
  readonly date: string;
  readonly id: string;
  /** Rows that must stay whatever their age, such as reminders still waiting to go out. */
  readonly keep?: string;
}

const historyTargets: Readonly<Record<'reminder-history' | 'scores', readonly HistoryTarget[]>> = {
  'reminder-history': [
    { table: 'reminder_outbox', columns: ['id', 'customer_id', 'status', 'sent_at', 'updated_at', 'created_at'], date: 'coalesce(sent_at, updated_at, created_at)', id: 'id', keep: "status in ('queued', 'sending')" },
    { table: 'reminder_skips', columns: ['id', 'customer_id', 'recorded_at'], date: 'recorded_at', id: 'id' },
  ],
  scores: [
    { table: 'customer_scores', columns: ['customer_id', 'computed_at'], date: 'computed_at', id: 'customer_id' },
    { table: 'score_history', columns: ['customer_id', 'as_of'], date: 'as_of', id: "customer_id || ':' || as_of" },
  ],
};

function presentTargets(tables: readonly TableInfo[], category: 'reminder-history' | 'scores'): { targets: HistoryTarget[]; missing: string[] } {
  const targets: HistoryTarget[] = [];
  const missing: string[] = [];
  for (const target of historyTargets[category]) {
    const table = tables.find((candidate) => candidate.name === target.table);
    if (table !== undefined && target.columns.every((column) => table.columns.includes(column))) targets.push(target);
    else missing.push(target.table);
  }
  return { targets, missing };
}

function historyCondition(target: HistoryTarget, cutoff: string): RawBuilder<unknown> {
  const keep = target.keep === undefined ? sql`` : sql` and not (${sql.raw(target.keep)})`;
  return sql`${sql.raw(target.date)} < ${cutoff}${keep}`;
}

/**
 * Customers with no open invoice whose last invoice or payment, or creation when they have none,
 * is before the cutoff. SQLite's many-argument max() returns null when any argument is null, so
 * missing dates become '' first.
 */
function inactiveCustomers(cutoff: string): RawBuilder<unknown> {
  return sql`(select c.id from customers c
    where not exists (select 1 from invoices i where i.customer_id = c.id
        and i.amount_minor > coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0))
      and coalesce(nullif(max(
        coalesce((select max(issue_date) from invoices where customer_id = c.id), ''),
        coalesce((select max(payment_date) from payments where customer_id = c.id), '')), ''), substr(c.created_at, 1, 10)) < ${cutoff})`;
}

export interface RetentionPreview {
  readonly cutoffs: Record<string, string>;
  readonly counts: Record<string, number>;
  readonly items: RetentionItem[];
  readonly notes: string[];
}

async function previewCategory(db: Executor, tables: readonly TableInfo[], category: RetentionCategory, cutoff: string, limit: number, notes: string[]): Promise<{ count: number; items: RetentionItem[] }> {
  if (category === 'settled-invoices') return previewSettledInvoices(db, cutoff, limit);
  if (category === 'inactive-contacts') {
    const rows = await sql<{ id: number; customer_id: number; kind: string; value: string; name: string }>`select cc.id, cc.customer_id, cc.kind, cc.value, c.name from customer_contacts cc
      join customers c on c.id = cc.customer_id where cc.customer_id in ${inactiveCustomers(cutoff)} order by cc.id`.execute(db);
    const items = rows.rows.slice(0, limit).map((row): RetentionItem => ({ category, table: 'customer_contacts', rowId: String(row.id), customerId: row.customer_id, description: `${row.kind === 'email' ? 'E-mail' : 'Phone'} ${row.value} of ${row.name}` }));
    return { count: rows.rows.length, items };
  }
  const { targets, missing } = presentTargets(tables, category);
  if (missing.length > 0) notes.push(`${retentionCategoryInfo[category].label}: this ledger has no ${missing.join(' or ')} table yet, so nothing there is erased.`);
  let count = 0;
  const items: RetentionItem[] = [];
  for (const target of targets) {
    const rows = await sql<{ row_id: string; customer_id: number; at: string }>`select ${sql.raw(target.id)} as row_id, customer_id, ${sql.raw(target.date)} as at
      from ${sql.table(target.table)} where ${historyCondition(target, cutoff)} order by at`.execute(db);
    count += rows.rows.length;
    items.push(...rows.rows.slice(0, Math.max(0, limit - items.length)).map((row): RetentionItem => ({ category, table: target.table, rowId: String(row.row_id), customerId: row.customer_id, description: `${target.table} row ${row.row_id} of ${String(row.at).slice(0, 10)}` })));
  }
  return { count, items };
}

/** Lists what the enabled retention rules would erase today, without erasing anything. */
export async function previewRetention(db: Executor, settings: RetentionSettings, today: string, limit: number): Promise<RetentionPreview> {
  const tables = await scanTables(db);
  const cutoffs: Record<string, string> = {};
  const counts: Record<string, number> = {};
  const items: RetentionItem[] = [];
  const notes: string[] = [];
  for (const category of retentionCategories) {
    if (!settings[category].enabled) continue;
    cutoffs[category] = retentionCutoff(today, settings[category].years);
    const result = await previewCategory(db, tables, category, cutoffs[category], limit, notes);
    counts[category] = result.count;
    items.push(...result.items);
  }
  if (Object.keys(cutoffs).length === 0) notes.push('No retention rule is switched on, so nothing is erased.');
  return { cutoffs, counts, items, notes };
}

/** Erases what the enabled rules cover, inside the caller's transaction, and returns the rows deleted per table. */
export async function applyRetention(trx: Transaction<LedgerSchema>, settings: RetentionSettings, today: string): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  const tables = await scanTables(trx);
  for (const category of retentionCategories) {
    if (!settings[category].enabled) continue;
    const cutoff = retentionCutoff(today, settings[category].years);
    if (category === 'settled-invoices') {
      await deleteSettledInvoices(trx, cutoff, removed);
    } else if (category === 'inactive-contacts') {
      const result = await sql`delete from customer_contacts where customer_id in ${inactiveCustomers(cutoff)}`.execute(trx);
      if (Number(result.numAffectedRows ?? 0) > 0) removed.customer_contacts = Number(result.numAffectedRows);
    } else {
      for (const target of presentTargets(tables, category).targets) {
        const result = await sql`delete from ${sql.table(target.table)} where ${historyCondition(target, cutoff)}`.execute(trx);
        if (Number(result.numAffectedRows ?? 0) > 0) removed[target.table] = (removed[target.table] ?? 0) + Number(result.numAffectedRows);
      }
    }
  }
  return removed;
}
