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

/** Formats an ISO 8601 timestamp as a date in this computer's time zone, DD/MM/YYYY in en-IN. */
export function localDate(timestamp: string | null | undefined, locale = 'en-IN'): string {
  if (timestamp === null || timestamp === undefined) return '—';
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(timestamp));
}

/** "1 customer", "2 customers": a count with its noun in the right number. */
export function plural(value: number, singular: string, pluralForm = `${singular}s`, locale = 'en-IN'): string {
  return `${count(value, locale)} ${value === 1 ? singular : pluralForm}`;
}
