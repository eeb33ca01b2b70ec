import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { passphraseSchema } from '../../core/contract/ledger';
import { verifyAudit } from '../services/audit';
import { ServiceError } from '../services/errors';
import { unlockLedgerAt, type CliContext } from './context';
import { UsageError } from './secrets';

function checkNewPassphrase(passphrase: string): string {
  const parsed = passphraseSchema.safeParse(passphrase);
  if (!parsed.success) throw new ServiceError('invalid_input', parsed.error.issues.map((issue) => issue.message).join(' '));
  return parsed.data;
}

/** `ledger create PATH`: creates an encrypted ledger and prints its recovery key once. */
export async function ledgerCreate(context: CliContext, positionals: string[]): Promise<void> {
  const path = positionals[0];
  if (path === undefined) throw new UsageError('ledger create needs the PATH of the new ledger file.');
  const passphrase = checkNewPassphrase(await context.secrets.read('DUEWATCH_PASSPHRASE', 'New passphrase: '));
  const created = await context.services.ledgers.createAt(resolve(path), passphrase);
  created.dataKey.fill(0);
  context.output(
    { id: created.ledger.id, path: created.ledger.path, recoveryKey: created.recoveryKey },
    [
      `Created ledger ${created.ledger.path} (id ${created.ledger.id}).`,
      `Its key file is ${created.ledger.path}.key: keep both files together.`,
      '',
      'Recovery key (shown only now; store it offline, it opens the ledger if the passphrase is lost):',
      `  ${created.recoveryKey}`,
    ],
  );
}

/** `ledger info PATH`: unlocks the ledger and prints its id, size, schema and record counts. */
export async function ledgerInfo(context: CliContext, positionals: string[]): Promise<void> {
  const path = positionals[0];
  await unlockLedgerAt(context, path);
  const { ledger, database } = context.services.session.require();
  const db = database.db;
  const count = async (table: 'customers' | 'invoices' | 'payments' | 'audit_log' | 'imports') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  const migrations = database.raw.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  const auditBreak = await verifyAudit(db);
  const info = {
    id: ledger.id,
    path: ledger.path,
    sizeBytes: statSync(ledger.path).size,
    schema: migrations.at(-1)?.name ?? null,
    cipher: String(database.raw.pragma('cipher', { simple: true })),
    journalMode: String(database.raw.pragma('journal_mode', { simple: true })),
    counts: { customers: await count('customers'), invoices: await count('invoices'), payments: await count('payments'), imports: await count('imports'), auditEntries: await count('audit_log') },
    auditChainIntact: auditBreak === null,
  };
  context.output(info, [
    `Ledger   ${info.path}`,
    `Id       ${info.id}`,
    `Size     ${info.sizeBytes} bytes, cipher ${info.cipher}, journal ${info.journalMode}`,
    `Schema   ${info.schema ?? 'none'}`,
    `Records  ${info.counts.customers} customers, ${info.counts.invoices} invoices, ${info.counts.payments} payments, ${info.counts.imports} imports`,
    `Audit    ${info.counts.auditEntries} entries, chain ${info.auditChainIntact ? 'intact' : 'BROKEN'}`,
  ]);
}

/** `ledger change-passphrase PATH`: current passphrase first, then the new one. */
export async function ledgerChangePassphrase(context: CliContext, positionals: string[]): Promise<void> {
  const path = positionals[0];
  const current = await context.secrets.read('DUEWATCH_PASSPHRASE', 'Current passphrase: ');
  const next = checkNewPassphrase(await context.secrets.read('DUEWATCH_NEW_PASSPHRASE', 'New passphrase: '));
  if (path === undefined) throw new UsageError('ledger change-passphrase needs the PATH of the ledger file.');
  await context.services.ledgers.unlockPath(resolve(path), current);
  await context.services.ledgers.changePassphrase(current, next);
  context.output({ changed: true, path: resolve(path) }, [`Changed the passphrase of ${resolve(path)}. The recovery key still works.`]);
}
