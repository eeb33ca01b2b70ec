import {
  customerBodySchema,
  customerWriteResponseSchema,
  invoiceBodySchema,
  invoiceWriteResponseSchema,
  paymentBodySchema,
  paymentWriteResponseSchema,
} from '../../core/api/schemas';
import type { ApiPrincipal } from '../services/api/tokens';
import type { WriteOutcome, WriteRequest } from '../services/api/write-transaction';
import { defineRoute, type ApiRoute, type RouteContext, type RouteResult } from './route-types';

function writeRequest(context: RouteContext<unknown, unknown, unknown>): WriteRequest {
  const principal = context.principal as ApiPrincipal;
  return { tokenId: principal.tokenId, idempotencyKey: context.idempotencyKey, requestHash: context.requestHash };
}

function writeResult(outcome: WriteOutcome<unknown>): RouteResult {
  return { status: outcome.status, body: outcome.body, headers: outcome.replayed ? { 'idempotent-replayed': 'true' } : {} };
}

const writeNotes = 'Validated with the import rules, written in one transaction with one audit entry, then the customer is rescored. Send an Idempotency-Key header to make a retry safe: the same key with the same body returns the stored response, with another body 409.';

/** Endpoints that create or update ledger records; each needs a token with the `ledger:write` scope. */
export const writeRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/customers',
    summary: 'Create or update a customer',
    description: `Matched by externalRef (the customer code), else by exact name among customers without a code. Null fields keep the stored value; contacts are added, never removed. ${writeNotes}`,
    scope: 'ledger:write',
    writes: true,
    successStatuses: [200, 201],
    body: customerBodySchema,
    response: customerWriteResponseSchema,
    handle: async (context) => writeResult(await context.services.api.saveCustomer(context.body, writeRequest(context))),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/invoices',
    summary: 'Create or update an invoice',
    description: `Name the customer with customerId, customerRef or customerName. Matched by customer and invoice number. ${writeNotes}`,
    scope: 'ledger:write',
    writes: true,
    successStatuses: [200, 201],
    body: invoiceBodySchema,
    response: invoiceWriteResponseSchema,
    handle: async (context) => writeResult(await context.services.api.saveInvoice(context.body, writeRequest(context))),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/payments',
    summary: 'Record a payment and what it settles',
    description: `Matched by customer, payment date, amount and reference, so send a distinct reference for two equal payments on one day. Allocations settle the customer's invoices by number. ${writeNotes}`,
    scope: 'ledger:write',
    writes: true,
    successStatuses: [200, 201],
    body: paymentBodySchema,
    response: paymentWriteResponseSchema,
    handle: async (context) => writeResult(await context.services.api.savePayment(context.body, writeRequest(context))),
  }),
];
