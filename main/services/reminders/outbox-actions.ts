import type { Selectable } from 'kysely';
import { nextOpenInstant } from '../../../core/reminders/send-window';
import type { ReminderSettings } from '../../../core/reminders/settings';
import type { LedgerDatabase } from '../../db/connection';
import type { ReminderOutboxTable } from '../../db/schema';
import { appendAudit } from '../audit';
import { customerTimeZone } from './delivery';
import { outboxByIds } from './outbox-queries';

type OutboxRow = Selectable<ReminderOutboxTable>;
type Changes = Partial<Pick<OutboxRow, 'status' | 'attempts' | 'next_attempt_at' | 'last_error' | 'sent_at' | 'delivery_confirmed'>>;

export type OutboxAction = 'approve' | 'cancel' | 'retry' | 'markSent';

export interface ActionResult {
  readonly updated: number[];
  readonly unchanged: number[];
}

/**
 * Returns what an action changes on one message, or null when it does not apply to the message
 * in its current state.
 */
function changesFor(action: OutboxAction, row: OutboxRow, settings: ReminderSettings, now: Date): Changes | null {
  const at = now.toISOString();
  const chat = row.channel !== 'email';
  switch (action) {
    case 'approve': {
      if (row.status !== 'draft') return null;
      if (chat) return { status: 'queued' };
      // An approved e-mail still waits for the sending hours, off-days and holidays.
      const sendAt = nextOpenInstant(now.getTime(), settings.sendWindow, customerTimeZone(settings, row.customer_id));
      return { status: 'queued', next_attempt_at: new Date(sendAt).toISOString() };
    }
    case 'cancel':
      return row.status === 'draft' || row.status === 'queued' || row.status === 'failed' ? { status: 'cancelled', next_attempt_at: null } : null;
    case 'retry': {
      const unconfirmed = row.status === 'sent' && row.delivery_confirmed === 0;
      if (chat || (row.status !== 'failed' && !unconfirmed)) return null;
      return { status: 'queued', attempts: 0, next_attempt_at: at, last_error: null, sent_at: null };
    }
    case 'markSent':
      return chat && (row.status === 'draft' || row.status === 'queued') ? { status: 'sent', sent_at: at, delivery_confirmed: 1, next_attempt_at: null } : null;
  }
}

const auditActions: Record<OutboxAction, string> = {
  approve: 'reminders.approved',
  cancel: 'reminders.cancelled',
  retry: 'reminders.retried',
  markSent: 'reminders.marked-sent',
};

/**
 * Applies an outbox action to the messages it fits, in one transaction with one audit entry.
 * Approve turns drafts into queued messages, cancel stops drafts, queued or failed messages,
 * retry queues a failed or unconfirmed e-mail again (with the same Message-ID), and mark-sent
 * records a WhatsApp or SMS message the user sent from their phone.
 */
export async function applyOutboxAction(db: LedgerDatabase, action: OutboxAction, ids: readonly number[], settings: ReminderSettings, now: Date): Promise<ActionResult> {
  const rows = await outboxByIds(db, [...new Set(ids)]);
  const planned = rows.flatMap((row) => {
    const changes = changesFor(action, row, settings, now);
    return changes === null ? [] : [{ row, changes }];
  });
  const updated = planned.map((entry) => entry.row.id);
  if (planned.length > 0) {
    await db.transaction().execute(async (trx) => {
      for (const { row, changes } of planned) {
        await trx.updateTable('reminder_outbox').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', row.id).where('status', '=', row.status).execute();
      }
      await appendAudit(trx, { action: auditActions[action], entityType: 'reminder_outbox', details: { outboxIds: updated } }, now);
    });
  }
  return { updated, unchanged: ids.filter((id) => !updated.includes(id)) };
}
