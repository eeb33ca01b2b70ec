import { sql, type Kysely } from 'kysely';

/**
 * The reminder outbox and the record of skipped reminders. One outbox row is one message on one
 * channel; `reminder_outbox_invoices` lists its invoices, each with the idempotency key of its
 * schedule step (`invoice:step:repeat:channel`), which is unique so no step is ever queued twice.
 * Reminder settings stay in the `settings` table as JSON. Customer and invoice ids carry no
 * foreign keys: a record of what was sent outlives an undone import or a customer merge, which
 * delete those rows. Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('reminder_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // The sorted invoice keys joined by commas; the e-mail Message-ID is derived from it.
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('repeat_index', 'integer', (c) => c.notNull())
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('tone', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'whatsapp', 'sms')`))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('recipients_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'queued', 'sending', 'sent', 'failed', 'skipped', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    // 0 for a message left in `sending` by a process that stopped: it may or may not have gone out.
    .addColumn('delivery_confirmed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`delivery_confirmed in (0, 1)`))
    .addColumn('attach_statement', 'integer', (c) => c.notNull().check(sql`attach_statement in (0, 1)`))
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('reminder_outbox_status').on('reminder_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('reminder_outbox_customer').on('reminder_outbox').columns(['customer_id', 'created_at']).execute();

  await db.schema
    .createTable('reminder_outbox_invoices')
    .addColumn('idempotency_key', 'text', (c) => c.primaryKey())
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('reminder_outbox.id').onDelete('cascade'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('reminder_outbox_invoices_outbox').on('reminder_outbox_invoices').column('outbox_id').execute();
  await db.schema.createIndex('reminder_outbox_invoices_invoice').on('reminder_outbox_invoices').column('invoice_id').execute();

  // A skip is recorded once per invoice, step, repeat, channel and reason, however often planning runs.
  await db.schema
    .createTable('reminder_skips')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('skip_key', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) => c.notNull())
    .addColumn('invoice_id', 'integer', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('repeat_index', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.check(sql`channel in ('email', 'whatsapp', 'sms')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('reminder_skips_customer').on('reminder_skips').columns(['customer_id', 'recorded_at']).execute();
}
