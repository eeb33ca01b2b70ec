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
 * Shows the local HTTP API's settings (on or off, port, address, rate limit), its bearer tokens
 * and the requests it served recently. The API listens on 127.0.0.1 unless the address is changed
 * here, which shows a warning because other computers can then reach it.
 */
export function ApiCard() {
  const [status, setStatus] = useState<ApiStatus | null>(null);

  useEffect(() => {
    const readStatus = () => void call('api.status', {}).then(setStatus).catch(() => undefined);
    readStatus();
    const timer = setInterval(readStatus, apiPollMs);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="card" aria-label="Local API">
      <h2>Local API</h2>
      <p className="hint">Lets a billing or payment system on this computer look up risk scores, check credit for an order and send invoices and payments. It answers only while a ledger is unlocked.</p>
      <ApiSettingsForm status={status} onSaved={() => void call('api.status', {}).then(setStatus)} />
      <ApiTokens />
      <ApiRequestLog />
    </div>
  );
}

function ApiSettingsForm({ status, onSaved }: { status: ApiStatus | null; onSaved: () => void }) {
  const [draft, setDraft] = useState<Record<'port' | 'bindAddress' | 'perSecond' | 'burst', string> | null>(null);
  const [enabled, setEnabled] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('api.settings', {}).then((settings: ApiSettings) => {
      setEnabled(settings.enabled);
      setDraft({ port: String(settings.port), bindAddress: settings.bindAddress, perSecond: String(settings.rateLimitPerSecond), burst: String(settings.rateLimitBurst) });
    }).catch((failure: unknown) => setError(errorText(failure)));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    setMessage(null);
    setError(null);
    try {
      const next = await call('api.updateSettings', { enabled, port: Number(draft.port), bindAddress: draft.bindAddress.trim(), rateLimitPerSecond: Number(draft.perSecond), rateLimitBurst: Number(draft.burst) });
      setMessage(next.enabled ? 'Saved.' : 'Saved. The API is off.');
      onSaved();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  if (draft === null) return error === null ? null : <p className="error" role="alert">{error}</p>;
  const input = (key: keyof typeof draft, name: string, numeric = true) => (
    <input name={name} inputMode={numeric ? 'numeric' : undefined} value={draft[key]} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} />
  );
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Local API settings">
      <label className="check"><input type="checkbox" name="apiEnabled" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Turn on the local API</label>
      <div className="grid-2">
        <Field label="API port" hint="1 to 65535; the default is 7744.">{input('port', 'apiPort')}</Field>
        <Field label="Listen on address" hint="127.0.0.1 keeps the API on this computer.">{input('bindAddress', 'apiBindAddress', false)}</Field>
        <Field label="Requests per second per token" hint="Sustained rate; further requests get 429.">{input('perSecond', 'apiRateLimit')}</Field>
        <Field label="Burst per token" hint="Requests allowed at once after a quiet spell.">{input('burst', 'apiRateBurst')}</Field>
      </div>
      {!isLoopback(draft.bindAddress) && (
        <p className="hint warning" role="alert" data-testid="api-lan-warning">
          Other computers on your network can reach the API on {draft.bindAddress}. Every request still needs a token; use this only on a network you trust.
        </p>
      )}
      <p className="api-status" role="status" data-testid="api-status" data-running={status?.running === true ? 'true' : 'false'}>{statusText(status)}</p>
      {message !== null && <p className="success">{message}</p>}
      {error !== null && <p className="error" role="alert">{error}</p>}
      <div className="actions"><button type="submit">Save API settings</button></div>
    </form>
  );
}
