import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../main/ipc/dispatch';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';
import { createTestServices, makeTempDir, testPassphrase } from '../support/services';

describe('auto-lock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;

  beforeEach(async () => {
    temp = makeTempDir();
    services = createTestServices(temp.path);
    await services.ledgers.create('Shop', testPassphrase);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await services.shutdown();
    temp.remove();
  });

  it('locks after the configured idle time', async () => {
    const events: unknown[] = [];
    services.session.events.on('event', (name: string, payload: unknown) => events.push({ name, payload }));
    expect((await dispatch(services, silentLogger, 'settings.update', { autoLockMinutes: 2 })).ok).toBe(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    services.session.touch();
    await vi.advanceTimersByTimeAsync(119_000);
    expect(services.session.unlocked).not.toBeNull();
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.waitFor(() => expect(services.session.unlocked).toBeNull());
    expect(events).toContainEqual({ name: 'session.changed', payload: { unlocked: false, reason: 'auto-lock' } });
    expect((await dispatch(services, silentLogger, 'customers.list', {})).ok).toBe(false);
  });

  it('restarts the idle time on every request', async () => {
    expect((await dispatch(services, silentLogger, 'settings.update', { autoLockMinutes: 1 })).ok).toBe(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    services.session.touch();
    for (let step = 0; step < 5; step += 1) {
      await vi.advanceTimersByTimeAsync(50_000);
      expect((await dispatch(services, silentLogger, 'customers.list', {})).ok).toBe(true);
    }
    expect(services.session.unlocked).not.toBeNull();
  });

  it('keeps the setting after the next unlock', async () => {
    await dispatch(services, silentLogger, 'settings.update', { autoLockMinutes: 7 });
    const ledgerId = services.session.require().ledger.id;
    await services.ledgers.lock();
    await services.ledgers.unlock(ledgerId, testPassphrase, false);
    expect(services.session.idleMinutes).toBe(7);
  });
});
