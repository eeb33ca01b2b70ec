import { useState } from 'react';
import type { BureauPreview } from '../../../../core/contract/index';
import { call, transport, uploadFile } from '../../api/client';
import { errorText } from '../../components/Field';
import { count, date } from '../../format';

/** Imports a credit-bureau score file: choose it, check the preview (unmatched rows listed), then import it all at once. */
export function BureauImportCard({ onImported }: { onImported: () => void }) {
  const [fileId, setFileId] = useState<string | null>(null);
  const [preview, setPreview] = useState<BureauPreview | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async (id: string) => {
    setFileId(id);
    setPreview(await call('alerts.bureau.preview', { fileId: id }));
  };
  const guard = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const pick = (files: FileList | null) => {
    const chosen = files?.[0];
    if (chosen !== undefined) void guard(async () => show((await uploadFile(chosen)).fileId));
  };
  const commit = () => void guard(async () => {
    if (fileId === null) return;
    const done = await call('alerts.bureau.commit', { fileId });
    setResult(`Imported ${count(done.imported)} reports; ${count(done.unmatched)} unmatched and ${count(done.invalid)} invalid rows were skipped.`);
    setPreview(null);
    setFileId(null);
    onImported();
  });
  const discard = () => void guard(async () => {
    if (fileId !== null) await call('alerts.bureau.discard', { fileId });
    setPreview(null);
    setFileId(null);
  });

  return (
    <div className="card" aria-label="Bureau scores">
      <h2>Credit bureau scores</h2>
      <p className="hint">A CSV or XLSX file with PAN, GSTIN, Customer Code or Customer Name, Report Date, Bureau and Score (300-900, or a CIBIL MSME rank 1-10 where 1 is best). Rows that match no customer are listed and never guessed.</p>
      {transport === 'desktop' ? (
        <button type="button" disabled={busy} onClick={() => void guard(async () => { const chosen = await call('import.chooseFile', {}); if (chosen !== null) await show(chosen.fileId); })}>Choose bureau file…</button>
      ) : (
        <input type="file" name="bureauFile" aria-label="Bureau file" accept=".csv,.txt,.xlsx" disabled={busy} onChange={(event) => pick(event.target.files)} />
      )}
      {error !== null && <p className="error" role="alert">{error}</p>}
      {result !== null && <p className="success" role="status" aria-label="Bureau import result">{result}</p>}
      {preview !== null && (
        <div aria-label="Bureau preview">
          <p><strong>{preview.fileName}</strong>: {count(preview.rowCount)} rows, {count(preview.matched.length)} matched, {count(preview.unmatched.length)} unmatched, {count(preview.invalid.length)} invalid.</p>
          {preview.unmatched.length + preview.invalid.length > 0 && (
            <table className="data-table compact" aria-label="Rows not imported">
              <thead><tr><th>Row</th><th>Identifier</th><th>Why</th></tr></thead>
              <tbody>
                {preview.unmatched.map((row) => <tr key={`u${row.row}`}><td>{row.row}</td><td>{row.identifier}</td><td>{row.reason}</td></tr>)}
                {preview.invalid.map((row) => <tr key={`i${row.row}`}><td>{row.row}</td><td>—</td><td>{row.message}</td></tr>)}
              </tbody>
            </table>
          )}
          <table className="data-table compact" aria-label="Matched reports">
            <thead><tr><th>Row</th><th>Customer</th><th>Matched by</th><th>Bureau</th><th>Date</th><th className="number">Score</th></tr></thead>
            <tbody>{preview.matched.slice(0, 50).map((row) => (
              <tr key={row.row}><td>{row.row}</td><td>{row.customerName}</td><td>{row.matchedBy}</td><td>{row.bureau}</td><td>{date(row.reportDate)}</td><td className="number">{row.value}{row.scale === 'rank-1-10' ? ' (rank)' : ''}</td></tr>
            ))}</tbody>
          </table>
          <div className="header-actions">
            <button type="button" disabled={busy || preview.matched.length === 0} onClick={commit}>Import {count(preview.matched.length)} reports</button>
            <button type="button" className="secondary" disabled={busy} onClick={discard}>Discard</button>
          </div>
        </div>
      )}
    </div>
  );
}
