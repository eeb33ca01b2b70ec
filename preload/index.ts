import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, ipcEventChannel, ipcRequestChannel, requestNames, type EventName, type RequestName } from '../core/contract/index';

/**
 * The bridge between the sandboxed renderer and main: one function per contract request, and a
 * subscription to the contract's push events. Nothing of ipcRenderer itself is exposed.
 */
const requests: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of requestNames) {
  requests[name] = (input: unknown) => ipcRenderer.invoke(ipcRequestChannel, name satisfies RequestName, input);
}

function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
  if (!eventNames.includes(name)) throw new Error(`Unknown event "${String(name)}".`);
  const handler = (_event: unknown, eventName: string, payload: unknown) => {
    if (eventName === name) listener(payload);
  };
  ipcRenderer.on(ipcEventChannel, handler);
  return () => ipcRenderer.off(ipcEventChannel, handler);
}

contextBridge.exposeInMainWorld('duewatch', { requests: Object.freeze(requests), subscribe });
