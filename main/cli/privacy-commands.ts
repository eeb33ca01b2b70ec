import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { nativeBindingPath } from '../db/native-binding';
import type { LedgerSchema } from '../db/schema';
import { ServiceError } from '../services/errors';
import { verifyAuditLog } from '../services/privacy/audit-review';
import { KeyFileError, readKeyFile, unwrapWithPassphrase } from '../vault/keyring';
import { unlockLedgerAt, type CliContext } from './context';
import type { OptionValues } from './customer-commands';
import { UsageError } from './secrets';

function option(options: OptionValues, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function customerId(positionals: string[], command: string): number {
  const text = positionals[0];
  if (text === undefined || !/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${command} needs the customer ID, a whole number such as 12 (the id column of --json output).`);
  return Number(text);
}

/** `customer export ID --ledger PATH --out DIR`: writes everything held about one customer to DIR. */
export async function customerExport(context: CliContext, positionals: string[], options: OptionValues): Promise<void> {
  const id = customerId(positionals, 'customer export');
  const out = option(options, 'out');
  if (out === undefined) throw new UsageError('customer export needs --out DIR, a new or empty folder for the export files.');
  const folder = resolve(out);
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new UsageError(`The folder ${folder} is not empty: choose a new or empty folder for the export.`);
  await unlockLedgerAt(context, option(options, 'ledger'));
  const result = await context.services.privacy.exportCustomer(id, null, folder);
  context.output(result, [`Exported customer ${id} to ${result.folder}:`, ...result.files.map((file) => `  ${file.name}  ${file.sizeBytes} bytes`)]);
}

/**
 * `customer erase ID --ledger PATH --confirm NAME`: erases one customer. The name must match, as
 * on the Privacy screen, so a wrong ID in a script cannot erase someone else.
 */
export async function customerErase(context: CliContext, positionals: string[], options: OptionValues): Promise<void> {
  const id = customerId(positionals, 'customer erase');
  const confirm = option(options, 'confirm');
  if (confirm === undefined) throw new UsageError('customer erase needs --confirm NAME with the customer\'s name exactly as stored, to confirm the erasure.');
  await unlockLedgerAt(context, option(options, 'ledger'));
  const result = await context.services.privacy.eraseCustomer(id, confirm, null);
  context.output(result, [
    `Erased customer ${id}; it is now "${result.pseudonym}".`,
    `Deleted: ${Object.entries(result.removed).map(([table, count]) => `${count} ${table}`).join(', ') || 'nothing besides the customer details'}.`,
    ...result.kept.map((kept) => `Kept ${kept.count} ${kept.what} (${kept.fields}): ${kept.rule}`),
    result.compacted ? 'The ledger file was compacted, so the deleted values are gone from its pages and WAL.' : 'The WAL checkpoint did not finish; close every other program using the ledger.',
  ]);
}

/** Opens a ledger read-only with its passphrase; nothing is written, not even an audit entry. */
async function openReadOnly(context: CliContext, path: string): Promise<{ raw: Database.Database; db: Kysely<LedgerSchema> }> {
  if (!existsSync(path)) throw new ServiceError('not_found', `No ledger at ${path}.`);
  let dataKey: Buffer;
  try {
    const keyFile = readKeyFile(path);
    dataKey = await unwrapWithPassphrase(keyFile, await context.secrets.read('DUEWATCH_PASSPHRASE', 'Passphrase: '));
  } catch (error) {
    if (error instanceof KeyFileError) throw new ServiceError(error.reason === 'wrong_secret' ? 'wrong_passphrase' : 'corrupt_ledger', error.message);
    throw error;
  }
  const raw = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: nativeBindingPath() });
  raw.pragma("cipher='chacha20'");
  raw.pragma('kdf_iter=1');
  raw.pragma(`hexkey='${dataKey.toString('hex')}'`);
  dataKey.fill(0);
  return { raw, db: new Kysely<LedgerSchema>({ dialect: new SqliteDialect({ database: raw }) }) };
}

/**
 * `audit verify --ledger PATH`: checks the hash chain without writing to the ledger, because an
 * unlock would append an entry first and so hide entries removed from the end. Exit status 1
 * names the first broken entry.
 */
export async function auditVerify(context: CliContext, options: OptionValues): Promise<number> {
  const path = option(options, 'ledger');
  if (path === undefined) throw new UsageError('audit verify needs --ledger PATH: the path of the .duewatch ledger file.');
  const { raw, db } = await openReadOnly(context, resolve(path));
  try {
    const result = await verifyAuditLog(db);
    const entry = result.problem?.entry;
    context.output(result, result.problem === null
      ? [`Audit chain intact: ${result.entries} entries.`]
      : [`Audit chain BROKEN at entry ${result.problem.seq ?? '?'}: ${result.problem.message}`, ...(entry === null || entry === undefined ? [] : [`  entry ${entry.seq}: ${entry.at} ${entry.action} ${entry.entityType ?? ''} ${entry.entityId ?? ''}`])]);
    return result.intact ? 0 : 1;
  } finally {
    await db.destroy();
    if (raw.open) raw.close();
  }
}
