import { ImportError } from '../errors';
import { findEntry, parseXmlEntry, requireEntry, resolvePartPath, type Archive } from './entries';

export interface SheetInfo {
  readonly name: string;
  readonly path: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly SheetInfo[];
  /** True for workbooks in the 1904 date system. */
  readonly date1904: boolean;
  readonly sharedStringsPath: string | null;
  readonly stylesPath: string | null;
}

function readRelationships(archive: Archive, path: string): Map<string, { target: string; type: string }> {
  const relationships = new Map<string, { target: string; type: string }>();
  const entry = findEntry(archive, path);
  if (entry === undefined) return relationships;
  parseXmlEntry(archive, entry, {
    open: (name, attributes) => {
      if (name === 'Relationship' && attributes.Id !== undefined && attributes.Target !== undefined) {
        relationships.set(attributes.Id, { target: attributes.Target, type: attributes.Type ?? '' });
      }
    },
  });
  return relationships;
}

/** Reads the sheet list, date system and part paths from xl/workbook.xml and its relationships. */
export function readWorkbook(archive: Archive): WorkbookInfo {
  const workbookPath = 'xl/workbook.xml';
  const workbookEntry = requireEntry(archive, workbookPath);
  const relationships = readRelationships(archive, 'xl/_rels/workbook.xml.rels');

  const sheets: SheetInfo[] = [];
  let date1904 = false;
  parseXmlEntry(archive, workbookEntry, {
    open: (name, attributes) => {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const relationId = attributes['r:id'] ?? Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1];
      const target = relationId === undefined ? undefined : relationships.get(relationId)?.target;
      const path = target === undefined ? `xl/worksheets/sheet${sheets.length + 1}.xml` : resolvePartPath('xl', target);
      sheets.push({ name: attributes.name ?? `Sheet${sheets.length + 1}`, path });
    },
  });

  const partOfType = (suffix: string, fallback: string): string | null => {
    const found = [...relationships.values()].find((relationship) => relationship.type.endsWith(suffix));
    const path = found === undefined ? fallback : resolvePartPath('xl', found.target);
    return findEntry(archive, path) === undefined ? null : path;
  };

  return {
    sheets,
    date1904,
    sharedStringsPath: partOfType('/sharedStrings', 'xl/sharedStrings.xml'),
    stylesPath: partOfType('/styles', 'xl/styles.xml'),
  };
}

/** Picks a sheet by name (case-insensitive) or 0-based index; the first sheet by default. */
export function chooseSheet(workbook: WorkbookInfo, wanted: string | number | undefined): SheetInfo {
  const names = workbook.sheets.map((sheet) => `"${sheet.name}"`).join(', ');
  if (workbook.sheets.length === 0) throw new ImportError('INVALID_WORKBOOK', 'The workbook has no worksheets.');
  const sheet =
    wanted === undefined
      ? workbook.sheets[0]
      : typeof wanted === 'number'
        ? workbook.sheets[wanted]
        : workbook.sheets.find((candidate) => candidate.name.toLowerCase() === wanted.trim().toLowerCase());
  if (sheet === undefined) {
    throw new ImportError('SHEET_NOT_FOUND', `The workbook has no sheet ${typeof wanted === 'number' ? `number ${wanted + 1}` : `"${String(wanted)}"`}: choose one of ${names}.`);
  }
  return sheet;
}
