import type Database from 'better-sqlite3-multiple-ciphers';
import type { Transaction } from 'kysely';
import { genesisHash, hashAuditEntry, verifyAuditChain, type AuditBreak, type AuditEntry } from '../../core/privacy/audit-chain';
import type { LedgerDatabase } from '../db/connection';
import type { LedgerSchema } from '../db/schema';

export interface AuditRecord {
  readonly action: string;
  readonly entityType?: string;
  readonly entityId?: string | number;
  /** Ids and counts only: never names, amounts or contact details. */
  readonly details?: Record<string, unknown>;
}

/** The settings key that stores the newest entry's seq and hash, which exposes removal at the end. */
const headKey = 'audit.head';
/**
 * Settings key listing each time an append found the log's newest entry differing from the stored
 * head. Without it, the next append would make the head match again and hide the removal.
 */
const headBreaksKey = 'audit.headBreaks';

interface HeadBreak {
  readonly detectedAt: string;
  /** The newest entry the head recorded, which was missing or changed at that time. */
  readonly expectedSeq: number;
  /** The newest entry actually in the log at that time, or null when it was empty. */
  readonly foundSeq: number | null;
}

function headBreak(head: { seq: number; hash: string } | null, last: { seq: number; hash: string } | undefined, at: string): HeadBreak | null {
  if (head === null) return null;
  if (last !== undefined && last.seq === head.seq && last.hash === head.hash) return null;
  return { detectedAt: at, expectedSeq: head.seq, foundSeq: last?.seq ?? null };
}

/**
 * Appends one entry to the hash-chained audit log inside the caller's transaction, so the change
 * and its audit entry commit or roll back together.
 */
export async function appendAudit(trx: Transaction<LedgerSchema>, record: AuditRecord, at: Date): Promise<number> {
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const storedHead = await trx.selectFrom('settings').select('value_json').where('key', '=', headKey).executeTakeFirst();
  const broken = headBreak(storedHead === undefined ? null : (JSON.parse(storedHead.value_json) as { seq: number; hash: string }), last, at.toISOString());
  if (broken !== null) {
    const breaks = await trx.selectFrom('settings').select('value_json').where('key', '=', headBreaksKey).executeTakeFirst();
    const list = JSON.stringify([...(breaks === undefined ? [] : (JSON.parse(breaks.value_json) as HeadBreak[])), broken]);
    await trx.insertInto('settings').values({ key: headBreaksKey, value_json: list, updated_at: broken.detectedAt })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json: list, updated_at: broken.detectedAt })).execute();
  }
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    action: record.action,
    entityType: record.entityType ?? null,
    entityId: record.entityId === undefined ? null : String(record.entityId),
    details: JSON.stringify(record.details ?? {}),
  };
  const prevHash = last?.hash ?? genesisHash;
  const hash = hashAuditEntry(fields, prevHash);
  await trx
    .insertInto('audit_log')
    .values({ seq: fields.seq, at: fields.at, action: fields.action, entity_type: fields.entityType, entity_id: fields.entityId, details_json: fields.details, prev_hash: prevHash, hash })
    .execute();
  const head = JSON.stringify({ seq: fields.seq, hash });
  await trx
    .insertInto('settings')
    .values({ key: headKey, value_json: head, updated_at: fields.at })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json: head, updated_at: fields.at }))
    .execute();
  return fields.seq;
}

export async function readAuditEntries(db: LedgerDatabase, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc');
  if (options.afterSeq !== undefined) query = query.where('seq', '>', options.afterSeq);
  if (options.limit !== undefined) query = query.limit(options.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details_json,
    prevHash: row.prev_hash,
    hash: row.hash,
  }));
}

/** Verifies the whole chain in seq order and returns the first break, or null when it holds. */
export async function verifyAudit(db: LedgerDatabase): Promise<AuditBreak | null> {
  const rows = await readAuditEntries(db);
  const headRow = await db.selectFrom('settings').select('value_json').where('key', '=', headKey).executeTakeFirst();
  const head = headRow === undefined ? null : (JSON.parse(headRow.value_json) as { seq: number; hash: string });
  const chainBreak = verifyAuditChain(rows, head);
  if (chainBreak !== null) return chainBreak;
  const breaksRow = await db.selectFrom('settings').select('value_json').where('key', '=', headBreaksKey).executeTakeFirst();
  const first = breaksRow === undefined ? undefined : (JSON.parse(breaksRow.value_json) as HeadBreak[])[0];
  return first === undefined ? null : { kind: 'head_mismatch', seq: first.foundSeq };
}

/**
 * Appends one audit entry through the raw connection, for work that already runs inside a raw
 * transaction (imports). Produces exactly what `appendAudit` produces.
 */
export function appendAuditRaw(raw: Database.Database, record: AuditRecord, at: Date): number {
  const last = raw.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
  const storedHead = raw.prepare('select value_json from settings where key = ?').pluck().get(headKey) as string | undefined;
  const broken = headBreak(storedHead === undefined ? null : (JSON.parse(storedHead) as { seq: number; hash: string }), last, at.toISOString());
  if (broken !== null) {
    const breaks = raw.prepare('select value_json from settings where key = ?').pluck().get(headBreaksKey) as string | undefined;
    raw.prepare('insert into settings (key, value_json, updated_at) values (?, ?, ?) on conflict (key) do update set value_json = excluded.value_json, updated_at = excluded.updated_at')
      .run(headBreaksKey, JSON.stringify([...(breaks === undefined ? [] : (JSON.parse(breaks) as HeadBreak[])), broken]), broken.detectedAt);
  }
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    action: record.action,
    entityType: record.entityType ?? null,
    entityId: record.entityId === undefined ? null : String(record.entityId),
    details: JSON.stringify(record.details ?? {}),
  };
  const prevHash = last?.hash ?? genesisHash;
  const hash = hashAuditEntry(fields, prevHash);
  raw.prepare('insert into audit_log (seq, at, action, entity_type, entity_id, details_json, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(fields.seq, fields.at, fields.action, fields.entityType, fields.entityId, fields.details, prevHash, hash);
  raw.prepare('insert into settings (key, value_json, updated_at) values (?, ?, ?) on conflict (key) do update set value_json = excluded.value_json, updated_at = excluded.updated_at')
    .run(headKey, JSON.stringify({ seq: fields.seq, hash }), fields.at);
  return fields.seq;
}
