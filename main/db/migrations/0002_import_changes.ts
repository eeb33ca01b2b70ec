import { sql, type Kysely } from 'kysely';

/**
 * The values an import replaced in rows it did not create, so that undoing the import can put
 * them back. Rows an import created carry its id in `import_id` and are deleted on undo instead.
 * Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('table_name', 'text', (c) => c.notNull().check(sql`table_name in ('customers', 'invoices', 'allocations')`))
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('before_json', 'text', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('import_changes_import').on('import_changes').column('import_id').execute();
  await db.schema.createIndex('customer_contacts_import').on('customer_contacts').column('import_id').execute();
  await db.schema.createIndex('invoices_import').on('invoices').column('import_id').execute();
  await db.schema.createIndex('payments_import').on('payments').column('import_id').execute();
  await db.schema.createIndex('allocations_import').on('allocations').column('import_id').execute();
  await db.schema.createIndex('customers_import').on('customers').column('import_id').execute();
  await db.schema.createIndex('customers_name').on('customers').column('name').execute();
  await db.schema.createIndex('imports_sha256').on('imports').column('source_sha256').execute();
}
