import type { Customer } from '../ledger/types';
import type { BureauRow } from './bureau-file';

/** The customer fields a bureau row can be matched on. */
export type MatchableCustomer = Pick<Customer, 'id' | 'externalRef' | 'name' | 'pan' | 'gstin'>;

export interface BureauMatch {
  readonly row: BureauRow;
  readonly customerId: number;
  readonly matchedBy: 'PAN' | 'GSTIN' | 'customer code' | 'name';
}

export interface BureauUnmatched {
  readonly row: number;
  /** The identifiers the row gave, as written. */
  readonly identifier: string;
  readonly reason: string;
}

function compact(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

function nameKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

type Kind = BureauMatch['matchedBy'];

/** Normalises an identifier as the customer keys store it: PAN and GSTIN compacted, names and codes in lower case. */
function normalizedValue(kind: Kind, value: string): string {
  if (kind === 'PAN' || kind === 'GSTIN') return compact(value);
  if (kind === 'name') return nameKey(value);
  return value.trim().toLowerCase();
}

/** Customers by each identifier a bureau row may give; a value shared by two customers maps to both. */
class CustomerKeys {
  private readonly byKey = new Map<string, number[]>();

  constructor(customers: readonly MatchableCustomer[]) {
    for (const customer of customers) {
      if (customer.pan !== null && customer.pan.trim() !== '') this.add(`PAN:${compact(customer.pan)}`, customer.id);
      if (customer.gstin !== null && customer.gstin.trim() !== '') this.add(`GSTIN:${compact(customer.gstin)}`, customer.id);
      if (customer.externalRef !== null && customer.externalRef.trim() !== '') this.add(`customer code:${customer.externalRef.trim().toLowerCase()}`, customer.id);
      this.add(`name:${nameKey(customer.name)}`, customer.id);
    }
  }

  private add(key: string, id: number): void {
    const list = this.byKey.get(key);
    if (list === undefined) this.byKey.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  }

  find(kind: Kind, value: string): readonly number[] {
    return this.byKey.get(`${kind}:${normalizedValue(kind, value)}`) ?? [];
  }
}

/**
 * Matches bureau rows to customers by PAN, GSTIN, customer code or exact name (ignoring case and
 * repeated spaces), in that order of strength. A row is never guessed: it stays unmatched when
 * no identifier finds exactly one customer, or when two identifiers find different customers.
 */
export function matchBureauRows(rows: readonly BureauRow[], customers: readonly MatchableCustomer[]): { matched: BureauMatch[]; unmatched: BureauUnmatched[] } {
  const keys = new CustomerKeys(customers);
  const matched: BureauMatch[] = [];
  const unmatched: BureauUnmatched[] = [];
  for (const row of rows) {
    const identifiers: [Kind, string | null][] = [['PAN', row.pan], ['GSTIN', row.gstin], ['customer code', row.code], ['name', row.name]];
    const identifier = identifiers.filter(([, value]) => value !== null).map(([kind, value]) => `${kind} ${value ?? ''}`).join(', ');
    const result = chooseCustomer(keys, identifiers);
    if (typeof result === 'string') unmatched.push({ row: row.row, identifier, reason: result });
    else matched.push({ row, customerId: result[0], matchedBy: result[1] });
  }
  return { matched, unmatched };
}

/** Returns the customer the strongest identifier finds alone, or the reason the row stays unmatched. */
function chooseCustomer(keys: CustomerKeys, identifiers: readonly [Kind, string | null][]): [number, Kind] | string {
  let chosen: [number, Kind] | null = null;
  let ambiguous: string | null = null;
  for (const [kind, value] of identifiers) {
    if (value === null) continue;
    const ids = keys.find(kind, value);
    if (ids.length === 1 && chosen === null) chosen = [ids[0]!, kind];
    else if (ids.length === 1 && chosen !== null && chosen[0] !== ids[0]) {
      return `${chosen[1]} and ${kind} point to different customers; correct the file or the customer records.`;
    } else if (ids.length > 1 && ambiguous === null) ambiguous = `${kind} ${value} belongs to ${ids.length} customers; merge the duplicates or add a PAN or GSTIN to the file.`;
  }
  return chosen ?? ambiguous ?? 'No customer has this PAN, GSTIN, customer code or name.';
}
