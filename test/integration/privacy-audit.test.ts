import type Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { runDuewatch } from '../support/cli';
import { openLedgerFile } from '../support/decrypted-copy';
import { importPrivacyLedger } from '../support/privacy-ledger';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

type AuditRow = { seq: number; at: string; action: string; entity_type: string | null; entity_id: string | null; details_json: string; prev_hash: string; hash: string };

/** Writes a few audited changes so the log has entries of several kinds. */
async function writeEntries(services: Services, folder: string): Promise<void> {
  const { kapoorId } = await importPrivacyLedger(services, folder, 2);
  await services.privacy.recordConsent({ customerId: kapoorId, contactId: null, channel: 'email', purpose: 'payment-reminders', legalBasis: 'consent', action: 'given', noticeVersion: 'v1', effectiveOn: '2026-11-01', method: 'Signed form' });
  await services.privacy.recordConsent({ customerId: kapoorId, contactId: null, channel: 'email', purpose: 'payment-reminders', legalBasis: 'consent', action: 'withdrawn', noticeVersion: 'v1', effectiveOn: '2026-11-20', method: 'E-mail reply' });
  await services.privacy.createRequest({ kind: 'access', customerId: kapoorId, receivedOn: '2026-12-01', notes: null });
}

/** Three ways to tamper with the row at `seq`, each done with raw SQL as an attacker with the key could. */
const tamperings: Record<string, (raw: Database.Database, seq: number) => void> = {
  'altered details': (raw, seq) => raw.prepare('update audit_log set details_json = ? where seq = ?').run('{"forged":true}', seq),
  'altered time': (raw, seq) => raw.prepare("update audit_log set at = '2020-01-01T00:00:00.000Z' where seq = ?").run(seq),
  'altered hash': (raw, seq) => raw.prepare("update audit_log set hash = replace(hash, substr(hash, 1, 1), case substr(hash, 1, 1) when 'a' then 'b' else 'a' end) where seq = ?").run(seq),
  deleted: (raw, seq) => raw.prepare('delete from audit_log where seq = ?').run(seq),
  'reordered with the next row': (raw, seq) => {
    raw.prepare('update audit_log set seq = -1 where seq = ?').run(seq);
    raw.prepare('update audit_log set seq = ? where seq = ?').run(seq, seq + 1);
    raw.prepare('update audit_log set seq = ? where seq = -1').run(seq + 1);
  },
};

describe('audit log verification', () => {
  const temp = makeTempDir('duewatch-audit-');
  let services: Services;
  let raw: Database.Database;
  let original: AuditRow[];
  let head: string;

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Audit', testPassphrase);
    await writeEntries(services, temp.path);
    raw = services.session.require().database.raw;
    original = raw.prepare('select * from audit_log order by seq').all() as AuditRow[];
    head = (raw.prepare("select value_json from settings where key = 'audit.head'").pluck().get() as string);
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  function restore(): void {
    raw.transaction(() => {
      raw.prepare('delete from audit_log').run();
      const insert = raw.prepare('insert into audit_log (seq, at, action, entity_type, entity_id, details_json, prev_hash, hash) values (@seq, @at, @action, @entity_type, @entity_id, @details_json, @prev_hash, @hash)');
      for (const row of original) insert.run(row);
      raw.prepare("update settings set value_json = ? where key = 'audit.head'").run(head);
    })();
  }

  it('reports an intact chain', async () => {
    expect(original.length).toBeGreaterThanOrEqual(6);
    expect(await services.privacy.verifyAudit()).toEqual({ intact: true, entries: original.length, problem: null });
  });

  for (const [name, tamper] of Object.entries(tamperings)) {
    it(`names the ${name} row at every position`, async () => {
      const last = name.startsWith('reordered') ? original.length - 1 : original.length;
      for (let seq = 1; seq <= last; seq += 1) {
        raw.transaction(() => tamper(raw, seq))();
        const result = await services.privacy.verifyAudit();
        restore();
        expect(result.intact, `${name} at ${seq}`).toBe(false);
        expect(result.problem?.seq, `${name} at ${seq}: ${result.problem?.message ?? ''}`).toBe(seq);
        expect(result.problem?.message).toContain(String(seq));
      }
      expect((await services.privacy.verifyAudit()).intact).toBe(true);
    });
  }

  it('pages the log newest first', async () => {
    const page = await services.privacy.listAudit(0, 3);
    expect(page.total).toBe(original.length);
    expect(page.items.map((entry) => entry.seq)).toEqual([original.length, original.length - 1, original.length - 2]);
    const next = await services.privacy.listAudit(3, 3);
    expect(next.items[0]?.seq).toBe(original.length - 3);
  });
});

describe('audit verify command', () => {
  const temp = makeTempDir('duewatch-audit-cli-');
  const env = { DUEWATCH_DATA_DIR: join(temp.path, 'data'), DUEWATCH_PASSPHRASE: testPassphrase };
  let ledgerPath: string;
  let dataKey: Buffer;
  let entries: number;

  beforeAll(async () => {
    const services = createTestServices(temp.path);
    await services.ledgers.create('Audit CLI', testPassphrase);
    await writeEntries(services, temp.path);
    const unlocked = services.session.require();
    ledgerPath = unlocked.ledger.path;
    dataKey = Buffer.from(unlocked.dataKey);
    entries = Number(unlocked.database.raw.prepare('select count(*) from audit_log').pluck().get());
    await services.shutdown();
  });

  afterAll(() => temp.remove());

  it('exits 0 on an intact chain and writes nothing', async () => {
    const result = await runDuewatch(['audit', 'verify', '--ledger', ledgerPath], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Audit chain intact: ${entries} entries.`);
    const raw = openLedgerFile(ledgerPath, dataKey);
    expect(raw.prepare('select count(*) from audit_log').pluck().get()).toBe(entries);
    raw.close();
  });

  it('exits 1 and names the removed last entry', async () => {
    const raw = openLedgerFile(ledgerPath, dataKey);
    raw.prepare('delete from audit_log where seq = ?').run(entries);
    raw.close();
    const result = await runDuewatch(['audit', 'verify', '--ledger', ledgerPath, '--json'], { env });
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { intact: boolean; problem: { seq: number; message: string } };
    expect(parsed.intact).toBe(false);
    expect(parsed.problem.seq).toBe(entries);
  });

  it('exits 1 and names an altered entry in text', async () => {
    const raw = openLedgerFile(ledgerPath, dataKey);
    raw.prepare("update audit_log set action = 'customer.created' where seq = 2").run();
    raw.close();
    const result = await runDuewatch(['audit', 'verify', '--ledger', ledgerPath], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Audit chain BROKEN at entry 2: Audit entry 2 was altered/);
    expect(result.stdout).toContain('entry 2: ');
  });

  it('rejects a wrong passphrase', async () => {
    const result = await runDuewatch(['audit', 'verify', '--ledger', ledgerPath], { env: { ...env, DUEWATCH_PASSPHRASE: 'not the passphrase at all' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^duewatch: error: /);
  });
});

describe('audit truncation followed by new writes', () => {
  it('still reports the removed entries', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createTestServices, testPassphrase } = await import('../support/services');
    const { verifyAudit } = await import('../../main/services/audit');
    const folder = mkdtempSync(join(tmpdir(), 'duewatch-truncate-'));
    const services = createTestServices(folder);
    try {
      await services.ledgers.create('Shop', testPassphrase);
      for (const name of ['One', 'Two', 'Three']) await services.customers.add({ name, externalRef: null, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [] });
      const { raw, db } = services.session.require().database;
      const lastSeq = raw.prepare('select max(seq) from audit_log').pluck().get() as number;
      raw.prepare('delete from audit_log where seq >= ?').run(lastSeq - 1);
      await services.customers.add({ name: 'Four', externalRef: null, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [] });
      const problem = await verifyAudit(db);
      expect(problem).toEqual({ kind: 'head_mismatch', seq: lastSeq - 2 });
    } finally {
      await services.shutdown();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
