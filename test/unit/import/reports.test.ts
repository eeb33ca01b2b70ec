import { describe, expect, it } from 'vitest';
import { parseImport, type ParsedImport } from '../../../core/import';
import { fixture } from './helpers';

function invoiceRows(result: ParsedImport): (string | number | null)[][] {
  return result.invoices.map((invoice) => [invoice.customerKey, invoice.invoiceNumber, invoice.issueDate, invoice.dueDate, invoice.dueDateSource, invoice.amountMinor, invoice.openAmountMinor]);
}

function onAccount(result: ParsedImport): Record<string, number> {
  return Object.fromEntries(result.customers.map((customer) => [customer.key, customer.onAccountMinor]));
}

describe('Tally Bills Receivable', () => {
  it('reads bills, credits and totals', async () => {
    const result = await parseImport(fixture('tally-bills-receivable.csv'));
    expect(result.preset).toBe('tally-bills-receivable');
    expect(result.mapping?.headerRowCount).toBe(2);
    expect(result.mapping?.headerRow).toBe(6);
    expect(invoiceRows(result)).toEqual([
      ['Customer 01', 'UP3/23-24/0593', '2024-02-23', '2024-04-23', 'file', 672600, 672600],
      ['Customer 01', 'UP3/23-24/0602', '2024-03-01', '2024-04-30', 'file', 402400, 402400],
      ['Customer 01', 'UP3/24-25/1319', '2025-03-08', '2025-05-07', 'file', 4809100, 4809100],
      ['Customer 02', 'SI/0042', '2025-01-15', '2025-02-14', 'overdue-days', 10000000, 10000000],
    ]);
    expect(onAccount(result)).toEqual({ 'Customer 01': 0, 'Customer 02': 500000 });
    expect(result.problems.map((problem) => problem.code)).toEqual(['credit-balance']);
    expect(result.stats.rowsSkipped).toBe(7);
  });

  it('totals match the report total', async () => {
    const result = await parseImport(fixture('tally-bills-receivable.csv'));
    const open = result.invoices.reduce((sum, invoice) => sum + (invoice.openAmountMinor ?? 0), 0);
    const credit = result.customers.reduce((sum, customer) => sum + customer.onAccountMinor, 0);
    expect(open - credit).toBe(15384100);
  });
});

describe('Tally Group Outstandings', () => {
  it('applies party rows and On Account lines', async () => {
    const result = await parseImport(fixture('tally-group-outstandings.csv'), { termsByCustomer: { 'CUSTOMER 03 (AGRA)': 30 } });
    expect(result.preset).toBe('tally-group-outstandings');
    expect(invoiceRows(result)).toEqual([
      ['Customer 01', 'UP3/23-24/0593', '2024-02-23', '2024-04-23', 'file', 672600, 672600],
      ['Customer 01', 'UP3/23-24/0602', '2024-03-01', '2024-04-30', 'file', 402400, 200000],
      ['Customer 03 (Agra)', 'INV-77', '2025-02-10', '2025-03-12', 'customer-terms', 1250000, 1250000],
    ]);
    expect(onAccount(result)).toEqual({ 'Customer 01': 150000, 'Customer 03 (Agra)': 0 });
    expect(result.customers.find((customer) => customer.key === 'Customer 03 (Agra)')?.paymentTermsDays).toBe(30);
    expect(result.problems).toEqual([]);
  });

  it('reports a bill without due date or terms', async () => {
    const result = await parseImport(fixture('tally-group-outstandings.csv'));
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).not.toContain('INV-77');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ row: 14, code: 'missing-due-date', severity: 'error' });
  });

  it('uses default terms when given', async () => {
    const result = await parseImport(fixture('tally-group-outstandings.csv'), { defaultTermsDays: 45 });
    const bill = result.invoices.find((invoice) => invoice.invoiceNumber === 'INV-77');
    expect(bill?.dueDate).toBe('2025-03-27');
    expect(bill?.dueDateSource).toBe('default-terms');
  });
});

describe('Tally Ledger Outstandings', () => {
  it('takes the customer from the title', async () => {
    const result = await parseImport(fixture('tally-ledger-outstandings.csv'));
    expect(result.preset).toBe('tally-ledger-outstandings');
    expect(result.customers.map((customer) => customer.name)).toEqual(['Customer 01']);
    expect(invoiceRows(result)).toEqual([
      ['Customer 01', 'UP3/23-24/0593', '2024-02-23', '2024-04-23', 'file', 672600, 672600],
      ['Customer 01', 'UP3/24-25/1319', '2025-03-08', '2025-05-07', 'file', 4809100, 4809100],
    ]);
    expect(onAccount(result)).toEqual({ 'Customer 01': 200000 });
  });
});

describe('QuickBooks A/R Aging Detail', () => {
  it('reads open invoices and unapplied payments', async () => {
    const result = await parseImport(fixture('quickbooks-ar-aging-detail.csv'), { defaultCurrency: 'USD' });
    expect(result.preset).toBe('quickbooks-ar-aging-detail');
    expect(result.ambiguousDateColumns).toEqual([]);
    expect(invoiceRows(result)).toEqual([
      ['Acme Corp', '1045', '2025-03-15', '2025-04-14', 'file', 120000, 120000],
      ['Bright Ideas LLC', '1032', '2025-02-20', '2025-03-22', 'file', 85050, 85050],
      ['Bright Ideas LLC', '1019', '2025-01-10', '2025-02-09', 'file', 240000, 140000],
    ]);
    expect(result.invoices.every((invoice) => invoice.currency === 'USD')).toBe(true);
    expect(onAccount(result)).toEqual({ 'Acme Corp': 30000, 'Bright Ideas LLC': 0 });
  });
});

describe('Xero Aged Receivables Detail', () => {
  it('reads contact groups and skips their totals', async () => {
    const result = await parseImport(fixture('xero-aged-receivables-detail.csv'));
    expect(result.preset).toBe('xero-aged-receivables-detail');
    expect(invoiceRows(result)).toEqual([
      ['Acme Traders', 'INV-0101', '2025-03-15', '2025-04-14', 'file', 1180000, 1180000],
      ['Acme Traders', 'INV-0088', '2025-01-10', '2025-02-09', 'file', 590000, 590000],
      ['Bharat Stores', 'INV-0061', '2024-11-02', '2024-12-02', 'file', 2360000, 2360000],
    ]);
    expect(result.invoices[0]?.description).toBe('PO-778');
    expect(result.mapping?.agingColumns).toEqual(['Current', '< 1 Month', '1 Month', '2 Months', '3 Months', 'Older']);
  });

  it('sums ageing buckets when there is no total', async () => {
    const csv = [
      'Aged Receivables Detail',
      'Invoice Date,Invoice Number,Due Date,Current,1 Month,Older',
      'Acme Traders,,,,,',
      '15 Mar 2025,INV-1,14 Apr 2025,"1,000.00",,',
      '10 Jan 2025,INV-2,9 Feb 2025,,250.50,100.00',
    ].join('\n');
    const base = await parseImport(new TextEncoder().encode(csv), { preset: 'xero-aged-receivables-detail' }).catch((error: Error) => error);
    expect(base).toBeInstanceOf(Error);
    const mapping = {
      version: 1 as const,
      preset: 'custom',
      layout: 'open-items' as const,
      headerRow: null,
      headerRowCount: 1 as const,
      columns: { issueDate: 'Invoice Date', invoiceNumber: 'Invoice Number', dueDate: 'Due Date' },
      agingColumns: ['Current', '1 Month', 'Older'],
      dateOrder: {},
      decimalSeparator: '.' as const,
      defaultCurrency: 'INR',
      defaultTermsDays: null,
      settledInFull: false,
      linesRepeatInvoice: false,
    };
    const result = await parseImport(new TextEncoder().encode(csv), { mapping });
    expect(result.invoices.map((invoice) => [invoice.invoiceNumber, invoice.openAmountMinor])).toEqual([
      ['INV-1', 100000],
      ['INV-2', 35050],
    ]);
  });
});

describe('Zoho Books invoice export', () => {
  it('collapses line items and skips void invoices', async () => {
    const result = await parseImport(fixture('zoho-books-invoices.csv'));
    expect(result.preset).toBe('zoho-books-invoices');
    expect(invoiceRows(result)).toEqual([
      ['4562000000011', 'INV-000101', '2025-01-05', '2025-02-04', 'file', 1180000, 1180000],
      ['4562000000012', 'INV-000102', '2025-02-10', '2025-03-12', 'file', 236000, 0],
      ['4562000000013', 'INV-000104', '2025-03-01', '2025-03-31', 'file', 100000, 40000],
    ]);
    expect(result.invoices.map((invoice) => invoice.currency)).toEqual(['INR', 'INR', 'USD']);
    expect(result.customers[0]).toMatchObject({ name: 'Acme Traders', gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' });
    expect(result.problems.map((problem) => [problem.row, problem.code])).toEqual([[5, 'inactive-invoice']]);
    expect(result.stats.rowsSkipped).toBe(3);
  });
});
