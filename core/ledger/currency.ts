/**
 * ISO 4217 currencies with their number of minor-unit digits. Amounts are stored as integers in
 * these minor units (paise for INR, cents for USD, none for JPY).
 */
const minorDigitsByCurrency: Readonly<Record<string, number>> = {
  AED: 2, AUD: 2, BDT: 2, BHD: 3, BRL: 2, BTN: 2, CAD: 2, CHF: 2, CNY: 2, CZK: 2, DKK: 2,
  EGP: 2, EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, ISK: 0, JOD: 3, JPY: 0,
  KES: 2, KRW: 0, KWD: 3, LKR: 2, MUR: 2, MXN: 2, MYR: 2, NGN: 2, NOK: 2, NPR: 2, NZD: 2,
  OMR: 3, PHP: 2, PKR: 2, PLN: 2, QAR: 2, RUB: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2, TND: 3,
  TRY: 2, TWD: 2, TZS: 2, UGX: 0, USD: 2, VND: 0, ZAR: 2,
};

export type CurrencyCode = string;

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(minorDigitsByCurrency, code);
}

/** Returns the minor-unit digits of an ISO 4217 code, or throws for an unknown code. */
export function minorDigits(code: CurrencyCode): number {
  const digits = minorDigitsByCurrency[code];
  if (digits === undefined) {
    throw new RangeError(`Unknown currency code "${code}": use an ISO 4217 code such as INR or USD.`);
  }
  return digits;
}

export function knownCurrencies(): string[] {
  return Object.keys(minorDigitsByCurrency).sort();
}
