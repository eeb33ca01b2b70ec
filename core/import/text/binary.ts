import { ImportError } from '../errors';

const knownBinaryFormats: readonly { readonly magic: readonly number[]; readonly name: string; readonly advice: string }[] = [
  { magic: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document', advice: 'export the report as Excel (.xlsx) or CSV instead' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: 'an Excel 97–2003 workbook (.xls)', advice: 'open it in Excel and save it as .xlsx or CSV' },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive', advice: 'import it as an .xlsx workbook, or extract the CSV inside it' },
  { magic: [0x1f, 0x8b], name: 'a gzip archive', advice: 'extract the file inside it first' },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image', advice: 'choose the ledger export instead' },
  { magic: [0xff, 0xd8, 0xff], name: 'a JPEG image', advice: 'choose the ledger export instead' },
];

/** Share of control bytes above which a file counts as binary; text exports have next to none. */
const maxControlShare = 0.01;

function isTextControl(byte: number): boolean {
  // Tab, line feed, vertical tab, form feed, carriage return, and 0x04/0x05, which Tally writes.
  return byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d || byte === 0x04 || byte === 0x05;
}

/** Throws `BINARY_FILE` when an 8-bit sample is a known binary format or is not text. */
export function rejectBinary(sample: Uint8Array): void {
  for (const format of knownBinaryFormats) {
    if (format.magic.every((value, index) => sample[index] === value)) {
      throw new ImportError('BINARY_FILE', `The file is ${format.name}, not a text export: ${format.advice}.`);
    }
  }

  let nulBytes = 0;
  let controlBytes = 0;
  for (const byte of sample) {
    if (byte === 0) nulBytes++;
    else if (byte < 0x20 && !isTextControl(byte)) controlBytes++;
  }
  if (nulBytes > 0 || controlBytes > sample.length * maxControlShare) {
    throw new ImportError(
      'BINARY_FILE',
      'The file contains binary data, not text: choose a CSV, XLSX or Tally XML export. If it is one, it is damaged; export it again.',
      { nulBytes, controlBytes },
    );
  }
}
