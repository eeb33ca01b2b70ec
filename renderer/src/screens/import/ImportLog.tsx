import type { ImportLogEntry } from '../../../../core/contract/index';
import { call } from '../../api/client';
import { errorText } from '../../components/Field';
import { count, localDate } from '../../format';

/** Every committed import with its counts, and an action to undo one as a whole. */
export function ImportLog({ entries, onUndone, onError }: { entries: ImportLogEntry[]; onUndone: () => void; onError: (message: string) => void }) {
  if (entries.length === 0) return null;

  async function undo(entry: ImportLogEntry) {
    if (!window.confirm(`Undo the import of ${entry.sourceFile}? Everything it added is removed and everything it changed is put back.`)) return;
    try {
      await call('import.undo', { importId: entry.id });
      onUndone();
    } catch (failure) {
      onError(errorText(failure));
    }
  }

  return (
    <div className="card" aria-label="Import log">
      <h2>Import log</h2>
      <table className="data-table compact">
        <thead><tr><th>#</th><th>File</th><th>Imported</th><th className="number">New invoices</th><th className="number">New payments</th><th className="number">New customers</th><th /></tr></thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="number">{entry.id}</td>
              <td>{entry.sourceFile}</td>
              <td>{localDate(entry.committedAt)}</td>
              <td className="number">{count(entry.changes?.invoices.new ?? 0)}</td>
              <td className="number">{count(entry.changes?.payments.new ?? 0)}</td>
              <td className="number">{count(entry.changes?.customers.new ?? 0)}</td>
              <td>{entry.undoneAt === null ? <button type="button" className="link" onClick={() => void undo(entry)}>Undo</button> : <span className="hint">Undone {localDate(entry.undoneAt)}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
