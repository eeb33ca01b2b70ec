import { describe, expect, it } from 'vitest';
import { readAmount } from '../../../core/import/values/amounts';
import { readCurrencyCode } from '../../../core/import/values/currency-symbols';
import { DateOrderEvidence } from '../../../core/import/values/date-order';
import { excelSerialToIso, readDate, resolveDate, type DateOrder } from '../../../core/import/values/dates';
import { escapeSpreadsheetCell, isFormulaLike } from '../../../core/import/values/text';
import { excelNumberText } from '../../../core/import/xlsx/numbers';

function isoOf(text: string, order: DateOrder = 'DMY'): string | null {
  const result = resolveDate(readDate(text), order, text);
  return 'iso' in result ? result.iso : null;
}

function minorOf(text: string, defaultCurrency = 'INR', decimalSeparator: '.' | ',' = '.'): number | null {
  const reading = readAmount(text, { defaultCurrency, decimalSeparator });
  return reading.kind === 'amount' ? reading.minor : null;
}

describe('readDate', () => {
  it.each([
    ['2025-03-31', '2025-03-31'],
    ['2025/3/9', '2025-03-09'],
    ['31-Mar-25', '2025-03-31'],
    ['26-Apr-11', '2011-04-26'],
    ['01-Apr-2024', '2024-04-01'],
    ['1 April 2024', '2024-04-01'],
    ['March 31, 2025', '2025-03-31'],
    ['Mar 31 2025', '2025-03-31'],
    ['20250308', '2025-03-08'],
    ['45345', '2024-02-23'],
    ['2025-03-31T14:05:09.123Z', '2025-03-31'],
    ['31/03/2025 14:05', '2025-03-31'],
    ['26-04-2011 11:50', '2011-04-26'],
    ['5/2/2024 2:05:09 PM', '2024-02-05'],
  ])('reads %s', (text, expected) => {
    expect(isoOf(text)).toBe(expected);
  });

  it('keeps numeric day/month open until the order is known', () => {
    const reading = readDate('05/02/2024');
    expect(reading).toEqual({ kind: 'day-month', first: 5, second: 2, year: 2024 });
    expect(isoOf('05/02/2024', 'DMY')).toBe('2024-02-05');
    expect(isoOf('05/02/2024', 'MDY')).toBe('2024-05-02');
  });

  it('expands two-digit years as POSIX does', () => {
    expect(isoOf('01/02/68')).toBe('2068-02-01');
    expect(isoOf('01/02/69')).toBe('1969-02-01');
  });

  it('rejects impossible dates', () => {
    expect(isoOf('31/02/2024')).toBeNull();
    expect(isoOf('2023-02-29')).toBeNull();
    expect(isoOf('13/13/2024')).toBeNull();
    expect(isoOf('next Tuesday')).toBeNull();
    expect(readDate('next Tuesday').kind).toBe('invalid');
  });

  it('reports an empty cell as empty', () => {
    expect(readDate('  ').kind).toBe('empty');
  });
});

describe('excelSerialToIso', () => {
  it('converts serials in both date systems', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45383)).toBe('2024-04-01');
    expect(excelSerialToIso(45383.75)).toBe('2024-04-01');
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(43920, true)).toBe('2024-03-31');
    expect(excelSerialToIso(0)).toBeNull();
  });
});

describe('DateOrderEvidence', () => {
  function decide(values: string[]): string {
    const evidence = new DateOrderEvidence();
    for (const value of values) evidence.observe(readDate(value));
    return evidence.decision;
  }

  it('decides a column from one telling value', () => {
    expect(decide(['01/02/2024', '03/04/2024', '25/04/2024'])).toBe('DMY');
    expect(decide(['01/02/2024', '12/31/2024'])).toBe('MDY');
  });

  it('reports all-small values as ambiguous', () => {
    expect(decide(['01/02/2024', '12/11/2024', '05/06/2024'])).toBe('ambiguous');
  });

  it('reports mixed orders as a conflict', () => {
    expect(decide(['25/01/2024', '01/25/2024'])).toBe('conflict');
  });

  it('ignores unambiguous forms', () => {
    expect(decide(['2024-01-02', '31-Mar-25'])).toBe('none');
  });
});

describe('readAmount', () => {
  it.each([
    ['1234.5', 123450],
    ['₹1,00,000.00', 10000000],
    ['Rs. 12,34,567.89', 123456789],
    ['Rs 500', 50000],
    ['INR 1,500', 150000],
    ['1,500.00 INR', 150000],
    ['(1,234.56)', -123456],
    ['1,234.56-', -123456],
    ['-1,234.56', -123456],
    ['\u22121,234.56', -123456],
    ['6,726.00 Dr', 672600],
    ['5,000.00 Cr', -500000],
    ['5,000.00Cr', -500000],
    ['+42', 4200],
    ['.5', 50],
    ['0', 0],
  ])('reads %s', (text, expected) => {
    expect(minorOf(text)).toBe(expected);
  });

  it('takes the currency from symbols and codes', () => {
    const cases: [string, string][] = [
      ['$12.50', 'USD'],
      ['US$ 12.50', 'USD'],
      ['€ 9.99', 'EUR'],
      ['£3', 'GBP'],
      ['12.50 usd', 'USD'],
      ['₹ 1', 'INR'],
    ];
    for (const [text, currency] of cases) {
      const reading = readAmount(text, { defaultCurrency: 'INR' });
      expect(reading.kind === 'amount' ? reading.currency : reading.kind).toBe(currency);
    }
  });

  it('reads $ as the default dollar currency', () => {
    const reading = readAmount('$10', { defaultCurrency: 'AUD' });
    expect(reading.kind === 'amount' ? reading.currency : null).toBe('AUD');
  });

  it('uses the currency minor digits', () => {
    expect(minorOf('1,500', 'JPY')).toBe(1500);
    expect(minorOf('1.234', 'KWD')).toBe(1234);
    expect(minorOf('KWD 1.5')).toBe(1500);
  });

  it('reads a decimal comma when asked', () => {
    expect(minorOf('1.234,56', 'EUR', ',')).toBe(123456);
    expect(minorOf('1 234,5', 'EUR', ',')).toBe(123450);
    expect(minorOf('1,234.56', 'EUR', ',')).toBeNull();
  });

  it('rounds extra decimals half away from zero', () => {
    const reading = readAmount('10.005', { defaultCurrency: 'INR' });
    expect(reading.kind === 'amount' ? [reading.minor, reading.rounded] : null).toEqual([1001, true]);
    expect(minorOf('-10.004')).toBe(-1000);
    const exact = readAmount('10.500', { defaultCurrency: 'INR' });
    expect(exact.kind === 'amount' ? exact.rounded : null).toBe(false);
  });

  it('keeps large amounts exact', () => {
    expect(minorOf('90,07,19,92,54,740.99')).toBe(900_719_925_474_099);
    const reading = readAmount('99999999999999999', { defaultCurrency: 'INR' });
    expect(reading.kind === 'invalid' ? reading.code : null).toBe('amount-too-large');
  });

  it('rejects unknown currencies', () => {
    const reading = readAmount('XYZ 100', { defaultCurrency: 'INR' });
    expect(reading.kind === 'invalid' ? reading.code : null).toBe('unknown-currency');
    expect(reading.kind === 'invalid' ? reading.reason : '').toMatch(/"XYZ"/);
  });

  it('rejects text, bad grouping and scientific notation', () => {
    expect(readAmount('abc', { defaultCurrency: 'INR' }).kind).toBe('invalid');
    expect(readAmount('1,23,4', { defaultCurrency: 'INR' }).kind).toBe('invalid');
    expect(readAmount('10,00', { defaultCurrency: 'INR' }).kind).toBe('invalid');
    expect(readAmount('(-5)', { defaultCurrency: 'INR' }).kind).toBe('invalid');
    const scientific = readAmount('1.23E+15', { defaultCurrency: 'INR' });
    expect(scientific.kind === 'invalid' ? scientific.reason : '').toMatch(/scientific notation/);
  });
});

describe('readCurrencyCode', () => {
  it('reads codes and symbols', () => {
    expect(readCurrencyCode('usd', 'INR')).toBe('USD');
    expect(readCurrencyCode('₹', 'INR')).toBe('INR');
    expect(readCurrencyCode('', 'INR')).toBe('INR');
    expect(readCurrencyCode('XYZ', 'INR')).toBeNull();
  });
});

describe('excelNumberText', () => {
  it.each([
    ['55.940000000000005', '55.94'],
    ['1.5E-3', '0.0015'],
    ['1.2345E+5', '123450'],
    ['-0.1', '-0.1'],
    ['100', '100'],
    ['0.30000000000000004', '0.3'],
    ['9.9999999999999999', '10'],
  ])('rewrites %s', (stored, expected) => {
    expect(excelNumberText(stored)).toBe(expected);
  });
});

describe('isFormulaLike', () => {
  it('flags formula starts that are not numbers', () => {
    expect(isFormulaLike('=HYPERLINK("http://x")')).toBe(true);
    expect(isFormulaLike('@SUM(A1)')).toBe(true);
    expect(isFormulaLike('+cmd|calc')).toBe(true);
    expect(isFormulaLike('- Broadband')).toBe(true);
    expect(isFormulaLike('-12.50')).toBe(false);
    expect(isFormulaLike('+91 99999 00002')).toBe(false);
    expect(isFormulaLike('Acme')).toBe(false);
  });

  it('escapes only formula-like cells', () => {
    expect(escapeSpreadsheetCell('=1+1')).toBe("'=1+1");
    expect(escapeSpreadsheetCell('\t=1')).toBe("'\t=1");
    expect(escapeSpreadsheetCell('-5')).toBe('-5');
    expect(escapeSpreadsheetCell('Invoice 12')).toBe('Invoice 12');
  });
});
