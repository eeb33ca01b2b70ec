import type { ReminderMode, ReminderRun } from '../../../core/contract/reminders';
import { planReminders } from '../../../core/reminders/planner';
import type { ReminderSettings } from '../../../core/reminders/settings';
import type { PlannedMessage, ReminderPlan, SkipRecord } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import { appendAudit } from '../audit';
import type { ReminderConsentSource } from './consent-source';
import { loadBands, loadLedgerSnapshot, loadSentReminders, type LedgerSnapshot } from './ledger-snapshot';

export interface PlanningResult {
  readonly created: ReminderRun['created'];
  readonly skipped: ReminderRun['skipped'];
  readonly deferred: ReminderRun['deferred'];
}

/** Builds the key that records a skip once, however often planning meets it. */
function skipKey(skip: SkipRecord): string {
  return `${skip.invoiceId}:${skip.stepId}:${skip.repeatIndex}:${skip.channel ?? '*'}:${skip.reason}`;
}

/** Builds the outbox key of a message from its sorted invoice keys, so the same invoices and step give the same key. */
export function messageKey(message: PlannedMessage): string {
  return [...message.idempotencyKeys].sort().join(',');
}

/** Plans the reminders due at `now` from the whole ledger, with consent records and risk bands. */
export async function planFromLedger(db: LedgerDatabase, settings: ReminderSettings, consentSource: ReminderConsentSource, now: Date): Promise<{ plan: ReminderPlan; snapshot: LedgerSnapshot }> {
  const snapshot = await loadLedgerSnapshot(db);
  const consent = await consentSource.reminderConsents(snapshot.customers.map((customer) => customer.id));
  const plan = planReminders({
    settings,
    ...snapshot,
    sent: await loadSentReminders(db),
    consent: [...consent],
    bands: await loadBands(db),
  }, now.toISOString());
  return { plan, snapshot };
}

/**
 * Writes a plan's due messages to the outbox (drafts in review mode, queued otherwise) and its
 * skips to the skip record, in one transaction with one audit entry. Deferred messages are not
 * written, because the next run plans them again once their time comes. A skip already recorded
 * for the same invoice, step, channel and reason is not recorded again.
 */
export async function recordPlan(db: LedgerDatabase, plan: ReminderPlan, snapshot: LedgerSnapshot, mode: ReminderMode, now: Date): Promise<PlanningResult> {
  const names = new Map(snapshot.customers.map((customer) => [customer.id, customer.name]));
  const numbers = new Map(snapshot.invoices.map((invoice) => [invoice.id, invoice.invoiceNumber]));
  const at = now.toISOString();
  const status = mode === 'review' ? 'draft' : 'queued';

  const recorded = new Set((await db.selectFrom('reminder_skips').select('skip_key').execute()).map((row) => row.skip_key));
  const newSkips = new Map(plan.skipped.filter((skip) => !recorded.has(skipKey(skip))).map((skip) => [skipKey(skip), skip]));
  const created: PlanningResult['created'][number][] = [];
  if (plan.messages.length > 0 || newSkips.size > 0) {
    await db.transaction().execute(async (trx) => {
      for (const message of plan.messages) {
        const inserted = await trx.insertInto('reminder_outbox').values({
          idempotency_key: messageKey(message),
          customer_id: message.customerId,
          step_id: message.stepId,
          repeat_index: message.repeatIndex,
          template_id: message.templateId,
          tone: message.tone,
          channel: message.channel,
          language: message.language,
          subject: message.subject,
          body: message.body,
          recipients_json: JSON.stringify(message.recipients),
          status,
          next_attempt_at: status === 'queued' && message.channel === 'email' ? at : null,
          last_error: null,
          message_id: null,
          attach_statement: message.attachStatement ? 1 : 0,
          link: message.link,
          created_at: at,
          updated_at: at,
          sent_at: null,
        }).returning('id').executeTakeFirstOrThrow();
        for (const [index, key] of message.idempotencyKeys.entries()) {
          await trx.insertInto('reminder_outbox_invoices').values({ idempotency_key: key, outbox_id: inserted.id, invoice_id: message.invoiceIds[index] ?? 0 }).execute();
        }
        created.push({ outboxId: inserted.id, customerId: message.customerId, customerName: names.get(message.customerId) ?? '', channel: message.channel, status, invoiceNumbers: message.invoiceIds.map((id) => numbers.get(id) ?? String(id)) });
      }
      for (const [key, skip] of newSkips) {
        await trx.insertInto('reminder_skips').values({
          skip_key: key, customer_id: skip.customerId, invoice_id: skip.invoiceId, step_id: skip.stepId, repeat_index: skip.repeatIndex, channel: skip.channel, reason: skip.reason, message: skip.message, recorded_at: at,
        }).execute();
      }
      const details = { outboxIds: created.map((entry) => entry.outboxId), status, skipsRecorded: newSkips.size, deferred: plan.deferred.length };
      await appendAudit(trx, { action: 'reminders.planned', entityType: 'reminder_outbox', details }, now);
    });
  }

  return {
    created,
    skipped: plan.skipped.map((skip) => ({ customerId: skip.customerId, customerName: names.get(skip.customerId) ?? '', invoiceId: skip.invoiceId, invoiceNumber: numbers.get(skip.invoiceId) ?? String(skip.invoiceId), stepId: skip.stepId, channel: skip.channel, reason: skip.reason, message: skip.message })),
    deferred: plan.deferred.map((message) => ({ customerId: message.customerId, customerName: names.get(message.customerId) ?? '', channel: message.channel, invoiceIds: [...message.invoiceIds], reason: message.deferReason ?? 'deferred', notBefore: message.notBefore, message: message.deferMessage ?? '' })),
  };
}
