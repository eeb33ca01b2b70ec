import { sql } from 'kysely';
import type { LedgerDatabase } from '../../db/connection';

/**
 * Rewrites the ledger so deleted values are gone from every page. secure_delete (set when the
 * ledger opens) already zeroes deleted content. The first TRUNCATE checkpoint copies the WAL into
 * the main file and empties it. VACUUM rebuilds the file without free pages, and the second
 * checkpoint empties the WAL that VACUUM wrote. VACUUM keeps the ChaCha20 cipher and key of the
 * connection (checked by the erasure tests, which decrypt a copy and search its bytes).
 * Returns false when another connection kept a checkpoint from finishing.
 */
export async function compactLedger(db: LedgerDatabase): Promise<boolean> {
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`vacuum`.execute(db);
  const result = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return result.rows[0]?.busy === 0;
}
