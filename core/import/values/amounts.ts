import { minorDigits, type CurrencyCode } from '../../ledger';
import { takeCurrencyMark } from './currency-symbols';

export type DecimalSeparator = '.' | ',';

export interface AmountOptions {
  /** Currency for amounts that carry no symbol or code. */
  readonly defaultCurrency: CurrencyCode;
  /** "," for European-style amounts such as 1.234,56; "." by default. */
  readonly decimalSeparator?: DecimalSeparator;
}

export type AmountReading =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'amount';
      readonly minor: number;
      readonly currency: CurrencyCode;
      /** True when the text named the currency by a symbol or code. */
      readonly currencyWritten: boolean;
      /** True when the text had more decimals than the currency allows and was rounded half away from zero. */
      readonly rounded: boolean;
    }
  | { readonly kind: 'invalid'; readonly code: 'invalid-amount' | 'unknown-currency' | 'amount-too-large'; readonly reason: string };

interface SignedText {
  readonly body: string;
  readonly negative: boolean;
}

/**
 * Removes the ways ledgers write a sign: a leading or trailing minus (also U+2212), a leading plus,
 * parentheses, and a "Dr"/"Cr" suffix. Cr (credit) is negative, as a receivable is a debit.
 */
function takeSign(text: string): SignedText | null {
  let body = text.trim();
  let negative = false;

  const debitCredit = /(?<![a-z])(dr|cr)\.?$/i.exec(body);
  if (debitCredit) {
    negative = (debitCredit[1] ?? '').toLowerCase() === 'cr';
    body = body.slice(0, debitCredit.index).trim();
  }

  const parenthesised = /^\((.*)\)$/s.exec(body);
  if (parenthesised) {
    if (negative) return null;
    negative = true;
    body = (parenthesised[1] ?? '').trim();
  }

  const minus = /^[-\u2212]|[-\u2212]$/.exec(body);
  if (minus) {
    if (negative) return null;
    negative = true;
    body = (minus.index === 0 ? body.slice(1) : body.slice(0, -1)).trim();
  } else if (body.startsWith('+')) {
    body = body.slice(1).trim();
  }
  return { body, negative };
}

/** Digits with optional 2- or 3-digit groups, then an optional fraction, for each decimal separator. */
const digitPatterns: Readonly<Record<DecimalSeparator, RegExp>> = {
  '.': /^(\d{1,3}(?:,\d{2,3})*|\d*)(?:\.(\d*))?$/,
  ',': /^(\d{1,3}(?:\.\d{2,3})*|\d*)(?:,(\d*))?$/,
};

/** Splits digits into whole and fraction parts, checking that any grouping is 2 or 3 digits wide. */
function splitDigits(body: string, decimalSeparator: DecimalSeparator): { whole: string; fraction: string } | null {
  const groupSeparator = decimalSeparator === '.' ? ',' : '.';
  const compact = body.replace(/[\s\u00a0\u202f']/g, '');
  const match = digitPatterns[decimalSeparator].exec(compact);
  if (!match) return null;

  const whole = (match[1] ?? '').split(groupSeparator).join('');
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return null;
  if (match[1]?.includes(groupSeparator) && !/\d{3}$/.test(match[1])) return null;
  return { whole: whole === '' ? '0' : whole, fraction };
}

/** Converts decimal digits to integer minor units without floating point, rounding half away from zero. */
export function digitsToMinor(whole: string, fraction: string, digits: number): { minor: number; rounded: boolean } | null {
  const kept = fraction.slice(0, digits).padEnd(digits, '0');
  const dropped = fraction.slice(digits);
  let units = BigInt(whole + kept);
  if (dropped !== '' && Number(dropped.charAt(0)) >= 5) units += 1n;
  if (units > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { minor: Number(units), rounded: /[1-9]/.test(dropped) };
}

/**
 * Parses an amount written as text straight to integer minor units. It reads currency symbols and
 * codes (₹, Rs., INR, $, US$, EUR …), Indian grouping (1,00,000.00) and Western grouping. It also
 * reads a decimal comma when asked for, and negatives written -1, 1-, (1) or "1 Cr".
 */
export function readAmount(raw: string, options: AmountOptions): AmountReading {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const invalid = (reason: string): AmountReading => ({ kind: 'invalid', code: 'invalid-amount', reason });

  if (/^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(text)) {
    return invalid(`"${text}" is in scientific notation, which has lost digits: export the amount with all its digits.`);
  }

  const outerSign = takeSign(text);
  if (outerSign === null) return invalid(`"${text}" has two negative signs.`);
  const { rest, mark } = takeCurrencyMark(outerSign.body, options.defaultCurrency);
  const innerSign = takeSign(rest);
  if (innerSign === null || (outerSign.negative && innerSign.negative)) return invalid(`"${text}" has two negative signs.`);

  const parts = splitDigits(innerSign.body, options.decimalSeparator ?? '.');
  if (parts === null) {
    const hint = options.decimalSeparator === ',' ? 'such as 1.234,56' : 'such as 1,234.56 or 1,00,000.00';
    return invalid(`"${text}" is not an amount (expected digits ${hint}).`);
  }
  if (mark !== null && mark.currency === null) {
    return { kind: 'invalid', code: 'unknown-currency', reason: `"${mark.written}" in "${text}" is not a known ISO 4217 currency code.` };
  }

  const currency = mark?.currency ?? options.defaultCurrency;
  const converted = digitsToMinor(parts.whole, parts.fraction, minorDigits(currency));
  if (converted === null) {
    return { kind: 'invalid', code: 'amount-too-large', reason: `"${text}" is too large to store exactly.` };
  }
  const negative = outerSign.negative || innerSign.negative;
  return {
    kind: 'amount',
    minor: negative && converted.minor !== 0 ? -converted.minor : converted.minor,
    currency,
    currencyWritten: mark !== null,
    rounded: converted.rounded,
  };
}
