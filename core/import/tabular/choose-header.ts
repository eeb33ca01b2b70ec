import { ImportError } from '../errors';
import { combineHeaderRows, detectHeader, headerSearchRows, uniqueHeaders } from '../mapping/detect';
import type { ImportMapping } from '../mapping/mapping';
import { findPreset } from '../mapping/presets';
import type { RawRow } from './raw-row';

export interface ChosenHeader {
  readonly preset: string;
  readonly mapping: ImportMapping;
  /** Index into the buffered rows of the last header row. */
  readonly headerIndex: number;
  readonly headers: readonly string[];
}

function headersAt(rows: readonly RawRow[], index: number, rowCount: 1 | 2): string[] {
  const last = rows[index];
  if (last === undefined) return [];
  if (rowCount === 1) return uniqueHeaders(last.cells);
  return uniqueHeaders(combineHeaderRows(rows[index - 1]?.cells ?? [], last.cells));
}

/** Finds the header row a saved mapping describes: its stored row number, else the first row with all mapped columns. */
function headerForMapping(rows: readonly RawRow[], mapping: ImportMapping): ChosenHeader {
  const wanted = Object.values(mapping.columns).map((header) => header.toLowerCase());
  const fits = (index: number): boolean => {
    const headers = headersAt(rows, index, mapping.headerRowCount).map((header) => header.toLowerCase());
    return wanted.every((header) => headers.includes(header));
  };

  let index = mapping.headerRow === null ? -1 : rows.findIndex((row) => row.number === mapping.headerRow);
  if (index === -1 || !fits(index)) {
    index = -1;
    for (let candidate = 0; candidate < Math.min(rows.length, headerSearchRows); candidate++) {
      if (fits(candidate)) {
        index = candidate;
        break;
      }
    }
  }
  if (index === -1) {
    throw new ImportError(
      'INVALID_MAPPING',
      `No row in the first ${headerSearchRows} has all the columns of the saved mapping (${Object.values(mapping.columns).join(', ')}): map the columns again.`,
    );
  }
  return { preset: mapping.preset, mapping: { ...mapping, headerRow: rows[index]?.number ?? null }, headerIndex: index, headers: headersAt(rows, index, mapping.headerRowCount) };
}

/**
 * Chooses the header and mapping: the caller's mapping, else the best preset (or the requested
 * one). Throws `NO_HEADER` listing the first row's cells when no preset fits.
 */
export function chooseHeader(rows: readonly RawRow[], options: { mapping?: ImportMapping; preset?: string; defaultCurrency: string }): ChosenHeader {
  if (options.mapping !== undefined) return headerForMapping(rows, options.mapping);
  if (options.preset !== undefined && findPreset(options.preset) === undefined) {
    throw new ImportError('INVALID_MAPPING', `There is no import preset "${options.preset}".`);
  }

  const detected = detectHeader(rows, options.defaultCurrency, options.preset);
  if (detected !== null) {
    return { preset: detected.preset.id, mapping: detected.mapping, headerIndex: detected.headerIndex, headers: detected.headers };
  }

  const firstRow = rows.find((row) => row.cells.some((cell) => cell.trim() !== ''));
  const cells = (firstRow?.cells ?? []).filter((cell) => cell.trim() !== '').slice(0, 12);
  const wanted = options.preset === undefined ? 'a known layout' : `the "${options.preset}" layout`;
  throw new ImportError(
    'NO_HEADER',
    `No header row in the first ${headerSearchRows} rows matches ${wanted}. The first row has: ${cells.map((cell) => `"${cell}"`).join(', ')}. Map the columns by hand.`,
  );
}
