import { findEntry, parseXmlEntry, type Archive } from './entries';

/**
 * Built-in number format ids that show dates or times: 14–22 and 45–47, plus the ids 27–36 and
 * 50–58 that East Asian locales use for dates.
 */
function isBuiltInDateFormat(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Returns true when a custom format code shows a date: it has y or d, or m next to y/d, outside quotes and brackets. */
export function isDateFormatCode(code: string): boolean {
  const visible = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .split(';')[0]
    ?.toLowerCase() ?? '';
  return /[yd]/.test(visible) || (/m/.test(visible) && /[ysd]/.test(visible) && !/h/.test(visible));
}

/** For each cell style index (the `s` attribute of a cell), whether it shows a date. */
export function readDateStyles(archive: Archive, stylesPath: string | null): boolean[] {
  const entry = stylesPath === null ? undefined : findEntry(archive, stylesPath);
  if (entry === undefined) return [];

  const customFormats = new Map<number, string>();
  const dateStyles: boolean[] = [];
  let inCellFormats = false;
  parseXmlEntry(archive, entry, {
    open: (name, attributes) => {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      if (name === 'cellXfs') inCellFormats = true;
      if (name === 'xf' && inCellFormats) {
        const id = Number(attributes.numFmtId ?? 0);
        const custom = customFormats.get(id);
        dateStyles.push(custom === undefined ? isBuiltInDateFormat(id) : isDateFormatCode(custom));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return dateStyles;
}
