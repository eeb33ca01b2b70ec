import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLedgerDatabase, openLedgerDatabase, type OpenLedger } from '../../main/db/connection';
import { migrations } from '../../main/db/migrations/index';
import { makeTempDir } from '../support/services';

const now = '2026-12-04T10:00:00.000Z';

describe('migration 0001_initial', () => {
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

  it('creates every table as STRICT', () => {
    const tables = ledger.raw.prepare("select name, strict from pragma_table_list where schema = 'main' and name not like 'sqlite_%' and name not like 'kysely_%' order by name").all() as { name: string; strict: number }[];
    const names = tables.map((table) => table.name);
    for (const name of ['allocations', 'audit_log', 'credit_notes', 'customer_contacts', 'customers', 'disputes', 'imports', 'invoices', 'payments', 'promises_to_pay', 'settings']) {
      expect(names, name).toContain(name);
    }
    for (const table of tables) expect(table.strict, table.name).toBe(1);
  });

  it('rejects a fractional amount', () => {
    const customerId = addCustomer();
    expect(() => run("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, '1', '2026-01-01', '2026-01-31', 10.5, 'INR', ?)", customerId, now)).toThrow(/cannot store REAL value in INTEGER column/);
  });

  it('rejects a due date before the issue date', () => {
    const customerId = addCustomer();
    expect(() => run("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, '1', '2026-02-01', '2026-01-31', 100, 'INR', ?)", customerId, now)).toThrow(/CHECK constraint failed/);
  });

  it('keeps invoice numbers as text with leading zeros', () => {
    const customerId = addCustomer();
    run("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, '0000611365', '2026-01-01', '2026-01-31', 100, 'INR', ?)", customerId, now);
    expect(ledger.raw.prepare('select invoice_number from invoices').pluck().get()).toBe('0000611365');
  });

  it('enforces foreign keys', () => {
    expect(() => run("insert into payments (customer_id, payment_date, amount_minor, currency, created_at) values (999, '2026-01-01', 100, 'INR', ?)", now)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('requires exactly one allocation source', () => {
    const customerId = addCustomer();
    const invoiceId = Number(run("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, '1', '2026-01-01', '2026-01-31', 100, 'INR', ?)", customerId, now).lastInsertRowid);
    expect(() => run('insert into allocations (invoice_id, amount_minor) values (?, 50)', invoiceId)).toThrow(/CHECK constraint failed/);
  });

  it('requires a currency with a credit limit', () => {
    expect(() => run("insert into customers (name, name_key, credit_limit_minor, created_at, updated_at) values ('B', 'b', 100, ?, ?)", now, now)).toThrow(/CHECK constraint failed/);
  });

  it('records every migration in order', () => {
    const names = ledger.raw.prepare('select name from kysely_migration order by name').pluck().all() as string[];
    expect(names[0]).toBe('0001_initial');
    expect(names).toEqual(Object.keys(migrations).sort());
  });
});
