import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { runDuewatch } from '../support/cli';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

async function importInto(services: Services, path: string) {
  const file = services.imports.intake.registerPath(path);
  return services.imports.commit(file.fileId, {});
}

/** Sums decimal text to minor units without floating point. */
function toMinor(text: string): number {
  const [whole = '0', fraction = ''] = text.trim().split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2)));
}

describe.skipIf(!sampleData.available)('sample ledgers', () => {
  const temp = makeTempDir('duewatch-samples-');
  const ledgers: Services[] = [];

  async function freshLedger(name: string): Promise<Services> {
    const services = createTestServices(join(temp.path, name));
    await services.ledgers.create(name, testPassphrase);
    ledgers.push(services);
    return services;
  }

  afterAll(async () => {
    for (const services of ledgers) await services.shutdown();
    temp.remove();
  });

  describe('Tally DayBook in both encodings', () => {
    const snapshots: { customers: unknown[]; invoices: unknown[] }[] = [];

    beforeAll(async () => {
      for (const file of ['DayBook-redacted.xml', 'DayBook-redacted-utf16.xml']) {
        const services = await freshLedger(file.replace('.xml', ''));
        await importInto(services, sampleDataPath('tally', file));
        const { raw } = services.session.require().database;
        snapshots.push({
          customers: raw.prepare('select name, external_ref, gstin, pan, address, payment_terms_days from customers order by name').all(),
          invoices: raw.prepare(`select c.name as customer, i.invoice_number, i.issue_date, i.due_date, i.amount_minor, i.currency,
              i.amount_minor - coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0) as open_minor
            from invoices i join customers c on c.id = i.customer_id order by i.invoice_number`).all(),
        });
      }
    });

    it('gives the same customers and open invoices', () => {
      expect(snapshots[0]?.customers).toEqual(snapshots[1]?.customers);
      expect(snapshots[0]?.invoices).toEqual(snapshots[1]?.invoices);
    });

    it('imports only the debtor with its identifiers', () => {
      const customers = snapshots[0]?.customers as { name: string; gstin: string | null; pan: string | null }[];
      expect(customers.map((customer) => customer.name)).toEqual(['Customer 01']);
      expect(customers[0]?.gstin).toMatch(/^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/);
      expect(customers[0]?.gstin?.slice(2, 12)).toBe(customers[0]?.pan);
    });

    it('has the opening bills and the sale invoice', () => {
      const invoices = snapshots[0]?.invoices as { amount_minor: number; open_minor: number; issue_date: string; due_date: string }[];
      expect(invoices).toHaveLength(8);
      expect(invoices.some((invoice) => invoice.amount_minor === 4_809_100 && invoice.issue_date === '2025-03-08')).toBe(true);
      for (const invoice of invoices) {
        expect(invoice.amount_minor).toBeGreaterThan(0);
        expect(invoice.open_minor).toBe(invoice.amount_minor);
        expect(invoice.due_date >= invoice.issue_date).toBe(true);
      }
    });
  });

  describe('invoice-payment records', () => {
    let services: Services;
    let rows: { Outstanding: string; Amount: string }[];

    beforeAll(async () => {
      const path = sampleDataPath('cassandra', 'invoices.csv');
      rows = parse(readFileSync(path), { columns: true }) as { Outstanding: string; Amount: string }[];
      services = await freshLedger('cassandra');
      await importInto(services, path);
    });

    it('imports every row as an invoice', () => {
      const { raw } = services.session.require().database;
      expect(rows).toHaveLength(8753);
      expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(8753);
      const expectedTotal = rows.reduce((sum, row) => sum + toMinor(row.Amount), 0);
      expect(raw.prepare('select sum(amount_minor) from invoices').pluck().get()).toBe(expectedTotal);
    });

    it('leaves the outstanding balances open', () => {
      const { raw } = services.session.require().database;
      const openByFile = rows.filter((row) => toMinor(row.Outstanding) > 0);
      const open = raw.prepare(`select i.amount_minor - coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0) as open_minor from invoices i`).pluck().all() as number[];
      const stillOpen = open.filter((value) => value > 0);
      expect(stillOpen).toHaveLength(openByFile.length);
      expect(stillOpen.reduce((sum, value) => sum + value, 0)).toBe(openByFile.reduce((sum, row) => sum + toMinor(row.Outstanding), 0));
    });
  });

  describe('command line import', () => {
    const ledgerPath = join(temp.path, 'cli', 'IBM.duewatch');
    const env = { DUEWATCH_PASSPHRASE: 'plantain rocket meadow 5', DUEWATCH_DATA_DIR: join(temp.path, 'cli-data') };

    beforeAll(async () => {
      expect((await runDuewatch(['ledger', 'create', ledgerPath], { env })).code).toBe(0);
    });

    it('writes nothing on a dry run', async () => {
      const result = await runDuewatch(['import', sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'), '--ledger', ledgerPath, '--dry-run', '--json'], { env });
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout) as { dryRun: boolean; changes: { invoices: { new: number } } };
      expect(summary.dryRun).toBe(true);
      expect(summary.changes.invoices.new).toBe(2466);
      const info = JSON.parse((await runDuewatch(['ledger', 'info', ledgerPath, '--json'], { env })).stdout) as { counts: { invoices: number } };
      expect(info.counts.invoices).toBe(0);
    });

    it('imports and then finds nothing new', async () => {
      const path = sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv');
      const first = await runDuewatch(['import', path, '--ledger', ledgerPath], { env });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Invoices   2466 new, 0 updated, 0 unchanged');
      const second = await runDuewatch(['import', path, '--ledger', ledgerPath], { env });
      expect(second.stdout).toContain('Invoices   0 new, 0 updated, 2466 unchanged');
    });

    it('fails on an ambiguous file and names the columns', async () => {
      const path = join(temp.path, 'ambiguous.csv');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path, 'Invoice Number,Customer Name,Invoice Date,Due Date,Amount\nA-1,Acme,01/02/2024,03/04/2024,10\n');
      const result = await runDuewatch(['import', path, '--ledger', ledgerPath], { env });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('"Invoice Date"');
    });
  });
});

describe.skipIf(!sampleData.available)('backtest command', () => {
  const temp = makeTempDir('duewatch-backtest-');
  const ledgerPath = join(temp.path, 'IBM.duewatch');
  const env = { DUEWATCH_PASSPHRASE: 'banyan pickle ferry 19', DUEWATCH_DATA_DIR: join(temp.path, 'data') };

  afterAll(() => temp.remove());

  it('reaches an AUC of at least 0.86 on the IBM split', async () => {
    expect((await runDuewatch(['ledger', 'create', ledgerPath], { env })).code).toBe(0);
    expect((await runDuewatch(['import', sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'), '--ledger', ledgerPath], { env })).code).toBe(0);
    const out = join(temp.path, 'backtest.csv');
    const result = await runDuewatch(['backtest', '--ledger', ledgerPath, '--split', '2013-07-01', '--out', out, '--json'], { env });
    expect(result.stderr).toBe('');
    const summary = JSON.parse(result.stdout) as { auc: number; predictions: number };
    expect(summary.auc).toBeGreaterThanOrEqual(0.86);

    const rows = parse(readFileSync(out), { columns: true }) as { invoice_number: string; issue_date: string; predicted_late_probability: string }[];
    expect(rows).toHaveLength(summary.predictions);
    expect(rows.every((row) => row.issue_date >= '2013-07-01')).toBe(true);
    expect(rows.every((row) => /^0\.\d{6}$|^1\.0{6}$/.test(row.predicted_late_probability))).toBe(true);
    const ibm = parse(readFileSync(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv')), { columns: true }) as { invoiceNumber: string; InvoiceDate: string }[];
    const expected = ibm.filter((row) => {
      const [month, day, year] = row.InvoiceDate.split('/');
      return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}` >= '2013-07-01';
    });
    expect(new Set(rows.map((row) => row.invoice_number))).toEqual(new Set(expected.map((row) => row.invoiceNumber)));
  });

  it('lists scores with reasons', async () => {
    const result = await runDuewatch(['scores', '--ledger', ledgerPath, '--as-of', '2014-01-31', '--json'], { env });
    const output = JSON.parse(result.stdout) as { customers: { score: number; band: string; reasons: string[] }[] };
    expect(output.customers).toHaveLength(100);
    expect(output.customers[0]!.reasons.length).toBeGreaterThanOrEqual(3);
    expect(output.customers[0]!.score).toBeGreaterThanOrEqual(output.customers[99]!.score);
  });
});
