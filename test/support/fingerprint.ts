import type { LedgerDatabase } from '../../main/db/connection';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';

/**
 * Returns a SHA-256 over every row of every ledger table, in a fixed order, so a test can
 * prove that a rejected request or a failed import changed nothing at all.
 */
export async function ledgerFingerprint(db: LedgerDatabase): Promise<string> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db);
  const hash = createHash('sha256');
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    // Sorted as text, because WITHOUT ROWID tables have no rowid to order by.
    const texts = rows.rows.map((row) => JSON.stringify(row)).sort();
    hash.update(name);
    hash.update(texts.join('\n'));
  }
  return hash.digest('hex');
}
