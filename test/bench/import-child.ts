import Database from 'better-sqlite3-multiple-ciphers';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readRecords, type InvoiceDraft } from '../../core/import/index';
import { closeLedgerDatabase, openLedgerDatabase } from '../../main/db/connection';
import { nativeBindingPath } from '../../main/db/native-binding';
import { createTestServices, testPassphrase } from '../support/services';

/**
 * One side of the import bench, run in its own process so that its peak memory is its own:
 * `import FILE DIR` runs the full import into an encrypted ledger; `baseline FILE DIR` parses the
 * file first, untimed, then times plain prepared inserts of those rows into an unencrypted file.
 */
async function main(): Promise<void> {
  const [mode, file, folder] = process.argv.slice(2);
  if (file === undefined || folder === undefined) throw new Error('usage: import-child.ts import|baseline FILE DIR');
  const result = mode === 'import' ? await runImport(file, folder) : await runBaseline(file, folder);
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function runImport(file: string, folder: string) {
  const services = createTestServices(folder);
  await services.ledgers.create('bench', testPassphrase);
  const start = performance.now();
  const result = await services.imports.importPath(file, {}, false);
  const ms = performance.now() - start;
  await services.shutdown();
  return { ms, invoices: result.changes.invoices.new, customers: result.changes.customers.new };
}

async function runBaseline(file: string, folder: string) {
  const invoices: InvoiceDraft[] = [];
  const customers = new Set<string>();
  for await (const event of readRecords(createReadStream(file, { highWaterMark: 1024 * 1024 }), { fileName: file })) {
    if (event.type !== 'batch') continue;
    for (const invoice of event.batch.invoices) invoices.push(invoice);
    for (const customer of event.batch.customers) customers.add(customer.key);
  }
  // Copy the ledger schema into an unencrypted file so both sides write the same tables and indexes.
  const seed = await openLedgerDatabase(join(folder, 'schema.duewatch'), Buffer.alloc(32, 1), { create: true });
  const schema = seed.raw.prepare("select sql from sqlite_master where sql is not null and name not like 'kysely%' and name not like 'sqlite%' order by rowid").pluck().all() as string[];
  await closeLedgerDatabase(seed);
  const plain = new Database(join(folder, 'plain.sqlite'), { nativeBinding: nativeBindingPath() });
  for (const pragma of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'secure_delete = ON', 'cache_size = -32768']) plain.pragma(pragma);
  for (const statement of schema) plain.exec(statement);

  const start = performance.now();
  const insertCustomer = plain.prepare("insert into customers (name, name_key, created_at, updated_at) values (?, ?, '2026-01-01', '2026-01-01')");
  const insertInvoice = plain.prepare("insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, ?, ?, ?, ?, ?, '2026-01-01')");
  plain.transaction(() => {
    const ids = new Map<string, number>();
    for (const key of customers) ids.set(key, Number(insertCustomer.run(key, key.toLowerCase()).lastInsertRowid));
    for (const invoice of invoices) {
      insertInvoice.run(ids.get(invoice.customerKey), invoice.invoiceNumber, invoice.issueDate, invoice.dueDate, invoice.amountMinor, invoice.currency);
    }
  })();
  const ms = performance.now() - start;
  plain.close();
  return { ms, invoices: invoices.length, customers: customers.size };
}

void main();
