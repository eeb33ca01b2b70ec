import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseImport, parseImportMapping } from '../../../core/import';
import { expectImportError, inChunks, utf8 } from './helpers';
import { buildXlsx, setDeclaredSize } from './xlsx-builder';

const header = 'Invoice No,Customer,Invoice Date,Due Date,Amount\n';
const oneRow = `${header}INV-1,Acme Traders,2024-04-01,2024-05-01,100.00\n`;

/** Deterministic pseudo-random bytes (xorshift32), so the garbage is the same on every run. */
function garbage(length: number, seed = 0x9e3779b9): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

async function* noChunks(): AsyncGenerator<Uint8Array> {
  // An empty stream.
}

describe('empty and header-only files', () => {
  it('rejects a 0-byte file', async () => {
    await expectImportError(() => parseImport(new Uint8Array(0)), 'EMPTY_FILE', /empty/);
    await expectImportError(() => parseImport(noChunks()), 'EMPTY_FILE', /empty/);
  });

  it('rejects a file of white space', async () => {
    await expectImportError(() => parseImport(utf8(' \r\n\n\t ')), 'EMPTY_FILE', /white space/);
  });

  it('rejects a header without rows', async () => {
    await expectImportError(() => parseImport(utf8(header)), 'HEADER_ONLY', /header row but no data rows/);
    await expectImportError(() => parseImport(utf8(`${header}\n,,,,\n`)), 'HEADER_ONLY', /no data rows/);
  });

  it('rejects a workbook with only a header', async () => {
    const bytes = buildXlsx([{ name: 'S', rows: [header.trim().split(',')] }]);
    await expectImportError(() => parseImport(bytes), 'HEADER_ONLY', /no data rows/);
  });

  it('rejects rows without a known header', async () => {
    const error = await expectImportError(() => parseImport(utf8('foo,bar,baz\n1,2,3\n')), 'NO_HEADER', /"foo", "bar", "baz"/);
    expect(error.message).toMatch(/Map the columns by hand/);
  });
});

describe('binary and wrongly encoded files', () => {
  it('rejects binary garbage', async () => {
    await expectImportError(() => parseImport(garbage(100_000)), 'BINARY_FILE', /binary data/);
  });

  it('names known binary formats', async () => {
    await expectImportError(() => parseImport(utf8('%PDF-1.7\n...')), 'BINARY_FILE', /PDF document/);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(512)]);
    await expectImportError(() => parseImport(xls), 'BINARY_FILE', /Excel 97–2003/);
  });

  it('rejects UTF-32', async () => {
    await expectImportError(() => parseImport(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])), 'UNSUPPORTED_ENCODING', /UTF-32/);
  });

  it('rejects a requested encoding the bytes contradict', async () => {
    await expectImportError(() => parseImport(utf8(oneRow), { encoding: 'utf-16le' }), 'ENCODING_MISMATCH', /opened as utf-16le/);
    const latin = new Uint8Array([...utf8(header), ...utf8('INV-1,Caf'), 0xe9, ...utf8(',2024-04-01,2024-05-01,1\n')]);
    await expectImportError(() => parseImport(latin, { encoding: 'utf-8' }), 'ENCODING_MISMATCH', /Windows-1252/);
  });

  it('rejects UTF-8 mixed with another encoding', async () => {
    const start = `${header}INV-0,Café,2024-04-01,2024-05-01,1\n${'INV-2,Acme,2024-04-01,2024-05-01,1\n'.repeat(3000)}`;
    const bytes = new Uint8Array([...utf8(start), ...utf8('INV-9,Caf'), 0xe9, ...utf8(',2024-04-01,2024-05-01,1\n')]);
    await expectImportError(() => parseImport(inChunks(bytes, 8192)), 'ENCODING_MISMATCH', /not valid utf-8 near byte/);
  });
});

describe('truncated files', () => {
  it('rejects a CSV cut inside a quoted field', async () => {
    await expectImportError(() => parseImport(utf8(`${oneRow}INV-2,"Acme Tra`)), 'TRUNCATED_FILE', /starts on row 3 is never closed/);
  });

  it('rejects UTF-8 cut inside a character', async () => {
    const bytes = utf8(`${oneRow}INV-2,Café`);
    await expectImportError(() => parseImport(bytes.subarray(0, bytes.length - 1)), 'TRUNCATED_FILE', /middle of a utf-8 character/);
  });

  it('rejects a Tally file cut in the middle', async () => {
    const xml = '<ENVELOPE><BODY><IMPORTDATA><REQUESTDATA><TALLYMESSAGE><LEDGER NAME="A"><PARENT>Sundry Debtors</PARENT></LEDGER></TALLYMESSAGE><TALLYMESSAGE><LEDGER NAME="B"><PAR';
    await expectImportError(() => parseImport(utf8(xml)), 'TRUNCATED_FILE', /cut off/);
  });

  it('rejects a workbook cut in the middle', async () => {
    const bytes = buildXlsx([{ name: 'S', rows: [header.trim().split(','), ['INV-1', 'Acme', '2024-04-01', '2024-05-01', 1]] }]);
    await expectImportError(() => parseImport(bytes.subarray(0, Math.floor(bytes.length * 0.7)), { fileName: 'book.xlsx' }), 'TRUNCATED_FILE', /cut off/);
  });
});

describe('oversized lines and columns', () => {
  it('rejects a 10 MB line without delimiters', async () => {
    const line = new Uint8Array(10 * 1024 * 1024).fill(0x61);
    await expectImportError(() => parseImport(inChunks(line, 1 << 20)), 'FIELD_TOO_LARGE', /longer than 32767 characters/);
  });

  it('rejects a 10 MB line of ordinary fields', async () => {
    const field = `${'a'.repeat(999)},`;
    const line = utf8(field.repeat(10 * 1024));
    await expectImportError(() => parseImport(line), 'FIELD_TOO_LARGE', /Row 1 is longer than 1048576 characters/);
  });

  it('rejects a million columns', async () => {
    const line = utf8(`${','.repeat(1_000_000)}\n1,2\n`);
    await expectImportError(() => parseImport(line), 'TOO_MANY_COLUMNS', /more than 16384 columns/);
  });

  it('rejects a workbook row beyond the last column', async () => {
    const sheet = '<worksheet><sheetData><row r="1"><c r="ZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    await expectImportError(() => parseImport(bytes), 'TOO_MANY_COLUMNS', /more than 16384 columns/);
  });
});

describe('workbooks that are not what they claim', () => {
  it('rejects a CSV renamed to .xlsx', async () => {
    await expectImportError(() => parseImport(utf8(oneRow), { fileName: 'ledger.xlsx' }), 'NOT_A_WORKBOOK', /probably a CSV file renamed to \.xlsx/);
  });

  it('rejects garbage named .xlsx', async () => {
    await expectImportError(() => parseImport(garbage(4096), { fileName: 'ledger.xlsx' }), 'NOT_A_WORKBOOK', /not an Excel workbook/);
  });

  it('rejects a zip without a workbook', async () => {
    const bytes = zipSync({ 'ledger.csv': strToU8(oneRow) });
    await expectImportError(() => parseImport(bytes), 'INVALID_WORKBOOK', /xl\/workbook\.xml is missing/);
  });

  it('stops a zip bomb at the limit', async () => {
    const row = '<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${row.repeat(800_000)}</sheetData></worksheet>`),
    });
    expect(bytes.length).toBeLessThan(1_000_000);
    await expectImportError(() => parseImport(bytes, { limits: { maxDecompressedBytes: 8_000_000 } }), 'DECOMPRESSED_TOO_LARGE', /zip bomb/);
  });

  it('rejects an entry that declares more than the limit', async () => {
    const bytes = setDeclaredSize(buildXlsx([{ name: 'S', rows: [['x']] }]), 'xl/worksheets/sheet1.xml', 4_000_000_000);
    await expectImportError(() => parseImport(bytes), 'DECOMPRESSED_TOO_LARGE', /more than 2147483648 bytes/);
  });

  it('stops an entry that inflates past its declared size', async () => {
    const built = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${'<row/>'.repeat(2_000_000)}</sheetData></worksheet>`),
    });
    const bytes = setDeclaredSize(built, 'xl/worksheets/sheet1.xml', 1000);
    await expectImportError(() => parseImport(bytes), 'DECOMPRESSED_TOO_LARGE', /more than the 1000 bytes its zip directory declares/);
  });
});

describe('invalid XML', () => {
  it('rejects XML that is not a Tally export', async () => {
    await expectImportError(() => parseImport(utf8('<?xml version="1.0"?><html><body/></html>')), 'NOT_TALLY_XML', /<html>/);
    await expectImportError(() => parseImport(utf8('<ENVELOPE><HEADER/></ENVELOPE>')), 'NOT_TALLY_XML', /no Tally objects/);
  });

  it('rejects broken XML', async () => {
    await expectImportError(() => parseImport(utf8('<ENVELOPE><BODY></HEADER></ENVELOPE>')), 'INVALID_XML', /not valid XML/);
  });
});

describe('invalid mapping', () => {
  it('rejects a mapping with a bad field', () => {
    expect(() => parseImportMapping({ version: 1, preset: 'x', layout: 'sideways' })).toThrow(/mapping\.layout/);
  });

  it('rejects an unknown default currency', async () => {
    await expectImportError(() => parseImport(utf8(oneRow), { defaultCurrency: 'XYZ' }), 'INVALID_MAPPING', /"XYZ"/);
  });
});

describe('mixed encodings in one chunk', () => {
  it('rejects UTF-8 next to a Windows-1252 byte', async () => {
    const encoder = new TextEncoder();
    const bytes = new Uint8Array([...encoder.encode('Invoice Number,Customer Name,Invoice Date,Due Date,Amount\nA-1,Café Co,2024-04-01,2024-05-01,1\nA-2,Caf'), 0xe9, ...encoder.encode(',2024-04-01,2024-05-01,1\n')]);
    await expect(parseImport(bytes)).rejects.toMatchObject({ code: 'ENCODING_MISMATCH' });
  });

  it('reads a pure Windows-1252 file', async () => {
    const encoder = new TextEncoder();
    const bytes = new Uint8Array([...encoder.encode('Invoice Number,Customer Name,Invoice Date,Due Date,Amount\nA-1,Caf'), 0xe9, ...encoder.encode(' Co,2024-04-01,2024-05-01,1\n')]);
    const result = await parseImport(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.customers[0]?.name).toBe('Café Co');
  });
});
