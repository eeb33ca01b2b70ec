import { sql, type Kysely } from 'kysely';

/**
 * The first ledger schema. Money columns are integer minor units with an ISO 4217 code beside
 * them; dates are ISO `YYYY-MM-DD` text and timestamps ISO 8601 UTC text. Every table is STRICT,
 * so SQLite rejects a float or text in an INTEGER column instead of storing it.
 * Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source_file', 'text', (c) => c.notNull())
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('preset', 'text')
    .addColumn('mapping_json', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .addColumn('counts_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('undone_at', 'text')
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('external_ref', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('gstin', 'text')
    .addColumn('pan', 'text')
    .addColumn('cin', 'text')
    .addColumn('address', 'text')
    .addColumn('state_code', 'text')
    .addColumn('segment', 'text')
    .addColumn('credit_limit_minor', 'integer')
    .addColumn('credit_limit_currency', 'text')
    .addColumn('payment_terms_days', 'integer')
    .addColumn('reminder_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Kolkata'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('source_file', 'text')
    .addColumn('source_row', 'integer')
    .addCheckConstraint('customers_credit_limit_currency', sql`(credit_limit_minor is null) = (credit_limit_currency is null)`)
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('customers_external_ref').unique().on('customers').column('external_ref').where(sql.ref('external_ref'), 'is not', null).execute();
  await db.schema.createIndex('customers_name_key').on('customers').column('name_key').execute();
  await db.schema.createIndex('customers_gstin').on('customers').column('gstin').execute();
  await db.schema.createIndex('customers_pan').on('customers').column('pan').execute();

  await db.schema
    .createTable('customer_contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'phone')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('customer_contacts_customer').on('customer_contacts').column('customer_id').execute();
  await db.schema.createIndex('customer_contacts_value').on('customer_contacts').columns(['kind', 'value']).execute();

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('source_file', 'text')
    .addColumn('source_row', 'integer')
    .addCheckConstraint('invoices_due_after_issue', sql`due_date >= issue_date`)
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('invoices_number').unique().on('invoices').columns(['customer_id', 'invoice_number']).execute();
  await db.schema.createIndex('invoices_customer_due').on('invoices').columns(['customer_id', 'due_date']).execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('payment_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('reversed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('source_file', 'text')
    .addColumn('source_row', 'integer')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('payments_customer_date').on('payments').columns(['customer_id', 'payment_date']).execute();

  await db.schema
    .createTable('credit_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('note_number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('source_file', 'text')
    .addColumn('source_row', 'integer')
    .modifyEnd(strict)
    .execute();

  // An allocation settles part of one invoice from either a payment or a credit note.
  await db.schema
    .createTable('allocations')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('credit_note_id', 'integer', (c) => c.references('credit_notes.id'))
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addCheckConstraint('allocations_one_source', sql`(payment_id is null) <> (credit_note_id is null)`)
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('allocations_invoice').on('allocations').column('invoice_id').execute();
  await db.schema.createIndex('allocations_payment').on('allocations').column('payment_id').execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('reason', 'text')
    .addColumn('amount_minor', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('disputes_invoice').on('disputes').column('invoice_id').execute();

  await db.schema
    .createTable('promises_to_pay')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('promised_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('promises_customer').on('promises_to_pay').column('customer_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
}
