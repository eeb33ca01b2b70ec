import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseImport, readRecords, type ParsedImport } from '../../../core/import';
import { sampleData, sampleDataPath } from '../../support/sample-data';
import { inChunks } from './helpers';

/** Converts decimal text to minor units with BigInt, independently of the importer. */
function toMinor(text: string): number {
  const [whole = '0', fraction = ''] = text.trim().split('.');
  return Number(BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2)));
}

/** Converts M/D/YYYY to YYYY-MM-DD. */
function fromMonthFirst(text: string): string {
  const [month = '', day = '', year = ''] = text.split('/');
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const monthNumbers: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** Converts DD-Mon-YY (all years in this data set are 20YY) to YYYY-MM-DD. */
function fromDayMonthName(text: string): string {
  const [day = '', month = '', year = ''] = text.split('-');
  return `20${year}-${monthNumbers[month] ?? '??'}-${day.padStart(2, '0')}`;
}

function addDaysUtc(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!sampleData.available)('IBM accounts-receivable sample', () => {
  const path = (): string => sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv');
  const raw = (): Record<string, string>[] => parse(readFileSync(path()), { columns: true }) as Record<string, string>[];
  let cached: ParsedImport | null = null;
  const result = async (): Promise<ParsedImport> => (cached ??= await parseImport(new Uint8Array(readFileSync(path()))));

  it('gives 2,466 invoices and 100 customers', async () => {
    const parsed = await result();
    expect(parsed.preset).toBe('ibm-ar');
    expect(parsed.invoices).toHaveLength(2466);
    expect(parsed.customers).toHaveLength(100);
    expect(parsed.payments).toHaveLength(2466);
    expect(parsed.allocations).toHaveLength(2466);
    expect(parsed.problems).toEqual([]);
    expect(parsed.ambiguousDateColumns).toEqual([]);
  });

  it('matches the file row by row', async () => {
    const parsed = await result();
    const rows = raw();
    expect(rows).toHaveLength(parsed.invoices.length);
    rows.forEach((row, index) => {
      const invoice = parsed.invoices[index];
      const payment = parsed.payments[index];
      expect(invoice?.invoiceNumber).toBe(row.invoiceNumber);
      expect(invoice?.customerKey).toBe(row.customerID);
      expect(invoice?.issueDate).toBe(fromMonthFirst(row.InvoiceDate ?? ''));
      expect(invoice?.dueDate).toBe(fromMonthFirst(row.DueDate ?? ''));
      expect(invoice?.amountMinor).toBe(toMinor(row.InvoiceAmount ?? ''));
      expect(invoice?.disputed).toBe(row.Disputed === 'Yes');
      expect(payment?.paymentDate).toBe(fromMonthFirst(row.SettledDate ?? ''));
      expect(payment?.amountMinor).toBe(invoice?.amountMinor);
    });
  });

  it('keeps the first invoice intact', async () => {
    const parsed = await result();
    expect(parsed.invoices[0]).toMatchObject({ invoiceNumber: '0000611365', customerKey: '0379-NEVHP', issueDate: '2013-01-02', dueDate: '2013-02-01', amountMinor: 5594, currency: 'INR', disputed: false });
    expect(parsed.payments[0]).toMatchObject({ paymentDate: '2013-01-15', amountMinor: 5594, unallocatedMinor: 0 });
    expect(parsed.invoices.filter((invoice) => invoice.disputed)).toHaveLength(561);
  });

  it('matches totals computed from the raw file', async () => {
    const parsed = await result();
    const rows = raw();
    const expectedTotal = rows.reduce((sum, row) => sum + toMinor(row.InvoiceAmount ?? ''), 0);
    expect(parsed.invoices.reduce((sum, invoice) => sum + invoice.amountMinor, 0)).toBe(expectedTotal);
    expect(parsed.allocations.reduce((sum, allocation) => sum + allocation.amountMinor, 0)).toBe(expectedTotal);
    const lateInFile = rows.filter((row) => Number(row.DaysLate) > 0).length;
    const late = parsed.payments.filter((payment, index) => payment.paymentDate > (parsed.invoices[index]?.dueDate ?? '')).length;
    expect(late).toBe(lateInFile);
  });

  it('uses the default currency of the options', async () => {
    const parsed = await parseImport(new Uint8Array(readFileSync(path())), { defaultCurrency: 'USD' });
    expect(new Set(parsed.invoices.map((invoice) => invoice.currency))).toEqual(new Set(['USD']));
  });
});

describe.skipIf(!sampleData.available)('invoice payment records (Vendor_Name)', () => {
  const path = (): string => sampleDataPath('cassandra', 'invoices.csv');
  const raw = (): Record<string, string>[] => parse(readFileSync(path()), { columns: true }) as Record<string, string>[];
  let cached: ParsedImport | null = null;
  const result = async (): Promise<ParsedImport> => (cached ??= await parseImport(new Uint8Array(readFileSync(path()))));

  it('imports all 8,753 rows', async () => {
    const parsed = await result();
    expect(parsed.preset).toBe('invoice-payment-records');
    expect(parsed.invoices).toHaveLength(8753);
    expect(parsed.customers).toHaveLength(3276);
    expect(parsed.stats.rowsRejected).toBe(0);
    expect(parsed.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('reads DD-Mon-YY dates and settled payments', async () => {
    const parsed = await result();
    const rows = raw();
    rows.forEach((row, index) => {
      const invoice = parsed.invoices[index];
      expect(invoice?.customerKey).toBe(row.Vendor_Name);
      expect(invoice?.issueDate).toBe(fromDayMonthName(row.Invoice_Date ?? ''));
      expect(invoice?.dueDate).toBe(fromDayMonthName(row.Due_Date ?? ''));
      expect(invoice?.amountMinor).toBe(toMinor(row.Amount ?? ''));
      expect(invoice?.openAmountMinor).toBe(toMinor(row.Outstanding ?? ''));
    });
    const paymentsByRow = new Map(parsed.payments.map((payment) => [payment.sourceRow, payment]));
    rows.forEach((row, index) => {
      const payment = paymentsByRow.get(index + 2);
      expect(payment?.amountMinor).toBe(toMinor(row.Settled ?? ''));
      expect(payment?.paymentDate).toBe(addDaysUtc(fromDayMonthName(row.Invoice_Date ?? ''), Number(row.Number_of_Days_until_Payment)));
    });
  });

  it('leaves outstanding balances open', async () => {
    const parsed = await result();
    const rows = raw();
    const open = parsed.invoices.filter((invoice) => (invoice.openAmountMinor ?? 0) > 0);
    const openInFile = rows.filter((row) => toMinor(row.Outstanding ?? '') > 0);
    expect(open).toHaveLength(openInFile.length);
    expect(open.length / rows.length).toBeCloseTo(0.072, 2);
    const allocated = new Map(parsed.allocations.map((allocation) => [allocation.invoiceNumber, allocation.amountMinor]));
    for (const invoice of open) {
      expect(invoice.amountMinor - (allocated.get(invoice.invoiceNumber) ?? 0)).toBe(invoice.openAmountMinor);
    }
    const totalOpen = openInFile.reduce((sum, row) => sum + toMinor(row.Outstanding ?? ''), 0);
    expect(open.reduce((sum, invoice) => sum + (invoice.openAmountMinor ?? 0), 0)).toBe(totalOpen);
  });

  it('reads DD-MM-YYYY HH:MM with a saved mapping', async () => {
    const parsed = await result();
    const mapping = { ...parsed.mapping!, columns: { ...parsed.mapping!.columns, issueDate: 'Created' } };
    const created = await parseImport(new Uint8Array(readFileSync(path())), { mapping });
    expect(created.ambiguousDateColumns).toEqual([]);
    expect(created.invoices[0]?.issueDate).toBe('2011-04-26');
    expect(created.invoices[3]?.issueDate).toBe('2011-07-09');
  });

  it('streams in batches with the same result', async () => {
    const parsed = await result();
    const invoices: number[] = [];
    let batches = 0;
    for await (const event of readRecords(inChunks(new Uint8Array(readFileSync(path())), 4096), { batchRows: 500 })) {
      if (event.type !== 'batch') continue;
      batches++;
      invoices.push(...event.batch.invoices.map((invoice) => invoice.amountMinor));
    }
    expect(batches).toBeGreaterThan(10);
    expect(invoices).toEqual(parsed.invoices.map((invoice) => invoice.amountMinor));
  });
});
