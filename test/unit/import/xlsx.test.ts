import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/import';
import { buildXlsx } from './xlsx-builder';

const header = ['Invoice No', 'Customer', 'Invoice Date', 'Due Date', 'Amount', 'Balance'];

describe('XLSX import', () => {
  it('reads shared strings, inline strings, numbers and date serials', async () => {
    const bytes = buildXlsx([
      {
        name: 'Invoices',
        rows: [
          header,
          ['000123', 'Acme Traders', { date: 45383 }, { date: 45413 }, 1234.5, 1234.5],
          [{ inline: '000124' }, { inline: 'Bharat Stores' }, { date: 45390 }, { date: 45420 }, 55.940000000000005, { formula: 'E3-10', value: 45.940000000000005 }],
        ],
      },
    ]);
    const result = await parseImport(bytes, { fileName: 'invoices.xlsx' });
    expect(result.format).toBe('xlsx');
    expect(result.sheetName).toBe('Invoices');
    expect(result.preset).toBe('generic-invoices');
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['000123', '000124']);
    expect(result.invoices[0]?.issueDate).toBe('2024-04-01');
    expect(result.invoices[0]?.dueDate).toBe('2024-05-01');
    expect(result.invoices[0]?.amountMinor).toBe(123450);
    expect(result.invoices[1]?.amountMinor).toBe(5594);
    expect(result.invoices[1]?.openAmountMinor).toBe(4594);
    expect(result.customers.map((customer) => customer.name)).toEqual(['Acme Traders', 'Bharat Stores']);
    expect(result.problems).toEqual([]);
  });

  it('skips merged title rows and totals rows', async () => {
    const bytes = buildXlsx([
      {
        name: 'Outstanding',
        merges: ['A1:F1', 'A2:F2'],
        rows: [
          ['Sample Traders Pvt Ltd'],
          ['Receivables as on 31-Mar-2025'],
          [],
          header,
          ['INV-1', 'Acme Traders', { date: 45383 }, { date: 45413 }, 100, 100],
          ['INV-2', 'Acme Traders', { date: 45384 }, { date: 45414 }, 200, 50],
          [null, 'Total', null, null, 300, 150],
        ],
      },
    ]);
    const result = await parseImport(bytes);
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['INV-1', 'INV-2']);
    expect(result.mapping?.headerRow).toBe(4);
    expect(result.stats.rowsSkipped).toBe(5);
    expect(result.problems).toEqual([]);
  });

  it('joins a two-row header with a merged group label', async () => {
    const bytes = buildXlsx([
      {
        name: 'Bills',
        merges: ['D1:E1'],
        rows: [
          ['Date', 'Ref. No.', "Party's Name", 'Amount', null, 'Due on'],
          [null, null, null, 'Opening', 'Pending', null],
          [{ date: 45345 }, 'UP3/23-24/0593', 'Customer 01', 6726, 6726, { date: 45405 }],
          [{ date: 45352 }, 'UP3/23-24/0602', 'Customer 01', 4024, 2000, { date: 45412 }],
        ],
      },
    ]);
    const result = await parseImport(bytes);
    expect(result.preset).toBe('tally-bills-receivable');
    expect(result.mapping?.headerRowCount).toBe(2);
    expect(result.mapping?.columns.openAmount).toBe('Amount Pending');
    expect(result.mapping?.columns.amount).toBe('Amount Opening');
    expect(result.invoices.map((invoice) => [invoice.amountMinor, invoice.openAmountMinor])).toEqual([
      [672600, 672600],
      [402400, 200000],
    ]);
  });

  it('reads the chosen sheet', async () => {
    const bytes = buildXlsx([
      { name: 'Notes', rows: [['Nothing here']] },
      { name: 'Data', rows: [header, ['A-1', 'Acme', '2024-04-01', '2024-05-01', 10, 10]] },
    ]);
    const byName = await parseImport(bytes, { sheet: 'data' });
    const byIndex = await parseImport(bytes, { sheet: 1 });
    expect(byName.sheetName).toBe('Data');
    expect(byName.invoices).toHaveLength(1);
    expect(byIndex.invoices).toEqual(byName.invoices);
  });

  it('reads dates of the 1904 system', async () => {
    const bytes = buildXlsx([{ name: 'S', rows: [header, ['A-1', 'Acme', { date: 43920 }, { date: 43950 }, 10, 10]] }], { date1904: true });
    const result = await parseImport(bytes);
    expect(result.invoices[0]?.issueDate).toBe('2024-03-31');
  });
});
