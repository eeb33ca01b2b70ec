import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeLedgerDatabase, openLedgerDatabase, type OpenLedger } from '../../main/db/connection';
import { makeTempDir } from '../support/services';

const now = '2026-12-04T10:00:00.000Z';

describe('migration 0007_api', () => {
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

  function addToken(name: string, hash: string, revokedAt: string | null = null): number {
    return Number(ledger.raw.prepare("insert into api_tokens (name, token_hash, scopes_json, created_at, revoked_at) values (?, ?, '[\"risk:read\"]', ?, ?)").run(name, hash, now, revokedAt).lastInsertRowid);
  }

  it('creates both tables as STRICT', () => {
    const tables = ledger.raw.prepare("select name, strict from pragma_table_list where schema = 'main' and name like 'api_%' order by name").all() as { name: string; strict: number }[];
    expect(tables).toEqual([{ name: 'api_idempotency', strict: 1 }, { name: 'api_tokens', strict: 1 }]);
  });

  it('keeps active token names unique but allows reuse after revocation', () => {
    addToken('billing', 'a'.repeat(64), now);
    addToken('billing', 'b'.repeat(64));
    expect(() => addToken('billing', 'c'.repeat(64))).toThrow(/UNIQUE constraint failed/);
  });

  it('rejects a second token with the same hash', () => {
    addToken('one', 'd'.repeat(64));
    expect(() => addToken('two', 'd'.repeat(64))).toThrow(/UNIQUE constraint failed/);
  });

  it('stores one response per token and key', () => {
    const tokenId = addToken('billing', 'e'.repeat(64));
    const insert = ledger.raw.prepare("insert into api_idempotency (token_id, idempotency_key, request_hash, status_code, response_json, customer_id, created_at) values (?, ?, 'h', 201, '{}', null, ?)");
    insert.run(tokenId, 'key-1', now);
    insert.run(tokenId, 'key-2', now);
    expect(() => insert.run(tokenId, 'key-1', now)).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run(999, 'key-3', now)).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('rejects text in the status code', () => {
    const tokenId = addToken('billing', 'f'.repeat(64));
    expect(() => ledger.raw.prepare("insert into api_idempotency (token_id, idempotency_key, request_hash, status_code, response_json, created_at) values (?, 'k', 'h', 'ok', '{}', ?)").run(tokenId, now)).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
