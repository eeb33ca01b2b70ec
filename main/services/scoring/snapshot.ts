import type Database from 'better-sqlite3-multiple-ciphers';
import type { Allocation, Contact, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../../../core/ledger/types';
import type { LedgerSnapshot } from '../../../core/scoring/index';
import type { ContactChange, WatchListEntry } from '../../../core/scoring/index';

type Row = Record<string, unknown>;

const customerSql = `select id, external_ref, name, gstin, pan, cin, address, segment, credit_limit_minor, credit_limit_currency, payment_terms_days from customers where erased_at is null`;
const invoiceSql = 'select id, customer_id, invoice_number, issue_date, due_date, amount_minor, currency, description from invoices';
const paymentSql = 'select id, customer_id, payment_date, amount_minor, currency, reference, reversed_on from payments';
const allocationSql = 'select payment_id, invoice_id, amount_minor from allocations where payment_id is not null';
const creditNoteSql = 'select id, customer_id, invoice_id, note_number, issue_date, amount_minor, currency from credit_notes';
const disputeSql = 'select id, invoice_id, opened_on, resolved_on from disputes';
const promiseSql = 'select id, customer_id, invoice_id, promised_date, amount_minor, currency, made_on from promises_to_pay';

/**
 * Reads the whole ledger into the engine's snapshot form, or, with `customerId`, only that
 * customer and its records (for rescoring one customer). Rows map to domain types here, so the
 * engine never sees a database row.
 */
export function loadSnapshot(raw: Database.Database, baseCurrency: string, customerId?: number): LedgerSnapshot {
  const only = customerId === undefined ? '' : ' where customer_id = ?';
  const onlyInvoices = customerId === undefined ? '' : ' where invoice_id in (select id from invoices where customer_id = ?)';
  const args = customerId === undefined ? [] : [customerId];

  const contacts = new Map<number, Contact[]>();
  for (const row of raw.prepare(`select customer_id, kind, value, name from customer_contacts${only}`).iterate(...args) as Iterable<Row>) {
    const list = contacts.get(row.customer_id as number) ?? [];
    list.push({ kind: row.kind as Contact['kind'], value: row.value as string, name: row.name as string | null });
    contacts.set(row.customer_id as number, list);
  }
  const customers: Customer[] = (raw.prepare(customerId === undefined ? customerSql : `${customerSql} and id = ?`).all(...args) as Row[]).map((row) => ({
    id: row.id as number,
    externalRef: row.external_ref as string | null,
    name: row.name as string,
    gstin: row.gstin as string | null,
    pan: row.pan as string | null,
    cin: row.cin as string | null,
    address: row.address as string | null,
    segment: row.segment as string | null,
    creditLimitMinor: row.credit_limit_minor as number | null,
    creditLimitCurrency: row.credit_limit_currency as string | null,
    paymentTermsDays: row.payment_terms_days as number | null,
    contacts: contacts.get(row.id as number) ?? [],
  }));
  const invoices = mapRows<Invoice>(raw, `${invoiceSql}${only}`, args, (row) => ({
    id: row.id as number, customerId: row.customer_id as number, invoiceNumber: row.invoice_number as string, issueDate: row.issue_date as string,
    dueDate: row.due_date as string, amountMinor: row.amount_minor as number, currency: row.currency as string, description: row.description as string | null,
  }));
  const payments = mapRows<Payment>(raw, `${paymentSql}${only}`, args, (row) => ({
    id: row.id as number, customerId: row.customer_id as number, paymentDate: row.payment_date as string, amountMinor: row.amount_minor as number,
    currency: row.currency as string, reference: row.reference as string | null, reversedOn: row.reversed_on as string | null,
  }));
  const allocations = mapRows<Allocation>(raw, customerId === undefined ? allocationSql : `${allocationSql} and invoice_id in (select id from invoices where customer_id = ?)`, args, (row) => ({
    paymentId: row.payment_id as number, invoiceId: row.invoice_id as number, amountMinor: row.amount_minor as number,
  }));
  const creditNotes = mapRows<CreditNote>(raw, `${creditNoteSql}${only}`, args, (row) => ({
    id: row.id as number, customerId: row.customer_id as number, invoiceId: row.invoice_id as number | null, noteNumber: row.note_number as string,
    issueDate: row.issue_date as string, amountMinor: row.amount_minor as number, currency: row.currency as string,
  }));
  const disputes = mapRows<Dispute>(raw, `${disputeSql}${onlyInvoices}`, args, (row) => ({
    id: row.id as number, invoiceId: row.invoice_id as number, openedOn: row.opened_on as string, resolvedOn: row.resolved_on as string | null,
  }));
  const promises = mapRows<PromiseToPay>(raw, `${promiseSql}${only}`, args, (row) => ({
    id: row.id as number, customerId: row.customer_id as number, invoiceId: row.invoice_id as number | null, promisedDate: row.promised_date as string,
    amountMinor: row.amount_minor as number, currency: row.currency as string, madeOn: row.made_on as string,
  }));
  return { customers, invoices, payments, allocations, creditNotes, disputes, promises, settings: { baseCurrency } };
}

function mapRows<T>(raw: Database.Database, query: string, args: unknown[], map: (row: Row) => T): T[] {
  const result: T[] = [];
  for (const row of raw.prepare(query).iterate(...args) as Iterable<Row>) result.push(map(row));
  return result;
}

export function loadWatchList(raw: Database.Database): WatchListEntry[] {
  return (raw.prepare('select id, source, name, pan, gstin, cin, status, listed_on from watch_list').all() as Row[]).map((row) => ({
    id: String(row.id),
    source: row.source as string,
    name: row.name as string,
    pan: row.pan as string | null,
    gstin: row.gstin as string | null,
    cin: row.cin as string | null,
    status: row.status as WatchListEntry['status'],
    listedOn: row.listed_on as string | null,
  }));
}

export function loadContactChanges(raw: Database.Database): ContactChange[] {
  return (raw.prepare('select customer_id, changed_on, kind from contact_changes').all() as Row[]).map((row) => ({
    customerId: row.customer_id as number,
    changedOn: row.changed_on as string,
    field: row.kind as string,
  }));
}
