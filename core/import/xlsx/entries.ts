import { ImportError } from '../errors';
import { XmlStream, type XmlHandlers } from '../xml/sax';
import { inflateEntry, type DecompressionBudget, type ZipEntry } from './zip';
import { createTextDecoder } from '../text/text-decoder';

/** Archive bytes with their directory and the shared decompression budget. */
export interface Archive {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
  readonly budget: DecompressionBudget;
}

export function findEntry(archive: Archive, path: string): ZipEntry | undefined {
  return archive.entries.get(path) ?? [...archive.entries.values()].find((entry) => entry.name.toLowerCase() === path.toLowerCase());
}

export function requireEntry(archive: Archive, path: string): ZipEntry {
  const entry = findEntry(archive, path);
  if (entry === undefined) {
    throw new ImportError('INVALID_WORKBOOK', `The file is a zip archive but not an Excel workbook (${path} is missing): save it from Excel as .xlsx.`);
  }
  return entry;
}

/**
 * Streams one XML entry through the handlers, yielding after each inflated chunk so a caller can
 * take the rows parsed so far.
 */
export function* streamXmlEntry(archive: Archive, entry: ZipEntry, handlers: XmlHandlers): Generator<void> {
  const decoder = createTextDecoder('utf-8');
  const xml = new XmlStream(`Workbook part ${entry.name}`, handlers);
  for (const chunk of inflateEntry(archive.bytes, entry, archive.budget)) {
    xml.write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  xml.write(decoder.decode());
  xml.close();
}

/** Parses a whole XML entry, for the small parts (workbook, relationships, styles). */
export function parseXmlEntry(archive: Archive, entry: ZipEntry, handlers: XmlHandlers): void {
  for (const _ of streamXmlEntry(archive, entry, handlers)) {
    // Handlers collect the results.
  }
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolvePartPath(ownerFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${ownerFolder}/${target}`.split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}
