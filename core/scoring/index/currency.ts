import { isKnownCurrency, minorDigits, type CurrencyCode } from '../../ledger/currency';
import type { LedgerSettings } from '../types';

/**
 * Returns a function that converts minor units of any currency to base-currency minor units,
 * rounded to the nearest unit, or null when no exchange rate is set for the currency.
 */
export function makeCurrencyConverter(settings: LedgerSettings): (minor: number, currency: CurrencyCode) => number | null {
  const base = settings.baseCurrency;
  const baseScale = 10 ** minorDigits(base);
  const factors = new Map<CurrencyCode, number>();
  for (const [currency, rate] of Object.entries(settings.exchangeRates ?? {})) {
    if (!isKnownCurrency(currency) || !(rate > 0) || !Number.isFinite(rate)) {
      throw new RangeError(`Invalid exchange rate ${String(rate)} for "${currency}": use a positive rate for an ISO 4217 code.`);
    }
    factors.set(currency, (rate * baseScale) / 10 ** minorDigits(currency));
  }

  return (minor, currency) => {
    if (currency === base) return minor;
    const factor = factors.get(currency);
    return factor === undefined ? null : Math.round(minor * factor);
  };
}
