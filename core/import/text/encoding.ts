import { ImportError } from '../errors';
import type { PeekableBytes } from '../source';
import { rejectBinary } from './binary';
import { createTextDecoder } from './text-decoder';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const sampleBytes = 65_536;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function encodingFromBom(sample: Uint8Array): TextEncodingName | null {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** Detects UTF-16 without a BOM from NUL bytes in every other position of mostly-ASCII text. */
function sniffUtf16WithoutBom(sample: Uint8Array): TextEncodingName | null {
  const length = Math.min(sample.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (sample[index] === 0) evenZeros++;
    if (sample[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Returns false when the sample has a byte sequence that is not UTF-8. A sequence cut off at the
 * end of the sample does not count, so a file cut inside a character is reported as truncated
 * later instead of being read as Windows-1252.
 */
function isUtf8Sample(sample: Uint8Array): boolean {
  try {
    createTextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Chooses the encoding from the BOM, then UTF-16 NUL patterns, then whether the first 64 KB are
 * valid UTF-8 (Windows-1252 otherwise). Rejects UTF-32, binary files and a requested encoding the
 * bytes contradict.
 */
export async function detectEncoding(bytes: PeekableBytes, requested: TextEncodingName | undefined): Promise<TextEncodingName> {
  const sample = await bytes.peek(sampleBytes);

  if (startsWith(sample, [0xff, 0xfe, 0, 0]) || startsWith(sample, [0, 0, 0xfe, 0xff])) {
    throw new ImportError('UNSUPPORTED_ENCODING', 'The file is UTF-32 text, which is not supported: save it as UTF-8 or UTF-16 and import it again.');
  }
  const detected = encodingFromBom(sample) ?? sniffUtf16WithoutBom(sample);

  if (detected === null) rejectBinary(sample);
  if (requested !== undefined) {
    checkRequestedEncoding(requested, detected, sample);
    return requested;
  }
  if (detected !== null) return detected;
  if (isUtf8Sample(sample)) return 'utf-8';
  const scan = scanUtf8(sample);
  // Valid multi-byte UTF-8 next to bytes that are not UTF-8 means two encodings in one file:
  // reading it all as Windows-1252 would turn every accented UTF-8 letter into two wrong ones.
  if (scan.validMultibyte > 0) throw invalidBytes('utf-8', scan.firstInvalid);
  return 'windows-1252';
}

/** Returns the length of the UTF-8 sequence a lead byte starts, or 0 for a byte that cannot start one. */
function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Counts well-formed multi-byte UTF-8 sequences and finds the first byte that breaks UTF-8. */
function scanUtf8(sample: Uint8Array): { validMultibyte: number; firstInvalid: number } {
  let validMultibyte = 0;
  let firstInvalid = -1;
  let index = 0;
  while (index < sample.length) {
    const lead = sample[index] ?? 0;
    const length = utf8SequenceLength(lead);
    let valid = length > 0 && index + length <= sample.length;
    for (let next = 1; valid && next < length; next++) valid = ((sample[index + next] ?? 0) & 0xc0) === 0x80;
    if (!valid) {
      if (firstInvalid < 0) firstInvalid = index;
      index += 1;
      continue;
    }
    if (length > 1) validMultibyte += 1;
    index += length;
  }
  return { validMultibyte, firstInvalid: Math.max(0, firstInvalid) };
}

function checkRequestedEncoding(
  requested: TextEncodingName,
  detected: TextEncodingName | null,
  sample: Uint8Array,
): void {
  const requestedUtf16 = requested.startsWith('utf-16');
  const detectedUtf16 = detected?.startsWith('utf-16') ?? false;
  const mismatch =
    (requestedUtf16 && detected !== requested) ||
    (!requestedUtf16 && detectedUtf16) ||
    (requested === 'utf-8' && detected === null && !isUtf8Sample(sample));
  if (mismatch) {
    const found = detected ?? (isUtf8Sample(sample) ? 'utf-8' : 'an 8-bit encoding such as Windows-1252');
    throw new ImportError(
      'ENCODING_MISMATCH',
      `The file was opened as ${requested}, but its bytes are ${found}: choose the matching encoding or let the import detect it.`,
      { requested, found },
    );
  }
}

const nonAsciiPattern = /[\u0080-\uffff]/;

/**
 * Decodes a byte stream to text chunks. UTF-8 that turns out invalid after the first 64 KB is
 * re-read as Windows-1252 when nothing before it was non-ASCII. Otherwise the file mixes
 * encodings, and the import stops with the byte offset.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: TextEncodingName): AsyncGenerator<string> {
  let decoder = createTextDecoder(encoding, { fatal: true });
  let current = encoding;
  let offset = 0;
  let sawNonAscii = false;

  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      if (current !== 'utf-8' || sawNonAscii) throw invalidBytes(current, offset);
      current = 'windows-1252';
      decoder = createTextDecoder(current, { fatal: true });
      text = decoder.decode(chunk, { stream: true });
    }
    if (!sawNonAscii && nonAsciiPattern.test(text)) sawNonAscii = true;
    offset += chunk.length;
    if (text !== '') yield text;
  }

  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    throw new ImportError(
      'TRUNCATED_FILE',
      `The file ends in the middle of a ${current} character, so it is probably cut off: export or copy it again.`,
      { offset },
    );
  }
}

function invalidBytes(encoding: TextEncodingName, offset: number): ImportError {
  return new ImportError(
    'ENCODING_MISMATCH',
    `The text is not valid ${encoding} near byte ${offset}: the file mixes encodings or is damaged. Save it again as UTF-8 and import it again.`,
    { encoding, offset },
  );
}
