import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  gstinCheckCharacter,
  gstinEmbedsPan,
  nameKey,
  normalizeEmail,
  normalizeName,
  normalizePhone,
  validateGstin,
  validatePan,
} from '../../../core/quality/identifiers';
import { sampleData, sampleDataPath } from '../../support/sample-data';

describe('validateGstin', () => {
  it('accepts a well-formed GSTIN and extracts its parts', () => {
    const check = validateGstin('27AAPFU0939F1ZV');
    expect(check.valid).toBe(true);
    expect(check.stateCode).toBe('27');
    expect(check.stateName).toBe('Maharashtra');
    expect(check.pan).toBe('AAPFU0939F');
    expect(check.problems).toEqual([]);
  });

  it('normalizes case, spaces and hyphens', () => {
    const check = validateGstin(' 29aagcb 7383-j1z4 ');
    expect(check.normalized).toBe('29AAGCB7383J1Z4');
    expect(check.valid).toBe(true);
  });

  it('rejects every wrong check character', () => {
    const body = '27AAPFU0939F1Z';
    const right = gstinCheckCharacter(body);
    expect(right).toBe('V');
    for (const candidate of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const check = validateGstin(body + candidate);
      expect(check.valid).toBe(candidate === right);
    }
    expect(validateGstin(`${body}A`).problems[0]).toMatch(/check character A.*give V/);
  });

  it('rejects a wrong length', () => {
    const check = validateGstin('27AAPFU0939F1Z');
    expect(check.valid).toBe(false);
    expect(check.problems[0]).toMatch(/14 characters/);
  });

  it('rejects a bad format', () => {
    const check = validateGstin('27AAPFU0939F1YV');
    expect(check.valid).toBe(false);
    expect(check.problems[0]).toMatch(/does not match the format/);
  });

  it('rejects an unassigned state code', () => {
    const body = '45AAPFU0939F1Z';
    const check = validateGstin(body + (gstinCheckCharacter(body) ?? ''));
    expect(check.valid).toBe(false);
    expect(check.stateName).toBeNull();
    expect(check.problems[0]).toMatch(/state code 45/);
  });

  it('accepts codes 38, 97 and 99', () => {
    for (const code of ['38', '97', '99']) {
      const body = `${code}AAPFU0939F1Z`;
      expect(validateGstin(body + (gstinCheckCharacter(body) ?? '')).valid).toBe(true);
    }
  });
});

describe.skipIf(!sampleData.available)('validateGstin on the Tally export', () => {
  it('accepts every GSTIN in the file', () => {
    const text = readFileSync(sampleDataPath('tally', 'DayBook-redacted.xml'), 'latin1');
    const gstins = new Set([...text.matchAll(/<[A-Z]*GSTIN>([0-9A-Z]{15})<\//g)].map((match) => match[1] ?? ''));
    expect(gstins.size).toBeGreaterThanOrEqual(3);
    for (const gstin of gstins) {
      const check = validateGstin(gstin);
      expect(check.problems).toEqual([]);
      expect(['06', '09']).toContain(check.stateCode);
    }
  });
});

describe('validatePan', () => {
  it('reads the holder type', () => {
    const check = validatePan('aapfu0939f');
    expect(check.valid).toBe(true);
    expect(check.normalized).toBe('AAPFU0939F');
    expect(check.holderType).toBe('F');
    expect(check.holderTypeName).toBe('Firm or LLP');
  });

  it('rejects an unknown holder type', () => {
    const check = validatePan('AAPXU0939F');
    expect(check.valid).toBe(false);
    expect(check.holderType).toBeNull();
    expect(check.problems[0]).toMatch(/holder type X/);
  });

  it('rejects a bad format', () => {
    const check = validatePan('AAPF0939FU');
    expect(check.valid).toBe(false);
    expect(check.problems[0]).toMatch(/does not match the format/);
  });
});

describe('gstinEmbedsPan', () => {
  it('matches the PAN inside the GSTIN', () => {
    expect(gstinEmbedsPan('06YEJPC4195F1ZY', 'yejpc4195f')).toBe(true);
    expect(gstinEmbedsPan('06YEJPC4195F1ZY', 'IGDPS8072B')).toBe(false);
    expect(gstinEmbedsPan('06YEJPC', 'YEJPC4195F')).toBe(false);
  });
});

describe('normalizeEmail', () => {
  it('lower-cases and strips display names', () => {
    expect(normalizeEmail(' Accounts <Accounts@Example.COM> ').value).toBe('accounts@example.com');
    expect(normalizeEmail('mailto:a.b@example.in').value).toBe('a.b@example.in');
  });

  it('rejects text that is not an address', () => {
    const result = normalizeEmail('accounts at example dot com');
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/not a valid e-mail address/);
    expect(normalizeEmail('  ').reason).toMatch(/empty/);
  });
});

describe('normalizePhone', () => {
  it('formats Indian numbers as E.164', () => {
    expect(normalizePhone('99999 00002').value).toBe('+919999900002');
    expect(normalizePhone('Mob:9999900002').value).toBe('+919999900002');
    expect(normalizePhone('022 2345 6789').value).toBe('+912223456789');
  });

  it('keeps an explicit country code', () => {
    expect(normalizePhone('+1 415 555 2671').value).toBe('+14155552671');
    expect(normalizePhone('415 555 2671', 'US').value).toBe('+14155552671');
  });

  it('rejects short and empty numbers', () => {
    expect(normalizePhone('12345').value).toBeNull();
    expect(normalizePhone('12345').reason).toMatch(/12345/);
    expect(normalizePhone('').reason).toMatch(/empty/);
  });
});

describe('normalizeName', () => {
  it('trims, collapses spaces and applies NFC', () => {
    expect(normalizeName('  Finished   Goods\tLocation ')).toBe('Finished Goods Location');
    expect(normalizeName('Cafe\u0301')).toBe('Caf\u00e9');
  });
});

describe('nameKey', () => {
  it('drops legal suffixes and punctuation', () => {
    expect(nameKey('Sample Traders Pvt. Ltd.')).toBe('sample traders');
    expect(nameKey('SAMPLE TRADERS PRIVATE LIMITED')).toBe('sample traders');
    expect(nameKey('Sample Traders (P) Ltd')).toBe('sample traders');
    expect(nameKey('M/s. Sample Traders')).toBe('sample traders');
  });

  it('ignores accents and reads & as and', () => {
    expect(nameKey('Café Ltd')).toBe('cafe');
    expect(nameKey('A & B Exports')).toBe(nameKey('A and B Exports'));
  });

  it('keeps distinct names apart', () => {
    expect(nameKey('Sample Traders')).not.toBe(nameKey('Sample Exporters'));
  });

  it('never returns an empty key for a non-empty name', () => {
    expect(nameKey('Limited')).toBe('limited');
  });
});
