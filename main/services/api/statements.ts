import type Database from 'better-sqlite3-multiple-ciphers';

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * Returns the prepared statement for `sql` on this connection, preparing it on first use. The
 * API runs the same few statements on every request, and preparing one costs more than running
 * it. The cache goes with the connection when the ledger closes. A statement's pluck mode stays
 * as set, so a caller that plucks one SQL text plucks it on every use.
 */
export function statement(raw: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(raw);
  if (cache === undefined) {
    cache = new Map();
    caches.set(raw, cache);
  }
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = raw.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
