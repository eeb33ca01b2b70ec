import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcRequestChannel } from '../../core/contract/index';
import { dispatch } from '../../main/ipc/dispatch';
import { createSenderCheck, registerIpcHandlers, type InvokeEvent, type IpcMainLike } from '../../main/ipc/electron-ipc';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { ledgerFingerprint } from '../support/fingerprint';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

const customer = { name: 'Verma Agencies', contacts: [] };

describe('dispatch', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(async () => {
    temp = makeTempDir();
    services = createTestServices(temp.path);
    await services.ledgers.create('Shop', testPassphrase);
  });

  afterEach(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('rejects an unknown request name', async () => {
    const before = await ledgerFingerprint(services.session.require().database.db);
    const result = await dispatch(services, silentLogger, 'customers.drop', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(await ledgerFingerprint(services.session.require().database.db)).toBe(before);
  });

  it('rejects malformed input with field details', async () => {
    const before = await ledgerFingerprint(services.session.require().database.db);
    const result = await dispatch(services, silentLogger, 'customers.add', { name: 42, contacts: 'none' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name' }), expect.objectContaining({ path: 'contacts' })]));
    expect(await ledgerFingerprint(services.session.require().database.db)).toBe(before);
  });

  it('rejects a request body that is not an object', async () => {
    const result = await dispatch(services, silentLogger, 'customers.add', 'DROP TABLE customers');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses ledger requests while locked', async () => {
    await services.ledgers.lock();
    const result = await dispatch(services, silentLogger, 'customers.add', customer);
    expect(result).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect((await dispatch(services, silentLogger, 'ledger.list', {})).ok).toBe(true);
  });

  it('hides the stack of unexpected errors', async () => {
    const original = services.handlers['customers.list'];
    services.handlers['customers.list'] = () => {
      throw new Error('secret internal detail at /home/user/file.ts:12');
    };
    const result = await dispatch(services, silentLogger, 'customers.list', {});
    services.handlers['customers.list'] = original;
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internal detail');
    expect(JSON.stringify(result)).not.toContain('file.ts');
  });

  it('returns a service error with its own code', async () => {
    const result = await dispatch(services, silentLogger, 'customers.get', { id: 999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: 'No customer has the id 999.' } });
  });

  it('adds a customer in one envelope', async () => {
    const result = await dispatch(services, silentLogger, 'customers.add', customer);
    expect(result).toMatchObject({ ok: true, value: { name: 'Verma Agencies' } });
  });
});

describe('electron ipc registration', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  let handler: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;
  const appUrl = 'file:///opt/duewatch/out/renderer/index.html';

  beforeEach(async () => {
    temp = makeTempDir();
    services = createTestServices(temp.path);
    await services.ledgers.create('Shop', testPassphrase);
    const fakeIpcMain: IpcMainLike = {
      handle(channel, listener) {
        expect(channel).toBe(ipcRequestChannel);
        handler = listener;
      },
    };
    registerIpcHandlers(fakeIpcMain, services, silentLogger, createSenderCheck({ windowId: () => 1, appUrl }));
  });

  afterEach(async () => {
    await services.shutdown();
    temp.remove();
  });

  it('accepts the app window', async () => {
    const result = await handler({ sender: { id: 1 }, senderFrame: { url: appUrl } }, 'customers.add', customer);
    expect(result).toMatchObject({ ok: true });
  });

  it('rejects another web contents', async () => {
    const before = await ledgerFingerprint(services.session.require().database.db);
    const result = await handler({ sender: { id: 2 }, senderFrame: { url: appUrl } }, 'customers.add', customer);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ledgerFingerprint(services.session.require().database.db)).toBe(before);
  });

  it('rejects a frame showing another page', async () => {
    for (const url of ['https://evil.example/index.html', 'file:///tmp/other.html', 'about:blank']) {
      const result = await handler({ sender: { id: 1 }, senderFrame: { url } }, 'customers.add', customer);
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const result = await handler({ sender: { id: 1 }, senderFrame: null }, 'customers.add', customer);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await services.customers.list(0, 10)).total).toBe(0);
  });

  it('rejects an unknown channel name from the app window', async () => {
    const result = await handler({ sender: { id: 1 }, senderFrame: { url: appUrl } }, 'ledger.deleteEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
  });
});
