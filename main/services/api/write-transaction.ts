import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import type { RecordChange } from '../../../core/api/schemas';
import { appendAuditRaw, type AuditRecord } from '../audit';
import { ServiceError } from '../errors';
import type { Session } from '../session';
import { statement } from './statements';

/** The sender of a write, with the Idempotency-Key and body hash that make a retry safe. */
export interface WriteRequest {
  readonly tokenId: number;
  readonly idempotencyKey: string | null;
  readonly requestHash: string;
}

/** The result of one write function, before the transaction adds the idempotency record and the audit entry. */
export interface WriteStep<T> {
  readonly body: T;
  readonly customerId: number;
  readonly change: RecordChange;
  readonly audit: AuditRecord;
}

export interface WriteOutcome<T> {
  /** 201 when a record was created, otherwise 200. */
  readonly status: number;
  readonly body: T;
  readonly customerId: number;
  readonly change: RecordChange;
  /** True when the response is the stored one of an earlier request with the same Idempotency-Key. */
  readonly replayed: boolean;
}

/** Hours a stored response is kept for retries. The next keyed write deletes older records. */
export const idempotencyRetentionHours = 24;

/** SHA-256 over the method, the route and the body with object keys sorted, so key order does not matter. */
export function requestHash(method: string, route: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${route}\n${canonicalJson(body)}`).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareKeys(a, b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

interface StoredResponse {
  request_hash: string;
  status_code: number;
  response_json: string;
  customer_id: number | null;
}

/**
 * Runs one API write in one transaction on the ledger's connection. When the Idempotency-Key was
 * used before with the same body, it returns the stored response, and with another body it throws
 * `conflict`. Otherwise it calls `write`, stores the response under the key and appends exactly
 * one audit entry. A write that changed nothing and carries no key stores nothing and leaves no
 * audit entry. The connection is taken through kysely, so the write waits for a running import.
 */
export async function runApiWrite<T>(session: Session, now: Date, request: WriteRequest, write: (raw: Database.Database) => WriteStep<T>): Promise<WriteOutcome<T>> {
  const { raw, db } = session.require().database;
  return db.connection().execute(async () =>
    raw.transaction((): WriteOutcome<T> => {
      const stored = request.idempotencyKey === null ? undefined : (statement(raw, 'select request_hash, status_code, response_json, customer_id from api_idempotency where token_id = ? and idempotency_key = ?')
        .get(request.tokenId, request.idempotencyKey) as StoredResponse | undefined);
      if (stored !== undefined) return replay<T>(stored, request);

      const step = write(raw);
      const status = step.change === 'created' ? 201 : 200;
      let purged = 0;
      if (request.idempotencyKey !== null) {
        const cutoff = new Date(now.getTime() - idempotencyRetentionHours * 3_600_000).toISOString();
        purged = statement(raw, 'delete from api_idempotency where created_at < ?').run(cutoff).changes;
        statement(raw, 'insert into api_idempotency (token_id, idempotency_key, request_hash, status_code, response_json, customer_id, created_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(request.tokenId, request.idempotencyKey, request.requestHash, status, JSON.stringify(step.body), step.customerId, now.toISOString());
      }
      if (request.idempotencyKey !== null || step.change !== 'unchanged') {
        const details = { ...step.audit.details, change: step.change, tokenId: request.tokenId, idempotencyKey: request.idempotencyKey !== null, ...(purged > 0 ? { idempotencyRecordsDeleted: purged } : {}) };
        appendAuditRaw(raw, { ...step.audit, details }, now);
      }
      return { status, body: step.body, customerId: step.customerId, change: step.change, replayed: false };
    })(),
  );
}

function replay<T>(stored: StoredResponse, request: WriteRequest): WriteOutcome<T> {
  if (stored.request_hash !== request.requestHash) {
    throw new ServiceError('conflict', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
  }
  const body = JSON.parse(stored.response_json) as T & { change?: RecordChange };
  return { status: stored.status_code, body, customerId: stored.customer_id ?? 0, change: body.change ?? 'unchanged', replayed: true };
}
