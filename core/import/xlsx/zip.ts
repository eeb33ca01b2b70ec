import { Inflate } from 'fflate';
import { ImportError } from '../errors';
import { createTextDecoder } from '../text/text-decoder';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const zip64Marker = 0xffffffff;
/** Compressed bytes per inflate step. Deflate expands at most 1032:1, so one step yields at most about 16 MB. */
const inflateStepBytes = 16_384;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function damaged(reason: string): ImportError {
  return new ImportError('INVALID_WORKBOOK', `The workbook is damaged (${reason}): open it in Excel, save it again and import the new file.`);
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const data = view(bytes);
  const earliest = Math.max(0, bytes.length - 22 - 65_535);
  for (let offset = bytes.length - 22; offset >= earliest; offset--) {
    if (data.getUint32(offset, true) === endOfDirectorySignature) return offset;
  }
  throw new ImportError(
    'TRUNCATED_FILE',
    'The workbook is incomplete: its zip directory is missing, so the file was probably cut off while copying or downloading. Copy or export it again.',
  );
}

/** Reads the central directory of a zip archive held in memory. */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const data = view(bytes);
  const end = findEndOfDirectory(bytes);
  const entryCount = data.getUint16(end + 10, true);
  const directoryOffset = data.getUint32(end + 16, true);
  if (directoryOffset === zip64Marker) {
    throw new ImportError('INVALID_WORKBOOK', 'The workbook uses ZIP64 (over 4 GB), which is not supported: split it or export CSV instead.');
  }

  const entries = new Map<string, ZipEntry>();
  let offset = directoryOffset;
  const decoder = createTextDecoder('utf-8');
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== directoryEntrySignature) {
      throw damaged('its zip directory is invalid');
    }
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    const entry: ZipEntry = {
      flags: data.getUint16(offset + 8, true),
      method: data.getUint16(offset + 10, true),
      compressedSize: data.getUint32(offset + 20, true),
      uncompressedSize: data.getUint32(offset + 24, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    };
    entries.set(entry.name.replace(/^\//, ''), entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Counts bytes inflated from one archive and stops the import when they pass the limit, which
 * is what defeats a zip bomb.
 */
export class DecompressionBudget {
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  reserve(entry: ZipEntry): void {
    if (entry.uncompressedSize === zip64Marker || this.used + entry.uncompressedSize > this.maxBytes) throw this.exceeded(entry);
  }

  spend(entry: ZipEntry, bytes: number): void {
    this.used += bytes;
    if (this.used > this.maxBytes) throw this.exceeded(entry);
  }

  private exceeded(entry: ZipEntry): ImportError {
    return new ImportError(
      'DECOMPRESSED_TOO_LARGE',
      `The workbook inflates to more than ${this.maxBytes} bytes (entry ${entry.name}), which is a zip bomb or far larger than a ledger: it was not opened. Export the data as CSV instead.`,
      { entry: entry.name, maxBytes: this.maxBytes },
    );
  }
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const offset = entry.localHeaderOffset;
  if (offset + 30 > bytes.length || data.getUint32(offset, true) !== localHeaderSignature) {
    throw damaged(`the header of ${entry.name} is missing`);
  }
  const start = offset + 30 + data.getUint16(offset + 26, true) + data.getUint16(offset + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw new ImportError('TRUNCATED_FILE', `The workbook is cut off inside ${entry.name}: copy or export it again.`);
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates one entry step by step and yields its bytes. Output beyond the entry's declared size
 * or the budget stops the import before it is held in memory.
 */
export function* inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: DecompressionBudget): Generator<Uint8Array> {
  if ((entry.flags & 1) !== 0) {
    throw new ImportError('INVALID_WORKBOOK', 'The workbook is encrypted with a password: remove the password in Excel and import it again.');
  }
  budget.reserve(entry);
  const compressed = entryData(bytes, entry);

  if (entry.method === 0) {
    budget.spend(entry, compressed.length);
    yield compressed;
    return;
  }
  if (entry.method !== 8) throw damaged(`${entry.name} uses compression method ${entry.method}`);

  let produced = 0;
  let pending: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) {
      throw new ImportError(
        'DECOMPRESSED_TOO_LARGE',
        `The workbook entry ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes its zip directory declares, so it is a zip bomb or damaged: it was not opened. Save it again from Excel, or export CSV.`,
        { entry: entry.name },
      );
    }
    budget.spend(entry, chunk.length);
    if (chunk.length > 0) pending.push(chunk);
  });

  for (let offset = 0; offset < compressed.length; offset += inflateStepBytes) {
    const end = Math.min(compressed.length, offset + inflateStepBytes);
    try {
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw damaged(`${entry.name} cannot be decompressed`);
    }
    yield* pending;
    pending = [];
  }
  if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  yield* pending;
}
