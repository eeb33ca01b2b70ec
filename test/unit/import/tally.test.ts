import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport, type ParsedImport } from '../../../core/import';
import { sampleData, sampleDataPath } from '../../support/sample-data';
import { inChunks, utf16le, utf8 } from './helpers';

function ledger(name: string, parent: string, body = ''): string {
  return `<TALLYMESSAGE xmlns:UDF="TallyUDF"><LEDGER NAME="${name}" RESERVEDNAME=""><PARENT>${parent}</PARENT><TAXCLASSIFICATIONNAME>&#4; Not Applicable</TAXCLASSIFICATIONNAME>${body}</LEDGER></TALLYMESSAGE>`;
}

function group(name: string, parent: string, reserved = ''): string {
  return `<TALLYMESSAGE><GROUP NAME="${name}" RESERVEDNAME="${reserved}"><PARENT>${parent}</PARENT></GROUP></TALLYMESSAGE>`;
}

function voucher(type: string, date: string, number: string, party: string, entries: string, extra = ''): string {
  return `<TALLYMESSAGE><VOUCHER VCHTYPE="${type}" ACTION="Create"><DATE>${date}</DATE><GUID>g-${number}</GUID><VOUCHERTYPENAME>${type}</VOUCHERTYPENAME><VOUCHERNUMBER>${number}</VOUCHERNUMBER><PARTYLEDGERNAME>${party}</PARTYLEDGERNAME>${extra}${entries}</VOUCHER></TALLYMESSAGE>`;
}

function entry(ledgerName: string, amount: string, bills = ''): string {
  return `<LEDGERENTRIES.LIST><LEDGERNAME>${ledgerName}</LEDGERNAME><AMOUNT>${amount}</AMOUNT>${bills}</LEDGERENTRIES.LIST>`;
}

function bill(name: string, type: string, amount: string, creditPeriod = ''): string {
  const period = creditPeriod === '' ? '' : `<BILLCREDITPERIOD P="${creditPeriod}">${creditPeriod}</BILLCREDITPERIOD>`;
  return `<BILLALLOCATIONS.LIST><NAME>${name}</NAME>${period}<BILLTYPE>${type}</BILLTYPE><AMOUNT>${amount}</AMOUNT></BILLALLOCATIONS.LIST>`;
}

/** A small export that uses what the sample file lacks: receipts, sub-groups, late masters, date credit periods. */
const syntheticExport = [
  '<?xml version="1.0"?>\r\n<ENVELOPE><HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER><BODY><IMPORTDATA><REQUESTDATA>',
  ledger(
    'Northern Agencies',
    'Debtors - North',
    '<INCOMETAXNUMBER>AAPFU0939F</INCOMETAXNUMBER><PARTYGSTIN>27AAPFU0939F1ZV</PARTYGSTIN><EMAIL>accounts@northern.example.com</EMAIL><LEDGERMOBILE>98765 43210</LEDGERMOBILE><LEDGERCONTACT>R. Gupta</LEDGERCONTACT><BILLCREDITPERIOD>30 Days</BILLCREDITPERIOD><OPENINGBALANCE>-1500.00</OPENINGBALANCE>' +
      '<BILLALLOCATIONS.LIST><BILLDATE>20240301</BILLDATE><NAME>OB/1</NAME><BILLCREDITPERIOD P="15-Apr-2024">15-Apr-2024</BILLCREDITPERIOD><OPENINGBALANCE>-1500.00</OPENINGBALANCE></BILLALLOCATIONS.LIST>',
  ),
  group('Debtors - North', 'Sundry Debtors'),
  group('Sundry Debtors', '', 'Sundry Debtors'),
  group('Sundry Creditors', '', 'Sundry Creditors'),
  ledger('Vendor Co', 'Sundry Creditors', '<OPENINGBALANCE>5000.00</OPENINGBALANCE>'),
  ledger('Sales A/c', 'Sales Accounts'),
  ledger('Bank', 'Bank Accounts'),
  '<TALLYMESSAGE><VOUCHERTYPE NAME="GST Sale" RESERVEDNAME=""><PARENT>Sales</PARENT></VOUCHERTYPE></TALLYMESSAGE>',
  voucher('GST Sale', '20240405', 'INV/1', 'Northern Agencies', entry('Northern Agencies', '-11800.00', bill('INV/1', 'New Ref', '-11800.00', '45 Days')) + entry('Sales A/c', '11800.00'), '<NARRATION>Default\u0005Voucher</NARRATION>'),
  voucher('GST Sale', '20240410', 'INV/2', 'Northern Agencies', entry('Northern Agencies', '-2000.00') + entry('Sales A/c', '2000.00')),
  voucher('Receipt', '20240501', 'RC/7', 'Northern Agencies', entry('Northern Agencies', '12000.00', bill('INV/1', 'Agst Ref', '10000.00') + bill('OB/1', 'Agst Ref', '1500.00') + bill('', 'On Account', '500.00')) + entry('Bank', '-12000.00')),
  voucher('GST Sale', '20240412', 'INV/3', 'Northern Agencies', entry('Northern Agencies', '-999.00', bill('INV/3', 'New Ref', '-999.00')), '<ISCANCELLED>Yes</ISCANCELLED>'),
  voucher('Purchase', '20240402', 'P/1', 'Vendor Co', entry('Vendor Co', '5000.00', bill('P/1', 'New Ref', '5000.00'))),
  voucher('Credit Note', '20240420', 'CN/1', 'Northern Agencies', entry('Northern Agencies', '300.00', bill('INV/1', 'Agst Ref', '300.00'))),
  '</REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>',
].join('\r\n');

describe('Tally XML, synthetic export', () => {
  it('reads customers under sub-groups of Sundry Debtors', async () => {
    const result = await parseImport(utf8(syntheticExport));
    expect(result.format).toBe('tally-xml');
    expect(result.customers).toHaveLength(1);
    const customer = result.customers[0];
    expect(customer).toMatchObject({
      key: 'Northern Agencies',
      externalRef: 'Northern Agencies',
      gstin: '27AAPFU0939F1ZV',
      pan: 'AAPFU0939F',
      paymentTermsDays: 30,
      onAccountMinor: 0,
    });
    expect(customer?.contacts).toEqual([
      { kind: 'email', value: 'accounts@northern.example.com', name: 'R. Gupta' },
      { kind: 'phone', value: '+919876543210', name: 'R. Gupta' },
    ]);
  });

  it('reads opening bills, sales and receipts', async () => {
    const result = await parseImport(utf8(syntheticExport));
    expect(result.invoices.map((invoice) => [invoice.invoiceNumber, invoice.issueDate, invoice.dueDate, invoice.dueDateSource, invoice.amountMinor])).toEqual([
      ['OB/1', '2024-03-01', '2024-04-15', 'credit-period', 150000],
      ['INV/1', '2024-04-05', '2024-05-20', 'credit-period', 1180000],
      ['INV/2', '2024-04-10', '2024-05-10', 'customer-terms', 200000],
    ]);
    expect(result.invoices[1]?.description).toBe('DefaultVoucher');
    expect(result.payments).toEqual([
      expect.objectContaining({ key: 'voucher-g-RC/7-Northern Agencies', paymentDate: '2024-05-01', amountMinor: 1200000, reference: 'RC/7', unallocatedMinor: 50000 }),
    ]);
    expect(result.allocations.map((allocation) => [allocation.invoiceNumber, allocation.amountMinor])).toEqual([
      ['INV/1', 1000000],
      ['OB/1', 150000],
    ]);
  });

  it('leaves out suppliers, purchases and cancelled vouchers', async () => {
    const result = await parseImport(utf8(syntheticExport));
    expect(result.customers.map((customer) => customer.name)).not.toContain('Vendor Co');
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).not.toContain('P/1');
    expect(result.invoices.map((invoice) => invoice.invoiceNumber)).not.toContain('INV/3');
    const skipped = result.problems.filter((problem) => problem.code === 'voucher-not-imported');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/Credit Note CN\/1 .* credits "Northern Agencies" by ₹300\.00/);
  });

  it('reads UTF-16 in small chunks the same', async () => {
    const plain = await parseImport(utf8(syntheticExport));
    const wide = await parseImport(inChunks(utf16le(syntheticExport), 5));
    expect(wide.encoding).toBe('utf-16le');
    expect(wide.customers).toEqual(plain.customers);
    expect(wide.invoices).toEqual(plain.invoices);
    expect(wide.payments).toEqual(plain.payments);
    expect(wide.allocations).toEqual(plain.allocations);
  });

  it('takes a party ledger missing from the file as a customer', async () => {
    const xml = `<ENVELOPE><BODY>${voucher('Sales', '20240405', 'S-1', 'Walk-in Buyer', entry('Walk-in Buyer', '-500.00'))}</BODY></ENVELOPE>`;
    const result = await parseImport(utf8(xml), { defaultTermsDays: 7 });
    expect(result.customers.map((customer) => customer.name)).toEqual(['Walk-in Buyer']);
    expect(result.invoices).toEqual([expect.objectContaining({ invoiceNumber: 'S-1', amountMinor: 50000, dueDate: '2024-04-12', dueDateSource: 'default-terms' })]);
    expect(result.problems.map((problem) => problem.code)).toContain('ledger-not-in-file');
  });
});

function summary(result: ParsedImport): unknown {
  return {
    customers: result.customers,
    invoices: result.invoices,
    payments: result.payments,
    allocations: result.allocations,
  };
}

describe.skipIf(!sampleData.available)('Tally XML, redacted DayBook', () => {
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(sampleDataPath('tally', name)));

  it('gives the same result in ASCII and UTF-16', async () => {
    const ascii = await parseImport(read('DayBook-redacted.xml'));
    const wide = await parseImport(read('DayBook-redacted-utf16.xml'));
    expect(ascii.encoding).toBe('utf-8');
    expect(wide.encoding).toBe('utf-16le');
    expect(summary(wide)).toEqual(summary(ascii));
  });

  it('finds Customer 01 with GSTIN and PAN and no suppliers', async () => {
    const result = await parseImport(read('DayBook-redacted-utf16.xml'));
    expect(result.customers.map((customer) => customer.name)).toEqual(['Customer 01']);
    const customer = result.customers[0];
    expect(customer?.gstin).toBe('06YEJPC4195F1ZY');
    expect(customer?.pan).toBe('YEJPC4195F');
    expect(customer?.paymentTermsDays).toBe(60);
    expect(customer?.contacts).toEqual([{ kind: 'phone', value: '+919999900002', name: null }]);
    expect(customer?.address).toMatch(/Gurgaon-122903/);
  });

  it('reads the 7 opening bills and the GST sale invoice', async () => {
    const result = await parseImport(read('DayBook-redacted.xml'));
    const opening = result.invoices.filter((invoice) => invoice.description === 'Opening balance');
    expect(opening.map((invoice) => [invoice.invoiceNumber, invoice.issueDate, invoice.dueDate, invoice.amountMinor])).toEqual([
      ['UP3/23-24/0593', '2024-02-23', '2024-04-23', 672600],
      ['UP3/23-24/0602', '2024-03-01', '2024-04-30', 402400],
      ['UP3/23-24/0604', '2024-03-02', '2024-05-01', 441300],
      ['UP3/23-24/0631', '2024-03-14', '2024-05-13', 230100],
      ['UP3/23-24/0633', '2024-03-15', '2024-05-14', 368200],
      ['UP3/23-24/0640', '2024-03-18', '2024-05-17', 716300],
      ['UP3/23-24/0653', '2024-03-23', '2024-05-22', 98300],
    ]);
    const sale = result.invoices.find((invoice) => invoice.invoiceNumber === 'UP3/24-25/1319');
    expect(sale).toMatchObject({ customerKey: 'Customer 01', issueDate: '2025-03-08', dueDate: '2025-05-07', amountMinor: 4809100, currency: 'INR' });
    expect(result.invoices).toHaveLength(8);
    expect(result.payments).toEqual([]);
    expect(result.customers[0]?.onAccountMinor).toBe(0);
  });

  it('reports the control characters it removed', async () => {
    const result = await parseImport(read('DayBook-redacted.xml'));
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(result.problems.find((problem) => problem.code === 'control-characters-removed')?.reason).toMatch(/13 raw, 274 as/);
  });
});
