import type Database from 'better-sqlite3-multiple-ciphers';
import { performance } from 'node:perf_hooks';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';
import { medianMs, ratioLine, type BenchResult } from './harness';
import { seededRandom } from '../support/random';

const customerCount = 100_000;
const invoiceCount = 1_000_000;
const asOf = '2025-12-31';


function isoDay(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Writes 100,000 customers and 1,000,000 invoices (about 90% settled, some late) straight into an
 * encrypted ledger with prepared statements.
 */
function generateLedger(raw: Database.Database): void {
  const random = seededRandom(42);
  const now = '2026-01-01T00:00:00Z';
  const insertCustomer = raw.prepare('insert into customers (id, external_ref, name, name_key, created_at, updated_at) values (?, ?, ?, ?, ?, ?)');
  const insertInvoice = raw.prepare("insert into invoices (id, customer_id, invoice_number, issue_date, due_date, amount_minor, currency, created_at) values (?, ?, ?, ?, ?, ?, 'INR', ?)");
  const insertPayment = raw.prepare("insert into payments (id, customer_id, payment_date, amount_minor, currency, created_at) values (?, ?, ?, ?, 'INR', ?)");
  const insertAllocation = raw.prepare('insert into allocations (invoice_id, payment_id, amount_minor) values (?, ?, ?)');
  raw.transaction(() => {
    for (let customer = 1; customer <= customerCount; customer += 1) insertCustomer.run(customer, `C${customer}`, `Customer ${customer}`, `customer ${customer}`, now, now);
    let paymentId = 0;
    for (let invoice = 1; invoice <= invoiceCount; invoice += 1) {
      const customer = 1 + Math.floor(random() * customerCount);
      const issue = Math.floor(random() * 700);
      const amount = 10_000 + Math.floor(random() * 10_000_000);
      insertInvoice.run(invoice, customer, `INV-${invoice}`, isoDay(issue), isoDay(issue + 30), amount, now);
      const settledDay = issue + 30 + Math.floor((random() - 0.6) * 40 * (1 + (customer % 7)));
      if (random() < 0.9 && settledDay < 730) {
        paymentId += 1;
        insertPayment.run(paymentId, customer, isoDay(Math.max(issue, settledDay)), amount, now);
        insertAllocation.run(invoice, paymentId, amount);
      }
    }
  })();
}

/**
 * Compares a full rescore of the generated ledger (load, score, store) with one GROUP BY
 * aggregate scan over the same invoice table, and measures rescoring one customer after a new
 * payment, which the app does after each payment it records.
 */
export async function scoringBench(): Promise<BenchResult> {
  const temp = makeTempDir('duewatch-scoring-bench-');
  const services = createTestServices(temp.path, { now: () => new Date(`${asOf}T06:00:00.000Z`) });
  try {
    await services.ledgers.create('bench', testPassphrase);
    const { raw } = services.session.require().database;
    generateLedger(raw);
    const scan = () => {
      raw.prepare('select customer_id, count(*), sum(amount_minor), min(due_date) from invoices group by customer_id').all();
    };
    scan();
    const scanMs = await medianMs(3, scan);
    const rescoreMs = await medianMs(3, async () => {
      await services.scoring.rescoreAll(asOf);
    });

    const random = seededRandom(7);
    const times: number[] = [];
    for (let round = 0; round < 200; round += 1) {
      const customer = 1 + Math.floor(random() * customerCount);
      raw.prepare("insert into payments (customer_id, payment_date, amount_minor, currency, created_at) values (?, ?, 100, 'INR', ?)").run(customer, asOf, `${asOf}T06:00:00Z`);
      const start = performance.now();
      await services.scoring.rescoreCustomer(customer);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
    return {
      name: 'scoring',
      lines: [
        `${customerCount.toLocaleString('en-IN')} customers, ${invoiceCount.toLocaleString('en-IN')} invoices, encrypted ledger, median of 3`,
        ratioLine('full rescore (load, score, store) vs one GROUP BY customer scan', rescoreMs, scanMs, 3),
        `rescore of one customer after a new payment: p95 ${p95.toFixed(2)} ms over ${times.length} payments (goal < 20 ms, ${p95 < 20 ? 'meets' : 'MISSES'})`,
      ],
    };
  } finally {
    await services.shutdown();
    temp.remove();
  }
}
