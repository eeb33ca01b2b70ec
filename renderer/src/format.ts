import { formatDateForLocale, formatDateIndian, type IsoDate } from '../../core/ledger/dates';
import { formatMoney } from '../../core/ledger/money';

/** Display helpers for every screen: en-IN grouping (1,00,000.00) and DD/MM/YYYY by default. */
export function money(minor: number, currency: string, locale = 'en-IN'): string {
  return formatMoney(minor, currency, { locale });
}

export function date(value: IsoDate | null | undefined, locale = 'en-IN'): string {
  if (value === null || value === undefined) return '—';
  return locale === 'en-IN' ? formatDateIndian(value) : formatDateForLocale(value, locale);
}

export function count(value: number, locale = 'en-IN'): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}
