import type { CustomerInput } from '../../../core/contract/customers';
import { isKnownCurrency } from '../../../core/ledger/currency';
import { normalizeEmail, normalizeName, normalizePhone, validateGstin, validatePan } from '../../../core/quality/identifiers';
import { ServiceError } from '../errors';

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Throws one `invalid_input` error listing every problem, or returns when there is none. */
export function rejectProblems(problems: readonly FieldProblem[]): void {
  if (problems.length === 0) return;
  throw new ServiceError('invalid_input', problems.map((problem) => `${problem.field}: ${problem.message}`).join(' '), problems.map((problem) => ({ path: problem.field, message: problem.message })));
}

export function currencyProblem(field: string, code: string): FieldProblem | null {
  return isKnownCurrency(code) ? null : { field, message: `"${code}" is not a known ISO 4217 currency code.` };
}

/**
 * Applies the value rules of the customer form and of imports. A GSTIN needs a valid check
 * character and state code, a PAN the right shape, a credit limit a known currency, and e-mail
 * addresses and phone numbers must parse (phones default to India). Returns the normalised
 * customer, or throws `invalid_input` naming every bad field.
 */
export function normalizeCustomerBody(input: CustomerInput): CustomerInput {
  const problems: FieldProblem[] = [];
  const gstin = input.gstin === null || input.gstin === '' ? null : validateGstin(input.gstin);
  if (gstin !== null && !gstin.valid) problems.push({ field: 'gstin', message: `GSTIN "${input.gstin}" is invalid: ${gstin.problems.join(' ')}` });
  const pan = input.pan === null || input.pan === '' ? null : validatePan(input.pan);
  if (pan !== null && !pan.valid) problems.push({ field: 'pan', message: `PAN "${input.pan}" is invalid: ${pan.problems.join(' ')}` });
  if (input.creditLimitMinor !== null) {
    const problem = input.creditLimitCurrency === null ? { field: 'creditLimitCurrency', message: 'A credit limit needs its currency.' } : currencyProblem('creditLimitCurrency', input.creditLimitCurrency);
    if (problem !== null) problems.push(problem);
  }
  const contacts = input.contacts.map((contact, index) => {
    const normalized = contact.kind === 'email' ? normalizeEmail(contact.value) : normalizePhone(contact.value);
    if (normalized.value === null) problems.push({ field: `contacts.${index}.value`, message: normalized.reason });
    return { ...contact, value: normalized.value ?? contact.value };
  });
  rejectProblems(problems);
  return {
    ...input,
    name: normalizeName(input.name),
    externalRef: input.externalRef === '' ? null : input.externalRef,
    gstin: gstin?.normalized ?? null,
    pan: pan?.normalized ?? null,
    creditLimitCurrency: input.creditLimitMinor === null ? null : input.creditLimitCurrency,
    contacts,
  };
}
