import { addDays, type IsoDate } from '../../ledger';

export type DateOrder = 'DMY' | 'MDY';

/**
 * A date cell read without knowing the column's day/month order. Numeric forms such as 05/02/2024
 * keep both parts until the column's order is known; every other form is already a date.
 */
export type DateReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'date'; readonly iso: IsoDate }
  | { readonly kind: 'day-month'; readonly first: number; readonly second: number; readonly year: number }
  | { readonly kind: 'invalid'; readonly reason: string };

const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

// An optional time of day after the date ("14:05", "2:05:09 PM", "T14:05:09.123Z", "+05:30").
const timePart = String.raw`(?:[T\s,]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?`;
const isoPattern = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${timePart}$`, 'i');
const numericPattern = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${timePart}$`, 'i');
const dayMonthNamePattern = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[-\s/.]*([a-z]{3,9})\.?[-\s/.,]*(\d{4}|\d{2})${timePart}$`,
  'i',
);
const monthNameDayPattern = new RegExp(
  String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?[-\s/.]*(\d{1,2})(?:st|nd|rd|th)?,?[-\s/.]+(\d{4}|\d{2})${timePart}$`,
  'i',
);
const compactPattern = /^(\d{4})(\d{2})(\d{2})$/;
const serialPattern = /^(\d{5})(?:\.\d+)?$/;

/** Expands two-digit years as POSIX strptime %y does: 00–68 are 2000–2068 and 69–99 are 1969–1999. */
export function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year <= 68 ? 2000 + year : 1900 + year;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Builds an ISO date, or returns null when the day does not exist in that month (Gregorian calendar). */
export function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Converts an Excel serial day number to an ISO date. Serial 1 is 1900-01-01 in the 1900 date
 * system, which counts a 29 February 1900 that never existed, so serials from 61 on are one day
 * ahead of a plain count. The 1904 system (older Mac workbooks) starts at 1904-01-01 as serial 0.
 */
export function excelSerialToIso(serial: number, date1904 = false): IsoDate | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < (date1904 ? 0 : 1) || whole > 2_958_465) return null;
  if (date1904) return addDays('1904-01-01', whole);
  return whole < 61 ? addDays('1899-12-31', whole) : addDays('1899-12-30', whole);
}

function monthFromName(name: string): number | null {
  return monthNumbers[name.toLowerCase()] ?? null;
}

function dateOrInvalid(iso: IsoDate | null, text: string): DateReading {
  return iso === null ? { kind: 'invalid', reason: `"${text}" is not a calendar date.` } : { kind: 'date', iso };
}

/**
 * Reads the date forms found in ledgers and exports: YYYY-MM-DD, DD/MM/YYYY or MM/DD/YYYY (also
 * with "-" or "."), DD-Mon-YY, "Mar 31, 2025", Tally's YYYYMMDD and five-digit Excel serial
 * numbers (1954–2173), each optionally followed by a time of day, which is dropped.
 */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };

  let match = isoPattern.exec(text);
  if (match) return dateOrInvalid(isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])), text);

  match = numericPattern.exec(text);
  if (match) {
    const year = expandYear(Number(match[3]), (match[3] ?? '').length);
    return { kind: 'day-month', first: Number(match[1]), second: Number(match[2]), year };
  }

  match = dayMonthNamePattern.exec(text);
  if (match) {
    const month = monthFromName(match[2] ?? '');
    const year = expandYear(Number(match[3]), (match[3] ?? '').length);
    if (month !== null) return dateOrInvalid(isoFromParts(year, month, Number(match[1])), text);
  }

  match = monthNameDayPattern.exec(text);
  if (match) {
    const month = monthFromName(match[1] ?? '');
    const year = expandYear(Number(match[3]), (match[3] ?? '').length);
    if (month !== null) return dateOrInvalid(isoFromParts(year, month, Number(match[2])), text);
  }

  match = compactPattern.exec(text);
  if (match) return dateOrInvalid(isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])), text);

  match = serialPattern.exec(text);
  if (match) {
    const serial = Number(match[1]);
    if (serial >= 20_000 && serial <= 99_999) return dateOrInvalid(excelSerialToIso(serial), text);
  }

  return { kind: 'invalid', reason: `"${text}" is not a date in a known format (such as 31/03/2025, 2025-03-31 or 31-Mar-25).` };
}

/** Returns the day/month orders a numeric reading fits, the evidence that decides a column's order. */
export function allowedOrders(reading: DateReading): readonly DateOrder[] {
  if (reading.kind !== 'day-month') return ['DMY', 'MDY'];
  const orders: DateOrder[] = [];
  if (isoFromParts(reading.year, reading.second, reading.first) !== null) orders.push('DMY');
  if (isoFromParts(reading.year, reading.first, reading.second) !== null) orders.push('MDY');
  return orders;
}

/** Resolves a reading to an ISO date with the column's order. */
export function resolveDate(reading: DateReading, order: DateOrder, text: string): { iso: IsoDate } | { reason: string } {
  switch (reading.kind) {
    case 'date':
      return { iso: reading.iso };
    case 'empty':
      return { reason: 'The date is missing.' };
    case 'invalid':
      return { reason: reading.reason };
    case 'day-month': {
      const [day, month] = order === 'DMY' ? [reading.first, reading.second] : [reading.second, reading.first];
      const iso = isoFromParts(reading.year, month, day);
      const orderName = order === 'DMY' ? 'day/month/year' : 'month/day/year';
      return iso === null ? { reason: `"${text.trim()}" is not a calendar date when read as ${orderName}.` } : { iso };
    }
  }
}

/** Reads a date whose form needs no column context, such as Tally's 20250308. */
export function parseDateWithOrder(text: string, order: DateOrder = 'DMY'): IsoDate | null {
  const result = resolveDate(readDate(text), order, text);
  return 'iso' in result ? result.iso : null;
}
