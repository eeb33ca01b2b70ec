import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLedgerDatabase, openLedgerDatabase, type OpenLedger } from '../../main/db/connection';
import { makeTempDir } from '../support/services';

const now = '2026-12-04T10:00:00.000Z';

describe('migration 0005_reminders', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let ledger: OpenLedger;

  beforeEach(async () => {
    temp = makeTempDir();
    ledger = await openLedgerDatabase(join(temp.path, 'm.duewatch'), randomBytes(32), { create: true });
  });

  afterEach(async () => {
    await closeLedgerDatabase(ledger);
    temp.remove();
  });

  function addMessage(key: string, status = 'queued'): number {
    const statement = ledger.raw.prepare(`insert into reminder_outbox (idempotency_key, customer_id, step_id, repeat_index, template_id, tone, channel, language, subject, body, recipients_json, status, attach_statement, created_at, updated_at)
      values (?, 1, 'overdue-7', 0, 'overdue-polite', 'polite', 'email', 'en', 's', 'b', '[]', ?, 0, ?, ?)`);
    return Number(statement.run(key, status, now, now).lastInsertRowid);
  }

  it('creates STRICT tables', () => {
    const tables = ledger.raw.prepare("select name, strict from pragma_table_list where schema = 'main' and name like 'reminder_%' order by name").all() as { name: string; strict: number }[];
    expect(tables).toEqual([
      { name: 'reminder_outbox', strict: 1 },
      { name: 'reminder_outbox_invoices', strict: 1 },
      { name: 'reminder_skips', strict: 1 },
    ]);
  });

  it('rejects a second row for one invoice key', () => {
    const first = addMessage('7:overdue-7:0:email');
    const second = addMessage('8:overdue-7:0:email');
    const insertKey = ledger.raw.prepare('insert into reminder_outbox_invoices (idempotency_key, outbox_id, invoice_id) values (?, ?, ?)');
    insertKey.run('7:overdue-7:0:email', first, 7);
    expect(() => insertKey.run('7:overdue-7:0:email', second, 7)).toThrow(/UNIQUE constraint failed/);
  });

  it('rejects a duplicate message key', () => {
    addMessage('7:overdue-7:0:email');
    expect(() => addMessage('7:overdue-7:0:email')).toThrow(/UNIQUE constraint failed/);
  });

  it('rejects an unknown status', () => {
    expect(() => addMessage('7:overdue-7:0:email', 'delivered')).toThrow(/CHECK constraint failed/);
  });

  it('deletes invoice keys with their message', () => {
    const id = addMessage('7:overdue-7:0:email');
    ledger.raw.prepare('insert into reminder_outbox_invoices (idempotency_key, outbox_id, invoice_id) values (?, ?, 7)').run('7:overdue-7:0:email', id);
    ledger.raw.prepare('delete from reminder_outbox where id = ?').run(id);
    expect(ledger.raw.prepare('select count(*) from reminder_outbox_invoices').pluck().get()).toBe(0);
  });
});
