import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerOpenError, openLedgerDatabase } from '../../main/db/connection';
import { keyFilePath, readKeyFile } from '../../main/vault/keyring';
import type { Services } from '../../main/services/index';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe('ledger vault', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(() => {
    temp = makeTempDir();
    services = createTestServices(temp.path);
  });

  afterEach(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('keeps customer data out of the raw files', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.customers.add({ name: 'Zanzibar Plaintext Traders', externalRef: null, gstin: null, pan: null, cin: null, address: 'Marker Street 77', segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [{ kind: 'email', value: 'plain.marker@example.com', name: null }] });
    const path = created.ledger.path;
    // While open, the WAL holds the newest pages; check it and the shared-memory file too.
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      expect(bytes.includes('Zanzibar Plaintext'), file).toBe(false);
      expect(bytes.includes('plain.marker@example.com'), file).toBe(false);
      expect(bytes.includes('Marker Street'), file).toBe(false);
    }
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    await services.ledgers.lock();
    const bytes = readFileSync(path);
    expect(bytes.includes('Zanzibar Plaintext')).toBe(false);
  });

  it('rejects a wrong key without touching the file', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.lock();
    const before = sha256File(created.ledger.path);
    const wrongKey = Buffer.alloc(32, 7);
    await expect(openLedgerDatabase(created.ledger.path, wrongKey)).rejects.toBeInstanceOf(LedgerOpenError);
    expect(sha256File(created.ledger.path)).toBe(before);
    expect(existsSync(`${created.ledger.path}-wal`)).toBe(false);
  });

  it('rejects a wrong passphrase and changes nothing', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.lock();
    const ledgerBefore = sha256File(created.ledger.path);
    const keysBefore = sha256File(keyFilePath(created.ledger.path));
    await expect(services.ledgers.unlock(created.ledger.id, 'not the passphrase', false)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    expect(services.session.unlocked).toBeNull();
    expect(sha256File(created.ledger.path)).toBe(ledgerBefore);
    expect(sha256File(keyFilePath(created.ledger.path))).toBe(keysBefore);
  });

  it('throttles repeated wrong passphrases', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.lock();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(services.ledgers.unlock(created.ledger.id, `wrong ${attempt}`, false)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    }
    await expect(services.ledgers.unlock(created.ledger.id, testPassphrase, false)).rejects.toMatchObject({ code: 'throttled' });
  });

  it('changes the passphrase and keeps the data key', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    const keyBefore = readKeyFile(created.ledger.path);
    await services.ledgers.changePassphrase(testPassphrase, 'a brand new passphrase');
    await services.ledgers.lock();
    const keyAfter = readKeyFile(created.ledger.path);
    expect(keyAfter.passphraseSeal.ciphertext).not.toBe(keyBefore.passphraseSeal.ciphertext);
    expect(keyAfter.recoverySeal).toEqual(keyBefore.recoverySeal);
    await expect(services.ledgers.unlock(created.ledger.id, testPassphrase, false)).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await services.ledgers.unlock(created.ledger.id, 'a brand new passphrase', false);
    expect(services.session.unlocked?.ledger.id).toBe(created.ledger.id);
  });

  it('unlocks with the recovery key once', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.customers.add({ name: 'Kept Customer', externalRef: 'C1', gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [] });
    await services.ledgers.lock();
    const result = await services.ledgers.unlockWithRecoveryKey(created.ledger.id, created.recoveryKey.toLowerCase(), 'passphrase after recovery');
    expect(result.session.unlocked).toBe(true);
    expect(result.recoveryKey).not.toBe(created.recoveryKey);
    expect((await services.customers.list(0, 10)).items.map((customer) => customer.name)).toEqual(['Kept Customer']);
    await services.ledgers.lock();
    await expect(services.ledgers.unlockWithRecoveryKey(created.ledger.id, created.recoveryKey, 'another passphrase x')).rejects.toMatchObject({ code: 'wrong_passphrase' });
    await services.ledgers.unlock(created.ledger.id, 'passphrase after recovery', false);
  });

  it('reports a truncated ledger and leaves it as it was', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.lock();
    const size = statSync(created.ledger.path).size;
    truncateSync(created.ledger.path, Math.floor(size / 2) + 100);
    const before = sha256File(created.ledger.path);
    await expect(services.ledgers.unlock(created.ledger.id, testPassphrase, false)).rejects.toMatchObject({ code: 'corrupt_ledger' });
    expect(sha256File(created.ledger.path)).toBe(before);
  });

  it('reports a damaged ledger and leaves it as it was', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.lock();
    const bytes = readFileSync(created.ledger.path);
    for (let index = 5000; index < 5200; index += 1) bytes[index] = (bytes[index] ?? 0) ^ 0xff;
    writeFileSync(created.ledger.path, bytes);
    const before = sha256File(created.ledger.path);
    await expect(services.ledgers.unlock(created.ledger.id, testPassphrase, false)).rejects.toMatchObject({ code: 'corrupt_ledger' });
    expect(sha256File(created.ledger.path)).toBe(before);
  });

  it('refuses a ledger from a newer schema', async () => {
    const created = await services.ledgers.create('Shop', testPassphrase);
    const { raw } = services.session.require().database;
    raw.prepare("insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01T00:00:00.000Z')").run();
    await services.ledgers.lock();
    const before = sha256File(created.ledger.path);
    await expect(services.ledgers.unlock(created.ledger.id, testPassphrase, false)).rejects.toMatchObject({ code: 'newer_schema' });
    expect(sha256File(created.ledger.path)).toBe(before);
  });

  it('lists created ledgers and refuses a duplicate name', async () => {
    await services.ledgers.create('Shop', testPassphrase);
    await services.ledgers.create('Other Client', testPassphrase);
    expect(services.ledgers.list().map((ledger) => ledger.name)).toEqual(['Other Client', 'Shop']);
    await expect(services.ledgers.create('Shop', testPassphrase)).rejects.toMatchObject({ code: 'already_exists' });
  });

  it('uses WAL, foreign keys and secure delete', async () => {
    await services.ledgers.create('Shop', testPassphrase);
    const { raw } = services.session.require().database;
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('secure_delete', { simple: true })).toBe(1);
    expect(raw.pragma('cipher', { simple: true })).toBe('chacha20');
  });
});
