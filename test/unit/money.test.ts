import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalString } from '../../core/ledger/money';
import { addDays, daysBetween, formatDateIndian, isIsoDate } from '../../core/ledger/dates';

describe('formatMoney', () => {
  it('groups rupees the Indian way', () => {
    expect(formatMoney(10_000_000, 'INR')).toBe('₹1,00,000.00');
    expect(formatMoney(123_456_789_01, 'INR')).toBe('₹12,34,56,789.01');
  });

  it('keeps the exact paise of large amounts', () => {
    expect(formatMoney(900_719_925_474_099, 'INR', { withCurrency: false })).toBe('90,07,19,92,54,740.99');
  });

  it('formats negatives and other currencies', () => {
    expect(formatMoney(-5_050, 'INR')).toBe('-₹50.50');
    expect(formatMoney(123_456, 'USD', { locale: 'en-US' })).toBe('$1,234.56');
    expect(formatMoney(1_500, 'JPY', { locale: 'en-US' })).toBe('¥1,500');
    expect(formatMoney(1_234_567, 'KWD', { locale: 'en-US', withCurrency: false })).toBe('1,234.567');
  });

  it('rejects fractional minor units', () => {
    expect(() => formatMoney(10.5, 'INR')).toThrow(/not a whole number/);
  });

  it('rejects an unknown currency', () => {
    expect(() => formatMoney(100, 'XYZ')).toThrow(/Unknown currency code "XYZ"/);
  });
});

describe('minorToDecimalString', () => {
  it('writes plain decimals', () => {
    expect(minorToDecimalString(5, 'INR')).toBe('0.05');
    expect(minorToDecimalString(-123_450, 'INR')).toBe('-1234.50');
    expect(minorToDecimalString(700, 'JPY')).toBe('700');
  });
});

describe('dates', () => {
  it('validates ISO dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('04/12/2026')).toBe(false);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });

  it('formats DD/MM/YYYY', () => {
    expect(formatDateIndian('2026-12-04')).toBe('04/12/2026');
  });
});
