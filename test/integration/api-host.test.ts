import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHost } from '../../main/api/host';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { apiRequest, errorCode, freePort } from '../support/api-client';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

describe('local API host', () => {
  const temp = makeTempDir('duewatch-api-host-');
  let services: Services;
  let host: ApiHost;
  let token: string;

  beforeAll(async () => {
    services = createTestServices(temp.path);
    await services.ledgers.create('Host', testPassphrase);
    host = new ApiHost(services, silentLogger);
    token = (await services.api.createToken('billing', ['risk:read'])).secret;
  });

  afterAll(async () => {
    await host?.close();
    await services?.shutdown();
    temp.remove();
  });

  it('stays off until enabled', async () => {
    await host.settled();
    expect(services.api.status()).toMatchObject({ running: false, url: null, loopbackOnly: true });
  });

  it('starts, moves to a new port and stops with the settings', async () => {
    const first = await freePort();
    await services.api.updateSettings({ enabled: true, port: first });
    await host.settled();
    expect(services.api.status()).toMatchObject({ running: true, url: `http://127.0.0.1:${first}`, error: null });
    expect((await apiRequest(first, { path: '/v1/alerts', token })).status).toBe(200);

    const second = await freePort();
    await services.api.updateSettings({ port: second });
    await host.settled();
    expect(services.api.status().url).toBe(`http://127.0.0.1:${second}`);
    await expect(apiRequest(first, { path: '/v1/alerts', token })).rejects.toThrow(/ECONNREFUSED/);
    expect((await apiRequest(second, { path: '/v1/alerts', token })).status).toBe(200);

    await services.api.updateSettings({ enabled: false });
    await host.settled();
    expect(services.api.status().running).toBe(false);
    await expect(apiRequest(second, { path: '/v1/alerts', token })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('keeps serving 423 while locked and follows the next unlock', async () => {
    const port = await freePort();
    await services.api.updateSettings({ enabled: true, port });
    await host.settled();
    const ledgerId = services.session.require().ledger.id;
    await services.ledgers.lock();
    const locked = await apiRequest(port, { path: '/v1/alerts', token });
    expect(locked.status).toBe(423);
    expect(errorCode(locked)).toBe('locked');
    await services.ledgers.unlock(ledgerId, testPassphrase, false);
    await host.settled();
    expect((await apiRequest(port, { path: '/v1/alerts', token })).status).toBe(200);
  });

  it('reports a port that another program holds', async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    try {
      await services.api.updateSettings({ port });
      await host.settled();
      expect(services.api.status()).toMatchObject({ running: false, error: `Port ${port} is already in use on 127.0.0.1. Choose another port.` });
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('marks an address other computers can reach', async () => {
    await services.api.updateSettings({ enabled: false, bindAddress: '0.0.0.0' });
    await host.settled();
    expect(services.api.status().loopbackOnly).toBe(false);
    await services.api.updateSettings({ bindAddress: '127.0.0.1' });
  });
});
