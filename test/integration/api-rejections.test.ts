import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiServer } from '../../main/api/server';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { apiRequest, errorCode, startTestApi, type ApiRequestOptions } from '../support/api-client';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

interface Rejection {
  readonly name: string;
  readonly request: ApiRequestOptions;
  readonly status: number;
  readonly code: string;
}

const invoice = { customerRef: 'KAP-01', invoiceNumber: 'INV-9', issueDate: '2026-11-01', dueDate: '2026-12-01', amountMinor: 1_500_00, currency: 'INR' };

describe('local API rejections', () => {
  const temp = makeTempDir('duewatch-api-reject-');
  let services: Services;
  let server: ApiServer;
  let reader: string;
  let writer: string;
  let revoked: string;

  async function createToken(name: string, scopes: ('risk:read' | 'ledger:write')[]): Promise<string> {
    const created = await dispatch(services, silentLogger, 'api.createToken', { name, scopes });
    if (!created.ok) throw new Error(created.error.message);
    return (created.value as { secret: string }).secret;
  }

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Rejections', testPassphrase);
    server = await startTestApi(services);
    reader = await createToken('reader', ['risk:read']);
    writer = await createToken('writer', ['ledger:write']);
    revoked = await createToken('old', ['risk:read', 'ledger:write']);
    await services.api.revokeToken({ name: 'old' });
    const customer = await apiRequest(server.port, { method: 'POST', path: '/v1/customers', token: writer, body: { name: 'Kapoor Electricals', externalRef: 'KAP-01', gstin: '27AAPFU0939F1ZV' } });
    expect(customer.status).toBe(201);
    expect((await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token: writer, body: invoice })).status).toBe(201);
    await services.api.flushRefresh();
  });

  afterAll(async () => {
    await server?.close();
    await services?.shutdown();
    temp.remove();
  });

  const oversized = JSON.stringify({ ...invoice, description: 'x'.repeat(300 * 1024) });
  const rejections: Rejection[] = [
    { name: 'no token', request: { path: '/v1/customers/1/risk' }, status: 401, code: 'forbidden' },
    { name: 'basic authorization', request: { path: '/v1/customers/1/risk', headers: { authorization: 'Basic dXNlcjpwYXNz' } }, status: 401, code: 'forbidden' },
    { name: 'unknown token', request: { path: '/v1/customers/1/risk', token: 'dwapi_notatoken' }, status: 401, code: 'forbidden' },
    { name: 'revoked token', request: { path: '/v1/customers/1/risk', token: 'REVOKED' }, status: 401, code: 'forbidden' },
    { name: 'read token writing', request: { method: 'POST', path: '/v1/invoices', token: 'READER', body: { ...invoice, invoiceNumber: 'INV-10' } }, status: 403, code: 'forbidden' },
    { name: 'write token reading', request: { path: '/v1/customers/1/risk', token: 'WRITER' }, status: 403, code: 'forbidden' },
    { name: 'foreign host', request: { path: '/v1/customers/1/risk', token: 'READER', headers: { host: 'evil.example:80' } }, status: 403, code: 'forbidden' },
    { name: 'rebinding host', request: { path: '/v1/customers/1/risk', token: 'READER', headers: { host: 'attacker.example:PORT' } }, status: 403, code: 'forbidden' },
    { name: 'foreign origin', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-11' }, headers: { origin: 'https://evil.example' } }, status: 403, code: 'forbidden' },
    { name: 'cross-site fetch', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-12' }, headers: { 'sec-fetch-site': 'cross-site' } }, status: 403, code: 'forbidden' },
    { name: 'oversized body', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: oversized }, status: 413, code: 'payload_too_large' },
    { name: 'malformed JSON', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: '{"customerRef": "KAP-01", ' }, status: 400, code: 'invalid_input' },
    { name: 'prototype key', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: '{"__proto__": {"admin": true}}' }, status: 400, code: 'invalid_input' },
    { name: 'empty JSON body', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: '' }, status: 400, code: 'invalid_input' },
    { name: 'plain-text body', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: JSON.stringify({ ...invoice, invoiceNumber: 'INV-13' }), headers: { 'content-type': 'text/plain' } }, status: 415, code: 'unsupported_media_type' },
    { name: 'form body', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 415, code: 'unsupported_media_type' },
    { name: 'unknown path', request: { path: '/v1/nothing-here', token: 'READER' }, status: 404, code: 'not_found' },
    { name: 'wrong method', request: { method: 'DELETE', path: '/v1/customers/1', token: 'READER' }, status: 404, code: 'not_found' },
    { name: 'unknown customer', request: { path: '/v1/customers/999/risk', token: 'READER' }, status: 404, code: 'not_found' },
    { name: 'non-numeric id', request: { path: '/v1/customers/abc', token: 'READER' }, status: 400, code: 'invalid_input' },
    { name: 'invalid GSTIN', request: { method: 'POST', path: '/v1/customers', token: 'WRITER', body: { name: 'Mehta Traders', gstin: '27AAPFU0939F1ZX' } }, status: 400, code: 'invalid_input' },
    { name: 'invalid PAN', request: { method: 'POST', path: '/v1/customers', token: 'WRITER', body: { name: 'Mehta Traders', pan: 'ABCDE12345' } }, status: 400, code: 'invalid_input' },
    { name: 'unknown field', request: { method: 'POST', path: '/v1/customers', token: 'WRITER', body: { name: 'Mehta Traders', nickname: 'MT' } }, status: 400, code: 'invalid_input' },
    { name: 'due before issue', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-14', dueDate: '2026-10-01' } }, status: 400, code: 'invalid_input' },
    { name: 'fractional amount', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-15', amountMinor: 10.5 } }, status: 400, code: 'invalid_input' },
    { name: 'amount as text', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-16', amountMinor: '1500' } }, status: 400, code: 'invalid_input' },
    { name: 'unknown currency', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-17', currency: 'XYZ' } }, status: 400, code: 'invalid_input' },
    { name: 'invalid date', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-18', issueDate: '2026-02-30' } }, status: 400, code: 'invalid_input' },
    { name: 'two customer selectors', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-19', customerId: 1 } }, status: 400, code: 'invalid_input' },
    { name: 'unknown customer code', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-20', customerRef: 'NOPE' } }, status: 404, code: 'not_found' },
    { name: 'over-allocation', request: { method: 'POST', path: '/v1/payments', token: 'WRITER', body: { customerRef: 'KAP-01', paymentDate: '2026-11-20', amountMinor: 2_000_00, currency: 'INR', allocations: [{ invoiceNumber: 'INV-9', amountMinor: 2_000_00 }] } }, status: 409, code: 'conflict' },
    { name: 'allocation to unknown invoice', request: { method: 'POST', path: '/v1/payments', token: 'WRITER', body: { customerRef: 'KAP-01', paymentDate: '2026-11-20', amountMinor: 100, currency: 'INR', allocations: [{ invoiceNumber: 'INV-404', amountMinor: 100 }] } }, status: 404, code: 'not_found' },
    { name: 'invalid idempotency key', request: { method: 'POST', path: '/v1/invoices', token: 'WRITER', body: { ...invoice, invoiceNumber: 'INV-21' }, headers: { 'idempotency-key': 'has space' } }, status: 400, code: 'invalid_input' },
    { name: 'credit check in another currency', request: { method: 'POST', path: '/v1/customers/1/credit-check', token: 'READER', body: { amountMinor: 100, currency: 'USD' } }, status: 400, code: 'invalid_input' },
    { name: 'two lookup keys', request: { path: '/v1/customers?pan=AAPFU0939F&name=Kapoor', token: 'READER' }, status: 400, code: 'invalid_input' },
  ];

  function resolveTokens(request: ApiRequestOptions): ApiRequestOptions {
    const tokens: Record<string, string> = { READER: reader, WRITER: writer, REVOKED: revoked };
    const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([key, value]) => [key, value.replace('PORT', String(server.port))]));
    return { ...request, headers, ...(request.token === undefined ? {} : { token: tokens[request.token] ?? request.token }) };
  }

  it.each(rejections)('rejects $name and changes nothing', async ({ request, status, code }) => {
    const { db } = services.session.require().database;
    const before = await ledgerFingerprint(db);
    const response = await apiRequest(server.port, resolveTokens(request));
    expect(response.status, response.text).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(errorCode(response)).toBe(code);
    expect((response.json as { error: { message: string } }).error.message.length).toBeGreaterThan(10);
    expect(await ledgerFingerprint(db)).toBe(before);
  });

  it('names the revoked token in the message', async () => {
    const response = await apiRequest(server.port, { path: '/v1/customers/1/risk', token: revoked });
    expect((response.json as { error: { message: string } }).error.message).toMatch(/revoked/);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('lists field problems for invalid input', async () => {
    const response = await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token: writer, body: { ...invoice, invoiceNumber: 'INV-30', dueDate: '2026-10-01', currency: 'inr' } });
    const details = (response.json as { error: { details: { path: string }[] } }).error.details.map((detail) => detail.path);
    expect(details).toContain('currency');
    expect(details).toContain('dueDate');
  });

  it('rejects a reused idempotency key with another body', async () => {
    const key = 'retry-0001';
    const first = await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token: writer, body: { ...invoice, invoiceNumber: 'INV-40' }, headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const { db } = services.session.require().database;
    const before = await ledgerFingerprint(db);
    const replay = await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token: writer, body: { ...invoice, invoiceNumber: 'INV-40' }, headers: { 'idempotency-key': key } });
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json).toEqual(first.json);
    const conflict = await apiRequest(server.port, { method: 'POST', path: '/v1/invoices', token: writer, body: { ...invoice, invoiceNumber: 'INV-41' }, headers: { 'idempotency-key': key } });
    expect(conflict.status).toBe(409);
    expect(errorCode(conflict)).toBe('conflict');
    expect(await ledgerFingerprint(db)).toBe(before);
    await services.api.flushRefresh();
  });

  it('answers 423 while the ledger is locked', async () => {
    const ledgerId = services.session.require().ledger.id;
    await services.ledgers.lock();
    try {
      const response = await apiRequest(server.port, { path: '/v1/customers/1/risk', token: reader });
      expect(response.status).toBe(423);
      expect(errorCode(response)).toBe('locked');
      const openApi = await apiRequest(server.port, { path: '/openapi.json' });
      expect(openApi.status).toBe(200);
    } finally {
      await services.ledgers.unlock(ledgerId, testPassphrase, false);
    }
    const after = await apiRequest(server.port, { path: '/v1/customers/1/risk', token: reader });
    expect(after.status, after.text).toBe(200);
  });

  it('limits each token to its burst, then its rate', async () => {
    let nowMs = 0;
    const limited = await startTestApi(services, { clock: () => nowMs });
    try {
      await services.api.updateSettings({ rateLimitBurst: 5, rateLimitPerSecond: 2 });
      const statuses: number[] = [];
      for (let index = 0; index < 7; index += 1) statuses.push((await apiRequest(limited.port, { path: '/v1/alerts', token: reader })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const rejected = await apiRequest(limited.port, { path: '/v1/alerts', token: reader });
      expect(errorCode(rejected)).toBe('rate_limited');
      expect(rejected.headers['retry-after']).toBe('1');
      expect((await apiRequest(limited.port, { path: '/v1/alerts', token: writer })).status).toBe(403);
      nowMs += 1_000;
      expect((await apiRequest(limited.port, { path: '/v1/alerts', token: reader })).status).toBe(200);
      expect((await apiRequest(limited.port, { path: '/v1/alerts', token: reader })).status).toBe(200);
      expect((await apiRequest(limited.port, { path: '/v1/alerts', token: reader })).status).toBe(429);
    } finally {
      await services.api.updateSettings({ rateLimitBurst: 100, rateLimitPerSecond: 50 });
      await limited.close();
    }
  });

  it('answers a request line Node cannot parse with a JSON error', async () => {
    const { connect } = await import('node:net');
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.write('GET /v1/alerts HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header Line\r\n\r\n'));
      let received = '';
      socket.setTimeout(10_000, () => socket.destroy(new Error('No answer within 10 s.')));
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'invalid_input', message: 'The request is not valid HTTP.' } });
  });
});
