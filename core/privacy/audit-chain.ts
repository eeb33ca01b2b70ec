import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The audit log is append-only and hash-chained: each entry's hash covers its own fields and the
 * previous entry's hash, so altering, removing or reordering any entry breaks every later link.
 * Details hold ids and counts only, never personal data.
 */
export interface AuditEntryFields {
  readonly seq: number;
  /** ISO 8601 timestamp in UTC. */
  readonly at: string;
  readonly action: string;
  readonly entityType: string | null;
  readonly entityId: string | null;
  /** JSON text of ids and counts. */
  readonly details: string;
}

export interface AuditEntry extends AuditEntryFields {
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of the link before the first entry. */
export const genesisHash = '0'.repeat(64);

/** Serialises the fields in a fixed order, so the same entry always hashes the same. */
function canonicalText(fields: AuditEntryFields, prevHash: string): string {
  return JSON.stringify([prevHash, fields.seq, fields.at, fields.action, fields.entityType, fields.entityId, fields.details]);
}

export function hashAuditEntry(fields: AuditEntryFields, prevHash: string): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalText(fields, prevHash))));
}

export type AuditBreak =
  | { readonly kind: 'altered'; readonly seq: number }
  | { readonly kind: 'broken_link'; readonly seq: number }
  | { readonly kind: 'gap'; readonly seq: number; readonly expectedSeq: number }
  | { readonly kind: 'head_mismatch'; readonly seq: number | null };

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * Verifies entries in stored order and returns the first break, or null when the chain holds.
 * `head` is the last seq and hash recorded outside the log; it catches removal of the newest
 * entries, which the chain alone cannot show.
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, head: AuditHead | null): AuditBreak | null {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let last: AuditEntry | null = null;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { kind: 'gap', seq: entry.seq, expectedSeq };
    if (entry.prevHash !== prevHash) return { kind: 'broken_link', seq: entry.seq };
    if (hashAuditEntry(entry, entry.prevHash) !== entry.hash) return { kind: 'altered', seq: entry.seq };
    prevHash = entry.hash;
    expectedSeq += 1;
    last = entry;
  }
  if (head === null) return last === null ? null : { kind: 'head_mismatch', seq: last.seq };
  if (last === null || last.seq !== head.seq || last.hash !== head.hash) {
    return { kind: 'head_mismatch', seq: last?.seq ?? null };
  }
  return null;
}

export function describeAuditBreak(problem: AuditBreak): string {
  switch (problem.kind) {
    case 'altered':
      return `Audit entry ${problem.seq} was altered: its contents no longer match its hash.`;
    case 'broken_link':
      return `Audit entry ${problem.seq} does not link to the entry before it: an entry was removed, inserted or reordered before it.`;
    case 'gap':
      return `Audit entry ${problem.expectedSeq} is missing or out of order: entry ${problem.seq} came next.`;
    case 'head_mismatch':
      return problem.seq === null
        ? 'The audit log is empty, but the ledger records that entries were written: entries were removed.'
        : `The newest audit entry is ${problem.seq}, but the ledger records a different last entry: entries were removed or replaced at the end.`;
  }
}
