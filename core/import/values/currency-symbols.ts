import { isKnownCurrency, type CurrencyCode } from '../../ledger';

/** Currencies written with a plain "$", where "$" means the default currency rather than USD. */
const dollarCurrencies = new Set(['USD', 'AUD', 'CAD', 'NZD', 'SGD', 'HKD', 'TWD', 'MXN']);
/** Currencies written "Rs" or "₨", where those mean the default currency rather than INR. */
const rupeeCurrencies = new Set(['INR', 'PKR', 'LKR', 'NPR', 'MUR']);

/** Symbols and abbreviations, longest first so "US$" wins over "$". */
const symbolTable: readonly (readonly [string, CurrencyCode | 'dollar' | 'rupee' | 'yen'])[] = [
  ['US$', 'USD'], ['AU$', 'AUD'], ['CA$', 'CAD'], ['NZ$', 'NZD'], ['HK$', 'HKD'], ['A$', 'AUD'],
  ['C$', 'CAD'], ['S$', 'SGD'], ['Rs.', 'rupee'], ['Rs', 'rupee'], ['₹', 'INR'], ['₨', 'rupee'],
  ['रु', 'INR'], ['$', 'dollar'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'yen'], ['₩', 'KRW'],
  ['₽', 'RUB'], ['৳', 'BDT'], ['₺', 'TRY'], ['₱', 'PHP'], ['฿', 'THB'], ['₫', 'VND'],
];

/** Text made only of digits, separators and signs, which carries no currency. */
const plainNumberPattern = /^[\d.,\s'()+\-\u2212]*$/;

export interface CurrencyMark {
  /** The ISO code, or null for a three-letter code that is not a known currency. */
  readonly currency: CurrencyCode | null;
  /** The text as written, for messages. */
  readonly written: string;
}

function resolveFamily(family: CurrencyCode | 'dollar' | 'rupee' | 'yen', defaultCurrency: CurrencyCode): CurrencyCode {
  if (family === 'dollar') return dollarCurrencies.has(defaultCurrency) ? defaultCurrency : 'USD';
  if (family === 'rupee') return rupeeCurrencies.has(defaultCurrency) ? defaultCurrency : 'INR';
  if (family === 'yen') return defaultCurrency === 'CNY' ? 'CNY' : 'JPY';
  return family;
}

/**
 * Removes a currency symbol or code from the start or end of an amount. Returns the rest of the
 * text and the currency found, or null when there is none. A three-letter word next to the number
 * is read as an ISO 4217 code (currency null when unknown). "Dr" and "Cr" are not codes and must
 * be removed before.
 */
export function takeCurrencyMark(text: string, defaultCurrency: CurrencyCode): { rest: string; mark: CurrencyMark | null } {
  const trimmed = text.trim();
  if (plainNumberPattern.test(trimmed)) return { rest: trimmed, mark: null };
  const lower = trimmed.toLowerCase();
  for (const [symbol, family] of symbolTable) {
    const lowerSymbol = symbol.toLowerCase();
    const isWord = /^[a-z]/i.test(symbol);
    if (lower.startsWith(lowerSymbol) && (!isWord || !/^[a-z]/i.test(trimmed.slice(symbol.length)))) {
      return { rest: trimmed.slice(symbol.length).trim(), mark: { currency: resolveFamily(family, defaultCurrency), written: symbol } };
    }
    if (lower.endsWith(lowerSymbol) && (!isWord || !/[a-z]$/i.test(trimmed.slice(0, -symbol.length)))) {
      return { rest: trimmed.slice(0, -symbol.length).trim(), mark: { currency: resolveFamily(family, defaultCurrency), written: symbol } };
    }
  }

  const code = /^([A-Za-z]{3})\b\.?\s*(.*)$/s.exec(trimmed) ?? /^(.*?)\s*\b([A-Za-z]{3})\.?$/s.exec(trimmed);
  if (code) {
    const prefix = /^[A-Za-z]{3}/.test(trimmed);
    const written = (prefix ? code[1] : code[2]) ?? '';
    const rest = (prefix ? code[2] : code[1]) ?? '';
    const upper = written.toUpperCase();
    return { rest: rest.trim(), mark: { currency: isKnownCurrency(upper) ? upper : null, written } };
  }
  return { rest: trimmed, mark: null };
}

/** Reads a currency column value such as "INR", "usd" or "₹". Returns null when unknown. */
export function readCurrencyCode(text: string, defaultCurrency: CurrencyCode): CurrencyCode | null {
  const trimmed = text.trim();
  if (trimmed === '') return defaultCurrency;
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper)) return isKnownCurrency(upper) ? upper : null;
  const { rest, mark } = takeCurrencyMark(trimmed, defaultCurrency);
  return rest === '' && mark !== null ? mark.currency : null;
}
