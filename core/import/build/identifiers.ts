import { gstinEmbedsPan, normalizeEmail, normalizePhone, validateGstin, validatePan } from '../../quality/identifiers';
import type { ContactDraft } from '../types';
import type { ProblemInput } from './problems';

export interface RawIdentifiers {
  readonly gstin?: string | null;
  readonly pan?: string | null;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly contactName?: string | null;
}

export interface CheckedIdentifiers {
  readonly gstin: string | null;
  readonly pan: string | null;
  readonly contacts: ContactDraft[];
}

export interface IdentifierColumns {
  readonly gstin?: string | null;
  readonly pan?: string | null;
  readonly email?: string | null;
  readonly phone?: string | null;
}

/**
 * Validates and normalizes a customer's GSTIN, PAN, e-mails and phones. Invalid values are
 * reported as warnings and left out. A missing PAN is taken from a valid GSTIN, and a PAN that
 * differs from the one inside the GSTIN is reported.
 */
export function checkIdentifiers(
  raw: RawIdentifiers,
  row: number,
  columns: IdentifierColumns,
  report: (problem: ProblemInput) => void,
): CheckedIdentifiers {
  const warn = (column: string | null | undefined, value: string, code: string, reason: string): void =>
    report({ row, column: column ?? null, value, code, severity: 'warning', reason });

  let gstin: string | null = null;
  if (raw.gstin) {
    const check = validateGstin(raw.gstin);
    if (check.valid) gstin = check.normalized;
    else warn(columns.gstin, raw.gstin, 'invalid-gstin', `${check.problems.join(' ')} The GSTIN was not imported.`);
  }

  let pan: string | null = null;
  if (raw.pan) {
    const check = validatePan(raw.pan);
    if (check.valid) pan = check.normalized;
    else warn(columns.pan, raw.pan, 'invalid-pan', `${check.problems.join(' ')} The PAN was not imported.`);
  }
  if (gstin !== null && pan !== null && !gstinEmbedsPan(gstin, pan)) {
    warn(columns.pan, pan, 'pan-gstin-mismatch', `PAN ${pan} is not the PAN inside GSTIN ${gstin} (${gstin.slice(2, 12)}).`);
  }
  if (gstin !== null && pan === null) pan = gstin.slice(2, 12);

  const contacts: ContactDraft[] = [];
  const name = raw.contactName ?? null;
  for (const email of raw.emails ?? []) {
    const normalized = normalizeEmail(email);
    if (normalized.value !== null) contacts.push({ kind: 'email', value: normalized.value, name });
    else warn(columns.email, email, 'invalid-email', `${normalized.reason} The e-mail address was not imported.`);
  }
  for (const phone of raw.phones ?? []) {
    const normalized = normalizePhone(phone);
    if (normalized.value !== null) contacts.push({ kind: 'phone', value: normalized.value, name });
    else warn(columns.phone, phone, 'invalid-phone', `${normalized.reason} The phone number was not imported.`);
  }
  return { gstin, pan, contacts };
}

/** Splits a cell that lists several e-mails or phones ("a@x.in; b@x.in", "98… / 99…"). */
export function splitContactList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split(/[;,/|\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
