import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from './migrations/index';
import { nativeBindingPath } from './native-binding';
import type { LedgerSchema } from './schema';

/**
 * The SQLite3 Multiple Ciphers scheme for every ledger. ChaCha20-Poly1305 authenticates each page
 * and also covers the WAL. It is set explicitly on every open because the library default may
 * change between releases, and a mismatch only shows at the first read (SQLITE_NOTADB).
 */
const cipher = 'chacha20';

export type LedgerDatabase = Kysely<LedgerSchema>;

export interface OpenLedger {
  readonly raw: Database.Database;
  readonly db: LedgerDatabase;
}

export type LedgerOpenFailure = 'not_found' | 'unreadable' | 'corrupt' | 'newer_schema';

/** Thrown when a ledger file cannot be opened; `reason` tells a wrong key apart from damage. */
export class LedgerOpenError extends Error {
  constructor(
    readonly reason: LedgerOpenFailure,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerOpenError';
  }
}

/**
 * Applies the key. The data key is a random 256-bit value, so the cipher's own PBKDF2 stretching
 * adds nothing and kdf_iter is 1; the passphrase is stretched separately when the key is wrapped.
 */
function applyKey(raw: Database.Database, dataKey: Buffer): void {
  if (dataKey.length !== 32) throw new Error('A ledger data key must be 32 bytes.');
  raw.pragma(`cipher='${cipher}'`);
  raw.pragma('kdf_iter=1');
  raw.pragma(`hexkey='${dataKey.toString('hex')}'`);
}

function sqliteCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Checks the file read-only before anything may write to it: the key must decrypt it, the
 * structure must pass quick_check, and no migration may be unknown to this version. A damaged
 * file or one from a newer Duewatch is therefore never changed, not even by switching to WAL.
 */
function inspectExisting(path: string, dataKey: Buffer): void {
  const size = statSync(path).size;
  if (size < 512) {
    throw new LedgerOpenError('corrupt', `The ledger file ${path} is truncated (${size} bytes). Restore it from a backup; the file was not changed.`);
  }
  const raw = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  try {
    applyKey(raw, dataKey);
    let tables: { name: string }[];
    try {
      tables = raw.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
        throw new LedgerOpenError('unreadable', `The ledger file ${path} cannot be decrypted with this key, or it is damaged. The file was not changed.`);
      }
      throw error;
    }
    const check = raw.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new LedgerOpenError('corrupt', `The ledger file ${path} is damaged (SQLite reports: ${String(check)}). Restore it from a backup; the file was not changed.`);
    }
    if (tables.some((table) => table.name === 'kysely_migration')) {
      const applied = raw.prepare('select name from kysely_migration').all() as { name: string }[];
      const unknown = applied.map((row) => row.name).filter((name) => !Object.hasOwn(migrations, name));
      if (unknown.length > 0) {
        throw new LedgerOpenError('newer_schema', `The ledger ${path} was written by a newer version of Duewatch (schema ${unknown.join(', ')}). Update Duewatch to open it; the file was not changed.`);
      }
    }
  } catch (error) {
    if (error instanceof LedgerOpenError) throw error;
    const code = sqliteCode(error);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
      throw new LedgerOpenError('corrupt', `The ledger file ${path} is damaged (${code}). Restore it from a backup; the file was not changed.`);
    }
    throw error;
  } finally {
    raw.close();
  }
}

/** Opens (or with `create`, creates) an encrypted ledger and brings its schema up to date. */
export async function openLedgerDatabase(path: string, dataKey: Buffer, options: { create?: boolean } = {}): Promise<OpenLedger> {
  const exists = existsSync(path);
  if (options.create === true && exists) {
    throw new LedgerOpenError('corrupt', `A file already exists at ${path}; choose another name.`);
  }
  if (options.create !== true) {
    if (!exists) throw new LedgerOpenError('not_found', `No ledger file at ${path}.`);
    inspectExisting(path, dataKey);
  }

  const raw = new Database(path, { fileMustExist: options.create !== true, nativeBinding: nativeBindingPath() });
  try {
    applyKey(raw, dataKey);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('secure_delete = ON');
    raw.pragma('busy_timeout = 5000');
    // 32 MiB of page cache (negative values are KiB): large imports and rescans touch index pages
    // at random, and every cache miss costs a read and a decryption.
    raw.pragma('cache_size = -32768');
    const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: raw }) });
    await migrateToLatest(db);
    return { raw, db };
  } catch (error) {
    raw.close();
    throw error;
  }
}

async function migrateToLatest(db: LedgerDatabase): Promise<void> {
  const { Migrator } = await import('kysely');
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Checkpoints the WAL into the main file and closes the connection. */
export async function closeLedgerDatabase(ledger: OpenLedger): Promise<void> {
  try {
    ledger.raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await ledger.db.destroy();
    if (ledger.raw.open) ledger.raw.close();
  }
}
