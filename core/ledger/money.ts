import { minorDigits, type CurrencyCode } from './currency';

/** An amount in integer minor units of one ISO 4217 currency. */
export interface Money {
  readonly minor: number;
  readonly currency: CurrencyCode;
}

export function money(minor: number, currency: CurrencyCode): Money {
  assertMinorUnits(minor);
  return { minor, currency };
}

/** Throws unless the value is a safe integer, because a fraction of a minor unit is a bug. */
export function assertMinorUnits(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Amount ${String(minor)} is not a whole number of minor units.`);
  }
}

export function addMinor(a: number, b: number): number {
  const sum = a + b;
  assertMinorUnits(sum);
  return sum;
}

export function sumMinor(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total = addMinor(total, value);
  return total;
}

export interface FormatMoneyOptions {
  /** BCP 47 locale for digit grouping; en-IN groups as 1,00,000.00. */
  locale?: string;
  /** Show the currency symbol or code (default true). */
  withCurrency?: boolean;
}

/**
 * Formats minor units for display without passing through a float: the major part is formatted
 * as a BigInt with the locale's grouping and the minor digits are appended as text.
 */
export function formatMoney(minor: number, currency: CurrencyCode, options: FormatMoneyOptions = {}): string {
  assertMinorUnits(minor);
  const locale = options.locale ?? 'en-IN';
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const absolute = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const major = absolute / scale;
  const fraction = (absolute % scale).toString().padStart(digits, '0');

  const currencyFormat = new Intl.NumberFormat(locale, {
    style: options.withCurrency === false ? 'decimal' : 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Format the major part with a zero fraction, then splice in the exact minor digits.
  const parts = currencyFormat.formatToParts(major);
  let text = '';
  for (const part of parts) {
    if (part.type === 'fraction') text += fraction;
    else if (part.type === 'minusSign') continue;
    else text += part.value;
  }
  return negative ? `-${text}` : text;
}

/** Converts minor units to a plain decimal string such as "-1234.50", for exports. */
export function minorToDecimalString(minor: number, currency: CurrencyCode): string {
  assertMinorUnits(minor);
  const digits = minorDigits(currency);
  const negative = minor < 0;
  const absolute = Math.abs(minor).toString().padStart(digits + 1, '0');
  const major = absolute.slice(0, absolute.length - digits);
  const fraction = absolute.slice(absolute.length - digits);
  const body = digits === 0 ? major : `${major}.${fraction}`;
  return negative ? `-${body}` : body;
}

/**
 * Parses a plain decimal amount such as "1,00,000.50" or "-12.5" into minor units by string
 * arithmetic. Grouping commas are ignored; more decimals than the currency has are rejected
 * rather than rounded. Returns null for anything else.
 */
export function parseDecimalToMinor(text: string, currency: CurrencyCode): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(-)?(\d{1,3}(?:,\d{2,3})*|\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (match === null) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole.replace(/,/g, '') + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minor)) return null;
  return sign === '-' ? -minor : minor;
}
