import { ImportError } from '../errors';
import { findEntry, parseXmlEntry, type Archive } from './entries';

/**
 * Reads the shared-string table (`si` items of xl/sharedStrings.xml), joining rich-text runs and
 * leaving out phonetic guides (`rPh`).
 */
export function readSharedStrings(archive: Archive, path: string | null, maxFieldChars: number): string[] {
  const entry = path === null ? undefined : findEntry(archive, path);
  if (entry === undefined) return [];

  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phoneticDepth = 0;
  let currentLength = 0;

  parseXmlEntry(archive, entry, {
    open: (name) => {
      if (name === 'si') {
        current = [];
        currentLength = 0;
      } else if (name === 'rPh') phoneticDepth++;
      else if (name === 't' && phoneticDepth === 0) inText = true;
    },
    text: (text) => {
      if (!inText || current === null) return;
      currentLength += text.length;
      if (currentLength > maxFieldChars) {
        throw new ImportError('FIELD_TOO_LARGE', `The workbook has a text cell longer than ${maxFieldChars} characters, which is not a ledger value.`);
      }
      current.push(text);
    },
    close: (name) => {
      if (name === 'si' && current !== null) {
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phoneticDepth--;
      else if (name === 't') inText = false;
    },
  });
  return strings;
}
