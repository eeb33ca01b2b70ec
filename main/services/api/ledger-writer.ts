import type Database from 'better-sqlite3-multiple-ciphers';
import type { InvoiceBody, PaymentBody, RecordChange } from '../../../core/api/schemas';
import { ServiceError } from '../errors';
import { readInvoiceRecord, readPaymentRecord, resolveCustomer, type InvoiceRecord, type PaymentRecord } from './records';
import { currencyProblem, rejectProblems } from './validation';
import type { WriteStep } from './write-transaction';
import { statement } from './statements';

interface InvoiceRow {
  id: number;
  issue_date: string;
  due_date: string;
  amount_minor: number;
  currency: string;
  description: string | null;
}

function allocatedTo(raw: Database.Database, invoiceId: number, exceptAllocationId = 0): number {
  return statement(raw, 'select coalesce(sum(amount_minor), 0) from allocations where invoice_id = ? and id <> ?').pluck().get(invoiceId, exceptAllocationId) as number;
}

/**
 * Creates or updates one invoice inside the caller's transaction, matched as an import matches it:
 * by customer and invoice number. A description left null keeps the stored one. An amount below
 * what payments already settle is rejected, because the invoice would be over-settled.
 */
export function saveInvoice(raw: Database.Database, body: InvoiceBody, at: string): WriteStep<{ change: RecordChange; invoice: InvoiceRecord }> {
  const customerId = resolveCustomer(raw, body);
  rejectProblems([currencyProblem('currency', body.currency)].filter((problem) => problem !== null));
  const existing = statement(raw, 'select id, issue_date, due_date, amount_minor, currency, description from invoices where customer_id = ? and invoice_number = ?')
    .get(customerId, body.invoiceNumber) as InvoiceRow | undefined;
  let change: RecordChange;
  let id: number;
  if (existing === undefined) {
    const result = statement(raw, 'insert into invoices (customer_id, invoice_number, issue_date, due_date, amount_minor, currency, description, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(customerId, body.invoiceNumber, body.issueDate, body.dueDate, body.amountMinor, body.currency, body.description, at);
    id = Number(result.lastInsertRowid);
    change = 'created';
  } else {
    id = existing.id;
    const description = body.description ?? existing.description;
    const same = existing.issue_date === body.issueDate && existing.due_date === body.dueDate && existing.amount_minor === body.amountMinor &&
      existing.currency === body.currency && existing.description === description;
    change = same ? 'unchanged' : 'updated';
    if (!same) {
      const settled = allocatedTo(raw, id);
      if (body.amountMinor < settled) {
        throw new ServiceError('conflict', `Payments already settle ${settled} minor units of invoice ${body.invoiceNumber}, so its amount cannot become ${body.amountMinor}.`);
      }
      statement(raw, 'update invoices set issue_date = ?, due_date = ?, amount_minor = ?, currency = ?, description = ? where id = ?')
        .run(body.issueDate, body.dueDate, body.amountMinor, body.currency, description, id);
    }
  }
  return {
    body: { change, invoice: readInvoiceRecord(raw, id) },
    customerId,
    change,
    audit: { action: change === 'created' ? 'invoice.created' : 'invoice.updated', entityType: 'invoice', entityId: id, details: { source: 'api', customerId } },
  };
}

/**
 * Creates one payment, or matches it as an import does (customer, date, amount and reference),
 * inside the caller's transaction, then applies its allocations to the customer's invoices by
 * number. An allocation to an unknown invoice, in another currency, or above what is still open
 * on the invoice or unallocated on the payment, rejects the whole request.
 */
export function savePayment(raw: Database.Database, body: PaymentBody, at: string): WriteStep<{ change: RecordChange; payment: PaymentRecord }> {
  const customerId = resolveCustomer(raw, body);
  rejectProblems([currencyProblem('currency', body.currency)].filter((problem) => problem !== null));
  const matched = statement(raw, "select id from payments where customer_id = ? and payment_date = ? and amount_minor = ? and coalesce(reference, '') = ? order by id limit 1")
    .pluck().get(customerId, body.paymentDate, body.amountMinor, body.reference ?? '') as number | undefined;
  let change: RecordChange = 'unchanged';
  let id = matched ?? 0;
  if (matched === undefined) {
    const result = statement(raw, 'insert into payments (customer_id, payment_date, amount_minor, currency, reference, created_at) values (?, ?, ?, ?, ?, ?)')
      .run(customerId, body.paymentDate, body.amountMinor, body.currency, body.reference, at);
    id = Number(result.lastInsertRowid);
    change = 'created';
  }
  const allocationsChanged = applyAllocations(raw, { id, customerId, amountMinor: body.amountMinor, currency: body.currency }, body.allocations);
  if (change === 'unchanged' && allocationsChanged > 0) change = 'updated';
  return {
    body: { change, payment: readPaymentRecord(raw, id) },
    customerId,
    change,
    audit: { action: change === 'created' ? 'payment.created' : 'payment.updated', entityType: 'payment', entityId: id, details: { source: 'api', customerId, allocationsChanged } },
  };
}

interface PaymentFacts {
  readonly id: number;
  readonly customerId: number;
  readonly amountMinor: number;
  readonly currency: string;
}

/** Inserts or changes the payment's allocations; returns how many changed. */
function applyAllocations(raw: Database.Database, payment: PaymentFacts, allocations: PaymentBody['allocations']): number {
  let changed = 0;
  for (const allocation of allocations) {
    const invoice = statement(raw, 'select id, amount_minor, currency from invoices where customer_id = ? and invoice_number = ?').get(payment.customerId, allocation.invoiceNumber) as
      { id: number; amount_minor: number; currency: string } | undefined;
    if (invoice === undefined) throw new ServiceError('not_found', `The payment settles invoice ${allocation.invoiceNumber}, which this customer does not have. Send the invoice first.`);
    if (invoice.currency !== payment.currency) {
      throw new ServiceError('invalid_input', `Invoice ${allocation.invoiceNumber} is in ${invoice.currency} but the payment is in ${payment.currency}.`);
    }
    const existing = statement(raw, 'select id, amount_minor from allocations where payment_id = ? and invoice_id = ?').get(payment.id, invoice.id) as { id: number; amount_minor: number } | undefined;
    if (existing?.amount_minor === allocation.amountMinor) continue;
    const open = invoice.amount_minor - allocatedTo(raw, invoice.id, existing?.id ?? 0);
    if (allocation.amountMinor > open) {
      throw new ServiceError('conflict', `The payment would settle ${allocation.amountMinor} minor units of invoice ${allocation.invoiceNumber}, but only ${open} are open.`);
    }
    const fromPayment = statement(raw, 'select coalesce(sum(amount_minor), 0) from allocations where payment_id = ? and id <> ?').pluck().get(payment.id, existing?.id ?? 0) as number;
    if (fromPayment + allocation.amountMinor > payment.amountMinor) {
      throw new ServiceError('conflict', `The payment's allocations would add up to more than its amount ${payment.amountMinor}.`);
    }
    if (existing === undefined) statement(raw, 'insert into allocations (invoice_id, payment_id, amount_minor) values (?, ?, ?)').run(invoice.id, payment.id, allocation.amountMinor);
    else statement(raw, 'update allocations set amount_minor = ? where id = ?').run(allocation.amountMinor, existing.id);
    changed += 1;
  }
  return changed;
}
