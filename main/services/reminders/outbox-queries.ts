import { sql, type Selectable } from 'kysely';
import type { OutboxItem, OutboxStatus, ReminderHistoryEntry } from '../../../core/contract/reminders';
import type { Channel, Recipient, Tone } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import type { ReminderOutboxTable } from '../../db/schema';

type OutboxRow = Selectable<ReminderOutboxTable>;

/** Returns each outbox message's invoice ids and numbers, in the message's order. */
async function invoicesOf(db: LedgerDatabase, outboxIds: readonly number[]): Promise<Map<number, { ids: number[]; numbers: string[] }>> {
  const byOutbox = new Map<number, { ids: number[]; numbers: string[] }>();
  if (outboxIds.length === 0) return byOutbox;
  const rows = await db.selectFrom('reminder_outbox_invoices as k').leftJoin('invoices as i', 'i.id', 'k.invoice_id')
    .select(['k.outbox_id', 'k.invoice_id', 'i.invoice_number']).where('k.outbox_id', 'in', [...outboxIds]).orderBy(sql`k.rowid`).execute();
  for (const row of rows) {
    const entry = byOutbox.get(row.outbox_id) ?? { ids: [], numbers: [] };
    entry.ids.push(row.invoice_id);
    entry.numbers.push(row.invoice_number ?? `#${row.invoice_id}`);
    byOutbox.set(row.outbox_id, entry);
  }
  return byOutbox;
}

function toItem(row: OutboxRow & { customer_name: string | null }, invoices: { ids: number[]; numbers: string[] } | undefined): OutboxItem {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name ?? `Customer ${row.customer_id}`,
    invoiceIds: invoices?.ids ?? [],
    invoiceNumbers: invoices?.numbers ?? [],
    stepId: row.step_id,
    repeatIndex: row.repeat_index,
    templateId: row.template_id,
    tone: row.tone as Tone,
    channel: row.channel as Channel,
    language: row.language,
    subject: row.subject,
    body: row.body,
    recipients: JSON.parse(row.recipients_json) as Recipient[],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    deliveryConfirmed: row.delivery_confirmed === 1,
    attachStatement: row.attach_statement === 1,
    link: row.link,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}

/** Lists outbox messages, newest first, with the number of messages in each status. */
export async function listOutbox(db: LedgerDatabase, statuses: readonly OutboxStatus[], limit: number): Promise<{ items: OutboxItem[]; counts: Record<string, number> }> {
  let query = db.selectFrom('reminder_outbox as o').leftJoin('customers as c', 'c.id', 'o.customer_id').selectAll('o').select('c.name as customer_name');
  if (statuses.length > 0) query = query.where('o.status', 'in', [...statuses]);
  const rows = await query.orderBy('o.id', 'desc').limit(limit).execute();
  const invoices = await invoicesOf(db, rows.map((row) => row.id));
  const countRows = await db.selectFrom('reminder_outbox').select((eb) => ['status', eb.fn.countAll<number>().as('count')]).groupBy('status').execute();
  const counts: Record<string, number> = {};
  for (const row of countRows) counts[row.status] = Number(row.count);
  return { items: rows.map((row) => toItem(row, invoices.get(row.id))), counts };
}

/** Reads outbox messages by id, in the order of `ids`, leaving out ids that do not exist. */
export async function outboxByIds(db: LedgerDatabase, ids: readonly number[]): Promise<OutboxRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('reminder_outbox').selectAll().where('id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Returns a customer's reminder history, newest first: every outbox message and every recorded
 * skip. Records are found through the customer's current invoices as well, so they follow an
 * invoice into the customer it was merged into.
 */
export async function customerHistory(db: LedgerDatabase, customerId: number, limit: number): Promise<ReminderHistoryEntry[]> {
  const ownInvoices = db.selectFrom('invoices').select('id').where('customer_id', '=', customerId);
  const messageRows = await db.selectFrom('reminder_outbox').selectAll()
    .where((eb) => eb.or([
      eb('customer_id', '=', customerId),
      eb('id', 'in', eb.selectFrom('reminder_outbox_invoices').select('outbox_id').where('invoice_id', 'in', ownInvoices)),
    ]))
    .orderBy('id', 'desc').limit(limit).execute();
  const invoices = await invoicesOf(db, messageRows.map((row) => row.id));
  const skipRows = await db.selectFrom('reminder_skips as s').leftJoin('invoices as i', 'i.id', 's.invoice_id')
    .select(['s.id', 's.invoice_id', 's.step_id', 's.repeat_index', 's.channel', 's.reason', 's.message', 's.recorded_at', 'i.invoice_number'])
    .where((eb) => eb.or([eb('s.customer_id', '=', customerId), eb('s.invoice_id', 'in', ownInvoices)]))
    .orderBy('s.id', 'desc').limit(limit).execute();

  const messages: ReminderHistoryEntry[] = messageRows.map((row) => ({
    kind: 'message',
    at: row.sent_at ?? row.updated_at,
    status: row.status,
    channel: row.channel,
    stepId: row.step_id,
    repeatIndex: row.repeat_index,
    invoiceNumbers: invoices.get(row.id)?.numbers ?? [],
    subject: row.subject,
    reason: null,
    message: row.last_error,
    outboxId: row.id,
    deliveryConfirmed: row.delivery_confirmed === 1,
  }));
  const skips: ReminderHistoryEntry[] = skipRows.map((row) => ({
    kind: 'skip',
    at: row.recorded_at,
    status: 'skipped',
    channel: row.channel,
    stepId: row.step_id,
    repeatIndex: row.repeat_index,
    invoiceNumbers: [row.invoice_number ?? `#${row.invoice_id}`],
    subject: '',
    reason: row.reason,
    message: row.message,
    outboxId: null,
    deliveryConfirmed: false,
  }));
  const newestFirst = [...messages, ...skips].sort((a, b) => b.at.localeCompare(a.at));
  return newestFirst.slice(0, limit);
}
