import type { Selectable } from 'kysely';
import type { ReminderRun } from '../../../core/contract/reminders';
import { invoiceBalances } from '../../../core/reminders/balances';
import { toLocalDateTime } from '../../../core/reminders/local-time';
import { nextOpenInstant } from '../../../core/reminders/send-window';
import type { ReminderSettings } from '../../../core/reminders/settings';
import type { Recipient } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import type { ReminderOutboxTable } from '../../db/schema';
import type { Logger } from '../../logger';
import { appendAudit } from '../audit';
import { loadLedgerSnapshot, type LedgerSnapshot } from './ledger-snapshot';
import { MailSendError, reminderMessageId, type MailTransport, type MailTransportFactory } from './mail-transport';
import { readDelivery, readReminderSettings, readSmtpPassword } from './reminder-settings';
import { statementAttachment } from './statement-attachment';

type OutboxRow = Selectable<ReminderOutboxTable>;
type Delivered = ReminderRun['delivered'][number];

export interface DeliveryContext {
  readonly db: LedgerDatabase;
  readonly ledgerId: string;
  readonly logger: Logger;
  readonly transportFactory: MailTransportFactory;
}

/** Attempts per message before it is left as failed: the first and five retries. */
export const maxAttempts = 6;
/** Wait before the first retry; each further retry waits twice as long, up to `maxRetryDelayMs`. */
export const firstRetryDelayMs = 5 * 60_000;
export const maxRetryDelayMs = 6 * 60 * 60_000;
/**
 * A send waits at most about 90 seconds for the server (see the transport's timeouts), so a
 * message still in `sending` after this long belongs to a run that stopped.
 */
export const staleSendingMs = 5 * 60_000;

/** Returns the wait before the next attempt after `attempts` failed ones: 5, 10, 20, 40, 80 minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(maxRetryDelayMs, firstRetryDelayMs * 2 ** Math.max(0, attempts - 1));
}

export function customerTimeZone(settings: ReminderSettings, customerId: number): string {
  return settings.customers[String(customerId)]?.timeZone ?? settings.defaultTimeZone;
}

/**
 * Records messages left in `sending` by a run that stopped as sent without confirmation. Such a
 * message may have reached the server before the run stopped, so sending it again could
 * duplicate it. It is kept out of every later run, and the user can resend it from the outbox
 * with the same Message-ID.
 */
export async function resolveStaleSending(db: LedgerDatabase, now: Date): Promise<number[]> {
  const before = new Date(now.getTime() - staleSendingMs).toISOString();
  const stale = await db.selectFrom('reminder_outbox').select(['id', 'updated_at']).where('status', '=', 'sending').where('updated_at', '<=', before).execute();
  if (stale.length === 0) return [];
  const ids = stale.map((row) => row.id);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('reminder_outbox').set({ status: 'sent', delivery_confirmed: 0, sent_at: at, updated_at: at }).where('id', 'in', ids).where('status', '=', 'sending').execute();
    await appendAudit(trx, { action: 'reminders.unconfirmed', entityType: 'reminder_outbox', details: { outboxIds: ids } }, now);
  });
  return ids;
}

/** Returns whether every invoice of the message is settled at the customer's local date. */
function allPaid(snapshot: LedgerSnapshot, invoiceIds: readonly number[], date: string): boolean {
  const requested = new Set(invoiceIds);
  const invoices = snapshot.invoices.filter((invoice) => requested.has(invoice.id));
  if (invoices.length === 0) return false;
  const balances = invoiceBalances(invoices, snapshot.payments, snapshot.allocations, snapshot.creditNotes, date);
  return invoices.every((invoice) => (balances.get(invoice.id) ?? 0) <= 0);
}

async function invoiceIdsOf(db: LedgerDatabase, outboxId: number): Promise<number[]> {
  const rows = await db.selectFrom('reminder_outbox_invoices').select('invoice_id').where('outbox_id', '=', outboxId).execute();
  return rows.map((row) => row.invoice_id);
}

async function setOutcome(db: LedgerDatabase, row: OutboxRow, changes: Partial<OutboxRow>, action: string, now: Date, fromStatus: OutboxRow['status']): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('reminder_outbox').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', row.id).where('status', '=', fromStatus).execute();
    await appendAudit(trx, { action, entityType: 'reminder_outbox', entityId: row.id, details: { customerId: row.customer_id, attempts: changes.attempts ?? row.attempts } }, now);
  });
}

/**
 * Sends every queued e-mail whose attempt time has come. Each message is first written as
 * `sending`, with its Message-ID, in its own transaction, then handed to the SMTP server, then
 * written as `sent`, or back to `queued` with a later attempt time, or `failed` with the server's
 * reply. A message whose invoices were all paid meanwhile is skipped instead.
 */
export async function deliverQueued(context: DeliveryContext, now: Date): Promise<Delivered[]> {
  const { db } = context;
  const due = await db.selectFrom('reminder_outbox').selectAll().where('status', '=', 'queued').where('channel', '=', 'email')
    .where('next_attempt_at', '<=', now.toISOString()).orderBy('next_attempt_at').orderBy('id').execute();
  if (due.length === 0) return [];

  const settings = await readReminderSettings(db);
  const delivery = await readDelivery(db);
  const snapshot = await loadLedgerSnapshot(db);
  let transport: MailTransport | null = null;
  let setupError: string | null = null;
  try {
    transport = context.transportFactory(delivery.smtp, await readSmtpPassword(db));
  } catch (error) {
    setupError = error instanceof Error ? error.message : String(error);
    context.logger.warn({ outboxIds: due.map((row) => row.id) }, 'mail transport setup failed, so the due reminders are marked failed');
  }

  const results: Delivered[] = [];
  try {
    for (const row of due) {
      results.push(await deliverOne(context, { row, settings, snapshot, transport, setupError, fromName: delivery.smtp.fromName || settings.business.name, fromAddress: delivery.smtp.fromAddress, replyTo: delivery.smtp.replyTo }, now));
    }
  } finally {
    transport?.close();
  }
  return results;
}

interface DeliveryJob {
  readonly row: OutboxRow;
  readonly settings: ReminderSettings;
  readonly snapshot: LedgerSnapshot;
  readonly transport: MailTransport | null;
  readonly setupError: string | null;
  readonly fromName: string;
  readonly fromAddress: string;
  readonly replyTo: string;
}

async function deliverOne(context: DeliveryContext, job: DeliveryJob, now: Date): Promise<Delivered> {
  const { db, logger } = context;
  const { row, settings, snapshot } = job;
  const result = (status: Delivered['status'], error: string | null, nextAttemptAt: string | null = null): Delivered => ({ outboxId: row.id, customerId: row.customer_id, status, error, nextAttemptAt });
  const timeZone = customerTimeZone(settings, row.customer_id);
  const today = toLocalDateTime(now.getTime(), timeZone).date;
  const invoiceIds = await invoiceIdsOf(db, row.id);

  if (allPaid(snapshot, invoiceIds, today)) {
    const reason = 'Every invoice in this reminder was paid before it went out, so it was not sent.';
    await setOutcome(db, row, { status: 'skipped', last_error: reason, next_attempt_at: null }, 'reminder.skipped', now, 'queued');
    return result('skipped', reason);
  }
  if (job.transport === null) {
    await setOutcome(db, row, { status: 'failed', last_error: job.setupError, next_attempt_at: null }, 'reminder.failed', now, 'queued');
    return result('failed', job.setupError);
  }

  const messageId = row.message_id ?? reminderMessageId(context.ledgerId, row.idempotency_key, job.fromAddress);
  const attempts = row.attempts + 1;
  const claimed = await db.transaction().execute(async (trx) => {
    const update = await trx.updateTable('reminder_outbox').set({ status: 'sending', attempts, message_id: messageId, updated_at: now.toISOString() })
      .where('id', '=', row.id).where('status', '=', 'queued').executeTakeFirst();
    if (Number(update.numUpdatedRows) !== 1) return false;
    await appendAudit(trx, { action: 'reminder.sending', entityType: 'reminder_outbox', entityId: row.id, details: { customerId: row.customer_id, attempts } }, now);
    return true;
  });
  if (!claimed) return result(row.status, null);
  const sending = { ...row, status: 'sending' as const, attempts, message_id: messageId };

  try {
    const attachments = row.attach_statement === 1 ? [await statementAttachment(snapshot, row.customer_id, today, settings.business, now)] : [];
    const receipt = await job.transport.send({
      from: { address: job.fromAddress, name: job.fromName },
      to: JSON.parse(row.recipients_json) as Recipient[],
      replyTo: job.replyTo === '' ? null : job.replyTo,
      subject: row.subject,
      text: row.body,
      messageId,
      attachments,
    });
    const note = receipt.rejected.length === 0 ? null : `The server rejected ${receipt.rejected.join(', ')} and accepted the other recipients.`;
    await setOutcome(db, sending, { status: 'sent', sent_at: now.toISOString(), delivery_confirmed: 1, last_error: note, next_attempt_at: null }, 'reminder.sent', now, 'sending');
    logger.info({ outboxId: row.id, attempts }, 'reminder sent');
    return result('sent', note);
  } catch (error) {
    const failure = error instanceof MailSendError ? error : new MailSendError(error instanceof Error ? error.message : String(error), true, null);
    logger.warn({ outboxId: row.id, attempts, responseCode: failure.responseCode, permanent: failure.permanent }, 'reminder send failed');
    if (failure.permanent || attempts >= maxAttempts) {
      await setOutcome(db, sending, { status: 'failed', last_error: failure.message, next_attempt_at: null }, 'reminder.failed', now, 'sending');
      return result('failed', failure.message);
    }
    const retryAt = new Date(nextOpenInstant(now.getTime() + retryDelayMs(attempts), settings.sendWindow, timeZone)).toISOString();
    await setOutcome(db, sending, { status: 'queued', last_error: failure.message, next_attempt_at: retryAt }, 'reminder.retry-scheduled', now, 'sending');
    return result('queued', failure.message, retryAt);
  }
}
