import { useState } from 'react';
import type { RequestOutput } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';

type Preview = RequestOutput<'privacy.consents.previewImport'>;

/** Imports a consent register from CSV: a preview first, then all rows or none. */
export function ConsentImport() {
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setPreview(null);
    setMessage(null);
    setError(null);
    if (file === undefined) return;
    try {
      const text = await file.text();
      setCsv(text);
      setPreview(await call('privacy.consents.previewImport', { csv: text }));
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function commit() {
    if (csv === null) return;
    try {
      const result = await call('privacy.consents.commitImport', { csv });
      setMessage(`Imported ${result.imported} consent records.`);
      setPreview(null);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  const problems = preview === null ? 0 : preview.fileProblems.length + preview.rows.filter((row) => row.problems.length > 0).length;
  return (
    <div className="card" aria-label="Import consent register">
      <h2>Import a consent register</h2>
      <p className="hint">CSV with columns customer (code or name), contact, purpose, basis, notice version, date (YYYY-MM-DD or DD/MM/YYYY), given/withdrawn, and optionally channel and method.</p>
      <input type="file" accept=".csv,text/csv" aria-label="Consent CSV file" onChange={(event) => void choose(event.target.files?.[0])} />
      {error !== null && <p className="error" role="alert">{error}</p>}
      {message !== null && <p className="success" role="status">{message}</p>}
      {preview !== null && (
        <>
          {preview.fileProblems.map((problem) => <p key={problem} className="error">{problem}</p>)}
          <div className="scroll-box">
            <table className="data-table compact" aria-label="Consent import preview">
              <thead><tr><th>Row</th><th>Customer</th><th>Purpose</th><th>Basis</th><th>Action</th><th>Date</th><th>Problems</th></tr></thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.row} className={row.problems.length > 0 ? 'error' : undefined}>
                    <td>{row.row}</td><td>{row.customerName ?? '—'}</td><td>{row.purpose ?? '—'}</td><td>{row.legalBasis ?? '—'}</td>
                    <td>{row.action ?? '—'}</td><td>{row.effectiveOn ?? '—'}</td><td>{row.problems.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <span className="hint">{problems === 0 ? `${preview.rows.length} rows ready.` : `${problems} problems: fix the file and choose it again; nothing is imported while any row has a problem.`}</span>
            <button type="button" disabled={!preview.canCommit} onClick={() => void commit()}>Import {preview.rows.length} records</button>
          </div>
        </>
      )}
    </div>
  );
}
