import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorCodes } from '../../core/api/schemas';
import type { ApiServer } from '../../main/api/server';
import type { Services } from '../../main/services/index';
import { apiRequest, startTestApi, type ApiRequestOptions } from '../support/api-client';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';
import { seededRandom as generator } from '../support/random';

const seed = 20261204;
const requestCount = 3000;


const templates: Record<string, Record<string, unknown>> = {
  customer: { name: 'Fuzz Traders', externalRef: 'FZ-1', gstin: '27AAPFU0939F1ZV', pan: 'AAPFU0939F', creditLimitMinor: 100_000_00, creditLimitCurrency: 'INR', contacts: [{ kind: 'email', value: 'ar@fuzz.example' }] },
  invoice: { customerRef: 'FZ-1', invoiceNumber: 'F-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 5_000_00, currency: 'INR', description: 'Goods' },
  payment: { customerRef: 'FZ-1', paymentDate: '2026-11-02', amountMinor: 1_000_00, currency: 'INR', reference: 'UTR1', allocations: [{ invoiceNumber: 'F-1', amountMinor: 1_000_00 }] },
  credit: { amountMinor: 25_000_00, currency: 'INR' },
};

/** Real endpoints with the body each expects, so half the requests are near misses of valid ones. */
const targets: readonly (readonly [string, string, string | null])[] = [
  ['GET', '/v1/customers/1/risk', null],
  ['GET', '/v1/customers?name=fuzz%20traders', null],
  ['GET', '/v1/customers/1', null],
  ['GET', '/v1/alerts', null],
  ['POST', '/v1/customers', 'customer'],
  ['POST', '/v1/invoices', 'invoice'],
  ['POST', '/v1/payments', 'payment'],
  ['POST', '/v1/customers/1/credit-check', 'credit'],
];
const paths = ['/v1/customers', '/v1/customers/1', '/v1/customers/1/risk', '/v1/customers/1/credit-check', '/v1/invoices', '/v1/payments', '/v1/alerts', '/openapi.json'];
const methods = ['GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const contentTypes = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=latin1'];

describe('local API fuzzing', () => {
  const temp = makeTempDir('duewatch-api-fuzz-');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let services: Services;
  let server: ApiServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Fuzz', testPassphrase);
    await services.api.updateSettings({ rateLimitPerSecond: 10_000, rateLimitBurst: 100_000 });
    server = await startTestApi(services);
    tokens.both = (await services.api.createToken('both', ['risk:read', 'ledger:write'])).secret;
    tokens.reader = (await services.api.createToken('reader', ['risk:read'])).secret;
    tokens.revoked = (await services.api.createToken('revoked', ['risk:read', 'ledger:write'])).secret;
    await services.api.revokeToken({ name: 'revoked' });
    for (const [path, body] of [['/v1/customers', templates.customer], ['/v1/invoices', templates.invoice], ['/v1/payments', templates.payment]] as const) {
      const response = await apiRequest(server.port, { method: 'POST', path, token: tokens.both, body }, agent);
      expect(response.status, response.text).toBe(201);
    }
    await services.api.flushRefresh();
  });

  afterAll(async () => {
    agent.destroy();
    await server?.close();
    await services?.shutdown();
    temp.remove();
  });

  function buildRequests(): ApiRequestOptions[] {
    const random = generator(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const chance = (probability: number) => random() < probability;
    const randomText = (length: number) => Array.from({ length }, () => String.fromCodePoint(pick([0x41 + Math.floor(random() * 26), 0x30 + Math.floor(random() * 10), 0x20, 0x2f, 0x25, 0x915, 0x1f600, 0x0, 0x7f]))).join('');
    const randomValue = (depth: number): unknown => {
      const kind = Math.floor(random() * (depth > 3 ? 5 : 7));
      if (kind === 0) return null;
      if (kind === 1) return chance(0.5);
      if (kind === 2) return pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, Math.floor(random() * 1e9)]);
      if (kind === 3) return randomText(Math.floor(random() * 40));
      if (kind === 4) return pick(['2026-02-30', '2026-10-01', 'INR', 'XYZ', 'inr', '', '27AAPFU0939F1ZV', 'FZ-1', 'F-1']);
      if (kind === 5) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(['name', 'amountMinor', 'customerRef', 'x', '__proto__', 'constructor']), randomValue(depth + 1)]));
    };
    const mutate = (template: Record<string, unknown>): Record<string, unknown> => {
      const copy: Record<string, unknown> = structuredClone(template);
      const keys = Object.keys(copy);
      const key = pick(keys);
      const action = Math.floor(random() * 4);
      if (action === 0) delete copy[key];
      else if (action === 1) copy[key] = randomValue(0);
      else if (action === 2) copy[pick(['extra', 'customerId', 'customerName', 'openMinor'])] = randomValue(0);
      else if (key === 'invoiceNumber' || key === 'reference' || key === 'name') copy[key] = `${String(copy[key])}-${Math.floor(random() * 50)}`;
      // A new number or reference makes a valid body create a record instead of matching the seeded one.
      for (const field of ['invoiceNumber', 'reference']) {
        if (typeof copy[field] === 'string' && chance(0.4)) copy[field] = `${String(copy[field])}-${Math.floor(random() * 500)}`;
      }
      return copy;
    };
    const body = (): unknown => {
      const kind = Math.floor(random() * 9);
      if (kind <= 2) return mutate(pick(Object.values(templates)));
      if (kind === 3) return randomValue(0);
      if (kind === 4) return Buffer.from(Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
      if (kind === 5) return JSON.stringify(mutate(pick(Object.values(templates)))).slice(0, Math.floor(random() * 40));
      if (kind === 6) return chance(0.5) ? '['.repeat(20_000) : `${'['.repeat(2_000)}${']'.repeat(2_000)}`;
      if (kind === 7) return chance(0.2) ? JSON.stringify({ ...templates.invoice, description: 'x'.repeat(270_000) }) : '{"__proto__": {"polluted": true}}';
      return undefined;
    };
    const path = (): string => {
      const base = pick(paths);
      const kind = Math.floor(random() * 8);
      if (kind === 0) return base.replace('/1', `/${pick(['0', '-1', '99999999999999999999', 'abc', '%00', '..%2f..%2fetc', '1.5', '%E0%A4%A'])}`);
      if (kind === 1) return `${base}?${pick(['gstin=27AAPFU0939F1ZV', 'pan=AAPFU0939F', 'name=fuzz%20traders', 'externalRef=FZ-1', 'name=a&name=b', 'customerId=x', 'gstin=&pan=', 'customerId=1', `name=${encodeURIComponent(randomText(10))}`])}`;
      if (kind === 2) return `/${encodeURIComponent(randomText(Math.floor(random() * 30)))}`;
      if (kind === 3) return `${base}/${'a'.repeat(Math.floor(random() * 3000))}`;
      if (kind === 4) return base.replace('/v1', pick(['/v2', '//v1', '/V1', '/v1/']));
      return base;
    };
    const requests: ApiRequestOptions[] = [];
    for (let index = 0; index < requestCount; index += 1) {
      const headers: Record<string, string> = {};
      const authorization = pick(['both', 'both', 'both', 'both', 'both', 'reader', 'revoked', 'garbage', 'none', 'scheme']);
      if (authorization === 'garbage') headers.authorization = `Bearer dwapi_${randomText(20).replace(/[^A-Za-z0-9]/g, 'q')}`;
      else if (authorization === 'scheme') headers.authorization = pick(['Bearer', 'Basic abc', `bearer  ${tokens.both}`, `Token ${tokens.both}`]);
      else if (authorization !== 'none') headers.authorization = `Bearer ${tokens[authorization]}`;
      if (chance(0.08)) headers.host = pick(['evil.example', `attacker.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '']);
      if (chance(0.05)) headers.origin = pick(['https://evil.example', 'null', `http://127.0.0.1:${server.port}`]);
      if (chance(0.1)) headers['idempotency-key'] = pick([`key-${Math.floor(random() * 20)}`, 'bad key', 'x'.repeat(300)]);
      const [targetMethod, targetPath, template] = pick(targets);
      const targeted = chance(0.5);
      const payload = targeted && template !== null && chance(0.7) ? mutate(templates[template] ?? {}) : body();
      const omitContentType = payload !== undefined && chance(0.1);
      if (payload !== undefined && !omitContentType) headers['content-type'] = targeted && chance(0.8) ? 'application/json' : pick(contentTypes);
      const method = targeted ? targetMethod : pick(methods);
      requests.push({ method, path: targeted ? targetPath : path(), headers, omitContentType, ...(payload === undefined ? {} : { body: payload }) });
    }
    return requests;
  }

  it('answers every generated request without a server error', async () => {
    const { db } = services.session.require().database;
    let fingerprint = await ledgerFingerprint(db);
    const statuses = new Map<number, number>();
    for (const request of buildRequests()) {
      const response = await apiRequest(server.port, request, agent);
      const label = `${request.method} ${request.path.slice(0, 80)}`;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${label}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
      if (request.method !== 'HEAD') {
        expect(response.headers['content-type'], label).toMatch(/^application\/json/);
        if (response.status >= 400) expect(apiErrorCodes, `${label}: ${response.text.slice(0, 200)}`).toContain((response.json as { error: { code: string } }).error.code);
      }
      if (response.status < 400) await services.api.flushRefresh();
      const after = await ledgerFingerprint(db);
      if (response.status >= 400) expect(after, `${label} was rejected with ${response.status} but changed the ledger`).toBe(fingerprint);
      fingerprint = after;
    }
    // The mix must reach both outcomes, or the run proves little.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(10);
    expect([400, 401, 403, 404, 409, 413, 415].every((status) => (statuses.get(status) ?? 0) > 0), JSON.stringify([...statuses])).toBe(true);
  });
});
