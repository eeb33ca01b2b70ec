import { describeAuditBreak, type AuditBreak } from '../../../core/privacy/audit-chain';
import type { LedgerDatabase } from '../../db/connection';
import { readAuditEntries, verifyAudit } from '../audit';

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  readonly details: string;
  readonly hash: string;
}

export interface AuditVerification {
  readonly intact: boolean;
  readonly entries: number;
  readonly problem: { seq: number | null; kind: string; message: string; entry: AuditEntryView | null } | null;
}

/** Returns one page of the audit log, newest entry first. */
export async function listAuditEntries(db: LedgerDatabase, offset: number, limit: number): Promise<{ total: number; items: AuditEntryView[] }> {
  const total = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('audit_log').select(['seq', 'at', 'action', 'entity_type', 'entity_id', 'details_json', 'hash']).orderBy('seq', 'desc').offset(offset).limit(limit).execute();
  return {
    total: Number(total.count),
    items: rows.map((row) => ({ seq: row.seq, at: row.at, action: row.action, entityType: row.entity_type, entityId: row.entity_id, details: row.details_json, hash: row.hash })),
  };
}

async function readHead(db: LedgerDatabase): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', 'audit.head').executeTakeFirst();
  return row === undefined ? null : (JSON.parse(row.value_json) as { seq: number; hash: string });
}

/**
 * Names the first entry that is wrong. A gap names the missing seq. At the end of the log the
 * stored head decides: the first seq after the last entry when entries were removed, the first
 * seq past the head when entries were appended, or the last entry itself when it was replaced.
 */
async function brokenSeq(db: LedgerDatabase, problem: AuditBreak, lastSeq: number | null): Promise<{ seq: number | null; message: string }> {
  if (problem.kind === 'gap') return { seq: problem.expectedSeq, message: describeAuditBreak(problem) };
  if (problem.kind !== 'head_mismatch') return { seq: problem.seq, message: describeAuditBreak(problem) };
  const head = await readHead(db);
  const last = lastSeq ?? 0;
  if (head === null) return { seq: last === 0 ? null : 1, message: 'The ledger has audit entries but no record of the last one: the record of the newest entry was removed.' };
  if (last < head.seq) return { seq: last + 1, message: `Audit entry ${last + 1} is missing: the ledger recorded entries up to ${head.seq}, but the log ends at ${last}. Entries were removed from the end.` };
  if (last > head.seq) return { seq: head.seq + 1, message: `Audit entry ${head.seq + 1} was added after the newest entry the ledger recorded (${head.seq}).` };
  return { seq: last, message: `Audit entry ${last} was replaced: it differs from the newest entry the ledger recorded.` };
}

/** Verifies the whole hash chain and names the first entry that was altered, removed, added or reordered. */
export async function verifyAuditLog(db: LedgerDatabase): Promise<AuditVerification> {
  const entries = await readAuditEntries(db);
  const problem = await verifyAudit(db);
  if (problem === null) return { intact: true, entries: entries.length, problem: null };
  const located = await brokenSeq(db, problem, entries.at(-1)?.seq ?? null);
  const row = located.seq === null ? undefined : entries.find((entry) => entry.seq === located.seq);
  const entry = row === undefined ? null : { seq: row.seq, at: row.at, action: row.action, entityType: row.entityType, entityId: row.entityId, details: row.details, hash: row.hash };
  return { intact: false, entries: entries.length, problem: { seq: located.seq, kind: problem.kind, message: located.message, entry } };
}
