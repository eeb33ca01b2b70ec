import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRequest, errorCode, freePort } from '../support/api-client';
import { runDuewatch } from '../support/cli';
import { startDuewatch } from '../support/cli-server';
import { makeTempDir } from '../support/services';

const passphrase = 'cardamom harbour 4711';

describe('duewatch api command', () => {
  const temp = makeTempDir('duewatch-api-cli-');
  const ledgerPath = join(temp.path, 'Rao Textiles.duewatch');
  const env = { DUEWATCH_DATA_DIR: join(temp.path, 'data'), DUEWATCH_PASSPHRASE: passphrase };
  let token = '';

  beforeAll(async () => {
    const created = await runDuewatch(['ledger', 'create', ledgerPath], { env });
    expect(created.code, created.stderr).toBe(0);
  });

  afterAll(() => temp.remove());

  it('prints a new token once', async () => {
    const result = await runDuewatch(['api', 'token', 'create', 'billing', '--scope', 'risk:read', '--scope', 'ledger:write', '--ledger', ledgerPath], { env });
    expect(result.code, result.stderr).toBe(0);
    const match = /dwapi_[A-Za-z0-9_-]{43}/.exec(result.stdout);
    expect(match).not.toBeNull();
    token = match?.[0] ?? '';
    expect(result.stdout).toContain('cannot show it again');
  });

  it('rejects an unknown scope', async () => {
    const result = await runDuewatch(['api', 'token', 'create', 'admin', '--scope', 'admin', '--ledger', ledgerPath], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--scope "admin" is not a scope/);
  });

  it('lists tokens without their secrets', async () => {
    const result = await runDuewatch(['api', 'token', 'list', '--ledger', ledgerPath, '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const tokens = JSON.parse(result.stdout) as { name: string; scopes: string[]; revokedAt: string | null }[];
    expect(tokens).toEqual([expect.objectContaining({ name: 'billing', scopes: ['risk:read', 'ledger:write'], revokedAt: null })]);
    expect(result.stdout).not.toContain(token);
  });

  it('serves until SIGTERM and stops accepting a token revoked meanwhile', async () => {
    const port = await freePort();
    const server = await startDuewatch(['api', '--ledger', ledgerPath, '--port', String(port)], 'DUEWATCH_API_URL', env);
    try {
      expect(server.announced).toBe(`http://127.0.0.1:${port}`);
      const customer = await apiRequest(port, { method: 'POST', path: '/v1/customers', token, body: { name: 'Kapoor Electricals', externalRef: 'KAP-01' } });
      expect(customer.status, customer.text).toBe(201);
      const invoice = await apiRequest(port, { method: 'POST', path: '/v1/invoices', token, body: { customerRef: 'KAP-01', invoiceNumber: 'A-1', issueDate: '2026-10-01', dueDate: '2026-10-31', amountMinor: 1_00_000_00, currency: 'INR' } });
      expect(invoice.status, invoice.text).toBe(201);
      const risk = await apiRequest(port, { path: '/v1/customers/1/risk', token });
      expect(risk.status, risk.text).toBe(200);
      expect((risk.json as { exposureMinor: number }).exposureMinor).toBe(1_00_000_00);

      const revoked = await runDuewatch(['api', 'token', 'revoke', 'billing', '--ledger', ledgerPath], { env });
      expect(revoked.code, revoked.stderr).toBe(0);
      const rejected = await apiRequest(port, { path: '/v1/customers/1/risk', token });
      expect(rejected.status).toBe(401);
      expect(errorCode(rejected)).toBe('forbidden');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    expect(server.output()).not.toContain(token);
    const info = await runDuewatch(['ledger', 'info', ledgerPath, '--json'], { env });
    const parsed = JSON.parse(info.stdout) as { counts: { customers: number }; auditChainIntact: boolean };
    expect(parsed.counts.customers).toBe(1);
    expect(parsed.auditChainIntact).toBe(true);
  });
});
