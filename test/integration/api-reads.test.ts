import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsResponseSchema, creditDecisionSchema, customerListResponseSchema, riskViewSchema } from '../../core/api/schemas';
import { customerSchema } from '../../core/contract/customers';
import type { ApiServer } from '../../main/api/server';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { apiRequest, errorCode, startTestApi } from '../support/api-client';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

const customer = { name: 'Kapoor Electricals Pvt. Ltd.', externalRef: 'KAP-01', gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F', contacts: [{ kind: 'email', value: 'Accounts@Kapoor.example' }] };

describe('local API reads', () => {
  const temp = makeTempDir('duewatch-api-reads-');
  let services: Services;
  let server: ApiServer;
  let token: string;
  let customerId: number;

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Reads', testPassphrase);
    server = await startTestApi(services);
    token = (await services.api.createToken('both', ['risk:read', 'ledger:write'])).secret;
    const created = await apiRequest(server.port, { method: 'POST', path: '/v1/customers', token, body: customer });
    expect(created.status, created.text).toBe(201);
    customerId = customerSchema.parse((created.json as { customer: unknown }).customer).id;
    const invoice = { customerId, invoiceNumber: 'INV-1', issueDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 2_50_000_00, currency: 'INR' };
    expect((await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token, body: invoice })).status).toBe(201);
    await services.api.flushRefresh();
  });

  afterAll(async () => {
    await server?.close();
    await services?.shutdown();
    temp.remove();
  });

  it.each([
    ['gstin', '27aapfu0939f1zv'],
    ['pan', 'AAPFU0939F'],
    ['externalRef', 'KAP-01'],
    ['name', 'kapoor electricals'],
  ])('finds the customer by %s', async (key, value) => {
    const response = await apiRequest(server.port, { path: `/v1/customers?${key}=${encodeURIComponent(value)}`, token });
    expect(response.status, response.text).toBe(200);
    expect(customerListResponseSchema.parse(response.json).items.map((item) => item.id)).toEqual([customerId]);
  });

  it('returns an empty list for no match', async () => {
    const response = await apiRequest(server.port, { path: '/v1/customers?pan=ZZZZZ9999Z', token });
    expect(customerListResponseSchema.parse(response.json).items).toEqual([]);
  });

  it('returns the customer with normalised contacts', async () => {
    const response = await apiRequest(server.port, { path: `/v1/customers/${customerId}`, token });
    const record = customerSchema.parse(response.json);
    expect(record.contacts).toEqual([{ kind: 'email', value: 'accounts@kapoor.example', name: null }]);
    expect(record.gstin).toBe('27AAPFU0939F1ZV');
  });

  it('reports exposure and an overdue invoice in the risk view', async () => {
    const view = riskViewSchema.parse((await apiRequest(server.port, { path: `/v1/customers/${customerId}/risk`, token })).json);
    expect(view.exposureMinor).toBe(2_50_000_00);
    expect(view.overdueMinor).toBe(2_50_000_00);
    expect(view.daysPastDue).toBeGreaterThan(0);
    expect(view.creditLimitMinor).toBeNull();
    expect(view.headroomMinor).toBeNull();
    expect(view.currency).toBe('INR');
  });

  it('checks credit without writing', async () => {
    const { db } = services.session.require().database;
    const before = await ledgerFingerprint(db);
    const response = await apiRequest(server.port, { method: 'POST', path: `/v1/customers/${customerId}/credit-check`, token, body: { amountMinor: 50_000_00 } });
    expect(response.status, response.text).toBe(200);
    const decision = creditDecisionSchema.parse(response.json);
    expect(decision.amountMinor).toBe(50_000_00);
    expect(decision.exposureMinor).toBe(2_50_000_00);
    expect(decision.reasons.length).toBeGreaterThan(0);
    expect(await ledgerFingerprint(db)).toBe(before);
  });

  it('lists only open alerts', async () => {
    const { raw } = services.session.require().database;
    const insert = raw.prepare(`insert into alerts (episode_key, rule, customer_id, subject, kind, severity, severity_rank, alert_date, updated_on, message, evidence_json, state, created_at, updated_at)
      values (?, 'overdue-crossed', ?, 'customer', 'state', 'warning', 1, ?, ?, ?, '{}', ?, '2026-12-04T10:00:00.000Z', '2026-12-04T10:00:00.000Z')`);
    insert.run('open-1', customerId, '2026-12-01', '2026-12-01', 'Overdue above 30 days', 'new');
    insert.run('done-1', customerId, '2026-11-01', '2026-11-01', 'Resolved long ago', 'resolved');
    const alerts = alertsResponseSchema.parse((await apiRequest(server.port, { path: '/v1/alerts', token })).json);
    expect(alerts.available).toBe(true);
    expect(alerts.items).toContainEqual({ id: expect.any(Number), customerId, kind: 'overdue-crossed', severity: 'warning', message: 'Overdue above 30 days', status: 'new', createdAt: '2026-12-01' });
    expect(alerts.items.map((alert) => alert.message)).not.toContain('Resolved long ago');
    for (const alert of alerts.items) expect(['new', 'acknowledged']).toContain(alert.status);
    const ids = alerts.items.map((alert) => alert.id ?? 0);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const forOther = alertsResponseSchema.parse((await apiRequest(server.port, { path: `/v1/alerts?customerId=${customerId + 1}`, token })).json);
    expect(forOther.items).toEqual([]);
  });

  it('serves an OpenAPI 3.1 document of every endpoint', async () => {
    const response = await apiRequest(server.port, { path: '/openapi.json' });
    expect(response.status).toBe(200);
    const document = response.json as { openapi: string; paths: Record<string, Record<string, { security: unknown[]; requestBody?: unknown; responses: Record<string, unknown> }>>; components: { securitySchemes: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/v1/alerts', '/v1/customers', '/v1/customers/{id}', '/v1/customers/{id}/credit-check', '/v1/customers/{id}/risk', '/v1/invoices', '/v1/payments']);
    expect(document.paths['/v1/invoices']?.post?.security).toEqual([{ bearerToken: ['ledger:write'] }]);
    expect(document.paths['/v1/invoices']?.post?.requestBody).toBeDefined();
    expect(Object.keys(document.paths['/v1/invoices']?.post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '400', '401', '409', '413', '415', '423', '429']));
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('keeps erased customers out of reach', async () => {
    const other = await apiRequest(server.port, { method: 'POST', path: '/v1/customers', token, body: { name: 'Short Lived Traders' } });
    const otherId = customerSchema.parse((other.json as { customer: unknown }).customer).id;
    services.session.require().database.raw.prepare("update customers set erased_at = '2026-12-04T10:00:00.000Z' where id = ?").run(otherId);
    const response = await apiRequest(server.port, { path: `/v1/customers/${otherId}`, token });
    expect(response.status).toBe(404);
    expect(errorCode(response)).toBe('not_found');
    const invoice = await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token, body: { customerId: otherId, invoiceNumber: 'X-1', issueDate: '2026-09-01', dueDate: '2026-10-01', amountMinor: 100, currency: 'INR' } });
    expect(invoice.status).toBe(404);
  });

  it('erasure deletes stored idempotent responses', async () => {
    const created = await apiRequest(server.port, { method: 'POST', path: '/v1/customers', token, body: { name: 'Mehta Traders', externalRef: 'MEH-9' }, headers: { 'idempotency-key': 'mehta-create' } });
    expect(created.status).toBe(201);
    const mehtaId = customerSchema.parse((created.json as { customer: unknown }).customer).id;
    const { raw } = services.session.require().database;
    const stored = () => raw.prepare('select count(*) from api_idempotency where customer_id = ?').pluck().get(mehtaId);
    expect(stored()).toBe(1);
    const erased = await dispatch(services, silentLogger, 'privacy.customer.erase', { customerId: mehtaId, confirmName: 'Mehta Traders' });
    expect(erased.ok, JSON.stringify(erased)).toBe(true);
    expect(stored()).toBe(0);
  });
});
