import { sql, type Kysely } from 'kysely';

/**
 * Early-warning alerts and credit-bureau reports. One `alerts` row is one episode, unique by
 * `episode_key` (rule, customer, subject, and the first day for a state), so evaluating a day
 * again updates the row instead of adding one. `alert_memory` keeps what the band-drop rule
 * compares against from one evaluated day to the next. The last evaluated day lives in the
 * `settings` table. Rows are removed with their customer (undo of an import, erasure, merge).
 * Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('episode_key', 'text', (c) => c.notNull().unique())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('event', 'state')`))
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('info', 'warning', 'high')`))
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('alert_date', 'text', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('new', 'acknowledged', 'snoozed', 'resolved')`))
    .addColumn('snoozed_until', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('state_changed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('alerts_inbox').on('alerts').columns(['state', 'severity_rank', 'alert_date']).execute();
  await db.schema.createIndex('alerts_customer').on('alerts').columns(['customer_id', 'alert_date']).execute();
  await db.schema.createIndex('alerts_rule').on('alerts').column('rule').execute();

  await db.schema
    .createTable('alert_memory')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('memory_json', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('bureau_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('imported_count', 'integer', (c) => c.notNull())
    .addColumn('committed_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  // One report per customer, bureau, scale and date; importing the same report again replaces its value.
  await db.schema
    .createTable('bureau_reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('bureau', 'text', (c) => c.notNull())
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull().check(sql`scale in ('score-300-900', 'rank-1-10')`))
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('bureau_imports.id').onDelete('set null'))
    .addColumn('source_row', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bureau_reports_unique', ['customer_id', 'bureau', 'scale', 'report_date'])
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('bureau_reports_customer').on('bureau_reports').columns(['customer_id', 'report_date']).execute();
}
