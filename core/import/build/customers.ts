import type { CurrencyCode } from '../../ledger';
import { normalizeName } from '../../quality/identifiers';
import type { ContactDraft, CustomerDraft } from '../types';
import type { ProblemLog } from './problems';

export interface CustomerFields {
  readonly externalRef: string | null;
  readonly name: string;
  readonly gstin?: string | null;
  readonly pan?: string | null;
  readonly address?: string | null;
  readonly contacts?: readonly ContactDraft[];
  readonly paymentTermsDays?: number | null;
  readonly creditLimitMinor?: number | null;
  readonly creditLimitCurrency?: CurrencyCode | null;
  readonly sourceRow: number;
}

type MutableCustomer = { -readonly [K in keyof CustomerDraft]: CustomerDraft[K] } & { contacts: ContactDraft[] };

/** The key that links drafts to a customer: its external reference, else its normalized name. */
export function customerKeyOf(externalRef: string | null, name: string): string {
  return externalRef ?? normalizeName(name);
}

const mergedFields = ['gstin', 'pan', 'address', 'paymentTermsDays', 'creditLimitMinor', 'creditLimitCurrency'] as const;

/**
 * Customers by key. A later row can fill fields that were empty; a later value that disagrees
 * with a set one is reported and ignored. Changed customers are handed out again with the next
 * batch, so a streaming reader sees the complete draft.
 */
export class CustomerRegistry {
  private readonly customers = new Map<string, MutableCustomer>();
  private changed = new Set<string>();

  constructor(private readonly problems: ProblemLog) {}

  get size(): number {
    return this.customers.size;
  }

  get(key: string): CustomerDraft | undefined {
    return this.customers.get(key);
  }

  upsert(fields: CustomerFields): string {
    const key = customerKeyOf(fields.externalRef, fields.name);
    const existing = this.customers.get(key);
    if (existing === undefined) {
      this.customers.set(key, {
        key,
        externalRef: fields.externalRef,
        name: normalizeName(fields.name),
        gstin: fields.gstin ?? null,
        pan: fields.pan ?? null,
        address: fields.address ?? null,
        contacts: [...(fields.contacts ?? [])],
        paymentTermsDays: fields.paymentTermsDays ?? null,
        creditLimitMinor: fields.creditLimitMinor ?? null,
        creditLimitCurrency: fields.creditLimitCurrency ?? null,
        onAccountMinor: 0,
        onAccountCurrency: null,
        sourceRow: fields.sourceRow,
      });
      this.changed.add(key);
      return key;
    }

    for (const field of mergedFields) {
      const value = fields[field];
      if (value === undefined || value === null) continue;
      const current = existing[field];
      if (current === null) {
        (existing as Record<string, unknown>)[field] = value;
        this.changed.add(key);
      } else if (current !== value && (field === 'gstin' || field === 'pan')) {
        this.problems.add({
          row: fields.sourceRow,
          column: null,
          value: String(value),
          code: 'customer-conflict',
          severity: 'warning',
          reason: `Customer "${existing.name}" has ${field.toUpperCase()} ${String(current)} on row ${existing.sourceRow} but ${String(value)} here; the first is kept.`,
        });
      }
    }
    for (const contact of fields.contacts ?? []) {
      if (!existing.contacts.some((known) => known.kind === contact.kind && known.value === contact.value)) {
        existing.contacts.push(contact);
        this.changed.add(key);
      }
    }
    return key;
  }

  /** Adds to the amount a customer holds on account. Amounts in a second currency are reported and ignored. */
  addOnAccount(key: string, minor: number, currency: CurrencyCode, row: number): void {
    const customer = this.customers.get(key);
    if (customer === undefined || minor === 0) return;
    if (customer.onAccountCurrency !== null && customer.onAccountCurrency !== currency) {
      this.problems.add({
        row,
        code: 'on-account-currency',
        severity: 'warning',
        reason: `Customer "${customer.name}" has amounts on account in ${customer.onAccountCurrency} and ${currency}; the ${currency} amount was not added.`,
      });
      return;
    }
    customer.onAccountMinor += minor;
    customer.onAccountCurrency = currency;
    this.changed.add(key);
  }

  /** Returns copies of the customers added or changed since the last call. */
  takeChanged(): CustomerDraft[] {
    const changed = [...this.changed].map((key) => this.customers.get(key)).filter((customer) => customer !== undefined);
    this.changed = new Set();
    return changed.map((customer) => ({ ...customer, contacts: [...customer.contacts] }));
  }
}
