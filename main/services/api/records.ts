import type Database from 'better-sqlite3-multiple-ciphers';
import type { CustomerRecord } from '../../../core/contract/customers';
import type { z } from 'zod';
import type { invoiceRecordSchema, paymentRecordSchema } from '../../../core/api/schemas';
import { normalizeName } from '../../../core/quality/identifiers';
import { ServiceError } from '../errors';
import { statement } from './statements';
import { customerFromRow, type CustomerRow } from '../customer-service';

export type InvoiceRecord = z.infer<typeof invoiceRecordSchema>;
export type PaymentRecord = z.infer<typeof paymentRecordSchema>;

export interface CustomerSelector {
  readonly customerId?: number | undefined;
  readonly customerRef?: string | undefined;
  readonly customerName?: string | undefined;
}

type Row = Record<string, unknown>;

/**
 * Finds the customer a request names, with the import's matching rules: by customer code, or by
 * exact name among customers without a code. Erased customers are never matched.
 */
export function resolveCustomer(raw: Database.Database, selector: CustomerSelector): number {
  let row: { id: number } | undefined;
  let described: string;
  if (selector.customerId !== undefined) {
    row = statement(raw, 'select id from customers where id = ? and erased_at is null').get(selector.customerId) as { id: number } | undefined;
    described = `the id ${selector.customerId}`;
  } else if (selector.customerRef !== undefined) {
    row = statement(raw, 'select id from customers where external_ref = ? and erased_at is null').get(selector.customerRef) as { id: number } | undefined;
    described = `the code "${selector.customerRef}"`;
  } else {
    const name = normalizeName(selector.customerName ?? '');
    row = statement(raw, 'select id from customers where name = ? and external_ref is null and erased_at is null order by id limit 1').get(name) as { id: number } | undefined;
    described = `the name "${name}" and no code`;
  }
  if (row === undefined) throw new ServiceError('not_found', `No customer has ${described}. Create the customer first with POST /v1/customers.`);
  return row.id;
}

export function readCustomerRecord(raw: Database.Database, id: number): CustomerRecord {
  const row = statement(raw, 'select * from customers where id = ?').get(id) as Row | undefined;
  if (row === undefined) throw new ServiceError('not_found', `No customer has the id ${id}.`);
  const contacts = statement(raw, 'select kind, value, name from customer_contacts where customer_id = ? order by id').all(id) as { kind: 'email' | 'phone'; value: string; name: string | null }[];
  return customerFromRow(row as unknown as CustomerRow, contacts);
}

export function readInvoiceRecord(raw: Database.Database, id: number): InvoiceRecord {
  const row = statement(raw, `select i.*, i.amount_minor - coalesce((select sum(a.amount_minor) from allocations a where a.invoice_id = i.id), 0) as open_minor
    from invoices i where i.id = ?`).get(id) as Row;
  return {
    id: row.id as number,
    customerId: row.customer_id as number,
    invoiceNumber: row.invoice_number as string,
    issueDate: row.issue_date as string,
    dueDate: row.due_date as string,
    amountMinor: row.amount_minor as number,
    currency: row.currency as string,
    description: row.description as string | null,
    openMinor: row.open_minor as number,
  };
}

export function readPaymentRecord(raw: Database.Database, id: number): PaymentRecord {
  const row = statement(raw, 'select * from payments where id = ?').get(id) as Row;
  const allocations = statement(raw, 'select a.invoice_id, i.invoice_number, a.amount_minor from allocations a join invoices i on i.id = a.invoice_id where a.payment_id = ? order by a.id').all(id) as Row[];
  return {
    id: row.id as number,
    customerId: row.customer_id as number,
    paymentDate: row.payment_date as string,
    amountMinor: row.amount_minor as number,
    currency: row.currency as string,
    reference: row.reference as string | null,
    allocations: allocations.map((allocation) => ({ invoiceId: allocation.invoice_id as number, invoiceNumber: allocation.invoice_number as string, amountMinor: allocation.amount_minor as number })),
  };
}
