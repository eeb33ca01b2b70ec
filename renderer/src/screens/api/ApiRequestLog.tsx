import { useEffect, useState } from 'react';
import type { ApiRequestLogEntry } from '../../../../core/contract/index';
import { call } from '../../api/client';

/** How often the Local API card reads the server's status and the recent requests, in milliseconds. */
export const apiPollMs = 2000;

/** Lists the most recent requests the API served, newest first, without bodies, query strings or tokens. */
export function ApiRequestLog() {
  const [entries, setEntries] = useState<ApiRequestLogEntry[]>([]);

  useEffect(() => {
    const read = () => void call('api.requests', { limit: 20 }).then(setEntries).catch(() => undefined);
    read();
    const timer = setInterval(read, apiPollMs);
    return () => clearInterval(timer);
  }, []);

  return (
    <section aria-label="Recent API requests">
      <h3>Recent requests</h3>
      {entries.length === 0 ? <p className="hint">No requests since Duewatch started.</p> : (
        <table className="data-table compact" aria-label="Recent API requests list">
          <thead><tr><th>Time</th><th>Token</th><th>Method</th><th>Path</th><th className="number">Status</th><th className="number">Duration</th></tr></thead>
          <tbody>
            {entries.map((entry, index) => (
              <tr key={`${entry.at}-${index}`} className={entry.status >= 400 ? 'warning' : undefined}>
                <td>{new Date(entry.at).toLocaleTimeString('en-IN')}</td>
                <td>{entry.tokenName ?? '—'}</td>
                <td className="mono">{entry.method}</td>
                <td className="mono api-path">{entry.path}</td>
                <td className="number">{entry.status}</td>
                <td className="number">{entry.durationMs.toFixed(1)} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
