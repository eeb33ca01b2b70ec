import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRequestOptions } from '../../core/contract/imports';
import type { Services } from '../../main/services/index';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';
import { buildXlsx, setDeclaredSize } from '../unit/import/xlsx-builder';

const header = 'Invoice Number,Customer Name,Invoice Date,Due Date,Amount\r\n';
const goodRow = 'INV-001,Acme Traders,15/04/2024,15/05/2024,"1,00,000.00"\r\n';

function bomb(): Uint8Array {
  const row = '<row><c t="inlineStr"><is><t>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</t></is></c></row>';
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${row.repeat(400_000)}</sheetData></worksheet>`),
  });
}

/** Malformed inputs, each with the file name it arrives under and a pattern its error message must match. */
const cases: { name: string; fileName: string; bytes: () => Uint8Array; message: RegExp; options?: ImportRequestOptions }[] = [
  { name: 'empty file', fileName: 'empty.csv', bytes: () => new Uint8Array(0), message: /empty/i },
  { name: 'header only', fileName: 'header.csv', bytes: () => strToU8(header), message: /header|no rows|no data/i },
  { name: 'binary garbage', fileName: 'garbage.csv', bytes: () => Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256), message: /binary|not a text|cannot/i },
  { name: 'truncated quoted field', fileName: 'cut.csv', bytes: () => strToU8(`${header}${goodRow}INV-002,"Acme Tra`), message: /cut|truncat|quote/i },
  { name: 'UTF-8 mixed with Windows-1252', fileName: 'mixed.csv', bytes: () => Uint8Array.from([...strToU8(header), ...strToU8('INV-1,Café Co,15/04/2024,15/05/2024,10\r\n'), ...strToU8('INV-2,Caf'), 0xe9, ...strToU8(' Ltd,15/04/2024,15/05/2024,10\r\n')]), message: /not valid utf-8 near byte \d+/i },
  { name: 'a file opened as UTF-16', fileName: 'utf8.csv', bytes: () => strToU8(`${header}${goodRow}`), message: /opened as utf-16le/i, options: { encoding: 'utf-16le' } },
  { name: '10 MB single line', fileName: 'line.csv', bytes: () => strToU8(`${header}${'x'.repeat(10 * 1024 * 1024)}`), message: /larger|too (long|large)|limit/i },
  { name: 'a million columns', fileName: 'wide.csv', bytes: () => strToU8(`${'c,'.repeat(1_000_000)}c\r\n`), message: /columns/i },
  { name: 'zip bomb', fileName: 'bomb.xlsx', bytes: bomb, message: /zip bomb|more than/i },
  { name: 'zip declaring a huge entry', fileName: 'declared.xlsx', bytes: () => setDeclaredSize(buildXlsx([{ name: 'S', rows: [['Invoice Number']] }]), 'xl/worksheets/sheet1.xml', 4_000_000_000), message: /more than/i },
  { name: 'CSV renamed to .xlsx', fileName: 'renamed.xlsx', bytes: () => strToU8(`${header}${goodRow}`), message: /not .*(workbook|xlsx|zip)|renamed|CSV/i },
  { name: 'truncated Tally XML', fileName: 'daybook.xml', bytes: () => strToU8('<ENVELOPE><HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER><BODY><IMPORTDATA><REQUESTDATA><TALLYMESSAGE><LEDGER NAME="Customer 01"><PARENT>Sundry Debtors</PARENT>'), message: /cut|truncat|incomplete|end/i },
];

describe('malformed imports', () => {
  const temp = makeTempDir('duewatch-malformed-');
  let services: Services;

  beforeAll(async () => {
    services = createTestServices(temp.path, { importLimits: { maxDecompressedBytes: 8_000_000 } });
    await services.ledgers.create('Shop', testPassphrase);
    const good = join(temp.path, 'good.csv');
    writeFileSync(good, `${header}${goodRow}`);
    const file = services.imports.intake.registerPath(good);
    await services.imports.commit(file.fileId, {});
  });

  afterAll(async () => {
    await services.shutdown();
    temp.remove();
  });

  for (const testCase of cases) {
    it(`rejects ${testCase.name} and changes nothing`, async () => {
      const { db } = services.session.require().database;
      const before = await ledgerFingerprint(db);
      const path = join(temp.path, testCase.fileName);
      writeFileSync(path, testCase.bytes());
      const file = services.imports.intake.registerPath(path);
      const failure = await services.imports.commit(file.fileId, testCase.options ?? {}).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure, 'the import should fail').toMatchObject({ code: 'invalid_input' });
      expect((failure as Error).message).toMatch(testCase.message);
      expect(await ledgerFingerprint(db)).toBe(before);
      services.imports.discard(file.fileId);
    });
  }

  it('kept the good import', () => {
    const { raw } = services.session.require().database;
    expect(raw.prepare('select amount_minor from invoices').pluck().all()).toEqual([10_000_000]);
  });
});
