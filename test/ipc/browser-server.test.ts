import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../main/logger';
import { maxRequestBytes, startBrowserServer, type BrowserServer } from '../../main/server/browser-server';
import type { Services } from '../../main/services/index';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a raw HTTP request so Host and Origin can be set freely, which fetch does not allow. */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: options.path, headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    if (options.body !== undefined) outgoing.write(options.body);
    outgoing.end();
  });
}

describe('browser-mode server', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let server: BrowserServer;
  let headers: Record<string, string>;

  beforeEach(async () => {
    temp = makeTempDir();
    const staticRoot = join(temp.path, 'static');
    mkdirSync(staticRoot);
    writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>Duewatch</title>');
    services = createTestServices(temp.path);
    await services.ledgers.create('Shop', testPassphrase);
    server = await startBrowserServer({ services, logger: silentLogger, staticRoot });
    headers = { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}`, 'content-type': 'application/json' };
  });

  afterEach(async () => {
    await server.close();
    await services.shutdown();
    temp.remove();
  });

  const addCustomer = JSON.stringify({ name: 'Iyer Stores', contacts: [] });

  async function expectUnchanged(action: () => Promise<RawResponse>, status: number, code: string): Promise<void> {
    const before = await ledgerFingerprint(services.session.require().database.db);
    const response = await action();
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    expect(await ledgerFingerprint(services.session.require().database.db)).toBe(before);
  }

  it('serves a request with the right token', async () => {
    const response = await send(server.port, { path: '/api/request/customers.add', headers, body: addCustomer });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Iyer Stores' } });
  });

  it('rejects a wrong or missing token', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers: { ...headers, authorization: 'Bearer wrong' }, body: addCustomer }), 401, 'forbidden');
    const { authorization: _omitted, ...withoutToken } = headers;
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers: withoutToken, body: addCustomer }), 401, 'forbidden');
  });

  it('rejects a foreign Host header', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers: { ...headers, host: `evil.example:${server.port}` }, body: addCustomer }), 403, 'forbidden');
    const page = await send(server.port, { method: 'GET', path: '/', headers: { host: 'rebind.example' } });
    expect(page.status).toBe(403);
  });

  it('rejects a cross-site Origin', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers: { ...headers, origin: 'https://evil.example' }, body: addCustomer }), 403, 'forbidden');
    const sameOrigin = await send(server.port, { path: '/api/request/customers.add', headers: { ...headers, origin: `http://127.0.0.1:${server.port}` }, body: addCustomer });
    expect(sameOrigin.status).toBe(200);
  });

  it('rejects malformed JSON', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers, body: '{"name": "Iyer' }), 400, 'invalid_input');
  });

  it('rejects invalid input', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers, body: JSON.stringify({ name: '' }) }), 400, 'invalid_input');
  });

  it('rejects an oversized body', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(maxRequestBytes + 10), contacts: [] });
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.add', headers, body }), 413, 'invalid_input');
  });

  it('rejects an unknown request', async () => {
    await expectUnchanged(() => send(server.port, { path: '/api/request/customers.truncate', headers, body: '{}' }), 404, 'unknown_request');
  });

  it('sends a strict CSP with the page', async () => {
    const page = await send(server.port, { method: 'GET', path: '/', headers: { host: `127.0.0.1:${server.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
  });

  it('does not serve files outside the renderer folder', async () => {
    writeFileSync(join(temp.path, 'secret.txt'), 'outside');
    const response = await send(server.port, { method: 'GET', path: '/..%2Fsecret.txt', headers: { host: `127.0.0.1:${server.port}` } });
    expect(response.body).not.toContain('outside');
  });

  it('listens on loopback only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
