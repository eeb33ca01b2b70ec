import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { gstStateName } from './gst-states';

export { gstStateName } from './gst-states';

export type PanHolderType = 'P' | 'C' | 'H' | 'F' | 'A' | 'T' | 'B' | 'L' | 'J' | 'G';

export interface GstinCheck {
  readonly valid: boolean;
  /** Upper case with spaces and hyphens removed. */
  readonly normalized: string;
  readonly stateCode: string | null;
  readonly stateName: string | null;
  /** Characters 3–12, which are the holder's PAN. */
  readonly pan: string | null;
  readonly problems: string[];
}

export interface PanCheck {
  readonly valid: boolean;
  readonly normalized: string;
  readonly holderType: PanHolderType | null;
  readonly holderTypeName: string | null;
  readonly problems: string[];
}

const gstinPattern = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const panPattern = /^[A-Z]{5}\d{4}[A-Z]$/;
const base36Digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const panHolderTypeNames: Readonly<Record<PanHolderType, string>> = {
  P: 'Individual',
  C: 'Company',
  H: 'Hindu Undivided Family',
  F: 'Firm or LLP',
  A: 'Association of Persons',
  T: 'Trust',
  B: 'Body of Individuals',
  L: 'Local Authority',
  J: 'Artificial Juridical Person',
  G: 'Government',
};

function compactIdentifier(text: string): string {
  return text.normalize('NFKC').replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * Computes the GSTIN check character of the first 14 characters with the GSTN mod-36 scheme.
 * Each base-36 value is weighted 1, 2, 1, 2 … and each product adds (product div 36) +
 * (product mod 36) to the sum. The check value is (36 − sum mod 36) mod 36.
 * Returns null when a character is outside 0–9 and A–Z.
 */
export function gstinCheckCharacter(first14: string): string | null {
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    const value = base36Digits.indexOf(first14.charAt(index));
    if (value < 0) return null;
    const product = value * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return base36Digits.charAt((36 - (sum % 36)) % 36);
}

/** Validates a GSTIN: length, format, state code and check character. */
export function validateGstin(text: string): GstinCheck {
  const normalized = compactIdentifier(text);
  const problems: string[] = [];

  if (normalized.length !== 15) {
    problems.push(`GSTIN "${normalized}" has ${normalized.length} characters, but a GSTIN has 15.`);
  } else if (!gstinPattern.test(normalized)) {
    problems.push(
      `GSTIN "${normalized}" does not match the format: 2-digit state code, 10-character PAN, entity number, "Z", check character.`,
    );
  }

  const stateCode = /^\d{2}/.test(normalized) ? normalized.slice(0, 2) : null;
  const stateName = stateCode === null ? null : gstStateName(stateCode);
  if (stateCode !== null && stateName === null) {
    problems.push(`GSTIN "${normalized}" starts with state code ${stateCode}, which is not assigned (valid: 01–38, 97, 99).`);
  }

  const panPart = normalized.slice(2, 12);
  const pan = panPattern.test(panPart) ? panPart : null;

  if (problems.length === 0) {
    const expected = gstinCheckCharacter(normalized.slice(0, 14));
    const actual = normalized.charAt(14);
    if (expected !== actual) {
      problems.push(`GSTIN "${normalized}" has check character ${actual}, but its first 14 characters give ${expected ?? '?'}.`);
    }
  }

  return { valid: problems.length === 0, normalized, stateCode, stateName, pan, problems };
}

function isPanHolderType(letter: string): letter is PanHolderType {
  return Object.hasOwn(panHolderTypeNames, letter);
}

/** Validates a PAN: format `AAAAA9999A` and a known holder type in the 4th character. */
export function validatePan(text: string): PanCheck {
  const normalized = compactIdentifier(text);
  const problems: string[] = [];

  if (!panPattern.test(normalized)) {
    problems.push(`PAN "${normalized}" does not match the format: 5 letters, 4 digits, 1 letter (for example ABCPE1234F).`);
  }

  const letter = normalized.charAt(3);
  const holderType = isPanHolderType(letter) ? letter : null;
  if (problems.length === 0 && holderType === null) {
    problems.push(`PAN "${normalized}" has holder type ${letter} in its 4th character, which is not one of P, C, H, F, A, T, B, L, J, G.`);
  }

  return {
    valid: problems.length === 0,
    normalized,
    holderType,
    holderTypeName: holderType === null ? null : panHolderTypeNames[holderType],
    problems,
  };
}

/** Returns true when characters 3–12 of the GSTIN are the given PAN. */
export function gstinEmbedsPan(gstin: string, pan: string): boolean {
  const normalizedGstin = compactIdentifier(gstin);
  const normalizedPan = compactIdentifier(pan);
  return normalizedGstin.length === 15 && panPattern.test(normalizedPan) && normalizedGstin.slice(2, 12) === normalizedPan;
}

export type NormalizedValue = { value: string; reason: null } | { value: null; reason: string };

const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/;

/**
 * Normalizes an e-mail address: trims it, removes a `mailto:` prefix or a display name in the form
 * `Name <address>`, and lower-cases it. Returns null with a reason when it is not an address.
 */
export function normalizeEmail(text: string): NormalizedValue {
  let candidate = text.trim();
  const angled = /<([^<>]+)>\s*$/.exec(candidate);
  if (angled?.[1] !== undefined) candidate = angled[1].trim();
  candidate = candidate.replace(/^mailto:/i, '').toLowerCase();

  if (candidate === '') return { value: null, reason: 'E-mail address is empty.' };
  if (!emailPattern.test(candidate)) {
    return { value: null, reason: `"${text.trim()}" is not a valid e-mail address (expected name@domain.tld).` };
  }
  return { value: candidate, reason: null };
}

/**
 * Normalizes a phone number to E.164 (for example +919999900002). Numbers without a country code
 * are read as numbers of `defaultCountry`. Returns null with a reason when the number is invalid.
 */
export function normalizePhone(text: string, defaultCountry: CountryCode = 'IN'): NormalizedValue {
  const candidate = text.trim().replace(/^(mob(ile)?|ph(one)?|tel|m)\s*[:.-]?\s*/i, '');
  if (candidate === '') return { value: null, reason: 'Phone number is empty.' };

  const parsed = parsePhoneNumberFromString(candidate, defaultCountry);
  if (parsed === undefined) {
    return { value: null, reason: `"${text.trim()}" is not a phone number.` };
  }
  if (!parsed.isValid()) {
    return { value: null, reason: `"${text.trim()}" is not a valid phone number for ${parsed.country ?? defaultCountry}.` };
  }
  return { value: parsed.number, reason: null };
}

/** Trims a name, collapses runs of white space to one space and applies Unicode NFC. */
export function normalizeName(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Legal-form words that do not tell two businesses apart. They are removed from the end of a
 * name key (and "m/s" from its start), so "Sample Traders Pvt. Ltd." and "Sample Traders" match.
 */
const legalSuffixWords = new Set([
  'pvt', 'private', 'ltd', 'limited', 'llp', 'inc', 'incorporated', 'co', 'company', 'corp',
  'corporation', 'plc', 'llc', 'gmbh', 'opc', 'p', 'pl', 'the', 'and', 'sons', 'bros', 'brothers',
]);

/**
 * Builds a key for near-duplicate matching: case-, accent- and punctuation-insensitive, with "&"
 * read as "and" and trailing legal-form words removed. "Sample Traders Pvt. Ltd." gives
 * "sample traders". A name made only of such words keeps them, so the key is never empty
 * for a non-empty name.
 */
export function nameKey(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^\s*m\s*\/\s*s\.?\s+/, '')
    .replace(/\b(pvt|p|pri)\.?\s*ltd\b/g, ' pvt ltd ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const words = plain === '' ? [] : plain.split(' ');

  let end = words.length;
  while (end > 1 && legalSuffixWords.has(words[end - 1] ?? '')) end--;
  return words.slice(0, end).join(' ');
}
