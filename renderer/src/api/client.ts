import type { EventName, EventPayload, RequestError, RequestInput, RequestName, RequestOutput, ResultEnvelope } from '../../../core/contract/index';

/** The bridge the preload script exposes in the desktop app. */
interface DesktopBridge {
  requests: Record<string, (input: unknown) => Promise<ResultEnvelope<unknown>>>;
  subscribe(name: EventName, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    duewatch?: DesktopBridge;
  }
}

/** A request that came back with an error envelope. */
export class RequestFailed extends Error {
  constructor(readonly error: RequestError) {
    super(error.message);
    this.name = 'RequestFailed';
  }

  get code() {
    return this.error.code;
  }
}

const tokenKey = 'duewatch.token';

/** Moves the browser-mode token from the address fragment into session storage and out of the address bar. */
function browserToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', window.location.pathname);
  }
  return sessionStorage.getItem(tokenKey);
}

export const transport: 'desktop' | 'browser' = window.duewatch === undefined ? 'browser' : 'desktop';
const token = transport === 'browser' ? browserToken() : null;

async function send(name: RequestName, input: unknown): Promise<ResultEnvelope<unknown>> {
  const bridge = window.duewatch;
  if (bridge !== undefined) {
    const request = bridge.requests[name];
    if (request === undefined) return { ok: false, error: { code: 'unknown_request', message: `Unknown request ${name}.` } };
    return request(input);
  }
  if (token === null) {
    return { ok: false, error: { code: 'forbidden', message: 'This page has no access token. Open the address that Duewatch printed when it started.' } };
  }
  const response = await fetch(`/api/request/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as ResultEnvelope<unknown>;
}

/** Sends one contract request and returns its output, or throws RequestFailed. */
export async function call<Name extends RequestName>(name: Name, input: RequestInput<Name>): Promise<RequestOutput<Name>> {
  const envelope = await send(name, input);
  if (!envelope.ok) throw new RequestFailed(envelope.error);
  return envelope.value as RequestOutput<Name>;
}

/** A file handed to main for import: its id, name and size. */
export interface UploadedFile {
  fileId: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * Sends a file the user picked to browser mode's upload endpoint, streaming it as the request
 * body. The desktop app reads files through its own dialog (`import.chooseFile`) instead.
 */
export async function uploadFile(file: File): Promise<UploadedFile> {
  if (token === null) throw new RequestFailed({ code: 'forbidden', message: 'This page has no access token. Open the address that Duewatch printed when it started.' });
  const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: file,
  });
  const envelope = (await response.json()) as ResultEnvelope<UploadedFile>;
  if (!envelope.ok) throw new RequestFailed(envelope.error);
  return envelope.value;
}

type Listener = (name: EventName, payload: unknown) => void;
const listeners = new Set<Listener>();
let streamStarted = false;

/** Subscribes to push events from main; returns the unsubscribe function. */
export function onEvent<Name extends EventName>(name: Name, listener: (payload: EventPayload<Name>) => void): () => void {
  const bridge = window.duewatch;
  if (bridge !== undefined) return bridge.subscribe(name, listener as (payload: unknown) => void);
  const wrapped: Listener = (eventName, payload) => {
    if (eventName === name) listener(payload as EventPayload<Name>);
  };
  listeners.add(wrapped);
  if (!streamStarted) {
    streamStarted = true;
    void readEventStream();
  }
  return () => listeners.delete(wrapped);
}

/** Reads the browser-mode server-sent events over fetch, which, unlike EventSource, can send the token header. */
async function readEventStream(): Promise<void> {
  if (token === null) return;
  for (;;) {
    try {
      const response = await fetch('/api/events', { headers: { authorization: `Bearer ${token}` } });
      if (response.body === null) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          dispatchEvent(buffer.slice(0, boundary));
          buffer = buffer.slice(boundary + 2);
          boundary = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The server restarted or the connection dropped; retry below.
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function dispatchEvent(block: string): void {
  const name = /^event: (.+)$/m.exec(block)?.[1];
  const data = /^data: (.+)$/m.exec(block)?.[1];
  if (name === undefined || data === undefined) return;
  for (const listener of listeners) listener(name as EventName, JSON.parse(data));
}
