import type { ApiSettings } from '../../core/contract/api';
import type { Logger } from '../logger';
import type { Services } from '../services/index';
import { startApiServer, type ApiServer } from './server';

/**
 * Starts and stops the local API for the desktop app and browser mode, following the unlocked
 * ledger's settings: on each unlock and each settings change it starts, restarts (a new port or
 * address) or stops the server. Locking the ledger leaves a running server up, and it then
 * responds 423 until a ledger is unlocked again.
 */
export class ApiHost {
  private server: ApiServer | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly log: Logger;

  private readonly onSession = (name: string, payload: { unlocked?: boolean }) => {
    if (name === 'session.changed' && payload.unlocked === true) this.apply();
  };

  private readonly onSettings = () => this.apply();

  constructor(
    private readonly services: Services,
    private readonly logger: Logger,
  ) {
    this.log = logger.child({ subsystem: 'api' });
    services.session.events.on('event', this.onSession);
    services.api.events.on('settings', this.onSettings);
    if (services.session.unlocked !== null) this.apply();
  }

  /** Resolves when every start and stop requested so far has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  private apply(): void {
    this.queue = this.queue.then(() => this.reconcile()).catch((error: unknown) => this.log.error({ err: error }, 'starting or stopping the local API failed'));
  }

  private async reconcile(): Promise<void> {
    if (this.closed || this.services.session.unlocked === null) return;
    const settings = await this.services.api.settings();
    const running = this.server;
    if (running !== null && settings.enabled && running.bindAddress === settings.bindAddress && running.port === settings.port) return;
    if (running !== null) {
      this.server = null;
      await running.close();
    }
    if (!settings.enabled) {
      this.services.api.setStatus({ running: false, url: null, bindAddress: settings.bindAddress, port: settings.port, error: null });
      return;
    }
    await this.start(settings);
  }

  private async start(settings: ApiSettings): Promise<void> {
    try {
      this.server = await startApiServer({ services: this.services, logger: this.logger, bindAddress: settings.bindAddress, port: settings.port });
      this.services.api.setStatus({ running: true, url: this.server.url, bindAddress: settings.bindAddress, port: this.server.port, error: null });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const message = code === 'EADDRINUSE'
        ? `Port ${settings.port} is already in use on ${settings.bindAddress}. Choose another port.`
        : code === 'EADDRNOTAVAIL'
          ? `${settings.bindAddress} is not an address of this computer. Choose one of its addresses, or 127.0.0.1.`
          : `The local API could not start (${code ?? 'unknown error'}). The details are in the log.`;
      this.log.warn({ err: error, port: settings.port }, 'local API did not start');
      this.services.api.setStatus({ running: false, url: null, bindAddress: settings.bindAddress, port: settings.port, error: message });
    }
  }

  /** Stops the server and stops following the session and settings. */
  async close(): Promise<void> {
    this.closed = true;
    this.services.session.events.off('event', this.onSession);
    this.services.api.events.off('settings', this.onSettings);
    await this.queue;
    const running = this.server;
    this.server = null;
    if (running !== null) await running.close();
  }
}
