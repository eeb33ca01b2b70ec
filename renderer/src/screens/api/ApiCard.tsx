import { useEffect, useState, type FormEvent } from 'react';
import { loopbackAddresses, type ApiSettings, type ApiStatus } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText, Field } from '../../components/Field';
import { ApiRequestLog, apiPollMs } from './ApiRequestLog';
import { ApiTokens } from './ApiTokens';

function isLoopback(address: string): boolean {
  return loopbackAddresses.includes(address.trim()) || address.trim().startsWith('127.');
}

function statusText(status: ApiStatus | null): string {
  if (status === null) return 'Reading the status…';
  if (status.running && status.url !== null) return `Listening on ${status.url}`;
  return status.error ?? 'Off';
}

/**
 * The local HTTP API: on or off, its port and address, its bearer tokens and the requests it
 * served recently. The API listens on 127.0.0.1 unless the address is changed here, which shows
 * a warning because other computers can then reach it.
 */
export function ApiCard() {
  const [saved, setSaved] = useState<ApiSettings | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [port, setPort] = useState('');
  const [bindAddress, setBindAddress] = useState('');
  const [status, setStatus] = useState<ApiStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('api.settings', {}).then((settings) => {
      setSaved(settings);
      setEnabled(settings.enabled);
      setPort(String(settings.port));
      setBindAddress(settings.bindAddress);
    }).catch((failure: unknown) => setError(errorText(failure)));
    const readStatus = () => void call('api.status', {}).then(setStatus).catch(() => undefined);
    readStatus();
    const timer = setInterval(readStatus, apiPollMs);
    return () => clearInterval(timer);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    setError(null);
    try {
      const next = await call('api.updateSettings', { enabled, port: Number(port), bindAddress: bindAddress.trim() });
      setSaved(next);
      setMessage(next.enabled ? 'Saved.' : 'Saved. The API is off.');
      setStatus(await call('api.status', {}));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  if (saved === null) return error === null ? null : <p className="error" role="alert">{error}</p>;
  return (
    <div className="card" aria-label="Local API">
      <h2>Local API</h2>
      <p className="hint">Lets a billing or payment system on this computer look up risk scores, check credit for an order and send invoices and payments. It answers only while a ledger is unlocked.</p>
      <form onSubmit={(event) => void submit(event)} aria-label="Local API settings">
        <label className="check"><input type="checkbox" name="apiEnabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Turn on the local API</label>
        <div className="grid-2">
          <Field label="API port" hint="1 to 65535; the default is 7744.">
            <input name="apiPort" inputMode="numeric" value={port} onChange={(event) => setPort(event.target.value)} />
          </Field>
          <Field label="Listen on address" hint="127.0.0.1 keeps the API on this computer.">
            <input name="apiBindAddress" value={bindAddress} onChange={(event) => setBindAddress(event.target.value)} />
          </Field>
        </div>
        {!isLoopback(bindAddress) && (
          <p className="hint warning" role="alert" data-testid="api-lan-warning">
            Other computers on your network can reach the API on {bindAddress}. Every request still needs a token; use this only on a network you trust.
          </p>
        )}
        <p className="api-status" role="status" data-testid="api-status" data-running={status?.running === true ? 'true' : 'false'}>{statusText(status)}</p>
        {message !== null && <p className="success">{message}</p>}
        {error !== null && <p className="error" role="alert">{error}</p>}
        <div className="actions"><button type="submit">Save API settings</button></div>
      </form>
      <ApiTokens />
      <ApiRequestLog />
    </div>
  );
}
