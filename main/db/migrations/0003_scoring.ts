import { sql, type Kysely } from 'kysely';

/**
 * Stored results of the risk engine (the latest score per customer with its reasons, a daily
 * history, ledger totals per day, fitted models) and two of its inputs that no other table holds: the watch list
 * of insolvent or struck-off entities and the dates contact details changed. Scores are derived
 * data: the engine can always recompute them from the ledger. Frozen: later changes go in new
 * migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;
  await db.schema
    .createTable('customer_scores')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('sma_class', 'text', (c) => c.notNull())
    .addColumn('days_past_due', 'integer', (c) => c.notNull())
    .addColumn('outstanding_minor', 'integer', (c) => c.notNull())
    .addColumn('overdue_minor', 'integer', (c) => c.notNull())
    .addColumn('exposure_minor', 'integer', (c) => c.notNull())
    .addColumn('suggested_action', 'text', (c) => c.notNull())
    .addColumn('indicator_count', 'integer', (c) => c.notNull())
    .addColumn('indicator_severity', 'text')
    .addColumn('reasons_json', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  for (const column of ['band', 'score', 'sma_class', 'outstanding_minor', 'overdue_minor']) {
    await db.schema.createIndex(`customer_scores_${column}`).on('customer_scores').column(column).execute();
  }

  await db.schema
    .createTable('score_history')
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('sma_class', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('score_history_pk', ['customer_id', 'as_of'])
    .modifyEnd(sql`strict, without rowid`)
    .execute();
  await db.schema.createIndex('score_history_as_of').on('score_history').column('as_of').execute();

  await db.schema
    .createTable('portfolio_history')
    .addColumn('as_of', 'text', (c) => c.primaryKey())
    .addColumn('summary_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('model_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('model_json', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('watch_list')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pan', 'text')
    .addColumn('gstin', 'text')
    .addColumn('cin', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('listed_on', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('contact_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('contact_changes_customer').on('contact_changes').column('customer_id').execute();
}
