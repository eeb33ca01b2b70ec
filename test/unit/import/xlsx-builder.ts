import { zipSync, strToU8 } from 'fflate';

/**
 * Cells of a test workbook: text goes to the shared-string table, `{ inline }` is an inline
 * string, numbers are numeric cells, `{ date }` is a serial with a date style, `{ formula }` is a
 * formula with its cached value.
 */
export type TestCell = string | number | null | { inline: string } | { date: number } | { formula: string; value: number };

export interface TestSheet {
  readonly name: string;
  readonly rows: readonly (readonly TestCell[])[];
  /** Ranges such as "A1:F1", written after sheetData as Excel does. */
  readonly merges?: readonly string[];
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) name = String.fromCharCode(65 + ((value - 1) % 26)) + name;
  return name;
}

function sheetXml(sheet: TestSheet, sharedStrings: string[]): string {
  const rows = sheet.rows.map((cells, rowIndex) => {
    const row = rowIndex + 1;
    const xmlCells = cells.map((cell, columnIndex) => {
      const reference = `${columnName(columnIndex)}${row}`;
      if (cell === null) return '';
      if (typeof cell === 'string') {
        let index = sharedStrings.indexOf(cell);
        if (index === -1) index = sharedStrings.push(cell) - 1;
        return `<c r="${reference}" t="s"><v>${index}</v></c>`;
      }
      if (typeof cell === 'number') return `<c r="${reference}"><v>${cell}</v></c>`;
      if ('inline' in cell) return `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
      if ('date' in cell) return `<c r="${reference}" s="1"><v>${cell.date}</v></c>`;
      return `<c r="${reference}"><f>${escapeXml(cell.formula)}</f><v>${cell.value}</v></c>`;
    });
    return `<row r="${row}">${xmlCells.join('')}</row>`;
  });
  const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((range) => `<mergeCell ref="${range}"/>`).join('')}</mergeCells>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData>${merges}</worksheet>`;
}

/** Builds an XLSX file with the parts Excel writes: workbook, relationships, styles, shared strings and sheets. */
export function buildXlsx(sheets: readonly TestSheet[], options: { date1904?: boolean } = {}): Uint8Array {
  const sharedStrings: string[] = [];
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, index) => {
    files[`xl/worksheets/sheet${index + 1}.xml`] = strToU8(sheetXml(sheet, sharedStrings));
  });
  const workbookSheets = sheets.map((sheet, index) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  const sheetRelationships = sheets
    .map((_, index) => `<Relationship Id="rId${index + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`)
    .join('');
  const count = sheets.length;

  files['[Content_Types].xml'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets>${workbookSheets}</sheets></workbook>`,
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRelationships}<Relationship Id="rId${count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${count + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files['xl/styles.xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mmm\\-yy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((text) => `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`).join('')}</sst>`,
  );
  return zipSync(files);
}

/** Finds the central-directory record of an entry and returns the offsets of its size fields. */
export function setDeclaredSize(zip: Uint8Array, entryName: string, uncompressedSize: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const name = new TextEncoder().encode(entryName);
  for (let offset = 0; offset + 46 < copy.length; offset++) {
    if (view.getUint32(offset, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(offset + 28, true);
    const found = copy.subarray(offset + 46, offset + 46 + nameLength);
    if (nameLength === name.length && found.every((byte, index) => byte === name[index])) {
      view.setUint32(offset + 24, uncompressedSize, true);
      return copy;
    }
  }
  throw new Error(`Entry ${entryName} not found in the test zip.`);
}
