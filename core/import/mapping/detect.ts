import type { RawRow } from '../tabular/raw-row';
import { readAmount } from '../values/amounts';
import { readDate } from '../values/dates';
import { emptyMapping, type ImportField, type ImportMapping } from './mapping';
import { normalizeHeader, presets, type Preset } from './presets';

/** Rows searched for the header, leaving room for report titles, addresses and blank lines above it. */
export const headerSearchRows = 30;

/** Ageing-bucket headers: "0-30 days", "31 - 60", "> 90 Days", "< 1 Month", "1 Month", "Older". */
const agingHeaderPattern = /^\s*(?:[<>]=?\s*\d+\s*(?:days?|months?)?|\d+\s*(?:-|to)\s*\d+\s*(?:days?)?|\d+\s*months?|current|older|above\s*\d+.*)\s*$/i;

export interface HeaderChoice {
  readonly preset: Preset;
  readonly mapping: ImportMapping;
  /** Index into the searched rows of the last header row. */
  readonly headerIndex: number;
  readonly headers: readonly string[];
}

function isValueCell(cell: string): boolean {
  const text = cell.trim();
  if (text === '') return false;
  return readDate(text).kind !== 'invalid' || readAmount(text, { defaultCurrency: 'INR' }).kind === 'amount';
}

/**
 * Joins a two-row header cell by cell ("Pending" + "Amount"). A group label in the first row
 * that sits over several sub-labels is carried right across the blanks next to it, as merged
 * cells lose it on export.
 */
export function combineHeaderRows(top: readonly string[], bottom: readonly string[]): string[] {
  const width = Math.max(top.length, bottom.length);
  const combined: string[] = [];
  let carried = '';
  for (let index = 0; index < width; index++) {
    const upper = (top[index] ?? '').trim();
    const lower = (bottom[index] ?? '').trim();
    if (upper !== '') carried = lower !== '' ? upper : '';
    let label = '';
    if (upper !== '') label = upper;
    else if (lower !== '') label = carried;
    combined.push([label, lower].filter((part) => part !== '').join(' '));
  }
  return combined;
}

/** Labels blank headers "Column C" and repeated ones "Amount (2)", so every column has a unique name. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    let name = cell.replace(/\s+/g, ' ').trim();
    if (name === '') name = `Column ${columnLetters(index)}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

export function columnLetters(index: number): string {
  let letters = '';
  for (let value = index + 1; value > 0; value = Math.floor((value - 1) / 26)) {
    letters = String.fromCharCode(65 + ((value - 1) % 26)) + letters;
  }
  return letters;
}

/** Maps preset fields to headers. Returns null when a required field or header is missing. */
export function matchPreset(preset: Preset, headers: readonly string[], titleText: string): { columns: Partial<Record<ImportField, string>>; score: number } | null {
  const normalized = headers.map(normalizeHeader);
  if (preset.requiredHeader && !normalized.some((header) => preset.requiredHeader?.test(header))) return null;
  if (preset.title && !preset.title.test(titleText)) return null;

  const used = new Set<number>();
  const columns: Partial<Record<ImportField, string>> = {};
  let score = preset.title ? 2 : 0;
  for (const [field, spec] of Object.entries(preset.fields) as [ImportField, { names: readonly string[]; required?: boolean }][]) {
    let found = -1;
    for (const name of spec.names) {
      found = normalized.findIndex((header, index) => header === name && !used.has(index));
      if (found !== -1) break;
    }
    if (found === -1) {
      if (spec.required === true) return null;
      continue;
    }
    used.add(found);
    columns[field] = headers[found] ?? '';
    score += spec.required === true ? 2 : 1;
  }
  return { columns, score: preset.generic === true ? score - 0.5 : score };
}

function candidateHeaders(rows: readonly RawRow[], index: number): { headers: string[]; rowCount: 1 | 2 }[] {
  const row = rows[index];
  if (row === undefined) return [];
  const candidates: { headers: string[]; rowCount: 1 | 2 }[] = [{ headers: uniqueHeaders(row.cells), rowCount: 1 }];
  const next = rows[index + 1];
  if (next !== undefined && next.cells.some((cell) => cell.trim() !== '') && !next.cells.some(isValueCell)) {
    candidates.unshift({ headers: uniqueHeaders(combineHeaderRows(row.cells, next.cells)), rowCount: 2 });
  }
  return candidates;
}

/**
 * Finds the header row among the first rows and the preset that fits it best. With `presetId`
 * only that preset is tried. Returns null when no preset fits.
 */
export function detectHeader(rows: readonly RawRow[], defaultCurrency: string, presetId?: string): HeaderChoice | null {
  const candidatesPresets = presetId === undefined ? presets : presets.filter((preset) => preset.id === presetId);
  let best: (HeaderChoice & { score: number }) | null = null;

  for (let index = 0; index < Math.min(rows.length, headerSearchRows); index++) {
    const titleText = rows.slice(0, index).map((row) => row.cells.join(' ')).join('\n');
    for (const candidate of candidateHeaders(rows, index)) {
      for (const preset of candidatesPresets) {
        const match = matchPreset(preset, candidate.headers, titleText);
        if (match === null || (best !== null && match.score <= best.score)) continue;
        const headerIndex = index + candidate.rowCount - 1;
        const mapping: ImportMapping = {
          ...emptyMapping(preset.id, preset.layout, defaultCurrency),
          headerRow: rows[headerIndex]?.number ?? null,
          headerRowCount: candidate.rowCount,
          columns: match.columns,
          agingColumns: candidate.headers.filter((header) => agingHeaderPattern.test(header)),
          settledInFull: preset.settledInFull ?? false,
          linesRepeatInvoice: preset.linesRepeatInvoice ?? false,
          dateOrder: presetDateOrder(preset, match.columns),
        };
        best = { preset, mapping, headerIndex, headers: candidate.headers, score: match.score };
      }
    }
  }
  return best;
}

function presetDateOrder(preset: Preset, columns: Partial<Record<ImportField, string>>): Record<string, 'DMY' | 'MDY'> {
  const order: Record<string, 'DMY' | 'MDY'> = {};
  if (preset.dateOrder === undefined) return order;
  for (const field of ['issueDate', 'dueDate', 'paymentDate'] as const) {
    const header = columns[field];
    if (header !== undefined) order[header] = preset.dateOrder;
  }
  return order;
}
