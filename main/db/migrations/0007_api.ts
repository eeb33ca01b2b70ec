import { sql, type Kysely } from 'kysely';

/**
 * Tables of the local HTTP API. `api_tokens` stores each bearer token's SHA-256, never the token;
 * a name is unique among tokens not yet revoked. `api_idempotency` stores the response of each
 * write sent with an Idempotency-Key, per token, so a retried request returns the same response.
 * Its `customer_id` lets a customer's erasure find and delete the stored responses, which contain
 * that customer's data. The API's settings stay in the `settings` table as JSON.
 * Frozen: later changes go in new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strict = sql`strict`;

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-case hex of SHA-256 over the token's UTF-8 bytes.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('api_tokens_active_name').unique().on('api_tokens').column('name').where(sql.ref('revoked_at'), 'is', null).execute();

  await db.schema
    .createTable('api_idempotency')
    .addColumn('token_id', 'integer', (c) => c.notNull().references('api_tokens.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    // SHA-256 over the method, the route and the request body with its keys sorted.
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_json', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_idempotency_key', ['token_id', 'idempotency_key'])
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex('api_idempotency_created').on('api_idempotency').column('created_at').execute();
  await db.schema.createIndex('api_idempotency_customer').on('api_idempotency').column('customer_id').execute();
}
