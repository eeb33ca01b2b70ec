import { addDays, type IsoDate } from '../../ledger';
import { nameKey } from '../../quality/identifiers';
import type { DueDateSource } from '../types';

/**
 * Reads a credit period in days: "60", "60 Days", "Net 30", "NET30", "30 days net", "Due on Receipt"
 * (0). Returns null for anything else.
 */
export function readCreditPeriod(text: string | null): number | null {
  if (text === null) return null;
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return null;
  if (/^(due\s+on\s+receipt|immediate|cash|cod)$/.test(trimmed)) return 0;
  const match = /^(?:net\s*)?(\d{1,4})(?:\s*days?)?(?:\s*net)?$/.exec(trimmed);
  return match ? Number(match[1]) : null;
}

export interface DueDateInputs {
  readonly issueDate: IsoDate;
  readonly dueDate: IsoDate | null;
  readonly creditDays: number | null;
  readonly customerTermsDays: number | null;
  readonly defaultTermsDays: number | null;
  readonly overdueDays: number | null;
  readonly reportDate: IsoDate | null;
}

export interface ResolvedDueDate {
  readonly dueDate: IsoDate;
  readonly source: DueDateSource;
  readonly creditPeriodDays: number | null;
}

/**
 * Picks the due date from, in order: the file's due date, the invoice's credit period, the
 * customer's terms, the default terms, or the report date minus the overdue days of an ageing
 * report. Returns null when none is available.
 */
export function resolveDueDate(inputs: DueDateInputs): ResolvedDueDate | null {
  const { issueDate } = inputs;
  if (inputs.dueDate !== null) return { dueDate: inputs.dueDate, source: 'file', creditPeriodDays: inputs.creditDays };
  if (inputs.creditDays !== null) {
    return { dueDate: addDays(issueDate, inputs.creditDays), source: 'credit-period', creditPeriodDays: inputs.creditDays };
  }
  if (inputs.customerTermsDays !== null) {
    return { dueDate: addDays(issueDate, inputs.customerTermsDays), source: 'customer-terms', creditPeriodDays: inputs.customerTermsDays };
  }
  if (inputs.defaultTermsDays !== null) {
    return { dueDate: addDays(issueDate, inputs.defaultTermsDays), source: 'default-terms', creditPeriodDays: inputs.defaultTermsDays };
  }
  if (inputs.overdueDays !== null && inputs.reportDate !== null) {
    return { dueDate: addDays(inputs.reportDate, -inputs.overdueDays), source: 'overdue-days', creditPeriodDays: null };
  }
  return null;
}

export type TermsLookup = (externalRef: string | null, name: string) => number | null;

/**
 * Builds a lookup of the caller's per-customer terms by external reference, exact name, then name
 * key (so an entry for "Sample Traders" applies to "Sample Traders Pvt. Ltd.").
 */
export function createTermsLookup(table: Readonly<Record<string, number>> | undefined): TermsLookup {
  const entries = Object.entries(table ?? {});
  const exact = new Map(entries);
  const byNameKey = new Map(entries.map(([name, days]) => [nameKey(name), days] as const));
  return (externalRef, name) => {
    if (entries.length === 0) return null;
    if (externalRef !== null && exact.has(externalRef)) return exact.get(externalRef) ?? null;
    return exact.get(name) ?? byNameKey.get(nameKey(name)) ?? null;
  };
}
