import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { LedgerSchema } from '../../db/schema';

export type Executor = Kysely<LedgerSchema> | Transaction<LedgerSchema>;

export interface TableInfo {
  readonly name: string;
  readonly columns: readonly string[];
  /** Columns declared without NOT NULL. */
  readonly nullable: readonly string[];
}

/**
 * Lists every table of the ledger with its columns, read from sqlite_master at the time of the
 * call, so tables added by later migrations (scores, reminders, alerts) are found without this
 * code knowing them.
 */
export async function scanTables(db: Executor): Promise<TableInfo[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const result: TableInfo[] = [];
  for (const { name } of tables.rows) {
    const columns = await sql<{ name: string; notnull: number }>`select name, "notnull" from pragma_table_info(${name})`.execute(db);
    result.push({ name, columns: columns.rows.map((column) => column.name), nullable: columns.rows.filter((column) => column.notnull === 0).map((column) => column.name) });
  }
  return result;
}

/** Tables that hold no rows about one customer, or that the callers treat on their own. */
const unrelatedTables = new Set(['settings', 'audit_log', 'imports', 'kysely_migration', 'kysely_migration_lock', 'portfolio_history', 'model_runs']);

export interface Identifiers {
  readonly gstin: string | null;
  readonly pan: string | null;
  readonly cin: string | null;
}

/** One table's rows about a customer, as a condition over that table. */
export interface CustomerScope {
  readonly table: string;
  readonly where: RawBuilder<unknown>;
  /** The kind of link from the rows to the customer. */
  readonly link: 'customer' | 'invoice' | 'payment' | 'identifier' | 'special';
}

function identifierCondition(table: TableInfo, identifiers: Identifiers): RawBuilder<unknown> | null {
  const parts: RawBuilder<unknown>[] = [];
  for (const column of ['gstin', 'pan', 'cin'] as const) {
    const value = identifiers[column];
    if (value !== null && table.columns.includes(column)) parts.push(sql`${sql.ref(column)} = ${value}`);
  }
  return parts.length === 0 ? null : sql`(${sql.join(parts, sql` or `)})`;
}

function invoiceIds(customerId: number): RawBuilder<unknown> {
  return sql`(select id from invoices where customer_id = ${customerId})`;
}

function paymentIds(customerId: number): RawBuilder<unknown> {
  return sql`(select id from payments where customer_id = ${customerId})`;
}

function specialScope(name: string, customerId: number): CustomerScope | null {
  switch (name) {
    case 'customers':
      return { table: name, where: sql`id = ${customerId}`, link: 'special' };
    case 'allocations':
      return {
        table: name,
        where: sql`(invoice_id in ${invoiceIds(customerId)} or payment_id in ${paymentIds(customerId)} or credit_note_id in (select id from credit_notes where customer_id = ${customerId}))`,
        link: 'special',
      };
    case 'import_changes':
      return {
        table: name,
        where: sql`((table_name = 'customers' and row_id = ${customerId})
          or (table_name = 'invoices' and row_id in ${invoiceIds(customerId)})
          or (table_name = 'allocations' and row_id in (select id from allocations where invoice_id in ${invoiceIds(customerId)} or payment_id in ${paymentIds(customerId)})))`,
        link: 'special',
      };
    default:
      return null;
  }
}

/**
 * Returns, for every table that contains rows about the customer, the condition that selects them:
 * by `customer_id`, else by `invoice_id` or `payment_id` of the customer's invoices and payments,
 * else by GSTIN, PAN or CIN (a watch list, say). Tables with none of these are left out.
 */
export function customerScopes(tables: readonly TableInfo[], customerId: number, identifiers: Identifiers): CustomerScope[] {
  const scopes: CustomerScope[] = [];
  for (const table of tables) {
    if (unrelatedTables.has(table.name)) continue;
    const special = specialScope(table.name, customerId);
    if (special !== null) {
      scopes.push(special);
    } else if (table.columns.includes('customer_id')) {
      scopes.push({ table: table.name, where: sql`customer_id = ${customerId}`, link: 'customer' });
    } else if (table.columns.includes('invoice_id')) {
      scopes.push({ table: table.name, where: sql`invoice_id in ${invoiceIds(customerId)}`, link: 'invoice' });
    } else if (table.columns.includes('payment_id')) {
      scopes.push({ table: table.name, where: sql`payment_id in ${paymentIds(customerId)}`, link: 'payment' });
    } else {
      const condition = identifierCondition(table, identifiers);
      if (condition !== null) scopes.push({ table: table.name, where: condition, link: 'identifier' });
    }
  }
  return scopes;
}

export async function selectScope(db: Executor, scope: CustomerScope): Promise<Record<string, unknown>[]> {
  const rows = await sql<Record<string, unknown>>`select * from ${sql.table(scope.table)} where ${scope.where}`.execute(db);
  return rows.rows;
}

export async function countScope(db: Executor, scope: CustomerScope): Promise<number> {
  const row = await sql<{ count: number }>`select count(*) as count from ${sql.table(scope.table)} where ${scope.where}`.execute(db);
  return Number(row.rows[0]?.count ?? 0);
}

/** Audit entries about the customer or about one of its invoices, payments or requests. */
export function auditCondition(customerId: number): RawBuilder<unknown> {
  return sql`((entity_type = 'customer' and entity_id = ${String(customerId)})
    or (entity_type = 'invoice' and entity_id in (select cast(id as text) from invoices where customer_id = ${customerId}))
    or (entity_type = 'payment' and entity_id in (select cast(id as text) from payments where customer_id = ${customerId}))
    or (entity_type = 'privacy_request' and entity_id in (select cast(id as text) from privacy_requests where customer_id = ${customerId})))`;
}
