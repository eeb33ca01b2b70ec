import type Database from 'better-sqlite3-multiple-ciphers';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { apiScopes, type ApiScope, type ApiToken } from '../../../core/contract/api';
import type { LedgerDatabase } from '../../db/connection';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import { statement } from './statements';

/** Prefix of every token, so a leaked token is recognisable in logs, code and secret scanners. */
export const tokenPrefix = 'dwapi_';

/** An authenticated caller: the token's id, name and scopes, never the token itself. */
export interface ApiPrincipal {
  readonly tokenId: number;
  readonly name: string;
  readonly scopes: readonly ApiScope[];
}

export type Authentication = { readonly ok: true; readonly principal: ApiPrincipal } | { readonly ok: false; readonly revokedAt: string | null };

interface TokenRow {
  id: number;
  name: string;
  token_hash: string;
  scopes_json: string;
  created_at: string;
  revoked_at: string | null;
}

/** Returns a new token: the prefix and 256 random bits in base64url. */
export function generateToken(): string {
  return `${tokenPrefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 of the token, hex. The token has 256 random bits, so an unsalted fast hash suffices. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function parseScopes(json: string): ApiScope[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.filter((scope): scope is ApiScope => (apiScopes as readonly unknown[]).includes(scope)) : [];
}

function toToken(row: TokenRow): ApiToken {
  return { id: row.id, name: row.name, scopes: parseScopes(row.scopes_json), createdAt: row.created_at, revokedAt: row.revoked_at };
}

/**
 * Finds the token whose hash matches. Every stored hash is compared with `timingSafeEqual` and the
 * loop never stops early, so the time taken does not depend on which hash matched or how much of
 * it. The rows are read on every request, so a token revoked by another process (the command
 * line on the same ledger) stops working at once.
 */
export function authenticate(raw: Database.Database, token: string): Authentication {
  const rows = statement(raw, 'select id, name, token_hash, scopes_json, created_at, revoked_at from api_tokens').all() as TokenRow[];
  const given = Buffer.from(hashToken(token), 'hex');
  let match: TokenRow | null = null;
  for (const row of rows) {
    const stored = Buffer.from(row.token_hash, 'hex');
    if (stored.length === given.length && timingSafeEqual(stored, given)) match = row;
  }
  if (match === null) return { ok: false, revokedAt: null };
  if (match.revoked_at !== null) return { ok: false, revokedAt: match.revoked_at };
  return { ok: true, principal: { tokenId: match.id, name: match.name, scopes: parseScopes(match.scopes_json) } };
}

export async function listTokens(db: LedgerDatabase, includeRevoked: boolean): Promise<ApiToken[]> {
  let query = db.selectFrom('api_tokens').selectAll().orderBy('id');
  if (!includeRevoked) query = query.where('revoked_at', 'is', null);
  return (await query.execute()).map(toToken);
}

/** Stores a new token's hash with one audit entry and returns the token, which is not stored. */
export async function createToken(db: LedgerDatabase, name: string, scopes: readonly ApiScope[], now: Date): Promise<{ token: ApiToken; secret: string }> {
  const secret = generateToken();
  const sortedScopes = apiScopes.filter((scope) => scopes.includes(scope));
  const token = await db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('api_tokens').select('id').where('name', '=', name).where('revoked_at', 'is', null).executeTakeFirst();
    if (clash !== undefined) throw new ServiceError('already_exists', `A token named "${name}" already exists. Revoke it first or choose another name.`);
    const row = await trx
      .insertInto('api_tokens')
      .values({ name, token_hash: hashToken(secret), scopes_json: JSON.stringify(sortedScopes), created_at: now.toISOString(), revoked_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { action: 'api.token_created', entityType: 'api_token', entityId: row.id, details: { scopes: sortedScopes } }, now);
    return toToken(row);
  });
  return { token, secret };
}

/** Marks a token revoked with one audit entry; from then on requests with it get 401. */
export async function revokeToken(db: LedgerDatabase, select: { id: number } | { name: string }, now: Date): Promise<ApiToken> {
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('api_tokens').selectAll().where('revoked_at', 'is', null);
    query = 'id' in select ? query.where('id', '=', select.id) : query.where('name', '=', select.name);
    const row = await query.executeTakeFirst();
    if (row === undefined) {
      const what = 'id' in select ? `with the id ${select.id}` : `named "${select.name}"`;
      throw new ServiceError('not_found', `No active token ${what}. List the tokens to see their names and ids.`);
    }
    const at = now.toISOString();
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', row.id).execute();
    await appendAudit(trx, { action: 'api.token_revoked', entityType: 'api_token', entityId: row.id }, now);
    return toToken({ ...row, revoked_at: at });
  });
}
