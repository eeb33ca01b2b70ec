import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../core/import';
import { sniffDelimiter } from '../../../core/import/csv/sniff';
import { CsvTokenizer } from '../../../core/import/csv/tokenizer';
import { defaultImportLimits } from '../../../core/import/limits';
import { inChunks, utf16be, utf16le, utf8, windows1252 } from './helpers';

function tokenize(text: string, chunkSize = text.length, delimiter = ','): { fields: string[]; number: number }[] {
  const records: { fields: string[]; number: number }[] = [];
  const tokenizer = new CsvTokenizer(delimiter, defaultImportLimits);
  const onRecord = (fields: string[], number: number): void => {
    records.push({ fields, number });
  };
  for (let offset = 0; offset < text.length; offset += chunkSize) tokenizer.push(text.slice(offset, offset + chunkSize), onRecord);
  tokenizer.end(onRecord);
  return records;
}

const invoiceList = [
  'Invoice No,Customer,Invoice Date,Due Date,Amount',
  '0001,"Sharma & Sons, Agra",01/04/2024,01/05/2024,"1,00,000.00"',
  '0002,"Line one',
  'line two ""quoted""",15/04/2024,15/05/2024,250.50',
].join('\r\n');

describe('CsvTokenizer', () => {
  it('reads quoted fields with delimiters, quotes and line breaks', () => {
    const records = tokenize(invoiceList);
    expect(records).toHaveLength(3);
    expect(records[1]?.fields[1]).toBe('Sharma & Sons, Agra');
    expect(records[2]?.fields[1]).toBe('Line one\r\nline two "quoted"');
    expect(records[2]?.fields[4]).toBe('250.50');
  });

  it('gives the same records for every chunk size', () => {
    const whole = tokenize(invoiceList);
    for (const size of [1, 2, 3, 7, 16]) expect(tokenize(invoiceList, size)).toEqual(whole);
  });

  it('numbers records as spreadsheet rows', () => {
    const records = tokenize('a,b\n\n"x\ny",z\nlast,row');
    expect(records.map((record) => record.number)).toEqual([1, 2, 3, 4]);
    expect(records[1]?.fields).toEqual(['']);
  });

  it('ends records at LF, CRLF and CR', () => {
    const records = tokenize('a\rb\nc\r\nd');
    expect(records.map((record) => record.fields[0])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps stray quotes as text', () => {
    const records = tokenize('5" pipe,"closed"x\n');
    expect(records[0]?.fields).toEqual(['5" pipe', 'closedx']);
  });

  it('keeps a trailing empty field', () => {
    expect(tokenize('a,b,\n')[0]?.fields).toEqual(['a', 'b', '']);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n4,5,6\n'],
    [';', 'a;b;c\n1,5;2;3\n4;5;6\n'],
    ['\t', 'a\tb\tc\n1\t2,5\t3\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('picks %j', (delimiter, sample) => {
    expect(sniffDelimiter(sample)).toBe(delimiter);
  });

  it('ignores title lines', () => {
    expect(sniffDelimiter('Report; 2024\nTitle\nDate,Ref,Amount\n1,2,3\n4,5,6\n')).toBe(',');
  });
});

const simpleList = 'Invoice No;Customer;Invoice Date;Due Date;Amount\nF-1;Café Müller;2024-04-01;2024-05-01;€ 99,50\n';

describe('CSV encodings', () => {
  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(simpleList)]), 'utf-8'],
    ['UTF-8 without BOM', utf8(simpleList), 'utf-8'],
    ['UTF-16 LE with BOM', utf16le(simpleList), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16be(simpleList), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16le(simpleList, false), 'utf-16le'],
    ['Windows-1252', windows1252(simpleList), 'windows-1252'],
  ])('reads %s', async (_, bytes, encoding) => {
    const result = await parseImport(bytes, { defaultCurrency: 'EUR', decimalSeparator: ',' });
    expect(result.encoding).toBe(encoding);
    expect(result.customers.map((customer) => customer.name)).toEqual(['Café Müller']);
    expect(result.invoices[0]?.invoiceNumber).toBe('F-1');
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('falls back to Windows-1252 after a long ASCII start', async () => {
    const filler = Array.from({ length: 3000 }, (_, index) => `A-${index},Customer ${index},2024-04-01,2024-05-01,10.00`).join('\n');
    const text = `Invoice No,Customer,Invoice Date,Due Date,Amount\n${filler}\nZ-1,Caf\u00e9 \u2013 Ltd,2024-04-01,2024-05-01,10.00\n`;
    const bytes = windows1252(text);
    expect(bytes.length).toBeGreaterThan(65_536);
    const result = await parseImport(inChunks(bytes, 4096));
    expect(result.encoding).toBe('utf-8');
    expect(result.customers.at(-1)?.name).toBe('Café – Ltd');
    expect(result.invoices).toHaveLength(3001);
  });

  it('reads the same from small chunks', async () => {
    const whole = await parseImport(utf16le(simpleList), { defaultCurrency: 'EUR', decimalSeparator: ',' });
    const chunked = await parseImport(inChunks(utf16le(simpleList), 3), { defaultCurrency: 'EUR', decimalSeparator: ',' });
    expect(whole.invoices).toHaveLength(1);
    expect(chunked.invoices).toEqual(whole.invoices);
    expect(chunked.customers).toEqual(whole.customers);
  });

  it('rejects a decimal comma unless asked for', async () => {
    const result = await parseImport(utf8(simpleList), { defaultCurrency: 'EUR' });
    expect(result.invoices).toEqual([]);
    expect(result.problems[0]?.code).toBe('invalid-amount');
    expect(result.problems[0]?.reason).toMatch(/"€ 99,50" is not an amount/);
    expect(result.problems[0]?.row).toBe(2);
    expect(result.problems[0]?.column).toBe('Amount');
  });

  it('keeps the decimal comma in the mapping', async () => {
    const first = await parseImport(utf8(simpleList), { defaultCurrency: 'EUR', decimalSeparator: ',' });
    expect(first.invoices[0]?.amountMinor).toBe(9950);
    expect(first.invoices[0]?.currency).toBe('EUR');
    expect(first.mapping?.decimalSeparator).toBe(',');
    const mapping = JSON.parse(JSON.stringify(first.mapping));
    const again = await parseImport(utf8(simpleList), { mapping });
    expect(again.invoices).toEqual(first.invoices);
  });
});
