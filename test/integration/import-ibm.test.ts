import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../main/services/index';
import { ledgerFingerprint } from '../support/fingerprint';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

interface IbmRow {
  customerID: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  SettledDate: string;
  Disputed: string;
}

/** Converts the file's M/D/YYYY dates independently of the import code. */
function isoFromUs(text: string): string {
  const [month, day, year] = text.split('/');
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

describe.skipIf(!sampleData.available)('IBM accounts-receivable import', () => {
  const temp = makeTempDir('duewatch-import-');
  let services: Services;
  let rows: IbmRow[];
  let path: string;

  beforeAll(async () => {
    path = sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv');
    rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as IbmRow[];
    services = createTestServices(temp.path);
    await services.ledgers.create('IBM', testPassphrase);
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('previews without writing', async () => {
    const { db } = services.session.require().database;
    const before = await ledgerFingerprint(db);
    const file = services.imports.intake.registerPath(path);
    const preview = await services.imports.preview(file.fileId, {});
    expect(preview.preset).toBe('ibm-ar');
    expect(preview.changes.invoices.new).toBe(2466);
    expect(preview.changes.customers.new).toBe(100);
    expect(preview.changes.payments.new).toBe(2466);
    expect(preview.ambiguousDateColumns).toEqual([]);
    expect(await ledgerFingerprint(db)).toBe(before);
    services.imports.discard(file.fileId);
  });

  it('imports every invoice, customer and payment', async () => {
    const file = services.imports.intake.registerPath(path);
    const result = await services.imports.commit(file.fileId, {});
    expect(result.changes.invoices.new).toBe(2466);
    expect(result.changes.customers.new).toBe(100);
    expect(result.changes.payments.new).toBe(2466);
    expect(result.changes.allocations.new).toBe(2466);
    expect(result.changes.disputes).toBe(561);

    const { raw } = services.session.require().database;
    expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(2466);
    expect(raw.prepare('select count(*) from customers').pluck().get()).toBe(100);
    expect(raw.prepare('select count(*) from payments').pluck().get()).toBe(2466);
  });

  it('keeps numbers, dates and amounts as in the file', () => {
    const { raw } = services.session.require().database;
    const lookup = raw.prepare(`select i.invoice_number, i.issue_date, i.due_date, i.amount_minor, i.currency, c.external_ref, i.source_row,
      (select p.payment_date from allocations a join payments p on p.id = a.payment_id where a.invoice_id = i.id) as settled
      from invoices i join customers c on c.id = i.customer_id where i.invoice_number = ?`);
    let expectedTotal = 0n;
    for (const row of rows) {
      const stored = lookup.get(row.invoiceNumber) as { invoice_number: string; issue_date: string; due_date: string; amount_minor: number; currency: string; external_ref: string; settled: string; source_row: number };
      expect(stored, row.invoiceNumber).toBeDefined();
      expect(stored.invoice_number).toBe(row.invoiceNumber);
      expect(stored.issue_date).toBe(isoFromUs(row.InvoiceDate));
      expect(stored.due_date).toBe(isoFromUs(row.DueDate));
      expect(stored.settled).toBe(isoFromUs(row.SettledDate));
      expect(stored.external_ref).toBe(row.customerID);
      const [whole = '0', fraction = ''] = row.InvoiceAmount.split('.');
      expect(stored.amount_minor).toBe(Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
      expectedTotal += BigInt(Number(whole) * 100 + Number(fraction.padEnd(2, '0')));
    }
    expect(BigInt(raw.prepare('select sum(amount_minor) from invoices').pluck().get() as number)).toBe(expectedTotal);
    expect(rows.filter((row) => row.invoiceNumber.startsWith('0')).length).toBeGreaterThan(0);
  });

  it('records lineage for every record', () => {
    const { raw } = services.session.require().database;
    expect(raw.prepare("select count(*) from invoices where import_id is null or source_file <> 'WA_Fn-UseC_-Accounts-Receivable.csv' or source_row is null").pluck().get()).toBe(0);
    const first = raw.prepare('select source_row from invoices where invoice_number = ?').pluck().get(rows[0]?.invoiceNumber);
    expect(first).toBe(2);
  });

  it('adds nothing when the same file is imported again', async () => {
    const { db } = services.session.require().database;
    const dataBefore = await ledgerFingerprint(db);
    const file = services.imports.intake.registerPath(path);
    const preview = await services.imports.preview(file.fileId, {});
    expect(preview.alreadyImportedOn).not.toBeNull();
    const result = await services.imports.commit(file.fileId, {});
    expect(result.changes.invoices).toEqual({ new: 0, updated: 0, unchanged: 2466 });
    expect(result.changes.customers).toEqual({ new: 0, updated: 0, unchanged: 100 });
    expect(result.changes.payments).toEqual({ new: 0, updated: 0, unchanged: 2466 });
    expect(result.changes.allocations.new).toBe(0);
    const { raw } = services.session.require().database;
    expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(2466);
    expect(dataBefore).not.toBe('');
  });

  it('undoes an import as a whole', async () => {
    const imports = await services.imports.list();
    expect(imports).toHaveLength(2);
    const { raw } = services.session.require().database;
    const latest = imports[0]!;
    await services.imports.undo(latest.id);
    expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(2466);
    const first = imports[1]!;
    const removed = await services.imports.undo(first.id);
    expect(removed.removed.invoices).toBe(2466);
    expect(raw.prepare('select count(*) from invoices').pluck().get()).toBe(0);
    expect(raw.prepare('select count(*) from customers').pluck().get()).toBe(0);
    await expect(services.imports.undo(first.id)).rejects.toMatchObject({ code: 'conflict' });
  });
});
