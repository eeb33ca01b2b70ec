import { sql } from 'kysely';
import type { Allocation, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../../../core/ledger/types';
import type { Band, Channel, SentReminder } from '../../../core/reminders/types';
import type { LedgerDatabase } from '../../db/connection';
import { customerFromRow } from '../customer-service';

/** The ledger records the reminder planner reads, as core types. */
export interface LedgerSnapshot {
  readonly customers: readonly Customer[];
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly allocations: readonly Allocation[];
  readonly creditNotes: readonly CreditNote[];
  readonly disputes: readonly Dispute[];
  readonly promises: readonly PromiseToPay[];
}

/**
 * Marks a key whose message never went out (cancelled, failed or skipped). It keeps the step
 * from being planned again, and its send time lies outside any 7-day window, so the weekly cap
 * does not count it.
 */
export const neverSentInstant = '1970-01-01T00:00:00.000Z';

function groupContacts(rows: readonly { customer_id: number; kind: 'email' | 'phone'; value: string; name: string | null }[]) {
  const byCustomer = new Map<number, Customer['contacts'][number][]>();
  for (const row of rows) {
    const list = byCustomer.get(row.customer_id) ?? [];
    list.push({ kind: row.kind, value: row.value, name: row.name });
    byCustomer.set(row.customer_id, list);
  }
  return byCustomer;
}

async function loadCustomers(db: LedgerDatabase): Promise<Customer[]> {
  const rows = await db.selectFrom('customers').selectAll().where('erased_at', 'is', null).orderBy('id').execute();
  const contacts = groupContacts(await db.selectFrom('customer_contacts').select(['customer_id', 'kind', 'value', 'name']).orderBy('id').execute());
  return rows.map((row) => customerFromRow(row, contacts.get(row.id) ?? []));
}

/**
 * Reads every live customer with their invoices, payments, allocations, credit notes, disputes
 * and promises. Erased customers and their invoices are left out, so they get no reminders.
 */
export async function loadLedgerSnapshot(db: LedgerDatabase): Promise<LedgerSnapshot> {
  const customers = await loadCustomers(db);
  const live = new Set(customers.map((customer) => customer.id));
  const invoiceRows = await db.selectFrom('invoices').select(['id', 'customer_id', 'invoice_number', 'issue_date', 'due_date', 'amount_minor', 'currency', 'description']).execute();
  const invoices: Invoice[] = invoiceRows.filter((row) => live.has(row.customer_id)).map((row) => ({
    id: row.id, customerId: row.customer_id, invoiceNumber: row.invoice_number, issueDate: row.issue_date, dueDate: row.due_date, amountMinor: row.amount_minor, currency: row.currency, description: row.description,
  }));
  const paymentRows = await db.selectFrom('payments').select(['id', 'customer_id', 'payment_date', 'amount_minor', 'currency', 'reference', 'reversed_on']).execute();
  const payments: Payment[] = paymentRows.map((row) => ({ id: row.id, customerId: row.customer_id, paymentDate: row.payment_date, amountMinor: row.amount_minor, currency: row.currency, reference: row.reference, reversedOn: row.reversed_on }));
  const noteRows = await db.selectFrom('credit_notes').select(['id', 'customer_id', 'invoice_id', 'note_number', 'issue_date', 'amount_minor', 'currency']).execute();
  const creditNotes: CreditNote[] = noteRows.map((row) => ({ id: row.id, customerId: row.customer_id, invoiceId: row.invoice_id, noteNumber: row.note_number, issueDate: row.issue_date, amountMinor: row.amount_minor, currency: row.currency }));
  const allocations = await paymentAllocations(db);
  const disputeRows = await db.selectFrom('disputes').select(['id', 'invoice_id', 'opened_on', 'resolved_on']).execute();
  const disputes: Dispute[] = disputeRows.map((row) => ({ id: row.id, invoiceId: row.invoice_id, openedOn: row.opened_on, resolvedOn: row.resolved_on }));
  const promiseRows = await db.selectFrom('promises_to_pay').select(['id', 'customer_id', 'invoice_id', 'promised_date', 'amount_minor', 'currency', 'made_on']).execute();
  const promises: PromiseToPay[] = promiseRows.map((row) => ({ id: row.id, customerId: row.customer_id, invoiceId: row.invoice_id, promisedDate: row.promised_date, amountMinor: row.amount_minor, currency: row.currency, madeOn: row.made_on }));
  return { customers, invoices, payments, allocations, creditNotes, disputes, promises };
}

/**
 * Allocations from payments only, because core's invoiceBalances counts a credit note against the
 * invoice in its `invoiceId`. NOTE: a credit note allocated to some other invoice is not counted.
 */
async function paymentAllocations(db: LedgerDatabase): Promise<Allocation[]> {
  const rows = await db.selectFrom('allocations').select(['payment_id', 'invoice_id', 'amount_minor']).where('payment_id', 'is not', null).execute();
  return rows.map((row) => ({ paymentId: row.payment_id ?? 0, invoiceId: row.invoice_id, amountMinor: row.amount_minor }));
}

/**
 * Reads risk bands from the scoring engine's `customer_scores` table when this ledger has one
 * with `customer_id` and `band` columns; otherwise no customer has a band.
 */
export async function loadBands(db: LedgerDatabase): Promise<Map<number, Band>> {
  const bands = new Map<number, Band>();
  const columns = await sql<{ name: string }>`select name from pragma_table_info('customer_scores')`.execute(db);
  const names = new Set(columns.rows.map((row) => row.name));
  if (!names.has('customer_id') || !names.has('band')) return bands;
  const rows = await sql<{ customer_id: number; band: string }>`select customer_id, band from customer_scores order by rowid`.execute(db);
  for (const row of rows.rows) {
    if (['A', 'B', 'C', 'D', 'E'].includes(row.band)) bands.set(row.customer_id, row.band as Band);
  }
  return bands;
}

/**
 * Lists every idempotency key in the outbox as a sent reminder for the planner. The customer is
 * the invoice's current owner, so a merge keeps the weekly cap, and the time is when the message
 * went out or was written, or `neverSentInstant` for messages that never went out.
 */
export async function loadSentReminders(db: LedgerDatabase): Promise<SentReminder[]> {
  const rows = await db
    .selectFrom('reminder_outbox_invoices as k')
    .innerJoin('reminder_outbox as o', 'o.id', 'k.outbox_id')
    .leftJoin('invoices as i', 'i.id', 'k.invoice_id')
    .select(['k.idempotency_key', 'o.customer_id', 'i.customer_id as owner_id', 'o.channel', 'o.status', 'o.sent_at', 'o.created_at'])
    .execute();
  return rows.map((row) => {
    const neverSent = row.status === 'cancelled' || row.status === 'failed' || row.status === 'skipped';
    return {
      idempotencyKey: row.idempotency_key,
      customerId: row.owner_id ?? row.customer_id,
      channel: row.channel as Channel,
      sentAt: neverSent ? neverSentInstant : (row.sent_at ?? row.created_at),
    };
  });
}
