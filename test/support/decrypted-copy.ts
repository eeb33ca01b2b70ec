import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { nativeBindingPath } from '../../main/db/native-binding';

/**
 * Returns every byte of a plaintext copy of a ledger, free pages included. better-sqlite3-
 * multiple-ciphers has no sqlite_dbpage, so the ledger file and its WAL are copied instead. The
 * copy is opened with the data key and the cipher settings of main/db/connection.ts, leaving WAL
 * mode folds the copied WAL in, and `PRAGMA rekey = ''` decrypts the copy in place.
 */
export function decryptedLedgerBytes(ledgerPath: string, dataKey: Buffer, workDir: string): Buffer {
  const copy = join(workDir, `plain-${Date.now()}-${Math.random().toString(16).slice(2)}.db`);
  copyFileSync(ledgerPath, copy);
  if (existsSync(`${ledgerPath}-wal`) && statSync(`${ledgerPath}-wal`).size > 0) copyFileSync(`${ledgerPath}-wal`, `${copy}-wal`);
  const raw = new Database(copy, { nativeBinding: nativeBindingPath() });
  try {
    raw.pragma("cipher='chacha20'");
    raw.pragma('kdf_iter=1');
    raw.pragma(`hexkey='${dataKey.toString('hex')}'`);
    raw.pragma('journal_mode = DELETE');
    raw.pragma("rekey=''");
  } finally {
    raw.close();
  }
  const bytes = readFileSync(copy);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${copy}${suffix}`, { force: true });
  if (bytes.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw new Error('The copy was not decrypted: its header is not "SQLite format 3".');
  return bytes;
}

/** Returns the raw bytes of the ledger file and its -wal and -shm files, as they are on disk. */
export function rawLedgerFiles(ledgerPath: string): { name: string; bytes: Buffer }[] {
  return ['', '-wal', '-shm']
    .filter((suffix) => existsSync(`${ledgerPath}${suffix}`))
    .map((suffix) => ({ name: `ledger${suffix}`, bytes: readFileSync(`${ledgerPath}${suffix}`) }));
}

/** Opens a closed ledger file with its data key, as an attacker who has the key could, to change rows with raw SQL. */
export function openLedgerFile(ledgerPath: string, dataKey: Buffer): Database.Database {
  const raw = new Database(ledgerPath, { fileMustExist: true, nativeBinding: nativeBindingPath() });
  raw.pragma("cipher='chacha20'");
  raw.pragma('kdf_iter=1');
  raw.pragma(`hexkey='${dataKey.toString('hex')}'`);
  return raw;
}
