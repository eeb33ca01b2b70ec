import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely';
import { migrations as knownMigrations } from '../../db/migrations/index';
import { nativeBindingPath } from '../../db/native-binding';
import type { LedgerDatabase } from '../../db/connection';
import type { LedgerSchema } from '../../db/schema';
import { createKeyFile, keyFilePath, writeKeyFile } from '../../vault/keyring';
import type { ScryptParams } from '../../vault/kdf';
import { appendAudit, appendAuditRaw } from '../audit';
import { ServiceError } from '../errors';
import type { DumpedTable, LedgerDump } from './backup-file';

/** Tables the migrator keeps for itself; the backup stores the migration names instead. */
const migratorTables = new Set(['kysely_migration', 'kysely_migration_lock']);

function dumpValue(value: unknown): unknown {
  return value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value;
}

function loadValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && '$base64' in value) return Buffer.from(String((value as { $base64: unknown }).$base64), 'base64');
  return value;
}

/**
 * Reads every table in one transaction, so the dump is one consistent state, after appending the
 * audit entry of the backup itself, which the dump therefore contains.
 * NOTE: integers beyond 2^53 would lose precision in the JSON dump; the ledger stores money in
 * minor units, far below that.
 */
export async function dumpLedger(db: LedgerDatabase, ledgerId: string, now: Date, write: (dump: LedgerDump) => Promise<number>): Promise<{ tables: number; rows: number; sizeBytes: number }> {
  return db.transaction().execute(async (trx) => {
    await appendAudit(trx, { action: 'ledger.backed_up', entityType: 'ledger', entityId: ledgerId }, now);
    const names = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(trx);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(trx);
    const tables: DumpedTable[] = [];
    let rows = 0;
    for (const { name } of names.rows) {
      if (migratorTables.has(name)) continue;
      const columns = (await sql<{ name: string }>`select name from pragma_table_info(${name})`.execute(trx)).rows.map((column) => column.name);
      const data = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(trx);
      tables.push({ name, columns, rows: data.rows.map((row) => columns.map((column) => dumpValue(row[column]))) });
      rows += data.rows.length;
    }
    const sizeBytes = await write({ migrations: applied.rows.map((row) => row.name), tables });
    return { tables: tables.length, rows, sizeBytes };
  });
}

/** Opens a new ledger file with the same cipher settings as main/db/connection.ts. */
function openNewLedgerFile(path: string, dataKey: Buffer): Database.Database {
  const raw = new Database(path, { nativeBinding: nativeBindingPath() });
  raw.pragma("cipher='chacha20'");
  raw.pragma('kdf_iter=1');
  raw.pragma(`hexkey='${dataKey.toString('hex')}'`);
  raw.pragma('journal_mode = WAL');
  raw.pragma('secure_delete = ON');
  return raw;
}

function checkMigrations(dump: LedgerDump): string {
  const unknown = dump.migrations.filter((name) => !Object.hasOwn(knownMigrations, name));
  if (unknown.length > 0) throw new ServiceError('newer_schema', `The backup was made by a newer version of Duewatch (schema ${unknown.join(', ')}). Update Duewatch to restore it.`);
  const last = [...dump.migrations].sort().at(-1);
  if (last === undefined) throw new ServiceError('invalid_input', 'The backup lists no schema version, so it cannot be restored.');
  return last;
}

function insertRows(raw: Database.Database, dump: LedgerDump): number {
  let count = 0;
  for (const table of dump.tables) {
    const present = (raw.prepare('select name from pragma_table_info(?)').all(table.name) as { name: string }[]).map((column) => column.name);
    const missing = table.columns.filter((column) => !present.includes(column));
    if (present.length === 0 || missing.length > 0) {
      throw new ServiceError('corrupt_ledger', `The backup's table ${table.name} does not match the schema it names (missing ${missing.join(', ') || 'the table'}).`);
    }
    const quoted = table.columns.map((column) => `"${column.replace(/"/g, '""')}"`);
    const insert = raw.prepare(`insert into "${table.name.replace(/"/g, '""')}" (${quoted.join(', ')}) values (${quoted.map(() => '?').join(', ')})`);
    for (const row of table.rows) insert.run(...row.map(loadValue));
    count += table.rows.length;
  }
  return count;
}

/**
 * Restores a dump into a new ledger at `path` with its own new data key, key file and recovery
 * key: the schema is built up to the backup's version, the rows are inserted with foreign keys
 * checked at the end, and a `ledger.restored` entry continues the restored audit chain. Nothing is
 * left behind when any step fails.
 */
export async function restoreLedger(path: string, dump: LedgerDump, sourceLedgerId: string, newPassphrase: string, kdf: ScryptParams, now: Date): Promise<{ recoveryKey: string; rows: number }> {
  if (existsSync(path) || existsSync(keyFilePath(path))) throw new ServiceError('already_exists', `A ledger already exists at ${path}. Choose another name.`);
  const target = checkMigrations(dump);
  mkdirSync(dirname(path), { recursive: true });
  const { keyFile, dataKey, recoveryKey } = await createKeyFile(newPassphrase, kdf);
  let raw: Database.Database | null = null;
  try {
    writeKeyFile(path, keyFile);
    raw = openNewLedgerFile(path, dataKey);
    const db = new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: raw }) });
    const migrated = await new Migrator({ db, provider: { getMigrations: async () => knownMigrations } }).migrateTo(target);
    if (migrated.error !== undefined) throw new ServiceError('internal', `Building the schema of the restored ledger failed at ${migrated.results?.find((result) => result.status === 'Error')?.migrationName ?? 'a migration'}.`);
    raw.pragma('foreign_keys = OFF');
    const connection = raw;
    const rows = connection.transaction(() => {
      const inserted = insertRows(connection, dump);
      const violations = connection.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new ServiceError('corrupt_ledger', `The backup's rows break ${violations.length} foreign-key links, so it was not restored.`);
      appendAuditRaw(connection, { action: 'ledger.restored', entityType: 'ledger', entityId: keyFile.ledgerId, details: { sourceLedgerId, rows: inserted } }, now);
      return inserted;
    })();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    return { recoveryKey, rows };
  } catch (error) {
    if (raw?.open === true) raw.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    rmSync(keyFilePath(path), { force: true });
    throw error;
  } finally {
    dataKey.fill(0);
  }
}
