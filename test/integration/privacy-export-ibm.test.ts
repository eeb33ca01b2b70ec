import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubjectExport } from '../../core/privacy/subject-export';
import type { Services } from '../../main/services/index';
import { sampleData, sampleDataPath } from '../support/sample-data';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

interface IbmRow {
  customerID: string;
  invoiceNumber: string;
  InvoiceAmount: string;
  SettledDate: string;
  Disputed: string;
}

function minorOf(text: string): number {
  const [whole = '0', fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

function section(data: SubjectExport, name: string) {
  const found = data.sections.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`The export has no section ${name}.`);
  return found;
}

describe.skipIf(!sampleData.available)('access export of an IBM customer', () => {
  const temp = makeTempDir('duewatch-export-');
  let services: Services;
  let rows: IbmRow[];

  beforeAll(async () => {
    const path = sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv');
    rows = parse(readFileSync(path), { columns: true, skip_empty_lines: true }) as IbmRow[];
    services = createTestServices(temp.path);
    await services.ledgers.create('IBM', testPassphrase);
    const file = services.imports.intake.registerPath(path);
    await services.imports.commit(file.fileId, {});
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  for (const code of ['9149-MATVB', '0379-NEVHP']) {
    it(`exports every invoice and payment of ${code} and nothing else`, async () => {
      const { db } = services.session.require().database;
      const customer = await db.selectFrom('customers').select(['id']).where('external_ref', '=', code).executeTakeFirstOrThrow();
      const result = await services.privacy.exportCustomer(customer.id, null);
      const data = JSON.parse(readFileSync(join(result.folder, 'data.json'), 'utf8')) as SubjectExport;
      const own = rows.filter((row) => row.customerID === code);

      const invoices = section(data, 'invoices').rows;
      expect(invoices.map((invoice) => invoice.invoice_number).sort()).toEqual(own.map((row) => row.invoiceNumber).sort());
      const ledgerInvoices = await db.selectFrom('invoices').select('id').where('customer_id', '=', customer.id).execute();
      expect(invoices.map((invoice) => invoice.id).sort()).toEqual(ledgerInvoices.map((invoice) => invoice.id).sort());
      expect(invoices.reduce((sum, invoice) => sum + Number(invoice.amount_minor), 0)).toBe(own.reduce((sum, row) => sum + minorOf(row.InvoiceAmount), 0));

      const payments = section(data, 'payments').rows;
      const ledgerPayments = await db.selectFrom('payments').select(['id', 'amount_minor']).where('customer_id', '=', customer.id).execute();
      expect(payments.map((payment) => payment.id).sort()).toEqual(ledgerPayments.map((payment) => payment.id).sort());
      expect(payments).toHaveLength(own.filter((row) => row.SettledDate !== '').length);
      expect(payments.reduce((sum, payment) => sum + Number(payment.amount_minor), 0)).toBe(own.filter((row) => row.SettledDate !== '').reduce((sum, row) => sum + minorOf(row.InvoiceAmount), 0));

      const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
      expect(section(data, 'allocations').rows.every((allocation) => invoiceIds.has(allocation.invoice_id ?? -1))).toBe(true);
      expect(section(data, 'disputes').rows).toHaveLength(own.filter((row) => row.Disputed === 'Yes').length);
      for (const name of ['customer_contacts', 'payments', 'invoices', 'consents']) {
        expect(section(data, name).rows.every((row) => row.customer_id === customer.id), name).toBe(true);
      }
      expect(data.customer.external_ref).toBe(code);

      const others = rows.filter((row) => row.customerID !== code);
      const foreign = new Set([...others.map((row) => row.customerID), ...others.map((row) => row.invoiceNumber)]);
      for (const name of readdirSync(result.folder)) {
        const text = readFileSync(join(result.folder, name), 'utf8');
        const leaked = [...foreign].filter((value) => text.includes(value));
        expect(leaked, name).toEqual([]);
      }
    });
  }

  it('writes CSV that parses back to the JSON rows', async () => {
    const { db } = services.session.require().database;
    const customer = await db.selectFrom('customers').select(['id']).where('external_ref', '=', '9149-MATVB').executeTakeFirstOrThrow();
    const result = await services.privacy.exportCustomer(customer.id, null);
    const data = JSON.parse(readFileSync(join(result.folder, 'data.json'), 'utf8')) as SubjectExport;
    const csvRows = parse(readFileSync(join(result.folder, 'invoices.csv')), { columns: true }) as Record<string, string>[];
    expect(csvRows.map((row) => row.invoice_number)).toEqual(section(data, 'invoices').rows.map((row) => row.invoice_number));
    expect(readFileSync(join(result.folder, 'summary.html'), 'utf8')).toContain('Invoices (36)');
    expect(result.files.map((file) => file.name)).toEqual(expect.arrayContaining(['data.json', 'summary.html', 'customer.csv', 'invoices.csv', 'payments.csv', 'audit_log.csv']));
  });
});
