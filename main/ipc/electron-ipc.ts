import { ipcRequestChannel } from '../../core/contract/index';
import type { ResultEnvelope } from '../../core/contract/errors';
import type { Logger } from '../logger';
import type { Services } from '../services/index';
import { dispatch } from './dispatch';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

/** The part of Electron's ipcMain this module uses, so tests can drive the same handler. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * Accepts a sender only when it is the app's own window showing the app's own page: a frame
 * that navigated elsewhere, or another web contents, is rejected.
 */
export function createSenderCheck(options: { windowId: () => number | null; appUrl: string }): (event: InvokeEvent) => boolean {
  const appUrl = new URL(options.appUrl);
  return (event) => {
    const frameUrl = event.senderFrame?.url;
    if (frameUrl === undefined || event.sender.id !== options.windowId()) return false;
    try {
      const url = new URL(frameUrl);
      return url.protocol === appUrl.protocol && url.host === appUrl.host && url.pathname === appUrl.pathname;
    } catch {
      return false;
    }
  };
}

/** Registers the one request channel: every request passes the sender check, then `dispatch`. */
export function registerIpcHandlers(ipcMain: IpcMainLike, services: Services, logger: Logger, isTrustedSender: (event: InvokeEvent) => boolean): void {
  const log = logger.child({ subsystem: 'ipc' });
  ipcMain.handle(ipcRequestChannel, async (event, name, input): Promise<ResultEnvelope<unknown>> => {
    if (!isTrustedSender(event)) {
      log.warn({ senderId: event.sender.id }, 'request from an untrusted sender rejected');
      return { ok: false, error: { code: 'forbidden', message: 'Requests are accepted only from the Duewatch window.' } };
    }
    return dispatch(services, log, name, input);
  });
}
