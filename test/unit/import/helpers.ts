import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../../core/import/errors';

export const fixturesFolder = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixturesFolder, name)));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
}

export function utf16be(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  body.swap16();
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), body]));
}

/** Encodes text as Windows-1252, for the characters the tests use. */
export function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96 };
  return new Uint8Array([...text].map((character) => special[character] ?? character.charCodeAt(0)));
}

/** Streams bytes in small chunks, so every reader meets chunk boundaries inside values. */
export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.slice(offset, offset + size);
}

/** Runs `action` and checks that it throws an ImportError with the code and a message matching `message`. */
export async function expectImportError(action: () => Promise<unknown>, code: ImportErrorCode, message: RegExp): Promise<ImportError> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  const importError = caught as ImportError;
  expect(importError.code).toBe(code);
  expect(importError.message).toMatch(message);
  return importError;
}
