import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLedgerDatabase, openLedgerDatabase, type OpenLedger } from '../../main/db/connection';
import { makeTempDir } from '../support/services';

const now = '2026-12-04T10:00:00.000Z';

describe('migration 0004_privacy', () => {
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

  function run(statement: string, ...params: unknown[]) {
    return ledger.raw.prepare(statement).run(...params);
  }

  function addCustomer(): number {
    return Number(run("insert into customers (name, name_key, created_at, updated_at) values ('A', 'a', ?, ?)", now, now).lastInsertRowid);
  }

  function addConsent(customerId: number, purpose = 'marketing', action = 'given'): number {
    return Number(run("insert into consents (customer_id, purpose, legal_basis, action, effective_on, method, recorded_at) values (?, ?, 'consent', ?, '2026-12-01', 'form', ?)", customerId, purpose, action, now).lastInsertRowid);
  }

  it('creates the privacy tables as STRICT', () => {
    const tables = ledger.raw.prepare("select name, strict from pragma_table_list where schema = 'main' and name in ('consents', 'rectifications', 'privacy_requests') order by name").all() as { name: string; strict: number }[];
    expect(tables).toEqual([{ name: 'consents', strict: 1 }, { name: 'privacy_requests', strict: 1 }, { name: 'rectifications', strict: 1 }]);
  });

  it('rejects an unknown purpose, action and request kind', () => {
    const customerId = addCustomer();
    expect(() => addConsent(customerId, 'profiling')).toThrow(/CHECK constraint/);
    expect(() => addConsent(customerId, 'marketing', 'maybe')).toThrow(/CHECK constraint/);
    expect(() => run("insert into privacy_requests (kind, received_on, due_on, status, created_at, updated_at) values ('wish', '2026-12-01', '2027-01-01', 'open', ?, ?)", now, now)).toThrow(/CHECK constraint/);
  });

  it('deletes consents and rectifications with their customer', () => {
    const customerId = addCustomer();
    addConsent(customerId);
    run("insert into rectifications (customer_id, field, old_value, new_value, reason, requested_on, recorded_at) values (?, 'name', 'Old', 'New', 'typo', '2026-12-01', ?)", customerId, now);
    const requestId = Number(run("insert into privacy_requests (kind, customer_id, received_on, due_on, status, created_at, updated_at) values ('access', ?, '2026-12-01', '2027-01-01', 'open', ?, ?)", customerId, now, now).lastInsertRowid);
    run('delete from customers where id = ?', customerId);
    expect(ledger.raw.prepare('select count(*) from consents').pluck().get()).toBe(0);
    expect(ledger.raw.prepare('select count(*) from rectifications').pluck().get()).toBe(0);
    expect(ledger.raw.prepare('select customer_id from privacy_requests where id = ?').pluck().get(requestId)).toBeNull();
  });
});
