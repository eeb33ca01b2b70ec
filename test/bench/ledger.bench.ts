import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { closeLedgerDatabase, openLedgerDatabase } from '../../main/db/connection';
import { nativeBindingPath } from '../../main/db/native-binding';
import { makeTempDir } from '../support/services';
import { medianMs, ratioLine, type BenchResult } from './harness';

const rowCount = 100_000;
const customerCount = 1_000;
const rounds = 5;

/**
 * Writes and reads 100,000 invoices in the encrypted ledger and in an unencrypted SQLite file
 * with the same schema and pragmas, alternating rounds, and reports the encrypted/plain ratios.
 */
export async function ledgerBench(): Promise<BenchResult> {
  const temp = makeTempDir('duewatch-bench-');
  try {
    const encrypted = await openLedgerDatabase(join(temp.path, 'encrypted.duewatch'), randomBytes(32), { create: true });
    const plainSeed = await openLedgerDatabase(join(temp.path, 'schema-source.duewatch'), randomBytes(32), { create: true });
    const schema = plainSeed.raw.prepare("select sql from sqlite_master where sql is not null and name not like 'kysely%' and name not like 'sqlite%' order by rowid").pluck().all() as string[];
    await closeLedgerDatabase(plainSeed);
    const plain = new Database(join(temp.path, 'plain.sqlite'), { nativeBinding: nativeBindingPath() });
    for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON', 'cache_size = -32768']) plain.pragma(pragma);
    for (const statement of schema) plain.exec(statement);

    for (const raw of [encrypted.raw, plain]) seedCustomers(raw);
    let round = 0;
    const write = (raw: Database.Database) => () => writeInvoices(raw, round++);
    const writeEncrypted = await medianMs(rounds, write(encrypted.raw));
    const writePlain = await medianMs(rounds, write(plain));
    const readEncrypted = await medianMs(rounds, () => readInvoices(encrypted.raw));
    const readPlain = await medianMs(rounds, () => readInvoices(plain));
    // A second pass in the opposite order evens out cache warm-up between the two files.
    const readPlain2 = await medianMs(rounds, () => readInvoices(plain));
    const readEncrypted2 = await medianMs(rounds, () => readInvoices(encrypted.raw));

    await closeLedgerDatabase(encrypted);
    plain.close();
    return {
      name: 'ledger',
      lines: [
        `${rowCount.toLocaleString('en-IN')} invoices per round, median of ${rounds} rounds, one transaction per round`,
        ratioLine('write, encrypted vs plain', writeEncrypted, writePlain, 1.3),
        ratioLine('read,  encrypted vs plain', Math.min(readEncrypted, readEncrypted2), Math.min(readPlain, readPlain2), 1.3),
      ],
    };
  } finally {
    temp.remove();
  }
}

function seedCustomers(raw: Database.Database): void {
  const insert = raw.prepare("insert into customers (name, name_key, created_at, updated_at) values (?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  raw.transaction(() => {
    for (let index = 0; index < customerCount; index += 1) insert.run(`Customer ${index}`, `customer ${index}`);
  })();
}

function writeInvoices(raw: Database.Database, round: number): void {
  const insert = raw.prepare("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, ?, '2026-01-01', '2026-01-31', ?, 'INR', '2026-01-01T00:00:00Z')");
  raw.transaction(() => {
    for (let index = 0; index < rowCount; index += 1) insert.run((index % customerCount) + 1, `R${round}-${index}`, 10_000 + index);
  })();
}

function readInvoices(raw: Database.Database): void {
  let total = 0;
  for (const row of raw.prepare('select customer_id, invoice_number, amount_minor, due_date from invoices').iterate() as Iterable<{ amount_minor: number }>) {
    total += row.amount_minor;
  }
  if (total <= 0) throw new Error('The read returned no invoices.');
}
