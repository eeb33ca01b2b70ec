import {
  alertsQuerySchema,
  alertsResponseSchema,
  creditCheckBodySchema,
  creditDecisionSchema,
  customerIdParamsSchema,
  customerListResponseSchema,
  customerLookupQuerySchema,
  riskViewSchema,
} from '../../core/api/schemas';
import { customerSchema } from '../../core/contract/customers';
import { defineRoute, type ApiRoute } from './route-types';

/** Endpoints that read the ledger; each needs a token with the `risk:read` scope. */
export const readRoutes: readonly ApiRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/customers',
    summary: 'Find customers by GSTIN, PAN, customer code or name',
    description: 'Exactly one query parameter: gstin, pan or externalRef match exactly; name matches ignoring case, punctuation and legal-form words such as "Pvt Ltd". Returns at most 50 customers.',
    scope: 'risk:read',
    query: customerLookupQuerySchema,
    response: customerListResponseSchema,
    handle: async ({ services, query }) => ({ body: { items: await services.api.lookupCustomers(query) } }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/customers/:id',
    summary: 'Read one customer',
    description: 'The customer with its identifiers, credit limit, payment terms and contacts.',
    scope: 'risk:read',
    params: customerIdParamsSchema,
    response: customerSchema,
    handle: async ({ services, params }) => ({ body: await services.api.customer(params.id) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/customers/:id/risk',
    summary: "Read a customer's current risk score",
    description: 'The stored score the app shows: score (0-100, higher is riskier), band, SMA class, reasons, indicators, exposure, the credit limit and the headroom left under it. Amounts are minor units of the base currency.',
    scope: 'risk:read',
    params: customerIdParamsSchema,
    response: riskViewSchema,
    handle: async ({ services, params }) => ({ body: await services.api.risk(params.id) }),
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/customers/:id/credit-check',
    summary: 'Ask whether to extend credit for a proposed order',
    description: 'Scores the customer with the order added and compares the amount with the headroom under the credit limit. Returns approve, approve-with-conditions or refuse, with reasons. Changes nothing.',
    scope: 'risk:read',
    params: customerIdParamsSchema,
    body: creditCheckBodySchema,
    response: creditDecisionSchema,
    handle: async ({ services, params, body }) => ({ body: await services.api.creditCheck(params.id, body.amountMinor, body.currency) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/alerts',
    summary: 'List open alerts',
    description: 'Open early-warning alerts, newest first, optionally for one customer. `available` is false while the ledger has no alerts yet.',
    scope: 'risk:read',
    query: alertsQuerySchema,
    response: alertsResponseSchema,
    handle: async ({ services, query }) => ({ body: await services.api.alerts(query.customerId) }),
  }),
];
