import { useCallback, useEffect, useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

type Page = RequestOutput<'privacy.audit.list'>;
type Verification = RequestOutput<'privacy.audit.verify'>;
const pageSize = 25;

/** Lists the hash-chained audit log, newest first, and verifies the whole chain on request. */
export function AuditPanel() {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await call('privacy.audit.list', { offset, limit: pageSize }));
    } catch (failure) {
      setError(errorText(failure));
    }
  }, [offset]);
  useEffect(() => void load(), [load]);

  async function verify() {
    try {
      setVerification(await call('privacy.audit.verify', {}));
      setError(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  return (
    <div>
      <div className="card" aria-label="Audit verification">
        <h2>Audit log</h2>
        <p className="hint">Each entry holds the hash of the one before it, so altering, removing or reordering any entry breaks the chain from there on. Entries hold ids and counts, never names or contact details.</p>
        <button type="button" onClick={() => void verify()}>Verify the audit log</button>
        {verification !== null && (
          <p role="status" aria-label="Audit verification result" className={verification.intact ? 'success' : 'error'}>
            {verification.intact ? `Audit log intact: ${verification.entries} entries, every link checked.` : `Audit log broken at entry ${verification.problem?.seq ?? '?'}: ${verification.problem?.message ?? ''}`}
          </p>
        )}
        {error !== null && <p className="error" role="alert">{error}</p>}
      </div>
      {page !== null && (
        <>
          <table className="data-table compact" aria-label="Audit entries">
            <thead><tr><th className="number">#</th><th>Time (UTC)</th><th>Action</th><th>Entity</th><th>Details</th><th>Hash</th></tr></thead>
            <tbody>
              {page.items.map((entry) => (
                <tr key={entry.seq} className={verification?.problem?.seq === entry.seq ? 'error' : undefined}>
                  <td className="number">{entry.seq}</td><td>{entry.at.slice(0, 19).replace('T', ' ')}</td><td>{entry.action}</td>
                  <td>{entry.entityType === null ? '—' : `${entry.entityType} ${entry.entityId ?? ''}`}</td><td className="mono small">{entry.details}</td><td className="mono small">{entry.hash.slice(0, 12)}…</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <span className="hint">Entries {page.total === 0 ? 0 : offset + 1}–{Math.min(offset + pageSize, page.total)} of {page.total}</span>
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>Newer</button>
            <button type="button" className="secondary" disabled={offset + pageSize >= page.total} onClick={() => setOffset(offset + pageSize)}>Older</button>
          </div>
        </>
      )}
    </div>
  );
}
