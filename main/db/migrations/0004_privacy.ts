import { sql, type Kysely } from 'kysely';

/**
 * Consent records, the register of requests people make about their data, and the history of
 * corrections to customer data. Consent records are never updated: a withdrawal or a correction
 * is a new row. Rows of an erased customer are deleted with it (see the erasure service).
 * Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('access', 'portability', 'rectification', 'erasure', 'objection', 'grievance')`))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id').onDelete('set null'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'in-progress', 'extended', 'completed', 'rejected')`))
    .addColumn('response_sent_on', 'text')
    .addColumn('response_text', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('privacy_requests_customer').on('privacy_requests').column('customer_id').execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('contact_id', 'integer', (c) => c.references('customer_contacts.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.check(sql`channel in ('email', 'whatsapp', 'sms')`))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('payment-reminders', 'credit-assessment', 'bureau-checks', 'marketing')`))
    .addColumn('legal_basis', 'text', (c) => c.notNull().check(sql`legal_basis in ('consent', 'contract', 'legal-obligation', 'enforcing-a-claim')`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('given', 'withdrawn')`))
    .addColumn('notice_version', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('replaces_id', 'integer', (c) => c.references('consents.id').onDelete('cascade'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('consents_customer').on('consents').columns(['customer_id', 'purpose']).execute();
  await db.schema.createIndex('consents_contact').on('consents').column('contact_id').execute();
  await db.schema.createIndex('consents_replaces').on('consents').column('replaces_id').execute();

  // Old and new values of a corrected field. They are personal data, so erasure deletes them.
  await db.schema
    .createTable('rectifications')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('request_id', 'integer', (c) => c.references('privacy_requests.id').onDelete('set null'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('rectifications_customer').on('rectifications').column('customer_id').execute();
}
