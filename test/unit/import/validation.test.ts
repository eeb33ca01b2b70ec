import { describe, expect, it } from 'vitest';
import { parseImport, parseImportMapping, type ImportProblem, type ParsedImport } from '../../../core/import';
import { utf8 } from './helpers';

const header = 'Invoice No,Customer,Invoice Date,Due Date,Amount';

async function importRows(rows: string[], options: Parameters<typeof parseImport>[1] = {}, columns = header): Promise<ParsedImport> {
  return parseImport(utf8([columns, ...rows].join('\n')), options);
}

function problemWith(result: ParsedImport, code: string): ImportProblem | undefined {
  return result.problems.find((problem) => problem.code === code);
}

describe('due dates', () => {
  const noDue = ['A-1,Acme,05/02/2024,,100', 'A-2,Acme,25/02/2024,,100'];

  it('reports a missing due date', async () => {
    const result = await importRows(noDue);
    expect(result.invoices).toEqual([]);
    expect(result.stats.rowsRejected).toBe(2);
    expect(problemWith(result, 'missing-due-date')).toMatchObject({ row: 2, column: 'Due Date', severity: 'error' });
  });

  it('fills the due date from default terms', async () => {
    const result = await importRows(noDue, { defaultTermsDays: 30 });
    expect(result.invoices.map((invoice) => [invoice.dueDate, invoice.dueDateSource])).toEqual([
      ['2024-03-06', 'default-terms'],
      ['2024-03-26', 'default-terms'],
    ]);
  });

  it('prefers customer terms to default terms', async () => {
    const result = await importRows(noDue, { defaultTermsDays: 30, termsByCustomer: { Acme: 15 } });
    expect(result.invoices[0]?.dueDate).toBe('2024-02-20');
    expect(result.invoices[0]?.dueDateSource).toBe('customer-terms');
    expect(result.customers[0]?.paymentTermsDays).toBe(15);
  });

  it('uses a credit period column', async () => {
    const result = await importRows(['A-1,Acme,05/02/2024,Net 45', 'A-2,Acme,25/02/2024,60 Days'].map((row) => `${row},100`), {}, 'Invoice No,Customer,Invoice Date,Terms,Amount');
    expect(result.invoices.map((invoice) => [invoice.dueDate, invoice.creditPeriodDays])).toEqual([
      ['2024-03-21', 45],
      ['2024-04-25', 60],
    ]);
  });

  it('warns when the due date is before the issue date', async () => {
    const result = await importRows(['A-1,Acme,05/02/2024,01/02/2024,100', 'A-2,Acme,25/02/2024,25/03/2024,100']);
    expect(result.invoices).toHaveLength(2);
    const problem = problemWith(result, 'due-before-issue');
    expect(problem?.severity).toBe('warning');
    expect(problem?.row).toBe(2);
    expect(problem?.reason).toBe('Due date 01/02/2024 is before the issue date 05/02/2024.');
  });
});

describe('amounts and currencies', () => {
  it('rejects a negative invoice', async () => {
    const result = await importRows(['A-1,Acme,2024-02-05,2024-03-05,(250.00)']);
    expect(result.invoices).toEqual([]);
    expect(problemWith(result, 'negative-invoice')).toMatchObject({ row: 2, column: 'Amount', value: '(250.00)', severity: 'error' });
  });

  it('rejects unknown currencies', async () => {
    const result = await importRows(['A-1,Acme,2024-02-05,2024-03-05,100,XYZ', 'A-2,Acme,2024-02-05,2024-03-05,ABC 100,INR'], {}, `${header},Currency`);
    expect(result.invoices).toEqual([]);
    expect(result.problems.map((problem) => [problem.row, problem.code])).toEqual([
      [2, 'unknown-currency'],
      [3, 'unknown-currency'],
    ]);
  });

  it('reads the currency column', async () => {
    const result = await importRows(['A-1,Acme,2024-02-05,2024-03-05,"1,500",JPY', 'A-2,Acme,2024-02-05,2024-03-05,12.345,KWD'], {}, `${header},Currency`);
    expect(result.invoices.map((invoice) => [invoice.amountMinor, invoice.currency])).toEqual([
      [1500, 'JPY'],
      [12345, 'KWD'],
    ]);
  });

  it('reports unreadable dates and amounts with row, column and value', async () => {
    const result = await importRows(['A-1,Acme,31/02/2024,2024-03-05,100', 'A-2,Acme,2024-02-05,2024-03-05,ten rupees']);
    expect(result.invoices).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'Invoice Date', value: '31/02/2024', code: 'invalid-date', severity: 'error' }),
      expect.objectContaining({ row: 3, column: 'Amount', value: 'ten rupees', code: 'invalid-amount', severity: 'error' }),
    ]);
    expect(result.problems[0]?.reason).toMatch(/"31\/02\/2024" is not a calendar date/);
  });
});

describe('duplicates and payments', () => {
  it('warns about a repeated row and rejects a reused number', async () => {
    const result = await importRows(['0001,Acme,2024-02-05,2024-03-05,100', '0001,Acme,2024-02-05,2024-03-05,100', '0001,Acme,2024-02-05,2024-03-05,120']);
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['0001']);
    expect(result.problems.map((problem) => [problem.row, problem.code, problem.severity])).toEqual([
      [3, 'duplicate-row', 'warning'],
      [4, 'duplicate-invoice-number', 'error'],
    ]);
    expect(result.problems[1]?.reason).toMatch(/₹100\.00 there, ₹120\.00 here/);
  });

  it('leaves an overpayment unallocated', async () => {
    const result = await importRows(['A-1,Acme,2024-02-05,2024-03-05,100,150,2024-03-01'], {}, `${header},Amount Paid,Payment Date`);
    expect(result.payments).toEqual([expect.objectContaining({ amountMinor: 15000, unallocatedMinor: 5000, paymentDate: '2024-03-01' })]);
    expect(result.allocations).toEqual([expect.objectContaining({ invoiceNumber: 'A-1', amountMinor: 10000 })]);
    expect(problemWith(result, 'overpayment')?.reason).toMatch(/sets ₹150\.00 against invoice A-1, which has only ₹100\.00 open/);
  });

  it('reads a payment list', async () => {
    const rows = ['Receipt No,Date,Customer,Amount Received,Invoice No', 'R-1,2024-03-01,Acme,100,A-1', 'R-2,2024-03-02,Acme,50,'];
    const result = await parseImport(utf8(rows.join('\n')));
    expect(result.preset).toBe('generic-payments');
    expect(result.invoices).toEqual([]);
    expect(result.payments.map((payment) => [payment.reference, payment.amountMinor, payment.unallocatedMinor])).toEqual([
      ['R-1', 10000, 0],
      ['R-2', 5000, 5000],
    ]);
    expect(result.allocations).toEqual([expect.objectContaining({ paymentKey: 'row-2', invoiceNumber: 'A-1', amountMinor: 10000 })]);
  });

  it('reports a missing customer', async () => {
    const result = await importRows(['A-1,,2024-02-05,2024-03-05,100']);
    expect(result.invoices).toEqual([]);
    expect(problemWith(result, 'missing-customer')).toMatchObject({ row: 2, column: 'Customer', severity: 'error' });
  });
});

describe('text cells', () => {
  it('keeps leading zeros of invoice numbers', async () => {
    const result = await importRows(['000123,Acme,2024-02-05,2024-03-05,100', '0000611365,Acme,2024-02-05,2024-03-05,100']);
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['000123', '0000611365']);
  });

  it('flags formula-like text and keeps it', async () => {
    const result = await importRows(['A-1,"=HYPERLINK(""http://x"",""y"")",2024-02-05,2024-03-05,100', 'A-2,@Acme,2024-02-05,2024-03-05,-0']);
    expect(result.customers.map((customer) => customer.name)).toEqual(['=HYPERLINK("http://x","y")', '@Acme']);
    expect(result.problems.filter((problem) => problem.code === 'formula-like').map((problem) => problem.row)).toEqual([2, 3]);
  });

  it('validates customer identifiers', async () => {
    const columns = `${header},GSTIN,Email,Phone`;
    const result = await importRows(
      ['A-1,Acme,2024-02-05,2024-03-05,100,27AAPFU0939F1ZV,Accounts@Acme.IN,98765 43210', 'A-2,Bharat,2024-02-05,2024-03-05,100,27AAPFU0939F1ZX,not-an-email,12'],
      {},
      columns,
    );
    expect(result.customers[0]).toMatchObject({ gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F' });
    expect(result.customers[0]?.contacts).toEqual([
      { kind: 'email', value: 'accounts@acme.in', name: null },
      { kind: 'phone', value: '+919876543210', name: null },
    ]);
    expect(result.customers[1]).toMatchObject({ gstin: null, pan: null, contacts: [] });
    expect(result.problems.map((problem) => problem.code)).toEqual(['invalid-gstin', 'invalid-email', 'invalid-phone']);
    expect(result.invoices).toHaveLength(2);
  });
});

describe('day/month order', () => {
  const ambiguous = ['A-1,Acme,05/02/2024,06/03/2024,100', 'A-2,Acme,01/12/2024,11/12/2024,100'];

  it('reports columns that fit both orders', async () => {
    const result = await importRows(ambiguous);
    expect(result.ambiguousDateColumns).toEqual(['Invoice Date', 'Due Date']);
    expect(result.problems.filter((problem) => problem.code === 'ambiguous-date-order').map((problem) => problem.column)).toEqual(['Invoice Date', 'Due Date']);
  });

  it('reads the order the mapping stores', async () => {
    const first = await importRows(ambiguous);
    const mapping = parseImportMapping(JSON.parse(JSON.stringify({ ...first.mapping, dateOrder: { 'Invoice Date': 'MDY', 'Due Date': 'MDY' } })));
    const result = await importRows(ambiguous, { mapping });
    expect(result.ambiguousDateColumns).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.invoices.map((invoice) => [invoice.issueDate, invoice.dueDate])).toEqual([
      ['2024-05-02', '2024-06-03'],
      ['2024-01-12', '2024-11-12'],
    ]);
  });

  it('decides the order from any row of the column', async () => {
    const result = await importRows([...ambiguous, 'A-3,Acme,02/13/2024,03/14/2024,100']);
    expect(result.ambiguousDateColumns).toEqual([]);
    expect(result.invoices[0]?.issueDate).toBe('2024-05-02');
    expect(result.mapping?.dateOrder).toEqual({ 'Invoice Date': 'MDY', 'Due Date': 'MDY' });
  });

  it('reports an order decided late', async () => {
    const rows = Array.from({ length: 20_010 }, (_, index) => `A-${index},Acme,05/02/2024,06/03/2024,100`);
    rows.push('Z-1,Acme,02/13/2024,03/14/2024,100');
    const result = await importRows(rows);
    expect(result.ambiguousDateColumns).toEqual(['Invoice Date', 'Due Date']);
  });
});

describe('mapping', () => {
  it('survives a JSON round trip', async () => {
    const rows = ['A-1,Acme,2024-02-05,2024-03-05,100'];
    const first = await importRows(rows);
    const saved = JSON.stringify(first.mapping);
    const again = await importRows(rows, { mapping: parseImportMapping(JSON.parse(saved)) });
    expect(again.invoices).toEqual(first.invoices);
    expect(again.preset).toBe('generic-invoices');
  });

  it('finds renamed headers by the saved names', async () => {
    const mapping = parseImportMapping({
      version: 1,
      preset: 'custom',
      layout: 'invoices',
      headerRow: null,
      headerRowCount: 1,
      columns: { invoiceNumber: 'Bill', customerName: 'Buyer Firm', issueDate: 'Dt', amount: 'Rs' },
      agingColumns: [],
      dateOrder: { Dt: 'DMY' },
      decimalSeparator: '.',
      defaultCurrency: 'INR',
      defaultTermsDays: 30,
      settledInFull: false,
      linesRepeatInvoice: false,
    });
    const result = await parseImport(utf8('My export\nBill,Buyer Firm,Dt,Rs\nB-9,Acme,03/04/2024,"1,00,000"\n'), { mapping });
    expect(result.invoices).toEqual([expect.objectContaining({ invoiceNumber: 'B-9', issueDate: '2024-04-03', dueDate: '2024-05-03', amountMinor: 10000000 })]);
    expect(result.mapping?.headerRow).toBe(2);
  });

  it('rejects a mapping whose columns are missing', async () => {
    const first = await importRows(['A-1,Acme,2024-02-05,2024-03-05,100']);
    const mapping = { ...first.mapping!, columns: { ...first.mapping!.columns, amount: 'Total Value' } };
    await expect(importRows(['A-1,Acme,2024-02-05,2024-03-05,100'], { mapping })).rejects.toThrow(/Total Value/);
  });
});
